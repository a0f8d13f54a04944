/** The editor's model of one article: its locale versions as saved and as being edited. */
import type { ArticleAdmin, ArticleStatus, Locale } from '@parley/protocol';
import { SUPPORTED_LOCALES } from '@parley/protocol';
import { parseKeywords, type KbConsoleApi } from './kb-console-api.js';

/** One locale version: what the server holds (`saved`) and what the form holds. */
export interface VersionDraft {
  id: string | null;
  status: ArticleStatus | null;
  title: string;
  body: string;
  /** As typed, comma separated. */
  keywords: string;
  saved: ArticleAdmin | null;
}

export type Field = 'title' | 'body' | 'keywords' | 'categoryId';

export function fromArticle(a: ArticleAdmin): VersionDraft {
  return { id: a.id, status: a.status, title: a.title, body: a.body, keywords: a.keywords.join(', '), saved: a };
}

export function blankDraft(title = ''): VersionDraft {
  return { id: null, status: null, title, body: '', keywords: '', saved: null };
}

const sameList = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** True when the form holds something the server does not (a new version counts once anything is typed). */
export function isDirty(d: VersionDraft): boolean {
  if (!d.saved) return !!(d.title.trim() || d.body.trim() || d.keywords.trim());
  return d.title !== d.saved.title || d.body !== d.saved.body || !sameList(parseKeywords(d.keywords), d.saved.keywords);
}

/** Locales in the catalog's order, filtered. */
export const localesWhere = (keep: (l: Locale) => boolean): Locale[] => SUPPORTED_LOCALES.filter(keep);

/**
 * The form field a server validation message is about. Messages are `path: reason` (see
 * describeZodError); the text itself is shown as the server wrote it.
 */
export function fieldOf(message: string): Field | null {
  const m = /^(title|body|markdown|keywords|categoryId)\b/.exec(message);
  if (!m) return null;
  return m[1] === 'markdown' ? 'body' : (m[1] as Field);
}

/** `{yes, no}` as "75% helpful" material: null without votes. */
export function helpfulPercent(h: { yes: number; no: number }): number | null {
  const total = h.yes + h.no;
  return total ? Math.round((h.yes / total) * 100) : null;
}

/** An article with all its locale versions, starting from any one of them. */
export async function loadGroup(api: KbConsoleApi, id: string): Promise<{ first: ArticleAdmin; versions: Partial<Record<Locale, VersionDraft>> }> {
  const first = await api.article(id);
  const others = await Promise.all(first.versions.map((v) => api.article(v.id)));
  const versions: Partial<Record<Locale, VersionDraft>> = {};
  for (const a of [first, ...others]) versions[a.locale] = fromArticle(a);
  return { first, versions };
}
