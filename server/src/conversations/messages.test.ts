import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { AgentConversation, ConversationSync, Message, VisitorConversation } from '@parley/protocol';
import { LIMITS } from '@parley/protocol';
import { conversations, messages } from '../db/schema.js';
import { call, connect, connectAgent, connectVisitor, createVisitorSession, nextEvent, record, unwrap, useTestServer } from '../test-clients.js';

const env = useTestServer();

const db = () => env.server.database.db;
const rowsOf = async (conversationId: string) => (await db().select().from(messages).where(eq(messages.conversationId, conversationId))).sort((a, b) => a.seq - b.seq);
const convRow = async (id: string) => (await db().select().from(conversations).where(eq(conversations.id, id)))[0]!;

async function visitorWithChat() {
  const { socket, session } = await connectVisitor(env.server);
  const sync = unwrap(await call<ConversationSync<VisitorConversation>>(socket, 'conversation:start', {}));
  return { socket, session, id: sync.conversation.id };
}

/** A conversation queued in Sales (manual) and claimed by alice. */
async function assignedChat() {
  const v = await visitorWithChat();
  unwrap(await call(v.socket, 'conversation:handoff', { conversationId: v.id, departmentId: env.server.departments.sales.id }));
  const agent = await connectAgent(env.server, env.server.accounts.alice);
  unwrap(await call<AgentConversation>(agent.socket, 'conversation:claim', { conversationId: v.id }));
  return { visitor: v.socket, agent: agent.socket, id: v.id };
}

test('visitor handshake: bad site key, bad token, token of another site, missing auth are refused', async () => {
  const session = await createVisitorSession(env.server.url, env.server.siteKey);
  const refused = (code: string) => (err: Error & { data?: { code: string } }) => err.data?.code === code;
  await assert.rejects(connect(env.server.url, '/visitor', { siteKey: 'site_nope', token: session.token }), refused('unauthorized'));
  await assert.rejects(connect(env.server.url, '/visitor', { siteKey: env.server.siteKey, token: 'z'.repeat(43) }), refused('unauthorized'));
  await assert.rejects(connect(env.server.url, '/visitor', {}), refused('unauthorized'));
  const { sites } = await import('../db/schema.js');
  await db().insert(sites).values({ key: 'site_other', name: 'Other', secret: 's', allowedOrigins: ['*'] });
  await assert.rejects(connect(env.server.url, '/visitor', { siteKey: 'site_other', token: session.token }), refused('unauthorized'));
  const ok = await connect(env.server.url, '/visitor', { siteKey: env.server.siteKey, token: session.token });
  assert.equal(ok.connected, true);
});

test('visitor handshake checks the origin against the site allowlist', async () => {
  const { sites } = await import('../db/schema.js');
  const session = await createVisitorSession(env.server.url, env.server.siteKey);
  await db().update(sites).set({ allowedOrigins: ['https://shop.example'] }).where(eq(sites.key, env.server.siteKey));
  try {
    await assert.rejects(
      connect(env.server.url, '/visitor', { siteKey: env.server.siteKey, token: session.token }, { origin: 'https://evil.example' }),
      (err: Error & { data?: { code: string } }) => err.data?.code === 'forbidden',
    );
    const ok = await connect(env.server.url, '/visitor', { siteKey: env.server.siteKey, token: session.token }, { origin: 'https://shop.example' });
    assert.equal(ok.connected, true);
  } finally {
    await db().update(sites).set({ allowedOrigins: ['*'] }).where(eq(sites.key, env.server.siteKey));
  }
});

test('a send is acked with the stored row; a retry with the same clientId returns that row, stored once', async () => {
  const { visitor, agent, id } = await assignedChat();
  const clientId = crypto.randomUUID();
  const agentHeard = record<Message>(agent, 'message:created');
  const first = unwrap(await call<Message>(visitor, 'message:send', { conversationId: id, clientId, body: 'hello' }));
  const retry = unwrap(await call<Message>(visitor, 'message:send', { conversationId: id, clientId, body: 'hello' }));
  assert.deepEqual(retry, first);
  const stored = (await rowsOf(id)).filter((m) => m.clientId === clientId);
  assert.equal(stored.length, 1);
  assert.equal(stored[0]!.seq, first.seq);
  assert.equal((await convRow(id)).lastSeq, first.seq, 'the retry did not burn a seq');
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(agentHeard.filter((m) => m.clientId === clientId).length, 1, 'the agent saw it once');
});

