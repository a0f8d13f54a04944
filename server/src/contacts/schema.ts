/**
 * Contacts: the people a host site vouches for (issue 11, "Visitor identity"). A visitor (one browser)
 * joins a contact only when the site proves who they are: `userHash = HMAC-SHA256(identity secret,
 * userId)` or a JWT signed with the secret (contacts/identity.ts). Every browser of one contact then
 * shares its conversations and tickets. Re-exported from db/schema.ts; `visitors.contact_id` points here.
 *
 * Erasure keeps the row (so the visitors and the audit log still point at something) but empties
 * every personal field and stamps `erasedAt`.
 */
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sites } from '../db/schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    /** The host site's own id for the user (`userId` / JWT `sub`); null once erased. */
    externalId: text('external_id'),
    name: text('name'),
    email: text('email'),
    createdAt: at('created_at').notNull().defaultNow(),
    /** When the host site last vouched for this person (any device). */
    lastSeenAt: at('last_seen_at').notNull().defaultNow(),
    erasedAt: at('erased_at'),
  },
  (t) => [
    // One contact per user per site; erased rows have no external id, so a returning user starts afresh.
    uniqueIndex('contacts_site_external_uq').on(t.siteId, t.externalId),
    index('contacts_site_created_idx').on(t.siteId, t.createdAt),
  ],
);
