/**
 * A report's period: local days in a time zone turned into instants, the buckets it is cut into and
 * the comparison period before it. Days and bucket keys are calendar arithmetic on `YYYY-MM-DD`
 * strings (done in UTC, where no day is 23 or 25 hours long); only turning a local midnight into an
 * instant needs the zone, and @date-fns/tz does that.
 */
import { TZDate } from '@date-fns/tz';
import { asc, eq } from 'drizzle-orm';
import type { ReportGranularity, ReportRequest, ReportSectionName } from '@parley/protocol';
import { REPORT_SECTIONS } from '@parley/protocol/schemas';
import type { Executor } from '../db/client.js';
import { departmentCalendars, departments } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { isValidTimeZone } from '../sla/calendar.js';

export const DEFAULT_CHAT_TARGET_SECONDS = 60;
const DAY_MS = 86_400_000;

/** The request with every default filled in and its instants computed. */
export interface ResolvedRequest {
  from: string;
  to: string;
  granularity: ReportGranularity;
  timeZone: string;
  departmentId?: string;
  agentId?: string;
  channel?: ReportRequest['channel'];
  compare: boolean;
  sections: ReportSectionName[];
  chatTargetSeconds: number;
  /** Local midnight starting `from`. */
  start: Date;
  /** Local midnight after `to` (exclusive). */
  end: Date;
}

export interface Window {
  fromDay: string;
  toDay: string;
  start: Date;
  end: Date;
}

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => dayOf(dayMs(day) + n * DAY_MS);

/** The instant a local day starts in `zone` (a day that starts inside a DST gap starts when the clocks land). */
export function startOfLocalDay(day: string, zone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, zone).getTime());
}

/** The local day (`YYYY-MM-DD`) an instant falls on in `zone`. */
export function localDayOf(at: Date, zone: string): string {
  const t = new TZDate(at.getTime(), zone);
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
}

/** The key of the bucket a local day falls in: the day, the Monday of its week, or the 1st of its month. */
export function bucketOf(day: string, granularity: ReportGranularity): string {
  if (granularity === 'day') return day;
  if (granularity === 'month') return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(dayMs(day)).getUTCDay() + 6) % 7; // Monday 0
  return addDays(day, -weekday);
}

/** Every bucket the period touches, in order (a week bucket may start before `from`). */
export function bucketsOf(from: string, to: string, granularity: ReportGranularity): string[] {
  const keys: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const key = bucketOf(day, granularity);
    if (keys[keys.length - 1] !== key) keys.push(key);
  }
  return keys;
}

const lastDayOfMonth = (day: string) => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return dayOf(Date.UTC(y, m, 0));
};
const addMonths = (day: string, n: number) => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return dayOf(Date.UTC(y, m - 1 + n, 1));
};

/**
 * The period of the same length just before: whole calendar months when the period is whole months
 * (March compared with February, not with the 28 days before March), else the same number of days.
 */
export function previousWindow(from: string, to: string, zone: string): Window {
  let fromDay: string;
  let toDay: string;
  if (from.endsWith('-01') && to === lastDayOfMonth(to)) {
    const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
    fromDay = addMonths(from, -months);
    toDay = addDays(from, -1);
  } else {
    const days = (dayMs(to) - dayMs(from)) / DAY_MS + 1;
    fromDay = addDays(from, -days);
    toDay = addDays(from, -1);
  }
  return { fromDay, toDay, start: startOfLocalDay(fromDay, zone), end: startOfLocalDay(addDays(toDay, 1), zone) };
}

/**
 * The site's report zone: the business calendar of its first department that has one (where the team
 * works is where its days begin), else UTC. Sites have no zone of their own yet.
 */
export async function siteTimeZone(db: Executor, siteId: string): Promise<string> {
  const [row] = await db
    .select({ calendar: departmentCalendars.calendar })
    .from(departments)
    .innerJoin(departmentCalendars, eq(departmentCalendars.departmentId, departments.id))
    .where(eq(departments.siteId, siteId))
    .orderBy(asc(departments.position), asc(departments.createdAt))
    .limit(1);
  const zone = row?.calendar?.timeZone;
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
}

/** Fills the defaults of an already schema-checked request. */
export async function resolveRequest(db: Executor, siteId: string, req: ReportRequest): Promise<ResolvedRequest> {
  if (req.timeZone !== undefined && !isValidTimeZone(req.timeZone)) throw new AppError('invalid', `timeZone "${req.timeZone}" is not a known IANA time zone`);
  if (req.to < req.from) throw new AppError('invalid', 'to must not be before from');
  const timeZone = req.timeZone ?? (await siteTimeZone(db, siteId));
  return {
    from: req.from,
    to: req.to,
    granularity: req.granularity ?? 'day',
    timeZone,
    ...(req.departmentId ? { departmentId: req.departmentId } : {}),
    ...(req.agentId ? { agentId: req.agentId } : {}),
    ...(req.channel ? { channel: req.channel } : {}),
    compare: req.compare ?? false,
    sections: req.sections && req.sections.length > 0 ? REPORT_SECTIONS.filter((s) => req.sections!.includes(s)) : [...REPORT_SECTIONS],
    chatTargetSeconds: req.chatTargetSeconds ?? DEFAULT_CHAT_TARGET_SECONDS,
    start: startOfLocalDay(req.from, timeZone),
    end: startOfLocalDay(addDays(req.to, 1), timeZone),
  };
}
