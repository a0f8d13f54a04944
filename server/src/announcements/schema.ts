/**
 * Announcement tables (announcements/), re-exported from db/schema.ts.
 *
 * Receipts are one row per (announcement, employee): the primary key is what makes "seen" and
 * "acknowledged" exactly once, however many tabs and reconnects send them, and each moment is set by a
 * conditional update (only while still null), so the first time is the one kept.
 *
 * `intranet_employees` is what Parley knows of a site's people: only those who opened an intranet page
 * with the banner, as their token described them then. It is the receipts' denominator (see
 * AnnouncementReceipts in the protocol) and who "remind them" can reach.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AnnouncementPriority, AnnouncementVersion } from '@parley/protocol';
import { agents, sites } from '../db/schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Stored lifecycle; the shown status adds the window to it (service.ts statusOf). */
export type AnnouncementState = 'draft' | 'published' | 'withdrawn';

export const announcements = pgTable(
  'announcements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    versions: jsonb('versions').$type<AnnouncementVersion[]>().notNull(),
    priority: text('priority').$type<AnnouncementPriority>().notNull(),
    ackRequired: boolean('ack_required').notNull().default(false),
    audienceKind: text('audience_kind').$type<'everyone' | 'departments' | 'employees'>().notNull(),
    departmentIds: uuid('department_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Token subjects, exactly as the tokens carry them. */
    employees: text('employees').array().notNull().default(sql`'{}'::text[]`),
    /** Null until published for a draft without one; publishing sets it to the publish time when empty or past. */
    startsAt: at('starts_at'),
    endsAt: at('ends_at'),
    state: text('state').$type<AnnouncementState>().notNull().default('draft'),
    publishedAt: at('published_at'),
    /** Set once, by whoever made it live (publish now, or the `announcement.start` job): the push and the webhook happen with it. */
    wentLiveAt: at('went_live_at'),
    withdrawnAt: at('withdrawn_at'),
    createdBy: uuid('created_by').references(() => agents.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('announcements_site_idx').on(t.siteId, t.state, t.startsAt)],
);

export const announcementReceipts = pgTable(
  'announcement_receipts',
  {
    announcementId: uuid('announcement_id')
      .notNull()
      .references(() => announcements.id, { onDelete: 'cascade' }),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    name: text('name').notNull(),
    /** The token's departments when the receipt was first written (an audit keeps what was true then). */
    departments: text('departments').array().notNull().default(sql`'{}'::text[]`),
    departmentIds: uuid('department_ids').array().notNull().default(sql`'{}'::uuid[]`),
    seenAt: at('seen_at'),
    acknowledgedAt: at('acknowledged_at'),
    dismissedAt: at('dismissed_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.subject] })],
);

export const intranetEmployees = pgTable(
  'intranet_employees',
  {
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    name: text('name').notNull(),
    departments: text('departments').array().notNull().default(sql`'{}'::text[]`),
    /** The Parley departments `departments` matched at the last connection. */
    departmentIds: uuid('department_ids').array().notNull().default(sql`'{}'::uuid[]`),
    firstSeenAt: at('first_seen_at').notNull().defaultNow(),
    lastSeenAt: at('last_seen_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.subject] }), index('intranet_employees_seen_idx').on(t.siteId, t.lastSeenAt)],
);
