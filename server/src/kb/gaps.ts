/** The gap report: questions the bot could not answer, or whose answer the visitor said did not help. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { KbGap, Locale } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { findArticle } from './articles.js';
import { kbGaps } from './schema.js';
import { normalizeQuestion } from './search/index.js';

const MAX_TEXT = 500;

/** The key that groups repeats of one question: the search engine's folding (简/繁, case, width, punctuation). */
export function gapKey(text: string): string {
  return normalizeQuestion(text).slice(0, MAX_TEXT);
}

export interface GapInput {
  siteId: string;
  locale: Locale;
  text: string;
  reason: KbGap['reason'];
  conversationId?: string;
}

/**
 * Counts one more asking of the question. A question asked again after an article resolved it
 * reopens: that article did not answer it either.
 */
export async function recordGap(ctx: AppContext, input: GapInput): Promise<void> {
  const key = gapKey(input.text);
  const example = input.text.trim().slice(0, MAX_TEXT);
  if (!key || !example) return;
  const now = ctx.clock();
  await ctx.db
    .insert(kbGaps)
    .values({ siteId: input.siteId, key, example, locale: input.locale, reason: input.reason, count: 1, lastAskedAt: now, conversationId: input.conversationId ?? null, createdAt: now })
    .onConflictDoUpdate({
      target: [kbGaps.siteId, kbGaps.key],
      set: {
        count: sql`${kbGaps.count} + 1`,
        example,
        locale: input.locale,
        reason: input.reason,
        lastAskedAt: now,
        ...(input.conversationId ? { conversationId: input.conversationId } : {}),
        resolvedAt: null,
        resolvedArticleId: null,
      },
    });
}

/** Unresolved gaps, most asked first (ties: most recent first). */
export async function listGaps(ctx: AppContext, opts: { siteId: string; limit?: number }): Promise<KbGap[]> {
  const rows = await ctx.db
    .select()
    .from(kbGaps)
    .where(and(eq(kbGaps.siteId, opts.siteId), isNull(kbGaps.resolvedAt)))
    .orderBy(desc(kbGaps.count), desc(kbGaps.lastAskedAt))
    .limit(Math.min(Math.max(opts.limit ?? 50, 1), 500));
  return rows.map((r) => ({ key: r.key, example: r.example, locale: r.locale, count: r.count, lastAskedAt: r.lastAskedAt.toISOString(), reason: r.reason }));
}

/** Marks a gap answered by an article of the same site ("write an article from this"). */
export async function resolveGap(ctx: AppContext, siteId: string, key: string, articleId: string): Promise<void> {
  const article = await findArticle(ctx.db, siteId, articleId);
  const [row] = await ctx.db
    .update(kbGaps)
    .set({ resolvedAt: ctx.clock(), resolvedArticleId: article.id })
    .where(and(eq(kbGaps.siteId, siteId), eq(kbGaps.key, key)))
    .returning({ id: kbGaps.id });
  if (!row) throw new AppError('not_found', 'no such gap');
}
