/**
 * Shared pieces of the fault-injection tests: the real SDK clients in Node, and the timeline checks
 * that turn "no message shown twice, none missing" into assertions.
 */
import assert from 'node:assert/strict';
import { AgentClient, VisitorClient, memoryStore } from '../../packages/client/src/index.js';
import type { KeyValueStore, TimelineEntry } from '../../packages/client/src/index.js';

export { AgentClient, VisitorClient, memoryStore };
export type { KeyValueStore, TimelineEntry };

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. Always bounded. */
export async function waitUntil<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 15_000, everyMs = 25): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export const sent = (timeline: readonly TimelineEntry[]) => timeline.filter((e) => e.delivery === 'sent');

/**
 * What "never shows a message twice" means for one timeline: committed rows have unique ids and
 * seqs in increasing order, and no pending row duplicates a committed one (same clientId).
 */
export function assertNoDuplicates(timeline: readonly TimelineEntry[], label: string): void {
  const committed = sent(timeline);
  const ids = new Set<string>();
  let previous = 0;
  for (const e of committed) {
    assert.ok(!ids.has(e.message.id), `${label}: message ${e.message.id} (seq ${e.message.seq}) shown twice`);
    ids.add(e.message.id);
    assert.ok(e.message.seq > previous, `${label}: seq ${e.message.seq} after ${previous}`);
    previous = e.message.seq;
  }
  const committedClientIds = new Set(committed.map((e) => e.message.clientId).filter(Boolean));
  for (const e of timeline) {
    if (e.delivery !== 'sent' && e.message.clientId) assert.ok(!committedClientIds.has(e.message.clientId), `${label}: "${e.message.body}" shown both pending and sent`);
  }
  const keys = timeline.map((e) => e.key);
  assert.equal(new Set(keys).size, keys.length, `${label}: duplicate timeline keys`);
}

/** Committed seqs are exactly 1..n: nothing missing, nothing twice, in order. */
export function assertContiguous(timeline: readonly TimelineEntry[], label: string): void {
  assertNoDuplicates(timeline, label);
  const seqs = sent(timeline).map((e) => e.message.seq);
  assert.deepEqual(
    seqs,
    seqs.map((_, i) => i + 1),
    `${label}: committed seqs are not 1..${seqs.length}`,
  );
}

/** Checks the invariant on EVERY change event, not only at the end: a duplicate shown for a moment counts. */
export function watchForDuplicates(client: EventTarget & { state: { timeline: TimelineEntry[] } }, label: string): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const onChange = () => {
    try {
      assertNoDuplicates(client.state.timeline, label);
    } catch (err) {
      if (errors.length < 5) errors.push((err as Error).message);
    }
  };
  client.addEventListener('change', onChange);
  return { errors, stop: () => client.removeEventListener('change', onChange) };
}

/**
 * Flood limits off (config keys of server/src/limits; `null` = "off"). Every client of these tests
 * comes from 127.0.0.1, so per-IP limits would refuse the storm itself rather than test recovery.
 * Typed loosely so this file also compiles against a server without those keys.
 */
export const NO_RATE_LIMITS = {
  rateVisitorMessages: null,
  rateAgentMessages: null,
  rateConnectionsPerIp: null,
  rateConversationsPerIp: null,
  rateVisitorSessionsPerIp: null,
} as Record<string, unknown>;
