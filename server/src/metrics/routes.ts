import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { jsonError } from '../lib/http.js';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** GET /metrics in Prometheus text format; with METRICS_TOKEN set, only for `Authorization: Bearer <token>`. */
export function metricsRoutes(ctx: AppContext) {
  const app = new Hono();
  app.get('/', async (c) => {
    const token = ctx.config.metricsToken;
    if (token) {
      const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim() ?? '';
      if (!sameSecret(given, token)) {
        c.header('WWW-Authenticate', 'Bearer realm="metrics"');
        return jsonError(c, new AppError('unauthorized', 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>'));
      }
    }
    const body = await ctx.metrics.registry.metrics();
    return c.body(body, 200, { 'Content-Type': ctx.metrics.registry.contentType });
  });
  return app;
}
