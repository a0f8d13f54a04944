/**
 * The one query shape every figure family uses: a source of rows (one per conversation, ticket, answer
 * or vote, with its instant, department, agent and channel), aggregated with GROUPING SETS so the
 * period's total and its breakdowns by bucket, department, agent and channel come from one scan.
 * Buckets are cut in the report's zone (`date_trunc(unit, at AT TIME ZONE zone)`), so a New York day is
 * New York's 24 (or 23, or 25) hours.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ReportChannel, ReportGranularity, ReportRow, ReportSection, ReportValue } from '@parley/protocol';
import type { Executor } from '../db/client.js';
import { rowsOf } from '../conversations/views.js';
import type { Window } from './period.js';

/** Who may see what, decided by the caller (routes: the signed-in person; benchmark: anything). */
export interface ReportScope {
  siteId: string;
  /** null: every department (admins); else only items of these departments (supervisors). */
  departmentIds: string[] | null;
}

/** Everything a figure family needs besides the window. */
export interface FigureQuery {
  scope: ReportScope;
  timeZone: string;
  granularity: ReportGranularity;
  departmentId?: string;
  agentId?: string;
  channel?: ReportChannel;
  chatTargetSeconds: number;
  /** "Now" for open items (is a ticket without an answer already past its due time?). */
  now: Date;
}

export type Dim = 'bucket' | 'department' | 'agent' | 'channel';

export interface FigureSpec<K extends string> {
  metrics: K[];
  /** Which breakdowns apply; the others come back empty. */
  dims: Dim[];
  /** Rows with columns `at` (timestamptz), `department_id`, `agent_id`, `channel` and what `aggregates` reads. */
  source(q: FigureQuery, w: Window): SQL;
  /** The select list of aggregates, e.g. sql`count(*)::int as n`. */
  aggregates: SQL;
  /** From one aggregated row to the section's figures. */
  derive(raw: Record<string, unknown>): Record<K, ReportValue>;
}

export const uuidArray = (values: string[]) => `{${values.join(',')}}`;
/** An instant as a parameter both drivers read alike. */
export const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** The scope and filter conditions on a source's columns; `channel` null means the source is all chat. */
export function filters(q: FigureQuery, cols: { department: SQL; agent: SQL; channel: SQL | null }): SQL {
  const parts: SQL[] = [];
  if (q.scope.departmentIds !== null) parts.push(sql`${cols.department} = any(${uuidArray(q.scope.departmentIds)}::uuid[])`);
  if (q.departmentId) parts.push(sql`${cols.department} = ${q.departmentId}::uuid`);
  if (q.agentId) parts.push(sql`${cols.agent} = ${q.agentId}::uuid`);
  if (q.channel) parts.push(cols.channel ? sql`${cols.channel} = ${q.channel}` : q.channel === 'chat' ? sql`true` : sql`false`);
  return parts.length > 0 ? sql.join(parts, sql` and `) : sql`true`;
}

/** A ticket's source as a report channel: a ticket opened from a chat belongs with the chats. */
export const ticketChannel = (source: SQL) => sql`(case when ${source} = 'chat' then 'chat' else ${source} end)`;

const UNITS: Record<ReportGranularity, string> = { day: 'day', week: 'week', month: 'month' };
const DIM_COLUMN: Record<Dim, string> = { bucket: 'bucket', department: 'department_id', agent: 'agent_id', channel: 'channel' };

export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const int = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
export const round = (v: number | null, digits = 1): number | null => (v === null || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits);
/** part / whole in %, one decimal; null when whole is 0. */
export const pct = (part: number, whole: number): number | null => (whole > 0 ? round((100 * part) / whole) : null);

export interface Grouped<K extends string> {
  total: Record<K, ReportValue>;
  series: Array<{ key: string; values: Record<K, ReportValue> }>;
  byDepartment: Array<{ key: string; values: Record<K, ReportValue> }>;
  byAgent: Array<{ key: string; values: Record<K, ReportValue> }>;
  byChannel: Array<{ key: string; values: Record<K, ReportValue> }>;
}

/** Runs a figure family over a window: the total and, when `breakdowns`, every applicable breakdown. */
export async function runFigure<K extends string>(db: Executor, spec: FigureSpec<K>, q: FigureQuery, w: Window, breakdowns: boolean): Promise<Grouped<K>> {
  const dims = breakdowns ? spec.dims : [];
  const unit = UNITS[q.granularity];
  const cols = dims.map((d) => sql.raw(DIM_COLUMN[d]));
  const flags = dims.map((d) => sql`grouping(${sql.raw(DIM_COLUMN[d])})::int as ${sql.raw(`g_${d}`)}`);
  const sets = [sql`()`, ...cols.map((c) => sql`(${c})`)];
  const query = sql`
    select ${sql.join([...flags, ...cols, spec.aggregates], sql`, `)}
    from (
      select to_char(date_trunc(${sql.raw(`'${unit}'`)}, s.at at time zone ${q.timeZone}), 'YYYY-MM-DD') as bucket, s.*
      from (${spec.source(q, w)}) s
    ) f
    ${dims.length > 0 ? sql`group by grouping sets (${sql.join(sets, sql`, `)})` : sql``}`;
  const rows = rowsOf<Record<string, unknown>>(await db.execute(query));
  const empty = spec.derive({});
  const out: Grouped<K> = { total: empty, series: [], byDepartment: [], byAgent: [], byChannel: [] };
  for (const row of rows) {
    const grouped = dims.filter((d) => Number(row[`g_${d}`]) === 0);
    const values = spec.derive(row);
    if (grouped.length === 0) out.total = values;
    else {
      const d = grouped[0]!;
      const key = row[DIM_COLUMN[d]] === null || row[DIM_COLUMN[d]] === undefined ? 'none' : String(row[DIM_COLUMN[d]]);
      const target = d === 'bucket' ? out.series : d === 'department' ? out.byDepartment : d === 'agent' ? out.byAgent : out.byChannel;
      target.push({ key, values });
    }
  }
  return out;
}

/** Labels attached, every bucket present, the rest sorted by key (names are attached by the service). */
export function toSection<K extends string>(
  spec: FigureSpec<K>,
  current: Grouped<K>,
  previous: Grouped<K> | null,
  buckets: string[],
  label: (dim: Exclude<Dim, 'bucket'>, key: string) => string,
  bucketLabel: (key: string) => string,
): ReportSection<K> {
  const empty = spec.derive({});
  const byKey = new Map(current.series.map((r) => [r.key, r.values]));
  const series: ReportRow<K>[] = spec.dims.includes('bucket') ? buckets.map((key) => ({ key, label: bucketLabel(key), values: byKey.get(key) ?? empty })) : [];
  const labelled = (dim: Exclude<Dim, 'bucket'>, rows: Grouped<K>['byAgent']): ReportRow<K>[] =>
    rows.map((r) => ({ key: r.key, label: label(dim, r.key), values: r.values })).sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
  return {
    metrics: spec.metrics,
    total: current.total,
    previous: previous ? previous.total : null,
    series,
    byDepartment: labelled('department', current.byDepartment),
    byAgent: labelled('agent', current.byAgent),
    byChannel: labelled('channel', current.byChannel),
  };
}
