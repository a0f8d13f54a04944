/**
 * The audit log: who did what to which thing, with the before and after, for admin and supervisor
 * actions (issue 11). Re-exported from db/schema.ts. Rows are written in the transaction of the change
 * they describe (audit/record.ts), so the log holds exactly what committed.
 */
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agents, sites } from '../db/schema.js';

export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null for actions that are not about one site (people, departments of the company). */
    siteId: uuid('site_id').references(() => sites.id, { onDelete: 'cascade' }),
    /** Null for the system (jobs such as retention). Kept when the person is later removed. */
    actorId: uuid('actor_id').references(() => agents.id, { onDelete: 'set null' }),
    /** Dotted verb, e.g. `agent.invited`, `agent.role_changed`, `site.secret_rotated`, `contact.erased`. */
    action: text('action').notNull(),
    /** What was acted on, e.g. `agent`, `department`, `site`, `announcement`, `contact`. */
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    /** The fields that changed, before and after; secrets are never written here. */
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_target_idx').on(t.targetType, t.targetId), index('audit_log_actor_idx').on(t.actorId, t.at)],
);
