/**
 * The monthly communication report (沟通效率月度报告). Two durable jobs:
 *
 * - `reports.monthly.plan` (key: the month, `YYYY-MM`) runs when that month ends somewhere on Earth
 *   (UTC+14 is first). For every site it schedules `reports.monthly` at the site's own local midnight
 *   of the 1st, then plans the next month. Planning monthly picks up sites added and zones changed since.
 * - `reports.monthly` (key: `<siteId>:<YYYY-MM>`) computes that site's month, stores it (one row per
 *   site and month: a replay finds it and changes nothing) and writes a mail to every admin to the
 *   outbox, all in the job's transaction: stored and mailed exactly when the job commits.
 *
 * `ensureMonthlyReportPlan` is called when a server starts listening; `(kind, key)` uniqueness makes
 * every process's call and every restart's a no-op after the first.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { MonthlyReport, MonthlyReportRow, MonthlyReportSummary, ReportChannel, ReportValue } from '@parley/protocol';
import { REPORT_CHANNELS } from '@parley/protocol/schemas';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/client.js';
import { sites } from '../db/schema.js';
import type { JobContext, JobRow } from '../jobs/runner.js';
import { scheduleJob } from '../jobs/service.js';
import { AppError } from '../lib/errors.js';
import { mailMonthlyReport } from './monthly-mail.js';
import { addDays, DEFAULT_CHAT_TARGET_SECONDS, localDayOf, siteTimeZone, startOfLocalDay } from './period.js';
import { pct, type ReportScope } from './query.js';
import { monthlyReports } from './schema.js';
import { buildReport } from './service.js';

export const MONTHLY_PLAN_JOB = 'reports.monthly.plan';
export const MONTHLY_REPORT_JOB = 'reports.monthly';
/** The earliest zone: a month has ended somewhere once it has ended at UTC+14. */
const EARLIEST_OFFSET_MS = 14 * 3_600_000;

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
export const isMonth = (s: string) => MONTH_RE.test(s);

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
const lastDay = (month: string) => addDays(`${nextMonth(month)}-01`, -1);

/** When the plan for `month` runs: the month's end at UTC+14. */
const planAt = (month: string) => new Date(Date.parse(`${nextMonth(month)}-01T00:00:00Z`) - EARLIEST_OFFSET_MS);

type Counts = Omit<MonthlyReportRow, 'channel' | 'inTargetRate' | 'previousInTargetRate' | 'previousCsatInternalRate' | 'previousCsatExternalRate'> & { inTargetRate: ReportValue };

/** One month's per-channel lines, read from the report sections (one definition of every figure). */
async function monthFigures(db: Executor, now: Date, siteId: string, month: string, timeZone: string) {
  const scope: ReportScope = { siteId, departmentIds: null };
  const report = await buildReport(
    { db, clock: () => now },
    scope,
    { from: `${month}-01`, to: lastDay(month), timeZone, granularity: 'month', sections: ['volume', 'sla', 'satisfaction'], chatTargetSeconds: DEFAULT_CHAT_TARGET_SECONDS },
  );
  const { volume, sla, satisfaction } = report.sections;
  const line = (v: Record<string, ReportValue> | undefined, s: Record<string, ReportValue> | undefined, c: Record<string, ReportValue> | undefined): Counts => {
    const n = (r: Record<string, ReportValue> | undefined, k: string) => Number(r?.[k] ?? 0);
    const inTarget = n(s, 'slaMet') + n(s, 'chatInTarget');
    const late = n(s, 'slaLate') + n(s, 'chatLate');
    const missed = n(s, 'slaMissed') + n(s, 'chatMissed');
    return {
      items: n(v, 'conversations') + n(v, 'tickets'),
      inTarget,
      late,
      missed,
      inTargetRate: pct(inTarget, inTarget + late + missed),
      csatInternalRate: c?.csatInternalRate ?? null,
      csatExternalRate: c?.csatExternalRate ?? null,
    };
  };
  const find = (rows: Array<{ key: string; values: Record<string, ReportValue> }> | undefined, channel: string) => rows?.find((r) => r.key === channel)?.values;
  const channels = new Map<ReportChannel, Counts>();
  for (const channel of REPORT_CHANNELS) {
    channels.set(channel, line(find(volume?.byChannel, channel), find(sla?.byChannel, channel), find(satisfaction?.byChannel, channel)));
  }
  return { channels, total: line(volume?.total, sla?.total, satisfaction?.total), nps: satisfaction?.total.nps ?? null };
}

const hasAnything = (c: Counts) => c.items > 0 || c.inTarget + c.late + c.missed > 0 || c.csatInternalRate !== null || c.csatExternalRate !== null;

