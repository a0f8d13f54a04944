import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { conversations, messages, sites, visitors } from '../db/schema.js';
import { AppError, toProtocolError } from '../lib/errors.js';
import { openMigratedPglite, startTestServer } from '../testing.js';
import type { TestServer } from '../testing.js';
import { usesPreparedStatements } from '../db/prepared.js';
import type { TransactionLine } from '../db/prepared.js';
import { rowsOf as rowsOfResult } from './views.js';
import { createMessageWriter, writeBatch } from './writer.js';
import type { NewMessage, WriteResult } from './writer.js';

let server: TestServer;
/** The writer's own connection on PostgreSQL (BEGIN and COMMIT pipelined), drizzle's transactions on PGlite. */
let line: TransactionLine;
let siteId: string;
let visitorId: string;

before(async () => {
  server = await startTestServer();
  line = server.database.transactionLine();
  const [site] = await db().select({ id: sites.id }).from(sites).where(eq(sites.key, server.siteKey));
  siteId = site!.id;
  const [v] = await db().insert(visitors).values({ siteId, tokenHash: `writer-test-${Date.now()}` }).returning();
  visitorId = v!.id;
});
after(async () => {
  await line?.close();
  await server?.close();
});

const db = () => server.database.db;
const clock = () => new Date();

async function newConversations(n: number, status: 'bot' | 'closed' = 'bot'): Promise<string[]> {
  const rows = await db()
    .insert(conversations)
    .values(Array.from({ length: n }, () => ({ siteId, visitorId, status })))
    .returning({ id: conversations.id });
  return rows.map((r) => r.id);
}

const visitorMessage = (body: string, clientId: string | null = crypto.randomUUID()): NewMessage => ({ author: 'visitor', authorId: visitorId, authorName: null, body, clientId });

async function stored(ids: string[]) {
  const rows = await db().select().from(messages).where(inArray(messages.conversationId, ids));
  return rows.sort((a, b) => a.conversationId.localeCompare(b.conversationId) || a.seq - b.seq);
}

async function lastSeqs(ids: string[]): Promise<Map<string, number>> {
  const rows = await db().select({ id: conversations.id, lastSeq: conversations.lastSeq }).from(conversations).where(inArray(conversations.id, ids));
  return new Map(rows.map((r) => [r.id, r.lastSeq]));
}

test('one batch carries many conversations, with gap-free seqs in request order per conversation', async () => {
  const writer = createMessageWriter({ db: db(), line, clock });
  const ids = await newConversations(20);
  // Interleaved the way many sockets' sends arrive: conversation by conversation, round after round.
  const pending: Array<Promise<WriteResult>> = [];
  for (let round = 0; round < 10; round++) for (const id of ids) pending.push(writer.write({ conversationId: id, message: visitorMessage(`${id}:${round}`) }));
  const acked = await Promise.all(pending);

  assert.equal(writer.stats.batches, 1, 'everything queued in one tick committed together');
  assert.equal(writer.stats.largestBatch, 200);
  assert.ok(acked.every((a) => !a.duplicate));
  // Read under the batch's lock: senders act on it (bot reply, queue preview) without reading again.
  assert.ok(acked.every((a) => a.conversation.status === 'bot' && a.conversation.departmentId === null));
  const rows = await stored(ids);
  assert.equal(rows.length, 200);
  for (const id of ids) {
    const mine = rows.filter((r) => r.conversationId === id);
    assert.deepEqual(mine.map((r) => r.seq), Array.from({ length: 10 }, (_, i) => i + 1), 'seqs 1..10');
    assert.deepEqual(mine.map((r) => r.body), Array.from({ length: 10 }, (_, i) => `${id}:${i}`), 'in the order written');
  }
  assert.deepEqual([...(await lastSeqs(ids)).values()], ids.map(() => 10));
  // Each ack is the committed row.
  for (const a of acked) assert.deepEqual(rows.find((r) => r.id === a.row.id), a.row);
});

test('a lone message is committed in a batch of its own, without waiting for company', async () => {
  const writer = createMessageWriter({ db: db(), line, clock });
  const [id] = await newConversations(1);
  const t0 = performance.now();
  const { row } = await writer.write({ conversationId: id!, message: visitorMessage('alone') });
  assert.equal(row.seq, 1);
  assert.equal(writer.stats.batches, 1);
  assert.ok(performance.now() - t0 < 1000);
});

