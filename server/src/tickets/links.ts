/**
 * The customer's private links to their ticket. Random 32-byte tokens, only their SHA-256 stored (a
 * leaked table opens no ticket), with an expiry and a revocation: the same shape as a password-reset
 * link, which is what this is. An anonymous employee's only way back to their ticket is this link.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { ticketLinks } from './schema.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** 43 URL-safe characters; anything else is not a token and is refused without a query. */
export const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export async function createTicketLink(tx: Executor, ticketId: string, now: Date, days: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.insert(ticketLinks).values({ ticketId, tokenHash: hash(token), expiresAt: new Date(now.getTime() + days * 86_400_000) });
  return token;
}

/** The ticket a live link opens, or null (unknown, expired or revoked: callers answer 404 alike). */
export async function ticketOfLink(db: Executor, token: string, now: Date): Promise<string | null> {
  if (!LINK_TOKEN.test(token)) return null;
  const [row] = await db
    .select({ ticketId: ticketLinks.ticketId })
    .from(ticketLinks)
    .where(and(eq(ticketLinks.tokenHash, hash(token)), gt(ticketLinks.expiresAt, now), isNull(ticketLinks.revokedAt)));
  return row?.ticketId ?? null;
}

/** Every live link of the ticket stops working (a forwarded email, a shared screen). */
export async function revokeTicketLinks(tx: Executor, ticketId: string, now: Date): Promise<number> {
  const rows = await tx
    .update(ticketLinks)
    .set({ revokedAt: now })
    .where(and(eq(ticketLinks.ticketId, ticketId), isNull(ticketLinks.revokedAt)))
    .returning({ id: ticketLinks.id });
  return rows.length;
}