/** Computes a site's month with the month before for comparison (not stored). */
export async function computeMonthlyReport(db: Executor, now: Date, siteId: string, month: string, timeZone: string): Promise<Omit<MonthlyReport, 'id' | 'generatedAt'>> {
  const cur = await monthFigures(db, now, siteId, month, timeZone);
  const prev = await monthFigures(db, now, siteId, previousMonth(month), timeZone);
  const withPrevious = (c: Counts, p: Counts) => ({
    ...c,
    previousInTargetRate: p.inTargetRate,
    previousCsatInternalRate: p.csatInternalRate,
    previousCsatExternalRate: p.csatExternalRate,
  });
  const channels: MonthlyReportRow[] = [];
  for (const channel of REPORT_CHANNELS) {
    const c = cur.channels.get(channel)!;
    const p = prev.channels.get(channel)!;
    if (hasAnything(c) || hasAnything(p)) channels.push({ channel, ...withPrevious(c, p) });
  }
  return { month, timeZone, chatTargetSeconds: DEFAULT_CHAT_TARGET_SECONDS, channels, total: withPrevious(cur.total, prev.total), nps: cur.nps, previousNps: prev.nps };
}

/** Plans the month that is under way now (UTC); called when a server starts. */
export async function ensureMonthlyReportPlan(ctx: AppContext): Promise<void> {
  const month = ctx.clock().toISOString().slice(0, 7);
  try {
    await scheduleJob(ctx.db, { kind: MONTHLY_PLAN_JOB, key: month, runAt: planAt(month), payload: { month } });
  } catch (err) {
    // A missing plan costs one month's report (the next start plans again); refusing to start costs everything.
    ctx.logger.error({ err }, 'monthly report plan not scheduled');
  }
}

export function registerReportJobs(ctx: AppContext): void {
  ctx.jobs.register(MONTHLY_PLAN_JOB, async (job: JobRow, { tx }: JobContext) => {
    const month = String(job.payload.month);
    if (!isMonth(month)) return;
    for (const site of await tx.select({ id: sites.id }).from(sites)) {
      const zone = await siteTimeZone(tx, site.id);
      await scheduleJob(tx, { kind: MONTHLY_REPORT_JOB, key: `${site.id}:${month}`, runAt: startOfLocalDay(`${nextMonth(month)}-01`, zone), payload: { siteId: site.id, month, timeZone: zone } });
    }
    const next = nextMonth(month);
    await scheduleJob(tx, { kind: MONTHLY_PLAN_JOB, key: next, runAt: planAt(next), payload: { month: next } });
  });

  ctx.jobs.register(MONTHLY_REPORT_JOB, async (job: JobRow, { tx, now }: JobContext) => {
    const siteId = String(job.payload.siteId);
    const month = String(job.payload.month);
    const timeZone = String(job.payload.timeZone);
    if (!isMonth(month)) return;
    const [site] = await tx.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.id, siteId));
    if (!site) return;
    // A month that has not ended in the site's zone yet (a clock set back) is not reported early.
    if (localDayOf(now, timeZone) < `${nextMonth(month)}-01`) return;
    const computed = await computeMonthlyReport(tx, now, siteId, month, timeZone);
    const { month: _m, timeZone: _z, ...data } = computed;
    const [row] = await tx.insert(monthlyReports).values({ siteId, month, timeZone, data, generatedAt: now }).onConflictDoNothing().returning();
    if (!row) return;
    await mailMonthlyReport(tx, ctx, { siteId, siteName: site.name, report: toReport(row) }, now);
  });
}

type StoredRow = typeof monthlyReports.$inferSelect;

function toReport(row: StoredRow): MonthlyReport {
  return { id: row.id, month: row.month, timeZone: row.timeZone, ...row.data, generatedAt: row.generatedAt.toISOString() };
}

export async function listMonthlyReports(db: Executor, siteId: string): Promise<MonthlyReportSummary[]> {
  const rows = await db
    .select({ id: monthlyReports.id, month: monthlyReports.month, timeZone: monthlyReports.timeZone, generatedAt: monthlyReports.generatedAt })
    .from(monthlyReports)
    .where(eq(monthlyReports.siteId, siteId))
    .orderBy(desc(monthlyReports.month));
  return rows.map((r) => ({ id: r.id, month: r.month, timeZone: r.timeZone, generatedAt: r.generatedAt.toISOString() }));
}

export async function getMonthlyReport(db: Executor, siteId: string, id: string): Promise<MonthlyReport> {
  const [row] = await db.select().from(monthlyReports).where(and(eq(monthlyReports.id, id), eq(monthlyReports.siteId, siteId)));
  if (!row) throw new AppError('not_found', 'no such monthly report');
  return toReport(row);
}