test('a clientId sent twice in one batch and again later is stored once and acked with the same row', async () => {
  const writer = createMessageWriter({ db: db(), line, clock });
  const [id, other] = await newConversations(2);
  const clientId = crypto.randomUUID();
  const [first, twin, unrelated, sameIdElsewhere] = await Promise.all([
    writer.write({ conversationId: id!, message: visitorMessage('hello', clientId) }),
    writer.write({ conversationId: id!, message: visitorMessage('hello', clientId) }),
    writer.write({ conversationId: id!, message: visitorMessage('next') }),
    // The uniqueness is per conversation: the same clientId in another one is another message.
    writer.write({ conversationId: other!, message: visitorMessage('hello', clientId) }),
  ]);
  assert.equal(writer.stats.batches, 1);
  assert.equal(first.duplicate, false);
  assert.equal(twin.duplicate, true);
  assert.deepEqual(twin.row, first.row);
  assert.equal(unrelated.row.seq, 2, 'the twin burnt no seq');
  assert.equal(sameIdElsewhere.duplicate, false);

  const retry = await writer.write({ conversationId: id!, message: visitorMessage('hello', clientId) });
  assert.equal(retry.duplicate, true);
  assert.deepEqual(retry.row, first.row);
  assert.deepEqual((await stored([id!])).map((r) => [r.seq, r.body]), [
    [1, 'hello'],
    [2, 'next'],
  ]);
  assert.equal((await lastSeqs([id!])).get(id!), 2);
});

test('a closed or missing conversation fails only its own requests; the rest of the batch commits', async () => {
  const writer = createMessageWriter({ db: db(), line, clock });
  const [open] = await newConversations(1);
  const [closed] = await newConversations(1, 'closed');
  const missing = crypto.randomUUID();
  const results = await Promise.allSettled([
    writer.write({ conversationId: open!, message: visitorMessage('a') }),
    writer.write({ conversationId: closed!, message: visitorMessage('into the void') }),
    writer.write({ conversationId: missing, message: visitorMessage('nowhere') }),
    writer.write({ conversationId: open!, message: visitorMessage('b') }),
    // The closing system message itself may still be written.
    writer.write({ conversationId: closed!, message: { author: 'system', authorName: null, body: '' }, allowClosed: true }),
  ]);
  assert.equal(writer.stats.batches, 1);
  const code = (r: PromiseSettledResult<WriteResult>) => (r.status === 'rejected' ? (r.reason as AppError).code : 'ok');
  assert.deepEqual(results.map(code), ['ok', 'closed', 'not_found', 'ok', 'ok']);
  assert.deepEqual((await stored([open!])).map((r) => [r.seq, r.body]), [
    [1, 'a'],
    [2, 'b'],
  ]);
  assert.deepEqual((await stored([closed!])).map((r) => r.author), ['system']);
});

test('a request the database itself refuses fails alone, the others still commit in order', async () => {
  const writer = createMessageWriter({ db: db(), line, clock });
  const [id] = await newConversations(1);
  const results = await Promise.allSettled([
    writer.write({ conversationId: id!, message: visitorMessage('one') }),
    // Not a uuid: PostgreSQL rejects the whole statement, not just this row.
    writer.write({ conversationId: 'not-a-uuid', message: visitorMessage('bad') }),
    writer.write({ conversationId: id!, message: visitorMessage('two') }),
  ]);
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
  assert.deepEqual((await stored([id!])).map((r) => [r.seq, r.body]), [
    [1, 'one'],
    [2, 'two'],
  ]);
});

test('the database failing mid-batch rejects every request with `unavailable` and writes nothing', async () => {
  const [a, b] = await newConversations(2);
  await createMessageWriter({ db: db(), line, clock }).write({ conversationId: a!, message: visitorMessage('before') });
  // The real transaction runs (rows inserted, last_seq bumped), then the connection "drops" before commit.
  const flaky = {
    transaction: (fn: (tx: unknown) => Promise<unknown>) =>
      db().transaction(async (tx) => {
        await fn(tx);
        throw Object.assign(new Error('connection terminated unexpectedly'), { code: '08006' });
      }),
  } as unknown as Db;
  const writer = createMessageWriter({ db: flaky, clock });
  const results = await Promise.allSettled([a, b, a].map((id) => writer.write({ conversationId: id!, message: visitorMessage('lost?') })));
  assert.deepEqual(
    results.map((r) => (r.status === 'rejected' ? toProtocolError(r.reason).error.code : 'ok')),
    ['unavailable', 'unavailable', 'unavailable'],
  );
  assert.deepEqual((await stored([a!, b!])).map((r) => r.body), ['before']);
  const seqs = await lastSeqs([a!, b!]);
  assert.deepEqual([seqs.get(a!), seqs.get(b!)], [1, 0]);
});

