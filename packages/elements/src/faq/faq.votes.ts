/**
 * "Was this helpful?" memory: one vote per article per browser, kept in localStorage (it may throw in
 * private modes or sandboxed frames; voting then still works for the page's lifetime).
 */
import { createVisitorSession, type KbSource } from '../internal/kb-api.js';

export type Vote = 'yes' | 'no';

const memory = new Map<string, string>();
const key = (site: string): string => `parley:${site}:faq-votes`;

function read(site: string): Record<string, Vote> {
  let raw: string | null | undefined;
  try {
    raw = localStorage.getItem(key(site));
  } catch {
    raw = memory.get(key(site));
  }
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, Vote>) : {};
  } catch {
    return {};
  }
}

export function storedVote(site: string, articleId: string): Vote | undefined {
  const v = read(site)[articleId];
  return v === 'yes' || v === 'no' ? v : undefined;
}

export function storeVote(site: string, articleId: string, vote: Vote): void {
  const all = read(site);
  all[articleId] = vote;
  const raw = JSON.stringify(all);
  try {
    localStorage.setItem(key(site), raw);
  } catch {
    memory.set(key(site), raw);
  }
}

/**
 * The visitor token the server ties votes to, so a visitor changing their mind replaces their vote
 * instead of adding one. It is the chat's own session (same storage key as @parley/client), created
 * here when this browser has none yet; the chat then continues as the same visitor. Undefined when
 * the server cannot be reached: the vote is then anonymous.
 */
export async function ensureVisitorToken(src: KbSource): Promise<string | undefined> {
  const storageKey = `parley:${src.site}:visitor`;
  try {
    const s = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as { token?: unknown } | null;
    if (typeof s?.token === 'string') return s.token;
  } catch {
    // Unreadable storage or a damaged entry: ask the server for a new session below.
  }
  try {
    const session = await createVisitorSession(src);
    try {
      localStorage.setItem(storageKey, JSON.stringify(session));
    } catch {
      // Not stored: this page keeps the token in memory through the closure of this vote only.
    }
    return session.token;
  } catch {
    return undefined;
  }
}