test('the sending socket hears its message in the ack, not again as an echo; the same visitor\'s other tab hears it once', async () => {
  const { socket: visitor, session } = await connectVisitor(env.server);
  const id = unwrap(await call<ConversationSync<VisitorConversation>>(visitor, 'conversation:start', {})).conversation.id;
  const tab = await connect(env.server.url, '/visitor', { siteKey: env.server.siteKey, token: session.token });
  unwrap(await call(tab, 'conversation:sync', { conversationId: id, afterSeq: 0 }));
  const senderHeard = record<Message>(visitor, 'message:created');
  const tabHeard = record<Message>(tab, 'message:created');
  const clientId = crypto.randomUUID();
  const acked = unwrap(await call<Message>(visitor, 'message:send', { conversationId: id, clientId, body: 'from the first tab' }));
  for (let i = 0; i < 40 && !tabHeard.some((m) => m.clientId === clientId); i++) await new Promise((r) => setTimeout(r, 25));
  await new Promise((r) => setTimeout(r, 100)); // an echo or a duplicate would arrive by now
  assert.deepEqual(tabHeard.filter((m) => m.clientId === clientId), [acked], 'the other tab gets the stored row once');
  assert.equal(senderHeard.filter((m) => m.clientId === clientId).length, 0, 'no echo to the sender');
  // The bot answers in a broadcast, which the sender does hear.
  for (let i = 0; i < 80 && !senderHeard.some((m) => m.author === 'bot' && m.seq > acked.seq); i++) await new Promise((r) => setTimeout(r, 25));
  assert.ok(senderHeard.some((m) => m.author === 'bot' && m.seq > acked.seq), 'the bot reply reaches the sender');
});

test('concurrent retries of one clientId from two tabs still store one row', async () => {
  const { socket: visitor, session } = await connectVisitor(env.server);
  const id = unwrap(await call<ConversationSync<VisitorConversation>>(visitor, 'conversation:start', {})).conversation.id;
  // A second tab of the same visitor: its handlers run in parallel with the first one's.
  const tab = await connect(env.server.url, '/visitor', { siteKey: env.server.siteKey, token: session.token });
  const clientId = crypto.randomUUID();
  const acks = await Promise.all(Array.from({ length: 6 }, (_, i) => call<Message>(i % 2 ? tab : visitor, 'message:send', { conversationId: id, clientId, body: 'once' })));
  const ids = new Set(acks.map((a) => unwrap(a).id));
  assert.equal(ids.size, 1);
  assert.equal((await rowsOf(id)).filter((m) => m.clientId === clientId).length, 1);
});

test('seq is gap-free and ordered under concurrent sends from both sides', async () => {
  const { visitor, agent, id } = await assignedChat();
  const before = (await convRow(id)).lastSeq;
  const n = 25;
  const sends = [];
  for (let i = 0; i < n; i++) {
    sends.push(call<Message>(visitor, 'message:send', { conversationId: id, clientId: crypto.randomUUID(), body: `v${i}` }));
    sends.push(call<Message>(agent, 'message:send', { conversationId: id, clientId: crypto.randomUUID(), body: `a${i}` }));
  }
  const acked = (await Promise.all(sends)).map(unwrap);
  const seqs = acked.map((m) => m.seq).sort((a, b) => a - b);
  assert.deepEqual(seqs, Array.from({ length: 2 * n }, (_, i) => before + 1 + i));
  const stored = await rowsOf(id);
  assert.deepEqual(stored.map((m) => m.seq), Array.from({ length: stored.length }, (_, i) => i + 1));
  assert.equal((await convRow(id)).lastSeq, stored.length);
  // Each side's own messages keep the order they were sent in, on either driver.
  const vOrder = stored.filter((m) => m.author === 'visitor').map((m) => m.body);
  assert.deepEqual(vOrder, Array.from({ length: n }, (_, i) => `v${i}`));
  const aOrder = stored.filter((m) => m.author === 'agent').map((m) => m.body);
  assert.deepEqual(aOrder, Array.from({ length: n }, (_, i) => `a${i}`));
});

