/**
 * Per-site retention settings (issue 11): how long closed chats and finished tickets are kept, whether
 * the daily job deletes them, the dry run an admin saw before switching it on, and the last run's
 * counts. Re-exported from db/schema.ts. A site without a row has the company defaults, switched off.
 */
import { boolean, integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { RetentionRunSummary } from '@parley/protocol';
import { agents, sites } from '../db/schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** What a preview promised: enabling must name this token and the same periods within its lifetime. */
export interface RetentionPreviewRecord {
  token: string;
  chatMonths: number;
  ticketMonths: number;
  at: string;
}

export const retentionSettings = pgTable('retention_settings', {
  siteId: uuid('site_id')
    .primaryKey()
    .references(() => sites.id, { onDelete: 'cascade' }),
  chatMonths: integer('chat_months').notNull().default(6),
  ticketMonths: integer('ticket_months').notNull().default(24),
  enabled: boolean('enabled').notNull().default(false),
  enabledAt: at('enabled_at'),
  enabledBy: uuid('enabled_by').references(() => agents.id, { onDelete: 'set null' }),
  preview: jsonb('preview').$type<RetentionPreviewRecord>(),
  lastRun: jsonb('last_run').$type<RetentionRunSummary>(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});
