/**
 * The leader's job runner. Each job runs in its own transaction that also marks it done, so what a
 * handler writes to the database happens exactly once: a crash before the commit leaves the job pending
 * for the next leader, a crash after leaves it done. Effects outside the database (an email, a webhook)
 * are at least once, and their handlers are written to tolerate a repeat.
 */
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db, Tx } from '../db/client.js';
import { jobs } from './schema.js';

export interface JobRow {
  id: string;
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  attempts: number;
  runAt: Date;
}

export interface JobContext {
  tx: Tx;
  /** The runner's clock: tests move it instead of waiting hours. */
  now: Date;
  /** Runs after the job's transaction committed (socket events, metrics); never for a rolled-back run. */
  afterCommit(fn: () => void | Promise<void>): void;
}

export type JobHandler = (job: JobRow, ctx: JobContext) => Promise<void>;

export interface ExternalJobContext {
  db: Db;
  now: Date;
  /** This try is the last: a handler records its own final failure instead of throwing. */
  lastAttempt: boolean;
}

/**
 * A job whose work is a call outside the database (SMTP, a webhook). It must not hold a transaction
 * open while it waits: on PGlite one open transaction stalls every other query. The runner leases the
 * job (moves its due time past the lease) in a short transaction, runs the handler with no
 * transaction, then marks it done; a process that dies mid-call leaves the lease to expire and the
 * job to run again, so these effects are at least once.
 */
export type ExternalJobHandler = (job: JobRow, ctx: ExternalJobContext) => Promise<void>;

export interface JobRunnerOptions {
  db: Db;
  clock: () => Date;
  logger: Logger;
  /** Tries before a job is marked failed; between tries it waits 30 s, 2 min, 8 min... */
  maxAttempts?: number;
}

/** Retry delay after the n-th failure (n from 1): 30 s x 4^(n-1), at most an hour. */
export const retryDelayMs = (attempt: number) => Math.min(3_600_000, 30_000 * 4 ** (attempt - 1));

export class JobRunner {
  private readonly handlers = new Map<string, { run: JobHandler; external: false } | { run: ExternalJobHandler; external: true; leaseMs: number }>();
  private readonly maxAttempts: number;

  constructor(private readonly opts: JobRunnerOptions) {
    this.maxAttempts = opts.maxAttempts ?? 6;
  }

