/**
 * Persisted message throughput and latency at fixed offered rates.
 *
 *   pnpm bench:throughput -- --db=pg|pglite|both --rates=1000,5000,10000 --seconds=10 --visitors=500 [--processes=2] [--root=DIR]
 *
 * Setup: `visitors` conversations handed off to Sales and claimed by alice over /agent, so every
 * message goes visitor -> server (commit) -> ack to the visitor + message:created to the agent. Then,
 * per rate, the generator sends open-loop at that aggregate rate for `seconds` (round-robin over the
 * visitors; no waiting for acks, so a slow server shows up as latency, not as a politely lower rate),
 * and waits at most 20 s for the stragglers. Latency = send -> the agent's message:created, measured on
 * one clock (the generator's). The raw Socket.IO baseline runs the same generator in the same run.
 * Server CPU per message: the CPU time (user + system) of the server's process(es) over the rate's
 * sending and draining, divided by the messages acked; for the baseline the same over its own run.
 * `--processes=2` adds Parley as two processes (server/src/main.ts, as production runs it) on one
 * PostgreSQL database and Redis: visitors connect to the first, the agent to the second, so every
 * message crosses the Redis adapter. Their CPU is summed.
 * `--root` benchmarks another checkout's server (e.g. a `git archive` of HEAD) for before/after.
 */
import { randomUUID } from 'node:crypto';
import { PG_URL, Sut, ack, cpuMicros, flags, fmt, machine, openSocket, percentile, pool, postJson, sleep, sortedOf, table } from './lib.js';
import type { Socket, SutInfo } from './lib.js';
import { ClusterNode, createScratchDatabase, deleteRedisKeys, unavailableReason } from '../cluster/harness.js';

const f = flags();
const rates = (f.rates ?? '1000,5000,10000').split(',').map(Number);
const seconds = Number(f.seconds ?? 10);
const visitorCount = Number(f.visitors ?? 500);
const dbs = f.db === 'both' || !f.db ? ['pg', 'pglite'] : [f.db];
const processes = Number(f.processes ?? 1);
const DRAIN_MS = 20_000;
const PAD = 'x'.repeat(60); // a typical short chat line

interface Row {
  server: string;
  rate: number;
  sent: number;
  acked: number;
  errors: number;
  perSecond: number;
  dbRows: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  ackP50: number;
  ackP99: number;
  lost: number;
  /** Seconds into the run when offering stopped because the server fell 2 s behind; 0 = kept up. */
  saturatedAfter: number;
  /** Server CPU (user + system, all its processes) per acked message, µs. */
  cpuPerMessage: number;
}

/** What a run drives: one forked server (ours or the baseline) or a cluster of real server processes. */
interface Target {
  label: string;
  /** Visitors connect to `url`, the agent to `agentUrl`. */
  info: SutInfo & { agentUrl: string };
  pids: number[];
  count(query: string): Promise<number>;
  /** The server's event-loop stalls and GC pauses since the last call (wall-clock ms), where known. */
  stalls?(): Promise<Array<{ at: number; ms: number; what: string }>>;
  /** Sampling heap profile of one rate (BENCH_HEAP_PROF=<file prefix>), where the target supports it. */
  heap?(cmd: 'heap-start' | 'heap-stop', file?: string): Promise<unknown>;
  stop(): Promise<void>;
}

async function forkedTarget(kind: 'parley' | 'raw', db: 'pg' | 'pglite'): Promise<Target> {
  const sut = await Sut.start(kind, { db, ...(f.root ? { root: f.root } : {}) });
  const driver = sut.info.driver;
  return {
    label: kind === 'raw' ? 'raw Socket.IO' : `Parley on ${driver === 'postgres' ? 'PostgreSQL' : driver === 'pglite' ? 'PGlite' : driver}`,
    info: { ...sut.info, agentUrl: sut.info.url },
    pids: [sut.child.pid!],
    count: (query) => sut.call<number>('count', query),
    stalls: () => sut.call('stalls'),
    heap: (cmd, file) => sut.call(cmd, file),
    stop: () => sut.stop(),
  };
}

/** Two real server processes on one scratch PostgreSQL database and Redis (test/cluster/harness.ts). */
async function clusterTarget(): Promise<Target> {
  const db = await createScratchDatabase();
  const prefix = `parley-bench-${randomUUID().slice(0, 8)}`;
  const opts = { databaseUrl: db.url, redisPrefix: prefix, ...(f.root ? { root: f.root } : {}) };
  // One after the other: the first migrates and seeds the demo, the second finds it done.
  const a = await ClusterNode.start('A', opts);
  const b = await ClusterNode.start('B', opts);
  await sleep(1500); // the adapters find each other through their first heartbeat
  const [site] = await db.query<{ key: string }>('select key from sites order by created_at limit 1');
  const [sales] = await db.query<{ id: string }>(`select id from departments where names->>'en' = 'Sales'`);
  return {
    label: 'Parley, 2 processes + Redis',
    info: { url: a.url, agentUrl: b.url, siteKey: site!.key, salesId: sales!.id, alice: { email: 'alice@parley.test', password: 'parley-alice' }, driver: 'postgres' },
    pids: [a.pid!, b.pid!],
    count: async (query) => Number((await db.query<{ n: unknown }>(query))[0]?.n ?? NaN),
    async stop() {
      await Promise.all([a.kill(), b.kill()]);
      await db.drop();
      await deleteRedisKeys(prefix).catch(() => undefined);
    },
  };
}

