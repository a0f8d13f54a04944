import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
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
  for (let round = 0; round < 10; round++) for (const id of ids) pending.push(writer.write({ siteId, conversationId: id, message: visitorMessage(`${id}:${round}`) }));
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
  const { row } = await writer.write({ siteId, conversationId: id!, message: visitorMessage('alone') });
  assert.equal(row.seq, 1);
  assert.equal(writer.stats.batches, 1);
  assert.ok(performance.now() - t0 < 1000);
});

test('a clientId sent twice in one batch and again later is stored once and acked with the same row', async () => {
  const writer = createMessageWriter({ db: db(), line, clock });
  const [id, other] = await newConversations(2);
  const clientId = crypto.randomUUID();
  const [first, twin, unrelated, sameIdElsewhere] = await Promise.all([
    writer.write({ siteId, conversationId: id!, message: visitorMessage('hello', clientId) }),
    writer.write({ siteId, conversationId: id!, message: visitorMessage('hello', clientId) }),
    writer.write({ siteId, conversationId: id!, message: visitorMessage('next') }),
    // The uniqueness is per conversation: the same clientId in another one is another message.
    writer.write({ siteId, conversationId: other!, message: visitorMessage('hello', clientId) }),
  ]);
  assert.equal(writer.stats.batches, 1);
  assert.equal(first.duplicate, false);
  assert.equal(twin.duplicate, true);
  assert.deepEqual(twin.row, first.row);
  assert.equal(unrelated.row.seq, 2, 'the twin burnt no seq');
  assert.equal(sameIdElsewhere.duplicate, false);

  const retry = await writer.write({ siteId, conversationId: id!, message: visitorMessage('hello', clientId) });
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
    writer.write({ siteId, conversationId: open!, message: visitorMessage('a') }),
    writer.write({ siteId, conversationId: closed!, message: visitorMessage('into the void') }),
    writer.write({ siteId, conversationId: missing, message: visitorMessage('nowhere') }),
    writer.write({ siteId, conversationId: open!, message: visitorMessage('b') }),
    // The closing system message itself may still be written.
    writer.write({ siteId, conversationId: closed!, message: { author: 'system', authorName: null, body: '' }, allowClosed: true }),
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
    writer.write({ siteId, conversationId: id!, message: visitorMessage('one') }),
    // Not a uuid: PostgreSQL rejects the whole statement, not just this row.
    writer.write({ siteId, conversationId: 'not-a-uuid', message: visitorMessage('bad') }),
    writer.write({ siteId, conversationId: id!, message: visitorMessage('two') }),
  ]);
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
  assert.deepEqual((await stored([id!])).map((r) => [r.seq, r.body]), [
    [1, 'one'],
    [2, 'two'],
  ]);
});

test('the database failing mid-batch rejects every request with `unavailable` and writes nothing', async () => {
  const [a, b] = await newConversations(2);
  await createMessageWriter({ db: db(), line, clock }).write({ siteId, conversationId: a!, message: visitorMessage('before') });
  // The real transaction runs (rows inserted, last_seq bumped), then the connection "drops" before commit.
  const flaky = {
    transaction: (fn: (tx: unknown) => Promise<unknown>) =>
      db().transaction(async (tx) => {
        await fn(tx);
        throw Object.assign(new Error('connection terminated unexpectedly'), { code: '08006' });
      }),
  } as unknown as Db;
  const writer = createMessageWriter({ db: flaky, clock });
  const results = await Promise.allSettled([a, b, a].map((id) => writer.write({ siteId, conversationId: id!, message: visitorMessage('lost?') })));
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
  const first = await writer.write({ siteId, conversationId: a!, message: visitorMessage('caught by the cut') }).then(
    () => 'ok',
    (e: unknown) => toProtocolError(e).error.code,
  );
  assert.equal(first, 'unavailable');
  const next = await writer.write({ siteId, conversationId: a!, message: visitorMessage('after') });
  assert.equal(next.row.seq, 1, 'the next batch commits normally');
  assert.deepEqual((await stored([a!])).map((r) => r.body), ['after']);
});

test('a closed database answers `unavailable` to every queued request', async () => {
  // From the migrated template: initdb and the migrations from scratch cost 3-7 s and test nothing here.
  const gone = await openMigratedPglite();
  await gone.migrate();
  await gone.close();
  const writer = createMessageWriter({ db: gone.db, clock });
  const results = await Promise.allSettled([1, 2, 3].map((i) => writer.write({ siteId, conversationId: crypto.randomUUID(), message: visitorMessage(`m${i}`) })));
  assert.deepEqual(
    results.map((r) => (r.status === 'rejected' ? toProtocolError(r.reason).error.code : 'ok')),
    ['unavailable', 'unavailable', 'unavailable'],
  );
});

