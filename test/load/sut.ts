/**
 * The server under test, forked by lib.ts's Sut.start: `sut.ts <parley|raw> <pg|pglite> <repo root>`.
 *
 * parley: the real server through startTestServer (PostgreSQL scratch database or in-memory PGlite),
 *   flood limits off (every benchmark client comes from 127.0.0.1).
 * raw: the baseline, a bare Socket.IO server answering the same events with the same payload shapes
 *   and the same fan-out (ack + message:created to the visitor room and to the agent), and nothing
 *   else: no validation, no auth, no database. The gap between the two is what Parley costs.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PerformanceObserver, constants, monitorEventLoopDelay } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

const inspector = new Session();

const [kind = 'parley', db = 'pglite', root = process.cwd()] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
// How long the server's event loop was held up (timers, socket I/O waiting): `lag` reads and resets it.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
// The same seen from a JS timer (what Socket.IO's ping timers go through).
let timerGap = 0;
let lastTick = performance.now();
// Stalls with their wall-clock time, so the generator can line them up with its slowest messages
// (`stalls` reads and clears them): timer ticks late by over 10 ms, and collector pauses over 3 ms.
// Only kept with BENCH_TAILS, the one report that reads them.
const watchStalls = Boolean(process.env.BENCH_TAILS);
const stalls: Array<{ at: number; ms: number; what: string }> = [];
setInterval(() => {
  const now = performance.now();
  const late = now - lastTick - 50;
  timerGap = Math.max(timerGap, late);
  if (watchStalls && late > 10 && stalls.length < 10_000) stalls.push({ at: performance.timeOrigin + now - late, ms: late, what: 'event loop' });
  lastTick = now;
}, 50).unref();
if (watchStalls) {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      const what = kind === constants.NODE_PERFORMANCE_GC_MAJOR ? 'gc major' : kind === constants.NODE_PERFORMANCE_GC_MINOR ? 'gc minor' : 'gc other';
      if (e.duration > 3 && stalls.length < 10_000) stalls.push({ at: performance.timeOrigin + e.startTime, ms: e.duration, what });
    }
  }).observe({ entryTypes: ['gc'] });
}

type Io = Server;
let io: Io;
let close: () => Promise<void>;
let count: (query: string) => Promise<number> = async () => NaN;
let rows: (query: string) => Promise<unknown[]> = async () => [];
/** Open employee announcement streams (SSE) in the server under test. */
let employeeStreams: () => number = () => 0;

function mem() {
  // Twice: the first pass can leave finalizable objects for the second.
  gc();
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
}

// startTestServer falls back to TEST_DATABASE_URL when no URL is given: PGlite must not inherit it.
if (db !== 'pg') delete process.env.TEST_DATABASE_URL;
let closing = false;
// In-flight handlers of a saturated run still reject after close() has dropped the database; that is
// expected at teardown, and must not turn into a crash report in the middle of the results.
process.on('unhandledRejection', (err) => {
  if (!closing) console.error('# server under test: unhandled rejection', err);
});
process.on('uncaughtException', (err) => {
  if (!closing) console.error('# server under test: uncaught exception', err);
});

