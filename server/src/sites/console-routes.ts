/**
 * The console's Site settings, at /api/console/sites (Bearer agent token). Admins only: allowed
 * origins and the identity secret decide who may embed the chat and vouch for visitors.
 *
 *   GET    /                 every site the admin runs, as SiteSettings (never a secret)
 *   GET    /:id              one site
 *   PATCH  /:id              name, allowedOrigins, employeeJwksUrl, widget (partial)
 *   POST   /:id/secret       rotates the identity secret: the new one, shown once; the old one works for 24 h
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Context } from 'hono';
import { asc, eq } from 'drizzle-orm';
import { requireAgent } from '../auth/routes.js';
import type { AppContext } from '../context.js';
import { agents, sites } from '../db/schema.js';
import { requireUuid } from '../kb/access.js';
import { AppError } from '../lib/errors.js';
import type { AgentVars } from '../lib/http.js';
import { requestIp } from '../limits/http.js';
import { readSiteSettings, rotateSecret, toSiteSettings, updateSiteSettings, type Actor } from './settings.js';

type C = Context<{ Variables: AgentVars }>;

/** Refuses anyone but an admin (403), with the actor for the audit log. */
export async function requireAdmin(ctx: AppContext, c: C, what: string): Promise<Actor> {
  const [me] = await ctx.db.select({ role: agents.role }).from(agents).where(eq(agents.id, c.get('agentId')));
  if (!me) throw new AppError('unauthorized', 'agent not found');
  if (me.role !== 'admin') throw new AppError('forbidden', `only an admin may ${what}`);
  return { agentId: c.get('agentId'), ip: requestIp(ctx, c) };
}

export function siteConsoleRoutes(ctx: AppContext) {
  const app = new Hono<{ Variables: AgentVars }>();
  app.use('*', cors({ origin: (origin) => origin, allowHeaders: ['Content-Type', 'Authorization'], allowMethods: ['GET', 'POST', 'PATCH'], maxAge: 600 }));
  app.use('*', requireAgent(ctx));

  app.get('/', async (c) => {
    await requireAdmin(ctx, c, 'read site settings');
    const rows = await ctx.db.select().from(sites).orderBy(asc(sites.createdAt));
    return c.json({ sites: rows.map(toSiteSettings) });
  });
  app.get('/:id', async (c) => {
    await requireAdmin(ctx, c, 'read site settings');
    return c.json({ site: await readSiteSettings(ctx, requireUuid(c.req.param('id'), 'id')) });
  });
  app.patch('/:id', async (c) => {
    const actor = await requireAdmin(ctx, c, 'change site settings');
    const raw: unknown = await c.req.json().catch(() => {
      throw new AppError('invalid', 'the request body must be JSON');
    });
    return c.json({ site: await updateSiteSettings(ctx, actor, requireUuid(c.req.param('id'), 'id'), raw) });
  });
  app.post('/:id/secret', async (c) => {
    const actor = await requireAdmin(ctx, c, "rotate the site's identity secret");
    const rotation = await rotateSecret(ctx, actor, requireUuid(c.req.param('id'), 'id'));
    // The one answer that holds a secret: no cache may keep it.
    c.header('Cache-Control', 'no-store');
    return c.json(rotation, 201);
  });
  return app;
}
