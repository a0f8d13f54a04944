/**
 * Everything that belongs to one contact, by id: its browsers (visitors), their conversations, the
 * tickets those browsers filed or that were made from those chats, and the survey invitations about
 * any of them. Export and erasure both start here, so they cover exactly the same data. Nothing is
 * matched by name or email: an address typed into someone else's ticket never makes it theirs.
 */
import { eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { conversations, surveyInvitations, tickets, visitors } from '../db/schema.js';

export interface Holdings {
  visitorIds: string[];
  conversationIds: string[];
  ticketIds: string[];
  invitationIds: string[];
}

export async function holdingsOf(db: Executor, contactId: string): Promise<Holdings> {
  const visitorIds = (await db.select({ id: visitors.id }).from(visitors).where(eq(visitors.contactId, contactId))).map((r) => r.id);
  if (visitorIds.length === 0) return { visitorIds, conversationIds: [], ticketIds: [], invitationIds: [] };
  const conversationIds = (await db.select({ id: conversations.id }).from(conversations).where(inArray(conversations.visitorId, visitorIds))).map((r) => r.id);
  const ticketIds = (
    await db
      .select({ id: tickets.id })
      .from(tickets)
      .where(or(inArray(tickets.visitorId, visitorIds), conversationIds.length ? inArray(tickets.conversationId, conversationIds) : sql`false`))
  ).map((r) => r.id);
  const invitationIds = (
    await db
      .select({ id: surveyInvitations.id })
      .from(surveyInvitations)
      .where(
        or(
          inArray(surveyInvitations.visitorId, visitorIds),
          conversationIds.length ? inArray(surveyInvitations.conversationId, conversationIds) : sql`false`,
          ticketIds.length ? inArray(surveyInvitations.ticketId, ticketIds) : sql`false`,
        ),
      )
  ).map((r) => r.id);
  return { visitorIds, conversationIds, ticketIds, invitationIds };
}
