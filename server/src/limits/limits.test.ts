import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { createClient } from 'redis';
import type { ConversationSync, Message, ProtocolError, VisitorConversation } from '@parley/protocol';
import { LIMITS } from '@parley/protocol';
import { conversations, messages, visitors } from '../db/schema.js';
import { loadConfig } from '../config.js';
import { call, connect, connectVisitor, createVisitorSession, login, nextEvent, unwrap, useTestServers } from '../test-clients.js';
import type { Socket } from '../test-clients.js';
import type { TestServer } from '../testing.js';
import { clientIp, ipKey } from './client-ip.js';
import { createLimiters, FLOOD_LIMITS } from './limiters.js';

// Each test gets its own server: limits and metrics are per app, so one test's state cannot leak into another.
const serve = useTestServers();

type Refusal = Error & { data?: { code: string; retryAfterMs?: number } };
const visitorCount = async (s: TestServer) => (await s.database.db.select({ n: count() }).from(visitors))[0]!.n;

async function chat(server: TestServer, headers?: Record<string, string>) {
  const session = await createVisitorSession(server.url, server.siteKey, headers);
  const socket = await connect(server.url, '/visitor', { siteKey: server.siteKey, token: session.token }, headers);
  const sync = unwrap(await call<ConversationSync<VisitorConversation>>(socket, 'conversation:start', {}));
  return { socket, id: sync.conversation.id };
}

test('a visitor blasting 50 messages in a second is throttled while another visitor is not; rows equal the acked messages', async () => {
  // Default limits: the point is that the shipped numbers stop this and let the bystander through.
  const server = await serve();
  const limit = server.app.ctx.config.rateVisitorMessages!;
  const flooder = await chat(server);
  const bystander = await chat(server);

  const flood = Array.from({ length: 50 }, (_, i) => ({ clientId: crypto.randomUUID(), body: `flood ${i}` }));
  const calm = Array.from({ length: 5 }, (_, i) => ({ clientId: crypto.randomUUID(), body: `calm ${i}` }));
  const [floodAcks, calmAcks] = await Promise.all([
    Promise.all(flood.map((m) => call<Message>(flooder.socket, 'message:send', { conversationId: flooder.id, ...m }))),
    Promise.all(calm.map((m) => call<Message>(bystander.socket, 'message:send', { conversationId: bystander.id, ...m }))),
  ]);

  const accepted = floodAcks.filter((a) => a.ok);
  const refused = floodAcks.filter((a) => !a.ok).map((a) => (a as { error: ProtocolError }).error);
  assert.equal(accepted.length, limit.points, 'the burst allowance goes through');
  assert.equal(refused.length, 50 - limit.points);
  for (const e of refused) {
    assert.equal(e.code, 'rate_limited');
    assert.equal(e.message, FLOOD_LIMITS.visitorMessages.message);
    assert.ok(e.retryAfterMs! > 0 && e.retryAfterMs! <= limit.seconds * 1000, `retryAfterMs ${e.retryAfterMs}`);
  }
  assert.ok(calmAcks.every((a) => a.ok), 'the other visitor was not affected');

  const ackedIds = new Set(floodAcks.flatMap((a, i) => (a.ok ? [flood[i]!.clientId] : [])));
  const stored = await server.database.db.select().from(messages).where(eq(messages.conversationId, flooder.id));
  const storedVisitor = stored.filter((m) => m.author === 'visitor');
  assert.deepEqual(new Set(storedVisitor.map((m) => m.clientId)), ackedIds, 'exactly the acked messages are stored');
  const calmStored = await server.database.db.select().from(messages).where(eq(messages.conversationId, bystander.id));
  assert.equal(calmStored.filter((m) => m.author === 'visitor').length, 5);

  // Throttling delays, never loses: after retryAfterMs the same message is accepted.
  const firstRefused = floodAcks.findIndex((a) => !a.ok);
  await new Promise((r) => setTimeout(r, Math.max(...refused.map((e) => e.retryAfterMs!)) + 50));
  const retried = unwrap(await call<Message>(flooder.socket, 'message:send', { conversationId: flooder.id, ...flood[firstRefused]! }));
  assert.equal(retried.body, flood[firstRefused]!.body);
});

