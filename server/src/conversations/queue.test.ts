import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { and, eq, ne } from 'drizzle-orm';
import type { Ack, AgentConversation, AgentProfile, ConversationSync, Message, QueueSnapshot, VisitorConversation } from '@parley/protocol';
import { hashPassword } from '../auth/password.js';
import { agentDepartments, agents, conversations, messages } from '../db/schema.js';
import { call, closeAllSockets, connect, connectAgent, connectVisitor, login, nextEvent, record, unwrap } from '../test-clients.js';
import type { Socket } from '../test-clients.js';
import { startTestServer } from '../testing.js';
import { resetPresenceOnStart } from './presence.js';
import type { TestAccount, TestServer } from '../testing.js';

const GRACE_SECONDS = 0.4;
let server: TestServer;
let carol: TestAccount;

before(async () => {
  server = await startTestServer({ config: { agentGraceSeconds: GRACE_SECONDS } });
  const db = server.database.db;
  // A Sales-only agent, and an admin outside every department: admin rights must come from the role.
  const [row] = await db.insert(agents).values({ email: 'carol@parley.test', name: 'Carol', passwordHash: await hashPassword('parley-carol') }).returning();
  await db.insert(agentDepartments).values({ agentId: row!.id, departmentId: server.departments.sales.id });
  carol = { email: 'carol@parley.test', password: 'parley-carol', id: row!.id };
  await db.delete(agentDepartments).where(eq(agentDepartments.agentId, server.accounts.admin.id));
});

afterEach(async () => {
  // Isolation between tests: no live sockets, no open conversations, nobody online (a pending requeue finds nothing open).
  closeAllSockets();
  await new Promise((r) => setTimeout(r, 100));
  await server.database.db.update(conversations).set({ status: 'closed' }).where(ne(conversations.status, 'closed'));
  await server.database.db.update(agents).set({ presence: 'offline', capacity: 5 });
});

after(async () => {
  closeAllSockets();
  await server?.close();
});

const db = () => server.database.db;
const convRow = async (id: string) => (await db().select().from(conversations).where(eq(conversations.id, id)))[0]!;
const systemKinds = async (id: string) =>
  (await db().select().from(messages).where(and(eq(messages.conversationId, id), eq(messages.author, 'system'))))
    .sort((a, b) => a.seq - b.seq)
    .map((m) => m.meta?.system?.kind);

async function queuedVisitor(departmentId: string) {
  const { socket } = await connectVisitor(server);
  const sync = unwrap(await call<ConversationSync<VisitorConversation>>(socket, 'conversation:start', {}));
  const view = unwrap(await call<VisitorConversation>(socket, 'conversation:handoff', { conversationId: sync.conversation.id, departmentId }));
  return { socket, id: sync.conversation.id, view };
}

async function agentAway(account: TestAccount): Promise<Socket> {
  const { socket } = await connectAgent(server, account);
  unwrap(await call<AgentProfile>(socket, 'agent:presence', { presence: 'away' }));
  return socket;
}

