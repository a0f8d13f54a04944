/** Export and import of a whole knowledge base (JSON; zip of markdown in zip.ts). */
import { createHash } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { KbExport, KbImportResult } from '@parley/protocol';
import { describeZodError, isStorableText, kbExportSchema } from '@parley/protocol/schemas';
import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { isUuid, requireManager } from './access.js';
import type { KbScope } from './access.js';
import { normaliseKeywords } from './authoring.js';
import { excerptOf } from './render.js';
import { bumpRevision } from './revision.js';
import { kbArticles, kbCategories } from './schema.js';

export async function exportKb(ctx: AppContext, siteId: string): Promise<KbExport> {
  const cats = await ctx.db.select().from(kbCategories).where(eq(kbCategories.siteId, siteId)).orderBy(asc(kbCategories.position), asc(kbCategories.createdAt));
  const slugOf = new Map(cats.map((c) => [c.id, c.slug]));
  const rows = await ctx.db.select().from(kbArticles).where(eq(kbArticles.siteId, siteId)).orderBy(asc(kbArticles.createdAt), asc(kbArticles.groupId), asc(kbArticles.locale));
  return {
    format: 'parley-kb',
    version: 1,
    exportedAt: ctx.clock().toISOString(),
    categories: cats.map((c) => ({ slug: c.slug, names: c.names, position: c.position })),
    articles: rows.map((r) => ({
      group: r.groupId,
      locale: r.locale,
      title: r.title,
      body: r.body,
      category: r.categoryId ? (slugOf.get(r.categoryId) ?? null) : null,
      keywords: r.keywords,
      status: r.status,
    })),
  };
}

/**
 * A group key from a file -> the group's UUID on this site. Exported groups are UUIDs already; a
 * hand-written key ("shipping") maps to a name-based UUID (v5 over the site), so importing the same
 * file twice updates the same articles instead of duplicating them.
 */
