/**
 * Cluster harness: real server processes (server/src/main.ts) on one PostgreSQL database and one
 * Redis, as production runs them. Each run gets its own database and its own Redis stream/channel
 * prefix, so nothing shared is flushed or read by accident.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { freePort } from '../support/net.js';

const ROOT = resolve(import.meta.dirname, '../..');
// postgres and redis are the server's dependencies, not the workspace root's.
const serverRequire = createRequire(resolve(ROOT, 'server/package.json'));
// Typed by hand: the root's TypeScript cannot see the server's node_modules.
interface Sql {
  (strings: TemplateStringsArray, ...values: unknown[]): Promise<unknown[]>;
  unsafe(query: string, params?: unknown[]): Promise<unknown[]>;
  end(opts?: { timeout?: number }): Promise<void>;
}
interface RedisClient {
  on(event: 'error', listener: (err: unknown) => void): unknown;
  connect(): Promise<unknown>;
  ping(): Promise<string>;
  del(keys: string[]): Promise<number>;
  keys(pattern: string): Promise<string[]>;
  close(): Promise<void>;
}
const postgres = serverRequire('postgres') as (url: string, opts?: Record<string, unknown>) => Sql;
const { createClient } = serverRequire('redis') as { createClient(opts: Record<string, unknown>): RedisClient };

export const PG_URL = process.env.CLUSTER_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.CLUSTER_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Why the cluster test cannot run here, or null when PostgreSQL and Redis both answer. */
export async function unavailableReason(): Promise<string | null> {
  const sql = postgres(PG_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
  } catch (err) {
    return `PostgreSQL at ${PG_URL.replace(/:[^:@/]*@/, ':***@')} does not answer (${(err as Error).message}); set CLUSTER_DATABASE_URL or TEST_DATABASE_URL`;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
  const redis = createClient({ url: REDIS_URL, socket: { connectTimeout: 3000, reconnectStrategy: false } });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    return `Redis at ${REDIS_URL} does not answer (${(err as Error).message}); set CLUSTER_REDIS_URL`;
  } finally {
    await redis.close().catch(() => undefined);
  }
  return null;
}

/** Removes this run's stream (the adapter's only key); pub/sub channels leave nothing behind. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = createClient({ url: REDIS_URL });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(keys);
  } finally {
    await redis.close().catch(() => undefined);
  }
}

export interface ScratchDatabase {
  url: string;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const name = `parley_cluster_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end({ timeout: 5 });
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  return {
    url: url.toString(),
    query: <T>(text: string, params: unknown[] = []) => sql.unsafe(text, params) as Promise<T[]>,
    async drop() {
      await sql.end({ timeout: 2 }).catch(() => undefined);
      const again = postgres(PG_URL, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists "${name}" with (force)`).catch(() => undefined);
      await again.end({ timeout: 5 });
    },
  };
}

/** Limits far above what a test sends: the other engineer's rate limits are not under test here. */
const GENEROUS_LIMITS = {
  RATE_VISITOR_MESSAGES: '100000/1',
  RATE_AGENT_MESSAGES: '100000/1',
  RATE_CONNECTIONS_PER_IP: '100000/1',
  RATE_CONVERSATIONS_PER_IP: '100000/1',
  RATE_VISITOR_SESSIONS_PER_IP: '100000/1',
};

export class ClusterNode {
  readonly url: string;
  private child: ChildProcess | null = null;
  output = '';

  constructor(
    readonly name: string,
    readonly port: number,
    readonly env: Record<string, string>,
    /** The checkout whose server/src/main.ts runs (benchmarks compare another checkout's server). */
    readonly root = ROOT,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  static async start(name: string, opts: { databaseUrl: string; redisPrefix: string; extraEnv?: Record<string, string>; root?: string }): Promise<ClusterNode> {
    const env = {
      DATABASE_URL: opts.databaseUrl,
      REDIS_URL: REDIS_URL,
      REDIS_PREFIX: opts.redisPrefix,
      ...GENEROUS_LIMITS,
      // The tests sign in as the seeded admin with a password alone.
      ADMIN_2FA: 'optional',
      ...opts.extraEnv,
    };
    const node = new ClusterNode(name, await freePort(), env, opts.root);
    await node.start();
    return node;
  }

  async start(): Promise<void> {
    const { TEST_DATABASE_URL: _t, PARLEY_DATA_DIR: _d, ...env } = process.env;
    this.child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: this.root,
      env: { ...env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1', LOG_LEVEL: process.env.CLUSTER_LOG_LEVEL ?? 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (d) => (this.output += d));
    this.child.stderr?.on('data', (d) => (this.output += d));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`${this.name} exited with ${this.child.exitCode}:\n${this.output}`);
      try {
        if ((await fetch(`${this.url}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${this.name} did not become healthy in 60 s:\n${this.output}`);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** SIGKILL: no shutdown hook runs, as in a crash. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}
