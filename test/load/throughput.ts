/**
 * Persisted message throughput and latency at fixed offered rates.
 *
 *   pnpm bench:throughput -- --db=pg|pglite|both --rates=1000,5000,10000 --seconds=10 --visitors=500 [--root=DIR]
 *
 * Setup: `visitors` conversations handed off to Sales and claimed by alice over /agent, so every
 * message goes visitor -> server (commit) -> ack to the visitor + message:created to the agent. Then,
 * per rate, the generator sends open-loop at that aggregate rate for `seconds` (round-robin over the
 * visitors; no waiting for acks, so a slow server shows up as latency, not as a politely lower rate),
 * and waits at most 20 s for the stragglers. Latency = send -> the agent's message:created, measured on
 * one clock (the generator's). The raw Socket.IO baseline runs the same generator in the same run.
 * `--root` benchmarks another checkout's server (e.g. a `git archive` of HEAD) for before/after.
 */
import { randomUUID } from 'node:crypto';
import { PG_URL, Sut, ack, flags, fmt, machine, openSocket, percentile, pool, postJson, sleep, sortedOf, table } from './lib.js';
import type { Socket } from './lib.js';

const f = flags();
const rates = (f.rates ?? '1000,5000,10000').split(',').map(Number);
const seconds = Number(f.seconds ?? 10);
const visitorCount = Number(f.visitors ?? 500);
const dbs = f.db === 'both' || !f.db ? ['pg', 'pglite'] : [f.db];
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
}

async function setup(sut: Sut): Promise<{ visitors: Array<{ socket: Socket; id: string }>; agent: Socket; close(): void }> {
  const { url, siteKey, salesId, alice } = sut.info;
  const login = await postJson<{ token: string }>(`${url}/api/auth/login`, alice);
  const agent = await openSocket(url, '/agent', { token: login.token });
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

async function runRate(sut: Sut, label: string, world: Awaited<ReturnType<typeof setup>>, rate: number): Promise<Row> {
  const total = Math.round(rate * seconds);
  const tag = `r${rate}-${randomUUID().slice(0, 8)}`;
  const sentAt = new Float64Array(total);
  const agentLatency: number[] = [];
  const ackLatency: number[] = [];
  let acked = 0;
  let errors = 0;
  let lastAck = 0;
  const seen = new Uint8Array(total);
  const onAgent = (m: { body: string }) => {
    if (!m.body.startsWith(tag)) return;
    const i = Number(m.body.slice(tag.length + 1, m.body.indexOf(' ', tag.length + 1)));
    if (seen[i]) return;
    seen[i] = 1;
    agentLatency.push(performance.now() - sentAt[i]!);
  };
  world.agent.on('message:created', onAgent);

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
  world.agent.off('message:created', onAgent);

  const dbRows = await sut.call<number>('count', `select count(*) as n from messages where body like '${tag} %'`);
  const lat = sortedOf(agentLatency);
  const acks = sortedOf(ackLatency);
  const elapsed = ((lastAck || performance.now()) - t0) / 1000;
  const window = saturatedAfter || seconds;
  return {
    server: label,
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
  };
}

async function bench(kind: 'parley' | 'raw', db: 'pg' | 'pglite'): Promise<Row[]> {
  const sut = await Sut.start(kind, { db, ...(f.root ? { root: f.root } : {}) });
  const label = kind === 'raw' ? 'raw Socket.IO' : `Parley on ${sut.info.driver === 'postgres' ? 'PostgreSQL' : sut.info.driver === 'pglite' ? 'PGlite' : sut.info.driver}`;
  const rows: Row[] = [];
  try {
    const t = Date.now();
    const world = await setup(sut);
    console.error(`# ${label}: ${world.visitors.length} claimed conversations ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    // Warm-up (JIT, pools), not reported.
    await runRate(sut, label, world, Math.min(500, rates[0]!)).catch(() => undefined);
    for (const rate of rates) {
      const row = await runRate(sut, label, world, rate);
      console.error(`#   ${rate}/s offered: ${fmt(row.perSecond, 0)}/s acked, p99 ${fmt(row.p99)} ms`);
      rows.push(row);
      await sleep(1000);
    }
    world.close();
  } finally {
    await sut.stop();
  }
  return rows;
}

console.log(`# throughput: ${machine()}`);
console.log(`# ${visitorCount} visitors, ${seconds} s per rate, rates ${rates.join(', ')}/s, PostgreSQL ${PG_URL.replace(/:[^:@/]*@/, ':***@')}${f.root ? `, server from ${f.root}` : ''}`);
const raw = await bench('raw', 'pglite');
const all: Row[] = [...raw];
for (const db of dbs) all.push(...(await bench('parley', db as 'pg' | 'pglite')));
const baseline = new Map(raw.map((r) => [r.rate, r]));
console.log(
  table(
    ['server', 'offered/s', 'saturated', 'sent', 'acked', 'errors', 'acked/s', 'DB rows', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'ack p50', 'ack p99', 'acked, not at agent', 'x raw (acked/s)', 'x raw (p99)'],
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
        fmt(r.perSecond / b.perSecond, 2),
        fmt(r.p99 / b.p99, 1),
      ];
    }),
  ),
);
process.exit(0);
