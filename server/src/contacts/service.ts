/**
 * Joining a browser to a contact. Only a verified identity (identity.ts) does it; nothing a visitor
 * types (an email in the chat or a ticket) ever does. A refusal changes nothing and is logged without
 * the secret, the hash or the token.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { sha256 } from '../auth/password.js';
import { conversations, visitors } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { originAllowed, siteByKey } from '../sites/service.js';
import { convRoom } from '../conversations/service.js';
import { verifyIdentity, type IdentifyInput } from './identity.js';
import { contacts } from './schema.js';
import { contactRoom, ownedByVisitor } from './scope.js';

export interface IdentifyResult {
  contactId: string;
  /** False when this browser was already joined to the contact. */
  linked: boolean;
}

export async function identifyVisitor(ctx: AppContext, input: IdentifyInput, origin: string | undefined): Promise<IdentifyResult> {
  const site = await siteByKey(ctx, input.siteKey).catch(() => {
    throw new AppError('unauthorized', 'unknown site key');
  });
  if (!originAllowed(site, origin)) throw new AppError('forbidden', 'this origin may not use this site');
  const [visitor] = await ctx.db.select({ id: visitors.id, siteId: visitors.siteId, contactId: visitors.contactId }).from(visitors).where(eq(visitors.tokenHash, sha256(input.token)));
  if (!visitor || visitor.siteId !== site.id) throw new AppError('unauthorized', 'unknown visitor token; create a new visitor session');

  const now = ctx.clock();
  let identity;
  try {
    identity = await verifyIdentity(site, input, now);
  } catch (err) {
    // What a site operator needs to spot a broken integration or a forgery attempt; never the secret or the hash.
    ctx.logger.warn({ siteId: site.id, visitorId: visitor.id, method: input.jwt ? 'jwt' : 'hash', reason: err instanceof Error ? err.message : 'unknown' }, 'visitor identity refused');
    throw err;
  }

  const result = await ctx.db.transaction(async (tx) => {
    // One row per (site, user): concurrent first identifications from two devices meet on the unique index.
    const [contact] = await tx
      .insert(contacts)
      .values({ siteId: site.id, externalId: identity.userId, name: identity.name, email: identity.email, createdAt: now, lastSeenAt: now })
      .onConflictDoUpdate({
        target: [contacts.siteId, contacts.externalId],
        set: { name: sql`coalesce(excluded.name, ${contacts.name})`, email: sql`coalesce(excluded.email, ${contacts.email})`, lastSeenAt: now },
      })
      .returning({ id: contacts.id, name: contacts.name });
    if (visitor.contactId && visitor.contactId !== contact!.id) {
      // A shared browser: someone else signed in on the host site. Their history must not mix; the
      // widget starts a fresh visitor session and identifies that one.
      throw new AppError('conflict', 'this browser is identified as another user; start a new visitor session');
    }
    await tx
      .update(visitors)
      .set({ contactId: contact!.id, ...(contact!.name ? { name: contact!.name } : {}) })
      .where(eq(visitors.id, visitor.id));
    return { contactId: contact!.id, linked: visitor.contactId !== contact!.id };
  });

  if (result.linked) {
    // Sockets already open in this browser follow the contact's open chats at once.
    const open = await ctx.db.select({ id: conversations.id }).from(conversations).where(and(ownedByVisitor(visitor.id), ne(conversations.status, 'closed')));
    ctx.visitors.in(`visitor:${visitor.id}`).socketsJoin([contactRoom(result.contactId), ...open.map((c) => convRoom(c.id))]);
    ctx.logger.info({ siteId: site.id, visitorId: visitor.id, contactId: result.contactId }, 'visitor joined contact');
  }
  return result;
}

