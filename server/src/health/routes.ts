import { Hono } from 'hono';
import type { HealthStatus } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { pingDatabase } from '../db/client.js';

export function healthRoutes(ctx: AppContext, startedAt: number) {
  const app = new Hono();
  app.get('/', async (c) => {
    const t0 = performance.now();
    let database: HealthStatus['database'];
    try {
      await pingDatabase(ctx.db);
      database = { ok: true, driver: ctx.database.driver, latencyMs: Math.round((performance.now() - t0) * 100) / 100 };
    } catch (err) {
      database = { ok: false, driver: ctx.database.driver, latencyMs: null, error: err instanceof Error ? err.message : String(err) };
    }
    const body: HealthStatus = { status: database.ok ? 'ok' : 'degraded', database, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
    return c.json(body, database.ok ? 200 : 503);
  });
  return app;
}
