/**
 * Retention (issue 11): what is old enough to delete, counted (the dry run) or deleted in bounded
 * batches (the job, retention/jobs.ts). One definition of "old enough" serves both, so a preview taken
 * at the same moment counts exactly what a run deletes.
 *
 * - A chat goes when it is closed and both its closing and its last change are older than the chat
 *   period; with it go its messages, bot feedback and report facts (cascades). Tickets made from it and
 *   survey answers about it stay (their link is cleared).
 * - A ticket goes when it is resolved or closed and its resolution, closing and last change are all
 *   older than the ticket period; with it go its thread entries, history, private links and attachment
 *   files (cascades: files are stored in the `files` table, so deleting the row deletes the bytes), and
 *   the mails about it in the outbox (no foreign key there, so deleted here).
 *
 * Periods are calendar months back from the run's start (UTC), fixed for the whole run.
 *
 * What it does to reports (retention.test.ts checks the first three):
 * - Stored monthly reports (`monthly_reports`, the 沟通效率月度报告 and its CSV) never change: they are
 *   figures computed once and kept.
 * - CSAT and NPS answers stay counted: the invitation keeps its copied department and agent and only
 *   loses its link to the deleted chat. An answer about a deleted *ticket* keeps its score but loses
 *   its channel (shown under no channel) and its internal/external split (counted as external).
 * - Live report figures (the Reports view, its CSVs) over periods that reach before a cut-off count
 *   only what is still kept: deleted chats drop out of volume, response times, queue wait, chat SLA and
 *   bot containment (with their bot feedback); deleted tickets out of volume, ticket response and
 *   resolution times and SLA. Periods after the cut-offs are unchanged. With the defaults (chats 6
 *   months, tickets 24) the Reports view's longest preset (last 12 months) loses its older chats.
 * - Help-center votes and knowledge-base gaps are not deleted (a gap's example chat link is cleared).
 */
