import { and, eq, sql } from 'drizzle-orm';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppContext } from '../context.js';
import { conversations, departments } from '../db/schema.js';
import { socketMetrics, type SocketMetrics } from './socket.js';

/**
 * One registry per app, never prom-client's global one: two apps in one process (tests, a future
 * in-process cluster) would otherwise register the same names twice and share counts.
 */
export interface Metrics {
  registry: Registry;
  /** Messages acked to their sender, by author (`visitor`, `agent`). `rate()` of it is messages/s. */
  messages: Counter<'author'>;
  /** Receipt of a command to its ack, by event. Rate-limited refusals are left out: they would flatter p50. */
  ackLatency: Histogram<'event'>;
  /** Acks by event and result (`ok` or the error code). */
  acks: Counter<'event' | 'result'>;
  rateLimited: Counter<'limit'>;
  /** Socket commands and API requests being handled. postgres.js has no pool statistics; each of these holds at most one connection at a time, so this is the demand on the pool. */
  dbInFlight: Gauge<'source'>;
  /** Database failures seen by handlers (`unavailable` answers) and by the scrape's own queue query. */
  dbErrors: Counter<'source'>;
  /** Each namespace's command timings and results, reported by `command` (lib/socket.ts) and the refusing middlewares. */
  commands: Record<'visitor' | 'agent', SocketMetrics>;
  /** Binds the gauges computed on scrape (sockets, queue, database) to a built context. */
  attach(ctx: AppContext): void;
}

// Acks on a local database take about a millisecond, so the buckets start there.
const LATENCY_BUCKETS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  let ctx: AppContext | undefined;

  const dbErrors = new Counter({ name: 'parley_db_errors_total', help: 'Database failures: handler answers of `unavailable`, and failed scrape-time queries.', labelNames: ['source'] as const, registers: [registry] });

  new Gauge({
    name: 'parley_sockets',
    help: 'Connected Socket.IO clients in this process, by namespace.',
    labelNames: ['namespace'] as const,
    registers: [registry],
    collect() {
      if (!ctx) return;
      this.set({ namespace: ctx.visitors.name }, ctx.visitors.sockets.size);
      this.set({ namespace: ctx.agents.name }, ctx.agents.sockets.size);
    },
  });

  // One queue query per scrape serves both gauges below: prom-client reads all metrics at once, so
  // the second collect joins the query the first one started.
  let reading: Promise<Array<{ id: string; n: number }> | null> | undefined;
  const readQueues = () =>
    (reading ??= (async () => {
      if (!ctx) return null;
      try {
        // Partial index conversations_queue_idx covers status = 'queued', so this stays cheap.
        return await ctx.db
          .select({ id: departments.id, n: sql<number>`count(${conversations.id})::int` })
          .from(departments)
          .leftJoin(conversations, and(eq(conversations.departmentId, departments.id), eq(conversations.status, 'queued')))
          .groupBy(departments.id);
      } catch {
        // A failing database must not fail the whole scrape: the other metrics still tell what happened.
        dbErrors.inc({ source: 'scrape' });
        return null;
      }
    })().finally(() => (reading = undefined)));

  new Gauge({
    name: 'parley_db_up',
    help: '1 when the scrape-time queue query succeeded, else 0.',
    labelNames: ['driver'] as const,
    registers: [registry],
    async collect() {
      if (!ctx) return;
      this.set({ driver: ctx.database.driver }, (await readQueues()) ? 1 : 0);
    },
  });

  new Gauge({
    name: 'parley_queue_length',
    help: 'Conversations waiting for an agent, by department id (read from the database on scrape).',
    labelNames: ['department'] as const,
    registers: [registry],
    async collect() {
      const rows = await readQueues();
      // Unknown while the database is down: no series rather than stale ones.
      this.reset();
      for (const r of rows ?? []) this.set({ department: r.id }, Number(r.n));
    },
  });

  const instruments = {
    messages: new Counter({ name: 'parley_messages_total', help: 'Chat messages acked to their sender, by author.', labelNames: ['author'] as const, registers: [registry] }),
    ackLatency: new Histogram({
      name: 'parley_ack_latency_seconds',
      help: 'Time from receiving a socket command to sending its ack, by event.',
      labelNames: ['event'] as const,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    acks: new Counter({ name: 'parley_acks_total', help: 'Socket command acks, by event and result (ok or the error code).', labelNames: ['event', 'result'] as const, registers: [registry] }),
    rateLimited: new Counter({ name: 'parley_rate_limited_total', help: 'Requests refused by a flood limit, by limit.', labelNames: ['limit'] as const, registers: [registry] }),
    dbInFlight: new Gauge({
      name: 'parley_db_in_flight',
      help: 'Socket commands and API requests being handled, each holding at most one database connection at a time: the demand on the pool.',
      labelNames: ['source'] as const,
      registers: [registry],
    }),
    dbErrors,
  };
  const metrics: Metrics = {
    registry,
    ...instruments,
    commands: { visitor: socketMetrics(instruments, 'visitor'), agent: socketMetrics(instruments, 'agent') },
    attach(built) {
      ctx = built;
    },
  };
  // Series that exist from the start read as 0 rather than "no data" on a fresh process's dashboard.
  for (const author of ['visitor', 'agent']) metrics.messages.inc({ author }, 0);
  for (const source of ['socket', 'http']) metrics.dbInFlight.set({ source }, 0);
  for (const source of ['socket', 'http', 'scrape']) metrics.dbErrors.inc({ source }, 0);
  return metrics;
}
