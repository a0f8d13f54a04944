import type { AuthorKind, ConversationStatus, MessageMeta } from '@parley/protocol';
import type { Db, Executor } from '../db/client.js';
import { drizzleLine } from '../db/prepared.js';
import type { BatchTx, TransactionLine } from '../db/prepared.js';
import { AppError, DeadlineExceeded, deadline, isDatabaseUnavailable, isUniqueViolation } from '../lib/errors.js';
import type { MessageRow } from './views.js';

export interface NewMessage {
  author: AuthorKind;
  authorId?: string | null;
  /** For a visitor, null means "the visitor's current name" (authorId is the visitor id). */
  authorName: string | null;
  body: string;
  meta?: MessageMeta | null;
  clientId?: string | null;
}

export interface WriteRequest {
  conversationId: string;
  /**
   * The conversation's site, which the caller has at hand: it says before the batch goes out whether a
   * webhook hook must run in its transaction. Checked against the row; a mismatch is `not_found`.
   */
  siteId: string;
  message: NewMessage;
  /** The closing system message itself is written into a closed conversation. */
  allowClosed?: boolean;
}

export interface WriteResult {
  row: MessageRow;
  /** A retry of a clientId already stored (earlier, or earlier in the same batch): nothing was written. */
  duplicate: boolean;
  /** The conversation as it stood under the batch's row lock, so callers need not read it again. */
  conversation: { status: ConversationStatus; departmentId: string | null };
}

export interface WriterStats {
  batches: number;
  messages: number;
  largestBatch: number;
}

export interface MessageWriter {
  /** Resolves only after the row is committed; rejects with AppError (not_found, closed) or the database error. */
  write(request: WriteRequest): Promise<WriteResult>;
  /** Resolves once everything queued so far has been committed or failed. */
  drain(): Promise<void>;
  /** Drains, then closes the writer's own connection (if it has one). */
  close(): Promise<void>;
  readonly stats: WriterStats;
}

export interface WriterOptions {
  db: Db;
  /** Where batches run; drizzle's transactions on `db` when not given (see db/prepared.ts). */
  line?: TransactionLine;
  clock: () => Date;
  /** Upper bound on one transaction: keeps each commit, and so each ack, short under a flood. */
  maxBatch?: number;
  /** A batch not committed by then fails with `unavailable` and the writer moves on. */
  batchTimeoutMs?: number;
  /** Runs inside each batch's transaction with the new rows, so what it writes commits with them (webhooks). */
  inBatch?: InBatchHook;
}

export interface InBatchHook {
  /**
   * False when `run` is known to write nothing for batches of these sites: the insert is then the
   * batch's last statement, and COMMIT goes out right behind it (one round trip less).
   */
  mayWrite(siteIds: string[]): boolean;
  run(tx: Executor, written: Array<{ siteId: string; row: MessageRow }>): Promise<void>;
}

interface Pending {
  request: WriteRequest;
  resolve(result: WriteResult): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; result: WriteResult } | { ok: false; error: unknown };

export const DEFAULT_MAX_BATCH = 500;
/** A healthy commit takes milliseconds; this only bounds a commit stuck on a dead connection. */
export const DEFAULT_BATCH_TIMEOUT_MS = 5000;

/**
 * Group commit. One PostgreSQL commit costs about as much for one row as for a hundred, so messages
 * of every conversation queue up while one transaction is committing and the next transaction takes
 * all of them at once. There is no timer: a lone message starts its transaction at once, and a busy
 * server commits back to back with ever larger batches. One transaction at a time also fits
 * PGlite's single connection.
 */
