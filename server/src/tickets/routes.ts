/**
 * Public ticket API: what `<parley-feedback>`, the chat's offline form and `<parley-ticket>` call.
 *   GET  /api/tickets/sites/:siteKey/categories?for=customer|employee
 *   POST /api/tickets/sites/:siteKey                 JSON, or multipart with files
 *   GET  /api/tickets/link/:token                    the customer's view
 *   POST /api/tickets/link/:token/replies            JSON, or multipart with files
 *   POST /api/tickets/link/:token/resolve            "this is solved"
 *   GET  /api/tickets/link/:token/files/:fileId
 * Link routes need no site key: the link is the key, and an unknown one answers 404 like a wrong one.
 */
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type { TicketCreated } from '@parley/protocol';
import { customerReplySchema, ticketInputSchema } from '@parley/protocol/schemas';
import type { AppContext } from '../context.js';
import { fileResponse, loadFile } from '../files/service.js';
import { verifyEmployeeToken } from '../identity/employee-token.js';
import { AppError } from '../lib/errors.js';
import { limitPerIp } from '../limits/http.js';
import { siteCors } from '../sites/cors.js';
import { siteFromKey } from '../kb/routes.js';
import { localeFromHeader, visitorOfToken } from '../visitors/service.js';
import { requireUuid } from '../kb/access.js';
import { readTicketBody } from './body.js';
import { listCategories } from './categories.js';
import { createTicket } from './create.js';
import { customerReply, customerResolve, customerView, ticketByLink } from './customer.js';
import { ticketEntries } from './schema.js';

export function ticketRoutes(ctx: AppContext) {
  const app = new Hono();
  app.use('/sites/:siteKey/*', siteCors(ctx, (c) => c.req.param('siteKey') ?? ''));
  app.use('/sites/:siteKey', siteCors(ctx, (c) => c.req.param('siteKey') ?? ''));
  // Link routes: the token is the credential and no cookie is involved, so any origin may call.
  app.use('/link/*', async (c, next) => {
    const origin = c.req.header('origin');
    if (origin) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
    }
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      c.header('Access-Control-Allow-Headers', 'Content-Type');
      return c.body(null, 204);
    }
    await next();
  });

  app.get('/sites/:siteKey/categories', limitPerIp(ctx, 'kbReadsPerIp'), async (c) => {
    const site = await siteFromKey(ctx, c.req.param('siteKey'));
    const who = c.req.query('for') ?? 'customer';
    if (who !== 'customer' && who !== 'employee') throw new AppError('invalid', 'for must be customer or employee');
    return c.json({ categories: await listCategories(ctx.db, site.id, who) });
  });

  app.post('/sites/:siteKey', limitPerIp(ctx, 'ticketsPerIp'), async (c) => {
    const site = await siteFromKey(ctx, c.req.param('siteKey'));
    await ctx.limits.take('ticketsPerSite', site.id);
    const { data, uploads } = await readTicketBody(c, ticketInputSchema);
    const locale = data.locale ?? localeFromHeader(c.req.header('accept-language'));
    const now = ctx.clock();
    if (data.employeeToken) {
      const employee = await verifyEmployeeToken(data.employeeToken, site, now);
      const anonymous = data.anonymous === true;
      // Anonymous: the token proved this is an employee; nothing about who is kept past this line.
      const created = await createTicket(ctx, {
        siteId: site.id,
        categoryId: data.categoryId,
        subject: data.subject,
        message: data.message,
        locale: data.locale ?? employee.locale,
        source: 'intranet',
        author: { kind: 'customer', id: null, name: anonymous ? null : employee.name },
        contactName: anonymous ? null : employee.name,
        contactEmail: anonymous ? null : (data.email ?? null),
        employeeId: anonymous ? null : employee.id,
        anonymous,
        audience: 'employee',
        uploads,
      });
      return c.json({ ticket: strip(created) }, 201);
    }
    if (data.anonymous) throw new AppError('invalid', 'only employees signed in on the intranet can write anonymously');
    if (!data.email) throw new AppError('invalid', 'email: we need an address to answer you');
    const visitorId = data.visitorToken ? await visitorOfToken(ctx, site.id, data.visitorToken) : null;
    const created = await createTicket(ctx, {
      siteId: site.id,
      categoryId: data.categoryId,
      subject: data.subject,
      message: data.message,
      locale,
      source: data.source ?? 'feedback',
      author: { kind: 'customer', id: null, name: data.name ?? null },
      contactName: data.name ?? null,
      contactEmail: data.email,
      visitorId,
      audience: 'customer',
      uploads,
    });
    return c.json({ ticket: strip(created) }, 201);
  });

  app.get('/link/:token', async (c) => {
    const row = await ticketByLink(ctx, c.req.param('token'));
    c.header('Cache-Control', 'private, no-store');
    return c.json({ ticket: await customerView(ctx.db, row, ctx.clock()) });
  });

  app.post('/link/:token/replies', async (c) => {
    const row = await ticketByLink(ctx, c.req.param('token'));
    const { data, uploads } = await readTicketBody(c, customerReplySchema);
    await customerReply(ctx, row.id, { message: data.message, via: 'web', uploads });
    const fresh = await ticketByLink(ctx, c.req.param('token'));
    return c.json({ ticket: await customerView(ctx.db, fresh, ctx.clock()) }, 201);
  });

  app.post('/link/:token/resolve', async (c) => {
    const row = await ticketByLink(ctx, c.req.param('token'));
    const resolved = await customerResolve(ctx, row.id);
    return c.json({ ticket: await customerView(ctx.db, resolved, ctx.clock()) });
  });

  app.get('/link/:token/files/:fileId', async (c) => {
    const row = await ticketByLink(ctx, c.req.param('token'));
    const file = await loadFile(ctx.db, { siteId: row.siteId, ticketId: row.id, fileId: requireUuid(c.req.param('fileId'), 'fileId') });
    // Internal notes' files are the team's: the customer reaches only files of public entries.
    if (!file || !(await isPublicEntryFile(ctx, file.entryId))) throw new AppError('not_found', 'no such file');
    const res = fileResponse(file);
    // fileResponse builds a fresh Response: carry over the CORS header the link middleware set.
    const origin = c.req.header('origin');
    if (origin) {
      res.headers.set('Access-Control-Allow-Origin', origin);
      res.headers.set('Vary', 'Origin');
    }
    return res;
  });

  return app;
}

/** The id is the team's business; the customer gets the number, the link token and the promise. */
const strip = ({ id: _id, ...rest }: TicketCreated & { id: string }): TicketCreated => rest;

async function isPublicEntryFile(ctx: AppContext, entryId: string | null): Promise<boolean> {
  if (!entryId) return false;
  const [e] = await ctx.db.select({ kind: ticketEntries.kind }).from(ticketEntries).where(eq(ticketEntries.id, entryId));
  return e?.kind === 'public';
}
