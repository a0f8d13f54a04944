import type { IdentifyResult, VisitorIdentity, VisitorSession } from '@parley/protocol';
import { toProtocolError } from './errors.js';
import { requestJson } from './http.js';
import type { KeyValueStore } from './storage.js';

/** The stored session, with the user it was joined to (so a page load does not ask the server again). */
export type StoredSession = VisitorSession & { userId?: string };

/** Who an identity names: its userId, or the JWT's `sub` (read, not verified: the server verifies). */
export function identityUser(identity: VisitorIdentity): string {
  if ('userId' in identity) return identity.userId;
  try {
    const part = identity.jwt.split('.')[1] ?? '';
    const sub = (JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown }).sub;
    return typeof sub === 'string' ? sub : '';
  } catch {
    return '';
  }
}

export interface IdentifyContext {
  server: string;
  siteKey: string;
  store: KeyValueStore;
  keys: { session: string; conversation: string; open: string };
  identity: VisitorIdentity | null;
  /** Makes (and stores) a new visitor session. */
  fresh: () => Promise<StoredSession>;
}

/**
 * Joins `session` to the identity's contact, once per browser and user (`POST /api/visitor/identify`).
 * A session the server no longer knows, or that belongs to another user (a shared computer), is
 * replaced by a fresh one first, so one user's history never shows to another. A refused identity
 * (bad hash, expired JWT) leaves the chat working anonymously and says why in the browser console.
 */
export async function identifySession(c: IdentifyContext, session: StoredSession, retried = false): Promise<StoredSession> {
  const identity = c.identity;
  if (!identity) return session;
  const user = identityUser(identity);
  if (user && session.userId === user) return session;
  try {
    await requestJson<IdentifyResult>(`${c.server}/api/visitor/identify`, { body: { siteKey: c.siteKey, token: session.token, ...identity } });
  } catch (err) {
    const { code, message } = toProtocolError(err);
    if ((code === 'conflict' || code === 'unauthorized') && !retried) {
      c.store.removeItem(c.keys.session);
      c.store.removeItem(c.keys.conversation);
      c.store.removeItem(c.keys.open);
      return identifySession(c, await c.fresh(), true);
    }
    if (code === 'unavailable') throw err;
    console.warn(`[parley] identify: ${message}`);
    return session;
  }
  const joined: StoredSession = { ...session, userId: user };
  c.store.setItem(c.keys.session, JSON.stringify(joined));
  return joined;
}
