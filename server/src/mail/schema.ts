/**
 * Outgoing mail. Every message is written here first, in the transaction that caused it, so nothing is
 * lost between "the ticket was saved" and "the email was sent". With SMTP_URL a `mail.send` job delivers
 * it; without, it stays `stored` and the console's email log shows it.
 */
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sites } from '../db/schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export type MailStatus = 'queued' | 'sent' | 'stored' | 'failed';

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    /** What it is, e.g. `ticket.created`, `ticket.reply`, `ticket.escalated`. */
    template: text('template').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    /** Message-ID, In-Reply-To, References, Reply-To: what threads a reply back to its ticket. */
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    ticketId: uuid('ticket_id'),
    status: text('status').$type<MailStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: at('sent_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('mail_outbox_site_idx').on(t.siteId, t.createdAt), index('mail_outbox_ticket_idx').on(t.ticketId)],
);
