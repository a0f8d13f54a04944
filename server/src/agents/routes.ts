/**
 * People (admin only, /api/console/people) and the invitation (public with its token,
 * /api/auth/invitation). The access rules (./access-rules.ts) already refused everyone else; each
 * people route checks for an admin again.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Context } from 'hono';
import { z } from 'zod';
import { invitationAcceptSchema, personInviteSchema, personPatchSchema } from '@parley/protocol/schemas';
import { SUPPORTED_LOCALES } from '@parley/protocol';
import { requireAgent } from '../auth/routes.js';
import type { AppContext } from '../context.js';
import { requireUuid } from '../kb/access.js';
import { AppError } from '../lib/errors.js';
import { readJson, type AgentVars } from '../lib/http.js';
import { requestIp } from '../limits/http.js';
import { acceptInvitation, checkInvitation, invitePerson, resendInvitation } from './invitations.js';
import { deactivatePerson, listPeople, reactivatePerson, requireAdmin, updatePerson, type Actor } from './people.js';

type C = Context<{ Variables: AgentVars }>;

const resendSchema = z.object({ locale: z.enum(SUPPORTED_LOCALES).optional() });

export function peopleRoutes(ctx: AppContext) {
  const app = new Hono<{ Variables: AgentVars }>();
  app.use('*', cors({ origin: (origin) => origin, allowHeaders: ['Content-Type', 'Authorization'], allowMethods: ['GET', 'POST', 'PATCH'], maxAge: 600 }));
  app.use('*', requireAgent(ctx));
  const admin = async (c: C): Promise<Actor> => {
    await requireAdmin(ctx, c.get('agentId'));
    return { id: c.get('agentId'), ip: requestIp(ctx, c) };
  };
  const personId = (c: C) => requireUuid(c.req.param('id') ?? '', 'id');

  app.get('/', async (c) => {
    await admin(c);
    return c.json(await listPeople(ctx));
  });
  app.post('/', async (c) => {
    const actor = await admin(c);
    return c.json({ person: await invitePerson(ctx, actor, await readJson(c, personInviteSchema)) }, 201);
  });
  app.patch('/:id', async (c) => {
    const actor = await admin(c);
    return c.json({ person: await updatePerson(ctx, actor, personId(c), await readJson(c, personPatchSchema)) });
  });
  app.post('/:id/deactivate', async (c) => {
    const actor = await admin(c);
    return c.json(await deactivatePerson(ctx, actor, personId(c)));
  });
  app.post('/:id/reactivate', async (c) => {
    const actor = await admin(c);
    return c.json({ person: await reactivatePerson(ctx, actor, personId(c)) });
  });
  app.post('/:id/invitation', async (c) => {
    const actor = await admin(c);
    const body = c.req.header('content-length') === '0' ? {} : await readJson(c, resendSchema).catch(() => ({}));
    return c.json({ person: await resendInvitation(ctx, actor, personId(c), body.locale) });
  });
  return app;
}

/** Mounted at /api/auth/invitation, under the auth routes' CORS. */
export function invitationRoutes(ctx: AppContext) {
  const app = new Hono();
  app.get('/', async (c) => {
    const token = c.req.query('token');
    if (!token) throw new AppError('invalid', 'token is missing');
    c.header('Cache-Control', 'no-store');
    return c.json(await checkInvitation(ctx, token));
  });
  app.post('/accept', async (c) => {
    const input = await readJson(c, invitationAcceptSchema);
    return c.json(await acceptInvitation(ctx, { ...input, ip: requestIp(ctx, c) }));
  });
  return app;
}
