import { and, asc, eq, sql } from 'drizzle-orm';
import type { CategoryInput, KbCategory } from '@parley/protocol';
import { isStorableText } from '@parley/protocol/schemas';
import type { AppContext } from '../context.js';
import { AppError, isUniqueViolation } from '../lib/errors.js';
import { isUuid } from './access.js';
import type { KbScope } from './access.js';
import { bumpRevision } from './revision.js';
import { kbArticles, kbCategories } from './schema.js';

type CategoryRow = typeof kbCategories.$inferSelect;

const toDto = (row: CategoryRow, articleCount: number): KbCategory => ({ id: row.id, slug: row.slug, names: row.names, position: row.position, articleCount });

/**
 * The site's categories in display order. `articleCount` counts articles (locale groups), not locale
 * versions: published ones for the public (every group is listed once, in the best locale), any for the console.
 */
export async function listCategories(ctx: AppContext, siteId: string, opts: { publishedOnly: boolean }): Promise<KbCategory[]> {
  const rows = await ctx.db.select().from(kbCategories).where(eq(kbCategories.siteId, siteId)).orderBy(asc(kbCategories.position), asc(kbCategories.createdAt));
  const counts = await ctx.db
    .select({ categoryId: kbArticles.categoryId, n: sql<number>`count(distinct ${kbArticles.groupId})::int` })
    .from(kbArticles)
    .where(and(eq(kbArticles.siteId, siteId), opts.publishedOnly ? eq(kbArticles.status, 'published') : undefined))
    .groupBy(kbArticles.categoryId);
  const byId = new Map(counts.map((c) => [c.categoryId, Number(c.n)]));
  return rows.map((r) => toDto(r, byId.get(r.id) ?? 0));
}

/** A category of the site by id or slug, or `not_found`. */
export async function findCategory(ctx: AppContext, siteId: string, idOrSlug: string): Promise<CategoryRow> {
  if (idOrSlug.length > 100 || !isStorableText(idOrSlug)) throw new AppError('not_found', 'no such category');
  const [row] = await ctx.db
    .select()
    .from(kbCategories)
    .where(and(eq(kbCategories.siteId, siteId), isUuid(idOrSlug) ? eq(kbCategories.id, idOrSlug.toLowerCase()) : eq(kbCategories.slug, idOrSlug)));
  if (!row) throw new AppError('not_found', 'no such category');
  return row;
}

const slugTaken = (slug: string) => new AppError('invalid', `slug: a category with the slug "${slug}" already exists on this site`);

export async function createCategory(ctx: AppContext, scope: KbScope, input: CategoryInput): Promise<KbCategory> {
  try {
    const [row] = await ctx.db
      .insert(kbCategories)
      .values({ siteId: scope.siteId, slug: input.slug, names: input.names, position: input.position ?? (await nextPosition(ctx, scope.siteId)), createdAt: ctx.clock(), updatedAt: ctx.clock() })
      .returning();
    return toDto(row!, 0);
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken(input.slug);
    throw err;
  }
}

async function nextPosition(ctx: AppContext, siteId: string): Promise<number> {
  const [row] = await ctx.db.select({ max: sql<number | null>`max(${kbCategories.position})` }).from(kbCategories).where(eq(kbCategories.siteId, siteId));
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export async function updateCategory(ctx: AppContext, scope: KbScope, id: string, patch: Partial<CategoryInput>): Promise<KbCategory> {
  const current = await findCategory(ctx, scope.siteId, id);
  try {
    const [row] = await ctx.db
      .update(kbCategories)
      .set({ ...(patch.slug !== undefined ? { slug: patch.slug } : {}), ...(patch.names ? { names: patch.names } : {}), ...(patch.position !== undefined ? { position: patch.position } : {}), updatedAt: ctx.clock() })
      .where(eq(kbCategories.id, current.id))
      .returning();
    const [count] = await ctx.db
      .select({ n: sql<number>`count(distinct ${kbArticles.groupId})::int` })
      .from(kbArticles)
      .where(eq(kbArticles.categoryId, current.id));
    return toDto(row!, Number(count?.n ?? 0));
  } catch (err) {
    if (isUniqueViolation(err) && patch.slug) throw slugTaken(patch.slug);
    throw err;
  }
}

/** Deletes the category; its articles stay, uncategorised (and search indexes learn their new category). */
export async function deleteCategory(ctx: AppContext, scope: KbScope, id: string): Promise<void> {
  const current = await findCategory(ctx, scope.siteId, id);
  await ctx.db.transaction(async (tx) => {
    const revision = await bumpRevision(tx, scope.siteId);
    await tx.update(kbArticles).set({ categoryId: null, revision }).where(eq(kbArticles.categoryId, current.id));
    await tx.delete(kbCategories).where(eq(kbCategories.id, current.id));
  });
}