test('waiting visitors see their position and estimate, updated live as the queue moves', async () => {
  const sales = server.departments.sales.id;
  const a = await queuedVisitor(sales);
  const b = await queuedVisitor(sales);
  const c = await queuedVisitor(sales);
  assert.deepEqual(a.view.queue, { position: 1, agentsOnline: 0, estimatedWaitSeconds: 90 });
  assert.deepEqual(b.view.queue, { position: 2, agentsOnline: 0, estimatedWaitSeconds: 180 });
  assert.deepEqual(c.view.queue, { position: 3, agentsOnline: 0, estimatedWaitSeconds: 270 });
  assert.equal(a.view.status, 'queued');

  const { socket: alice } = await connectAgent(server, server.accounts.alice);
  const bMoved = nextEvent<VisitorConversation>(b.socket, 'conversation:updated', (v) => v.queue?.position === 1);
  const cMoved = nextEvent<VisitorConversation>(c.socket, 'conversation:updated', (v) => v.queue?.position === 2);
  const snapshot = nextEvent<QueueSnapshot>(alice, 'queue:updated', (s) => s.departmentId === sales && s.items.length === 2);
  const aAssigned = nextEvent<VisitorConversation>(a.socket, 'conversation:updated', (v) => v.status === 'assigned');
  unwrap(await call<AgentConversation>(alice, 'conversation:claim', { conversationId: a.id }));

  assert.equal((await bMoved).queue?.agentsOnline, 1);
  await cMoved;
  assert.deepEqual((await snapshot).items.map((i) => i.id), [b.id, c.id]);
  assert.equal((await aAssigned).agent?.name, 'Alice');
  // No payload at all is the same as `{}` for commands without arguments.
  const queues = unwrap((await alice.timeout(5000).emitWithAck('queue:list')) as Ack<QueueSnapshot[]>);
  assert.deepEqual(queues.find((q) => q.departmentId === sales)?.items.map((i) => i.id), [b.id, c.id]);

  const preview = nextEvent<QueueSnapshot>(alice, 'queue:updated', (s) => s.items.some((i) => i.id === c.id && i.lastMessage?.body === 'anyone?'));
  unwrap(await call(c.socket, 'message:send', { conversationId: c.id, clientId: crypto.randomUUID(), body: 'anyone?' }));
  const item = (await preview).items.find((i) => i.id === c.id)!;
  assert.equal(item.lastMessage?.author, 'visitor');
  assert.equal(item.unread, 1);
});

test("the queue preview is the newest message with text, never the handoff's empty system row", async () => {
  const { socket: alice } = await connectAgent(server, server.accounts.alice);
  const { socket: visitor } = await connectVisitor(server);
  const sync = unwrap(await call<ConversationSync<VisitorConversation>>(visitor, 'conversation:start', {}));
  const answered = nextEvent<Message>(visitor, 'message:created', (m) => m.author === 'bot' && m.seq > 1);
  unwrap(await call<Message>(visitor, 'message:send', { conversationId: sync.conversation.id, clientId: crypto.randomUUID(), body: 'where is my order?' }));
  await answered;
  unwrap(await call<VisitorConversation>(visitor, 'conversation:handoff', { conversationId: sync.conversation.id, departmentId: server.departments.sales.id }));
  const queues = unwrap(await call<QueueSnapshot[]>(alice, 'queue:list', {}));
  const item = queues.flatMap((q) => q.items).find((c) => c.id === sync.conversation.id);
  assert.ok(item, 'the conversation waits in the queue');
  // The bot answered the visitor (the tracking article) before the handoff's system row was written.
  assert.equal(item.lastMessage?.author, 'bot');
  assert.match(item.lastMessage?.body ?? '', /tracking/i);
});

test('two agents claiming at once: exactly one wins, the other gets already_claimed', async () => {
  const { socket: alice } = await connectAgent(server, server.accounts.alice);
  const { socket: c } = await connectAgent(server, carol);
  for (let round = 0; round < 5; round++) {
    const v = await queuedVisitor(server.departments.sales.id);
    const [x, y] = await Promise.all([call<AgentConversation>(alice, 'conversation:claim', { conversationId: v.id }), call<AgentConversation>(c, 'conversation:claim', { conversationId: v.id })]);
    const winners = [x, y].filter((r) => r.ok);
    const losers = [x, y].filter((r) => !r.ok);
    assert.equal(winners.length, 1, `round ${round}`);
    assert.equal(losers.length, 1);
    assert.equal(!losers[0]!.ok && losers[0]!.error.code, 'already_claimed');
    const winnerId = winners[0]!.ok ? winners[0]!.data.agentId : null;
    const row = await convRow(v.id);
    assert.equal(row.status, 'assigned');
    assert.equal(row.agentId, winnerId);
    assert.deepEqual(await systemKinds(v.id), ['queued', 'agent_joined']);
  }
});

