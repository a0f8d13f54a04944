import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Ack, Message, SendMessageInput } from '@parley/protocol';
import { DELAY_NOTICE_MS, MAX_ODD_FAILURES, Outbox } from './outbox.js';
import { memoryStore } from './storage.js';

const stored = (input: SendMessageInput, seq: number): Message => ({
  id: `id-${seq}`,
  conversationId: input.conversationId,
  seq,
  clientId: input.clientId,
  author: 'visitor',
  authorName: null,
  body: input.body,
  meta: null,
  createdAt: new Date(0).toISOString(),
});

test('sends one at a time in typing order and forgets each only after its ack', async () => {
  const store = memoryStore();
  const committed: Message[] = [];
  const box = new Outbox(store, 'k', (m) => m && committed.push(m));
  box.add('c1', 'one');
  box.add('c1', 'two');
  box.add('c1', 'three');
  let inFlight = 0;
  const seen: string[] = [];
  await box.flush(async (input) => {
    inFlight++;
    assert.equal(inFlight, 1, 'never two sends in flight');
    seen.push(input.body);
    // What is in storage while a send is in flight must still hold it: a crash here loses nothing.
    assert.ok(JSON.parse(store.getItem('k') ?? '[]').some((i: { body: string }) => i.body === input.body));
    await new Promise((r) => setTimeout(r, 5));
    inFlight--;
    return { ok: true, data: stored(input, seen.length) };
  }, () => true);
  assert.deepEqual(seen, ['one', 'two', 'three']);
  assert.deepEqual(committed.map((m) => m.seq), [1, 2, 3]);
  assert.equal(store.getItem('k'), null);
  assert.equal(box.all().length, 0);
});

test('a transient failure keeps the message pending (and persisted) for a later retry', async () => {
  const store = memoryStore();
  const box = new Outbox(store, 'k', () => {});
  const item = box.add('c1', 'hello');
  await box.flush(async () => ({ ok: false, error: { code: 'unavailable', message: 'db down' } }), () => true);
  box.dispose();
  assert.equal(box.all()[0].state, 'sending');
  // A new page load (same storage) picks it up with the same clientId, so the retry is idempotent.
  const reloaded = new Outbox(store, 'k', () => {});
  assert.equal(reloaded.all()[0].clientId, item.clientId);
  const sent: string[] = [];
  await reloaded.flush(async (input) => {
    sent.push(input.clientId);
    return { ok: true, data: stored(input, 1) } as Ack<Message>;
  }, () => true);
  assert.deepEqual(sent, [item.clientId]);
});

test('a final error marks only that message failed; the next one still goes out; retry re-queues it', async () => {
  const box = new Outbox(memoryStore(), 'k', () => {});
  const bad = box.add('c1', 'too long');
  box.add('c1', 'fine');
  const sent: string[] = [];
  const send = async (input: SendMessageInput): Promise<Ack<Message>> => {
    sent.push(input.body);
    return input.body === 'too long' && sent.length === 1
      ? { ok: false, error: { code: 'invalid', message: 'body: too long' } }
      : { ok: true, data: stored(input, sent.length) };
  };
  await box.flush(send, () => true);
  assert.deepEqual(sent, ['too long', 'fine']);
  assert.deepEqual(box.all().map((i) => [i.body, i.state, i.error?.code]), [['too long', 'failed', 'invalid']]);
  assert.equal(box.retry(bad.clientId), true);
  await box.flush(send, () => true);
  assert.equal(box.all().length, 0);
});

test('nothing is sent while the connection is down', async () => {
  const box = new Outbox(memoryStore(), 'k', () => {});
  box.add('c1', 'wait');
  let calls = 0;
  await box.flush(async (input) => {
    calls++;
    return { ok: true, data: stored(input, 1) };
  }, () => false);
  assert.equal(calls, 0);
  assert.equal(box.all().length, 1);
});

test("two tabs sharing storage never erase each other's unsent messages", async () => {
  const store = memoryStore();
  const tabA = new Outbox(store, 'k', () => {});
  const tabB = new Outbox(store, 'k', () => {});
  const a = tabA.add('c1', 'from tab A');
  const b = tabB.add('c1', 'from tab B');
  const inStorage = () => (JSON.parse(store.getItem('k') ?? '[]') as Array<{ clientId: string }>).map((i) => i.clientId).sort();
  assert.deepEqual(inStorage(), [a.clientId, b.clientId].sort(), 'both survive in storage');
  // Tab A delivers its own; tab B's stays stored until B (or a reload) delivers it.
  await tabA.flush(async (input) => ({ ok: true, data: stored(input, 1) }), () => true);
  assert.deepEqual(inStorage(), [b.clientId]);
  tabA.dispose();
  tabB.dispose();
});

test('an error that is neither final nor a connection problem fails the message after a few tries; the rest go on', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const box = new Outbox(memoryStore(), 'k', () => {});
  box.add('c1', 'poison');
  box.add('c1', 'typed after it');
  const attempts: string[] = [];
  const send = async (input: SendMessageInput): Promise<Ack<Message>> => {
    attempts.push(input.body);
    return input.body === 'poison' ? { ok: false, error: { code: 'internal', message: 'server error' } } : { ok: true, data: stored(input, 1) };
  };
  await box.flush(send, () => true);
  // Pending again after each odd failure, shown as delayed, retried with backoff.
  for (let i = 1; i < MAX_ODD_FAILURES; i++) {
    assert.deepEqual(box.all().map((x) => [x.body, x.state, x.delayed]), [['poison', 'sending', true], ['typed after it', 'sending', undefined]]);
    t.mock.timers.tick(20_000);
    await new Promise((r) => setImmediate(r));
  }
  assert.deepEqual(attempts, [...Array(MAX_ODD_FAILURES).fill('poison'), 'typed after it']);
  assert.deepEqual(box.all().map((x) => [x.body, x.state, x.error?.code]), [['poison', 'failed', 'internal']]);
  box.dispose();
});

test('connection problems are retried without limit and never fail the message', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const box = new Outbox(memoryStore(), 'k', () => {});
  box.add('c1', 'during an outage');
  let calls = 0;
  const send = async (input: SendMessageInput): Promise<Ack<Message>> => {
    calls++;
    return calls <= 10 ? { ok: false, error: { code: 'unavailable', message: 'database down' } } : { ok: true, data: stored(input, 1) };
  };
  await box.flush(send, () => true);
  for (let i = 0; i < 10; i++) {
    assert.equal(box.all()[0]?.state, 'sending');
    assert.equal(box.all()[0]?.delayed, true);
    t.mock.timers.tick(20_000);
    await new Promise((r) => setImmediate(r));
  }
  assert.equal(calls, 11);
  assert.equal(box.all().length, 0);
  box.dispose();
});

test('a send that goes unanswered for a few seconds is marked delayed while it waits', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let changes = 0;
  const box = new Outbox(memoryStore(), 'k', () => changes++);
  box.add('c1', 'slow');
  let answer!: (ack: Ack<Message>) => void;
  const flushing = box.flush((input) => new Promise((r) => (answer = (a) => r(a)) && void input), () => true);
  assert.equal(box.all()[0]?.delayed, undefined);
  const before = changes;
  t.mock.timers.tick(DELAY_NOTICE_MS);
  assert.equal(box.all()[0]?.delayed, true);
  assert.ok(changes > before, 'the UI is told');
  answer({ ok: true, data: stored({ conversationId: 'c1', clientId: box.all()[0]!.clientId, body: 'slow' }, 1) });
  await flushing;
  assert.equal(box.all().length, 0);
});