test('batches never exceed maxBatch, and back-to-back batches keep per-conversation order', async () => {
  const writer = createMessageWriter({ db: db(), line, clock, maxBatch: 7 });
  const [id] = await newConversations(1);
  const acked = await Promise.all(Array.from({ length: 30 }, (_, i) => writer.write({ siteId, conversationId: id!, message: visitorMessage(`m${i}`) })));
  assert.equal(writer.stats.largestBatch, 7);
  assert.equal(writer.stats.batches, 5);
  assert.deepEqual(acked.map((a) => a.row.seq), Array.from({ length: 30 }, (_, i) => i + 1));
  assert.deepEqual((await stored([id!])).map((r) => r.body), Array.from({ length: 30 }, (_, i) => `m${i}`));
});

test('on PostgreSQL batches run on the writer\'s own connection as prepared statements; PGlite takes drizzle\'s transaction', async () => {
  const writer = createMessageWriter({ db: db(), line, clock });
  const [a, b] = await newConversations(2);
  const acked = await Promise.all(['a1', 'b1', 'a2'].map((body) => writer.write({ siteId, conversationId: (body.startsWith('a') ? a : b)!, message: visitorMessage(body) })));
  assert.deepEqual(acked.map((r) => r.row.seq), [1, 1, 2]);
  assert.deepEqual((await stored([a!, b!])).map((m) => m.body).sort(), ['a1', 'a2', 'b1']);
  // pg_prepared_statements lists the statements of the session that asks: the writer's connection.
  const statements = await line.run((t) => t.rows<{ statement: string }>('select statement from pg_prepared_statements', []));
  if (server.database.driver === 'postgres') {
    assert.ok(statements.some((s) => /for update/i.test(s.statement)), 'the lock statement is prepared');
    assert.ok(statements.some((s) => /insert into messages/i.test(s.statement)), 'the insert is prepared');
    assert.equal(usesPreparedStatements(db()), true, 'drizzle still runs on postgres.js (the fallback line prepares too)');
  } else {
    assert.equal(usesPreparedStatements(db()), false, 'PGlite has no postgres.js underneath');
  }
});

test('a batch stuck behind a row lock on PostgreSQL is cancelled by the server before the writer gives up: `unavailable`, nothing kept, the next batch commits', async (t) => {
  if (server.database.driver !== 'postgres') return t.skip('PGlite has one connection: no other transaction can hold a row lock meanwhile');
  const [id] = await newConversations(1);
  // The server's statement timeout (200 ms) under the writer's deadline (5 s), as in production (4 s under 5 s).
  const shortLine = server.database.transactionLine({ statementTimeoutMs: 200 });
  t.after(() => shortLine.close());
  const writer = createMessageWriter({ db: db(), line: shortLine, clock, batchTimeoutMs: 5000 });
  // Another transaction holds the conversation's row lock, so the batch waits on it past the timeout.
  const blocker = await holdRowLock(id!);
  const t0 = performance.now();
  const stuck = await writer.write({ siteId, conversationId: id!, message: visitorMessage('caught behind a lock') }).then(
    () => 'ok',
    (e: unknown) => toProtocolError(e).error.code,
  );
  assert.equal(stuck, 'unavailable');
  assert.ok(performance.now() - t0 < 2000, 'answered by the server-side timeout, not the 5 s deadline');
  await blocker.commit();
  const next = await writer.write({ siteId, conversationId: id!, message: visitorMessage('after') });
  assert.equal(next.row.seq, 1, 'the cancelled batch burnt no seq');
  assert.deepEqual((await stored([id!])).map((r) => r.body), ['after'], 'nothing of the cancelled batch was kept');
});

