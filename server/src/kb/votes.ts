import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { KbVoteComment, VoteInput } from '@parley/protocol';
import { sha256 } from '../auth/password.js';
import type { AppContext } from '../context.js';
import { visitors } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { isUuid } from './access.js';
import { kbArticles, kbVotes } from './schema.js';

export interface VoteResult {
  ok: true;
  helpful: { yes: number; no: number };
}

/**
 * "Was this helpful?" on a published article. With a visitor token the visitor has one vote per
 * article, and voting again replaces it (counters move, never double); without one every vote counts
 * (the route limits them per IP). A token that names no visitor of this site counts as anonymous: it
 * grants nothing an anonymous vote does not.
 */
export async function vote(ctx: AppContext, siteId: string, articleId: string, input: VoteInput): Promise<VoteResult> {
  if (!isUuid(articleId)) throw new AppError('not_found', 'no such article');
  const visitorId = input.visitorToken
    ? ((await ctx.db.select({ id: visitors.id }).from(visitors).where(and(eq(visitors.tokenHash, sha256(input.visitorToken)), eq(visitors.siteId, siteId))))[0]?.id ?? null)
    : null;
  const comment = input.comment?.trim() || null;
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    // The article's row lock serialises its votes, so the counter arithmetic below cannot race.
    const [article] = await tx
      .select({ id: kbArticles.id })
      .from(kbArticles)
      .where(and(eq(kbArticles.id, articleId.toLowerCase()), eq(kbArticles.siteId, siteId), eq(kbArticles.status, 'published')))
      .for('update');
    if (!article) throw new AppError('not_found', 'no such article');
    let yes = input.helpful ? 1 : 0;
    let no = input.helpful ? 0 : 1;
    const [previous] = visitorId ? await tx.select().from(kbVotes).where(and(eq(kbVotes.articleId, article.id), eq(kbVotes.visitorId, visitorId))) : [];
    if (previous) {
      if (previous.helpful) yes -= 1;
      else no -= 1;
      await tx.update(kbVotes).set({ helpful: input.helpful, comment, updatedAt: now }).where(eq(kbVotes.id, previous.id));
    } else {
      await tx.insert(kbVotes).values({ articleId: article.id, visitorId, helpful: input.helpful, comment, createdAt: now, updatedAt: now });
    }
    const [counts] = await tx
      .update(kbArticles)
      .set({ helpfulYes: sql`${kbArticles.helpfulYes} + ${yes}`, helpfulNo: sql`${kbArticles.helpfulNo} + ${no}` })
      .where(eq(kbArticles.id, article.id))
      .returning({ yes: kbArticles.helpfulYes, no: kbArticles.helpfulNo });
    return { ok: true as const, helpful: { yes: counts!.yes, no: counts!.no } };
  });
}

/** The comments visitors left with their votes on one article, newest first (console). */
export async function voteComments(ctx: AppContext, articleId: string, limit: number): Promise<KbVoteComment[]> {
  const rows = await ctx.db
    .select({ helpful: kbVotes.helpful, comment: kbVotes.comment, updatedAt: kbVotes.updatedAt })
    .from(kbVotes)
    .where(and(eq(kbVotes.articleId, articleId), isNotNull(kbVotes.comment)))
    .orderBy(desc(kbVotes.updatedAt))
    .limit(limit);
  return rows.map((r) => ({ helpful: r.helpful, comment: r.comment!, createdAt: r.updatedAt.toISOString() }));
}
