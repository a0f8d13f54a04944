/**
 * Authoring API for the console, at /api/console/kb. Bearer agent token; `?site=<siteId>` on every
 * route (optional for an agent with one site). Every role reads, searches and writes drafts;
 * supervisors and admins also publish, unpublish, delete, manage categories and import.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Context } from 'hono';
import type { z } from 'zod';
import {
  articleInputSchema,
  articlePatchSchema,
  categoryInputSchema,
  categoryPatchSchema,
  describeZodError,
  isStorableText,
  previewSchema,
  resolveGapSchema,
} from '@parley/protocol/schemas';
import type { ArticleStatus } from '@parley/protocol';
import { requireAgent } from '../auth/routes.js';
import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { readJson, type AgentVars } from '../lib/http.js';
import { kbScope, parseLocale, requireManager } from './access.js';
import type { KbScope } from './access.js';
import { findArticle, listAdminArticles, readAdminArticle } from './articles.js';
import { createArticle, deleteArticle, updateArticle } from './authoring.js';
import { createCategory, deleteCategory, listCategories, updateCategory } from './categories.js';
import { listGaps, resolveGap } from './gaps.js';
import { renderMarkdown } from './render.js';
import { intParam, searchText } from './routes.js';
import { exportKb, importKb, parseExport } from './transfer.js';
import { packZip, unpackZip } from './zip.js';
import { voteComments } from './votes.js';

type C = Context<{ Variables: AgentVars }>;

const body = <S extends z.ZodType>(c: C, schema: S): Promise<z.infer<S>> => readJson(c, schema);

function statusParam(raw: string | undefined): ArticleStatus | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'draft' || raw === 'published') return raw;
  throw new AppError('invalid', 'status must be draft or published');
}

export function kbConsoleRoutes(ctx: AppContext) {
  const app = new Hono<{ Variables: AgentVars }>();
  // Like the auth routes: Bearer tokens only (no cookies), so any origin may call.
  app.use('*', cors({ origin: (origin) => origin, allowHeaders: ['Content-Type', 'Authorization'], allowMethods: ['GET', 'POST', 'PATCH', 'DELETE'], exposeHeaders: ['Content-Disposition'], maxAge: 600 }));
  app.use('*', requireAgent(ctx));
  const scopeOf = (c: C): Promise<KbScope> => kbScope(ctx, c.get('agentId'), c.req.query('site'));

  // ---------- categories ----------
  app.get('/categories', async (c) => c.json({ categories: await listCategories(ctx, (await scopeOf(c)).siteId, { publishedOnly: false }) }));
  app.post('/categories', async (c) => {
    const scope = await scopeOf(c);
    requireManager(scope, 'manage categories');
    return c.json({ category: await createCategory(ctx, scope, await body(c, categoryInputSchema)) }, 201);
  });
  app.patch('/categories/:id', async (c) => {
    const scope = await scopeOf(c);
    requireManager(scope, 'manage categories');
    return c.json({ category: await updateCategory(ctx, scope, c.req.param('id'), await body(c, categoryPatchSchema)) });
  });
  app.delete('/categories/:id', async (c) => {
    const scope = await scopeOf(c);
    requireManager(scope, 'manage categories');
    await deleteCategory(ctx, scope, c.req.param('id'));
    return c.json({ ok: true });
  });

  // ---------- articles ----------
  app.get('/articles', async (c) => {
    const scope = await scopeOf(c);
    const q = c.req.query('q');
    const locale = c.req.query('locale') ? parseLocale(c.req.query('locale'), 'en') : undefined;
    const status = statusParam(c.req.query('status'));
    const category = c.req.query('category') || undefined;
    const articles = await listAdminArticles(ctx, scope.siteId, {
      ...(q !== undefined && q.trim() !== '' ? { q: searchText(q) } : {}),
      ...(status ? { status } : {}),
      ...(category ? { category } : {}),
      ...(locale ? { locale } : {}),
      limit: intParam(c.req.query('limit'), 'limit', 1, 500, 200),
      offset: intParam(c.req.query('offset'), 'offset', 0, 1_000_000, 0),
    });
    return c.json({ articles });
  });
  app.post('/articles', async (c) => {
    const scope = await scopeOf(c);
    return c.json({ article: await createArticle(ctx, scope, await body(c, articleInputSchema)) }, 201);
  });
  app.get('/articles/:id', async (c) => c.json({ article: await readAdminArticle(ctx, (await scopeOf(c)).siteId, c.req.param('id')) }));
  app.patch('/articles/:id', async (c) => {
    const scope = await scopeOf(c);
    return c.json({ article: await updateArticle(ctx, scope, c.req.param('id'), await body(c, articlePatchSchema)) });
  });
  app.delete('/articles/:id', async (c) => {
    await deleteArticle(ctx, await scopeOf(c), c.req.param('id'));
    return c.json({ ok: true });
  });
  app.get('/articles/:id/comments', async (c) => {
    const scope = await scopeOf(c);
    const article = await findArticle(ctx.db, scope.siteId, c.req.param('id'));
    return c.json({ comments: await voteComments(ctx, article.id, intParam(c.req.query('limit'), 'limit', 1, 500, 100)) });
  });

  app.post('/preview', async (c) => {
    await scopeOf(c);
    return c.json({ html: renderMarkdown((await body(c, previewSchema)).markdown) });
  });

  // ---------- import / export ----------
  app.get('/export', async (c) => {
    const scope = await scopeOf(c);
    const format = c.req.query('format') ?? 'json';
    if (format !== 'json' && format !== 'markdown') throw new AppError('invalid', 'format must be json or markdown');
    const data = await exportKb(ctx, scope.siteId);
    const stamp = data.exportedAt.slice(0, 10);
    if (format === 'json') {
      c.header('Content-Disposition', `attachment; filename="parley-kb-${stamp}.json"`);
      return c.json(data);
    }
    const zip = packZip(data);
    return c.body(zip.buffer as ArrayBuffer, 200, { 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="parley-kb-${stamp}.zip"` });
  });
  app.post('/import', async (c) => {
    const scope = await scopeOf(c);
    requireManager(scope, 'import a knowledge base');
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === 'application/json') {
      const raw: unknown = await c.req.json().catch(() => {
        throw new AppError('invalid', 'the request body is not valid JSON');
      });
      return c.json(await importKb(ctx, scope, parseExport(raw)));
    }
    if (type === 'application/zip' || type === 'application/x-zip-compressed' || type === 'application/octet-stream') {
      const unpacked = unpackZip(new Uint8Array(await c.req.arrayBuffer()));
      return c.json(await importKb(ctx, scope, parseExport(unpacked.data, unpacked.labels), { labels: unpacked.labels, implicitCategories: unpacked.implicitCategories }));
    }
    throw new AppError('invalid', 'send the export as application/json, or a zip of markdown files as application/zip');
  });

  // ---------- gaps ----------
  app.get('/gaps', async (c) => {
    const scope = await scopeOf(c);
    return c.json({ gaps: await listGaps(ctx, { siteId: scope.siteId, limit: intParam(c.req.query('limit'), 'limit', 1, 500, 50) }) });
  });
  app.post('/gaps/:key/resolve', async (c) => {
    const scope = await scopeOf(c);
    const key = c.req.param('key');
    if (!isStorableText(key) || key.length > 500) throw new AppError('not_found', 'no such gap');
    const { articleId } = await body(c, resolveGapSchema);
    await resolveGap(ctx, scope.siteId, key, articleId);
    return c.json({ ok: true });
  });

  return app;
}
