/**
 * Knowledge-base tables. Re-exported from db/schema.ts so drizzle-kit and the query builder see them.
 * References to other domains' tables are lazy arrows, which keeps the import cycle with db/schema.ts harmless.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ArticleStatus, KbGap, Locale, LocalizedText } from '@parley/protocol';
import { agents, conversations, sites, visitors } from '../db/schema.js';

const id = () => uuid('id').primaryKey().defaultRandom();
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const siteRef = () =>
  uuid('site_id')
    .notNull()
    .references(() => sites.id, { onDelete: 'cascade' });

/**
 * One row per site that has ever had a KB write. `revision` is bumped in the same transaction as every
 * write to the site's articles: the row lock serialises writers, so revisions commit in order and a
 * search index that has seen revision N has seen everything up to N, on any process.
 */
export const kbSites = pgTable('kb_sites', {
  siteId: uuid('site_id')
    .primaryKey()
    .references(() => sites.id, { onDelete: 'cascade' }),
  revision: integer('revision').notNull().default(0),
});

export const kbCategories = pgTable(
  'kb_categories',
  {
    id: id(),
    siteId: siteRef(),
    slug: text('slug').notNull(),
    names: jsonb('names').$type<LocalizedText>().notNull(),
    position: integer('position').notNull().default(0),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('kb_categories_site_slug_uq').on(t.siteId, t.slug)],
);

export const kbArticles = pgTable(
  'kb_articles',
  {
    id: id(),
    siteId: siteRef(),
    /** Shared by the locale versions of one article. */
    groupId: uuid('group_id').notNull(),
    locale: text('locale').$type<Locale>().notNull(),
    title: text('title').notNull(),
    /** Markdown source. */
    body: text('body').notNull(),
    /** Plain-text start of the body, computed on write so lists never parse markdown. */
    excerpt: text('excerpt').notNull().default(''),
    categoryId: uuid('category_id').references(() => kbCategories.id, { onDelete: 'set null' }),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').$type<ArticleStatus>().notNull().default('draft'),
    views: integer('views').notNull().default(0),
    helpfulYes: integer('helpful_yes').notNull().default(0),
    helpfulNo: integer('helpful_no').notNull().default(0),
    authorId: uuid('author_id').references(() => agents.id, { onDelete: 'set null' }),
    /** The site's kb revision of the last write to this row: search indexes catch up from it. */
    revision: integer('revision').notNull().default(0),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('kb_articles_group_locale_uq').on(t.siteId, t.groupId, t.locale),
    index('kb_articles_site_revision_idx').on(t.siteId, t.revision),
    index('kb_articles_category_idx').on(t.categoryId),
  ],
);

/** Deleted articles, so that other processes' search indexes drop them too (see kbSites). */
export const kbTombstones = pgTable(
  'kb_tombstones',
  {
    articleId: uuid('article_id').primaryKey(),
    siteId: siteRef(),
    revision: integer('revision').notNull(),
    deletedAt: at('deleted_at').notNull().defaultNow(),
  },
  (t) => [index('kb_tombstones_site_revision_idx').on(t.siteId, t.revision)],
);

export const kbVotes = pgTable(
  'kb_votes',
  {
    id: id(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    /** NULL for anonymous votes; those never collide in the unique index, so each one counts. */
    visitorId: uuid('visitor_id').references(() => visitors.id, { onDelete: 'cascade' }),
    helpful: boolean('helpful').notNull(),
    comment: text('comment'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('kb_votes_article_visitor_uq').on(t.articleId, t.visitorId), index('kb_votes_article_idx').on(t.articleId, t.createdAt)],
);

/** Questions the bot could not answer (or whose answer did not help), one row per normalised question. */
export const kbGaps = pgTable(
  'kb_gaps',
  {
    id: id(),
    siteId: siteRef(),
    key: text('key').notNull(),
    example: text('example').notNull(),
    locale: text('locale').$type<Locale>().notNull(),
    reason: text('reason').$type<KbGap['reason']>().notNull(),
    count: integer('count').notNull().default(1),
    lastAskedAt: at('last_asked_at').notNull().defaultNow(),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    resolvedArticleId: uuid('resolved_article_id').references(() => kbArticles.id, { onDelete: 'set null' }),
    resolvedAt: at('resolved_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('kb_gaps_site_key_uq').on(t.siteId, t.key), index('kb_gaps_open_idx').on(t.siteId, t.count).where(sql`${t.resolvedAt} is null`)],
);
