/**
 * The console's Departments tab, at /api/console/departments (Bearer agent token; `?site=` when the
 * admin runs several sites). Admins only. Business hours and response targets are edited through the
 * ticket settings routes (PUT /api/console/tickets/calendars/:id, PUT /api/console/tickets/settings/sla).
 *
 *   GET    /          the site's departments with agent count, open work and whether hours are set
 *   POST   /          create {names, routing?, position?}
 *   PATCH  /:id       rename, routing, position
 *   PUT    /order     {ids}: the whole display order
 *   DELETE /:id       only when nothing is open in it (409 `conflict` says what is left)
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Context } from 'hono';
import { requireAgent } from '../auth/routes.js';
import type { AppContext } from '../context.js';
import { kbScope, requireUuid } from '../kb/access.js';
import { AppError } from '../lib/errors.js';
import type { AgentVars } from '../lib/http.js';
import { requireAdmin } from '../sites/console-routes.js';
import { createDepartment, deleteDepartment, listDepartments, reorderDepartments, updateDepartment } from './service.js';

type C = Context<{ Variables: AgentVars }>;

const body = async (c: C): Promise<unknown> =>
  c.req.json().catch(() => {
    throw new AppError('invalid', 'the request body must be JSON');
  });

export function departmentConsoleRoutes(ctx: AppContext) {
  const app = new Hono<{ Variables: AgentVars }>();
  app.use('*', cors({ origin: (origin) => origin, allowHeaders: ['Content-Type', 'Authorization'], allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'], maxAge: 600 }));
  app.use('*', requireAgent(ctx));
  /** The role is checked before the site, so a non-admin learns nothing about sites. */
  const admin = async (c: C, what: string) => {
    const actor = await requireAdmin(ctx, c, what);
    const { siteId } = await kbScope(ctx, actor.agentId, c.req.query('site'));
    return { actor, siteId };
  };

  app.get('/', async (c) => {
    const { siteId } = await admin(c, 'manage departments');
    return c.json({ departments: await listDepartments(ctx.db, siteId) });
  });
  app.post('/', async (c) => {
    const { actor, siteId } = await admin(c, 'create departments');
    return c.json({ department: await createDepartment(ctx, actor, siteId, await body(c)) }, 201);
  });
  app.put('/order', async (c) => {
    const { actor, siteId } = await admin(c, 'reorder departments');
    return c.json({ departments: await reorderDepartments(ctx, actor, siteId, await body(c)) });
  });
  app.patch('/:id', async (c) => {
    const { actor, siteId } = await admin(c, 'change departments');
    return c.json({ department: await updateDepartment(ctx, actor, siteId, requireUuid(c.req.param('id'), 'id'), await body(c)) });
  });
  app.delete('/:id', async (c) => {
    const { actor, siteId } = await admin(c, 'delete departments');
    await deleteDepartment(ctx, actor, siteId, requireUuid(c.req.param('id'), 'id'));
    return c.body(null, 204);
  });
  return app;
}
