import type { AuthorKind, Message, ProtocolError } from '@parley/protocol';

export type Delivery = 'sending' | 'sent' | 'failed';

/** One row of a conversation as a UI shows it: committed messages and the sender's own pending ones. */
export interface TimelineEntry {
  /** Stable across the pending -> committed transition (the clientId when there is one), for keyed rendering. */
  key: string;
  message: Message;
  delivery: Delivery;
  error?: ProtocolError;
  /** Pending longer than expected (the server is slow or unreachable); it will be retried. */
  delayed?: boolean;
}

/** Highest committed seq held (for read marks; a resume uses resumeSeq). */
export function lastSeq(entries: readonly TimelineEntry[]): number {
  let max = 0;
  for (const e of entries) if (e.delivery === 'sent' && e.message.seq > max) max = e.message.seq;
  return max;
}

/**
 * Where a resume must continue from: the highest n such that seqs 1..n are all held. Not the highest
 * seq held: live broadcasts can arrive before a reconnect's sync (or, across processes, out of order),
 * and resuming after them would skip what came in between. Seqs are gap-free per conversation, so a
 * hole is always something missed.
 */
export function resumeSeq(entries: readonly TimelineEntry[]): number {
  const held = new Set<number>();
  for (const e of entries) if (e.delivery === 'sent') held.add(e.message.seq);
  let n = 0;
  while (held.has(n + 1)) n++;
  return n;
}

/** True when something between the first message and the newest one held is missing. */
export const hasGap = (entries: readonly TimelineEntry[]): boolean => resumeSeq(entries) < lastSeq(entries);

/**
 * Adds committed messages. A message already held (same id, or same clientId as a pending entry) replaces
 * that entry instead of being added again: replays after a reconnect and acks racing broadcasts both
 * arrive here, and the user must never see a message twice. Committed rows sort by seq; pending rows
 * stay after them in the order they were typed.
 */
export function mergeCommitted(entries: readonly TimelineEntry[], messages: readonly Message[]): TimelineEntry[] {
  if (messages.length === 0) return entries as TimelineEntry[];
  const byKey = new Map<string, TimelineEntry>();
  const pending: TimelineEntry[] = [];
  for (const e of entries) {
    if (e.delivery === 'sent') byKey.set(e.message.id, e);
    else pending.push(e);
  }
  const committedClientIds = new Set<string>();
  for (const m of messages) {
    const previous = byKey.get(m.id);
    const key = previous?.key ?? m.clientId ?? m.id;
    byKey.set(m.id, { key, message: m, delivery: 'sent' });
    if (m.clientId) committedClientIds.add(m.clientId);
  }
  const committed = [...byKey.values()].sort((a, b) => a.message.seq - b.message.seq);
  return [...committed, ...pending.filter((p) => !p.message.clientId || !committedClientIds.has(p.message.clientId))];
}

/** A provisional row for a message the user just typed; seq 0 marks it uncommitted. */
export function pendingEntry(input: {
  conversationId: string;
  clientId: string;
  body: string;
  author: AuthorKind;
  authorName: string | null;
  createdAt: string;
  delivery: Delivery;
  error?: ProtocolError;
  delayed?: boolean;
}): TimelineEntry {
  return {
    key: input.clientId,
    delivery: input.delivery,
    error: input.error,
    ...(input.delayed && input.delivery === 'sending' ? { delayed: true } : {}),
    message: {
      id: '',
      conversationId: input.conversationId,
      seq: 0,
      clientId: input.clientId,
      author: input.author,
      authorName: input.authorName,
      body: input.body,
      meta: null,
      createdAt: input.createdAt,
    },
  };
}