test('the per-IP connection limit refuses the N+1th handshake with rate_limited; live sockets and other IPs carry on', async () => {
  const server = await serve({ rateConnectionsPerIp: { points: 3, seconds: 60 }, trustProxy: 1 });
  const ip = { 'x-forwarded-for': '203.0.113.7' };
  const sessions = await Promise.all([1, 2, 3, 4].map(() => createVisitorSession(server.url, server.siteKey, ip)));
  const open: Socket[] = [];
  for (const s of sessions.slice(0, 3)) open.push(await connect(server.url, '/visitor', { siteKey: server.siteKey, token: s.token }, ip));
  await assert.rejects(connect(server.url, '/visitor', { siteKey: server.siteKey, token: sessions[3]!.token }, ip), (err: Refusal) => {
    assert.equal(err.data?.code, 'rate_limited');
    assert.ok(err.data.retryAfterMs! > 0 && err.data.retryAfterMs! <= 60_000);
    assert.equal(err.message, FLOOD_LIMITS.connectionsPerIp.message);
    return true;
  });
  // Agents share their address's budget: the limit is on the network, not the role.
  const { token } = await login(server.url, server.accounts.alice);
  await assert.rejects(connect(server.url, '/agent', { token }, ip), (err: Refusal) => err.data?.code === 'rate_limited');
  // Sockets already connected are untouched, and another address has its own budget.
  unwrap(await call(open[0]!, 'conversation:start', {}));
  const other = await connect(server.url, '/visitor', { siteKey: server.siteKey, token: sessions[3]!.token }, { 'x-forwarded-for': '198.51.100.2' });
  assert.equal(other.connected, true);
});

test('new conversations are limited per IP; a refused start stores nothing', async () => {
  const server = await serve({ rateConversationsPerIp: { points: 2, seconds: 60 } });
  await chat(server);
  await chat(server);
  const { socket, session } = await connectVisitor(server);
  const before = (await server.database.db.select({ n: count() }).from(conversations))[0]!.n;
  const ack = await call(socket, 'conversation:start', {});
  assert.equal(ack.ok, false);
  assert.equal(!ack.ok && ack.error.code, 'rate_limited');
  assert.ok(!ack.ok && ack.error.retryAfterMs! > 0);
  const after = (await server.database.db.select({ n: count() }).from(conversations))[0]!.n;
  assert.equal(after, before);
  const [row] = await server.database.db.select().from(visitors).where(eq(visitors.id, session.visitorId));
  assert.ok(row, 'the visitor itself exists; only the conversation was refused');
});

test('visitor sessions are limited per IP with a 429 that says when to retry', async () => {
  const server = await serve({ rateVisitorSessionsPerIp: { points: 2, seconds: 60 } });
  await createVisitorSession(server.url, server.siteKey);
  await createVisitorSession(server.url, server.siteKey);
  const before = await visitorCount(server);
  const res = await fetch(`${server.url}/api/visitor/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ siteKey: server.siteKey }) });
  assert.equal(res.status, 429);
  const body = (await res.json()) as { error: ProtocolError };
  assert.equal(body.error.code, 'rate_limited');
  assert.equal(body.error.message, FLOOD_LIMITS.visitorSessionsPerIp.message);
  assert.ok(body.error.retryAfterMs! > 0);
  assert.ok(Number(res.headers.get('retry-after')) >= 1);
  assert.equal(await visitorCount(server), before);
});

test('payload caps: a REST body over the cap is 413 too_large and stores nothing; a long message is too_large', async () => {
  const server = await serve();
  const before = await visitorCount(server);
  const res = await fetch(`${server.url}/api/visitor/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ siteKey: server.siteKey, pad: 'x'.repeat(100_000) }),
  });
  assert.equal(res.status, 413);
  const tooLarge = ((await res.json()) as { error: ProtocolError }).error;
  assert.equal(tooLarge.code, 'too_large');
  assert.match(tooLarge.message, /64 KiB/);
  assert.equal(await visitorCount(server), before);

  const { socket, id } = await chat(server);
  const ack = await call(socket, 'message:send', { conversationId: id, clientId: crypto.randomUUID(), body: 'x'.repeat(LIMITS.messageChars + 1) });
  assert.equal(!ack.ok && ack.error.code, 'too_large');
  const stored = await server.database.db.select().from(messages).where(eq(messages.conversationId, id));
  assert.equal(stored.filter((m) => m.author === 'visitor').length, 0);
});

