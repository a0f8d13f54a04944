/**
 * The console's knowledge-base authoring API (`/api/console/kb`).
 */
import type { ArticleAdmin, ArticleInput, ArticlePatch, ArticleStatus, CategoryInput, KbCategory, KbGap, KbImportResult, KbVoteComment, Locale } from '@parley/protocol';

import { ConsoleRest } from '../console-rest.js';

export interface ArticleFilters {
  q?: string;
  status?: ArticleStatus | '';
  category?: string;
  locale?: Locale | '';
}

export type { ArticlePatch };

export class KbConsoleApi extends ConsoleRest {
  constructor(server: string, token: string, site = '', onUnauthorized: () => void = () => {}) {
    super(server, token, site, onUnauthorized, '/api/console/kb');
  }

  /** The whole knowledge base as a file: the JSON export, or a zip of markdown files. */
  exportFile(format: 'json' | 'markdown'): Promise<{ blob: Blob; name: string }> {
    return this.download('/export', { format: format === 'markdown' ? 'markdown' : undefined }, format === 'markdown' ? 'parley-kb.zip' : 'parley-kb.json');
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
