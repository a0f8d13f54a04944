/**
 * Help center (knowledge base) DTOs: what the public REST API (`/api/kb/:siteKey/...`) and the
 * console's authoring API (`/api/console/kb/...`) send and receive. Types only; validators for the
 * inbound ones live in `./schemas` (server only).
 */
import type { Locale } from './constants.js';
import type { IsoDate, LocalizedText } from './types.js';

export type ArticleStatus = 'draft' | 'published';

export interface KbCategory {
  id: string;
  /** Stable, URL-safe; unique per site. */
  slug: string;
  names: LocalizedText;
  position: number;
  /** Published articles in the requested locale (public API) or in any state (console). */
  articleCount: number;
}

/** One article in one locale, as lists and search show it. */
export interface ArticleSummary {
  id: string;
  /** Shared by the locale versions of the same article. */
  groupId: string;
  locale: Locale;
  title: string;
  categoryId: string | null;
  /** Plain text, at most ~200 characters, from the start of the body (or the matched passage in search). */
  excerpt: string;
  updatedAt: IsoDate;
}

export interface Article extends ArticleSummary {
  /** Markdown source. */
  body: string;
  /** The body rendered to HTML and sanitised on the server; clients sanitise again before inserting it. */
  html: string;
  keywords: string[];
  status: ArticleStatus;
  /** The other locale versions of this article (published ones only on the public API). */
  versions: Array<{ id: string; locale: Locale; title: string; status: ArticleStatus }>;
}

/** Console view of an article: adds the numbers the public never sees. */
export interface ArticleAdmin extends Article {
  views: number;
  helpful: { yes: number; no: number };
  createdAt: IsoDate;
}

/** A visitor's comment left with a helpful vote (console: `GET /api/console/kb/articles/:id/comments`). */
export interface KbVoteComment {
  helpful: boolean;
  comment: string;
  /** When the vote was cast or last replaced. */
  createdAt: IsoDate;
}

export interface SearchHit extends ArticleSummary {
  score: number;
}

export interface SearchResponse {
  query: string;
  hits: SearchHit[];
  /**
   * True when the best hit answers the query with enough confidence for the bot to reply with it.
   * The help center still shows hits when false; the bot then only suggests them.
   */
  confident: boolean;
}

// ---------- inbound ----------

export interface VoteInput {
  helpful: boolean;
  comment?: string;
  /** The visitor token, when the widget has one: one vote per visitor and article (a second replaces the first). */
  visitorToken?: string;
}

export interface ArticleInput {
  /** Omit to start a new article; give the group of an existing article to add a locale version to it. */
  groupId?: string;
  locale: Locale;
  title: string;
  body: string;
  categoryId?: string | null;
  keywords?: string[];
  status?: ArticleStatus;
}

/** A change to one article version (console PATCH): only the fields given change. */
export interface ArticlePatch {
  title?: string;
  body?: string;
  categoryId?: string | null;
  keywords?: string[];
  status?: ArticleStatus;
}

export interface CategoryInput {
  slug: string;
  names: LocalizedText;
  position?: number;
}

/** A whole knowledge base, as exported and imported (JSON). */
export interface KbExport {
  format: 'parley-kb';
  version: 1;
  exportedAt: IsoDate;
  categories: Array<{ slug: string; names: LocalizedText; position: number }>;
  articles: Array<{
    /** Stable key linking locale versions across export and import (the group id on export). */
    group: string;
    locale: Locale;
    title: string;
    body: string;
    category: string | null;
    keywords: string[];
    status: ArticleStatus;
  }>;
}

export interface KbImportResult {
  categories: { created: number; updated: number };
  articles: { created: number; updated: number };
}

/** A question the bot could not answer (or the visitor said "no" to its answer), grouped for the gap report. */
export interface KbGap {
  /** The normalised question text (folded, lower-cased) that groups repeats. */
  key: string;
  /** The most recent wording a visitor used. */
  example: string;
  locale: Locale;
  count: number;
  lastAskedAt: IsoDate;
  reason: 'unanswered' | 'not_helpful';
}
