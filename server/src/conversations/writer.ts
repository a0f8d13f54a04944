import { inArray, sql } from 'drizzle-orm';
import type { AuthorKind, ConversationStatus, MessageMeta } from '@parley/protocol';
import type { Db, Executor } from '../db/client.js';
import { drizzleLine } from '../db/prepared.js';
import type { BatchTx, TransactionLine } from '../db/prepared.js';
import { messages } from '../db/schema.js';
import { AppError, DeadlineExceeded, deadline, isDatabaseUnavailable } from '../lib/errors.js';
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
  async function settle(batch: Pending[], result: Outcome[] | { error: unknown }): Promise<void> {
    if (!Array.isArray(result)) {
      const { error } = result;
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

/** A PostgreSQL array literal of uuids: one parameter however long the batch (a bad value fails the cast). */
const uuidArray = (values: string[]) => `{${values.join(',')}}`;

/**
 * The whole batch in one transaction of two round trips between BEGIN and COMMIT: lock the
 * conversations and find retries (pipelined), then hand out seqs and write one statement that inserts
 * every row and moves every last_seq. Each statement is prepared once per connection (db/prepared.ts).
 * Refusals (missing, closed) are outcomes, not throws, so
 * they do not take the rest of the batch down with them. Statements are hand-written with a few
 * array/JSON parameters: drizzle's builder spends ~0.1 ms of CPU per inserted row, which at batch
 * sizes of hundreds costs more than the database does.
 */
export async function writeBatch(t: BatchTx, requests: WriteRequest[], now: Date, inBatch?: InBatchHook): Promise<Outcome[]> {
  const rows = t.rows;
  const ids = [...new Set(requests.map((r) => r.conversationId))];
  const pairs = requests.filter((r) => r.message.clientId);
  // Sent together, answered in order: the lookup of retries runs after the lock is held, so a copy
  // committed by another process meanwhile is seen, and the two cost one round trip instead of two.
  const [convs, hits] = await Promise.all([
    // Locked in id order: two processes writing overlapping sets of conversations wait for each other
    // instead of deadlocking. Holding the lock until commit is what makes seqs gap-free and ordered.
    rows<{ id: string; site_id: string; status: ConversationStatus; department_id: string | null; last_seq: number }>(
      sql`select id, site_id, status, department_id, last_seq from conversations where id = any(${uuidArray(ids)}::uuid[]) order by id for update`,
    ),
    pairs.length === 0
      ? []
      : rows<{ id: string }>(sql`
        select m.id from unnest(${uuidArray(pairs.map((r) => r.conversationId))}::uuid[], ${uuidArray(pairs.map((r) => r.message.clientId!))}::uuid[]) as r(c, k)
        -- LATERAL: one probe of the (conversation_id, client_id) index per request, never a scan of messages.
        cross join lateral (select id from messages where conversation_id = r.c and client_id = r.k) m`),
  ]);
  const byId = new Map(convs.map((c) => [c.id, c]));
  const stateOf = (id: string) => {
    const c = byId.get(id)!;
    return { status: c.status, departmentId: c.department_id };
  };

  // Retries are rare, so their full rows come through drizzle with its usual types.
  const stored = new Map<string, MessageRow>();
  if (hits.length > 0) {
    const found = await t.tx.select().from(messages).where(inArray(messages.id, hits.map((h) => h.id)));
    for (const row of found) stored.set(key(row.conversationId, row.clientId!), row);
  }

  const seqs = new Map(convs.map((c) => [c.id, c.last_seq]));
  const outcomes: Array<Outcome | { insert: number }> = [];
  const inserts: MessageRow[] = [];
  const batchKeys = new Map<string, number>();
  for (const r of requests) {
    const conv = byId.get(r.conversationId);
    if (!conv) {
      outcomes.push({ ok: false, error: new AppError('not_found', 'conversation not found') });
      continue;
    }
    const k = r.message.clientId ? key(r.conversationId, r.message.clientId) : null;
    if (k) {
      // Checked before `closed`: a retry of a message stored before the close still gets its row.
      const dup = stored.get(k);
      if (dup) {
        outcomes.push({ ok: true, result: { row: dup, duplicate: true, conversation: stateOf(conv.id) } });
        continue;
      }
      const earlier = batchKeys.get(k);
      if (earlier !== undefined) {
        outcomes.push({ insert: -1 - earlier });
        continue;
      }
    }
    if (conv.status === 'closed' && !r.allowClosed) {
      outcomes.push({ ok: false, error: new AppError('closed', 'the conversation is closed; start a new one') });
      continue;
    }
    const seq = seqs.get(conv.id)! + 1;
    seqs.set(conv.id, seq);
    const m = r.message;
    // The id is filled in from RETURNING; everything else is known here, so the ack needs no re-read.
    inserts.push({ id: '', conversationId: conv.id, seq, clientId: m.clientId ?? null, author: m.author, authorId: m.authorId ?? null, authorName: m.authorName, body: m.body, meta: m.meta ?? null, createdAt: now });
    if (k) batchKeys.set(k, inserts.length - 1);
    outcomes.push({ insert: inserts.length - 1 });
  }

  if (inserts.length > 0) {
    const payload = JSON.stringify(
      inserts.map((m) => ({ c: m.conversationId, s: m.seq, k: m.clientId, a: m.author, ai: m.authorId, an: m.authorName, b: m.body, m: m.meta })),
    );
    const touched = convs.filter((c) => seqs.get(c.id)! !== c.last_seq);
    const siteIds = [...new Set(inserts.map((row) => byId.get(row.conversationId)!.site_id))];
    const hook = inBatch?.mayWrite(siteIds) ? inBatch : undefined;
    // One statement for both writes (data-modifying CTEs all run, in the statement's one snapshot).
    // Without a hook to run it is the last: only the mapping of its RETURNING rows follows.
    const returned = await rows<{ id: string; conversation_id: string; seq: number; author_name: string | null }>(sql`
      with bumped as (
        update conversations set last_seq = v.seq, updated_at = ${now.toISOString()}::timestamptz
        from unnest(${uuidArray(touched.map((c) => c.id))}::uuid[], ${`{${touched.map((c) => seqs.get(c.id)!).join(',')}}`}::int[]) as v(id, seq)
        where conversations.id = v.id
      )
      insert into messages (conversation_id, seq, client_id, author, author_id, author_name, body, meta, created_at)
      select x.c, x.s, x.k, x.a, x.ai,
        -- A visitor's display name is read here rather than by each send: one query less per message.
        coalesce(x.an, case when x.a = 'visitor' then (select v.name from visitors v where v.id = x.ai) end),
        x.b, x.m, ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${payload}::jsonb) as x(c uuid, s int, k uuid, a text, ai uuid, an text, b text, m jsonb)
      returning id, conversation_id, seq, author_name`,
      { last: !hook },
    );
    // RETURNING order is not promised by SQL: match rows by their (conversation, seq).
    const byKey = new Map(returned.map((row) => [`${row.conversation_id}#${row.seq}`, row]));
    for (const ins of inserts) {
      const row = byKey.get(`${ins.conversationId}#${ins.seq}`)!;
      ins.id = row.id;
      ins.authorName = row.author_name;
    }
    if (hook) await hook.run(t.tx, inserts.map((row) => ({ siteId: byId.get(row.conversationId)!.site_id, row })));
  }

  return outcomes.map((o) => {
    if (!('insert' in o)) return o;
    // A negative index marks a duplicate of a row inserted earlier in this batch.
    const row = inserts[o.insert >= 0 ? o.insert : -1 - o.insert]!;
    return { ok: true, result: { row, duplicate: o.insert < 0, conversation: stateOf(row.conversationId) } };
  });
}
