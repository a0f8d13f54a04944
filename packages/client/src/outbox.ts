import type { Ack, Message, ProtocolError, SendMessageInput } from '@parley/protocol';
import { isConnectionProblem, isFinal } from './errors.js';
import { readJson, type KeyValueStore } from './storage.js';
import { uuid } from './uuid.js';

export interface OutboxItem {
  clientId: string;
  conversationId: string;
  body: string;
  createdAt: string;
  state: 'sending' | 'failed';
  error?: ProtocolError;
  /** Still pending, but slower than a person expects: a send outlasted DELAY_NOTICE_MS or failed for a passing reason. */
  delayed?: boolean;
  /** Refusals that were neither final nor a connection problem (e.g. `internal`); see MAX_ODD_FAILURES. */
  oddFailures?: number;
}

/** A send still unanswered after this long is shown as delayed ("will be retried") instead of a bare "Sending…". */
export const DELAY_NOTICE_MS = 4000;
/**
 * An error that is not a connection problem (`internal`, an unknown code) may be a passing server fault or
 * a message the server can never store; retrying it forever would hold every later message behind it. So
 * it gets this many tries in all, then ends as failed (with Retry) and the queue moves on.
 */
export const MAX_ODD_FAILURES = 3;

export type Sender = (input: SendMessageInput) => Promise<Ack<Message>>;

/**
 * Messages typed but not yet acknowledged. Persisted on every change so a reload or a crash of the tab
 * loses nothing; sent strictly one at a time in typing order, because the server assigns seq in
 * arrival order and a parallel send could overtake an earlier message.
 */
export class Outbox {
  private items: OutboxItem[];
  private flushing = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelayMs = 1000;
  /** Acked here: must not come back from storage when another tab's older copy is merged in. */
  private readonly delivered = new Set<string>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly storageKey: string,
    /** Called after each state change, and with the stored row once one is acked. */
    private readonly onChange: (committed?: Message) => void,
  ) {
    this.items = (readJson<OutboxItem[]>(store, storageKey) ?? []).filter((i) => i && typeof i.clientId === 'string');
  }

  all(): readonly OutboxItem[] {
    return this.items;
  }

  add(conversationId: string, body: string): OutboxItem {
    const item: OutboxItem = { clientId: uuid(), conversationId, body, createdAt: new Date().toISOString(), state: 'sending' };
    this.items.push(item);
    this.persist();
    return item;
  }

  /** Puts a failed message back in line; returns false when there is no such message. */
  retry(clientId: string): boolean {
    const item = this.items.find((i) => i.clientId === clientId);
    if (!item) return false;
    item.state = 'sending';
    delete item.error;
    delete item.delayed;
    delete item.oddFailures;
    this.persist();
    return true;
  }

  /** Gives messages typed before any conversation existed (conversationId '') their conversation. */
  bindUnassigned(conversationId: string): boolean {
    const loose = this.items.filter((i) => i.conversationId === '');
    for (const item of loose) item.conversationId = conversationId;
    if (loose.length > 0) this.persist();
    return loose.length > 0;
  }

  /** Drops what belongs to conversations that can no longer take messages. */
  discard(predicate: (item: OutboxItem) => boolean): void {
    const before = this.items.length;
    this.items = this.items.filter((i) => !predicate(i));
    if (this.items.length !== before) this.persist();
  }

  /**
   * Sends every pending item in order until one cannot go through now. Transient failures keep the
   * item pending and schedule another attempt with backoff; final ones mark it failed and move on.
   */
  async flush(send: Sender, canSend: () => boolean): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    this.clearRetry();
    try {
      for (;;) {
        if (!canSend()) return;
        const item = this.items.find((i) => i.state === 'sending');
        if (!item) {
          this.retryDelayMs = 1000;
          return;
        }
        const slow = setTimeout(() => {
          if (item.state === 'sending' && !item.delayed) {
            item.delayed = true;
            this.onChange();
          }
        }, DELAY_NOTICE_MS);
        let ack: Ack<Message>;
        try {
          ack = await send({ conversationId: item.conversationId, clientId: item.clientId, body: item.body });
        } finally {
          clearTimeout(slow);
        }
        if (ack.ok) {
          this.delivered.add(item.clientId);
          this.items = this.items.filter((i) => i.clientId !== item.clientId);
          this.persist();
          this.onChange(ack.data);
        } else if (isFinal(ack.error) || (!isConnectionProblem(ack.error) && (item.oddFailures ?? 0) + 1 >= MAX_ODD_FAILURES)) {
          item.state = 'failed';
          item.error = ack.error;
          delete item.delayed;
          delete item.oddFailures;
          this.persist();
        } else {
          if (!isConnectionProblem(ack.error)) item.oddFailures = (item.oddFailures ?? 0) + 1;
          item.delayed = true;
          item.error = ack.error;
          this.persist();
          this.scheduleRetry(send, canSend, ack.error.retryAfterMs);
          return;
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  dispose(): void {
    this.clearRetry();
  }

  private scheduleRetry(send: Sender, canSend: () => boolean, hintMs?: number): void {
    const delay = Math.max(hintMs ?? 0, this.retryDelayMs);
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, 15000);
    this.retryTimer = setTimeout(() => void this.flush(send, canSend), delay);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /**
   * Two tabs of one visitor share this storage key. Writing only our own list would erase the other
   * tab's unsent messages (lost if that tab then closes), so merge: keep what storage holds that we
   * neither hold nor delivered. A message may then be sent by both tabs; the server's clientId
   * idempotency stores it once.
   */
  private persist(): void {
    const mine = new Set(this.items.map((i) => i.clientId));
    const others = (readJson<OutboxItem[]>(this.store, this.storageKey) ?? []).filter(
      (i) => i && typeof i.clientId === 'string' && !mine.has(i.clientId) && !this.delivered.has(i.clientId),
    );
    const merged = [...others, ...this.items];
    if (merged.length === 0) this.store.removeItem(this.storageKey);
    else this.store.setItem(this.storageKey, JSON.stringify(merged));
    this.onChange();
  }
}
