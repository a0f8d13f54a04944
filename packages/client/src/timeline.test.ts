import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Message } from '@parley/protocol';
import { hasGap, lastSeq, mergeCommitted, pendingEntry, resumeSeq, type TimelineEntry } from './timeline.js';

const msg = (seq: number, clientId: string | null = null, body = `m${seq}`): Message => ({
  id: `id-${seq}`,
  conversationId: 'c1',
  seq,
  clientId,
  author: clientId ? 'visitor' : 'bot',
  authorName: null,
  body,
  meta: null,
  createdAt: new Date(0).toISOString(),
});
const pending = (clientId: string, body: string): TimelineEntry =>
  pendingEntry({ conversationId: 'c1', clientId, body, author: 'visitor', authorName: null, createdAt: '', delivery: 'sending' });

test('replayed messages are not shown twice and come out in seq order', () => {
  let t = mergeCommitted([], [msg(2), msg(1)]);
  t = mergeCommitted(t, [msg(1), msg(3), msg(2)]);
  assert.deepEqual(t.map((e) => e.message.seq), [1, 2, 3]);
  assert.equal(lastSeq(t), 3);
});

test('a pending message is replaced by its committed row, keeping its key for keyed rendering', () => {
  const t0 = [...mergeCommitted([], [msg(1)]), pending('a', 'hello'), pending('b', 'again')];
  const t1 = mergeCommitted(t0, [msg(2, 'a', 'hello')]);
  assert.deepEqual(
    t1.map((e) => [e.key, e.delivery, e.message.seq]),
    [
      ['id-1', 'sent', 1],
      ['a', 'sent', 2],
      ['b', 'sending', 0],
    ],
  );
});

test('pending messages never count towards the resume point', () => {
  const t = [...mergeCommitted([], [msg(4)]), pending('x', 'not yet')];
  assert.equal(lastSeq(t), 4);
  assert.equal(lastSeq([]), 0);
});

test('resume continues after the contiguous run, not after a live message that overtook a gap', () => {
  const t = mergeCommitted([], [msg(1), msg(2), msg(5)]);
  assert.equal(lastSeq(t), 5);
  assert.equal(resumeSeq(t), 2, 'seqs 3 and 4 were missed: ask from 2');
  assert.equal(hasGap(t), true);
  const filled = mergeCommitted(t, [msg(3), msg(4), msg(5)]);
  assert.equal(resumeSeq(filled), 5);
  assert.equal(hasGap(filled), false);
  assert.deepEqual(filled.map((e) => e.message.seq), [1, 2, 3, 4, 5]);
});
