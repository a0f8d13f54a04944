/**
 * Scheduling durable jobs. Call these inside the transaction that makes the job necessary (the ticket
 * insert, the reply): the job exists exactly when its cause committed.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { jobs } from './schema.js';

export interface JobSpec {
  kind: string;
  key: string;
  runAt: Date;
  payload?: Record<string, unknown>;
}

/**
 * Creates the job, or moves a still-pending one with the same kind and key to the new time and payload.
 * A job that already ran (done, failed or cancelled) is left alone: a replayed step must not run twice.
 */
export async function scheduleJob(tx: Executor, spec: JobSpec): Promise<void> {
  await tx
    .insert(jobs)
    .values({ kind: spec.kind, key: spec.key, runAt: spec.runAt, payload: spec.payload ?? {} })
    .onConflictDoUpdate({
      target: [jobs.kind, jobs.key],
      set: { runAt: spec.runAt, payload: spec.payload ?? {} },
      setWhere: sql`${jobs.status} = 'pending'`,
    });
}

/** Cancels a pending job; a finished one keeps its record. */
export async function cancelJob(tx: Executor, kind: string, key: string): Promise<void> {
  await tx
    .update(jobs)
    .set({ status: 'cancelled', finishedAt: sql`now()` })
    .where(and(eq(jobs.kind, kind), eq(jobs.key, key), eq(jobs.status, 'pending')));
}

/** Cancels every pending job of a kind whose key starts with `prefix` (e.g. all of one ticket's SLA steps). */
export async function cancelJobsWithPrefix(tx: Executor, kind: string, prefix: string): Promise<void> {
  await tx
    .update(jobs)
    .set({ status: 'cancelled', finishedAt: sql`now()` })
    .where(and(eq(jobs.kind, kind), eq(jobs.status, 'pending'), sql`starts_with(${jobs.key}, ${prefix})`));
}
