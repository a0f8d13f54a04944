/**
 * Public help-center API by site key: published content only, plain REST (no socket), CORS by the
 * site's allowlist, limited per IP.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { describeZodError, isStorableText, KB_LIMITS, voteInputSchema } from '@parley/protocol/schemas';
import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { limitPerIp } from '../limits/http.js';
import { siteCors } from '../sites/cors.js';
import { siteByKey } from '../sites/service.js';
import type { SiteRow } from '../sites/service.js';
import { localeFromHeader } from '../visitors/service.js';
import { parseLocale } from './access.js';
import { listPublicArticles, readPublicArticle } from './articles.js';
import { listCategories } from './categories.js';
import { searchKb } from './index-cache.js';
import { vote } from './votes.js';

/** A site key that cannot exist (too long, or text PostgreSQL cannot hold) is simply unknown. */
export async function siteFromKey(ctx: AppContext, key: string | undefined): Promise<SiteRow> {
  if (!key || key.length > 100 || !isStorableText(key)) throw new AppError('not_found', 'unknown site key');
  return siteByKey(ctx, key);
}

const localeOf = (c: Context) => parseLocale(c.req.query('locale'), localeFromHeader(c.req.header('accept-language')));

export function intParam(raw: string | undefined, name: string, min: number, max: number, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new AppError('invalid', `${name} must be an integer from ${min} to ${max}`);
  return n;
}

export function searchText(raw: string | undefined): string {
  const q = (raw ?? '').trim();
  if (!q) throw new AppError('invalid', 'q: type something to search for');
  if (q.length > KB_LIMITS.searchChars) throw new AppError('invalid', `q: a search is at most ${KB_LIMITS.searchChars} characters`);
  if (!isStorableText(q)) throw new AppError('invalid', 'q: contains a character that cannot be searched for');
  return q;
}

export function kbRoutes(ctx: AppContext) {
  const app = new Hono();
  app.use('/:siteKey/*', siteCors(ctx, (c) => c.req.param('siteKey') ?? ''));
  const reads = limitPerIp(ctx, 'kbReadsPerIp');

  app.get('/:siteKey/categories', reads, async (c) => {
    const site = await siteFromKey(ctx, c.req.param('siteKey'));
    localeOf(c);
    return c.json({ categories: await listCategories(ctx, site.id, { publishedOnly: true }) });
  });

  app.get('/:siteKey/articles', reads, async (c) => {
    const site = await siteFromKey(ctx, c.req.param('siteKey'));
    const category = c.req.query('category') || undefined;
    return c.json({ articles: await listPublicArticles(ctx, site.id, { locale: localeOf(c), ...(category ? { category } : {}) }) });
  });

  app.get('/:siteKey/articles/:id', reads, async (c) => {
    const site = await siteFromKey(ctx, c.req.param('siteKey'));
    return c.json({ article: await readPublicArticle(ctx, site.id, c.req.param('id') ?? '') });
  });

  app.get('/:siteKey/search', reads, async (c) => {
    const site = await siteFromKey(ctx, c.req.param('siteKey'));
    const q = searchText(c.req.query('q'));
    const limit = intParam(c.req.query('limit'), 'limit', 1, 50, 10);
    return c.json(await searchKb(ctx, site.id, q, { locale: localeOf(c), limit }));
  });

  app.post('/:siteKey/articles/:id/votes', limitPerIp(ctx, 'kbVotesPerIp'), async (c) => {
    const site = await siteFromKey(ctx, c.req.param('siteKey'));
    const parsed = voteInputSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) throw new AppError('invalid', describeZodError(parsed.error));
    return c.json(await vote(ctx, site.id, c.req.param('id') ?? '', parsed.data));
  });

  return app;
}