test('an agent cannot claim or read a conversation of a department they are not in; an admin can', async () => {
  const admin = await agentAway(server.accounts.admin);
  const { socket: c } = await connectAgent(server, carol);
  const carolQueues = record<QueueSnapshot>(c, 'queue:updated');
  const v = await queuedVisitor(server.departments.support.id);
  for (const [event, payload] of [
    ['conversation:claim', { conversationId: v.id }],
    ['conversation:sync', { conversationId: v.id, afterSeq: 0 }],
    ['conversation:close', { conversationId: v.id }],
  ] as const) {
    const ack = await call(c, event, payload);
    assert.equal(ack.ok ? 'ok' : ack.error.code, 'forbidden', event);
  }
  assert.equal((await convRow(v.id)).status, 'queued');
  assert.ok(carolQueues.every((q) => q.departmentId !== server.departments.support.id), 'no Support snapshots for Carol');
  const won = unwrap(await call<AgentConversation>(admin, 'conversation:claim', { conversationId: v.id }));
  assert.equal(won.agentId, server.accounts.admin.id);
});

test('auto routing assigns to the least busy online agent, round robin on ties', async () => {
  const { socket: alice } = await connectAgent(server, server.accounts.alice);
  // Alice already carries one conversation (claimed in Sales).
  const s = await queuedVisitor(server.departments.sales.id);
  unwrap(await call(alice, 'conversation:claim', { conversationId: s.id }));
  const { socket: bob } = await connectAgent(server, server.accounts.bob);
  const owners: string[] = [];
  for (let i = 0; i < 4; i++) {
    const v = await queuedVisitor(server.departments.support.id);
    const row = await convRow(v.id);
    assert.equal(row.status, 'assigned', 'assigned during the handoff');
    owners.push(row.agentId === server.accounts.bob.id ? 'bob' : row.agentId === server.accounts.alice.id ? 'alice' : String(row.agentId));
  }
  // bob 0 vs alice 1 -> bob; 1:1 tie, alice waited longer -> alice; bob 1 vs alice 2 -> bob; 2:2 tie -> alice.
  assert.deepEqual(owners, ['bob', 'alice', 'bob', 'alice']);
  void bob;
});

test('an auto-assigned visitor sees the agent join; a freed slot takes the oldest waiting conversation', async () => {
  await db().update(agents).set({ capacity: 1 }).where(eq(agents.id, server.accounts.bob.id));
  const { socket: bob } = await connectAgent(server, server.accounts.bob);
  const first = await connectVisitor(server);
  const sync = unwrap(await call<ConversationSync<VisitorConversation>>(first.socket, 'conversation:start', {}));
  const joined = nextEvent<Message>(first.socket, 'message:created', (m) => m.meta?.system?.kind === 'agent_joined');
  const assigned = nextEvent<VisitorConversation>(first.socket, 'conversation:updated', (c) => c.status === 'assigned');
  unwrap(await call(first.socket, 'conversation:handoff', { conversationId: sync.conversation.id, departmentId: server.departments.support.id }));
  assert.deepEqual((await joined).meta?.system, { kind: 'agent_joined', name: 'Bob' });
  assert.equal((await assigned).agent?.name, 'Bob');

  // Bob is full: the next two wait.
  const older = await queuedVisitor(server.departments.support.id);
  const newer = await queuedVisitor(server.departments.support.id);
  assert.equal((await convRow(older.id)).status, 'queued');
  const next = nextEvent<AgentConversation>(bob, 'conversation:updated', (c) => c.id === older.id && c.status === 'assigned');
  unwrap(await call(bob, 'conversation:close', { conversationId: sync.conversation.id }));
  await next;
  assert.equal((await convRow(older.id)).agentId, server.accounts.bob.id);
  assert.equal((await convRow(newer.id)).status, 'queued');
});

