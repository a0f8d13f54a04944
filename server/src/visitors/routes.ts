import { Hono } from 'hono';
import { describeZodError, visitorPageSchema, visitorSessionSchema } from '@parley/protocol/schemas';
import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { limitPerIp } from '../limits/http.js';
import { siteCors, siteKeyInBody } from '../sites/cors.js';
import { parseInput } from '../lib/http.js';
import { createVisitorSession, localeFromHeader, recordPage } from './service.js';

export function visitorRoutes(ctx: AppContext) {
  const app = new Hono();
  app.use(
    '/session',
    siteCors(ctx, siteKeyInBody),
  );
  // After the CORS check, so a refused browser can still read the 429 and its Retry-After.
  app.post('/session', limitPerIp(ctx, 'visitorSessionsPerIp'), async (c) => {
    const parsed = visitorSessionSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) throw new AppError('invalid', describeZodError(parsed.error));
    const session = await createVisitorSession(ctx, { siteKey: parsed.data.siteKey, origin: c.req.header('origin'), locale: localeFromHeader(c.req.header('accept-language')) });
    return c.json(session, 201);
  });
  app.use(
    '/page',
    siteCors(ctx, siteKeyInBody),
  );
  // A route change is read-like traffic, as frequent as help-center reads: the same per-IP budget.
  app.post('/page', limitPerIp(ctx, 'kbReadsPerIp'), async (c) => {
    const input = parseInput(visitorPageSchema, await c.req.json().catch(() => undefined));
    return c.json(await recordPage(ctx, { siteKey: input.siteKey, token: input.visitorToken, origin: c.req.header('origin'), url: input.url }));
  });
  return app;
}
