import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import { siteByKey, siteInfo } from './service.js';
import { siteCors } from './cors.js';

export function siteRoutes(ctx: AppContext) {
  const app = new Hono();
  app.use('/:siteKey', siteCors(ctx, (c) => c.req.param('siteKey') ?? ''));
  app.get('/:siteKey', async (c) => c.json(await siteInfo(ctx, await siteByKey(ctx, c.req.param('siteKey')))));
  return app;
}