test('away agents get nothing automatically; coming online takes the waiting conversation', async () => {
  const bob = await agentAway(server.accounts.bob);
  const v = await queuedVisitor(server.departments.support.id);
  assert.equal((await convRow(v.id)).status, 'queued');
  assert.equal(v.view.queue?.agentsOnline, 0);
  const me = unwrap(await call<AgentProfile>(bob, 'agent:presence', { presence: 'online' }));
  assert.equal(me.presence, 'online');
  assert.equal((await convRow(v.id)).agentId, server.accounts.bob.id);
});

test('transfer to an agent moves the conversation and its live messages', async () => {
  const { socket: alice } = await connectAgent(server, server.accounts.alice);
  const { socket: bob } = await connectAgent(server, server.accounts.bob);
  const { socket: c } = await connectAgent(server, carol);
  await db().update(agents).set({ presence: 'away' }).where(eq(agents.id, server.accounts.bob.id)); // keep auto routing to alice
  const v = await queuedVisitor(server.departments.support.id);
  assert.equal((await convRow(v.id)).agentId, server.accounts.alice.id);

  // Carol is Sales only: she cannot receive a Support conversation.
  const refused = await call(alice, 'conversation:transfer', { conversationId: v.id, toAgentId: carol.id });
  assert.equal(refused.ok ? 'ok' : refused.error.code, 'forbidden');
  // Bob cannot transfer what he does not own.
  const notHis = await call(bob, 'conversation:transfer', { conversationId: v.id, toAgentId: server.accounts.bob.id });
  assert.equal(notHis.ok ? 'ok' : notHis.error.code, 'forbidden');
  const both = await call(alice, 'conversation:transfer', { conversationId: v.id, toAgentId: server.accounts.bob.id, toDepartmentId: server.departments.sales.id });
  assert.equal(both.ok ? 'ok' : both.error.code, 'invalid');

  const bobGets = nextEvent<AgentConversation>(bob, 'conversation:updated', (x) => x.id === v.id && x.agentId === server.accounts.bob.id);
  const visitorSees = nextEvent<VisitorConversation>(v.socket, 'conversation:updated', (x) => x.agent?.name === 'Bob');
  const note = nextEvent<Message>(v.socket, 'message:created', (m) => m.meta?.system?.kind === 'transferred');
  const moved = unwrap(await call<AgentConversation>(alice, 'conversation:transfer', { conversationId: v.id, toAgentId: server.accounts.bob.id }));
  assert.equal(moved.agentId, server.accounts.bob.id);
  await bobGets;
  await visitorSees;
  assert.deepEqual((await note).meta?.system, { kind: 'transferred', toName: 'Bob' });

  const aliceHeard = record<Message>(alice, 'message:created');
  const bobHears = nextEvent<Message>(bob, 'message:created', (m) => m.body === 'after transfer');
  unwrap(await call(v.socket, 'message:send', { conversationId: v.id, clientId: crypto.randomUUID(), body: 'after transfer' }));
  await bobHears;
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(aliceHeard.length, 0, 'the previous owner no longer receives the conversation');
  const late = await call(alice, 'message:send', { conversationId: v.id, clientId: crypto.randomUUID(), body: 'me too' });
  assert.equal(late.ok ? 'ok' : late.error.code, 'forbidden');
  void c;
});

test('transfer to a department requeues it there', async () => {
  const { socket: alice } = await connectAgent(server, server.accounts.alice);
  const v = await queuedVisitor(server.departments.sales.id);
  unwrap(await call(alice, 'conversation:claim', { conversationId: v.id }));
  await db().update(agents).set({ presence: 'away' }).where(eq(agents.id, server.accounts.alice.id)); // nobody to auto-assign in Support
  const positioned = nextEvent<VisitorConversation>(v.socket, 'conversation:updated', (x) => x.status === 'queued' && x.departmentId === server.departments.support.id);
  const view = unwrap(await call<AgentConversation>(alice, 'conversation:transfer', { conversationId: v.id, toDepartmentId: server.departments.support.id }));
  assert.equal(view.status, 'queued');
  assert.equal(view.agentId, null);
  assert.equal((await positioned).queue?.position, 1);
  const row = await convRow(v.id);
  assert.equal(row.departmentId, server.departments.support.id);
  assert.deepEqual(await systemKinds(v.id), ['queued', 'agent_joined', 'transferred']);
});

