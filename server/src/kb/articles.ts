/** Article rows -> DTOs, and reads (public and console). Writes are in authoring.ts. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Article, ArticleAdmin, ArticleStatus, ArticleSummary, Locale } from '@parley/protocol';
import { SUPPORTED_LOCALES } from '@parley/protocol';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/client.js';
import { AppError } from '../lib/errors.js';
import { isUuid, localeChain } from './access.js';
import { findCategory } from './categories.js';
import { searchKb } from './index-cache.js';
import { renderMarkdown } from './render.js';
import { kbArticles } from './schema.js';

export type ArticleRow = typeof kbArticles.$inferSelect;
type Version = Article['versions'][number];

type SummaryRow = Pick<ArticleRow, 'id' | 'groupId' | 'locale' | 'title' | 'categoryId' | 'excerpt' | 'updatedAt'>;
const SUMMARY_COLUMNS = {
  id: kbArticles.id,
  groupId: kbArticles.groupId,
  locale: kbArticles.locale,
  title: kbArticles.title,
  categoryId: kbArticles.categoryId,
  excerpt: kbArticles.excerpt,
  updatedAt: kbArticles.updatedAt,
  createdAt: kbArticles.createdAt,
};

export function toSummary(row: SummaryRow): ArticleSummary {
  return { id: row.id, groupId: row.groupId, locale: row.locale, title: row.title, categoryId: row.categoryId, excerpt: row.excerpt, updatedAt: row.updatedAt.toISOString() };
}

export function toArticle(row: ArticleRow, versions: Version[]): Article {
  return { ...toSummary(row), body: row.body, html: renderMarkdown(row.body), keywords: row.keywords, status: row.status, versions };
}

export function toAdmin(row: ArticleRow, versions: Version[]): ArticleAdmin {
  return { ...toArticle(row, versions), views: row.views, helpful: { yes: row.helpfulYes, no: row.helpfulNo }, createdAt: row.createdAt.toISOString() };
}

/** The other locale versions of each article, for many groups in one query. */
async function versionsOf(db: Executor, siteId: string, rows: ArticleRow[], publishedOnly: boolean): Promise<(row: ArticleRow) => Version[]> {
  const groups = [...new Set(rows.map((r) => r.groupId))];
  if (groups.length === 0) return () => [];
  const all = await db
    .select({ id: kbArticles.id, groupId: kbArticles.groupId, locale: kbArticles.locale, title: kbArticles.title, status: kbArticles.status })
    .from(kbArticles)
    .where(and(eq(kbArticles.siteId, siteId), inArray(kbArticles.groupId, groups), publishedOnly ? eq(kbArticles.status, 'published') : undefined));
  const order = (l: Locale) => SUPPORTED_LOCALES.indexOf(l);
  all.sort((a, b) => order(a.locale) - order(b.locale));
  return (row) => all.filter((v) => v.groupId === row.groupId && v.id !== row.id).map(({ id, locale, title, status }) => ({ id, locale, title, status }));
}

// ---------- public ----------

/**
 * Published articles, one per group, each in the best locale the visitor can read (see localeChain),
 * in the order they were written.
 */
export async function listPublicArticles(ctx: AppContext, siteId: string, opts: { locale: Locale; category?: string }): Promise<ArticleSummary[]> {
  const categoryId = opts.category ? (await findCategory(ctx, siteId, opts.category)).id : undefined;
  // Summary columns only: a list never needs the bodies.
  const rows = await ctx.db
    .select(SUMMARY_COLUMNS)
    .from(kbArticles)
    .where(and(eq(kbArticles.siteId, siteId), eq(kbArticles.status, 'published'), categoryId ? eq(kbArticles.categoryId, categoryId) : undefined))
    .orderBy(asc(kbArticles.createdAt), asc(kbArticles.id));
  const chain = localeChain(opts.locale);
  const best = new Map<string, SummaryRow>();
  for (const row of rows) {
    const held = best.get(row.groupId);
    if (!held || chain.indexOf(row.locale) < chain.indexOf(held.locale)) best.set(row.groupId, row);
  }
  // Group order: where the group's first version was written.
  const firstSeen = new Map<string, number>();
  rows.forEach((r, i) => firstSeen.has(r.groupId) || firstSeen.set(r.groupId, i));
  return [...best.values()].sort((a, b) => firstSeen.get(a.groupId)! - firstSeen.get(b.groupId)!).map(toSummary);
}

