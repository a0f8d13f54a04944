/**
 * Two-factor sign-in (issue 11): each person's TOTP secret and recovery codes, the short-lived login
 * challenges between password and code, and the company-wide sign-in policy. Re-exported from
 * db/schema.ts. Everything that must hold across processes (a code used once, a challenge's attempts)
 * lives here rather than in memory.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agents } from '../db/schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const agentTwoFactor = pgTable('agent_two_factor', {
  agentId: uuid('agent_id')
    .primaryKey()
    .references(() => agents.id, { onDelete: 'cascade' }),
  /**
   * Base32 TOTP secret. Kept readable: the server must compute codes from it (a hash would not do).
   * Never returned after enrolment starts.
   */
  secret: text('secret').notNull(),
  /** Null while enrolment waits for its first code; set when confirmed. */
  enabledAt: at('enabled_at'),
  /**
   * The last 30-second time step a code was accepted for. A code for this step or an earlier one is a
   * replay: refused by a conditional UPDATE, so two processes cannot both accept it.
   */
  lastStep: integer('last_step'),
  createdAt: at('created_at').notNull().defaultNow(),
});

export const agentRecoveryCodes = pgTable(
  'agent_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    /** SHA-256 of the code: codes carry 80 random bits, so a slow hash adds nothing. */
    codeHash: text('code_hash').notNull().unique(),
    usedAt: at('used_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('agent_recovery_codes_agent_idx').on(t.agentId)],
);

/** Issued when the password was right and a code is still needed; it is not a session. */
export const loginChallenges = pgTable(
  'login_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: at('expires_at').notNull(),
    /** Wrong codes so far; the challenge dies at the limit (auth/two-factor.ts). */
    attempts: integer('attempts').notNull().default(0),
    usedAt: at('used_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('login_challenges_expires_idx').on(t.expiresAt)],
);

/** The company's sign-in policy: one row (id 1). */
export const authSettings = pgTable(
  'auth_settings',
  {
    id: integer('id').primaryKey().default(1),
    /** Everyone, not only admins, must use two-factor. */
    requireTwoFactorForAll: boolean('require_two_factor_for_all').notNull().default(false),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [check('auth_settings_single_row', sql`${t.id} = 1`)],
);
