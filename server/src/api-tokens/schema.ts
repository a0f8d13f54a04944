/**
 * Scoped API tokens (./service.ts): stored as SHA-256 like sessions, so a leaked table lets no one in.
 */
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ApiTokenScope } from '@parley/protocol';
import { agents, sites } from '../db/schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The first characters of the token, shown to tell tokens apart. */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    scopes: jsonb('scopes').$type<ApiTokenScope[]>().notNull(),
    /** The admin who made it: the token acts with their authority, narrowed to its scopes, while they are an active admin. */
    createdBy: uuid('created_by').references(() => agents.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [index('api_tokens_site_idx').on(t.siteId, t.createdAt)],
);