test('an oversized socket payload drops only that socket; the server keeps serving the others', async () => {
  const server = await serve();
  const big = await chat(server);
  const fine = await chat(server);
  const dropped = nextEvent(big.socket, 'disconnect');
  big.socket.emit('message:send', { conversationId: big.id, clientId: crypto.randomUUID(), body: 'x'.repeat(200_000) });
  assert.equal(await dropped, 'transport close');
  assert.equal(fine.socket.connected, true);
  unwrap(await call<Message>(fine.socket, 'message:send', { conversationId: fine.id, clientId: crypto.randomUUID(), body: 'still here' }));
  const again = await chat(server);
  assert.equal(again.socket.connected, true);
  const stored = await server.database.db.select().from(messages).where(eq(messages.conversationId, big.id));
  assert.equal(stored.filter((m) => m.author === 'visitor').length, 0);
});

test('client IPs: proxies are trusted only as configured; IPv6 is keyed by /64', () => {
  assert.equal(clientIp('::ffff:10.0.0.1', '1.1.1.1', 0), '10.0.0.1', 'without TRUST_PROXY the header is ignored');
  assert.equal(clientIp('10.0.0.1', 'forged, 1.1.1.1', 1), '1.1.1.1', 'the entry the proxy wrote, not the one the client wrote');
  assert.equal(clientIp('10.0.0.1', 'forged, 1.1.1.1, 10.0.0.9', 2), '1.1.1.1');
  assert.equal(ipKey('2001:db8:1:2:3:4:5:6'), '2001:db8:1:2::/64');
  assert.equal(ipKey('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(ipKey('::1'), '0:0:0:0::/64');
});

test('with Redis away the limits still hold, per process', async () => {
  const config = { ...loadConfig({}), redisUrl: 'redis://127.0.0.1:1', redisPrefix: `t${randomBytes(4).toString('hex')}`, rateVisitorMessages: { points: 2, seconds: 60 } };
  const limits = createLimiters({ config, logger: pino({ level: 'silent' }) });
  try {
    const t0 = performance.now();
    await limits.take('visitorMessages', 'v1');
    await limits.take('visitorMessages', 'v1');
    await assert.rejects(limits.take('visitorMessages', 'v1'), (err: Error & { code?: string }) => err.code === 'rate_limited');
    assert.ok(performance.now() - t0 < 1000, 'no waiting on a Redis that does not answer');
  } finally {
    await limits.close();
  }
});

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
async function redisAnswers(): Promise<boolean> {
  const client = createClient({ url: REDIS_URL, socket: { connectTimeout: 1000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    await client.close();
    return true;
  } catch {
    client.destroy();
    return false;
  }
}

test('with REDIS_URL, two app instances share one budget per IP', async (t) => {
  if (!(await redisAnswers())) {
    t.skip(`Redis does not answer at ${REDIS_URL} (set TEST_REDIS_URL); shared limits not tested`);
    return;
  }
  // A unique prefix keeps this run's counters apart from any other run or deployment on that Redis.
  const config = { redisUrl: REDIS_URL, redisPrefix: `parley-test-${randomBytes(6).toString('hex')}`, rateVisitorSessionsPerIp: { points: 3, seconds: 60 } };
  const a = await serve(config);
  const b = await serve(config);
  assert.equal(a.app.ctx.limits.backend, 'redis');
  assert.ok(await a.app.ctx.limits.ready(3000));
  assert.ok(await b.app.ctx.limits.ready(3000));
  await createVisitorSession(a.url, a.siteKey);
  await createVisitorSession(b.url, b.siteKey);
  await createVisitorSession(a.url, a.siteKey);
  for (const s of [a, b]) {
    const res = await fetch(`${s.url}/api/visitor/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ siteKey: s.siteKey }) });
    assert.equal(res.status, 429, 'the budget spent on both instances counts on each');
    assert.equal(((await res.json()) as { error: ProtocolError }).error.code, 'rate_limited');
  }
});
