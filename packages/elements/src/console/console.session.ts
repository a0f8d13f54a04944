import type { ConsoleStrings } from './console.strings.js';

/**
 * Where the agent's session token lives between reloads. sessionStorage, not localStorage: a reload
 * keeps the agent signed in, but closing the tab ends it, and another tab (another agent on a shared
 * desk) does not inherit it. Access is guarded because storage can throw (sandboxed iframes).
 */
export const TOKEN_KEY = 'parley:agent-token';

export function readToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function writeToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Without storage the session lasts as long as the page: still usable.
  }
}

/** The error code of whatever a client call threw (ParleyError has `code`), or null. */
export function errorCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

export function errorMessage(err: unknown): string {
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message ? message : String(err);
}

/** What the sign-in form says when the server refused: one answer for unknown and wrong accounts. */
export function signInErrorText(s: ConsoleStrings, err: unknown): string {
  const code = errorCode(err);
  if (code === 'unauthorized') return s.wrongCredentials;
  if (code === 'rate_limited') return s.tooManyAttempts;
  if (code === 'unavailable' || code === null) return s.cannotReachServer;
  return errorMessage(err);
}
