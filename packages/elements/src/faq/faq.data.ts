/**
 * What <parley-faq> shows, fetched from the public help-center API: the topics, a topic's articles,
 * search results and one article (with its sanitised body). Each view asks for what it needs on every
 * update; unchanged keys cost nothing, so Back shows the list it left without a refetch.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Article, ArticleSummary, KbCategory, Locale, SearchResponse } from '@parley/protocol';
import { fetchArticle, fetchArticles, fetchCategories, searchArticles, type KbSource } from '../internal/kb-api.js';
import { articleBody } from './faq.body.js';
import { Resource } from './faq.resource.js';

export type View = 'home' | 'category' | 'results' | 'article';

export interface LoadedArticle {
  article: Article;
  body: HTMLElement;
}

/** Search as you type: one request per pause this long. */
export const SEARCH_DELAY_MS = 200;
const SEARCH_LIMIT = 10;

export interface Wanted {
  view: View;
  article: string;
  query: string;
  category: string;
  /** Search without waiting for a pause in typing (a deep link, `search()`, Enter). */
  now: boolean;
}

export class FaqData {
  readonly categories: Resource<KbCategory[]>;
  readonly list: Resource<ArticleSummary[]>;
  readonly results: Resource<SearchResponse>;
  readonly article: Resource<LoadedArticle>;

  constructor(host: ReactiveControllerHost) {
    this.categories = new Resource(host);
    this.list = new Resource(host);
    this.results = new Resource(host);
    this.article = new Resource(host);
  }

  ensure(src: KbSource, locale: Locale, w: Wanted): void {
    const base = `${src.server}|${src.site}|${locale}`;
    if (w.view === 'article') {
      const id = w.article;
      this.article.ensure(`${src.server}|${src.site}|${id}`, async (signal) => {
        const article = await fetchArticle(src, id, signal);
        return { article, body: await articleBody(article) };
      });
      return;
    }
    if (w.view === 'results') {
      const q = w.query.trim();
      this.results.ensure(`${base}|${q}`, (signal) => searchArticles(src, q, locale, SEARCH_LIMIT, signal), w.now ? 0 : SEARCH_DELAY_MS);
      return;
    }
    // Back at the topics: a search still waiting for its pause is no longer wanted.
    this.results.cancel();
    this.categories.ensure(base, (signal) => fetchCategories(src, locale, signal));
    if (w.view === 'category') {
      const category = w.category;
      this.list.ensure(`${base}|${category}`, (signal) => fetchArticles(src, locale, category, signal));
    }
  }

  cancel(): void {
    for (const r of [this.categories, this.list, this.results, this.article]) r.cancel();
  }
}
