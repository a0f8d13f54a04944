/**
 * Attachments, kept in PostgreSQL so every process sees them (DESIGN.md "Storage and processes").
 * A file belongs to one ticket entry; until the entry is written it belongs to nothing and the
 * retention job may remove it.
 */
import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sites } from '../db/schema.js';
import { ticketEntries, tickets } from '../tickets/schema.js';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'cascade' }),
    entryId: uuid('entry_id').references(() => ticketEntries.id, { onDelete: 'cascade' }),
    /** The name the uploader gave, cleaned for a Content-Disposition header. */
    name: text('name').notNull(),
    /** Sniffed from the bytes; the claimed type is never trusted. */
    type: text('type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('files_entry_idx').on(t.entryId), index('files_ticket_idx').on(t.ticketId)],
);
