import { Hono } from 'hono';
import { describeZodError, visitorSessionSchema } from '@parley/protocol/schemas';
import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { limitPerIp } from '../limits/http.js';
import { siteCors } from '../sites/cors.js';
import { createVisitorSession, localeFromHeader } from './service.js';

export function visitorRoutes(ctx: AppContext) {
  const app = new Hono();
  app.use(
    '/session',
    siteCors(ctx, async (c) => {
      const body: unknown = await c.req.json().catch(() => undefined);
      return typeof body === 'object' && body && 'siteKey' in body ? String(body.siteKey) : '';
    }),
  );
  // After the CORS check, so a refused browser can still read the 429 and its Retry-After.
  app.post('/session', limitPerIp(ctx, 'visitorSessionsPerIp'), async (c) => {
    const parsed = visitorSessionSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) throw new AppError('invalid', describeZodError(parsed.error));
    const session = await createVisitorSession(ctx, { siteKey: parsed.data.siteKey, origin: c.req.header('origin'), locale: localeFromHeader(c.req.header('accept-language')) });
    return c.json(session, 201);
  });
  return app;
}
