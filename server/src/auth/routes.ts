import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { getConnInfo } from '@hono/node-server/conninfo';
import { loginSchema, describeZodError } from '@parley/protocol/schemas';
import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { jsonError, type AgentVars } from '../lib/http.js';
import { agentProfile, authenticate, login, logout } from './service.js';

/** Bearer-token guard: sets `agentId` and `sessionId` for the routes behind it. */
export function requireAgent(ctx: AppContext) {
  return async (c: import('hono').Context<{ Variables: AgentVars }>, next: () => Promise<void>) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    const session = await authenticate(ctx, token);
    c.set('agentId', session.agentId);
    c.set('sessionId', session.sessionId);
    await next();
  };
}

export function authRoutes(ctx: AppContext) {
  const app = new Hono<{ Variables: AgentVars }>();

  // `<parley-console server=...>` may run on any page of the company's. These routes authenticate by
  // Bearer token only (no cookies), so a foreign origin gains nothing it did not already hold; login
  // itself is throttled per IP and account.
  app.use('*', cors({ origin: (origin) => origin, allowHeaders: ['Content-Type', 'Authorization'], allowMethods: ['GET', 'POST'], maxAge: 600 }));

  app.post('/login', async (c) => {
    const body = await c.req.json().catch(() => undefined);
    const parsed = loginSchema.safeParse(body);
    if (!parsed.success) return jsonError(c, new AppError('invalid', describeZodError(parsed.error)));
    let ip = 'unknown';
    try {
      ip = getConnInfo(c).remote.address ?? ip;
    } catch {
      // Not on the node adapter (app.request in a test): one bucket for all.
    }
    return c.json(await login(ctx, { ...parsed.data, ip }));
  });

  app.post('/logout', requireAgent(ctx), async (c) => {
    await logout(ctx, c.get('sessionId'));
    return c.json({ ok: true });
  });

  app.get('/me', requireAgent(ctx), async (c) => c.json(await agentProfile(ctx, c.get('agentId'))));

  return app;
}
