import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Db, Executor } from './client.js';

/**
 * The message writer's way to the database (conversations/writer.ts): statements that go out as named
 * prepared statements, pipelined, in transactions whose BEGIN and COMMIT cost no round trip of their
 * own on PostgreSQL.
 *
 * Why not drizzle's `transaction` and `execute`: drizzle sends raw SQL unnamed, so postgres.js first
 * asks the server for the parameter types (Parse/Describe, then wait) before it can send the values,
 * which is two round trips per statement; and postgres.js's `begin` waits for BEGIN's answer before the
 * first statement and for the last statement's answer before COMMIT. A batch was ten round trips; on a
 * `TransactionLine` it is one (the writer's single statement, autocommitted), or two when a webhook hook
 * writes in the same transaction. On a 2-core machine every round trip is also a wake-up of PostgreSQL
 * and of this process, and every socket write a system call: that is where the latency and the CPU went.
 */
export interface BatchTx {
  /**
   * One statement, written with `$n` placeholders, prepared once per connection and sent at once behind
   * whatever is in flight. Plain text rather than drizzle's `sql`: the writer's statements are the same
   * text every time, and building them through drizzle cost an allocation-heavy walk per batch.
   * `last`: nothing follows it, so it is sent with its commit. When it is also the transaction's first
   * statement on PostgreSQL it runs on its own, autocommitted (one round trip, no BEGIN or COMMIT), and
   * nothing that can fail may run after it (a throw there would report as failed a batch that has committed).
   */
  rows<T>(text: string, params: unknown[], opts?: { last?: boolean }): Promise<T[]>;
  /** drizzle on the same connection and transaction, for hooks that build their own statements. */
  readonly tx: Executor;
}

export interface TransactionLine {
  /** `fn`'s statements in one transaction: committed when it resolves, rolled back when it throws. */
  run<T>(fn: (t: BatchTx) => Promise<T>): Promise<T>;
  /** A transaction past its deadline: drop the connection under it (PostgreSQL rolls it back) for a new one. */
  abandon(): void;
  /**
   * Whether the database works in another process, so a transaction started now proceeds while this
   * process does other work. Not so for PGlite: its statements run on this thread, ahead of whatever
   * was queued behind them.
   */
  readonly overlaps: boolean;
  close(): Promise<void>;
}

/**
 * drizzle's own transaction. On PGlite (one connection, no network: round trips cost nothing) and for
 * tests that hand the writer a `Db` of their own. Statements are prepared where postgres.js is underneath.
 */
export function drizzleLine(db: Db): TransactionLine {
  return {
    run: (fn) => db.transaction((tx) => fn({ rows: textRunner(tx), tx })),
    abandon: () => undefined,
    overlaps: usesPreparedStatements(db),
    close: async () => undefined,
  };
}

/**
 * Below the writer's 5 s batch deadline (conversations/writer.ts), so PostgreSQL itself ends a statement
 * that waits too long (a row lock held by a stuck transaction) and nothing of it is kept. Were the
 * writer to give up first, a lone autocommitted statement could still commit after its senders were
 * told `unavailable`; it is then only the dead-link case that is left to the deadline.
 */
export const WRITER_STATEMENT_TIMEOUT_MS = 4000;

/**
 * A connection of its own (the writer runs one transaction at a time). A transaction of one statement
 * goes out alone and autocommits; otherwise BEGIN goes out with the first statement and COMMIT with the
 * one marked `last`. Queries on one postgres.js connection are answered in the order sent, so a
 * statement that fails aborts the transaction, the ones behind it fail too, and a COMMIT behind them is
 * answered as a ROLLBACK: nothing of a failed batch is kept. postgres.js reconnects by itself after the
 * connection drops.
 */
export function postgresLine(url: string, opts: { statementTimeoutMs?: number } = {}): TransactionLine {
  const statementTimeout = opts.statementTimeoutMs ?? WRITER_STATEMENT_TIMEOUT_MS;
  const open = () => {
    const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10, connection: { statement_timeout: statementTimeout } });
    return { sql, db: drizzlePostgres(sql) as unknown as Db };
  };
  let current = open();
  const ignore = () => undefined;
  return {
    overlaps: true,
    async run(fn) {
      const { sql, db } = current;
      // postgres.js queries are lazy: execute() sends them now, in call order.
      const send = (text: string, params: unknown[] = [], prepare = false) => sql.unsafe(text, params as never[], { prepare }).execute();
      let begun = false;
      const begin = () => {
        if (begun) return;
        begun = true;
        // Its failure (the connection) shows in the statements behind it.
        send('begin').catch(ignore);
      };
      let commit: Promise<unknown> | null = null;
      const t: BatchTx = {
        get tx() {
          begin();
          return db;
        },
        rows: <T>(text: string, params: unknown[], opts?: { last?: boolean }) => {
          // The first statement and the last: the whole transaction, so PostgreSQL's own autocommit serves.
          if (!(opts?.last && !begun)) begin();
          const rows = send(text, params, true) as unknown as Promise<T[]>;
          if (opts?.last && begun) commit = send('commit');
          return rows;
        },
      };
      try {
        const result = await fn(t);
        if (begun) await (commit ?? send('commit'));
        return result;
      } catch (error) {
        // A COMMIT already sent behind the failed statement was answered as a ROLLBACK.
        if (begun) await (commit ?? send('rollback')).catch(ignore);
        throw error;
      }
    },
    abandon() {
      const stale = current;
      current = open();
      void stale.sql.end({ timeout: 0 }).catch(ignore);
    },
    close: () => current.sql.end({ timeout: 5 }),
  };
}

/** postgres.js's query function, as much of it as `textRunner` calls. */
interface PostgresJsClient {
  unsafe(query: string, params: unknown[], options: { prepare: boolean }): Promise<Record<string, unknown>[]>;
}

/** PGlite's (and its transactions') query function. */
interface PgliteClient {
  query(query: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** The part of drizzle's database/transaction object `textRunner` reaches into (internal there). */
interface DrizzleInternals {
  session?: { client?: Partial<PostgresJsClient & PgliteClient> };
}

/**
 * Runs `$n` statements on the connection under a drizzle database or transaction: named prepared
 * statements where drizzle runs on postgres.js (its `session.client` is the transaction's connection
 * inside a transaction), PGlite's own `query` otherwise. drizzle has no public way to do either. A
 * drizzle whose internals moved fails here, loudly, at the first batch (every writer test would).
 */
export function textRunner(ex: Executor): <T>(text: string, params: unknown[]) => Promise<T[]> {
  const client = (ex as unknown as DrizzleInternals).session?.client;
  if (typeof client?.unsafe === 'function') {
    const unsafe = client.unsafe.bind(client) as PostgresJsClient['unsafe'];
    return <T>(text: string, params: unknown[]) => unsafe(text, params, { prepare: true }) as unknown as Promise<T[]>;
  }
  if (typeof client?.query === 'function') {
    const query = client.query.bind(client) as PgliteClient['query'];
    return async <T>(text: string, params: unknown[]) => (await query(text, params)).rows as T[];
  }
  throw new Error('drizzle-orm internals changed: no postgres.js or PGlite client under session.client (db/prepared.ts)');
}

/** Whether `textRunner` found postgres.js underneath (true on PostgreSQL, false on PGlite). */
export function usesPreparedStatements(ex: Executor): boolean {
  return typeof (ex as unknown as DrizzleInternals).session?.client?.unsafe === 'function';
}
