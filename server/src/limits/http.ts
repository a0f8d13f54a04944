import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppContext } from '../context.js';
import { clientIp } from './client-ip.js';
import type { LimitName } from './limiters.js';

/** The per-IP key of a REST request, honouring TRUST_PROXY. */
export function requestIp(ctx: AppContext, c: Context): string {
  let remote: string | undefined;
  try {
    remote = getConnInfo(c).remote.address;
  } catch {
    // Not on the node adapter (app.request in a test): one bucket for all.
  }
  return clientIp(remote, c.req.header('x-forwarded-for'), ctx.config.trustProxy);
}

/** Hono middleware taking one point of a per-IP limit; a refusal is a 429 `rate_limited` with Retry-After. */
export function limitPerIp(ctx: AppContext, name: LimitName) {
  return async (c: Context, next: () => Promise<void>) => {
    // OPTIONS preflights are free: the browser sends one before many real requests.
    if (c.req.method !== 'OPTIONS') await ctx.limits.take(name, requestIp(ctx, c));
    await next();
  };
}