test('a commit that never settles (a link dropped inside postgres.js) fails with `unavailable` and the writer moves on', async () => {
  const [a] = await newConversations(1);
  let calls = 0;
  // The first transaction hangs forever, as postgres.js can after a reset mid-transaction; later ones are real.
  const stuckOnce = {
    transaction: (fn: (tx: unknown) => Promise<unknown>) => (calls++ === 0 ? new Promise(() => {}) : db().transaction(fn as never)),
  } as unknown as Db;
  const writer = createMessageWriter({ db: stuckOnce, clock, batchTimeoutMs: 200 });
  const first = await writer.write({ conversationId: a!, message: visitorMessage('caught by the cut') }).then(
    () => 'ok',
    (e: unknown) => toProtocolError(e).error.code,
  );
  assert.equal(first, 'unavailable');
  const next = await writer.write({ conversationId: a!, message: visitorMessage('after') });
  assert.equal(next.row.seq, 1, 'the next batch commits normally');
  assert.deepEqual((await stored([a!])).map((r) => r.body), ['after']);
});

test('a closed database answers `unavailable` to every queued request', async () => {
  // From the migrated template: initdb and the migrations from scratch cost 3-7 s and test nothing here.
  const gone = await openMigratedPglite();
  await gone.migrate();
  await gone.close();
  const writer = createMessageWriter({ db: gone.db, clock });
  const results = await Promise.allSettled([1, 2, 3].map((i) => writer.write({ conversationId: crypto.randomUUID(), message: visitorMessage(`m${i}`) })));
  assert.deepEqual(
    results.map((r) => (r.status === 'rejected' ? toProtocolError(r.reason).error.code : 'ok')),
    ['unavailable', 'unavailable', 'unavailable'],
  );
});

test('batches never exceed maxBatch, and back-to-back batches keep per-conversation order', async () => {
  const writer = createMessageWriter({ db: db(), line, clock, maxBatch: 7 });
  const [id] = await newConversations(1);
  const acked = await Promise.all(Array.from({ length: 30 }, (_, i) => writer.write({ conversationId: id!, message: visitorMessage(`m${i}`) })));
  assert.equal(writer.stats.largestBatch, 7);
  assert.equal(writer.stats.batches, 5);
  assert.deepEqual(acked.map((a) => a.row.seq), Array.from({ length: 30 }, (_, i) => i + 1));
  assert.deepEqual((await stored([id!])).map((r) => r.body), Array.from({ length: 30 }, (_, i) => `m${i}`));
});

test('on PostgreSQL batches run on the writer\'s own connection as prepared statements; PGlite takes drizzle\'s transaction', async () => {
  const writer = createMessageWriter({ db: db(), line, clock });
  const [a, b] = await newConversations(2);
  const acked = await Promise.all(['a1', 'b1', 'a2'].map((body) => writer.write({ conversationId: (body.startsWith('a') ? a : b)!, message: visitorMessage(body) })));
  assert.deepEqual(acked.map((r) => r.row.seq), [1, 1, 2]);
  assert.deepEqual((await stored([a!, b!])).map((m) => m.body).sort(), ['a1', 'a2', 'b1']);
  // pg_prepared_statements lists the statements of the session that asks: the writer's connection.
  const statements = await line.run((t) => t.rows<{ statement: string }>(sql`select statement from pg_prepared_statements`));
  if (server.database.driver === 'postgres') {
    assert.ok(statements.some((s) => /for update/i.test(s.statement)), 'the lock statement is prepared');
    assert.ok(statements.some((s) => /insert into messages/i.test(s.statement)), 'the insert is prepared');
    assert.equal(usesPreparedStatements(db()), true, 'drizzle still runs on postgres.js (the fallback line prepares too)');
  } else {
    assert.equal(usesPreparedStatements(db()), false, 'PGlite has no postgres.js underneath');
  }
});

test('a batch stuck on PostgreSQL past its deadline is dropped with its connection (rolled back), and the next batch commits', async (t) => {
  if (server.database.driver !== 'postgres') return t.skip('PGlite has one connection: no other transaction can hold a row lock meanwhile');
  const [id] = await newConversations(1);
  const writer = createMessageWriter({ db: db(), line, clock, batchTimeoutMs: 300 });
  // Another transaction holds the conversation's row lock, so the batch waits on it past its deadline.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const blocker = db().transaction(async (tx) => {
    await tx.select().from(conversations).where(eq(conversations.id, id!)).for('update');
    locked();
    await held;
  });
  await isLocked;
  const stuck = await writer.write({ conversationId: id!, message: visitorMessage('caught behind a lock') }).then(
    () => 'ok',
    (e: unknown) => toProtocolError(e).error.code,
  );
  assert.equal(stuck, 'unavailable');
  release();
  await blocker;
  const next = await writer.write({ conversationId: id!, message: visitorMessage('after') });
  assert.equal(next.row.seq, 1, 'the abandoned batch burnt no seq');
  assert.deepEqual((await stored([id!])).map((r) => r.body), ['after'], 'nothing of the abandoned batch was kept');
});
