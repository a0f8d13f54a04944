/**
 * Per-site search indexes, kept in memory on the AppContext, and `searchKb` over them.
 *
 * Freshness across processes: every KB write bumps the site's revision (kb_sites) in its transaction
 * and stamps the rows it touches with it; deletions leave a tombstone stamped the same way. Before each
 * search one primary-key read gives the head revision; when it moved, only the rows and tombstones
 * stamped after the index's revision are fetched and applied. Writers of a site are serialised by the
 * kb_sites row lock, so every revision up to the head has committed when the head is read: nothing
 * can be skipped, and a write on any process is visible to the very next search on every process.
 */
import { and, eq, gt } from 'drizzle-orm';
import type { Locale, SearchHit, SearchResponse } from '@parley/protocol';
import { SUPPORTED_LOCALES } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { headRevision } from './revision.js';
import { kbArticles, kbTombstones } from './schema.js';
import { KbIndex, queryLocales } from './search/index.js';
import type { IndexedArticle } from './search/index.js';

type Scope = 'published' | 'all';

interface Meta {
  groupId: string;
  locale: Locale;
  title: string;
  categoryId: string | null;
  updatedAt: string;
}

interface SiteIndex {
  revision: number;
  index: KbIndex;
  meta: Map<string, Meta>;
}

export interface KbIndexCache {
  indexes: Map<string, SiteIndex>;
  /** One build or catch-up at a time per index; concurrent searches wait for it. */
  pending: Map<string, Promise<SiteIndex>>;
}

export function createKbIndexCache(): KbIndexCache {
  return { indexes: new Map(), pending: new Map() };
}

const COLUMNS = {
  id: kbArticles.id,
  groupId: kbArticles.groupId,
  locale: kbArticles.locale,
  title: kbArticles.title,
  body: kbArticles.body,
  keywords: kbArticles.keywords,
  categoryId: kbArticles.categoryId,
  status: kbArticles.status,
  updatedAt: kbArticles.updatedAt,
};
type Row = { id: string; groupId: string; locale: Locale; title: string; body: string; keywords: string[]; categoryId: string | null; status: string; updatedAt: Date };

const wanted = (scope: Scope, row: Row) => scope === 'all' || row.status === 'published';
// The engine takes markdown and strips it itself (its excerpts need its own offsets into the text).
const indexed = (row: Row): IndexedArticle => ({ id: row.id, groupId: row.groupId, locale: row.locale, title: row.title, body: row.body, keywords: row.keywords });
const metaOf = (row: Row): Meta => ({ groupId: row.groupId, locale: row.locale, title: row.title, categoryId: row.categoryId, updatedAt: row.updatedAt.toISOString() });

/**
 * Articles indexed between two yields to the event loop. Indexing costs ~1-2 ms an article (jieba,
 * folding, stemming), so a large knowledge base built in one go would stall every socket of this
 * process for seconds (5,000 articles: 5-12 s); in slices, chat traffic goes on meanwhile.
 */
const BUILD_SLICE = 50;

async function build(ctx: AppContext, siteId: string, scope: Scope, head: number): Promise<SiteIndex> {
  const rows = (await ctx.db.select(COLUMNS).from(kbArticles).where(eq(kbArticles.siteId, siteId))).filter((r) => wanted(scope, r));
  const index = new KbIndex();
  for (let i = 0; i < rows.length; i += BUILD_SLICE) {
    if (i > 0) await new Promise<void>((resume) => setImmediate(resume));
    for (const row of rows.slice(i, i + BUILD_SLICE)) index.add(indexed(row));
  }
  return { revision: head, index, meta: new Map(rows.map((r) => [r.id, metaOf(r)])) };
}

async function catchUp(ctx: AppContext, entry: SiteIndex, siteId: string, scope: Scope, head: number): Promise<SiteIndex> {
  const changed = await ctx.db
    .select(COLUMNS)
    .from(kbArticles)
    .where(and(eq(kbArticles.siteId, siteId), gt(kbArticles.revision, entry.revision)));
  const deleted = await ctx.db
    .select({ id: kbTombstones.articleId })
    .from(kbTombstones)
    .where(and(eq(kbTombstones.siteId, siteId), gt(kbTombstones.revision, entry.revision)));
  // Rows newer than `head` may show up too; applying a row's current state twice is harmless.
  const prepared = changed.map((r) => ({ row: r, doc: wanted(scope, r) ? indexed(r) : null }));
  // Synchronous from here on: no search ever sees a half-applied batch.
  for (const { row, doc } of prepared) {
    if (entry.meta.delete(row.id)) entry.index.remove(row.id);
    if (doc) {
      entry.index.add(doc);
      entry.meta.set(row.id, metaOf(row));
    }
  }
  for (const { id } of deleted) if (entry.meta.delete(id)) entry.index.remove(id);
  entry.revision = Math.max(entry.revision, head);
  return entry;
}

/** The site's index, at least as fresh as the database's head revision when this was called. */
async function current(ctx: AppContext, siteId: string, scope: Scope): Promise<SiteIndex> {
  const cache = ctx.state.kbIndexes;
  const key = `${scope}:${siteId}`;
  const head = await headRevision(ctx.db, siteId);
  for (;;) {
    const entry = cache.indexes.get(key);
    if (entry && entry.revision >= head) return entry;
    let job = cache.pending.get(key);
    if (!job) {
      job = (entry ? catchUp(ctx, entry, siteId, scope, head) : build(ctx, siteId, scope, head))
        .then((fresh) => {
          cache.indexes.set(key, fresh);
          return fresh;
        })
        .finally(() => cache.pending.delete(key));
      cache.pending.set(key, job);
    }
    // A job started for an older head leaves us behind: the loop starts another.
    await job;
  }
}

export interface SearchOptions {
  /** The visitor's or conversation's locale: decides which locale versions are searched (with the query's script). */
  locale: Locale;
  limit?: number;
  /** Search exactly these locales instead (the console's locale filter). */
  locales?: Locale[];
  /** The console searches drafts too; the public, the bot and the help center never do. */
  includeDrafts?: boolean;
}

/** Searches the site's knowledge base: published articles unless `includeDrafts`. */
export async function searchKb(ctx: AppContext, siteId: string, query: string, opts: SearchOptions): Promise<SearchResponse> {
  const entry = await current(ctx, siteId, opts.includeDrafts ? 'all' : 'published');
  const locales = opts.locales ?? queryLocales(opts.locale, query);
  const result = entry.index.search(query, { locales: locales.length > 0 ? locales : [...SUPPORTED_LOCALES], limit: opts.limit ?? 10 });
  const hits: SearchHit[] = result.hits.flatMap((hit) => {
    const meta = entry.meta.get(hit.id);
    if (!meta) return [];
    return [{ id: hit.id, groupId: meta.groupId, locale: meta.locale, title: meta.title, categoryId: meta.categoryId, excerpt: hit.excerpt, updatedAt: meta.updatedAt, score: hit.score }];
  });
  return { query, hits, confident: result.confident && hits.length > 0 };
}

/** Forgets a site's indexes (site deleted); they are rebuilt on the next search if it comes back. */
export function dropSiteIndexes(ctx: AppContext, siteId: string): void {
  for (const scope of ['published', 'all'] as const) ctx.state.kbIndexes.indexes.delete(`${scope}:${siteId}`);
}
