/**
 * What a scoped API token may call: the console REST routes of its domains, GET with `domain:read`,
 * anything with `domain:write`. Every other route (one's account, sign-out, the tokens themselves, the
 * sockets) is out of reach whatever the scopes.
 */
import { API_TOKEN_DOMAINS, type ApiTokenDomain, type ApiTokenScope } from '@parley/protocol';
import { routeDomain } from '../agents/access-rules.js';

/** Tokens are told apart from session tokens by this prefix (and it helps secret scanners find leaks). */
export const API_TOKEN_PREFIX = 'pat_';

const isDomain = (d: string): d is ApiTokenDomain => (API_TOKEN_DOMAINS as readonly string[]).includes(d);

/** The scope a request needs (`METHOD /hono/path`), or null when no token may call it. */
export function scopeNeeded(method: string, path: string): { domain: ApiTokenDomain; write: boolean } | null {
  if (!path.startsWith('/api/console/')) return null;
  const domain = routeDomain(path);
  if (!isDomain(domain)) return null;
  return { domain, write: method !== 'GET' && method !== 'HEAD' };
}

export function scopesAllow(scopes: readonly ApiTokenScope[], need: { domain: ApiTokenDomain; write: boolean }): boolean {
  return scopes.includes(`${need.domain}:write`) || (!need.write && scopes.includes(`${need.domain}:read`));
}
