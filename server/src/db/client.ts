import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema.js';
import { MIGRATIONS_DIR } from '../paths.js';
import { drizzleLine, postgresLine } from './prepared.js';
import type { TransactionLine } from './prepared.js';

export type Schema = typeof schema;
/** Both drivers share this type, so every query is written once. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  /**
   * A session-level advisory lock on a connection of its own, so it lasts exactly as long as that
   * connection: a crashed holder frees it without anyone's help. PGlite has one connection and one
   * process, so there the lock is always held.
   */
  sessionLock(key: number): SessionLock;
  /**
   * Where the message writer runs its batches: a connection of its own on PostgreSQL (db/prepared.ts),
   * whose statements PostgreSQL cancels after `statementTimeoutMs` (default 4 s; PGlite has no such limit).
   */
  transactionLine(opts?: { statementTimeoutMs?: number }): TransactionLine;
  close(): Promise<void>;
}

export interface SessionLock {
  /** True while this process holds the lock; takes it when free. Never throws. */
  hold(): Promise<boolean>;
  release(): Promise<void>;
}

export { MIGRATIONS_DIR };

/**
 * `url` set: PostgreSQL through postgres.js. Otherwise PGlite in `dataDir`, or in memory when
 * `dataDir` is `memory://` (tests).
 */
export async function openDatabase(opts: { url?: string; dataDir?: string; loadDataDir?: Blob; postgresqlconf?: string[] }): Promise<Database> {
  if (opts.url) {
    // onnotice: migrations' "relation already exists, skipping" notices are noise in the logs.
    const client = postgres(opts.url, { max: 10, onnotice: () => {}, connect_timeout: 10 });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return {
      db,
      driver: 'postgres',
      migrate: async () => {
        // Several processes may start at once against one database: the first migrates, the
        // others wait on the lock and then find nothing left to do. One connection (max: 1) so the
        // lock and the migration share a session.
        const single = postgres(opts.url!, { max: 1, onnotice: () => {}, connect_timeout: 10 });
        try {
          await single`select pg_advisory_lock(${MIGRATION_LOCK})`;
          await migratePostgres(drizzlePostgres(single, { schema }), { migrationsFolder: MIGRATIONS_DIR });
        } finally {
          await single.end({ timeout: 5 });
        }
      },
      sessionLock: (key) => postgresSessionLock(opts.url!, key),
      transactionLine: (line) => postgresLine(opts.url!, line),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dataDir = opts.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir,
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    ...(opts.postgresqlconf ? { postgresqlconf: opts.postgresqlconf } : {}),
  });
  const pg = drizzlePglite(client, { schema });
  return {
    db: pg as unknown as Db,
    driver: 'pglite',
    migrate: () => migratePglite(pg, { migrationsFolder: MIGRATIONS_DIR }),
    sessionLock: () => ({ hold: async () => !client.closed, release: async () => undefined }),
    transactionLine: () => drizzleLine(pg as unknown as Db),
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

const MIGRATION_LOCK = 727002;

function postgresSessionLock(url: string, key: number): SessionLock {
  let conn: ReturnType<typeof postgres> | null = null;
  return {
    async hold() {
      try {
        // postgres.js reconnects silently after a dropped connection, and the lock dies with the
        // old session: so ask pg_locks whether THIS session still holds it before trying again.
        // CASE fixes the evaluation order, so a held lock is not taken a second time (it would stack).
        conn ??= postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5, idle_timeout: 0, max_lifetime: null });
        const [row] = await conn<{ held: boolean }[]>`
          select case when exists (
            select 1 from pg_locks where locktype = 'advisory' and pid = pg_backend_pid() and classid = 0 and objid = ${key} and objsubid = 1 and granted
          ) then true else pg_try_advisory_lock(${key}) end as held`;
        return row?.held === true;
      } catch {
        return false;
      }
    },
    async release() {
      const c = conn;
      conn = null;
      // Ending the session frees the lock; no unlock call needed.
      await c?.end({ timeout: 2 }).catch(() => undefined);
    },
  };
}

/** Cheap liveness probe for /health. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
