/**
 * Response-target settings and business calendars, as the console reads and changes them. A change
 * applies to tickets from then on: a promise already made to a customer is not moved behind their back.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { BusinessCalendar, DepartmentTargets, SlaSettings, TicketSettings } from '@parley/protocol';
import { auditChange } from '../audit/wiring.js';
import type { Executor } from '../db/client.js';
import { departments } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { businessCalendarSchema } from '../sla/calendar.js';
import { departmentTargetsSchema, ownTargets, slaSettings, slaSettingsSchema } from '../sla/policy.js';
import { departmentCalendars, departmentTargets } from '../sla/schema.js';
import { parseInput } from '../lib/http.js';
import type { Staff } from './access.js';
import { ticketSettings } from './schema.js';

export async function readTicketSettings(db: Executor, siteId: string): Promise<TicketSettings> {
  const rows = await db
    .select({ id: departments.id, names: departments.names, calendar: departmentCalendars.calendar, targets: departmentTargets.targets })
    .from(departments)
    .leftJoin(departmentCalendars, eq(departmentCalendars.departmentId, departments.id))
    .leftJoin(departmentTargets, eq(departmentTargets.departmentId, departments.id))
    .where(eq(departments.siteId, siteId))
    .orderBy(asc(departments.position));
  return {
    sla: await slaSettings(db, siteId),
    calendars: rows.map((r) => ({ departmentId: r.id, names: r.names, calendar: r.calendar ?? null, targets: r.targets ?? null })),
  };
}

/** Admins only: the escalation steps and priority targets hold for every department of the site. */
export async function updateSlaSettings(db: Executor, s: Staff, siteId: string, raw: unknown): Promise<SlaSettings> {
  if (s.role !== 'admin') throw new AppError('forbidden', 'only an admin may change the response targets');
  const patch = parseInput(slaSettingsSchema, raw);
  const before = await slaSettings(db, siteId);
  const merged = { ...before, ...patch };
  // Checked whole as well: a new first step must still come before the stored later ones.
  parseInput(slaSettingsSchema, merged);
  await db.transaction(async (tx) => {
    await tx.insert(ticketSettings).values({ siteId, settings: merged }).onConflictDoUpdate({ target: ticketSettings.siteId, set: { settings: merged } });
    await auditChange(tx, { siteId, actorId: s.id, at: new Date() }, 'ticket.sla_settings_changed', { type: 'site', id: siteId }, { ...before }, { ...merged });
  });
  return merged;
}

/**
 * Admins only, like the site's targets: a department's own first-response targets and escalation steps,
 * both given whole; `null` makes it follow the site's again.
 */
export async function setDepartmentTargets(db: Executor, s: Staff, siteId: string, departmentId: string, raw: unknown): Promise<DepartmentTargets | null> {
  if (s.role !== 'admin') throw new AppError('forbidden', "only an admin may change a department's response targets");
  const [dept] = await db.select({ id: departments.id }).from(departments).where(and(eq(departments.id, departmentId), eq(departments.siteId, siteId)));
  if (!dept) throw new AppError('not_found', 'no such department');
  const targets = raw === null ? null : (parseInput(departmentTargetsSchema, raw) as DepartmentTargets);
  await db.transaction(async (tx) => {
    const before = await ownTargets(tx, departmentId);
    if (targets === null) await tx.delete(departmentTargets).where(eq(departmentTargets.departmentId, departmentId));
    else await tx.insert(departmentTargets).values({ departmentId, targets }).onConflictDoUpdate({ target: departmentTargets.departmentId, set: { targets } });
    await auditChange(tx, { siteId, actorId: s.id, at: new Date() }, 'department.targets_changed', { type: 'department', id: departmentId }, { targets: before }, { targets });
  });
  return targets;
}

/** Admins, or a supervisor of that department; `null` makes it open around the clock. */
export async function setCalendar(db: Executor, s: Staff, siteId: string, departmentId: string, raw: unknown): Promise<BusinessCalendar | null> {
  const [dept] = await db.select({ id: departments.id }).from(departments).where(and(eq(departments.id, departmentId), eq(departments.siteId, siteId)));
  if (!dept) throw new AppError('not_found', 'no such department');
  if (s.role !== 'admin' && !(s.role === 'supervisor' && s.departmentIds.includes(departmentId))) {
    throw new AppError('forbidden', "only an admin or the department's supervisor may change its business hours");
  }
  const calendar = raw === null ? null : (parseInput(businessCalendarSchema, raw) as BusinessCalendar);
  await db.transaction(async (tx) => {
    const [old] = await tx.select({ calendar: departmentCalendars.calendar }).from(departmentCalendars).where(eq(departmentCalendars.departmentId, departmentId));
    if (calendar === null) await tx.delete(departmentCalendars).where(eq(departmentCalendars.departmentId, departmentId));
    else await tx.insert(departmentCalendars).values({ departmentId, calendar }).onConflictDoUpdate({ target: departmentCalendars.departmentId, set: { calendar } });
    const target = { type: 'department', id: departmentId };
    await auditChange(tx, { siteId, actorId: s.id, at: new Date() }, 'department.calendar_changed', target, { calendar: old?.calendar ?? null }, { calendar });
  });
  return calendar;
}
