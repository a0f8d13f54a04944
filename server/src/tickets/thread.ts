/** Writing to a ticket's thread and history, and reading them back as DTOs. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { TicketEntry, TicketHistoryItem } from '@parley/protocol';
import type { Executor } from '../db/client.js';
import { filesOfEntries } from '../files/service.js';
import { ticketEntries, ticketHistory } from './schema.js';

export interface Actor {
  kind: 'agent' | 'customer' | 'system';
  id: string | null;
  /** Null for an anonymous employee: not even their chosen name is kept. */
  name: string | null;
}

export const SYSTEM: Actor = { kind: 'system', id: null, name: null };

export async function recordHistory(tx: Executor, ticketId: string, actor: Actor, action: string, change: { from?: string | null; to?: string | null } = {}, at?: Date): Promise<void> {
  await tx.insert(ticketHistory).values({
    ticketId,
    actor: actor.kind,
    actorId: actor.id,
    actorName: actor.name,
    action,
    from: change.from ?? null,
    to: change.to ?? null,
    ...(at ? { createdAt: at } : {}),
  });
}

export async function addEntry(
  tx: Executor,
  ticketId: string,
  entry: { kind: TicketEntry['kind']; author: Actor; body: string; via: TicketEntry['via']; emailMessageId?: string | null },
  at: Date,
): Promise<string> {
  const [row] = await tx
    .insert(ticketEntries)
    .values({
      ticketId,
      kind: entry.kind,
      author: entry.author.kind,
      authorId: entry.author.id,
      authorName: entry.author.name,
      body: entry.body,
      via: entry.via,
      emailMessageId: entry.emailMessageId ?? null,
      createdAt: at,
    })
    .returning({ id: ticketEntries.id });
  return row!.id;
}

/** The thread in order, with each entry's files; `publicOnly` leaves internal notes out (the customer's view). */
export async function readThread(db: Executor, ticketId: string, opts: { publicOnly: boolean }): Promise<TicketEntry[]> {
  const rows = await db.select().from(ticketEntries).where(eq(ticketEntries.ticketId, ticketId)).orderBy(asc(ticketEntries.createdAt), asc(ticketEntries.seq));
  const visible = opts.publicOnly ? rows.filter((r) => r.kind === 'public') : rows;
  const files = await filesOfEntries(db, visible.map((r) => r.id));
  return visible.map((r) => ({
    id: r.id,
    kind: r.kind,
    author: r.author,
    authorName: r.authorName,
    body: r.body,
    via: r.via,
    files: files.get(r.id) ?? [],
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function readHistory(db: Executor, ticketIds: string | string[]): Promise<TicketHistoryItem[]> {
  const ids = Array.isArray(ticketIds) ? ticketIds : [ticketIds];
  if (ids.length === 0) return [];
  const rows = await db.select().from(ticketHistory).where(inArray(ticketHistory.ticketId, ids)).orderBy(asc(ticketHistory.createdAt), asc(ticketHistory.seq));
  return rows.map((r) => ({ id: r.id, actor: r.actor, actorName: r.actorName, action: r.action, from: r.from, to: r.to, createdAt: r.createdAt.toISOString() }));
}