/**
 * A published article of the site; a visitor's read counts one view (the bot quoting it does not).
 * Drafts, other sites' articles and unknown or malformed ids are all the same `not_found`.
 */
export async function readPublicArticle(ctx: AppContext, siteId: string, id: string, opts: { countView?: boolean } = {}): Promise<Article> {
  if (!isUuid(id)) throw new AppError('not_found', 'no such article');
  const where = and(eq(kbArticles.id, id.toLowerCase()), eq(kbArticles.siteId, siteId), eq(kbArticles.status, 'published'));
  const [row] =
    opts.countView === false
      ? await ctx.db.select().from(kbArticles).where(where)
      : await ctx.db
          .update(kbArticles)
          .set({ views: sql`${kbArticles.views} + 1` })
          .where(where)
          .returning();
  if (!row) throw new AppError('not_found', 'no such article');
  return toArticle(row, (await versionsOf(ctx.db, siteId, [row], true))(row));
}

// ---------- console ----------

export async function findArticle(db: Executor, siteId: string, id: string): Promise<ArticleRow> {
  const [row] = isUuid(id) ? await db.select().from(kbArticles).where(and(eq(kbArticles.id, id.toLowerCase()), eq(kbArticles.siteId, siteId))) : [];
  if (!row) throw new AppError('not_found', 'no such article');
  return row;
}

export async function readAdminArticle(ctx: AppContext, siteId: string, id: string): Promise<ArticleAdmin> {
  const row = await findArticle(ctx.db, siteId, id);
  return toAdmin(row, (await versionsOf(ctx.db, siteId, [row], false))(row));
}

export interface AdminListQuery {
  q?: string;
  status?: ArticleStatus;
  category?: string;
  locale?: Locale;
  limit: number;
  offset: number;
}

/**
 * Every version (drafts too), newest edit first. With `q`: the search engine's best 50 articles over
 * drafts and published alike, one version each (the best-matching locale), then the filters.
 */
export async function listAdminArticles(ctx: AppContext, siteId: string, query: AdminListQuery): Promise<ArticleAdmin[]> {
  const categoryId = query.category ? (await findCategory(ctx, siteId, query.category)).id : undefined;
  const filters = and(
    eq(kbArticles.siteId, siteId),
    query.status ? eq(kbArticles.status, query.status) : undefined,
    categoryId ? eq(kbArticles.categoryId, categoryId) : undefined,
    query.locale ? eq(kbArticles.locale, query.locale) : undefined,
  );
  let rows: ArticleRow[];
  if (query.q) {
    const found = await searchKb(ctx, siteId, query.q, {
      locale: query.locale ?? 'en',
      locales: query.locale ? [query.locale] : [...SUPPORTED_LOCALES],
      // The engine's cap: one hit per article, the 50 best.
      limit: 50,
      includeDrafts: true,
    });
    const ids = found.hits.map((h) => h.id);
    const byId = new Map(ids.length ? (await ctx.db.select().from(kbArticles).where(and(filters, inArray(kbArticles.id, ids)))).map((r) => [r.id, r]) : []);
    rows = ids.flatMap((id) => byId.get(id) ?? []).slice(query.offset, query.offset + query.limit);
  } else {
    rows = await ctx.db.select().from(kbArticles).where(filters).orderBy(desc(kbArticles.updatedAt), asc(kbArticles.id)).limit(query.limit).offset(query.offset);
  }
  const versions = await versionsOf(ctx.db, siteId, rows, false);
  return rows.map((r) => toAdmin(r, versions(r)));
}
