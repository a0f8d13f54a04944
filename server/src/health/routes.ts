import { Hono } from 'hono';
import type { HealthStatus } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { pingDatabase } from '../db/client.js';

/** How long a readiness probe waits for the database before calling it down. */
const READY_PING_TIMEOUT_MS = 2000;

async function ping(ctx: AppContext, timeoutMs: number): Promise<{ ok: true; latencyMs: number } | { ok: false; error: string }> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      pingDatabase(ctx.db),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs))),
    ]);
    return { ok: true, latencyMs: Math.round((performance.now() - t0) * 100) / 100 };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(ctx: AppContext, startedAt: number) {
  const app = new Hono();
  app.get('/', async (c) => {
    const result = await ping(ctx, 10_000);
    const database: HealthStatus['database'] = result.ok
      ? { ok: true, driver: ctx.database.driver, latencyMs: result.latencyMs }
      : { ok: false, driver: ctx.database.driver, latencyMs: null, error: result.error };
    const body: HealthStatus = { status: database.ok ? 'ok' : 'degraded', database, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
    return c.json(body, database.ok ? 200 : 503);
  });

  // Liveness: answering at all is the proof. It never looks at the database, so an orchestrator does
  // not restart a healthy process because PostgreSQL is away (restarting would not bring it back).
  app.get('/live', (c) => c.json({ status: 'live' }));

  // Readiness: whether a load balancer should send new clients here. Not while shutting down (so
  // traffic drains before sockets drop) and not while the database cannot commit what we would ack.
  app.get('/ready', async (c) => {
    if (ctx.state.closing) return c.json({ status: 'not_ready', reason: 'shutting down' }, 503);
    const result = await ping(ctx, READY_PING_TIMEOUT_MS);
    if (!result.ok) return c.json({ status: 'not_ready', reason: `database: ${result.error}` }, 503);
    return c.json({ status: 'ready', database: { driver: ctx.database.driver, latencyMs: result.latencyMs } });
  });
  return app;
}
