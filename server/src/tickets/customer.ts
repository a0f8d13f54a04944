/**
 * The customer's side: their ticket through the private link, their replies (from the page or by
 * email) and "this is solved". Internal notes and the team's own fields never leave this file.
 */
import { eq } from 'drizzle-orm';
import type { CustomerTicket } from '@parley/protocol';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/client.js';
import { storeFiles } from '../files/service.js';
import { AppError } from '../lib/errors.js';
import { ticketSurvey } from '../surveys/offers.js';
import { inviteCsatForTicket } from '../surveys/service.js';
import { customerStatus, isActive, lockTicket, type TicketRow } from './dto.js';
import { emitTicketUpdated } from '../webhooks/events.js';
import type { CheckedUploads } from './create.js';
import { ticketOfLink } from './links.js';
import { emitTicket } from './notify.js';
import { ticketCategories, tickets } from './schema.js';
import { pauseEscalation, resumeEscalation } from './sla-jobs.js';
import { addEntry, readThread, recordHistory, type Actor } from './thread.js';

/** The ticket a link opens; unknown, expired and revoked links all answer the same 404. */
export async function ticketByLink(ctx: AppContext, token: string): Promise<TicketRow> {
  const id = await ticketOfLink(ctx.db, token, ctx.clock());
  const row = id ? (await ctx.db.select().from(tickets).where(eq(tickets.id, id)))[0] : undefined;
  if (!row) throw new AppError('not_found', 'This link does not open a request: it may have expired or been replaced. Ask us for a new one.');
  return row;
}

export async function customerView(db: Executor, row: TicketRow, now: Date): Promise<CustomerTicket> {
  const [category] = row.categoryId ? await db.select({ slug: ticketCategories.slug, names: ticketCategories.names }).from(ticketCategories).where(eq(ticketCategories.id, row.categoryId)) : [];
  return {
    number: row.number,
    subject: row.subject,
    category: category ?? null,
    status: customerStatus(row.status),
    locale: row.locale,
    anonymous: row.anonymous,
    firstResponseDueAt: row.firstRespondedAt ? null : row.firstResponseDueAt.toISOString(),
    entries: await readThread(db, row.id, { publicOnly: true }),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    // The link is the credential for the survey too: whoever may follow the ticket may rate it.
    survey: customerStatus(row.status) === 'resolved' ? await ticketSurvey(db, row.id, now) : null,
  };
}

const customerActor = (row: TicketRow): Actor => ({ kind: 'customer', id: null, name: row.anonymous ? null : row.contactName });

/**
 * A customer reply. A resolved ticket reopens (the customer says it is not solved after all); a
 * closed one is final and asks for a new request instead. `emailMessageId` makes a redelivered mail a no-op.
 */
export async function customerReply(
  ctx: AppContext,
  ticketId: string,
  input: { message: string; via: 'web' | 'email'; uploads?: CheckedUploads; emailMessageId?: string | null },
): Promise<{ duplicate: boolean }> {
  await ctx.limits.take('ticketReplies', ticketId);
  const now = ctx.clock();
  const result = await ctx.db.transaction(async (tx) => {
    const row = await lockTicket(tx, ticketId);
    if (!row) throw new AppError('not_found', 'no such request');
    if (row.status === 'closed') throw new AppError('closed', 'This request is closed. Please send a new one and mention its number.');
    if (input.emailMessageId) {
      const dup = await tx.query.ticketEntries.findFirst({ where: (e, { and, eq: is }) => and(is(e.ticketId, ticketId), is(e.emailMessageId, input.emailMessageId!)) });
      if (dup) return { row, duplicate: true };
    }
    const entryId = await addEntry(tx, row.id, { kind: 'public', author: customerActor(row), body: input.message, via: input.via, emailMessageId: input.emailMessageId ?? null }, now);
    if (input.uploads?.length) await storeFiles(tx, { siteId: row.siteId, ticketId: row.id, entryId }, input.uploads);
    // New and open stay as they are; waiting-on-you and resolved come back to the team.
    const status = row.status === 'pending' || row.status === 'resolved' ? 'open' : row.status;
    const [updated] = await tx.update(tickets).set({ status, resolvedAt: status === 'open' ? null : row.resolvedAt, updatedAt: now }).where(eq(tickets.id, row.id)).returning();
    await recordHistory(tx, row.id, customerActor(row), 'replied', { to: input.via }, now);
    if (status !== row.status) {
      await recordHistory(tx, row.id, customerActor(row), 'status', { from: row.status, to: status }, now);
      await resumeEscalation(tx, updated!, now);
    }
    await emitTicketUpdated(tx, ctx, row, updated!, now);
    return { row: updated!, duplicate: false };
  });
  if (!result.duplicate) await emitTicket(ctx, result.row);
  return { duplicate: result.duplicate };
}

/** "This is solved": the customer resolves their own ticket. */
export async function customerResolve(ctx: AppContext, ticketId: string): Promise<TicketRow> {
  const now = ctx.clock();
  const row = await ctx.db.transaction(async (tx) => {
    const row = await lockTicket(tx, ticketId);
    if (!row) throw new AppError('not_found', 'no such request');
    if (!isActive(row.status)) return row;
    const [updated] = await tx.update(tickets).set({ status: 'resolved', resolvedAt: now, updatedAt: now }).where(eq(tickets.id, row.id)).returning();
    await recordHistory(tx, row.id, customerActor(row), 'status', { from: row.status, to: 'resolved' }, now);
    await pauseEscalation(tx, row.id);
    await emitTicketUpdated(tx, ctx, row, updated!, now);
    // They are on the ticket page: it asks how we did right there (no mail; surveys/offers.ts).
    await inviteCsatForTicket(tx, ctx, row.id);
    return updated!;
  });
  await emitTicket(ctx, row);
  return row;
}
