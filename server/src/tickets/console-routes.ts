/**
 * The console's ticket API, at /api/console/tickets (Bearer agent token; `?site=` for people on
 * several sites). Reading and working tickets follows tickets/access.ts; categories and the email
 * log are for supervisors and admins.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Context } from 'hono';
import { z } from 'zod';
import { agentReplySchema, cannedReplyInputSchema, ticketCategoryInputSchema, ticketFromChatSchema, ticketPatchSchema, revokeLinksSchema } from '@parley/protocol/schemas';
import type { TicketPriority, TicketStatus } from '@parley/protocol';
import { requireAgent } from '../auth/routes.js';
import type { AppContext } from '../context.js';
import { fileResponse, loadFile } from '../files/service.js';
import { kbScope, requireUuid } from '../kb/access.js';
import { intParam } from '../kb/routes.js';
import { AppError } from '../lib/errors.js';
import { readJson, type AgentVars } from '../lib/http.js';
import { getMail, listMail } from '../mail/service.js';
import { isManager, staffOf, ticketFor } from './access.js';
import { agentReply, patchTicket, revokeLinks } from './actions.js';
import { readTicketBody } from './body.js';
import { createCanned, deleteCanned, listCanned, updateCanned } from './canned.js';
import { ticketFromChat } from './from-chat.js';
import { archiveCategory, createCategory, listCategories, updateCategory } from './categories.js';
import { listTickets, parseView, ticketDetail } from './inbox.js';
import { readTicketSettings, setCalendar, setDepartmentTargets, updateSlaSettings } from './settings.js';

type C = Context<{ Variables: AgentVars }>;

const STATUSES: TicketStatus[] = ['new', 'open', 'pending', 'resolved', 'closed'];
const PRIORITIES: TicketPriority[] = ['low', 'normal', 'high', 'urgent'];

function oneOf<T extends string>(raw: string | undefined, allowed: T[], name: string): T | undefined {
  if (raw === undefined || raw === '') return undefined;
  if ((allowed as string[]).includes(raw)) return raw as T;
  throw new AppError('invalid', `${name} must be one of ${allowed.join(', ')}`);
}

function dateParam(raw: string | undefined, name: string): Date | undefined {
  if (raw === undefined || raw === '') return undefined;
  const d = new Date(raw);
  if (Number.isNaN(d.getTime())) throw new AppError('invalid', `${name} must be an ISO date`);
  return d;
}

export function ticketConsoleRoutes(ctx: AppContext) {
  const app = new Hono<{ Variables: AgentVars }>();
  app.use('*', cors({ origin: (origin) => origin, allowHeaders: ['Content-Type', 'Authorization'], allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'], exposeHeaders: ['Content-Disposition'], maxAge: 600 }));
  app.use('*', requireAgent(ctx));
  const who = async (c: C) => {
    const scope = await kbScope(ctx, c.get('agentId'), c.req.query('site'));
    return { siteId: scope.siteId, staff: await staffOf(ctx, c.get('agentId')) };
  };
  const manager = async (c: C, action: string) => {
    const w = await who(c);
    if (!isManager(w.staff)) throw new AppError('forbidden', `only a supervisor or an admin may ${action}`);
    return w;
  };

  app.get('/', async (c) => {
    const { siteId, staff } = await who(c);
    const q = c.req.query();
    const tickets = await listTickets(ctx, staff, siteId, {
      view: parseView(q.view),
      status: oneOf(q.status, STATUSES, 'status'),
      priority: oneOf(q.priority, PRIORITIES, 'priority'),
      categoryId: q.category ? requireUuid(q.category, 'category') : undefined,
      departmentId: q.department ? requireUuid(q.department, 'department') : undefined,
      q: q.q && q.q.length > 200 ? q.q.slice(0, 200) : q.q,
      before: dateParam(q.before, 'before'),
      offset: intParam(q.offset, 'offset', 0, 10_000, 0),
      limit: intParam(q.limit, 'limit', 1, 200, 50),
    });
    return c.json({ tickets });
  });

  app.get('/categories', async (c) => {
    const { siteId } = await who(c);
    return c.json({ categories: await listCategories(ctx.db, siteId) });
  });
  app.post('/categories', async (c) => {
    const { siteId } = await manager(c, 'change ticket categories');
    return c.json({ category: await createCategory(ctx.db, siteId, await readJson(c, ticketCategoryInputSchema), c.get('agentId')) }, 201);
  });
  app.put('/categories/:id', async (c) => {
    const { siteId } = await manager(c, 'change ticket categories');
    return c.json({ category: await updateCategory(ctx.db, siteId, requireUuid(c.req.param('id'), 'id'), await readJson(c, ticketCategoryInputSchema), c.get('agentId')) });
  });
  app.delete('/categories/:id', async (c) => {
    const { siteId } = await manager(c, 'change ticket categories');
    await archiveCategory(ctx.db, siteId, requireUuid(c.req.param('id'), 'id'), c.get('agentId'));
    return c.body(null, 204);
  });

  app.post('/from-chat', async (c) => {
    const { staff } = await who(c);
    const created = await ticketFromChat(ctx, staff, await readJson(c, ticketFromChatSchema));
    const row = await ticketFor(ctx, staff, created.id);
    return c.json({ ticket: await ticketDetail(ctx, row) }, 201);
  });

  app.get('/canned', async (c) => {
    const { siteId } = await who(c);
    return c.json({ replies: await listCanned(ctx.db, siteId) });
  });
  app.post('/canned', async (c) => {
    const { siteId } = await manager(c, 'change saved replies');
    return c.json({ reply: await createCanned(ctx.db, siteId, await readJson(c, cannedReplyInputSchema), ctx.clock()) }, 201);
  });
  app.put('/canned/:id', async (c) => {
    const { siteId } = await manager(c, 'change saved replies');
    return c.json({ reply: await updateCanned(ctx.db, siteId, requireUuid(c.req.param('id'), 'id'), await readJson(c, cannedReplyInputSchema), ctx.clock()) });
  });
  app.delete('/canned/:id', async (c) => {
    const { siteId } = await manager(c, 'change saved replies');
    await deleteCanned(ctx.db, siteId, requireUuid(c.req.param('id'), 'id'));
    return c.body(null, 204);
  });

  app.get('/settings', async (c) => {
    const { siteId } = await who(c);
    return c.json({ settings: await readTicketSettings(ctx.db, siteId) });
  });
  app.put('/settings/sla', async (c) => {
    const { siteId, staff } = await who(c);
    const raw: unknown = await c.req.json().catch(() => {
      throw new AppError('invalid', 'the request body must be JSON');
    });
    return c.json({ sla: await updateSlaSettings(ctx.db, staff, siteId, raw) });
  });
  app.put('/settings/sla/departments/:departmentId', async (c) => {
    const { siteId, staff } = await who(c);
    const raw: unknown = await c.req.json().catch(() => {
      throw new AppError('invalid', "the request body must be JSON (the department's targets, or null to follow the site's)");
    });
    return c.json({ targets: await setDepartmentTargets(ctx.db, staff, siteId, requireUuid(c.req.param('departmentId'), 'departmentId'), raw) });
  });
  app.put('/calendars/:departmentId', async (c) => {
    const { siteId, staff } = await who(c);
    const raw: unknown = await c.req.json().catch(() => {
      throw new AppError('invalid', 'the request body must be JSON (a calendar, or null for around the clock)');
    });
    return c.json({ calendar: await setCalendar(ctx.db, staff, siteId, requireUuid(c.req.param('departmentId'), 'departmentId'), raw) });
  });

  app.get('/mail', async (c) => {
    const { siteId } = await manager(c, 'read the email log');
    const q = c.req.query();
    return c.json({ mail: await listMail(ctx.db, siteId, { limit: intParam(q.limit, 'limit', 1, 200, 50), before: dateParam(q.before, 'before'), ...(q.ticket ? { ticketId: requireUuid(q.ticket, 'ticket') } : {}) }) });
  });
  app.get('/mail/:id', async (c) => {
    const { siteId } = await manager(c, 'read the email log');
    const mail = await getMail(ctx.db, siteId, requireUuid(c.req.param('id'), 'id'));
    if (!mail) throw new AppError('not_found', 'no such email');
    return c.json({ mail });
  });

  app.get('/:id', async (c) => {
    const { staff } = await who(c);
    const row = await ticketFor(ctx, staff, requireUuid(c.req.param('id'), 'id'));
    return c.json({ ticket: await ticketDetail(ctx, row) });
  });

  app.post('/:id/replies', async (c) => {
    const { staff } = await who(c);
    const id = requireUuid(c.req.param('id'), 'id');
    await ticketFor(ctx, staff, id);
    const { data, uploads } = await readTicketBody(c, agentReplySchema);
    const row = await agentReply(ctx, staff, id, data, uploads);
    return c.json({ ticket: await ticketDetail(ctx, row) }, 201);
  });

  app.patch('/:id', async (c) => {
    const { staff } = await who(c);
    const row = await patchTicket(ctx, staff, requireUuid(c.req.param('id'), 'id'), await readJson(c, ticketPatchSchema));
    return c.json({ ticket: await ticketDetail(ctx, row) });
  });

  app.post('/:id/links/revoke', async (c) => {
    const { staff } = await who(c);
    const { resend } = await readJson(c, revokeLinksSchema);
    return c.json(await revokeLinks(ctx, staff, requireUuid(c.req.param('id'), 'id'), resend ?? false));
  });

  app.get('/:id/files/:fileId', async (c) => {
    const { staff } = await who(c);
    const row = await ticketFor(ctx, staff, requireUuid(c.req.param('id'), 'id'));
    const file = await loadFile(ctx.db, { siteId: row.siteId, ticketId: row.id, fileId: requireUuid(c.req.param('fileId'), 'fileId') });
    if (!file) throw new AppError('not_found', 'no such file');
    return fileResponse(file);
  });

  return app;
}
