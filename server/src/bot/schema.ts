/**
 * The bot's tables. Re-exported from db/schema.ts so drizzle-kit and the query builder see them.
 * References to other domains' tables are lazy arrows, which keeps the import cycle with db/schema.ts harmless.
 */
import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { conversations, messages, sites } from '../db/schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** An external bot (an LLM service, Rasa...) that answers a site's visitors before the built-in bot. */
export const botWebhooks = pgTable('bot_webhooks', {
  siteId: uuid('site_id')
    .primaryKey()
    .references(() => sites.id, { onDelete: 'cascade' }),
  /** http(s) URL the visitor's messages are POSTed to. */
  url: text('url').notNull(),
  /** HMAC-SHA256 key for X-Parley-Signature. Stored as given: the server must sign with it. */
  secret: text('secret').notNull(),
  timeoutMs: integer('timeout_ms').notNull().default(3000),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/**
 * "Did this answer your question?": one row per bot answer the visitor judged. The primary key makes
 * the first judgement the one on record, whatever arrives after it (retries, a second click).
 */
export const botFeedback = pgTable(
  'bot_feedback',
  {
    messageId: uuid('message_id')
      .primaryKey()
      .references(() => messages.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    /** The article the answer came from (no foreign key: the report keeps the vote after an article is deleted). */
    articleId: uuid('article_id'),
    helpful: boolean('helpful').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('bot_feedback_site_idx').on(t.siteId, t.createdAt)],
);
