/**
 * What a person has typed, kept in sessionStorage per site (and per audience: the intranet form is a
 * different form), so a reload or a dropped connection loses nothing. Cleared once the ticket exists.
 * Files cannot be kept there; they stay attached for as long as the page lives. Storage may throw
 * (private modes, sandboxed frames): the form then works without the safety net.
 */
import { emptyDraft, type Draft } from './feedback.checks.js';

export const draftKey = (site: string, employee: boolean): string => `parley:${site}:feedback-draft${employee ? ':employee' : ''}`;

export function readDraft(key: string): Partial<Draft> | null {
  let raw: string | null;
  try {
    raw = sessionStorage.getItem(key);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object') return null;
    // Only known fields of the right type: a damaged entry must not break the form.
    const template = emptyDraft();
    const out: Partial<Draft> = {};
    for (const k of Object.keys(template) as (keyof Draft)[]) {
      const v = (parsed as Record<string, unknown>)[k];
      if (typeof v === typeof template[k]) (out as Record<string, unknown>)[k] = v;
    }
    return out;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, d: Draft): void {
  const blank = !d.categoryId && !d.subject && !d.message && !d.name && !d.email;
  try {
    if (blank) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(d));
  } catch {
    // Full or unavailable: the typed text is still in the form.
  }
}

export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing was stored.
  }
}
