/**
 * Assembles a report: each asked-for figure family over the period (total and breakdowns) and, with
 * `compare`, its total over the period before. Who may see what is the caller's `scope`; the request
 * is a schema-checked ReportRequest (routes parse the query string with reportRequestSchema).
 *
 *   const report = await buildReport({ db, clock }, { siteId, departmentIds: null }, { from: '2026-01-01', to: '2026-12-31', granularity: 'month', compare: true });
 */
import { inArray, sql } from 'drizzle-orm';
import type { Locale, ReportRequest, ReportResponse, ReportSectionName, ReportSections } from '@parley/protocol';
import type { Database, Db, Executor } from '../db/client.js';
import { refreshChatFacts } from './chat-facts.js';
import { agents, departments } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { bot } from './bot.js';
import { kb } from './kb.js';
import { bucketsOf, previousWindow, resolveRequest, type ResolvedRequest, type Window } from './period.js';
import { runFigure, toSection, type Dim, type FigureQuery, type FigureSpec, type Grouped, type ReportScope } from './query.js';
import { responseTimes } from './response-times.js';
import { satisfaction, surveyComments } from './satisfaction.js';
import { sla } from './sla.js';
import { volume } from './volume.js';

export type { ReportScope } from './query.js';

/** What building a report needs: a database and a clock (an AppContext has all of it). */
export interface ReportContext {
  db: Executor;
  clock: () => Date;
  /** On PostgreSQL the report's queries share one read transaction with JIT off (see below). */
  database?: Pick<Database, 'driver'>;
}

const SPECS: { [S in ReportSectionName]: FigureSpec<ReportSections[S]['metrics'][number]> } = {
  volume,
  responseTimes,
  sla,
  bot,
  kb,
  satisfaction,
};

const NONE: Record<Locale, string> = { en: '(none)', 'zh-CN': '（无）', 'zh-TW': '（無）' };

/** Refuses a department filter outside the scope: a supervisor asking for another team learns nothing. */
function checkScope(scope: ReportScope, req: ReportRequest): void {
  if (req.departmentId && scope.departmentIds !== null && !scope.departmentIds.includes(req.departmentId)) {
    throw new AppError('forbidden', 'you may only report on your own departments');
  }
}

async function labeller(db: Executor, groups: Array<Grouped<string>>, locale: Locale) {
  const deptIds = new Set<string>();
  const agentIds = new Set<string>();
  for (const g of groups) {
    g.byDepartment.forEach((r) => r.key !== 'none' && deptIds.add(r.key));
    g.byAgent.forEach((r) => r.key !== 'none' && agentIds.add(r.key));
  }
  const deptNames = new Map<string, string>();
  const agentNames = new Map<string, string>();
  if (deptIds.size > 0) {
    for (const d of await db.select({ id: departments.id, names: departments.names }).from(departments).where(inArray(departments.id, [...deptIds]))) {
      deptNames.set(d.id, d.names[locale] ?? d.names.en ?? Object.values(d.names)[0] ?? d.id);
    }
  }
  if (agentIds.size > 0) {
    for (const a of await db.select({ id: agents.id, name: agents.name }).from(agents).where(inArray(agents.id, [...agentIds]))) agentNames.set(a.id, a.name);
  }
  return (dim: Exclude<Dim, 'bucket'>, key: string): string => {
    if (key === 'none') return NONE[locale];
    if (dim === 'department') return deptNames.get(key) ?? key;
    if (dim === 'agent') return agentNames.get(key) ?? key;
    return key;
  };
}

const bucketLabel = (granularity: ResolvedRequest['granularity']) => (key: string) => (granularity === 'month' ? key.slice(0, 7) : key);

/**
 * The report for `request` within `scope`. `locale` only picks the language of department names and
 * of "(none)" in labels; figures do not depend on it.
 */
export async function buildReport(ctx: ReportContext, scope: ReportScope, request: ReportRequest, opts: { locale?: Locale } = {}): Promise<ReportResponse> {
  checkScope(scope, request);
  const resolved = await resolveRequest(ctx.db, scope.siteId, request);
  const now = ctx.clock();
  const q: FigureQuery = {
    scope,
    timeZone: resolved.timeZone,
    granularity: resolved.granularity,
    ...(resolved.departmentId ? { departmentId: resolved.departmentId } : {}),
    ...(resolved.agentId ? { agentId: resolved.agentId } : {}),
    ...(resolved.channel ? { channel: resolved.channel } : {}),
    chatTargetSeconds: resolved.chatTargetSeconds,
    now,
  };
  const current: Window = { fromDay: resolved.from, toDay: resolved.to, start: resolved.start, end: resolved.end };
  const before = resolved.compare ? previousWindow(resolved.from, resolved.to, resolved.timeZone) : null;

  const run = async (db: Executor) => {
    if (resolved.sections.includes('responseTimes') || resolved.sections.includes('sla')) {
      for (const w of before ? [current, before] : [current]) await refreshChatFacts(db, scope.siteId, w);
    }
    // One after the other: on PGlite queries run one at a time anyway, and on PostgreSQL a report
    // should not take several pool connections from the chat traffic.
    const out: Array<{ name: ReportSectionName; current: Grouped<string>; previous: Grouped<string> | null }> = [];
    for (const name of resolved.sections) {
      const spec = SPECS[name] as FigureSpec<string>;
      out.push({ name, current: await runFigure(db, spec, q, current, true), previous: before ? await runFigure(db, spec, q, before, false) : null });
    }
    return out;
  };
  // PostgreSQL's JIT compiles these aggregates for ~0.3 s per query, more than running them takes;
  // `set local` needs a transaction, which on PostgreSQL costs one pooled connection for the report
  // (and lets the sections read one snapshot).
  // PGlite has no JIT, and a transaction there would hold up every other query for the whole report.
  const results =
    ctx.database?.driver === 'postgres'
      ? await (ctx.db as Db).transaction(async (tx) => {
          await tx.execute(sql`set local jit = off`);
          // Percentiles sort every duration of the period: in memory, not in temporary files.
          await tx.execute(sql`set local work_mem = '64MB'`);
          return run(tx);
        })
      : await run(ctx.db);
  const label = await labeller(ctx.db, results.map((r) => r.current), opts.locale ?? 'en');
  const buckets = bucketsOf(resolved.from, resolved.to, resolved.granularity);
  const sections: Partial<ReportSections> = {};
  for (const r of results) {
    const section = toSection(SPECS[r.name] as FigureSpec<string>, r.current, r.previous, buckets, label, bucketLabel(resolved.granularity));
    if (r.name === 'satisfaction') (sections as Record<string, unknown>)[r.name] = { ...section, comments: await surveyComments(ctx.db, q, current) };
    else (sections as Record<string, unknown>)[r.name] = section;
  }
  return {
    request: {
      from: resolved.from,
      to: resolved.to,
      granularity: resolved.granularity,
      timeZone: resolved.timeZone,
      compare: resolved.compare,
      sections: resolved.sections,
      chatTargetSeconds: resolved.chatTargetSeconds,
      ...(resolved.departmentId ? { departmentId: resolved.departmentId } : {}),
      ...(resolved.agentId ? { agentId: resolved.agentId } : {}),
      ...(resolved.channel ? { channel: resolved.channel } : {}),
    },
    period: { from: resolved.start.toISOString(), to: resolved.end.toISOString() },
    previousPeriod: before ? { fromDay: before.fromDay, toDay: before.toDay, from: before.start.toISOString(), to: before.end.toISOString() } : null,
    generatedAt: now.toISOString(),
    sections,
  };
}
