/**
 * Business hours per department (time zone, week, holidays): see calendar.ts for the shape and checks.
 * A department without a row is open around the clock.
 */
import { jsonb, pgTable, uuid } from 'drizzle-orm/pg-core';
import type { DepartmentTargets } from '@parley/protocol';
import { departments } from '../db/schema.js';
import type { BusinessCalendar } from './calendar.js';

export const departmentCalendars = pgTable('department_calendars', {
  departmentId: uuid('department_id')
    .primaryKey()
    .references(() => departments.id, { onDelete: 'cascade' }),
  calendar: jsonb('calendar').$type<BusinessCalendar>().notNull(),
});

/** A department's own response targets and escalation steps (policy.ts); without a row it follows the site's. */
export const departmentTargets = pgTable('department_targets', {
  departmentId: uuid('department_id')
    .primaryKey()
    .references(() => departments.id, { onDelete: 'cascade' }),
  targets: jsonb('targets').$type<DepartmentTargets>().notNull(),
});
