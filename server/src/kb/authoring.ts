/** Console writes to articles. Every write bumps the site's KB revision in its own transaction (see revision.ts). */
import { auditEvent } from '../audit/wiring.js';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { ArticleAdmin, ArticleInput, ArticlePatch, ArticleStatus } from '@parley/protocol';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/client.js';
import { AppError, isUniqueViolation } from '../lib/errors.js';
import { canManage, isUuid, requireManager } from './access.js';
import type { KbScope } from './access.js';
import { readAdminArticle } from './articles.js';
import type { ArticleRow } from './articles.js';
import { excerptOf } from './render.js';
import { bumpRevision } from './revision.js';
import { kbArticles, kbCategories, kbTombstones } from './schema.js';

export type { ArticlePatch };

async function requireCategory(db: Executor, siteId: string, categoryId: string): Promise<string> {
  const [row] = isUuid(categoryId) ? await db.select({ id: kbCategories.id }).from(kbCategories).where(and(eq(kbCategories.id, categoryId.toLowerCase()), eq(kbCategories.siteId, siteId))) : [];
  if (!row) throw new AppError('invalid', 'categoryId: no such category on this site');
  return row.id;
}

const duplicateLocale = (locale: string, id?: string) =>
  new AppError('invalid', `locale: this article already has a ${locale} version${id ? ` (${id})` : ''}; edit that version instead of adding another`);

/** A new article, or (with `groupId`) a new locale version of an existing one. Agents may only write drafts. */
export async function createArticle(ctx: AppContext, scope: KbScope, input: ArticleInput): Promise<ArticleAdmin> {
  const status = input.status ?? 'draft';
  if (status === 'published') requireManager(scope, 'publish articles');
  let id: string;
  try {
    id = await ctx.db.transaction(async (tx) => {
      const categoryId = input.categoryId ? await requireCategory(tx, scope.siteId, input.categoryId) : (input.categoryId ?? undefined);
      const revision = await bumpRevision(tx, scope.siteId);
      let groupId: string = randomUUID();
      let groupCategory: string | null = categoryId ?? null;
      if (input.groupId) {
        groupId = input.groupId.toLowerCase();
        const siblings = await tx.select().from(kbArticles).where(and(eq(kbArticles.siteId, scope.siteId), eq(kbArticles.groupId, groupId)));
        if (siblings.length === 0) throw new AppError('invalid', 'groupId: no article of this site has this group');
        const same = siblings.find((s) => s.locale === input.locale);
        if (same) throw duplicateLocale(input.locale, same.id);
        // The versions of one article share its category: a new version joins it unless it names another.
        if (categoryId === undefined) groupCategory = siblings[0]!.categoryId;
        else if (siblings.some((s) => s.categoryId !== categoryId)) {
          await tx.update(kbArticles).set({ categoryId, revision }).where(and(eq(kbArticles.siteId, scope.siteId), eq(kbArticles.groupId, groupId)));
        }
      }
      const now = ctx.clock();
      const [row] = await tx
        .insert(kbArticles)
        .values({
          siteId: scope.siteId,
          groupId,
          locale: input.locale,
          title: input.title.trim(),
          body: input.body,
          excerpt: excerptOf(input.body),
          categoryId: groupCategory,
          keywords: normaliseKeywords(input.keywords),
          status,
          authorId: scope.agentId,
          revision,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: kbArticles.id });
      if (status === 'published') await auditEvent(tx, { siteId: scope.siteId, actorId: scope.agentId, at: now }, 'kb.article_published', { type: 'kb_article', id: row!.id }, { after: { title: input.title.trim(), locale: input.locale } });
      return row!.id;
    });
  } catch (err) {
    // Two authors adding the same locale at once: the unique index decides, with the same message.
    if (isUniqueViolation(err)) throw duplicateLocale(input.locale);
    throw err;
  }
  return readAdminArticle(ctx, scope.siteId, id);
}

export function normaliseKeywords(keywords: string[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const k of keywords ?? []) {
    const t = k.trim();
    if (t && !seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase());
      out.push(t);
    }
  }
  return out;
}

/**
 * Edits one version. Agents may edit drafts only and may not publish; supervisors and admins may do
 * anything. The check runs on the locked row, so a publish racing with an agent's edit cannot slip by.
 */
export async function updateArticle(ctx: AppContext, scope: KbScope, id: string, patch: ArticlePatch): Promise<ArticleAdmin> {
  if (!isUuid(id)) throw new AppError('not_found', 'no such article');
  await ctx.db.transaction(async (tx) => {
    const categoryId = patch.categoryId ? await requireCategory(tx, scope.siteId, patch.categoryId) : patch.categoryId;
    const revision = await bumpRevision(tx, scope.siteId);
    const [row]: ArticleRow[] = await tx
      .select()
      .from(kbArticles)
      .where(and(eq(kbArticles.id, id.toLowerCase()), eq(kbArticles.siteId, scope.siteId)))
      .for('update');
    if (!row) throw new AppError('not_found', 'no such article');
    if (!canManage(scope)) {
      if (patch.status === 'published' && row.status !== 'published') requireManager(scope, 'publish articles');
      if (row.status === 'published') requireManager(scope, 'edit or unpublish a published article');
    }
    await tx
      .update(kbArticles)
      .set({
        ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
        ...(patch.body !== undefined ? { body: patch.body, excerpt: excerptOf(patch.body) } : {}),
        ...(patch.keywords !== undefined ? { keywords: normaliseKeywords(patch.keywords) } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        updatedAt: ctx.clock(),
        revision,
      })
      .where(eq(kbArticles.id, row.id));
    if (patch.status !== undefined && (patch.status === 'published') !== (row.status === 'published')) {
      const action = patch.status === 'published' ? 'kb.article_published' : 'kb.article_unpublished';
      await auditEvent(tx, { siteId: scope.siteId, actorId: scope.agentId, at: ctx.clock() }, action, { type: 'kb_article', id: row.id }, { before: { status: row.status }, after: { status: patch.status, title: patch.title?.trim() ?? row.title, locale: row.locale } });
    }
    if (categoryId !== undefined) {
      await tx.update(kbArticles).set({ categoryId, revision }).where(and(eq(kbArticles.siteId, scope.siteId), eq(kbArticles.groupId, row.groupId)));
    }
  });
  return readAdminArticle(ctx, scope.siteId, id);
}

/** Deletes one locale version; the tombstone tells other processes' search indexes to drop it. */
export async function deleteArticle(ctx: AppContext, scope: KbScope, id: string): Promise<void> {
  requireManager(scope, 'delete articles');
  if (!isUuid(id)) throw new AppError('not_found', 'no such article');
  await ctx.db.transaction(async (tx) => {
    const revision = await bumpRevision(tx, scope.siteId);
    const [gone] = await tx
      .delete(kbArticles)
      .where(and(eq(kbArticles.id, id.toLowerCase()), eq(kbArticles.siteId, scope.siteId)))
      .returning({ id: kbArticles.id, title: kbArticles.title, locale: kbArticles.locale, status: kbArticles.status });
    if (!gone) throw new AppError('not_found', 'no such article');
    await auditEvent(tx, { siteId: scope.siteId, actorId: scope.agentId, at: ctx.clock() }, 'kb.article_deleted', { type: 'kb_article', id: gone.id }, { before: { title: gone.title, locale: gone.locale, status: gone.status } });
    await tx.insert(kbTombstones).values({ articleId: gone.id, siteId: scope.siteId, revision, deletedAt: ctx.clock() });
  });
}