export function createMessageWriter(opts: WriterOptions): MessageWriter {
  const maxBatch = opts.maxBatch ?? DEFAULT_MAX_BATCH;
  const batchTimeoutMs = opts.batchTimeoutMs ?? DEFAULT_BATCH_TIMEOUT_MS;
  const queue: Pending[] = [];
  const stats: WriterStats = { batches: 0, messages: 0, largestBatch: 0 };
  let running: Promise<void> | null = null;

  const line = opts.line ?? drizzleLine(opts.db);

  /** One batch's transaction; failures are returned, so a batch in flight never rejects unobserved. */
  function transact(batch: Pending[]): Promise<Outcome[] | { error: unknown }> {
    return deadline(
      line.run((t) => writeBatch(t, batch.map((p) => p.request), opts.clock(), opts.inBatch)),
      batchTimeoutMs,
      'the message commit',
    ).catch((error: unknown) => {
      // Stuck, not failed: the connection under it may never answer again.
      if (error instanceof DeadlineExceeded) line.abandon();
      return { error };
    });
  }

  /** Answers every request of a settled batch (callers broadcast in their continuations). */
  async function settle(batch: Pending[], result: Outcome[] | { error: unknown }, again = false): Promise<void> {
    if (!Array.isArray(result)) {
      const { error } = result;
      // A retry another process committed while this batch waited for its lock: the statement's
      // snapshot missed it and the insert hit the (conversation, clientId) key. It has committed by
      // now, so the same batch run again finds it and answers the retry with the stored row.
      if (!again && isUniqueViolation(error)) return settle(batch, await transact(batch), true);
      if (batch.length > 1 && !isDatabaseUnavailable(error)) {
        // Something tied to one request that validation did not foresee (a constraint, a bad value):
        // write them one by one, in order, so only the culprit fails and the rest still commit.
        for (const p of batch) await settle([p], await transact([p]));
        return;
      }
      // Nothing of the batch is written (one transaction), so every sender may safely retry.
      for (const p of batch) p.reject(error);
      return;
    }
    stats.batches++;
    stats.messages += batch.length;
    stats.largestBatch = Math.max(stats.largestBatch, batch.length);
    // In request order: callers broadcast in their continuations, so listeners see seq order.
    batch.forEach((p, i) => {
      const o = result[i]!;
      if (o.ok) p.resolve(o.result);
      else p.reject(o.error);
    });
  }

  async function pump(): Promise<void> {
    try {
      // One turn of the event loop first: sends that arrived in the same I/O callback share a batch.
      await new Promise((r) => setImmediate(r));
      let batch = queue.splice(0, maxBatch);
      let inFlight = batch.length > 0 ? transact(batch) : null;
      while (inFlight) {
        const result = await inFlight;
        // On PostgreSQL the next batch's transaction starts before this one's acks and broadcasts
        // run, so the database begins on it while this process encodes and writes the fan-out (on
        // PGlite it would run first, on this thread, and only delay the acks). Still one transaction
        // at a time, and batches settle in order. After a failed batch the next waits: its requests
        // are retried one by one first.
        let next = Array.isArray(result) && line.overlaps ? queue.splice(0, maxBatch) : [];
        let nextInFlight = next.length > 0 ? transact(next) : null;
        await settle(batch, result);
        if (!nextInFlight) {
          next = queue.splice(0, maxBatch);
          nextInFlight = next.length > 0 ? transact(next) : null;
        }
        batch = next;
        inFlight = nextInFlight;
      }
    } finally {
      // Cleared in the same synchronous step as the empty-queue check: a write() that lands
      // between the two would otherwise wait for a pump that has already finished.
      running = null;
    }
  }

  return {
    stats,
    write(request) {
      return new Promise<WriteResult>((resolve, reject) => {
        queue.push({ request, resolve, reject });
        running ??= pump();
      });
    },
    async drain() {
      while (running) await running;
    },
    async close() {
      while (running) await running;
      await line.close();
    },
  };
}

const key = (conversationId: string, clientId: string) => `${conversationId}/${clientId}`;

/**
 * The whole batch as one statement, so on PostgreSQL it is one round trip and, without a hook that
 * writes, its own transaction. `$1`: the requests as a JSON array (one parameter however long the
 * batch), `$2`: their conversation ids, `$3`: the time. One row comes back per request, in no promised
 * order (`i` says which): its conversation as locked (`site_id` null: missing, or not of that site),
 * the stored row of a retry (`stored`), or the new row's id and seq; none of them means closed.
 *
 * - The conversations are locked in id order, so two processes writing overlapping sets wait for each
 *   other instead of deadlocking, and PostgreSQL re-reads a row it had to wait for: `last_seq` is the
 *   newest. Holding the lock until commit is what makes seqs gap-free and ordered.
 * - Each request's seq is its conversation's `last_seq` plus its rank among that conversation's
 *   accepted requests, in request order.
 * - The retry lookup reads the statement's snapshot, taken before the lock. A retry committed by
 *   another process in between is not seen, and its insert then fails on the (conversation_id,
 *   client_id) key: the writer runs the batch again, and the new statement sees it (`settle`).
 * - A visitor's display name is read here rather than by each send: one query less per message.
 */
const WRITE_BATCH = `
with r as materialized (
  select * from jsonb_to_recordset($1::jsonb) as r(i int, c uuid, s uuid, k uuid, a text, ai uuid, an text, b text, m jsonb, x boolean)
),
c as (
  select id, site_id, status, department_id, last_seq from conversations where id = any($2::uuid[]) order by id for update
),
d as (
  -- One probe of the (conversation_id, client_id) index per request, never a scan of messages: the
  -- LIMIT keeps the planner from flattening the LATERAL into a hash join over the whole table.
  select r.i, to_jsonb(prior) as stored from r cross join lateral (select * from messages where conversation_id = r.c and client_id = r.k limit 1) prior
),
n as (
  select r.*, c.last_seq + row_number() over (partition by r.c order by r.i) as seq
  from r join c on c.id = r.c and c.site_id = r.s
  where (c.status <> 'closed' or r.x) and not exists (select 1 from d where d.i = r.i)
),
bumped as (
  update conversations set last_seq = v.seq, updated_at = $3::timestamptz
  from (select n.c, max(n.seq) as seq from n group by n.c) v where conversations.id = v.c
),
ins as (
  insert into messages (conversation_id, seq, client_id, author, author_id, author_name, body, meta, created_at)
  select n.c, n.seq, n.k, n.a, n.ai, coalesce(n.an, case when n.a = 'visitor' then (select v.name from visitors v where v.id = n.ai) end), n.b, n.m, $3::timestamptz
  from n
  returning id, conversation_id, seq, author_name
)
select r.i, c.site_id, c.status, c.department_id, d.stored, ins.id, ins.seq, ins.author_name
from r
left join c on c.id = r.c and c.site_id = r.s
left join d on d.i = r.i
left join n on n.i = r.i
left join ins on ins.conversation_id = n.c and ins.seq = n.seq`;