  /** Each domain registers its kinds once, when the app is built. */
  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    this.handlers.set(kind, { run: handler, external: false });
  }

  /** A kind whose handler calls out of the database; see ExternalJobHandler. `leaseMs` must exceed its slowest call. */
  registerExternal(kind: string, handler: ExternalJobHandler, opts: { leaseMs: number }): void {
    if (this.handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    this.handlers.set(kind, { run: handler, external: true, leaseMs: opts.leaseMs });
  }

  /**
   * Runs every job due by the clock, oldest first, in batches; returns how many ran. Jobs a handler
   * schedules for "now" run in the same call, so one call settles a chain of due steps.
   */
  runDue(opts: { batch?: number; max?: number; shouldStop?: () => boolean } = {}): Promise<number> {
    // One drain at a time per process: a caller (the leader's tick, a test that moved the clock)
    // that arrives mid-drain waits for it and then drains again, so when its promise settles every
    // job due by its clock has finished, not merely been started by someone else.
    const run = this.tail.then(() => this.drain(opts));
    this.tail = run.catch(() => 0);
    return run;
  }

  private tail: Promise<number> = Promise.resolve(0);

  private async drain(opts: { batch?: number; max?: number; shouldStop?: () => boolean }): Promise<number> {
    const batch = opts.batch ?? 50;
    const max = opts.max ?? 1000;
    let ran = 0;
    while (ran < max && !opts.shouldStop?.()) {
      const now = this.opts.clock();
      const kinds = [...this.handlers.keys()];
      if (kinds.length === 0) break;
      // Only kinds this process knows: during a rolling upgrade an older process leaves newer kinds alone.
      const due = await this.opts.db
        .select({ id: jobs.id })
        .from(jobs)
        .where(and(eq(jobs.status, 'pending'), lte(jobs.runAt, now), inArray(jobs.kind, kinds)))
        .orderBy(asc(jobs.runAt))
        .limit(batch);
      if (due.length === 0) break;
      let progressed = false;
      for (const { id } of due) {
        if (opts.shouldStop?.()) break;
        if (await this.runOne(id, now)) {
          ran++;
          progressed = true;
        }
      }
      if (!progressed) break;
    }
    return ran;
  }

  /** True if the job was taken (ran or failed); false if someone else holds it or it is no longer due. */
  private async runOne(id: string, now: Date): Promise<boolean> {
    const [peek] = await this.opts.db.select({ kind: jobs.kind }).from(jobs).where(eq(jobs.id, id));
    const entry = peek ? this.handlers.get(peek.kind) : undefined;
    if (entry?.external) return this.runExternal(id, now, entry.run, entry.leaseMs);
    return this.runInTransaction(id, now);
  }

  private async runExternal(id: string, now: Date, handler: ExternalJobHandler, leaseMs: number): Promise<boolean> {
    // Take the lease: only the runner whose update matched goes on.
    const [row] = await this.opts.db
      .update(jobs)
      .set({ runAt: new Date(now.getTime() + leaseMs) })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'pending'), lte(jobs.runAt, now)))
      .returning();
    if (!row) return false;
    const job: JobRow = { id: row.id, kind: row.kind, key: row.key, payload: row.payload, attempts: row.attempts, runAt: row.runAt };
    try {
      await handler(job, { db: this.opts.db, now, lastAttempt: row.attempts + 1 >= this.maxAttempts });
    } catch (err) {
      await this.recordFailure(job, err, now);
      return true;
    }
    await this.opts.db
      .update(jobs)
      .set({ status: 'done', finishedAt: now, attempts: row.attempts + 1 })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'pending')));
    return true;
  }

  private async runInTransaction(id: string, now: Date): Promise<boolean> {
    const after: Array<() => void | Promise<void>> = [];
    let job: JobRow | undefined;
    try {
      const taken = await this.opts.db.transaction(async (tx) => {
        // SKIP LOCKED: a second runner (a leader change mid-run) passes over a job in progress.
        const [row] = await tx
          .select()
          .from(jobs)
          .where(and(eq(jobs.id, id), eq(jobs.status, 'pending'), lte(jobs.runAt, now)))
          .for('update', { skipLocked: true });
        if (!row) return false;
        job = { id: row.id, kind: row.kind, key: row.key, payload: row.payload, attempts: row.attempts, runAt: row.runAt };
        const handler = this.handlers.get(row.kind);
        if (!handler || handler.external) throw new Error(`no transactional handler for job kind ${row.kind}`);
        await handler.run(job, { tx, now, afterCommit: (fn) => after.push(fn) });
        await tx
          .update(jobs)
          .set({ status: 'done', finishedAt: now, attempts: row.attempts + 1 })
          .where(eq(jobs.id, id));
        return true;
      });
      if (!taken) return false;
    } catch (err) {
      if (!job) throw err;
      await this.recordFailure(job, err, now);
      return true;
    }
    for (const fn of after) {
      try {
        await fn();
      } catch (err) {
        this.opts.logger.error({ err, kind: job!.kind, key: job!.key }, 'job after-commit step failed');
      }
    }
    return true;
  }

  private async recordFailure(job: JobRow, err: unknown, now: Date): Promise<void> {
    const attempts = job.attempts + 1;
    const failed = attempts >= this.maxAttempts;
    const message = err instanceof Error ? err.message : String(err);
    this.opts.logger.error({ err, kind: job.kind, key: job.key, attempts }, failed ? 'job failed for good' : 'job failed; will retry');
    await this.opts.db
      .update(jobs)
      .set({
        attempts,
        lastError: message.slice(0, 1000),
        ...(failed ? { status: 'failed' as const, finishedAt: now } : { runAt: new Date(now.getTime() + retryDelayMs(attempts)) }),
      })
      .where(and(eq(jobs.id, job.id), eq(jobs.status, 'pending')));
  }

  /** When the next pending job is due (tests and the health page), or null. */
  async nextDue(): Promise<Date | null> {
    const [row] = await this.opts.db
      .select({ runAt: sql<Date>`min(${jobs.runAt})`.mapWith((v: string | Date | null) => (v ? new Date(v) : null)) })
      .from(jobs)
      .where(eq(jobs.status, 'pending'));
    return row?.runAt ?? null;
  }
}
