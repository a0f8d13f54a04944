/**
 * Two server processes on one PostgreSQL and one Redis: a visitor on one and an agent on the other
 * talk live; claims, sequence numbers and background jobs stay correct across processes.
 * Skips, saying why, when PostgreSQL or Redis does not answer.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Ack, AgentConversation, ConversationSync, Message, VisitorConversation } from '../../packages/protocol/src/index.js';
import { call, closeAllSockets, connect, connectVisitor, login, nextEvent, record, unwrap } from '../../server/src/test-clients.js';
import type { Socket } from '../../server/src/test-clients.js';
import { ClusterNode, createScratchDatabase, deleteRedisKeys, unavailableReason } from './harness.js';
import type { ScratchDatabase } from './harness.js';

const skip = await unavailableReason();
if (skip) console.log(`cluster tests skipped: ${skip}`);

const ALICE = { email: 'alice@parley.test', password: 'parley-alice' };
const ADMIN = { email: 'admin@parley.test', password: 'parley-admin' };
const GRACE_SECONDS = 2;

let db: ScratchDatabase;
let a: ClusterNode;
let b: ClusterNode;
let siteKey: string;
let sales: string;
const prefix = `parley-test-${randomBytes(4).toString('hex')}`;

before(
  async () => {
    if (skip) return;
    db = await createScratchDatabase();
    const opts = { databaseUrl: db.url, redisPrefix: prefix, extraEnv: { AGENT_GRACE_SECONDS: String(GRACE_SECONDS) } };
    // Started together on an empty database: migrations and the seed must cope with a twin.
    [a, b] = await Promise.all([ClusterNode.start('A', opts), ClusterNode.start('B', opts)]);
    siteKey = (await db.query<{ key: string }>('select key from sites'))[0]!.key;
    sales = (await db.query<{ id: string }>(`select id from departments where routing = 'manual' order by position limit 1`))[0]!.id;
    // The adapters find each other through their first heartbeat.
    await new Promise((r) => setTimeout(r, 1500));
  },
  { timeout: 120_000 },
);

after(async () => {
  closeAllSockets();
  await Promise.all([a?.kill(), b?.kill()]);
  await db?.drop();
  if (!skip) await deleteRedisKeys(prefix).catch((err: unknown) => console.log(`could not delete this run's Redis keys (${prefix}*): ${String(err)}`));
});

const visitorOn = (node: ClusterNode) => connectVisitor({ url: node.url, siteKey });
const tabOn = (node: ClusterNode, token: string) => connect(node.url, '/visitor', { siteKey, token });
async function agentOn(node: ClusterNode, account: { email: string; password: string }): Promise<Socket> {
  const { token } = await login(node.url, account);
  return connect(node.url, '/agent', { token });
}
const send = (socket: Socket, conversationId: string, body: string, clientId: string = crypto.randomUUID()) => call<Message>(socket, 'message:send', { conversationId, clientId, body });

async function startChat(visitor: Socket): Promise<string> {
  return unwrap(await call<ConversationSync<VisitorConversation>>(visitor, 'conversation:start', {})).conversation.id;
}
async function queuedChat(visitor: Socket): Promise<string> {
  const id = await startChat(visitor);
  unwrap(await call(visitor, 'conversation:handoff', { conversationId: id, departmentId: sales }));
  return id;
}

interface Row {
  seq: number;
  client_id: string | null;
  author: string;
  body: string;
  meta: { system?: { kind: string } } | null;
}
const rowsOf = (id: string) => db.query<Row>('select seq, client_id, author, body, meta from messages where conversation_id = $1 order by seq', [id]);
const conversation = async (id: string) => (await db.query<{ status: string; agent_id: string | null; last_seq: number }>('select status, agent_id, last_seq from conversations where id = $1', [id]))[0]!;

function assertGapFree(rows: Row[], lastSeq: number) {
  assert.deepEqual(
    rows.map((r) => r.seq),
    Array.from({ length: rows.length }, (_, i) => i + 1),
  );
  assert.equal(lastSeq, rows.length, 'last_seq matches the stored rows');
}

test('a visitor on process A and an agent on process B talk live both ways', { skip: skip ?? false }, async () => {
  const { socket: visitor } = await visitorOn(a);
  const alice = await agentOn(b, ALICE);
  const id = await queuedChat(visitor);

  // The claim runs on B; the visitor's socket on A hears the new status.
  const assigned = nextEvent<VisitorConversation>(visitor, 'conversation:updated', (c) => c.id === id && c.status === 'assigned');
  unwrap(await call<AgentConversation>(alice, 'conversation:claim', { conversationId: id }));
  assert.equal((await assigned).agent?.name, 'Alice');

  const agentHears = nextEvent<Message>(alice, 'message:created', (m) => m.body === 'hello from A');
  const fromVisitor = unwrap(await send(visitor, id, 'hello from A'));
  assert.deepEqual(await agentHears, fromVisitor);

  const visitorHears = nextEvent<Message>(visitor, 'message:created', (m) => m.body === 'hello from B');
  const fromAgent = unwrap(await send(alice, id, 'hello from B'));
  assert.deepEqual(await visitorHears, fromAgent);
  assert.equal(fromAgent.seq, fromVisitor.seq + 1);

  // Typing is not stored, so it can only have crossed through Redis.
  const typing = nextEvent<{ typing: boolean }>(visitor, 'typing:updated', (t) => t.typing);
  unwrap(await call(alice, 'typing:set', { conversationId: id, typing: true }));
  assert.equal((await typing).typing, true);
});

test('two agents on different processes claim at once: exactly one owns the conversation', { skip: skip ?? false }, async () => {
  const { socket: visitor } = await visitorOn(a);
  const alice = await agentOn(a, ALICE);
  const admin = await agentOn(b, ADMIN);
  for (let round = 0; round < 5; round++) {
    const id = await queuedChat(visitor);
    const [fromA, fromB] = await Promise.all([call<AgentConversation>(alice, 'conversation:claim', { conversationId: id }), call<AgentConversation>(admin, 'conversation:claim', { conversationId: id })]);
    const outcomes = [fromA, fromB].map((r) => (r.ok ? 'ok' : r.error.code)).sort();
    assert.deepEqual(outcomes, ['already_claimed', 'ok'], `round ${round}`);
    const winner = fromA.ok ? fromA.data : (fromB as Extract<Ack<AgentConversation>, { ok: true }>).data;
    const row = await conversation(id);
    assert.equal(row.status, 'assigned');
    assert.equal(row.agent_id, winner.agentId);
    const joined = (await rowsOf(id)).filter((r) => r.meta?.system?.kind === 'agent_joined');
    assert.equal(joined.length, 1, 'one agent_joined message');
    unwrap(await call(fromA.ok ? alice : admin, 'conversation:close', { conversationId: id }));
  }
});

test('concurrent sends through both processes: gap-free ordered seqs, every ack stored once, everyone hears everything once', { skip: skip ?? false }, async () => {
  const { socket: tabA, session } = await visitorOn(a);
  const tabB = await tabOn(b, session.token);
  const aliceB = await agentOn(b, ALICE);
  const id = await queuedChat(tabA);
  unwrap(await call(aliceB, 'conversation:claim', { conversationId: id }));
  const aliceA = await agentOn(a, ALICE);
  // Only messages sent from here on are counted.
  await new Promise((r) => setTimeout(r, 200));
  const heardByTabA = record<Message>(tabA, 'message:created');
  const heardByAliceB = record<Message>(aliceB, 'message:created');

  const n = 40;
  const senders = { tabA, tabB, aliceA, aliceB };
  const sent: Record<string, Array<{ clientId: string; ack: Promise<Ack<Message>> }>> = {};
  for (const [name, socket] of Object.entries(senders)) {
    sent[name] = Array.from({ length: n }, (_, i) => {
      const clientId = crypto.randomUUID();
      return { clientId, ack: send(socket, id, `${name} ${i}`, clientId) };
    });
  }
  // Retries of tabA's first ten messages through the other process, racing the originals.
  const retries = sent.tabA!.slice(0, 10).map(({ clientId }, i) => send(tabB, id, `tabA ${i}`, clientId));

  const acked: Record<string, Message[]> = {};
  for (const [name, list] of Object.entries(sent)) acked[name] = (await Promise.all(list.map((s) => s.ack))).map(unwrap);
  const retried = (await Promise.all(retries)).map(unwrap);
  assert.deepEqual(retried, acked.tabA!.slice(0, 10), 'a retry is acked with the stored row');

  const all = Object.values(acked).flat();
  assert.equal(new Set(all.map((m) => m.id)).size, 4 * n, 'every send is its own row');
  // Each socket's messages keep the order they were sent in.
  for (const [name, list] of Object.entries(acked)) {
    const seqs = list.map((m) => m.seq);
    assert.deepEqual(seqs, [...seqs].sort((x, y) => x - y), `${name} in order`);
    assert.deepEqual(list.map((m) => m.body), Array.from({ length: n }, (_, i) => `${name} ${i}`));
  }
  const rows = await rowsOf(id);
  assertGapFree(rows, (await conversation(id)).last_seq);
  for (const m of all) assert.equal(rows.filter((r) => r.client_id === m.clientId).length, 1, 'stored once');
  const last = Math.max(...all.map((m) => m.seq));
  assert.deepEqual(
    all.map((m) => m.seq).sort((x, y) => x - y),
    Array.from({ length: 4 * n }, (_, i) => last - 4 * n + 1 + i),
    'the acked seqs are one contiguous run',
  );

  // Live: both sides heard every other socket's message exactly once, whichever process stored it
  // (their own come back in the ack, not as an echo; the same visitor's other tab does hear them).
  // Two processes broadcast independently, so neighbours may arrive swapped; clients order by seq.
  for (const deadline = Date.now() + 5000; Date.now() < deadline && (heardByTabA.length < 3 * n || heardByAliceB.length < 3 * n); ) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 100)); // anything extra (a duplicate or an echo) would arrive now
  const othersOf = (sender: string) =>
    Object.entries(acked)
      .filter(([name]) => name !== sender)
      .flatMap(([, list]) => list.map((m) => m.id))
      .sort();
  assert.deepEqual(heardByTabA.map((m) => m.id).sort(), othersOf('tabA'), 'tab A hears the other tab, both agents, and not itself');
  assert.deepEqual(heardByAliceB.map((m) => m.id).sort(), othersOf('aliceB'), 'Alice on B hears both tabs, herself on A, and not her own socket');
});

test('handoff race: the visitor keeps writing while agents on both processes claim; one owner, nothing lost', { skip: skip ?? false }, async () => {
  const { socket: visitor } = await visitorOn(a);
  const alice = await agentOn(a, ALICE);
  const admin = await agentOn(b, ADMIN);
  const id = await startChat(visitor);

  const claimWhenQueued = async (socket: Socket): Promise<Ack<AgentConversation>> => {
    for (;;) {
      const r = await call<AgentConversation>(socket, 'conversation:claim', { conversationId: id });
      // While the bot has it the conversation is in no department (`forbidden` for a plain agent)
      // and not claimable (`invalid`): keep trying until it is queued.
      if (r.ok || !['invalid', 'forbidden'].includes(r.error.code)) return r;
      await new Promise((res) => setTimeout(res, 2));
    }
  };
  const writes = Array.from({ length: 30 }, (_, i) => ({ clientId: crypto.randomUUID(), body: `still typing ${i}` }));
  const acks = writes.map((w) => send(visitor, id, w.body, w.clientId));
  const claims = Promise.all([claimWhenQueued(alice), claimWhenQueued(admin)]);
  await new Promise((r) => setTimeout(r, 5));
  unwrap(await call(visitor, 'conversation:handoff', { conversationId: id, departmentId: sales }));
  const [fromA, fromB] = await claims;
  const acked = (await Promise.all(acks)).map(unwrap);

  assert.deepEqual([fromA, fromB].map((r) => (r.ok ? 'ok' : r.error.code)).sort(), ['already_claimed', 'ok']);
  const winnerSocket = fromA.ok ? alice : admin;
  const row = await conversation(id);
  assert.equal(row.status, 'assigned');
  assert.equal(row.agent_id, (fromA.ok ? fromA : fromB).ok ? ((fromA.ok ? fromA : fromB) as Extract<Ack<AgentConversation>, { ok: true }>).data.agentId : null);

  const rows = await rowsOf(id);
  assertGapFree(rows, row.last_seq);
  const visitorRows = rows.filter((r) => r.author === 'visitor');
  assert.deepEqual(visitorRows.map((r) => r.body), writes.map((w) => w.body), 'every message once, in order');
  assert.deepEqual(acked.map((m) => m.seq), visitorRows.map((r) => r.seq));
  assert.equal(rows.filter((r) => r.meta?.system?.kind === 'agent_joined').length, 1);
  // The owner, on whichever process, reads the whole conversation.
  const sync = unwrap(await call<ConversationSync<AgentConversation>>(winnerSocket, 'conversation:sync', { conversationId: id, afterSeq: 0 }));
  assert.deepEqual(sync.messages.filter((m) => m.author === 'visitor').map((m) => m.clientId), writes.map((w) => w.clientId));
});

test('SIGKILL of a process: acked messages stay, the survivor leads and requeues the dead agent after the grace period', { skip: skip ?? false, timeout: 60_000 }, async () => {
  // Alice must have no socket left but the one on B, or she rightly stays online.
  closeAllSockets();
  await new Promise((r) => setTimeout(r, 300));
  const { socket: visitor } = await visitorOn(a);
  const alice = await agentOn(b, ALICE);
  const id = await queuedChat(visitor);
  unwrap(await call(alice, 'conversation:claim', { conversationId: id }));

  const requeued = nextEvent<VisitorConversation>(visitor, 'conversation:updated', (c) => c.id === id && c.status === 'queued', 45_000);
  // A stream of messages from both sides; B dies in the middle of it.
  const acked: Message[] = [];
  const failed: string[] = [];
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < 40; i++) {
    for (const [socket, who] of [
      [visitor, 'visitor'],
      [alice, 'alice'],
    ] as const) {
      pending.push(
        send(socket, id, `${who} ${i}`).then(
          (r) => void (r.ok ? acked.push(r.data) : failed.push(r.error.code)),
          () => void failed.push('no ack'),
        ),
      );
    }
    if (i === 20) await b.kill();
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(pending);
  assert.ok(acked.length > 0);

  const rows = await rowsOf(id);
  for (const m of acked) assert.equal(rows.filter((r) => r.client_id === m.clientId).length, 1, `acked ${m.body} is stored once`);
  assertGapFree(rows, (await conversation(id)).last_seq);

  // Alice's only socket died with B, without a disconnect handler running: A's sweep (A holds the
  // leader lock now) sees no socket anywhere, starts her grace period, then requeues.
  const view = await requeued;
  assert.equal(view.agent, null);
  assert.ok(view.queue && view.queue.position >= 1, 'the visitor sees a queue position again');
  const after = await conversation(id);
  assert.equal(after.status, 'queued');
  assert.equal(after.agent_id, null);
  // pg_locks spans the whole server: count this database's holders only (another Parley may run on it).
  const holders = await db.query<{ n: number }>(
    `select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = 727003 and granted and database = (select oid from pg_database where datname = current_database())`,
  );
  assert.equal(holders[0]!.n, 1, 'one leader');
});
