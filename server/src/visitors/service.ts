import { and, eq, ne } from 'drizzle-orm';
import type { Locale, VisitorSession } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { randomToken, sha256 } from '../auth/password.js';
import { conversations, visitors } from '../db/schema.js';
import { publishConversation } from '../conversations/service.js';
import { AppError } from '../lib/errors.js';
import { originAllowed, siteByKey } from '../sites/service.js';

/** Best supported locale from an Accept-Language header; the widget may still pass its own. */
export function localeFromHeader(header: string | undefined): Locale {
  const h = (header ?? '').toLowerCase();
  const first = h.split(',')[0]?.trim() ?? '';
  if (/^zh-(tw|hk|mo|hant)/.test(first)) return 'zh-TW';
  if (first.startsWith('zh')) return 'zh-CN';
  return 'en';
}

export async function createVisitorSession(ctx: AppContext, input: { siteKey: string; origin?: string; locale: Locale }): Promise<VisitorSession> {
  const site = await siteByKey(ctx, input.siteKey);
  if (!originAllowed(site, input.origin)) throw new AppError('forbidden', 'this origin may not use this site');
  const token = randomToken();
  const [v] = await ctx.db.insert(visitors).values({ siteId: site.id, tokenHash: sha256(token), locale: input.locale, lastSeenAt: ctx.clock(), createdAt: ctx.clock() }).returning();
  return { visitorId: v!.id, token };
}

/** Handshake check: the token must belong to a visitor of exactly this site, from an allowed origin. */
/** How stale `visitors.last_seen_at` may get before a handshake refreshes it. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

export async function authenticateVisitor(ctx: AppContext, input: { siteKey: string; token: string; origin?: string }): Promise<{ visitorId: string; siteId: string }> {
  const site = await siteByKey(ctx, input.siteKey).catch(() => {
    throw new AppError('unauthorized', 'unknown site key');
  });
  if (!originAllowed(site, input.origin)) throw new AppError('forbidden', 'this origin may not use this site');
  const [v] = await ctx.db
    .select({ id: visitors.id, siteId: visitors.siteId, lastSeenAt: visitors.lastSeenAt })
    .from(visitors)
    .where(eq(visitors.tokenHash, sha256(input.token)));
  if (!v || v.siteId !== site.id) throw new AppError('unauthorized', 'unknown visitor token; create a new visitor session');
  // "Last seen" needs minutes, not milliseconds: writing it on every reconnect costs a write per
  // handshake in a reconnect storm (and dead rows on PGlite, which has no autovacuum).
  const now = ctx.clock();
  if (!v.lastSeenAt || now.getTime() - v.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await ctx.db.update(visitors).set({ lastSeenAt: now }).where(eq(visitors.id, v.id));
  }
  return { visitorId: v.id, siteId: site.id };
}

/** The visitor a widget token belongs to on this site, or null: a ticket links to that browser only if it proves it. */
export async function visitorOfToken(ctx: AppContext, siteId: string, token: string): Promise<string | null> {
  const [v] = await ctx.db.select({ id: visitors.id, siteId: visitors.siteId }).from(visitors).where(eq(visitors.tokenHash, sha256(token)));
  return v && v.siteId === siteId ? v.id : null;
}

/**
 * The visitor's page changed without a page load (a single-page app's route, told by parley.js): the
 * visitor, and their open conversation, now show it, and its agent sees it at once.
 */
export async function recordPage(ctx: AppContext, input: { siteKey: string; token: string; origin?: string; url: string }): Promise<{ conversationId: string | null }> {
  const { visitorId } = await authenticateVisitor(ctx, input);
  await ctx.db.update(visitors).set({ pageUrl: input.url }).where(eq(visitors.id, visitorId));
  const [open] = await ctx.db
    .update(conversations)
    .set({ pageUrl: input.url })
    .where(and(eq(conversations.visitorId, visitorId), ne(conversations.status, 'closed')))
    .returning({ id: conversations.id });
  if (open) await publishConversation(ctx, open.id);
  return { conversationId: open?.id ?? null };
}
