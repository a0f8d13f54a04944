/**
 * The retention run, on the durable job runner (leader only):
 *
 * - `retention.daily` (key: the UTC day) runs at 03:00 UTC. For every site with retention on it starts
 *   a run, then plans the next day. `ensureRetentionPlan` (server start) plans today; `(kind, key)`
 *   uniqueness makes every process's call and every restart's a no-op after the first.
 * - `retention.batch` (key: `<site>:<run start>:<step>`) deletes at most `batch` chats and tickets (and
 *   chats of at most MAX_MESSAGES_PER_BATCH messages) in
 *   the job's own transaction, then schedules the next step for "now" with the counts so far in its
 *   payload. Each step commits with its deletions, so a run cut short by a restart or a leader change
 *   resumes at the step that had not committed, and its counts are neither lost nor doubled. Between
 *   steps other queries get the database (PGlite serves one transaction at a time).
 * - The last step (one that found less than a batch) stores the run's summary on the site's settings
 *   and writes one audit entry (actor: the system) with the counts.
 *
 * The cut-off dates are fixed when the run starts, so a dry run at that moment counts what it deletes.
 */
import { eq } from 'drizzle-orm';
import type { RetentionCounts, RetentionRunSummary } from '@parley/protocol';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/client.js';
import type { JobContext, JobRow } from '../jobs/runner.js';
import { scheduleJob } from '../jobs/service.js';
import { retentionSettings } from './schema.js';
import { addCounts, BATCH_JOB, BATCH_SIZE, cutoffsOf, DAILY_JOB, deleteExpiredBatch, zeroCounts } from './service.js';
import { settingsOf } from './settings.js';

const RUN_HOUR_UTC = 3;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const runAtOf = (day: string) => new Date(`${day}T0${RUN_HOUR_UTC}:00:00Z`);
const nextDay = (day: string) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000));

interface BatchPayload {
  siteId: string;
  startedAt: string;
  chatCutoff: string;
  ticketCutoff: string;
  step: number;
  batch: number;
  /** Older payloads (and the daily job) leave it out: MAX_MESSAGES_PER_BATCH. */
  maxMessages?: number;
  counts: RetentionCounts;
}

/** Starts a run of one site now (the daily job; tests with a small batch). */
export async function startRetentionRun(tx: Executor, siteId: string, now: Date, opts: { batch?: number; maxMessages?: number } = {}): Promise<void> {
  const settings = await settingsOf(tx, siteId);
  const cutoffs = cutoffsOf(now, settings.chatMonths, settings.ticketMonths);
  const payload: BatchPayload = {
    siteId,
    startedAt: now.toISOString(),
    chatCutoff: cutoffs.chat.toISOString(),
    ticketCutoff: cutoffs.ticket.toISOString(),
    step: 0,
    batch: opts.batch ?? BATCH_SIZE,
    ...(opts.maxMessages ? { maxMessages: opts.maxMessages } : {}),
    counts: zeroCounts(),
  };
  await scheduleJob(tx, { kind: BATCH_JOB, key: `${siteId}:${payload.startedAt}:0`, runAt: now, payload: { ...payload } });
}

export async function ensureRetentionPlan(ctx: AppContext): Promise<void> {
  const day = dayOf(ctx.clock());
  try {
    await scheduleJob(ctx.db, { kind: DAILY_JOB, key: day, runAt: runAtOf(day), payload: { day } });
  } catch (err) {
    // A missing plan costs a day's run (the next start plans again); refusing to start costs everything.
    ctx.logger.error({ err }, 'retention plan not scheduled');
  }
}

async function finish(tx: Executor, p: BatchPayload, now: Date): Promise<void> {
  const summary: RetentionRunSummary = { startedAt: p.startedAt, finishedAt: now.toISOString(), chatCutoff: p.chatCutoff, ticketCutoff: p.ticketCutoff, deleted: p.counts };
  await tx.update(retentionSettings).set({ lastRun: summary }).where(eq(retentionSettings.siteId, p.siteId));
  await recordAudit(tx, { siteId: p.siteId, actorId: null, action: 'retention.run', targetType: 'site', targetId: p.siteId, after: { ...summary, steps: p.step + 1 }, at: now });
}

export function registerRetentionJobs(ctx: AppContext): void {
  ctx.jobs.register(DAILY_JOB, async (job: JobRow, { tx, now }: JobContext) => {
    const day = String(job.payload.day);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return;
    const on = await tx.select({ siteId: retentionSettings.siteId }).from(retentionSettings).where(eq(retentionSettings.enabled, true));
    for (const { siteId } of on) await startRetentionRun(tx, siteId, now);
    const next = nextDay(day);
    await scheduleJob(tx, { kind: DAILY_JOB, key: next, runAt: runAtOf(next), payload: { day: next } });
  });

  ctx.jobs.register(BATCH_JOB, async (job: JobRow, { tx, now }: JobContext) => {
    const p = job.payload as unknown as BatchPayload;
    const settings = await settingsOf(tx, p.siteId);
    // Switched off mid-run: stop here, and say what was deleted before.
    if (!settings.enabled) return finish(tx, p, now);
    const cutoffs = { chat: new Date(p.chatCutoff), ticket: new Date(p.ticketCutoff) };
    const { counts, more } = await deleteExpiredBatch(tx, p.siteId, cutoffs, p.batch, p.maxMessages);
    const next: BatchPayload = { ...p, counts: addCounts(p.counts, counts) };
    if (!more) return finish(tx, next, now);
    next.step = p.step + 1;
    await scheduleJob(tx, { kind: BATCH_JOB, key: `${p.siteId}:${p.startedAt}:${next.step}`, runAt: now, payload: { ...next } });
  });
}