async function setup(target: Target): Promise<{ visitors: Array<{ socket: Socket; id: string }>; agent: Socket; close(): void }> {
  const { url, agentUrl, siteKey, salesId, alice } = target.info;
  const login = await postJson<{ token: string }>(`${agentUrl}/api/auth/login`, alice);
  const agent = await openSocket(agentUrl, '/agent', { token: login.token });
  const visitors: Array<{ socket: Socket; id: string }> = [];
  await pool(visitorCount, 20, async () => {
    const session = await postJson<{ token: string }>(`${url}/api/visitor/session`, { siteKey });
    const socket = await openSocket(url, '/visitor', { siteKey, token: session.token });
    const start = await ack<{ conversation: { id: string } }>(socket, 'conversation:start', { departmentId: salesId });
    const id = start.conversation.id;
    // Handed off and claimed one at a time: the Sales queue stays short, so setup does not measure
    // queue snapshots of hundreds of waiting chats.
    await ack(socket, 'conversation:handoff', { conversationId: id, departmentId: salesId });
    await ack(agent, 'conversation:claim', { conversationId: id });
    visitors.push({ socket, id });
  });
  return {
    visitors,
    agent,
    close() {
      for (const v of visitors) v.socket.close();
      agent.close();
    },
  };
}

const serverCpu = (target: Target) => target.pids.reduce((sum, pid) => sum + cpuMicros(pid), 0);

function tailsBySendTime(sentAt: Float64Array, seen: Uint8Array, agentAt: Float64Array, t0: number): string {
  const lat: Array<[number, number]> = [];
  for (let i = 0; i < sentAt.length; i++) if (seen[i]) lat.push([agentAt[i]! - sentAt[i]!, sentAt[i]! - t0]);
  lat.sort((a, b) => b[0] - a[0]);
  const buckets = new Map<number, number>();
  for (const [, at] of lat.slice(0, Math.ceil(lat.length / 100))) {
    const bucket = Math.floor(at / 250) * 250;
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
  }
  return [...buckets].sort((a, b) => b[1] - a[1]).map(([ms, n]) => `${n} at ${(ms / 1000).toFixed(2)} s`).join(', ');
}

async function runRate(target: Target, world: Awaited<ReturnType<typeof setup>>, rate: number): Promise<Row> {
  const total = Math.round(rate * seconds);
  const tag = `r${rate}-${randomUUID().slice(0, 8)}`;
  const sentAt = new Float64Array(total);
  const agentLatency: number[] = [];
  const ackLatency: number[] = [];
  let acked = 0;
  let errors = 0;
  let lastAck = 0;
  const seen = new Uint8Array(total);
  const agentAt = new Float64Array(total);
  const onAgent = (m: { body: string }) => {
    if (!m.body.startsWith(tag)) return;
    const i = Number(m.body.slice(tag.length + 1, m.body.indexOf(' ', tag.length + 1)));
    if (seen[i]) return;
    seen[i] = 1;
    agentAt[i] = performance.now();
    agentLatency.push(agentAt[i]! - sentAt[i]!);
  };
  world.agent.on('message:created', onAgent);

  const heapFile = process.env.BENCH_HEAP_PROF && target.heap ? `${process.env.BENCH_HEAP_PROF}-${target.label.replace(/\W+/g, '-')}-${rate}.heapprofile` : '';
  if (heapFile) await target.heap!('heap-start');
  const cpu0 = serverCpu(target);
  const t0 = performance.now();
  let saturatedAfter = 0;
  let sent = 0;
  let cursor = 0;
  // Open loop: every tick, send whatever the schedule says is due by now (timer jitter is caught up, not lost).
  await new Promise<void>((done) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * rate));
      while (sent < due) {
        const i = sent++;
        const v = world.visitors[cursor++ % world.visitors.length]!;
        sentAt[i] = performance.now();
        v.socket.emit('message:send', { conversationId: v.id, clientId: randomUUID(), body: `${tag} ${i} ${PAD}` }, (r: { ok: boolean }) => {
          const now = performance.now();
          if (r.ok) {
            acked++;
            ackLatency.push(now - sentAt[i]!);
            lastAck = now;
          } else errors++;
        });
      }
      // Saturated: once the oldest unanswered message is 2 s old, stop offering. Otherwise the backlog
      // (already parsed and queued in the server) would bleed into the next rate's figures.
      const answered = acked + errors;
      const behindMs = answered < sent ? performance.now() - sentAt[answered]! : 0;
      if (sent >= total || behindMs > 2000) {
        if (sent < total) saturatedAfter = (performance.now() - t0) / 1000;
        clearInterval(tick);
        done();
      }
    }, 2);
  });
  const drainUntil = performance.now() + DRAIN_MS;
  while (acked + errors < total && performance.now() < drainUntil) await sleep(50);
  await sleep(200); // last agent deliveries trail the last acks slightly
  const cpu = serverCpu(target) - cpu0;
  if (heapFile) await target.heap!('heap-stop', heapFile);
  world.agent.off('message:created', onAgent);

  // BENCH_TAILS=1: when the slowest 1% were sent (per 250 ms of the run), to tell pauses from spread.
  if (process.env.BENCH_TAILS) {
    console.error(`#     ${target.label} ${rate}/s slowest 1% by send time: ${tailsBySendTime(sentAt, seen, agentAt, t0)}`);
    // The server's own stalls on the same clock (seconds into the run), to say what held those up.
    const startedAt = performance.timeOrigin + t0;
    const stalls = ((await target.stalls?.()) ?? []).filter((x) => x.at >= startedAt);
    if (target.stalls) console.error(`#     server stalls: ${stalls.map((x) => `${x.what} ${fmt(x.ms)} ms at ${((x.at - startedAt) / 1000).toFixed(2)} s`).join(', ') || 'none over 10 ms (loop) / 3 ms (GC)'}`);
  }
  const dbRows = await target.count(`select count(*) as n from messages where body like '${tag} %'`);
  const lat = sortedOf(agentLatency);
  const acks = sortedOf(ackLatency);
  const elapsed = ((lastAck || performance.now()) - t0) / 1000;
  const window = saturatedAfter || seconds;
  return {
    server: target.label,
    rate,
    sent,
    acked,
    errors,
    perSecond: acked / Math.max(elapsed, window),
    saturatedAfter,
    dbRows,
    p50: percentile(lat, 50),
    p95: percentile(lat, 95),
    p99: percentile(lat, 99),
    max: lat.at(-1) ?? NaN,
    ackP50: percentile(acks, 50),
    ackP99: percentile(acks, 99),
    lost: acked - agentLatency.length,
    cpuPerMessage: cpu / Math.max(acked, 1),
  };
}

