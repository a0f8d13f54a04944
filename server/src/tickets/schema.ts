/**
 * Ticket tables. Re-exported from db/schema.ts so drizzle-kit and the query builder see them.
 * References to other domains' tables are lazy arrows, which keeps the import cycle with db/schema.ts harmless.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Locale, LocalizedText, TicketAudience, TicketEntry, TicketPriority, TicketSource, TicketStatus } from '@parley/protocol';
import { agents, conversations, departments, sites, visitors } from '../db/schema.js';

const id = () => uuid('id').primaryKey().defaultRandom();
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const siteRef = () =>
  uuid('site_id')
    .notNull()
    .references(() => sites.id, { onDelete: 'cascade' });

export const ticketCategories = pgTable(
  'ticket_categories',
  {
    id: id(),
    siteId: siteRef(),
    slug: text('slug').notNull(),
    names: jsonb('names').$type<LocalizedText>().notNull(),
    audience: text('audience').$type<TicketAudience>().notNull().default('customer'),
    /** Where its tickets go; null sends them to the site's first department. */
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'set null' }),
    /** First-response target, in minutes of the department's business time. */
    targetMinutes: integer('target_minutes').notNull(),
    position: integer('position').notNull().default(0),
    archived: boolean('archived').notNull().default(false),
  },
  (t) => [uniqueIndex('ticket_categories_site_slug_uq').on(t.siteId, t.slug)],
);

/**
 * The last number handed out per site and year. `INSERT .. ON CONFLICT DO UPDATE .. RETURNING` takes
 * the row lock for the rest of the transaction, so concurrent tickets get consecutive numbers and a
 * rolled-back ticket gives its number back (no holes from failed inserts).
 */
export const ticketCounters = pgTable(
  'ticket_counters',
  {
    siteId: siteRef(),
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.year] })],
);

export const tickets = pgTable(
  'tickets',
  {
    id: id(),
    siteId: siteRef(),
    /** Readable, e.g. T-2026-000123; unique per site. */
    number: text('number').notNull(),
    subject: text('subject').notNull(),
    categoryId: uuid('category_id').references(() => ticketCategories.id, { onDelete: 'set null' }),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'set null' }),
    priority: text('priority').$type<TicketPriority>().notNull().default('normal'),
    status: text('status').$type<TicketStatus>().notNull().default('new'),
    source: text('source').$type<TicketSource>().notNull(),
    assigneeId: uuid('assignee_id').references(() => agents.id, { onDelete: 'set null' }),
    locale: text('locale').$type<Locale>().notNull().default('en'),
    /** Null for an anonymous employee: nothing that identifies them is stored anywhere. */
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    /** The browser that filed it, when it came from the widget (not for anonymous employees). */
    visitorId: uuid('visitor_id').references(() => visitors.id, { onDelete: 'set null' }),
    /** The intranet's subject for a named employee; null when anonymous or not an employee. */
    employeeId: text('employee_id'),
    anonymous: boolean('anonymous').notNull().default(false),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    targetMinutes: integer('target_minutes').notNull(),
    firstResponseDueAt: at('first_response_due_at').notNull(),
    firstRespondedAt: at('first_responded_at'),
    breachedAt: at('breached_at'),
    /** 0 frontline, 1 supervisor, 2 executive, 3 past the executive's deadline. */
    escalationLevel: integer('escalation_level').notNull().default(0),
    resolvedAt: at('resolved_at'),
    closedAt: at('closed_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    /**
     * The transaction that last wrote the row, set on every insert and every update through the query
     * builder: how the search indexes of other processes learn what changed (see search-index.ts).
     */
    searchXid: bigint('search_xid', { mode: 'number' })
      .notNull()
      .default(sql`(pg_current_xact_id()::text::bigint)`)
      .$onUpdate(() => sql`(pg_current_xact_id()::text::bigint)`),
  },
  (t) => [
    uniqueIndex('tickets_site_number_uq').on(t.siteId, t.number),
    index('tickets_site_search_xid_idx').on(t.siteId, t.searchXid),
    index('tickets_site_updated_idx').on(t.siteId, t.updatedAt),
    index('tickets_assignee_idx').on(t.assigneeId).where(sql`${t.status} in ('new', 'open', 'pending')`),
    index('tickets_department_idx').on(t.departmentId, t.updatedAt),
    // Reports: a site's tickets by creation time (reports/).
    index('tickets_site_created_idx').on(t.siteId, t.createdAt),
    index('tickets_due_idx').on(t.firstResponseDueAt).where(sql`${t.firstRespondedAt} is null and ${t.status} in ('new', 'open')`),
    // The contact a browser is (surveys/nps-auto.ts): its newest ticket with an email.
    index('tickets_visitor_idx').on(t.visitorId, t.createdAt).where(sql`${t.visitorId} is not null`),
  ],
);

/** The thread: public replies (customer and agent) and internal notes, in order. */
export const ticketEntries = pgTable(
  'ticket_entries',
  {
    id: id(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<TicketEntry['kind']>().notNull(),
    author: text('author').$type<TicketEntry['author']>().notNull(),
    authorId: uuid('author_id'),
    authorName: text('author_name'),
    body: text('body').notNull(),
    via: text('via').$type<TicketEntry['via']>().notNull(),
    /** The Message-ID of an inbound email, so a redelivered mail is appended once. */
    emailMessageId: text('email_message_id'),
    /** Insertion order: entries written at the same instant (one request, a moved test clock) keep theirs. */
    seq: integer('seq').generatedAlwaysAsIdentity(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('ticket_entries_ticket_idx').on(t.ticketId, t.createdAt),
    uniqueIndex('ticket_entries_email_uq').on(t.ticketId, t.emailMessageId),
  ],
);

/** Every change: who, what, when. Never updated or deleted except with the ticket. */
export const ticketHistory = pgTable(
  'ticket_history',
  {
    id: id(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    actor: text('actor').$type<'agent' | 'customer' | 'system'>().notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    from: text('from'),
    to: text('to'),
    /** Insertion order within one instant: "replied, assigned, status" read in the order they happened. */
    seq: integer('seq').generatedAlwaysAsIdentity(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('ticket_history_ticket_idx').on(t.ticketId, t.createdAt)],
);

/**
 * The customer's private links. The token is random and only its hash is kept, like a password-reset
 * link: it cannot be forged without the database, expires, and is revoked by setting `revoked_at`.
 */
export const ticketLinks = pgTable(
  'ticket_links',
  {
    id: id(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: at('expires_at').notNull(),
    revokedAt: at('revoked_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('ticket_links_ticket_idx').on(t.ticketId)],
);

/** Per-site ticket settings that are not per category: see sla/policy.ts for the defaults. */
export const ticketSettings = pgTable('ticket_settings', {
  siteId: uuid('site_id')
    .primaryKey()
    .references(() => sites.id, { onDelete: 'cascade' }),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
});

/** Saved replies agents insert into a ticket reply (and edit before sending); supervisors keep the list. */
export const cannedReplies = pgTable(
  'canned_replies',
  {
    id: id(),
    siteId: siteRef(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The language it is written in; null for any. The composer offers the ticket's language first. */
    locale: text('locale').$type<Locale>(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('canned_replies_site_idx').on(t.siteId, t.title)],
);
