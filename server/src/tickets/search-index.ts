/**
 * Per-site ticket search indexes, kept in memory on the AppContext: the help center's engine
 * (kb/search, KbIndex) over one document per ticket, so agents get the same typo, prefix, 简/繁,
 * bigram and stem handling as the help center. A ticket's document: title = number and subject,
 * keywords = the contact's name and email, body = the start of its thread (public replies and
 * internal notes), under the ticket's locale.
 *
 * Freshness across processes, without serialising ticket writes. Every insert and update of a ticket
 * row stamps it with the id of the transaction that wrote it (`tickets.search_xid`: a column default
 * and drizzle's `$onUpdate`, so no writer has to remember it); a thread entry is always written with
 * an update of its ticket (`updatedAt`), so it restamps the ticket too. Transaction ids are handed out
 * in order but commit in any order, so "stamps above the last one seen" would miss a slow transaction
 * that committed late with a lower id. Instead each refresh reads, in one statement (one snapshot),
 * that snapshot's xmin (every transaction below it had finished when the snapshot was taken, and a
 * transaction still running then gets an id at or above it) together with the id and stamp of every
 * ticket stamped at or above the previous refresh's xmin. Everything committed with a lower id was
 * seen by an earlier refresh, so nothing is skipped; what is still in flight is read again next time
 * (the overlap costs one index range read of ids and stamps, and only tickets whose stamp differs
 * from the one indexed are fetched and re-analysed). A search waits for a refresh that began after it
 * was asked, so a change committed on any process is found by the very next search on every process.
 * The alternative, a per-site revision row bumped in each write (kb/revision.ts), would make every
 * reply of a site queue behind that row's lock for the rest of its transaction (mail, files, SLA jobs).
 *
 * Tickets are never deleted one by one (only with their site). A deleted ticket could never come
 * back from a search anyway: the inbox re-reads every hit from the table under the agent's access
 * rules, and one that is gone drops out there.
 *
 * Memory: a ticket contributes its subject, contact and at most THREAD_CHARS characters of thread
 * (each entry at most ENTRY_CHARS, so the opening message cannot crowd out the replies); the engine
 * keeps that text plain and folded, so a ticket costs at most ~25 kB plus its postings.
 */
import { inArray, sql } from 'drizzle-orm';
import { SUPPORTED_LOCALES } from '@parley/protocol';
import type { Locale } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { rowsOf } from '../conversations/views.js';
import { KbIndex } from '../kb/search/index.js';
import type { IndexedArticle } from '../kb/search/index.js';
import { ticketEntries, tickets } from './schema.js';

const THREAD_CHARS = 6_000;
const ENTRY_CHARS = 2_000;
/** Entries read per ticket at most: past this many, THREAD_CHARS is used up anyway. */
const MAX_ENTRIES = 20;
/**
 * Tickets fetched and indexed between two yields to the event loop: analysis costs ~1-2 ms a
 * document (jieba, folding, stemming), so building 20,000 tickets in one go would stall every socket
 * of this process for many seconds.
 */
const SLICE = 100;

interface SiteTickets {
  index: KbIndex;
  /** Ticket id -> the stamp of the row its document was built from. */
  stamps: Map<string, number>;
  /** Every transaction below it had finished when this index last read the table. */
  horizon: number;
  /** The `asked` tick of the refresh that brought it up to date (see `current`). */
  readFrom: number;
}

export interface TicketIndexCache {
  indexes: Map<string, SiteTickets>;
  /** One build or refresh at a time per site; concurrent searches wait for it. */
  pending: Map<string, Promise<SiteTickets>>;
  /** Counts searches and refreshes in the order they start. */
  tick: number;
}

export function createTicketIndexCache(): TicketIndexCache {
  return { indexes: new Map(), pending: new Map(), tick: 0 };
}

const entryTicket = sql.raw('"ticket_id"');

