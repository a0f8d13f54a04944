/**
 * Invitations to set a first password (issue 11). Re-exported from db/schema.ts. Like a password-reset
 * link: the token is random, only its SHA-256 is kept, it expires, and it works once.
 */
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agents } from '../db/schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const agentInvitations = pgTable(
  'agent_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').references(() => agents.id, { onDelete: 'set null' }),
    expiresAt: at('expires_at').notNull(),
    /** Set when the password was chosen, or when a newer invitation replaced this one. */
    usedAt: at('used_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('agent_invitations_agent_idx').on(t.agentId)],
);
