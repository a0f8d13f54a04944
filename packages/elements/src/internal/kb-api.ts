/**
 * The help center's public REST API (`/api/kb/:siteKey/...`), as plain fetch calls. Reading articles
 * needs no socket, so this file, not @parley/client, is what <parley-faq> loads: the Help tab must
 * not pay for Socket.IO. Types come from @parley/protocol as `import type` only (no runtime code).
 */
import type { Article, ArticleSummary, KbCategory, Locale, SearchResponse, VisitorSession, VoteInput } from '@parley/protocol';

/** A failed call: `code` is the server's error code (or `unavailable` when it could not be reached). */
export class KbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KbError';
  }
}

export interface KbSource {
  /** Origin of the Parley server, without a trailing slash. */
  server: string;
  site: string;
}

async function call<T>(src: KbSource, path: string, signal?: AbortSignal, body?: unknown): Promise<T> {
  const origin = src.server.replace(/\/+$/, '');
  const url = path.startsWith('/api/') ? origin + path : `${origin}/api/kb/${encodeURIComponent(src.site)}${path}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (err) {
    // The caller tells an abort apart by signal.aborted; rethrowing it keeps that check simple.
    if (signal?.aborted) throw err;
    throw new KbError('unavailable', 'Cannot reach the server.');
  }
  const parsed = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) {
    const e = parsed?.error;
    throw new KbError(e?.code ?? (res.status >= 500 ? 'unavailable' : 'invalid'), e?.message ?? `HTTP ${res.status}`);
  }
  return parsed as T;
}

const qs = (params: Record<string, string | number | undefined>): string => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export const fetchCategories = (src: KbSource, locale: Locale, signal?: AbortSignal): Promise<KbCategory[]> =>
  call<{ categories: KbCategory[] }>(src, `/categories${qs({ locale })}`, signal).then((r) => r.categories);

export const fetchArticles = (src: KbSource, locale: Locale, category: string, signal?: AbortSignal): Promise<ArticleSummary[]> =>
  call<{ articles: ArticleSummary[] }>(src, `/articles${qs({ locale, category })}`, signal).then((r) => r.articles);

export const fetchArticle = (src: KbSource, id: string, signal?: AbortSignal): Promise<Article> =>
  call<{ article: Article }>(src, `/articles/${encodeURIComponent(id)}`, signal).then((r) => r.article);

export const searchArticles = (src: KbSource, q: string, locale: Locale, limit: number, signal?: AbortSignal): Promise<SearchResponse> =>
  call<SearchResponse>(src, `/search${qs({ q, locale, limit })}`, signal);

export const voteArticle = (src: KbSource, id: string, vote: VoteInput): Promise<{ ok: boolean; helpful: { yes: number; no: number } }> =>
  call(src, `/articles/${encodeURIComponent(id)}/votes`, undefined, vote);

/** A visitor session, as the chat creates one (`POST /api/visitor/session`). */
export const createVisitorSession = (src: KbSource): Promise<VisitorSession> =>
  call(src, '/api/visitor/session', undefined, { siteKey: src.site });
