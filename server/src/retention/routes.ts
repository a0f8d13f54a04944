/**
 * Retention settings at /api/console/retention (Bearer agent token, admins only; `?site=` for admins
 * of several sites). Deleting a company's history is an admin's decision: supervisors and agents 403.
 *
 *   GET /          RetentionSettingsView (periods, on/off, last run, next run)
 *   GET /preview   RetentionPreview: what a run now would delete (`?chatMonths=&ticketMonths=` to try
 *                  other periods); its token is what enabling needs
 *   PUT /          { chatMonths?, ticketMonths?, enabled?, previewToken? } (months 1..120) -> RetentionSettingsView
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { requireAgent } from '../auth/routes.js';
import { requireAdmin } from '../audit/routes.js';
import type { AppContext } from '../context.js';
import { kbScope } from '../kb/access.js';
import { parseInput, readJson, type AgentVars } from '../lib/http.js';
import { preview, previewQuerySchema, retentionPatchSchema, settingsView, updateSettings } from './settings.js';

type C = Context<{ Variables: AgentVars }>;

function ipOf(c: C): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

export function retentionRoutes(ctx: AppContext) {
  const app = new Hono<{ Variables: AgentVars }>();
  app.use('*', cors({ origin: (origin) => origin, allowHeaders: ['Content-Type', 'Authorization'], allowMethods: ['GET', 'PUT'], maxAge: 600 }));
  app.use('*', requireAgent(ctx));

  const siteOf = async (c: C): Promise<string> => {
    await requireAdmin(ctx, c.get('agentId'), 'change what Parley keeps');
    return (await kbScope(ctx, c.get('agentId'), c.req.query('site'))).siteId;
  };

  app.get('/', async (c) => c.json(await settingsView(ctx.db, await siteOf(c))));

  app.get('/preview', async (c) => {
    const siteId = await siteOf(c);
    const { site: _site, ...raw } = c.req.query();
    return c.json(await preview(ctx, siteId, parseInput(previewQuerySchema, raw)));
  });

  app.put('/', async (c) => {
    const siteId = await siteOf(c);
    const patch = await readJson(c, retentionPatchSchema);
    return c.json(await updateSettings(ctx, c.get('agentId'), siteId, patch, ipOf(c)));
  });

  return app;
}
