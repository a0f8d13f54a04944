import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import type { AgentConversation, ConversationSync, Message, VisitorConversation } from '@parley/protocol';
import { conversations } from '../db/schema.js';
import { call, connectAgent, connectVisitor, unwrap, useTestServers } from '../test-clients.js';
import type { TestServer } from '../testing.js';

// Each test gets its own server: limits and metrics are per app, so one test's state cannot leak into another.
const serve = useTestServers();

/** `name{labels} value` lines of a Prometheus text exposition, as a lookup by series. */
async function scrape(server: TestServer, headers: Record<string, string> = {}): Promise<Map<string, number>> {
  const res = await fetch(`${server.url}/metrics`, { headers });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  const series = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    series.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return series;
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

test('/metrics after some traffic: messages, ack latency, sockets, queue, database and process metrics', async () => {
  const server = await serve();
  const v1 = await connectVisitor(server);
  const v2 = await connectVisitor(server);
  const agent = await connectAgent(server, server.accounts.alice);

  const start = unwrap(await call<ConversationSync<VisitorConversation>>(v1.socket, 'conversation:start', {}));
  const id = start.conversation.id;
  unwrap(await call(v1.socket, 'conversation:handoff', { conversationId: id, departmentId: server.departments.sales.id }));
  unwrap(await call<AgentConversation>(agent.socket, 'conversation:claim', { conversationId: id }));
  for (let i = 0; i < 4; i++) unwrap(await call<Message>(v1.socket, 'message:send', { conversationId: id, clientId: crypto.randomUUID(), body: `v${i}` }));
  for (let i = 0; i < 3; i++) unwrap(await call<Message>(agent.socket, 'message:send', { conversationId: id, clientId: crypto.randomUUID(), body: `a${i}` }));
  // A malformed command is counted under its event and result; a made-up event name adds no series.
  assert.equal((await call(agent.socket, 'message:send', { conversationId: id })).ok, false);
  assert.equal((await call(agent.socket, 'no:such:event', {})).ok, false);
  // One conversation left waiting in Sales (manual routing), so the queue gauge has something to show.
  const waiting = unwrap(await call<ConversationSync<VisitorConversation>>(v2.socket, 'conversation:start', {}));
  unwrap(await call(v2.socket, 'conversation:handoff', { conversationId: waiting.conversation.id, departmentId: server.departments.sales.id }));

  const m = await scrape(server);
  assert.equal(m.get('parley_messages_total{author="visitor"}'), 4);
  assert.equal(m.get('parley_messages_total{author="agent"}'), 3);
  assert.equal(m.get('parley_ack_latency_seconds_count{event="message:send"}'), 8, 'seven sends and the malformed one');
  assert.equal(m.get('parley_acks_total{event="message:send",result="invalid"}'), 1);
  assert.ok(![...m.keys()].some((k) => k.includes('no:such:event')), 'no series for an event without a handler');
  assert.ok(m.get('parley_ack_latency_seconds_sum{event="message:send"}')! > 0);
  assert.ok(m.has('parley_ack_latency_seconds_bucket{le="0.001",event="message:send"}'), 'buckets start at 1 ms');
  assert.equal(m.get('parley_acks_total{event="conversation:claim",result="ok"}'), 1);
  assert.equal(m.get('parley_sockets{namespace="/visitor"}'), 2);
  assert.equal(m.get('parley_sockets{namespace="/agent"}'), 1);

  const queued = async (departmentId: string) =>
    (await server.database.db.select({ n: count() }).from(conversations).where(and(eq(conversations.departmentId, departmentId), eq(conversations.status, 'queued'))))[0]!.n;
  assert.equal(m.get(`parley_queue_length{department="${server.departments.sales.id}"}`), await queued(server.departments.sales.id));
  assert.equal(m.get(`parley_queue_length{department="${server.departments.sales.id}"}`), 1);
  assert.equal(m.get(`parley_queue_length{department="${server.departments.support.id}"}`), 0);
  assert.equal(m.get(`parley_db_up{driver="${server.database.driver}"}`), 1);
  assert.equal(m.get('parley_db_in_flight{source="socket"}'), 0, 'every command that started has finished');
  assert.ok(m.has('process_cpu_user_seconds_total'), 'process default metrics');
  assert.ok(m.has('nodejs_eventloop_lag_seconds'));

  // The gauge follows the connections: it is read on scrape, not kept by hand.
  v2.socket.close();
  await until(async () => (await scrape(server)).get('parley_sockets{namespace="/visitor"}') === 1, 'the visitor gauge to drop to 1');
});

test('refusals are counted by limit and kept out of the latency histogram', async () => {
  const server = await serve({ rateVisitorMessages: { points: 2, seconds: 60 } });
  const v = await connectVisitor(server);
  const id = unwrap(await call<ConversationSync<VisitorConversation>>(v.socket, 'conversation:start', {})).conversation.id;
  const acks = await Promise.all([0, 1, 2, 3].map((i) => call(v.socket, 'message:send', { conversationId: id, clientId: crypto.randomUUID(), body: `m${i}` })));
  assert.equal(acks.filter((a) => a.ok).length, 2);
  const m = await scrape(server);
  assert.equal(m.get('parley_rate_limited_total{limit="visitorMessages"}'), 2);
  assert.equal(m.get('parley_acks_total{event="message:send",result="rate_limited"}'), 2);
  assert.equal(m.get('parley_ack_latency_seconds_count{event="message:send"}'), 2);
  assert.equal(m.get('parley_messages_total{author="visitor"}'), 2);
});

test('two apps in one process keep separate registries', async () => {
  const [a, b] = [await serve(), await serve()];
  const v = await connectVisitor(a);
  const id = unwrap(await call<ConversationSync<VisitorConversation>>(v.socket, 'conversation:start', {})).conversation.id;
  unwrap(await call<Message>(v.socket, 'message:send', { conversationId: id, clientId: crypto.randomUUID(), body: 'only on a' }));
  assert.equal((await scrape(a)).get('parley_messages_total{author="visitor"}'), 1);
  assert.equal((await scrape(b)).get('parley_messages_total{author="visitor"}'), 0);
  assert.equal((await scrape(b)).get('parley_sockets{namespace="/visitor"}'), 0);
});

test('with METRICS_TOKEN, /metrics needs the bearer token', async () => {
  const token = 'metrics-secret-0123456789';
  const server = await serve({ metricsToken: token });
  const bare = await fetch(`${server.url}/metrics`);
  assert.equal(bare.status, 401);
  assert.equal(((await bare.json()) as { error: { code: string } }).error.code, 'unauthorized');
  const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer metrics-secret-0123456780' } });
  assert.equal(wrong.status, 401);
  const m = await scrape(server, { authorization: `Bearer ${token}` });
  assert.ok(m.has('parley_sockets{namespace="/visitor"}'));
});
