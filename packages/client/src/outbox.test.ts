import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Ack, Message, SendMessageInput } from '@parley/protocol';
import { Outbox } from './outbox.js';
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