if (kind === 'parley') {
  const { startTestServer } = (await import(pathToFileURL(join(root, 'server/src/testing.ts')).href)) as typeof import('../../server/src/testing.js');
  const server = await startTestServer({
    ...(db === 'pg' ? { databaseUrl: process.env.TEST_DATABASE_URL } : {}),
    // Loosely typed: these keys exist only where server/src/limits has landed.
    config: { rateVisitorMessages: null, rateAgentMessages: null, rateConnectionsPerIp: null, rateConversationsPerIp: null, rateVisitorSessionsPerIp: null } as Record<string, unknown>,
  });
  io = server.app.io;
  const { hubOf } = (await import(pathToFileURL(join(root, 'server/src/announcements/hub.ts')).href)) as typeof import('../../server/src/announcements/hub.js');
  employeeStreams = () => hubOf(server.app.ctx).size();
  close = () => server.close();
  rows = async (query) => {
    // postgres.js returns the rows as an array, PGlite as `{ rows }`.
    const result = (await server.database.db.execute(query)) as unknown;
    return Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
  };
  count = async (query) => Number(((await rows(query)) as Array<{ n: unknown }>)[0]?.n ?? NaN);
  const alice = server.accounts.alice;
  process.send!({ url: server.url, siteKey: server.siteKey, salesId: server.departments.sales.id, alice: { email: alice.email, password: alice.password }, driver: server.database.driver });
} else {
  const http = createServer((req, res) => {
    // The two REST calls the generator makes, answered without any work.
    if (req.method === 'POST' && req.url === '/api/visitor/session') {
      req.resume();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ visitorId: randomUUID(), token: randomUUID() }));
    } else if (req.method === 'POST' && req.url === '/api/auth/login') {
      req.resume();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ token: 'raw', expiresAt: new Date().toISOString(), agent: {} }));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  io = new Server(http, { maxHttpBufferSize: 100_000, serveClient: false });
  const seqs = new Map<string, number>();
  const visitors = io.of('/visitor');
  const agents = io.of('/agent');
  visitors.on('connection', (socket) => {
    // Same room layout as ours: one per visitor, one per conversation.
    socket.join(`visitor:${socket.id}`);
    socket.on('conversation:start', (_input, reply) => {
      const id = randomUUID();
      seqs.set(id, 1);
      socket.join(`conv:${id}`);
      reply({ ok: true, data: { conversation: { id, status: 'bot', lastSeq: 1 }, messages: [], hasMore: false } });
    });
    socket.on('conversation:handoff', (input: { conversationId: string }, reply) => reply({ ok: true, data: { id: input.conversationId, status: 'queued' } }));
    socket.on('conversation:sync', (input: { conversationId: string }, reply) => {
      socket.join(`conv:${input.conversationId}`);
      reply({ ok: true, data: { conversation: { id: input.conversationId, status: 'bot', lastSeq: seqs.get(input.conversationId) ?? 0 }, messages: [], hasMore: false } });
    });
    socket.on('message:send', (input: { conversationId: string; clientId: string; body: string }, reply) => {
      const seq = (seqs.get(input.conversationId) ?? 0) + 1;
      seqs.set(input.conversationId, seq);
      const message = { id: randomUUID(), conversationId: input.conversationId, seq, clientId: input.clientId, author: 'visitor', authorName: null, body: input.body, meta: null, createdAt: new Date().toISOString() };
      reply({ ok: true, data: message });
      visitors.to(`conv:${input.conversationId}`).emit('message:created', message);
      agents.to(`conv:${input.conversationId}`).emit('message:created', message);
    });
  });
  agents.on('connection', (socket) => {
    socket.on('conversation:claim', (input: { conversationId: string }, reply) => {
      socket.join(`conv:${input.conversationId}`);
      reply({ ok: true, data: { id: input.conversationId, status: 'assigned' } });
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  close = () => new Promise<void>((r) => io.close(() => r()));
  process.send!({ url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, siteKey: 'raw', salesId: 'raw', alice: { email: 'raw', password: 'raw' }, driver: 'none' });
}

process.on('message', async (m: { id: number; cmd: string; arg?: unknown }) => {
  let result: unknown = null;
  try {
    if (m.cmd === 'mem') result = mem();
    else if (m.cmd === 'count') result = await count(String(m.arg));
    else if (m.cmd === 'lag') {
      result = { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6, timerGap };
      loopDelay.reset();
      timerGap = 0;
    } else if (m.cmd === 'rows') result = await rows(String(m.arg));
    else if (m.cmd === 'employee-streams') result = employeeStreams();
    else if (m.cmd === 'stalls') result = stalls.splice(0);
    else if (m.cmd === 'heap-start') {
      // Sampling heap profiler that keeps objects the collector has already freed: what is allocated
      // per message, not only what stays (BENCH_HEAP_PROF=<file> in throughput.ts).
      inspector.connect();
      await inspector.post('HeapProfiler.enable');
      // BENCH_HEAP_PROMOTED=1 leaves out what scavenges freed: what is left outlived the young
      // generation (promoted, whether a later major GC freed it or not). That is the old generation's
      // growth, which brings on the major GCs behind the p99 stalls (docs/benchmarks.md).
      const promotedOnly = Boolean(process.env.BENCH_HEAP_PROMOTED);
      await inspector.post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: !promotedOnly });
    } else if (m.cmd === 'heap-stop') {
      const { profile } = (await inspector.post('HeapProfiler.stopSampling')) as { profile: unknown };
      writeFileSync(String(m.arg), JSON.stringify(profile));
      inspector.disconnect();
      result = true;
    }
    else if (m.cmd === 'sockets') result = io.of(typeof m.arg === 'string' ? m.arg : '/visitor').sockets.size;
    else if (m.cmd === 'drop') {
      // Transport closed without Socket.IO's DISCONNECT packet: clients treat it as a network failure
      // and reconnect by themselves (a DISCONNECT would tell them to stay away).
      let n = 0;
      for (const s of io.of('/visitor').sockets.values()) {
        s.conn.close();
        n++;
      }
      result = n;
    } else if (m.cmd === 'close') {
      closing = true;
      io.disconnectSockets(true);
      await close();
      process.send!({ id: m.id, result: true }, () => process.exit(0));
      return;
    }
  } catch (err) {
    result = { error: String(err) };
  }
  process.send!({ id: m.id, result });
});
process.on('disconnect', () => process.exit(0));