export function groupIdFor(siteId: string, group: string): string {
  if (isUuid(group)) return group.toLowerCase();
  const ns = Buffer.from(siteId.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(group, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

export interface ImportOptions {
  /** Per article, what to call it in an error (a zip's file name); default `articles[i] "title"`. */
  labels?: string[];
  /** Categories a zip implies by its folders (slug -> folder name), created when the site lacks them. */
  implicitCategories?: Map<string, string>;
}

/** Validates an untrusted payload as a KbExport, naming the article at fault. */
export function parseExport(payload: unknown, labels?: string[]): KbExport {
  const parsed = kbExportSchema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const [head, index, ...rest] = issue.path;
  if (head === 'articles' && typeof index === 'number') {
    const label = labels?.[index] ?? articleLabel(payload, index);
    throw new AppError('invalid', `${label}: ${rest.length ? `${rest.join('.')}: ` : ''}${issue.message}; nothing was imported`);
  }
  throw new AppError('invalid', `${describeZodError(parsed.error)}; nothing was imported`);
}

function articleLabel(payload: unknown, index: number): string {
  const a = (payload as { articles?: Array<{ title?: unknown }> })?.articles?.[index];
  return typeof a?.title === 'string' ? `articles[${index}] "${a.title.slice(0, 60)}"` : `articles[${index}]`;
}

const CHUNK = 200;

/**
 * Upserts categories by slug and articles by (group, locale). Everything is checked before anything is
 * written; then one transaction (one revision) writes it all, so a failure leaves the site as it was.
 */
export async function importKb(ctx: AppContext, scope: KbScope, data: KbExport, opts: ImportOptions = {}): Promise<KbImportResult> {
  requireManager(scope, 'import a knowledge base');
  const label = (i: number) => opts.labels?.[i] ?? `articles[${i}] "${data.articles[i]!.title.slice(0, 60)}"`;
  const fail = (msg: string): never => {
    throw new AppError('invalid', `${msg}; nothing was imported`);
  };

  const fileSlugs = new Map<string, number>();
  data.categories.forEach((c, i) => {
    if (fileSlugs.has(c.slug)) fail(`categories[${i}]: the slug "${c.slug}" appears twice`);
    fileSlugs.set(c.slug, i);
  });
  const existingCats = await ctx.db.select({ id: kbCategories.id, slug: kbCategories.slug }).from(kbCategories).where(eq(kbCategories.siteId, scope.siteId));
  const siteSlugs = new Set(existingCats.map((c) => c.slug));
  const implicit = new Map([...(opts.implicitCategories ?? [])].filter(([slug]) => !fileSlugs.has(slug) && !siteSlugs.has(slug)));

  const seen = new Map<string, number>();
  const groupCategory = new Map<string, { category: string | null; index: number }>();
  const prepared = data.articles.map((a, i) => {
    const groupId = groupIdFor(scope.siteId, a.group);
    const key = `${groupId}|${a.locale}`;
    if (seen.has(key)) fail(`${label(i)}: the ${a.locale} version of group "${a.group}" is also ${label(seen.get(key)!)}`);
    seen.set(key, i);
    if (a.category !== null && !fileSlugs.has(a.category) && !siteSlugs.has(a.category) && !implicit.has(a.category)) {
      fail(`${label(i)}: no category has the slug "${a.category}" (neither in this file nor on the site)`);
    }
    const other = groupCategory.get(groupId);
    if (other && other.category !== a.category) {
      fail(`${label(i)}: its category "${a.category}" differs from "${other.category}" of ${label(other.index)}; the versions of one article share a category`);
    }
    groupCategory.set(groupId, { category: a.category, index: i });
    return { ...a, groupId, title: a.title.trim(), keywords: normaliseKeywords(a.keywords), excerpt: excerptOf(a.body) };
  });

  return ctx.db.transaction(async (tx) => {
    const revision = await bumpRevision(tx, scope.siteId);
    const now = ctx.clock();
    const result: KbImportResult = { categories: { created: 0, updated: 0 }, articles: { created: 0, updated: 0 } };

    const [maxRow] = await tx.select({ max: sql<number | null>`max(${kbCategories.position})` }).from(kbCategories).where(eq(kbCategories.siteId, scope.siteId));
    let nextPosition = maxRow?.max === null || maxRow?.max === undefined ? 0 : Number(maxRow.max) + 1;
    const wantedCats = [
      ...data.categories,
      ...[...implicit].map(([slug, name]) => ({ slug, names: { en: isStorableText(name) && name.trim() ? name.trim().slice(0, 100) : slug }, position: nextPosition++ })),
    ];
    for (const c of wantedCats) {
      if (siteSlugs.has(c.slug)) result.categories.updated++;
      else result.categories.created++;
    }
    for (let i = 0; i < wantedCats.length; i += CHUNK) {
      await tx
        .insert(kbCategories)
        .values(wantedCats.slice(i, i + CHUNK).map((c) => ({ siteId: scope.siteId, slug: c.slug, names: c.names, position: c.position, createdAt: now, updatedAt: now })))
        .onConflictDoUpdate({
          target: [kbCategories.siteId, kbCategories.slug],
          set: { names: sql`excluded.names`, position: sql`excluded.position`, updatedAt: now },
        });
    }
    const catId = new Map((await tx.select({ id: kbCategories.id, slug: kbCategories.slug }).from(kbCategories).where(eq(kbCategories.siteId, scope.siteId))).map((c) => [c.slug, c.id]));

    const existing = await tx.select({ groupId: kbArticles.groupId, locale: kbArticles.locale }).from(kbArticles).where(eq(kbArticles.siteId, scope.siteId));
    const existingKeys = new Set(existing.map((r) => `${r.groupId}|${r.locale}`));
    for (const a of prepared) {
      if (existingKeys.has(`${a.groupId}|${a.locale}`)) result.articles.updated++;
      else result.articles.created++;
    }
    for (let i = 0; i < prepared.length; i += CHUNK) {
      await tx
        .insert(kbArticles)
        .values(
          prepared.slice(i, i + CHUNK).map((a) => ({
            siteId: scope.siteId,
            groupId: a.groupId,
            locale: a.locale,
            title: a.title,
            body: a.body,
            excerpt: a.excerpt,
            categoryId: a.category ? catId.get(a.category)! : null,
            keywords: a.keywords,
            status: a.status,
            authorId: scope.agentId,
            revision,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .onConflictDoUpdate({
          target: [kbArticles.siteId, kbArticles.groupId, kbArticles.locale],
          set: {
            title: sql`excluded.title`,
            body: sql`excluded.body`,
            excerpt: sql`excluded.excerpt`,
            categoryId: sql`excluded.category_id`,
            keywords: sql`excluded.keywords`,
            status: sql`excluded.status`,
            revision,
            updatedAt: now,
          },
        });
    }
    // Versions already on the site but absent from the file join their group's (new) category.
    const inFile = new Set(prepared.map((a) => `${a.groupId}|${a.locale}`));
    const stragglers = new Set(existing.filter((r) => groupCategory.has(r.groupId) && !inFile.has(`${r.groupId}|${r.locale}`)).map((r) => r.groupId));
    for (const groupId of stragglers) {
      const category = groupCategory.get(groupId)!.category;
      await tx
        .update(kbArticles)
        .set({ categoryId: category ? catId.get(category)! : null, revision })
        .where(sql`${kbArticles.siteId} = ${scope.siteId} and ${kbArticles.groupId} = ${groupId}`);
    }
    return result;
  });
}
