/**
 * /api/console/api-tokens: admins list, create (the secret answered once) and revoke scoped API tokens
 * (Bearer agent session; `?site=` for admins of several sites). A token can never manage tokens: this
 * domain is not one a token may be given.
 */
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Context } from 'hono';
import { API_TOKEN_DOMAINS } from '@parley/protocol';
import { apiTokenInputSchema } from '@parley/protocol/schemas';
import { requireAgent } from '../auth/routes.js';
import type { AppContext } from '../context.js';
import { agents } from '../db/schema.js';
import { kbScope, requireUuid } from '../kb/access.js';
import { AppError } from '../lib/errors.js';
import { readJson, type AgentVars } from '../lib/http.js';
import { createApiToken, listApiTokens, revokeApiToken } from './service.js';

type C = Context<{ Variables: AgentVars }>;

export function apiTokenRoutes(ctx: AppContext) {
  const app = new Hono<{ Variables: AgentVars }>();
  app.use('*', cors({ origin: (origin) => origin, allowHeaders: ['Content-Type', 'Authorization'], allowMethods: ['GET', 'POST', 'DELETE'], maxAge: 600 }));
  app.use('*', requireAgent(ctx));
  const admin = async (c: C): Promise<string> => {
    const scope = await kbScope(ctx, c.get('agentId'), c.req.query('site'));
    if (scope.role !== 'admin') throw new AppError('forbidden', 'only an admin may manage API tokens');
    return scope.siteId;
  };

  app.get('/', async (c) => c.json({ tokens: await listApiTokens(ctx, await admin(c)), domains: API_TOKEN_DOMAINS }));
  app.post('/', async (c) => {
    const siteId = await admin(c);
    const input = await readJson(c, apiTokenInputSchema);
    const [me] = await ctx.db.select({ id: agents.id, name: agents.name }).from(agents).where(eq(agents.id, c.get('agentId')));
    return c.json(await createApiToken(ctx, siteId, me!, input), 201);
  });
  app.delete('/:id', async (c) => {
    const siteId = await admin(c);
    return c.json({ token: await revokeApiToken(ctx, siteId, c.get('agentId'), requireUuid(c.req.param('id'), 'id')) });
  });
  return app;
}