interface BatchRow {
  i: number;
  site_id: string | null;
  status: ConversationStatus | null;
  department_id: string | null;
  /** A retry's stored row, as `to_jsonb` spells it. */
  stored: StoredJson | null;
  id: string | null;
  seq: number | null;
  author_name: string | null;
}

interface StoredJson {
  id: string;
  conversation_id: string;
  seq: number;
  client_id: string | null;
  author: AuthorKind;
  author_id: string | null;
  author_name: string | null;
  body: string;
  meta: MessageMeta | null;
  created_at: string;
}

const fromStored = (j: StoredJson): MessageRow => ({
  id: j.id,
  conversationId: j.conversation_id,
  seq: j.seq,
  clientId: j.client_id,
  author: j.author,
  authorId: j.author_id,
  authorName: j.author_name,
  body: j.body,
  meta: j.meta,
  createdAt: new Date(j.created_at),
});

const NOT_FOUND = () => new AppError('not_found', 'conversation not found');
const CLOSED = () => new AppError('closed', 'the conversation is closed; start a new one');

/**
 * The batch in one statement (`WRITE_BATCH`), prepared once per connection (db/prepared.ts). Refusals
 * (missing, closed) are outcomes, not throws, so they do not take the rest of the batch down with them.
 * With a hook that writes (webhooks), the hook's statements follow in the same transaction.
 */
export async function writeBatch(t: BatchTx, requests: WriteRequest[], now: Date, inBatch?: InBatchHook): Promise<Outcome[]> {
  // A clientId sent twice in one batch (a retry that caught up with its original) is sent once; the
  // twin takes the original's outcome and burns no seq. `sentAs[j]`: the item request j became, or
  // -1 - item for a twin.
  const items: Array<{ i: number; c: string; s: string; k: string | null; a: AuthorKind; ai: string | null; an: string | null; b: string; m: MessageMeta | null; x: boolean }> = [];
  const sentAs: number[] = [];
  const firstOf = new Map<string, number>();
  const ids = new Set<string>();
  const siteIds = new Set<string>();
  for (const r of requests) {
    const m = r.message;
    const k = m.clientId ? key(r.conversationId, m.clientId) : null;
    const first = k === null ? undefined : firstOf.get(k);
    if (first !== undefined) {
      sentAs.push(-1 - first);
      continue;
    }
    if (k !== null) firstOf.set(k, items.length);
    sentAs.push(items.length);
    ids.add(r.conversationId);
    siteIds.add(r.siteId);
    items.push({ i: items.length, c: r.conversationId, s: r.siteId, k: m.clientId ?? null, a: m.author, ai: m.authorId ?? null, an: m.authorName, b: m.body, m: m.meta ?? null, x: r.allowClosed === true });
  }
  const hook = inBatch?.mayWrite([...siteIds]) ? inBatch : undefined;
  const result = await t.rows<BatchRow>(WRITE_BATCH, [JSON.stringify(items), `{${[...ids].join(',')}}`, now.toISOString()], { last: !hook });

  const outcomes: Outcome[] = new Array(items.length);
  for (const row of result) {
    const item = items[row.i]!;
    if (row.site_id === null) {
      outcomes[row.i] = { ok: false, error: NOT_FOUND() };
      continue;
    }
    const conversation = { status: row.status!, departmentId: row.department_id };
    if (row.stored) {
      // Checked before `closed`: a retry of a message stored before the close still gets its row.
      outcomes[row.i] = { ok: true, result: { row: fromStored(row.stored), duplicate: true, conversation } };
    } else if (row.id !== null) {
      // Everything but the id, the seq and a visitor's name is known here, so the ack needs no re-read.
      const stored: MessageRow = { id: row.id, conversationId: item.c, seq: row.seq!, clientId: item.k, author: item.a, authorId: item.ai, authorName: row.author_name, body: item.b, meta: item.m, createdAt: now };
      outcomes[row.i] = { ok: true, result: { row: stored, duplicate: false, conversation } };
    } else {
      outcomes[row.i] = { ok: false, error: CLOSED() };
    }
  }
  if (hook) {
    // In request order, which is seq order within each conversation.
    const written: Array<{ siteId: string; row: MessageRow }> = [];
    for (const item of items) {
      const o = outcomes[item.i]!;
      if (o.ok && !o.result.duplicate) written.push({ siteId: item.s, row: o.result.row });
    }
    if (written.length > 0) await hook.run(t.tx, written);
  }

  return sentAs.map((at) => {
    if (at >= 0) return outcomes[at]!;
    const o = outcomes[-1 - at]!;
    return o.ok ? { ok: true, result: { ...o.result, duplicate: true } } : o;
  });
}
