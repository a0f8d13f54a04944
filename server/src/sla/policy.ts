/**
 * Response targets and escalation, with the company's plans as defaults (DESIGN.md "Tickets, SLA and
 * escalation"). Per-category targets live on the category; what is site-wide lives in ticket_settings
 * and is merged over these defaults, so an admin changes one number without restating the rest. A
 * department may have targets of its own (department_targets): its priority targets and escalation steps
 * then replace the site's, whole, for its tickets.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DepartmentTargets, SlaSettings, TicketPriority } from '@parley/protocol';
import type { Executor } from '../db/client.js';
import { ticketSettings } from '../tickets/schema.js';
import { addBusinessMinutes } from './business-time.js';
import { ALWAYS_OPEN, businessCalendarSchema, type BusinessCalendar } from './calendar.js';
import { departmentCalendars, departmentTargets } from './schema.js';

/** The wire type is the stored one (packages/protocol/src/tickets.ts). */
export type TicketSlaSettings = SlaSettings;

export const DEFAULT_SLA: TicketSlaSettings = {
  escalationMinutes: [24 * 60, 48 * 60, 72 * 60],
  priorityTargets: { urgent: 30 },
  atRiskShare: 0.25,
  linkDays: 180,
};

const minutes = z.number().int().min(1).max(60 * 24 * 365);
const escalationMinutes = z
  .tuple([minutes, minutes, minutes])
  .refine(([a, b, c]) => a < b && b < c, 'escalation steps must come in order: supervisor before executive before the executive deadline');
const priorityTargets = z.object({ low: minutes, normal: minutes, high: minutes, urgent: minutes }).partial().strict();

export const slaSettingsSchema = z
  .object({ escalationMinutes, priorityTargets, atRiskShare: z.number().min(0.05).max(0.9), linkDays: z.number().int().min(1).max(3650) })
  .partial()
  .strict();

/** Both keys, whole: a department's targets do not inherit some priorities from the site and not others. */
export const departmentTargetsSchema = z.object({ escalationMinutes, priorityTargets }).strict();

/** The site's settings, or with `departmentId` the ones its tickets follow (the department's own targets if it has them). */
export async function slaSettings(db: Executor, siteId: string, departmentId: string | null = null): Promise<TicketSlaSettings> {
  const [row] = await db.select({ settings: ticketSettings.settings }).from(ticketSettings).where(eq(ticketSettings.siteId, siteId));
  // A row written by an older version may miss keys or hold ones we no longer know: keep what parses.
  const parsed = slaSettingsSchema.safeParse(row?.settings ?? {});
  const site = { ...DEFAULT_SLA, ...(parsed.success ? parsed.data : {}) } as TicketSlaSettings;
  const own = departmentId ? await ownTargets(db, departmentId) : null;
  return own ? { ...site, ...own } : site;
}

export async function ownTargets(db: Executor, departmentId: string): Promise<DepartmentTargets | null> {
  const [row] = await db.select({ targets: departmentTargets.targets }).from(departmentTargets).where(eq(departmentTargets.departmentId, departmentId));
  const parsed = row ? departmentTargetsSchema.safeParse(row.targets) : null;
  return parsed?.success ? (parsed.data as DepartmentTargets) : null;
}

/** The department's business hours; a department without a calendar is open around the clock. */
export async function calendarOf(db: Executor, departmentId: string | null): Promise<BusinessCalendar> {
  if (!departmentId) return ALWAYS_OPEN;
  const [row] = await db.select({ calendar: departmentCalendars.calendar }).from(departmentCalendars).where(eq(departmentCalendars.departmentId, departmentId));
  if (!row) return ALWAYS_OPEN;
  // Saved calendars were checked on the way in; one that no longer parses (hand-edited, older shape)
  // must not stop every due time from being computed: count around the clock instead.
  const parsed = businessCalendarSchema.safeParse(row.calendar);
  return parsed.success ? parsed.data : ALWAYS_OPEN;
}

/** The shorter of the category's target and the priority's, if the priority has one. */
export function effectiveTarget(categoryMinutes: number, priority: TicketPriority, settings: TicketSlaSettings): number {
  const byPriority = settings.priorityTargets[priority];
  return byPriority === undefined ? categoryMinutes : Math.min(categoryMinutes, byPriority);
}

export interface SlaPlan {
  targetMinutes: number;
  firstResponseDueAt: Date;
  /** When each escalation level is reached if the ticket is still unresolved: index 0 is level 1. */
  escalations: [Date, Date, Date];
}

export function planSla(cal: BusinessCalendar, from: Date, targetMinutes: number, settings: TicketSlaSettings): SlaPlan {
  const [a, b, c] = settings.escalationMinutes;
  return {
    targetMinutes,
    firstResponseDueAt: addBusinessMinutes(cal, from, targetMinutes),
    escalations: [addBusinessMinutes(cal, from, a), addBusinessMinutes(cal, from, b), addBusinessMinutes(cal, from, c)],
  };
}