/** The documents of some tickets, with the stamp each was read at; missing ids are tickets that are gone. */
async function documents(ctx: AppContext, ids: string[]): Promise<Array<{ doc: IndexedArticle; stamp: number }>> {
  const rows = await ctx.db
    .select({ id: tickets.id, number: tickets.number, subject: tickets.subject, locale: tickets.locale, contactName: tickets.contactName, contactEmail: tickets.contactEmail, stamp: tickets.searchXid })
    .from(tickets)
    .where(inArray(tickets.id, ids));
  // Read after the ticket rows: an entry added in between restamps its ticket, which is then read again.
  const entries = rowsOf<{ ticket_id: string; body: string }>(
    await ctx.db.execute(sql`
      select ${entryTicket}, body from (
        select ${ticketEntries.ticketId}, left(${ticketEntries.body}, ${ENTRY_CHARS}) as body,
          row_number() over (partition by ${ticketEntries.ticketId} order by ${ticketEntries.createdAt}, ${ticketEntries.seq}) as n
        from ${ticketEntries} where ${inArray(ticketEntries.ticketId, ids)}
      ) e where n <= ${MAX_ENTRIES} order by ${entryTicket}, n`),
  );
  const threads = new Map<string, string[]>();
  for (const e of entries) {
    const parts = threads.get(e.ticket_id) ?? [];
    threads.set(e.ticket_id, parts);
    const used = parts.reduce((sum, p) => sum + p.length + 2, 0);
    if (used < THREAD_CHARS) parts.push(e.body.slice(0, THREAD_CHARS - used));
  }
  return rows.map((r) => ({
    stamp: Number(r.stamp),
    doc: {
      id: r.id,
      groupId: r.id,
      locale: (SUPPORTED_LOCALES as readonly string[]).includes(r.locale) ? r.locale : 'en',
      title: `${r.number} ${r.subject}`,
      body: (threads.get(r.id) ?? []).join('\n\n'),
      keywords: [r.contactName, r.contactEmail].filter((k): k is string => !!k),
    },
  }));
}

/** The snapshot's xmin and the tickets of the site stamped at or above `since`, read in one snapshot. */
async function changedSince(ctx: AppContext, siteId: string, since: number): Promise<{ xmin: number; changed: Array<{ id: string; stamp: number }> }> {
  const rows = rowsOf<{ xmin: string; id: string | null; stamp: string | null }>(
    await ctx.db.execute(sql`
      select s.xmin, t.id, t.search_xid::text as stamp
      from (select pg_snapshot_xmin(pg_current_snapshot())::text as xmin) s
      left join ${tickets} t on t.site_id = ${siteId} and t.search_xid >= ${since}`),
  );
  return { xmin: Number(rows[0]!.xmin), changed: rows.filter((r) => r.id !== null).map((r) => ({ id: r.id!, stamp: Number(r.stamp) })) };
}

async function refresh(ctx: AppContext, siteId: string, entry: SiteTickets | undefined, readFrom: number): Promise<SiteTickets> {
  const site = entry ?? { index: new KbIndex(), stamps: new Map(), horizon: 0, readFrom: 0 };
  const { xmin, changed } = await changedSince(ctx, siteId, site.horizon);
  const todo = changed.filter((c) => site.stamps.get(c.id) !== c.stamp).map((c) => c.id);
  for (let i = 0; i < todo.length; i += SLICE) {
    if (i > 0) await new Promise<void>((resume) => setImmediate(resume));
    const ids = todo.slice(i, i + SLICE);
    const docs = await documents(ctx, ids);
    // Synchronous from here: a search never sees a ticket half replaced.
    for (const { doc, stamp } of docs) {
      site.index.add(doc);
      site.stamps.set(doc.id, stamp);
    }
    const found = new Set(docs.map((d) => d.doc.id));
    for (const id of ids)
      if (!found.has(id) && site.stamps.delete(id)) site.index.remove(id);
  }
  site.horizon = Math.max(site.horizon, xmin);
  site.readFrom = readFrom;
  return site;
}

/** The site's index, with every ticket change committed before this was called. */
async function current(ctx: AppContext, siteId: string): Promise<SiteTickets> {
  const cache = ctx.state.ticketIndexes;
  const asked = ++cache.tick;
  for (;;) {
    const entry = cache.indexes.get(siteId);
    if (entry && entry.readFrom > asked) return entry;
    let job = cache.pending.get(siteId);
    if (!job) {
      job = refresh(ctx, siteId, entry, ++cache.tick)
        .then((fresh) => {
          cache.indexes.set(siteId, fresh);
          return fresh;
        })
        .finally(() => cache.pending.delete(siteId));
      cache.pending.set(siteId, job);
    }
    // A refresh that began before this search was asked may have missed a change: the loop starts another.
    await job;
  }
}

/**
 * Every ticket of the site that matches each word of `query` in some form (a typo, a prefix, a stem,
 * a synonym, the other script), best first; the caller applies access rules and views. The help
 * center ranks partial matches too (a question is answered by the article that covers most of it);
 * an inbox search is a filter, where one more word must narrow the list, not widen it.
 */
export async function rankTickets(ctx: AppContext, siteId: string, query: string): Promise<Array<{ id: string; score: number }>> {
  const site = await current(ctx, siteId);
  return site.index
    .rankGroups(query, { locales: [...SUPPORTED_LOCALES] })
    .filter((g) => g.missing === 0)
    .map((g) => ({ id: g.groupId, score: g.score }));
}
