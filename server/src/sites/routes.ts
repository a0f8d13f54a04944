import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import { siteByKey, siteInfo } from './service.js';
import { siteCors } from './cors.js';
import { widgetOf } from './settings.js';

export function siteRoutes(ctx: AppContext) {
  const app = new Hono();
  const cors = siteCors(ctx, (c) => c.req.param('siteKey') ?? '');
  app.use('/:siteKey', cors);
  app.use('/:siteKey/widget', cors);
  app.get('/:siteKey', async (c) => c.json(await siteInfo(ctx, await siteByKey(ctx, c.req.param('siteKey')))));
  /**
   * The launcher's look for parley.js, before the chat is loaded: no database work beyond the site row,
   * and cacheable for a few minutes (a console change reaches pages within that time).
   */
  app.get('/:siteKey/widget', async (c) => {
    const widget = widgetOf(await siteByKey(ctx, c.req.param('siteKey')));
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(widget);
  });
  return app;
}
