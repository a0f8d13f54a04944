import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { loginSchema, describeZodError } from '@parley/protocol/schemas';
import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { jsonError, type AgentVars } from '../lib/http.js';
import { requestIp } from '../limits/http.js';
import { accountRoutes } from './account-routes.js';
import { agentProfile, authenticate, login, logout } from './service.js';

export type SelfVars = AgentVars & { enrolOnly: boolean };

/**
 * Bearer-token guard: sets `agentId` and `sessionId` for the routes behind it. A session that must
 * first enrol in two-factor is refused (403 `two_factor_enrolment_required`) unless `allowEnrolOnly`:
 * only sign-out, /me and the enrolment routes pass it.
 */
export function requireAgent(ctx: AppContext, opts: { allowEnrolOnly?: boolean } = {}) {
  return async (c: import('hono').Context<{ Variables: AgentVars }>, next: () => Promise<void>) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    // API tokens pass: the access guard (agents/access.ts) has held this request to the token's scopes.
    const session = await authenticate(ctx, token, { ...opts, apiToken: true });
    c.set('agentId', session.agentId);
    c.set('sessionId', session.sessionId);
    (c as unknown as import('hono').Context<{ Variables: SelfVars }>).set('enrolOnly', session.enrolOnly);
    await next();
  };
}

export function authRoutes(ctx: AppContext) {
  const app = new Hono<{ Variables: SelfVars }>();

  // `<parley-console server=...>` may run on any page of the company's. These routes authenticate by
  // Bearer token only (no cookies), so a foreign origin gains nothing it did not already hold; login
  // itself is throttled per IP and account.
  app.use('*', cors({ origin: (origin) => origin, allowHeaders: ['Content-Type', 'Authorization'], allowMethods: ['GET', 'POST', 'PUT', 'DELETE'], maxAge: 600 }));

  app.post('/login', async (c) => {
    const body = await c.req.json().catch(() => undefined);
    const parsed = loginSchema.safeParse(body);
    if (!parsed.success) return jsonError(c, new AppError('invalid', describeZodError(parsed.error)));
    return c.json(await login(ctx, { ...parsed.data, ip: requestIp(ctx, c), userAgent: c.req.header('user-agent') }));
  });

  app.post('/logout', requireAgent(ctx, { allowEnrolOnly: true }), async (c) => {
    await logout(ctx, c.get('sessionId'));
    return c.json({ ok: true });
  });

  app.get('/me', requireAgent(ctx, { allowEnrolOnly: true }), async (c) => c.json(await agentProfile(ctx, c.get('agentId'))));

  // Two-factor login's second step, enrolment, password, sessions and the sign-in policy.
  app.route('/', accountRoutes(ctx));

  return app;
}
