/** The console's contact list and profile (access.ts says who sees what). */
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { ContactProfile, ContactSummary } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { agents, conversations, surveyInvitations, surveyResponses, tickets, visitors } from '../db/schema.js';
import type { Staff } from '../tickets/access.js';
import { contactVisitors, visibleContacts, visibleConversations, visibleTickets, type ContactRow } from './access.js';
import { contacts } from './schema.js';

/** `%`, `_` and `\` typed by a person match themselves, not everything. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function searchContacts(ctx: AppContext, s: Staff, siteId: string, q: string, limit: number): Promise<ContactSummary[]> {
  const text = q.trim();
  const match = text ? or(ilike(contacts.name, likePattern(text)), ilike(contacts.email, likePattern(text)), ilike(contacts.externalId, likePattern(text))) : undefined;
  const rows = await ctx.db
    .select()
    .from(contacts)
    .where(and(eq(contacts.siteId, siteId), isNull(contacts.erasedAt), match, visibleContacts(s)))
    .orderBy(desc(contacts.lastSeenAt), asc(contacts.id))
    .limit(limit);
  return Promise.all(rows.map((r) => summary(ctx, s, r)));
}

async function summary(ctx: AppContext, s: Staff, c: ContactRow): Promise<ContactSummary> {
  const [conv] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(conversations)
    .where(and(sql`${conversations.visitorId} in ${contactVisitors(c.id)}`, visibleConversations(s)));
  const [tick] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(sql`${tickets.visitorId} in ${contactVisitors(c.id)}`, visibleTickets(s)));
  return {
    id: c.id,
    userId: c.externalId ?? '',
    name: c.name,
    email: c.email,
    createdAt: c.createdAt.toISOString(),
    lastSeenAt: c.lastSeenAt.toISOString(),
    conversations: conv?.n ?? 0,
    tickets: tick?.n ?? 0,
  };
}

export async function contactProfile(ctx: AppContext, s: Staff, c: ContactRow): Promise<ContactProfile> {
  const [convRows, ticketRows, devices] = await Promise.all([
    ctx.db
      .select({ c: conversations, agentName: agents.name })
      .from(conversations)
      .leftJoin(agents, eq(agents.id, conversations.agentId))
      .where(and(sql`${conversations.visitorId} in ${contactVisitors(c.id)}`, visibleConversations(s)))
      .orderBy(desc(conversations.createdAt))
      .limit(200),
    ctx.db
      .select()
      .from(tickets)
      .where(and(sql`${tickets.visitorId} in ${contactVisitors(c.id)}`, visibleTickets(s)))
      .orderBy(desc(tickets.createdAt))
      .limit(200),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(visitors).where(eq(visitors.contactId, c.id)),
  ]);
  const convIds = convRows.map((r) => r.c.id);
  const ticketIds = ticketRows.map((t) => t.id);
  // Answers about what the reader sees; an admin also sees the contact's site-wide NPS answers.
  const about = [
    ...(convIds.length ? [inArray(surveyInvitations.conversationId, convIds)] : []),
    ...(ticketIds.length ? [inArray(surveyInvitations.ticketId, ticketIds)] : []),
    ...(s.role === 'admin' ? [sql`${surveyInvitations.visitorId} in ${contactVisitors(c.id)}`] : []),
  ];
  const answers = about.length
    ? await ctx.db
        .select({ r: surveyResponses, i: surveyInvitations })
        .from(surveyResponses)
        .innerJoin(surveyInvitations, eq(surveyInvitations.id, surveyResponses.invitationId))
        .where(or(...about))
        .orderBy(desc(surveyResponses.createdAt))
    : [];
  return {
    contact: await summary(ctx, s, c),
    devices: devices[0]?.n ?? 0,
    conversations: convRows.map(({ c: x, agentName }) => ({
      id: x.id,
      status: x.status,
      departmentId: x.departmentId,
      agentName,
      messages: x.lastSeq,
      createdAt: x.createdAt.toISOString(),
      closedAt: x.closedAt?.toISOString() ?? null,
    })),
    tickets: ticketRows.map((t) => ({ id: t.id, number: t.number, subject: t.subject, status: t.status, createdAt: t.createdAt.toISOString() })),
    surveyAnswers: answers.map(({ r, i }) => ({
      id: r.id,
      kind: i.kind,
      score: r.score,
      comment: r.comment,
      conversationId: i.conversationId,
      ticketId: i.ticketId,
      answeredAt: r.updatedAt.toISOString(),
    })),
    canExport: s.role === 'admin',
    canErase: s.role === 'admin',
  };
}
