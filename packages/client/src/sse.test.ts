/**
 * The employee stream's own SSE reader (sse.ts) against the maintained `eventsource-parser` on the same
 * text: every event the same, however the text is cut into chunks (lines, CRLF pairs, UTF-8 already decoded).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createParser } from 'eventsource-parser';
import { sseReader } from './sse.js';

const STREAM =
  ': ping\n\nevent: list\ndata: [1,2]\n\r\nevent:announcement:new\r\ndata: {"a":\r\ndata:  1}\r\n\r\n:c\rdata: x\r\r' +
  'event: announcement:receipt\nid: 7\nretry: 100\ndata: 中文\n\nevent: empty\n\ndata\n\n';

test('the SSE reader agrees with eventsource-parser on any chunking', () => {
  const expected: string[] = [];
  createParser({ onEvent: (m) => expected.push(`${m.event ?? 'message'}|${m.data}`) }).feed(STREAM);
  assert.equal(expected.length, 5);
  for (let trial = 0; trial < 300; trial++) {
    const got: string[] = [];
    const feed = sseReader((event, data) => got.push(`${event}|${data}`));
    for (let i = 0; i < STREAM.length; ) {
      const n = 1 + ((trial * 7 + i) % 6);
      feed(STREAM.slice(i, i + n));
      i += n;
    }
    assert.deepEqual(got, expected, `chunked by ${1 + (trial % 6)}...`);
  }
});