test('a retry committed by another process while the batch waited for its lock is answered with the stored row, not a second copy', async (t) => {
  if (server.database.driver !== 'postgres') return t.skip('PGlite has one connection: no other process can commit meanwhile');
  const [id] = await newConversations(1);
  const writer = createMessageWriter({ db: db(), line, clock });
  const clientId = crypto.randomUUID();
  // "Another process": a transaction that locks the conversation, then stores the message the way the
  // writer does (seq 1, last_seq bumped) and commits only after the writer's batch is waiting on it.
  const other = await holdRowLock(id!, async (tx) => {
    await tx.insert(messages).values({ conversationId: id!, seq: 1, clientId, author: 'visitor', authorId: visitorId, body: 'hello', createdAt: new Date() });
    await tx.update(conversations).set({ lastSeq: 1 }).where(eq(conversations.id, id!));
  });
  // Alone in its batch: one by one (how a failed batch of several is retried) would hide the case.
  const ack = writer.write({ siteId, conversationId: id!, message: visitorMessage('hello', clientId) });
  // Until the batch is waiting on the lock (its snapshot is taken by then).
  await waitForLockWait(id!);
  await other.commit();
  const retry = await ack;
  const next = await writer.write({ siteId, conversationId: id!, message: visitorMessage('and then') });
  assert.equal(retry.duplicate, true);
  assert.equal(retry.row.seq, 1);
  assert.equal(retry.row.body, 'hello');
  assert.equal(next.duplicate, false);
  assert.equal(next.row.seq, 2, 'seqs continue after the other process\'s row');
  assert.deepEqual((await stored([id!])).map((r) => [r.seq, r.body]), [
    [1, 'hello'],
    [2, 'and then'],
  ]);
  assert.equal((await lastSeqs([id!])).get(id!), 2);
});

/**
 * Another transaction that takes the conversation's row lock (and then runs `inside`) and holds it,
 * uncommitted, until `commit()`.
 */
async function holdRowLock(id: string, inside?: (tx: Tx) => Promise<void>): Promise<{ commit(): Promise<void> }> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const done = db().transaction(async (tx) => {
    await tx.select().from(conversations).where(eq(conversations.id, id)).for('update');
    await inside?.(tx);
    locked();
    await held;
  });
  await Promise.race([isLocked, done]);
  return {
    commit: async () => {
      release();
      await done;
    },
  };
}

/** Polls pg_locks until some session waits for a lock (the writer's statement, behind the test's transaction). */
async function waitForLockWait(conversationId: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const rows = rowsOfResult<{ n: number }>(await db().execute(sql`select count(*)::int as n from pg_locks where not granted`));
    if (rows[0]!.n > 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail(`no batch ever waited for the lock on ${conversationId}`);
}

test('a site the conversation is not on is `not_found`, and nothing is written', async () => {
  const writer = createMessageWriter({ db: db(), line, clock });
  const [id] = await newConversations(1);
  const results = await Promise.allSettled([
    writer.write({ siteId: crypto.randomUUID(), conversationId: id!, message: visitorMessage('wrong site') }),
    writer.write({ siteId, conversationId: id!, message: visitorMessage('right site') }),
  ]);
  assert.deepEqual(results.map((r) => (r.status === 'rejected' ? (r.reason as AppError).code : r.value.row.seq)), ['not_found', 1]);
  assert.deepEqual((await stored([id!])).map((r) => r.body), ['right site']);
});

test('a hook that writes runs in the batch\'s transaction with the new rows in request order; when it fails, nothing of the batch is kept', async () => {
  const [a, b] = await newConversations(2);
  const seen: string[][] = [];
  let fail = false;
  const writer = createMessageWriter({
    db: db(),
    line,
    clock,
    inBatch: {
      mayWrite: (siteIds) => siteIds.includes(siteId),
      async run(tx, written) {
        seen.push(written.map((w) => `${w.siteId === siteId ? 'site' : '?'}:${w.row.body}:${w.row.seq}`));
        // Sees the batch's own uncommitted rows: the same transaction.
        const mine = rowsOfResult<{ n: number }>(await tx.execute(sql`select count(*)::int as n from messages where conversation_id in (${a}::uuid, ${b}::uuid)`));
        seen.push([`visible:${mine[0]!.n}`]);
        if (fail) throw new Error('the hook failed');
      },
    },
  });
  const clientId = crypto.randomUUID();
  const acked = await Promise.all([
    writer.write({ siteId, conversationId: a!, message: visitorMessage('a1', clientId) }),
    writer.write({ siteId, conversationId: b!, message: visitorMessage('b1') }),
    writer.write({ siteId, conversationId: a!, message: visitorMessage('a1', clientId) }),
    writer.write({ siteId, conversationId: a!, message: visitorMessage('a2') }),
  ]);
  assert.deepEqual(acked.map((r) => r.duplicate), [false, false, true, false]);
  assert.deepEqual(seen, [['site:a1:1', 'site:b1:1', 'site:a2:2'], ['visible:3']], 'the twin is not written twice');

  fail = true;
  const failed = await Promise.allSettled([writer.write({ siteId, conversationId: a!, message: visitorMessage('a3') })]);
  assert.equal(failed[0]!.status, 'rejected');
  assert.deepEqual((await stored([a!, b!])).map((r) => r.body).sort(), ['a1', 'a2', 'b1'], 'a3 rolled back with its hook');
  assert.equal((await lastSeqs([a!])).get(a!), 2);
});
