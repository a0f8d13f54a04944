/**
 * CSAT offered where the person already is: under their closed chat, and on their ticket page. The
 * conversations and tickets domains put this in the views only the rightful reader gets (the chat's own
 * visitor; whoever holds the ticket link), so the token travels with a credential the person already has.
 *
 * How the token gets there: a chat's and a ticket's invitations are signed from their id with the site's
 * secret (tokens.ts), so the same token is re-derived on every read (a reload, a reconnect, another tab)
 * and nothing but its hash is stored. An invitation the token cannot be re-derived for (made before
 * signing, or under another secret) is simply not offered again; its email link still works.
 *
 * Offered while it can be answered (not expired, not answered yet) and, once answered, while the answer
 * can still be changed (24 hours), so the person sees "thanks" and "change my answer" until then.
 */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { SurveyOffer } from '@parley/protocol';
import type { Executor } from '../db/client.js';
import { sites } from '../db/schema.js';
import { surveyInvitations, surveyResponses } from './schema.js';
import { CHANGE_WINDOW_MS } from './settings.js';
import { hashToken, signedToken } from './tokens.js';

async function offerWhere(db: Executor, where: SQL | undefined, now: Date): Promise<SurveyOffer | null> {
  const [row] = await db
    .select({ id: surveyInvitations.id, tokenHash: surveyInvitations.tokenHash, expiresAt: surveyInvitations.expiresAt, answeredAt: surveyResponses.createdAt, secret: sites.secret })
    .from(surveyInvitations)
    .innerJoin(sites, eq(sites.id, surveyInvitations.siteId))
    .leftJoin(surveyResponses, eq(surveyResponses.invitationId, surveyInvitations.id))
    .where(where)
    .orderBy(desc(surveyInvitations.createdAt))
    .limit(1);
  if (!row) return null;
  const open = row.answeredAt ? now.getTime() < row.answeredAt.getTime() + CHANGE_WINDOW_MS : row.expiresAt > now;
  if (!open) return null;
  const token = signedToken(row.secret, row.id);
  return hashToken(token) === row.tokenHash ? { token, answered: row.answeredAt !== null } : null;
}

/** The CSAT survey of a closed chat, for that chat's visitor only. */
export const conversationSurvey = (db: Executor, conversationId: string, now: Date): Promise<SurveyOffer | null> =>
  offerWhere(db, and(eq(surveyInvitations.conversationId, conversationId), eq(surveyInvitations.about, 'conversation')), now);

/** The newest CSAT survey of a ticket (one is open at a time: surveys/service.ts), for the ticket page. */
export const ticketSurvey = (db: Executor, ticketId: string, now: Date): Promise<SurveyOffer | null> =>
  offerWhere(db, and(eq(surveyInvitations.ticketId, ticketId), eq(surveyInvitations.about, 'ticket')), now);
