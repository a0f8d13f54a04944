/**
 * Asking for a survey: what other domains call when a chat closes, a ticket is resolved, or the
 * widget asks for NPS. Each returns the token to put in the link or the widget, or says why not.
 *
 * Rules:
 * - A chat is rated once, and only if an agent took part: bot-only chats are not rated.
 * - A ticket is rated at each resolution, except while an earlier invitation for it is still open
 *   (unanswered and not expired): resolving, reopening and resolving again within a week asks once.
 * - NPS asks one person (the contact email, else the browser) at most once per `npsFrequencyDays`.
 *   The invitation counts as the asking, answered or not: a dismissed question is still a question.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { Locale, SurveyKind, SurveySettings } from '@parley/protocol';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/client.js';
import { conversations, messages, sites, tickets } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { surveyInvitations, surveyNpsAsks, surveyResponses, type SurveySubject } from './schema.js';
import { INVITATION_DAYS, readSurveySettings } from './settings.js';
import { hashToken, newToken, signedToken } from './tokens.js';

const DAY = 86_400_000;

interface InvitationFields {
  siteId: string;
  kind: SurveyKind;
  about: SurveySubject;
  conversationId?: string | null;
  ticketId?: string | null;
  visitorId?: string | null;
  contactEmail?: string | null;
  agentId?: string | null;
  departmentId?: string | null;
  locale: Locale;
}

/**
 * With `siteSecret`, the token is signed from the invitation's id (tokens.ts), so the chat or the ticket
 * page can be handed it again later (surveys/offers.ts); without, it is random and shown only once.
 */
function invitationRow(f: InvitationFields, now: Date, siteSecret?: string) {
  const id = randomUUID();
  const token = siteSecret ? signedToken(siteSecret, id) : newToken().token;
  return { token, row: { ...f, id, tokenHash: hashToken(token), createdAt: now, expiresAt: new Date(now.getTime() + INVITATION_DAYS[f.kind] * DAY) } };
}

/**
 * CSAT for a closed chat. The agent rated is the one holding it, else the last one who wrote in it
 * (a chat handed back to the queue and then closed was still answered by someone). Called in the
 * closing transaction (`exec`), so a chat never closes without its invitation; the visitor gets the
 * token with the closed conversation (surveys/offers.ts), not from this return value.
 */
export async function inviteCsatForConversation(ctx: AppContext, conversationId: string, exec: Executor = ctx.db): Promise<{ token: string } | null> {
  const [found] = await exec.select({ conv: conversations, secret: sites.secret }).from(conversations).innerJoin(sites, eq(sites.id, conversations.siteId)).where(eq(conversations.id, conversationId));
  if (!found) throw new AppError('not_found', 'conversation not found');
  const { conv, secret } = found;
  let agentId = conv.agentId;
  if (!agentId) {
    const [last] = await exec
      .select({ id: messages.authorId })
      .from(messages)
      .where(and(eq(messages.conversationId, conv.id), eq(messages.author, 'agent')))
      .orderBy(desc(messages.seq))
      .limit(1);
    agentId = last?.id ?? null;
  }
  if (!agentId) return null;
  const { token, row } = invitationRow(
    { siteId: conv.siteId, kind: 'csat', about: 'conversation', conversationId: conv.id, visitorId: conv.visitorId, agentId, departmentId: conv.departmentId, locale: conv.locale },
    ctx.clock(),
    secret,
  );
  // The partial unique index on conversation_id makes "already invited" a no-op, even from two processes.
  const inserted = await exec.insert(surveyInvitations).values(row).onConflictDoNothing().returning({ id: surveyInvitations.id });
  return inserted.length > 0 ? { token } : null;
}

/**
 * CSAT for a resolved ticket, in the caller's transaction when it has one (the lead's resolve), so the
 * invitation commits with the resolution. Null when the ticket is unknown or an invitation is still open.
 */
export async function inviteCsatForTicket(exec: Executor, ctx: AppContext, ticketId: string): Promise<{ token: string } | null> {
  const now = ctx.clock();
  // A savepoint inside a caller's transaction, a transaction of its own otherwise.
  return exec.transaction(async (tx) => {
    // Serialises two resolutions of one ticket, so both cannot see "nothing open" and both invite.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`survey:ticket:${ticketId}`}))`);
    const [t] = await tx
      .select({
        secret: sites.secret,
        siteId: tickets.siteId,
        conversationId: tickets.conversationId,
        visitorId: tickets.visitorId,
        contactEmail: tickets.contactEmail,
        assigneeId: tickets.assigneeId,
        departmentId: tickets.departmentId,
        locale: tickets.locale,
      })
      .from(tickets)
      .innerJoin(sites, eq(sites.id, tickets.siteId))
      .where(eq(tickets.id, ticketId));
    if (!t) return null;
    const [open] = await tx
      .select({ id: surveyInvitations.id })
      .from(surveyInvitations)
      .leftJoin(surveyResponses, eq(surveyResponses.invitationId, surveyInvitations.id))
      .where(and(eq(surveyInvitations.ticketId, ticketId), eq(surveyInvitations.about, 'ticket'), gt(surveyInvitations.expiresAt, now), isNull(surveyResponses.id)))
      .limit(1);
    if (open) return null;
    const { token, row } = invitationRow(
      {
        siteId: t.siteId,
        kind: 'csat',
        about: 'ticket',
        ticketId,
        conversationId: t.conversationId,
        visitorId: t.visitorId,
        contactEmail: t.contactEmail,
        agentId: t.assigneeId,
        departmentId: t.departmentId,
        locale: t.locale,
      },
      now,
      t.secret,
    );
    await tx.insert(surveyInvitations).values(row);
    return { token };
  });
}

export type NpsInvitation = { token: string; expiresAt: Date } | { asked: false; reason: 'recently_asked' };

/**
 * NPS for one person, if they were not asked within the site's frequency. Needs an email or a visitor to
 * remember them by. `settings`: the site's, when the caller has just read them.
 */
export async function inviteNps(
  ctx: AppContext,
  input: { siteId: string; visitorId?: string | null; contactEmail?: string | null; locale: Locale; settings?: SurveySettings },
): Promise<NpsInvitation> {
  const email = input.contactEmail?.trim().toLowerCase() || null;
  const subject = email ? `email:${email}` : input.visitorId ? `visitor:${input.visitorId}` : null;
  if (!subject) throw new AppError('invalid', 'an NPS question needs a visitor or a contact email, so that nobody is asked too often');
  const now = ctx.clock();
  const { npsFrequencyDays } = input.settings ?? (await readSurveySettings(ctx.db, input.siteId));
  const cutoff = new Date(now.getTime() - npsFrequencyDays * DAY);
  return ctx.db.transaction(async (tx) => {
    // Inserted, or moved forward only when the last asking is old enough: one statement, no race.
    const claimed = await tx
      .insert(surveyNpsAsks)
      .values({ siteId: input.siteId, subject, lastAskedAt: now })
      .onConflictDoUpdate({ target: [surveyNpsAsks.siteId, surveyNpsAsks.subject], set: { lastAskedAt: now }, setWhere: lte(surveyNpsAsks.lastAskedAt, cutoff) })
      .returning({ at: surveyNpsAsks.lastAskedAt });
    if (claimed.length === 0) return { asked: false as const, reason: 'recently_asked' as const };
    const { token, row } = invitationRow({ siteId: input.siteId, kind: 'nps', about: 'site', visitorId: input.visitorId ?? null, contactEmail: email, locale: input.locale }, now);
    await tx.insert(surveyInvitations).values(row);
    return { token, expiresAt: row.expiresAt };
  });
}