async function bench(start: () => Promise<Target>): Promise<Row[]> {
  const target = await start();
  const rows: Row[] = [];
  try {
    const t = Date.now();
    const world = await setup(target);
    console.error(`# ${target.label}: ${world.visitors.length} claimed conversations ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    // Warm-up (JIT, pools), not reported.
    await runRate(target, world, Math.min(500, rates[0]!)).catch(() => undefined);
    for (const rate of rates) {
      const row = await runRate(target, world, rate);
      console.error(`#   ${rate}/s offered: ${fmt(row.perSecond, 0)}/s acked, p99 ${fmt(row.p99)} ms, ${fmt(row.cpuPerMessage, 0)} µs CPU per message`);
      rows.push(row);
      await sleep(1000);
    }
    world.close();
  } finally {
    await target.stop();
  }
  return rows;
}

console.log(`# throughput: ${machine()}`);
console.log(`# ${visitorCount} visitors, ${seconds} s per rate, rates ${rates.join(', ')}/s, PostgreSQL ${PG_URL.replace(/:[^:@/]*@/, ':***@')}${f.root ? `, server from ${f.root}` : ''}`);
const raw = await bench(() => forkedTarget('raw', 'pglite'));
const all: Row[] = [...raw];
for (const db of dbs) all.push(...(await bench(() => forkedTarget('parley', db as 'pg' | 'pglite'))));
if (processes === 2) {
  const why = await unavailableReason();
  if (why) console.log(`# two processes skipped: ${why}`);
  else all.push(...(await bench(clusterTarget)));
}
const baseline = new Map(raw.map((r) => [r.rate, r]));
console.log(
  table(
    ['server', 'offered/s', 'saturated', 'sent', 'acked', 'errors', 'acked/s', 'DB rows', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'ack p50', 'ack p99', 'acked, not at agent', 'CPU µs/msg', 'x raw (acked/s)', 'x raw (p99)', 'x raw (CPU)'],
    all.map((r) => {
      const b = baseline.get(r.rate)!;
      return [
        r.server,
        r.rate,
        r.saturatedAfter ? `at ${fmt(r.saturatedAfter)} s` : 'no',
        r.sent,
        r.acked,
        r.errors,
        fmt(r.perSecond, 0),
        r.dbRows == null || Number.isNaN(r.dbRows) ? '-' : r.dbRows,
        fmt(r.p50),
        fmt(r.p95),
        fmt(r.p99),
        fmt(r.max),
        fmt(r.ackP50),
        fmt(r.ackP99),
        r.lost,
        fmt(r.cpuPerMessage, 0),
        fmt(r.perSecond / b.perSecond, 2),
        fmt(r.p99 / b.p99, 1),
        fmt(r.cpuPerMessage / b.cpuPerMessage, 2),
      ];
    }),
  ),
);
process.exit(0);
