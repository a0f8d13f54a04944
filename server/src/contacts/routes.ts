/**
 * REST for contacts.
 *
 * Visitor side, mounted at /api/visitor beside the session route (CORS by the site's allowlist):
 *   POST /identify {siteKey, token, userId, userHash, name?, email?} | {siteKey, token, jwt}
 *     200 {contactId, linked}; 403 `forbidden` "identity refused: ..." (bad hash or JWT, nothing
 *     changes); 401 unknown token; 409 `conflict` when this browser already belongs to another user.
 *
 * Console, mounted at /api/console/contacts (Bearer; `?site=` for people on several sites):
 *   GET /?q=&limit=      search by name, email or user id (access.ts: who sees which contact)
 *   GET /:id             ContactProfile
 *   GET /:id/export      admins: the JSON export, as a download (export.ts)
 *   POST /:id/erase {confirm: "<the contact's user id>"}  admins: ContactErasure (erase.ts)
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { z } from 'zod';
import { requireAgent } from '../auth/routes.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { kbScope, requireUuid } from '../kb/access.js';
import { intParam } from '../kb/routes.js';
import { AppError } from '../lib/errors.js';
import { parseInput, readJson, type AgentVars } from '../lib/http.js';
import { limitPerIp } from '../limits/http.js';
import { siteCors, siteKeyInBody } from '../sites/cors.js';
import { staffOf } from '../tickets/access.js';
import { contactFor, requireAdmin } from './access.js';
import { contactProfile, searchContacts } from './console.js';
import { eraseContact } from './erase.js';
import { exportContact } from './export.js';
import { identifySchema } from './identity.js';
import { identifyVisitor } from './service.js';

export function contactVisitorRoutes(ctx: AppContext) {
  const app = new Hono();
  app.use(
    '/identify',
    siteCors(ctx, siteKeyInBody),
  );
  // The same per-IP budget as new sessions: guessing hashes costs as much as making visitors.
  app.post('/identify', limitPerIp(ctx, 'visitorSessionsPerIp'), async (c) => {
    const input = parseInput(identifySchema, await c.req.json().catch(() => undefined));
    return c.json(await identifyVisitor(ctx, input, c.req.header('origin')));
  });
  return app;
}

const eraseSchema = z.object({ confirm: z.string().min(1).max(200) });

function ipOf(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

export function contactConsoleRoutes(ctx: AppContext) {
  const app = new Hono<{ Variables: AgentVars }>();
  app.use('*', cors({ origin: (origin) => origin, allowHeaders: ['Content-Type', 'Authorization'], allowMethods: ['GET', 'POST'], exposeHeaders: ['Content-Disposition'], maxAge: 600 }));
  app.use('*', requireAgent(ctx));
  const who = async (c: Context<{ Variables: AgentVars }>) => {
    const scope = await kbScope(ctx, c.get('agentId'), c.req.query('site'));
    return { siteId: scope.siteId, staff: await staffOf(ctx, c.get('agentId')) };
  };

  app.get('/', async (c) => {
    const { siteId, staff } = await who(c);
    const q = (c.req.query('q') ?? '').slice(0, 200);
    return c.json({ contacts: await searchContacts(ctx, staff, siteId, q, intParam(c.req.query('limit'), 'limit', 1, 100, 50)) });
  });

  app.get('/:id', async (c) => {
    const { siteId, staff } = await who(c);
    const contact = await contactFor(ctx, staff, siteId, requireUuid(c.req.param('id'), 'id'));
    return c.json({ profile: await contactProfile(ctx, staff, contact) });
  });

  app.get('/:id/export', async (c) => {
    const { siteId, staff } = await who(c);
    requireAdmin(staff, 'export');
    const contact = await contactFor(ctx, staff, siteId, requireUuid(c.req.param('id'), 'id'));
    const now = ctx.clock();
    // Read in the transaction that records it: the log says exactly what was handed out, and when.
    const data = await ctx.db.transaction(async (tx) => {
      const doc = await exportContact(tx, contact, now);
      await recordAudit(tx, {
        siteId,
        actorId: staff.id,
        action: 'contact.exported',
        targetType: 'contact',
        targetId: contact.id,
        after: { conversations: doc.conversations.length, tickets: doc.tickets.length, files: doc.files.length, surveyAnswers: doc.surveyAnswers.length },
        ip: ipOf(c),
        at: now,
      });
      return doc;
    });
    c.header('Content-Disposition', `attachment; filename="contact-${contact.id}.json"`);
    c.header('Cache-Control', 'no-store');
    return c.json(data);
  });

  app.post('/:id/erase', async (c) => {
    const { siteId, staff } = await who(c);
    requireAdmin(staff, 'erase');
    const contact = await contactFor(ctx, staff, siteId, requireUuid(c.req.param('id'), 'id'));
    const { confirm } = await readJson(c, eraseSchema);
    // Typing the user id back is the confirmation: a wrong tab or a replayed request erases nothing.
    if (confirm !== contact.externalId) throw new AppError('invalid', "confirm must be the contact's user id");
    return c.json({ erasure: await eraseContact(ctx, { siteId, contactId: contact.id, actorId: staff.id, ip: ipOf(c) }) });
  });
  return app;
}
