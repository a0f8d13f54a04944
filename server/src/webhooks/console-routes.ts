/**
 * The console's webhook API, at /api/console/webhooks (Bearer agent token; `?site=` for people on several
 * sites). Admins only: an endpoint sends the site's data to another system, which is an admin's call,
 * and its secret must not be read by anyone else.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Context } from 'hono';
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS } from '@parley/protocol';
import { webhookEndpointInputSchema, webhookEndpointPatchSchema, webhookTestSchema } from '@parley/protocol/schemas';
import { requireAgent } from '../auth/routes.js';
import type { AppContext } from '../context.js';
import { kbScope, requireUuid } from '../kb/access.js';
import { intParam } from '../kb/routes.js';
import { AppError } from '../lib/errors.js';
import { parseInput, readJson, type AgentVars } from '../lib/http.js';
import { createEndpoint, deleteEndpoint, getDelivery, getEndpoint, listDeliveries, listEndpoints, resendDelivery, sendTestEvent, updateEndpoint } from './endpoints.js';

type C = Context<{ Variables: AgentVars }>;

function dateParam(raw: string | undefined, name: string): Date | undefined {
  if (raw === undefined || raw === '') return undefined;
  const d = new Date(raw);
  if (Number.isNaN(d.getTime())) throw new AppError('invalid', `${name} must be an ISO date`);
  return d;
}

export function webhookConsoleRoutes(ctx: AppContext) {
  const app = new Hono<{ Variables: AgentVars }>();
  app.use('*', cors({ origin: (origin) => origin, allowHeaders: ['Content-Type', 'Authorization'], allowMethods: ['GET', 'POST', 'PATCH', 'DELETE'], maxAge: 600 }));
  app.use('*', requireAgent(ctx));
  const admin = async (c: C): Promise<string> => {
    const scope = await kbScope(ctx, c.get('agentId'), c.req.query('site'));
    if (scope.role !== 'admin') throw new AppError('forbidden', 'only an admin may manage webhooks');
    return scope.siteId;
  };

  app.get('/', async (c) => {
    const siteId = await admin(c);
    return c.json({ endpoints: await listEndpoints(ctx.db, siteId), events: WEBHOOK_EVENTS, formats: WEBHOOK_FORMATS });
  });
  app.post('/', async (c) => {
    const siteId = await admin(c);
    return c.json({ endpoint: await createEndpoint(ctx, siteId, await readJson(c, webhookEndpointInputSchema), c.get('agentId')) }, 201);
  });

  app.get('/deliveries', async (c) => {
    const siteId = await admin(c);
    const q = c.req.query();
    const deliveries = await listDeliveries(ctx.db, siteId, {
      ...(q.endpoint ? { endpointId: requireUuid(q.endpoint, 'endpoint') } : {}),
      limit: intParam(q.limit, 'limit', 1, 200, 50),
      before: dateParam(q.before, 'before'),
    });
    return c.json({ deliveries });
  });
  app.get('/deliveries/:id', async (c) => {
    const siteId = await admin(c);
    return c.json({ delivery: await getDelivery(ctx.db, siteId, requireUuid(c.req.param('id'), 'id')) });
  });
  app.post('/deliveries/:id/resend', async (c) => {
    const siteId = await admin(c);
    return c.json({ delivery: await resendDelivery(ctx, siteId, requireUuid(c.req.param('id'), 'id')) }, 201);
  });

  app.get('/:id', async (c) => {
    const siteId = await admin(c);
    return c.json({ endpoint: await getEndpoint(ctx.db, siteId, requireUuid(c.req.param('id'), 'id')) });
  });
  app.patch('/:id', async (c) => {
    const siteId = await admin(c);
    const id = requireUuid(c.req.param('id'), 'id');
    return c.json({ endpoint: await updateEndpoint(ctx, siteId, id, await readJson(c, webhookEndpointPatchSchema), c.get('agentId')) });
  });
  app.delete('/:id', async (c) => {
    const siteId = await admin(c);
    await deleteEndpoint(ctx, siteId, requireUuid(c.req.param('id'), 'id'), c.get('agentId'));
    return c.body(null, 204);
  });
  app.post('/:id/test', async (c) => {
    const siteId = await admin(c);
    const id = requireUuid(c.req.param('id'), 'id');
    // An empty body is fine: the endpoint's first event is sent.
    const raw = await c.req.text();
    let body: unknown = {};
    if (raw.trim() !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        throw new AppError('invalid', 'the request body must be JSON');
      }
    }
    const { event } = parseInput(webhookTestSchema, body);
    return c.json({ delivery: await sendTestEvent(ctx, siteId, id, event) });
  });

  return app;
}
