/**
 * The console's knowledge-base authoring API (`/api/console/kb`), as plain fetch calls with the
 * agent's Bearer token. Plain fetch rather than the agent socket: these are request/response edits,
 * and the server's REST routes are where the role checks and validation live.
 */
import type { ArticleAdmin, ArticleInput, ArticlePatch, ArticleStatus, CategoryInput, KbCategory, KbGap, KbImportResult, KbVoteComment, Locale } from '@parley/protocol';

/** A refused or failed call: `code` is the server's error code, `unavailable` when it could not be reached. */
export class KbConsoleError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 0,
  ) {
    super(message);
    this.name = 'KbConsoleError';
  }
}

export interface ArticleFilters {
  q?: string;
  status?: ArticleStatus | '';
  category?: string;
  locale?: Locale | '';
}

export type { ArticlePatch };

export class KbConsoleApi {
  constructor(
    /** Origin of the Parley server, without a trailing slash. */
    private readonly server: string,
    private readonly token: string,
    /** Site id; empty when the agent works on one site only (the server then picks it). */
    private readonly site = '',
    /** Called when the server refuses the token (expired or revoked session). */
    private readonly onUnauthorized: () => void = () => {},
  ) {}

  /** One request; a refusal becomes a KbConsoleError carrying the server's code and message. */
  private async request(method: string, path: string, params: Record<string, string | undefined>, body: { data: BodyInit; type: string } | undefined, signal?: AbortSignal): Promise<Response> {
    const query = new URLSearchParams();
    if (this.site) query.set('site', this.site);
    for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
    const qs = query.toString();
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (body) headers['content-type'] = body.type;
    let res: Response;
    try {
      res = await fetch(`${this.server}/api/console/kb${path}${qs ? `?${qs}` : ''}`, { method, headers, body: body?.data, signal });
    } catch (err) {
      // Callers tell an abort apart by signal.aborted.
      if (signal?.aborted) throw err;
      throw new KbConsoleError('unavailable', 'Cannot reach the server.');
    }
    if (!res.ok) {
      if (res.status === 401) this.onUnauthorized();
      const e = ((await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null)?.error;
      throw new KbConsoleError(e?.code ?? (res.status >= 500 ? 'unavailable' : 'invalid'), e?.message ?? `HTTP ${res.status}`, res.status);
    }
    return res;
  }

  private async call<T>(method: string, path: string, params: Record<string, string | undefined> = {}, body?: unknown, signal?: AbortSignal): Promise<T> {
    const res = await this.request(method, path, params, body === undefined ? undefined : { data: JSON.stringify(body), type: 'application/json' }, signal);
    return (await res.json().catch(() => null)) as T;
  }

  /** The whole knowledge base as a file: the JSON export, or a zip of markdown files. */
  async exportFile(format: 'json' | 'markdown'): Promise<{ blob: Blob; name: string }> {
    const res = await this.request('GET', '/export', { format: format === 'markdown' ? 'markdown' : undefined }, undefined);
    const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? (format === 'markdown' ? 'parley-kb.zip' : 'parley-kb.json');
    return { blob: await res.blob(), name };
  }

  /** Imports a JSON export or a zip of markdown files; nothing is written unless all of it is valid. */
  async importFile(file: Blob, name: string): Promise<KbImportResult> {
    const type = /\.zip$/i.test(name) || file.type.includes('zip') ? 'application/zip' : 'application/json';
    const res = await this.request('POST', '/import', {}, { data: file, type });
    return (await res.json()) as KbImportResult;
  }

  createCategory(input: CategoryInput): Promise<KbCategory> {
    return this.call<{ category: KbCategory }>('POST', '/categories', {}, input).then((r) => r.category);
  }

  updateCategory(id: string, patch: Partial<CategoryInput>): Promise<KbCategory> {
    return this.call<{ category: KbCategory }>('PATCH', `/categories/${encodeURIComponent(id)}`, {}, patch).then((r) => r.category);
  }

  removeCategory(id: string): Promise<void> {
    return this.call<unknown>('DELETE', `/categories/${encodeURIComponent(id)}`).then(() => undefined);
  }

  categories(signal?: AbortSignal): Promise<KbCategory[]> {
    return this.call<{ categories: KbCategory[] }>('GET', '/categories', {}, undefined, signal).then((r) => r.categories);
  }

  /** Every version matching the filters (drafts included); with `q`, the best-matching ones by relevance. */
  articles(filters: ArticleFilters, signal?: AbortSignal): Promise<ArticleAdmin[]> {
    const params = { q: filters.q?.trim(), status: filters.status, category: filters.category, locale: filters.locale, limit: '500' };
    return this.call<{ articles: ArticleAdmin[] }>('GET', '/articles', params, undefined, signal).then((r) => r.articles);
  }

  article(id: string, signal?: AbortSignal): Promise<ArticleAdmin> {
    return this.call<{ article: ArticleAdmin }>('GET', `/articles/${encodeURIComponent(id)}`, {}, undefined, signal).then((r) => r.article);
  }

  create(input: ArticleInput): Promise<ArticleAdmin> {
    return this.call<{ article: ArticleAdmin }>('POST', '/articles', {}, input).then((r) => r.article);
  }

  update(id: string, patch: ArticlePatch): Promise<ArticleAdmin> {
    return this.call<{ article: ArticleAdmin }>('PATCH', `/articles/${encodeURIComponent(id)}`, {}, patch).then((r) => r.article);
  }

  remove(id: string): Promise<void> {
    return this.call<unknown>('DELETE', `/articles/${encodeURIComponent(id)}`).then(() => undefined);
  }

  /** The server's rendering of `markdown` (sanitised there; sanitise again before inserting it). */
  preview(markdown: string, signal?: AbortSignal): Promise<string> {
    return this.call<{ html: string }>('POST', '/preview', {}, { markdown }, signal).then((r) => r.html);
  }

  /** What visitors wrote with their votes on one version, newest first. */
  comments(id: string): Promise<KbVoteComment[]> {
    return this.call<{ comments: KbVoteComment[] }>('GET', `/articles/${encodeURIComponent(id)}/comments`).then((r) => r.comments);
  }

  gaps(signal?: AbortSignal): Promise<KbGap[]> {
    return this.call<{ gaps: KbGap[] }>('GET', '/gaps', { limit: '100' }, undefined, signal).then((r) => r.gaps);
  }

  resolveGap(key: string, articleId: string): Promise<void> {
    return this.call<unknown>('POST', `/gaps/${encodeURIComponent(key)}/resolve`, {}, { articleId }).then(() => undefined);
  }
}

/** Keywords as typed: commas of either width or the ideographic list comma separate them. */
export function parseKeywords(raw: string): string[] {
  return raw
    .split(/[,，、]/)
    .map((k) => k.trim())
    .filter(Boolean);
}