import { and, asc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { RetentionCounts } from '@parley/protocol';
import type { Executor } from '../db/client.js';
import { conversations, files, mailOutbox, messages, ticketEntries, ticketHistory, tickets } from '../db/schema.js';
import { rowsOf } from '../conversations/views.js';

export const DAILY_JOB = 'retention.daily';
export const BATCH_JOB = 'retention.batch';

export const DEFAULT_CHAT_MONTHS = 6;
export const DEFAULT_TICKET_MONTHS = 24;
export const MIN_MONTHS = 1;
export const MAX_MONTHS = 120;
/**
 * Chats plus tickets deleted per transaction: on PGlite one transaction holds every other query up.
 * Measured on in-memory PGlite: 500 chats of 10 messages took 0.55-0.65 s to delete, so a batch also
 * stops at MAX_MESSAGES_PER_BATCH messages (long chats make smaller batches).
 */
export const BATCH_SIZE = 500;
export const MAX_MESSAGES_PER_BATCH = 5_000;

export const zeroCounts = (): RetentionCounts => ({ conversations: 0, messages: 0, tickets: 0, ticketEntries: 0, ticketHistory: 0, files: 0, fileBytes: 0, emails: 0 });

export function addCounts(a: RetentionCounts, b: RetentionCounts): RetentionCounts {
  const out = zeroCounts();
  for (const k of Object.keys(out) as Array<keyof RetentionCounts>) out[k] = (a[k] ?? 0) + (b[k] ?? 0);
  return out;
}

/** `months` calendar months before `now` (UTC); the 31st of a month that lacks it clamps to its end. */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export interface Cutoffs {
  chat: Date;
  ticket: Date;
}

export const cutoffsOf = (now: Date, chatMonths: number, ticketMonths: number): Cutoffs => ({ chat: monthsBefore(now, chatMonths), ticket: monthsBefore(now, ticketMonths) });

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;

function oldChats(siteId: string, cutoff: Date): SQL {
  return and(eq(conversations.siteId, siteId), eq(conversations.status, 'closed'), sql`${conversations.closedAt} < ${iso(cutoff)}`, lt(conversations.updatedAt, cutoff))!;
}

function oldTickets(siteId: string, cutoff: Date): SQL {
  return and(
    eq(tickets.siteId, siteId),
    inArray(tickets.status, ['resolved', 'closed']),
    or(sql`${tickets.closedAt} is not null`, sql`${tickets.resolvedAt} is not null`),
    sql`coalesce(${tickets.closedAt}, ${tickets.resolvedAt}) < ${iso(cutoff)}`,
    sql`coalesce(${tickets.resolvedAt}, ${tickets.closedAt}) < ${iso(cutoff)}`,
    lt(tickets.updatedAt, cutoff),
  )!;
}

const num = (v: unknown) => Number(v ?? 0);

/** What deleting these chats takes with them. */
async function chatCounts(db: Executor, ids: SQL): Promise<Pick<RetentionCounts, 'conversations' | 'messages'>> {
  const [r] = rowsOf<{ c: number; m: number }>(
    await db.execute(sql`select (select count(*) from conversations where id in (${ids}))::int as c, (select count(*) from messages where conversation_id in (${ids}))::int as m`),
  );
  return { conversations: num(r?.c), messages: num(r?.m) };
}

/** What deleting these tickets takes with them. */
async function ticketCounts(db: Executor, ids: SQL): Promise<Omit<RetentionCounts, 'conversations' | 'messages'>> {
  const [r] = rowsOf<{ t: number; e: number; h: number; f: number; b: number; m: number }>(
    await db.execute(sql`select
      (select count(*) from tickets where id in (${ids}))::int as t,
      (select count(*) from ticket_entries where ticket_id in (${ids}))::int as e,
      (select count(*) from ticket_history where ticket_id in (${ids}))::int as h,
      (select count(*) from files where ticket_id in (${ids}))::int as f,
      (select coalesce(sum(size), 0) from files where ticket_id in (${ids}))::float8 as b,
      (select count(*) from mail_outbox where ticket_id in (${ids}))::int as m`),
  );
  return { tickets: num(r?.t), ticketEntries: num(r?.e), ticketHistory: num(r?.h), files: num(r?.f), fileBytes: num(r?.b), emails: num(r?.m) };
}

/** The dry run: everything a run started now would delete. */
export async function countExpired(db: Executor, siteId: string, cutoffs: Cutoffs): Promise<RetentionCounts> {
  const chatIds = sql`select id from conversations where ${oldChats(siteId, cutoffs.chat)}`;
  const ticketIds = sql`select id from tickets where ${oldTickets(siteId, cutoffs.ticket)}`;
  return { ...(await chatCounts(db, chatIds)), ...(await ticketCounts(db, ticketIds)) };
}

/**
 * Deletes at most `limit` chats and tickets (chats first, oldest first), and chats of at most
 * `maxMessages` messages in all (at least one chat), and returns what went; `more` is false once nothing
 * old is left. Rows are locked as they are picked, skipping any a live transaction holds (a chat being
 * reopened): those wait for tomorrow's run.
 */
export async function deleteExpiredBatch(
  tx: Executor,
  siteId: string,
  cutoffs: Cutoffs,
  limit: number,
  maxMessages = MAX_MESSAGES_PER_BATCH,
): Promise<{ counts: RetentionCounts; units: number; more: boolean }> {
  const picked = await tx
    .select({ id: conversations.id, messages: conversations.lastSeq })
    .from(conversations)
    .where(oldChats(siteId, cutoffs.chat))
    .orderBy(asc(conversations.closedAt), asc(conversations.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  // `last_seq` is the chat's message count (seqs are gap-free): a budget without counting first.
  let budget = maxMessages;
  const chatRows = picked.filter((r, i) => {
    budget -= r.messages;
    return i === 0 || budget >= 0;
  });
  let counts = zeroCounts();
  if (chatRows.length) {
    const ids = chatRows.map((r) => r.id);
    const list = sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    counts = { ...counts, ...(await chatCounts(tx, list)) };
    // Messages first, in one statement: the cascade from conversations would do the same row by row.
    await tx.delete(messages).where(inArray(messages.conversationId, ids));
    await tx.delete(conversations).where(inArray(conversations.id, ids));
  }
  const room = limit - chatRows.length;
  if (room <= 0 || chatRows.length < picked.length) return { counts, units: chatRows.length, more: true };
  const ticketRows = await tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(oldTickets(siteId, cutoffs.ticket))
    .orderBy(asc(tickets.updatedAt), asc(tickets.id))
    .limit(room)
    .for('update', { skipLocked: true });
  if (ticketRows.length) {
    const ids = ticketRows.map((r) => r.id);
    const list = sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    counts = { ...counts, ...(await ticketCounts(tx, list)) };
    await tx.delete(mailOutbox).where(inArray(mailOutbox.ticketId, ids));
    await tx.delete(files).where(inArray(files.ticketId, ids));
    await tx.delete(ticketEntries).where(inArray(ticketEntries.ticketId, ids));
    await tx.delete(ticketHistory).where(inArray(ticketHistory.ticketId, ids));
    await tx.delete(tickets).where(inArray(tickets.id, ids));
  }
  const units = chatRows.length + ticketRows.length;
  return { counts, units, more: units === limit };
}
