/**
 * Reconnect storm: N visitors with open conversations lose their transports at the same instant (the
 * server closes them without Socket.IO's DISCONNECT packet, as a network failure would); each
 * reconnects with the SDK's own backoff (500 ms base, randomised, 5 s max) and resyncs with
 * conversation:sync afterSeq = the last seq it holds. Reported: time from the drop until the last
 * client has its sync ack, and the spread. The same storm runs against the bare Socket.IO baseline.
 *
 *   pnpm bench:reconnect -- [--clients=2000] [--db=pglite|pg] [--rounds=3] [--root=DIR]
 */
import { Sut, ack, flags, fmt, machine, openSocket, percentile, pool, postJson, sleep, sortedOf, table } from './lib.js';
import type { Socket } from './lib.js';

const f = flags();
const clients = Number(f.clients ?? 2000);
const rounds = Number(f.rounds ?? 3);
const db = (f.db ?? 'pglite') as 'pg' | 'pglite';
const STORM_LIMIT_MS = 60_000;

interface Storm {
  server: string;
  round: number;
  dropped: number;
  resynced: number;
  allMs: number;
  p50: number;
  p99: number;
}

async function storm(kind: 'parley' | 'raw'): Promise<Storm[]> {
  const sut = await Sut.start(kind, { db, ...(f.root ? { root: f.root } : {}) });
  const label = kind === 'raw' ? 'raw Socket.IO' : `Parley (${db === 'pg' ? 'PostgreSQL' : 'PGlite'})`;
  const visitors: Array<{ socket: Socket; id: string; lastSeq: number; syncedAt: number }> = [];
  const results: Storm[] = [];
  try {
    const { url, siteKey } = sut.info;
    const t0 = Date.now();
    await pool(clients, 50, async () => {
      const session = await postJson<{ token: string }>(`${url}/api/visitor/session`, { siteKey });
      const socket = await openSocket(url, '/visitor', { siteKey, token: session.token }, { reconnection: true });
      const start = await ack<{ conversation: { id: string; lastSeq: number } }>(socket, 'conversation:start', {});
      const v = { socket, id: start.conversation.id, lastSeq: start.conversation.lastSeq, syncedAt: 0 };
      // What the SDK does on every reconnect (packages/client/src/visitor.ts resync()).
      socket.io.on('reconnect', () => {
        ack<{ conversation: { lastSeq: number }; messages: Array<{ seq: number }> }>(socket, 'conversation:sync', { conversationId: v.id, afterSeq: v.lastSeq })
          .then((sync) => {
            for (const m of sync.messages) v.lastSeq = Math.max(v.lastSeq, m.seq);
            v.syncedAt = performance.now();
          })
          .catch(() => undefined);
      });
      visitors.push(v);
    });
    console.error(`# ${label}: ${visitors.length} visitors with open conversations in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    for (let round = 1; round <= rounds; round++) {
      for (const v of visitors) v.syncedAt = 0;
      const dropAt = performance.now();
      const dropped = await sut.call<number>('drop');
      const deadline = dropAt + STORM_LIMIT_MS;
      while (visitors.some((v) => v.syncedAt === 0) && performance.now() < deadline) await sleep(20);
      const done = visitors.filter((v) => v.syncedAt > 0).map((v) => v.syncedAt - dropAt);
      const sorted = sortedOf(done);
      results.push({ server: label, round, dropped, resynced: done.length, allMs: sorted.at(-1) ?? NaN, p50: percentile(sorted, 50), p99: percentile(sorted, 99) });
      console.error(`#   round ${round}: ${done.length}/${visitors.length} resynced, last after ${fmt(sorted.at(-1) ?? NaN, 0)} ms`);
      await sleep(3000);
    }
  } finally {
    for (const v of visitors) v.socket.close();
    await sleep(500);
    await sut.stop();
  }
  return results;
}

console.log(`# reconnect: ${machine()}`);
console.log(`# ${clients} visitors, ${rounds} storms each, Parley on ${db}`);
const raw = await storm('raw');
const ours = await storm('parley');
const rawBest = Math.min(...raw.map((r) => r.allMs));
console.log(
  table(
    ['server', 'storm', 'dropped', 'resynced', 'all resynced after ms', 'p50 ms', 'p99 ms', 'x raw (all)'],
    [...raw, ...ours].map((r) => [r.server, r.round, r.dropped, r.resynced, fmt(r.allMs, 0), fmt(r.p50, 0), fmt(r.p99, 0), fmt(r.allMs / rawBest, 2)]),
  ),
);
process.exit(0);
