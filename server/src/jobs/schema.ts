/**
 * Durable background work (DESIGN.md "Storage and processes"): a row per due job, picked up by the
 * leader's runner. `(kind, key)` is unique, so scheduling the same thing twice (a retry, two processes,
 * a restart replaying a step) keeps one row: idempotent by construction.
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export type JobStatus = 'pending' | 'done' | 'failed' | 'cancelled';

export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Which handler runs it, e.g. `ticket.sla` or `mail.send`. */
    kind: text('kind').notNull(),
    /** What it is about, unique within the kind, e.g. the ticket id and the step. */
    key: text('key').notNull(),
    runAt: at('run_at').notNull(),
    status: text('status').$type<JobStatus>().notNull().default('pending'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    finishedAt: at('finished_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('jobs_kind_key_uq').on(t.kind, t.key),
    // The runner's one query: pending jobs, soonest first.
    index('jobs_due_idx').on(t.runAt).where(sql`${t.status} = 'pending'`),
  ],
);