test('an agent who stays away past the grace period loses their conversations to the queue', async () => {
  const { token } = await login(server.url, server.accounts.alice);
  const alice = await connect(server.url, '/agent', { token });
  const v = await queuedVisitor(server.departments.sales.id);
  unwrap(await call(alice, 'conversation:claim', { conversationId: v.id }));
  const requeued = nextEvent<VisitorConversation>(v.socket, 'conversation:updated', (x) => x.status === 'queued', 5000);
  alice.close();
  await new Promise((r) => setTimeout(r, (GRACE_SECONDS * 1000) / 2));
  assert.equal((await convRow(v.id)).status, 'assigned', 'kept during the grace period');
  const [presence] = await db().select({ p: agents.presence }).from(agents).where(eq(agents.id, server.accounts.alice.id));
  assert.equal(presence!.p, 'offline');
  await requeued;
  const row = await convRow(v.id);
  assert.equal(row.status, 'queued');
  assert.equal(row.agentId, null);
  assert.deepEqual(await systemKinds(v.id), ['queued', 'agent_joined', 'requeued']);
});

test('reconnecting within the grace period keeps the conversations', async () => {
  const { token } = await login(server.url, server.accounts.alice);
  const first = await connect(server.url, '/agent', { token });
  const v = await queuedVisitor(server.departments.sales.id);
  unwrap(await call(first, 'conversation:claim', { conversationId: v.id }));
  first.close();
  await new Promise((r) => setTimeout(r, 100));
  const again = await connect(server.url, '/agent', { token });
  await new Promise((r) => setTimeout(r, GRACE_SECONDS * 1000 + 300));
  const row = await convRow(v.id);
  assert.equal(row.status, 'assigned');
  assert.equal(row.agentId, server.accounts.alice.id);
  // The new socket is back in the conversation room.
  const hears = nextEvent<Message>(again, 'message:created', (m) => m.body === 'still there?');
  unwrap(await call(v.socket, 'message:send', { conversationId: v.id, clientId: crypto.randomUUID(), body: 'still there?' }));
  await hears;
});

test('after a restart, stale presence is reset and orphaned conversations requeue after the grace period', async () => {
  const { socket: alice } = await connectAgent(server, server.accounts.alice);
  const v = await queuedVisitor(server.departments.sales.id);
  unwrap(await call(alice, 'conversation:claim', { conversationId: v.id }));
  // As if the process had died: the socket is gone but the table still says online. A real close is
  // handled first (its handler waits on the connection's setup, which under load finishes late, so
  // toggling `closing` around it raced), then the table is put back the way a dead process leaves it.
  alice.close();
  const aliceId = server.accounts.alice.id;
  const presenceOf = async () => (await db().select({ p: agents.presence }).from(agents).where(eq(agents.id, aliceId)))[0]!.p;
  for (let i = 0; i < 200 && (await presenceOf()) !== 'offline'; i++) await new Promise((r) => setTimeout(r, 25));
  assert.equal(await presenceOf(), 'offline', 'the close was handled');
  await db().update(agents).set({ presence: 'online', offlineSince: null }).where(eq(agents.id, aliceId));
  await resetPresenceOnStart(server.app.ctx);
  assert.equal(await presenceOf(), 'offline');
  assert.equal((await convRow(v.id)).status, 'assigned');
  await new Promise((r) => setTimeout(r, GRACE_SECONDS * 1000 + 400));
  assert.equal((await convRow(v.id)).status, 'queued');
});