test('sync after a seq returns exactly the missing messages, then the current view', async () => {
  const { visitor, agent, id } = await assignedChat();
  const firstBatch = [];
  for (let i = 0; i < 3; i++) firstBatch.push(unwrap(await call<Message>(agent, 'message:send', { conversationId: id, clientId: crypto.randomUUID(), body: `m${i}` })));
  const held = firstBatch[0]!.seq;
  const sync = unwrap(await call<ConversationSync<VisitorConversation>>(visitor, 'conversation:sync', { conversationId: id, afterSeq: held }));
  assert.deepEqual(sync.messages.map((m) => m.body), ['m1', 'm2']);
  assert.deepEqual(sync.messages.map((m) => m.seq), [held + 1, held + 2]);
  assert.equal(sync.hasMore, false);
  assert.equal(sync.conversation.status, 'assigned');
  assert.equal(sync.conversation.agent?.name, 'Alice');
  assert.equal(sync.conversation.lastSeq, held + 2);

  const all = unwrap(await call<ConversationSync<AgentConversation>>(agent, 'conversation:sync', { conversationId: id, afterSeq: 0 }));
  assert.deepEqual(all.messages.map((m) => m.seq), (await rowsOf(id)).map((m) => m.seq));

  // Without an id the visitor gets their newest open conversation.
  const newest = unwrap(await call<ConversationSync<VisitorConversation>>(visitor, 'conversation:sync', { afterSeq: 0 }));
  assert.equal(newest.conversation.id, id);
});

test('a fresh visitor without a conversation syncs to null', async () => {
  const { socket } = await connectVisitor(env.server);
  const ack = await call(socket, 'conversation:sync', { afterSeq: 0 });
  assert.deepEqual(ack, { ok: true, data: null });
});

test('sync pages at LIMITS.historyPage with hasMore', async () => {
  const { visitor, agent, id } = await assignedChat();
  const { messages: table } = await import('../db/schema.js');
  const start = (await convRow(id)).lastSeq;
  // Bulk rows straight into the table: the paging is what is under test, not sending.
  const extra = LIMITS.historyPage + 5;
  await db().insert(table).values(Array.from({ length: extra }, (_, i) => ({ conversationId: id, seq: start + 1 + i, author: 'agent' as const, authorName: 'Alice', body: `bulk${i}` })));
  await db().update(conversations).set({ lastSeq: start + extra }).where(eq(conversations.id, id));
  const page = unwrap(await call<ConversationSync<VisitorConversation>>(visitor, 'conversation:sync', { conversationId: id, afterSeq: 0 }));
  assert.equal(page.messages.length, LIMITS.historyPage);
  assert.equal(page.hasMore, true);
  const rest = unwrap(await call<ConversationSync<VisitorConversation>>(visitor, 'conversation:sync', { conversationId: id, afterSeq: page.messages.at(-1)!.seq }));
  assert.equal(rest.hasMore, false);
  assert.equal(page.messages.length + rest.messages.length, start + extra);
  void agent;
});

async function assertNothingChanged(id: string, run: () => Promise<void>) {
  const before = await rowsOf(id);
  const conv = await convRow(id);
  await run();
  assert.deepEqual(await rowsOf(id), before);
  assert.deepEqual(await convRow(id), conv);
}

test('invalid payloads are acked with an error and change nothing', async () => {
  const { visitor, id } = await assignedChat();
  await assertNothingChanged(id, async () => {
    const cases: Array<[unknown, string]> = [
      [{ conversationId: id, clientId: crypto.randomUUID(), body: 42 }, 'invalid'],
      [{ conversationId: 'not-a-uuid', clientId: crypto.randomUUID(), body: 'x' }, 'invalid'],
      [{ conversationId: id, clientId: 'nope', body: 'x' }, 'invalid'],
      [{ conversationId: id, clientId: crypto.randomUUID(), body: '   ' }, 'invalid'],
      [{ conversationId: id, clientId: crypto.randomUUID(), body: 'x', extra: true }, 'invalid'],
      [{ conversationId: id, clientId: crypto.randomUUID(), body: 'x'.repeat(LIMITS.messageChars + 1) }, 'too_large'],
      [null, 'invalid'],
      ['just a string', 'invalid'],
    ];
    for (const [payload, code] of cases) {
      const ack = await call(visitor, 'message:send', payload);
      assert.equal(ack.ok, false, JSON.stringify(payload)?.slice(0, 80));
      if (!ack.ok) {
        assert.equal(ack.error.code, code);
        assert.ok(ack.error.message.length > 0);
      }
    }
    const noPayload = await visitor.timeout(5000).emitWithAck('conversation:sync');
    assert.equal(noPayload.ok, false);
    assert.equal(noPayload.error.code, 'invalid');
    assert.equal((await call(visitor, 'conversation:sync', { afterSeq: -1 })).ok, false);
    assert.equal((await call(visitor, 'conversation:close', { conversationId: 'x' })).ok, false);
  });
});

