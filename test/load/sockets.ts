/**
 * Sockets held by one server process, and memory per socket.
 *
 *   pnpm bench:sockets -- [--count=19000] [--db=pglite|pg] [--max-seconds=300] [--root=DIR]
 *
 * Each visitor is a distinct visitor session (REST) with its own /visitor socket, as on a busy site.
 * Sessions are created first, then memory is sampled (after GC) in the server process, then the
 * sockets are opened and memory sampled again: (after - before) / sockets. The same generator then
 * holds the same number of sockets on a bare Socket.IO server (the baseline) in the same run.
 * The count defaults to 19,000 (the design's figure) or to what the fd limit allows, whichever is
 * lower: every socket costs one descriptor in the server and one in this generator process.
 */
import { execSync } from 'node:child_process';
import { Sut, ack, flags, fmt, kib, machine, mib, openSocket, pool, postJson, sleep, sortedOf, percentile, table } from './lib.js';
import type { Mem, Socket } from './lib.js';

const f = flags();
const fdLimit = Number(execSync('ulimit -n', { encoding: 'utf8', shell: '/bin/sh' }).trim()) || 1024;
// Headroom for the process's own files, PGlite/PostgreSQL connections and stdio.
const allowed = fdLimit - 600;
const wanted = Number(f.count ?? 19_000);
const count = Math.min(wanted, allowed);
const maxMs = Number(f['max-seconds'] ?? 300) * 1000;
const db = (f.db ?? 'pglite') as 'pg' | 'pglite';

interface Result {
  server: string;
  held: number;
  connectSeconds: number;
  before: Mem;
  after: Mem;
  syncP50: number;
  syncP99: number;
}

async function hold(kind: 'parley' | 'raw'): Promise<Result> {
  const sut = await Sut.start(kind, { db, ...(f.root ? { root: f.root } : {}) });
  const label = kind === 'raw' ? 'raw Socket.IO' : `Parley (${db === 'pg' ? 'PostgreSQL' : 'PGlite'})`;
  const sockets: Socket[] = [];
  try {
    const { url, siteKey } = sut.info;
    const deadline = Date.now() + maxMs;
    const tokens: string[] = [];
    const t0 = Date.now();
    await pool(count, 50, async () => void tokens.push((await postJson<{ token: string }>(`${url}/api/visitor/session`, { siteKey })).token), deadline);
    console.error(`# ${label}: ${tokens.length} visitor sessions in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await sleep(500);
    const before = await sut.call<Mem>('mem');
    const t1 = Date.now();
    let failures = 0;
    await pool(
      tokens.length,
      100,
      async (i) => {
        try {
          sockets.push(await openSocket(url, '/visitor', { siteKey, token: tokens[i] }));
        } catch {
          failures++;
        }
        if (sockets.length % 2000 === 0) console.error(`#   ${sockets.length} sockets`);
      },
      deadline,
    );
    const connectSeconds = (Date.now() - t1) / 1000;
    if (failures) console.error(`#   ${failures} handshakes failed`);
    await sleep(2000); // let per-connection setup queries (room joins) settle before sampling
    const held = await sut.call<number>('sockets');
    const after = await sut.call<Mem>('mem');
    // Is the process still responsive while it holds them? 200 sequential round trips on random sockets.
    const rtt: number[] = [];
    for (let i = 0; i < 200 && sockets.length > 0; i++) {
      const s = sockets[Math.floor(Math.random() * sockets.length)]!;
      const t = performance.now();
      await ack(s, 'conversation:sync', { afterSeq: 0 }).catch(() => undefined);
      rtt.push(performance.now() - t);
    }
    const sorted = sortedOf(rtt);
    return { server: label, held, connectSeconds, before, after, syncP50: percentile(sorted, 50), syncP99: percentile(sorted, 99) };
  } finally {
    for (const s of sockets) s.close();
    await sleep(1000);
    await sut.stop();
  }
}

console.log(`# sockets: ${machine()}`);
console.log(`# target ${count} sockets per server${count < wanted ? ` (asked ${wanted}; the fd limit ${fdLimit} allows ${allowed})` : ''}`);
const raw = await hold('raw');
// Server-side TIME_WAIT of the first run is on the old port; give the kernel a moment anyway.
await sleep(2000);
const ours = await hold('parley');
const per = (r: Result, k: keyof Mem) => (r.after[k] - r.before[k]) / Math.max(1, r.held);
console.log(
  table(
    ['server', 'sockets held', 'connect s', 'RSS before MiB', 'RSS after MiB', 'RSS/socket KiB', 'heap/socket KiB', 'external/socket KiB', 'sync p50 ms', 'sync p99 ms', 'x raw (RSS/socket)'],
    [raw, ours].map((r) => [
      r.server,
      r.held,
      fmt(r.connectSeconds),
      fmt(mib(r.before.rss)),
      fmt(mib(r.after.rss)),
      fmt(kib(per(r, 'rss'))),
      fmt(kib(per(r, 'heapUsed'))),
      fmt(kib(per(r, 'external'))),
      fmt(r.syncP50, 2),
      fmt(r.syncP99, 2),
      fmt(per(r, 'rss') / per(raw, 'rss'), 2),
    ]),
  ),
);
process.exit(0);
