import { visitorKeys } from '@parley/client';

/**
 * The chat's visitor token for a site (stored by @parley/client), so a ticket filed from this browser
 * joins its conversations; empty before the visitor has chatted or when storage is unavailable.
 */
export function storedVisitorToken(site: string): string {
  try {
    const session = JSON.parse(localStorage.getItem(visitorKeys(site).session) ?? 'null') as { token?: unknown } | null;
    return typeof session?.token === 'string' ? session.token : '';
  } catch {
    return '';
  }
}