test('a send without an ack callback does not crash the server and still stores once', async () => {
  const { visitor, id } = await assignedChat();
  const clientId = crypto.randomUUID();
  visitor.emit('message:send', { conversationId: id, clientId, body: 'fire and forget' });
  visitor.emit('message:send', { conversationId: id, clientId: 5 });
  visitor.emit('typing:set');
  await new Promise((r) => setTimeout(r, 200));
  assert.equal((await rowsOf(id)).filter((m) => m.clientId === clientId).length, 1);
  const health = await fetch(env.server.url + '/health');
  assert.equal(health.status, 200);
  assert.equal(visitor.connected, true);
});

test('a payload over the transport cap drops only that socket', async () => {
  const { visitor, agent, id } = await assignedChat();
  const dropped = nextEvent(visitor, 'disconnect');
  visitor.emit('message:send', { conversationId: id, clientId: crypto.randomUUID(), body: 'x'.repeat(300_000) }, () => {});
  await dropped;
  assert.equal((await rowsOf(id)).filter((m) => m.body.length > 1000).length, 0);
  assert.equal(agent.connected, true);
  assert.equal(unwrap(await call<Message>(agent, 'message:send', { conversationId: id, clientId: crypto.randomUUID(), body: 'still up' })).body, 'still up');
});

test('a visitor cannot read, send to, hand off or close another visitor\'s conversation', async () => {
  const owner = await visitorWithChat();
  const intruder = await connectVisitor(env.server);
  const heard = record<Message>(intruder.socket, 'message:created');
  await assertNothingChanged(owner.id, async () => {
    for (const [event, payload] of [
      ['message:send', { conversationId: owner.id, clientId: crypto.randomUUID(), body: 'hi' }],
      ['conversation:sync', { conversationId: owner.id, afterSeq: 0 }],
      ['conversation:handoff', { conversationId: owner.id }],
      ['conversation:close', { conversationId: owner.id }],
    ] as const) {
      const ack = await call(intruder.socket, event, payload);
      assert.equal(ack.ok, false, event);
      if (!ack.ok) assert.equal(ack.error.code, 'not_found');
    }
    intruder.socket.emit('typing:set', { conversationId: owner.id, typing: true });
  });
  unwrap(await call(owner.socket, 'message:send', { conversationId: owner.id, clientId: crypto.randomUUID(), body: 'private' }));
  await new Promise((r) => setTimeout(r, 150));
  assert.equal(heard.length, 0, 'the intruder hears nothing of it');
});

test('close by the visitor: system message, closed status, and further sends are refused with `closed`', async () => {
  const { visitor, agent, id } = await assignedChat();
  const agentSaw = nextEvent<Message>(agent, 'message:created', (m) => m.meta?.system?.kind === 'closed');
  const agentUpdate = nextEvent<AgentConversation>(agent, 'conversation:updated', (c) => c.id === id && c.status === 'closed');
  const closed = unwrap(await call<VisitorConversation>(visitor, 'conversation:close', { conversationId: id }));
  assert.equal(closed.status, 'closed');
  assert.ok(closed.closedAt);
  assert.deepEqual((await agentSaw).meta?.system, { kind: 'closed', by: 'visitor' });
  await agentUpdate;
  const before = await rowsOf(id);
  for (const s of [visitor, agent]) {
    const ack = await call(s, 'message:send', { conversationId: id, clientId: crypto.randomUUID(), body: 'late' });
    assert.equal(ack.ok ? 'ok' : ack.error.code, 'closed');
  }
  assert.equal((await rowsOf(id)).length, before.length);
});

test('close by the agent reaches the visitor', async () => {
  const { visitor, agent, id } = await assignedChat();
  const visitorSaw = nextEvent<Message>(visitor, 'message:created', (m) => m.meta?.system?.kind === 'closed');
  const visitorUpdate = nextEvent<VisitorConversation>(visitor, 'conversation:updated', (c) => c.id === id && c.status === 'closed');
  const view = unwrap(await call<AgentConversation>(agent, 'conversation:close', { conversationId: id }));
  assert.equal(view.status, 'closed');
  assert.deepEqual((await visitorSaw).meta?.system, { kind: 'closed', by: 'agent' });
  await visitorUpdate;
  assert.equal((await convRow(id)).status, 'closed');
});

test('typing is relayed to the other side and never stored', async () => {
  const { visitor, agent, id } = await assignedChat();
  const before = (await rowsOf(id)).length;
  const atAgent = nextEvent(agent, 'typing:updated');
  visitor.emit('typing:set', { conversationId: id, typing: true });
  assert.deepEqual(await atAgent, { conversationId: id, author: 'visitor', name: null, typing: true });
  const atVisitor = nextEvent(visitor, 'typing:updated');
  agent.emit('typing:set', { conversationId: id, typing: false });
  assert.deepEqual(await atVisitor, { conversationId: id, author: 'agent', name: 'Alice', typing: false });
  assert.equal((await rowsOf(id)).length, before);
});

