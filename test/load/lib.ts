/**
 * Shared plumbing of the load benchmarks. Each benchmark is ONE command; it forks the server under
 * test (ours or the bare Socket.IO baseline, see sut.ts) into its own process and drives it from the
 * benchmark process itself, so generator and server never share an event loop: on 2 cores a shared
 * loop would charge the generator's work to the server and vice versa.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { execSync, fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';

export type { Socket };
export const REPO = resolve(import.meta.dirname, '../..');
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** `--name=value` flags; `pnpm bench:x -- --rates=1000,5000` passes them through. */
export function flags(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of process.argv.slice(2)) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (m) out[m[1]!] = m[2] ?? 'true';
  }
  return out;
}

export interface SutInfo {
  url: string;
  siteKey: string;
  salesId: string;
  alice: { email: string; password: string };
  driver: string;
}

/** A server under test in its own process, driven over IPC (memory, row counts, transport drops). */
export class Sut {
  private seq = 0;
  private readonly waiting = new Map<number, (v: unknown) => void>();
  private constructor(
    readonly child: ChildProcess,
    readonly info: SutInfo,
  ) {
    child.on('message', (m: { id?: number; result?: unknown }) => {
      if (m.id !== undefined) this.waiting.get(m.id)?.(m.result);
      this.waiting.delete(m.id!);
    });
  }

  /** kind: 'parley' (our server, from `root`'s server/src) or 'raw' (bare Socket.IO doing the same messaging). */
  static async start(kind: 'parley' | 'raw', opts: { db?: 'pg' | 'pglite'; root?: string } = {}): Promise<Sut> {
    const child = fork(resolve(import.meta.dirname, 'sut.ts'), [kind, opts.db ?? 'pglite', opts.root ?? REPO], {
      // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the server under test, written when it exits.
      // BENCH_NODE_FLAGS: more flags for it, e.g. `--trace-gc` to see the collector's pauses.
      execArgv: [
        '--expose-gc',
        '--import',
        'tsx',
        ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
        ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
      ],
      env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', TEST_DATABASE_URL: PG_URL },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const info = await new Promise<SutInfo>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error('server under test did not start in 60 s')), 60_000);
      child.once('message', (m: SutInfo) => {
        clearTimeout(timer);
        ok(m);
      });
      child.once('exit', (code) => fail(new Error(`server under test exited with ${code}`)));
    });
    return new Sut(child, info);
  }

  call<T>(cmd: string, arg?: unknown, timeoutMs = 60_000): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`sut ${cmd} timed out`)), timeoutMs);
      this.waiting.set(id, (v) => {
        clearTimeout(timer);
        ok(v as T);
      });
      this.child.send({ id, cmd, arg });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    await this.call('close', undefined, 30_000).catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

export interface Mem {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** One real socket.io-client connection of its own (forceNew: no multiplexing over a shared Manager). */
export function openSocket(url: string, nsp: string, auth: Record<string, unknown>, opts: { reconnection?: boolean } = {}): Promise<Socket> {
  const socket = io(url + nsp, {
    auth,
    transports: ['websocket'],
    forceNew: true,
    reconnection: opts.reconnection ?? false,
    // The SDK's own reconnect timing (packages/client/src/connection.ts), so a storm looks like one.
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    timeout: 20_000,
  });
  return new Promise((ok, fail) => {
    socket.once('connect', () => ok(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      fail(err);
    });
  });
}

export function ack<T = any>(socket: Socket, event: string, payload: unknown, timeoutMs = 20_000): Promise<T> {
  return socket
    .timeout(timeoutMs)
    .emitWithAck(event, payload)
    .then((r: { ok: boolean; data: T; error?: { code: string; message: string } }) => {
      if (!r.ok) throw new Error(`${event}: ${r.error?.code} ${r.error?.message}`);
      return r.data;
    });
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** At most `limit` of `fn` in flight over `count` items; returns how many succeeded before `deadline`. */
export async function pool(count: number, limit: number, fn: (i: number) => Promise<void>, deadline = Infinity): Promise<number> {
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count && Date.now() < deadline) {
        await fn(next++);
        done++;
      }
    }),
  );
  return done;
}

export function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function sortedOf(values: number[]): Float64Array {
  return Float64Array.from(values).sort();
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
export const kib = (bytes: number) => bytes / 1024;
export const mib = (bytes: number) => bytes / 1024 / 1024;

export function table(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(cells[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

/** Machine facts printed with every result, for docs/benchmarks.md. */
export function machine(): string {
  const sh = (cmd: string) => {
    try {
      return execSync(cmd, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '?';
    }
  };
  return [
    `date ${new Date().toISOString()}`,
    `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `Node ${process.version}`,
    `PostgreSQL ${sh(`psql "${PG_URL}" -tAc 'show server_version'`)}`,
    `fd limit ${sh('ulimit -n')} (hard ${sh('ulimit -Hn')})`,
    `load average at start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  ].join('; ');
}

let clockTicks = 0;
/**
 * CPU time (user + system, µs) a process has used so far, read from /proc/<pid>/stat (Linux): works for
 * any child, the forked server under test and the cluster's plain `node` processes alike. Resolution is
 * one clock tick (10 ms), fine over a 10 s run.
 */
export function cpuMicros(pid: number): number {
  try {
    clockTicks ||= Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) " come fields 3.. of proc(5); utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / clockTicks;
  } catch {
    return NaN;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A deterministic PRNG (mulberry32): the same generated data on every run of a benchmark. */
export function seededRandom(seed: number): { rand: () => number; pick: <T>(xs: readonly T[]) => T } {
  let state = seed | 0;
  const rand = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { rand, pick: <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]! };
}

/** Heap in use after two full collections: what a structure built in between really holds. */
export function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
