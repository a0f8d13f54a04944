import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
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
 * first statement and for the last statement's answer before COMMIT. A batch was ten round trips; it
 * is two on a `TransactionLine` (BEGIN, the lock and the retry lookup in one write; the insert and COMMIT
 * in the next). On a 2-core machine every round trip is also a wake-up of PostgreSQL and of this
 * process, which is where the latency under load went.
 */
export interface BatchTx {
  /**
   * One statement, prepared once per connection and sent at once behind whatever is in flight.
   * `last`: COMMIT goes out right behind it, so nothing that can fail may run after it (a throw there
   * would report a batch as failed that has committed).
   */
  rows<T>(query: SQL, opts?: { last?: boolean }): Promise<T[]>;
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

const dialect = new PgDialect();

/** Rows of `db.execute`: an array on postgres.js, `{ rows }` on PGlite. */
async function executeRows<T>(ex: Executor, query: SQL): Promise<T[]> {
  const result = (await ex.execute(query)) as unknown;
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}

/**
 * drizzle's own transaction. On PGlite (one connection, no network: round trips cost nothing) and for
 * tests that hand the writer a `Db` of their own. Statements are prepared where postgres.js is underneath.
 */
export function drizzleLine(db: Db): TransactionLine {
  return {
    run: (fn) => db.transaction((tx) => fn({ rows: preparedRunner(tx), tx })),
    abandon: () => undefined,
    overlaps: usesPreparedStatements(db),
    close: async () => undefined,
  };
}

/**
 * A connection of its own (the writer runs one transaction at a time) on which BEGIN goes out with the
 * first statement and COMMIT with the one marked `last`. Queries on one postgres.js connection are
 * answered in the order sent, so a statement that fails aborts the transaction, the ones behind it
 * fail too, and a COMMIT behind them is answered as a ROLLBACK: nothing of a failed batch is kept.
 * postgres.js reconnects by itself after the connection drops.
 */
export function postgresLine(url: string): TransactionLine {
  const open = () => {
    const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
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
      // Its failure (the connection) shows in the statements behind it.
      send('begin').catch(ignore);
      let commit: Promise<unknown> | null = null;
      const t: BatchTx = {
        tx: db,
        rows: <T>(query: SQL, opts?: { last?: boolean }) => {
          const { sql: text, params } = dialect.sqlToQuery(query);
          const rows = send(text, params, true) as unknown as Promise<T[]>;
          if (opts?.last) commit = send('commit');
          return rows;
        },
      };
      try {
        const result = await fn(t);
        await (commit ?? send('commit'));
        return result;
      } catch (error) {
        // A COMMIT already sent behind the failed statement was answered as a ROLLBACK.
        await (commit ?? send('rollback')).catch(ignore);
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

/** postgres.js's query function, as much of it as `preparedRunner` calls. */
interface PostgresJsClient {
  unsafe(query: string, params: unknown[], options: { prepare: boolean }): Promise<Record<string, unknown>[]>;
}

/** The part of drizzle's database/transaction object `preparedRunner` reaches into (internal there). */
interface DrizzleInternals {
  session?: { client?: Partial<PostgresJsClient> };
}

/**
 * Statements as named prepared statements where drizzle runs on postgres.js: its `session.client` is
 * the transaction's connection inside a transaction. drizzle exposes no option for this. Where that
 * shape is not there (PGlite, whose queries never leave the process, or a drizzle that changed) it
 * falls back to `execute`, which is correct, only slower; `usesPreparedStatements` lets a test notice.
 */
export function preparedRunner(ex: Executor): <T>(query: SQL) => Promise<T[]> {
  if (usesPreparedStatements(ex)) {
    const client = (ex as unknown as DrizzleInternals).session!.client!;
    const unsafe = client.unsafe!.bind(client) as PostgresJsClient['unsafe'];
    return <T>(query: SQL) => {
      const { sql, params } = dialect.sqlToQuery(query);
      return unsafe(sql, params, { prepare: true }) as unknown as Promise<T[]>;
    };
  }
  return <T>(query: SQL) => executeRows<T>(ex, query);
}

/** Whether `preparedRunner` found postgres.js underneath (true on PostgreSQL, false on PGlite). */
export function usesPreparedStatements(ex: Executor): boolean {
  return typeof (ex as unknown as DrizzleInternals).session?.client?.unsafe === 'function';
}