test('read marks: unread counts visitor messages after the mark', async () => {
  const { visitor, agent, id } = await assignedChat();
  let last: Message | undefined;
  for (let i = 0; i < 3; i++) last = unwrap(await call<Message>(visitor, 'message:send', { conversationId: id, clientId: crypto.randomUUID(), body: `q${i}` }));
  const list = unwrap(await call<AgentConversation[]>(agent, 'conversation:list', {}));
  assert.equal(list.find((c) => c.id === id)?.unread, 3);
  const read = unwrap(await call<AgentConversation>(agent, 'conversation:read', { conversationId: id, seq: last!.seq - 1 }));
  assert.equal(read.unread, 1);
  assert.equal((await convRow(id)).agentReadSeq, last!.seq - 1);
  // Marks never move backwards nor past the end.
  assert.equal(unwrap(await call<AgentConversation>(agent, 'conversation:read', { conversationId: id, seq: 0 })).unread, 1);
  assert.equal(unwrap(await call<AgentConversation>(agent, 'conversation:read', { conversationId: id, seq: 10_000 })).unread, 0);
  assert.equal((await convRow(id)).agentReadSeq, (await convRow(id)).lastSeq);
});

// Last in this file: it takes the database away.
test('text PostgreSQL cannot store (NUL, a lone surrogate) is refused as invalid in every field, and nothing is written', async () => {
  const { visitor, agent, id } = await assignedChat();
  const before = (await rowsOf(id)).length;
  for (const [socket, body] of [
    [visitor, 'nul \u0000 inside'],
    [visitor, 'lone \ud800 surrogate'],
    [agent, 'agent \u0000 too'],
    [agent, 'trailing \udfff'],
  ] as const) {
    const ack = await call(socket, 'message:send', { conversationId: id, clientId: crypto.randomUUID(), body });
    assert.equal(ack.ok, false);
    assert.equal(!ack.ok && ack.error.code, 'invalid', `refused as invalid, not internal: ${JSON.stringify(body)}`);
  }
  assert.equal((await rowsOf(id)).length, before, 'nothing stored');
  // The conversation goes on: the next message (an emoji pair is well formed) is stored.
  const ok = unwrap(await call<Message>(visitor, 'message:send', { conversationId: id, clientId: crypto.randomUUID(), body: 'fine 😀' }));
  assert.equal(ok.body, 'fine 😀');

  // Other text fields: the start's page URL, the handshake's site key and token, the login form.
  const { socket } = await connectVisitor(env.server);
  const start = await call(socket, 'conversation:start', { pageUrl: 'https://x.test/\u0000' });
  assert.equal(!start.ok && start.error.code, 'invalid');
  const session = await createVisitorSession(env.server.url, env.server.siteKey);
  await assert.rejects(connect(env.server.url, '/visitor', { siteKey: `${env.server.siteKey}\u0000`, token: session.token }), (err: Error & { data?: { code: string } }) => err.data?.code === 'unauthorized');
  await assert.rejects(connect(env.server.url, '/visitor', { siteKey: env.server.siteKey, token: `${session.token}\ud800` }), (err: Error & { data?: { code: string } }) => err.data?.code === 'unauthorized');
  for (const body of [{ email: 'alice@parley.test', password: 'x\u0000' }, { email: 'a\ud800@parley.test', password: 'x' }]) {
    const res = await fetch(`${env.server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'invalid');
  }
  const res = await fetch(`${env.server.url}/api/visitor/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ siteKey: 'k\u0000' }) });
  assert.equal(res.status, 400);
});


test('with the database gone, commands ack `unavailable` and the server keeps running', async () => {
  const { visitor, agent, id } = await assignedChat();
  await env.server.database.close();
  const clientId = crypto.randomUUID();
  for (const [socket, event, payload] of [
    [visitor, 'message:send', { conversationId: id, clientId, body: 'are you there?' }],
    [visitor, 'conversation:sync', { conversationId: id, afterSeq: 0 }],
    [agent, 'conversation:list', {}],
  ] as const) {
    const ack = await call(socket, event, payload);
    assert.equal(ack.ok ? 'ok' : ack.error.code, 'unavailable', event);
  }
  assert.equal(visitor.connected && agent.connected, true);
  assert.equal((await fetch(env.server.url + '/health')).status, 503);
});
