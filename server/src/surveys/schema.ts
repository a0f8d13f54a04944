/**
 * Survey tables. Re-exported from db/schema.ts so drizzle-kit and the query builder see them.
 * References to other domains' tables are lazy arrows, which keeps the import cycle with db/schema.ts harmless.
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Locale, SurveyKind } from '@parley/protocol';
import { agents, conversations, departments, sites, tickets, visitors } from '../db/schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const siteRef = () =>
  uuid('site_id')
    .notNull()
    .references(() => sites.id, { onDelete: 'cascade' });

/** What an invitation asks about: a closed chat, a resolved ticket, or the company as a whole (NPS). */
export type SurveySubject = 'conversation' | 'ticket' | 'site';

/**
 * One row per time we ask someone. The token is random and only its SHA-256 is kept (like a ticket
 * link). Agent and department are copied when the invitation is made, so a report groups by them
 * without joining back to a chat or ticket that may have moved on since.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: siteRef(),
    kind: text('kind').$type<SurveyKind>().notNull(),
    about: text('about').$type<SurveySubject>().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'set null' }),
    visitorId: uuid('visitor_id').references(() => visitors.id, { onDelete: 'set null' }),
    contactEmail: text('contact_email'),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'set null' }),
    locale: text('locale').$type<Locale>().notNull().default('en'),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [
    // A chat is rated once: a second close (or a replayed job) finds the first invitation.
    uniqueIndex('survey_invitations_conversation_uq').on(t.conversationId).where(sql`${t.about} = 'conversation'`),
    index('survey_invitations_ticket_idx').on(t.ticketId, t.createdAt).where(sql`${t.ticketId} is not null`),
    index('survey_invitations_site_idx').on(t.siteId, t.createdAt),
  ],
);

/** At most one answer per invitation; changeable for 24 hours after `created_at`, the first answer. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invitationId: uuid('invitation_id')
      .notNull()
      .unique()
      .references(() => surveyInvitations.id, { onDelete: 'cascade' }),
    /** Copied from the invitation: the console lists a site's responses by date without a join to filter. */
    siteId: siteRef(),
    score: integer('score').notNull(),
    comment: text('comment'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('survey_responses_site_idx').on(t.siteId, t.createdAt)],
);

/**
 * When each person was last asked NPS: `subject` is `email:<address>` or `visitor:<id>`. One row per
 * person, moved forward by a conditional upsert, so two tabs asking at once get one question.
 */
export const surveyNpsAsks = pgTable(
  'survey_nps_asks',
  {
    siteId: siteRef(),
    subject: text('subject').notNull(),
    lastAskedAt: at('last_asked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.subject] })],
);

/** Per-site overrides of the survey defaults (surveys/settings.ts); only what an admin changed. */
export const surveySettings = pgTable('survey_settings', {
  siteId: uuid('site_id')
    .primaryKey()
    .references(() => sites.id, { onDelete: 'cascade' }),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
});
