const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * What the reports read from a finished chat's messages (chat-facts.ts), kept once it is closed: a
 * closed chat takes no more messages, so these never change, and a year's report reads 100,000 short
 * rows instead of probing a million messages. Filled by `refreshChatFacts` (each report refreshes its
 * own period first); chats not yet closed are read live.
 */
export const reportChatFacts = pgTable('report_chat_facts', {
  // Only the chat's own key: site, department and agent are read from the conversation, so nothing
  // here can go stale, and an insert checks one foreign key rather than four.
  conversationId: uuid('conversation_id')
    .primaryKey()
    .references(() => conversations.id, { onDelete: 'cascade' }),
  /** The handoff: the first `queued` event. */
  queuedAt: at('queued_at'),
  /** A person took it up: the first `agent_joined` event or agent message, whichever came first. */
  joinedAt: at('joined_at'),
  /** The first agent message. */
  repliedAt: at('replied_at'),
});

/**
 * Stored monthly communication reports (沟通效率月度报告): computed once on the 1st by the job runner
 * and kept, so a report reads the same later even after tickets move on. Re-exported from db/schema.ts.
 */
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { MonthlyReport } from '@parley/protocol';
import { conversations, sites } from '../db/schema.js';

export const monthlyReports = pgTable(
  'monthly_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    /** `YYYY-MM` in `time_zone`; one report per site and month (a replayed job finds it). */
    month: text('month').notNull(),
    timeZone: text('time_zone').notNull(),
    /** The figures as computed (MonthlyReport without id, month, zone and time). */
    data: jsonb('data').$type<Omit<MonthlyReport, 'id' | 'month' | 'timeZone' | 'generatedAt'>>().notNull(),
    generatedAt: at('generated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('monthly_reports_site_month_uq').on(t.siteId, t.month), index('monthly_reports_site_idx').on(t.siteId, t.generatedAt)],
);
