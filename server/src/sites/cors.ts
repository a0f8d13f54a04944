import type { Context, MiddlewareHandler } from 'hono';
import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { originAllowed, siteByKey } from './service.js';

/**
 * CORS by the site's own allowlist. A preflight carries no body (the site key may be in it), so it
 * is answered permissively; the real request is refused with 403 when its Origin is not allowed.
 */
/** For siteCors on JSON POSTs that name their site in the body (`{ siteKey, ... }`): '' when they do not. */
export async function siteKeyInBody(c: Context): Promise<string> {
  const body: unknown = await c.req.json().catch(() => undefined);
  return typeof body === 'object' && body && 'siteKey' in body ? String(body.siteKey) : '';
}

export function siteCors(ctx: AppContext, keyOf: (c: Context) => string | Promise<string>): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') {
      if (origin) {
        c.header('Access-Control-Allow-Origin', origin);
        c.header('Vary', 'Origin');
      }
      c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      c.header('Access-Control-Allow-Headers', 'Content-Type');
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    if (origin) {
      const key = await keyOf(c);
      const site = await siteByKey(ctx, key).catch(() => null);
      if (site && !originAllowed(site, origin)) throw new AppError('forbidden', 'this origin may not use this site');
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
    }
    await next();
  };
}
