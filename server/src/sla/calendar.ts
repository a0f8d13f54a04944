import { tzOffset } from '@date-fns/tz';
import { z } from 'zod';

import type { BusinessCalendar, Weekday } from '@parley/protocol';

export type { BusinessCalendar, Weekday };

/** Indexed like `Date#getUTCDay()`: 0 is Sunday. */
export const WEEKDAYS: readonly Weekday[] = Object.freeze(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']);

export const MAX_HOLIDAYS = 366;
export const MAX_INTERVALS_PER_DAY = 24;

const CLOCK_RE = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after local midnight for 'HH:MM' (0..1440), or null when malformed. */
export function parseClock(value: string): number | null {
  const m = typeof value === 'string' ? CLOCK_RE.exec(value) : null;
  if (!m) return null;
  return m[3] ? 1440 : Number(m[1]) * 60 + Number(m[2]);
}

/** True for a real calendar date written 'YYYY-MM-DD' (rejects 2026-02-30). */
export function isValidLocalDate(value: string): boolean {
  const m = typeof value === 'string' ? DATE_RE.exec(value) : null;
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to the 1900s.
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** True when the runtime's time-zone database knows `zone` as an IANA name (fixed '+08:00' offsets are refused). */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64 || /^[+-]/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  return !Number.isNaN(tzOffset(zone, new Date()));
}

const clockSchema = z.string().regex(CLOCK_RE, { error: 'time must be HH:MM from 00:00 to 24:00' });

const intervalSchema = z.tuple([clockSchema, clockSchema]).superRefine(([start, end], ctx) => {
  const s = parseClock(start);
  const e = parseClock(end);
  // Malformed clocks were already reported by clockSchema.
  if (s === null || e === null) return;
  if (s >= e) ctx.addIssue({ code: 'custom', message: `opening ${start}-${end} must start before it ends` });
});

const daySchema = z
  .array(intervalSchema)
  .max(MAX_INTERVALS_PER_DAY, { error: `at most ${MAX_INTERVALS_PER_DAY} opening intervals per day` })
  .superRefine((intervals, ctx) => {
    for (let i = 1; i < intervals.length; i++) {
      const [prevStart, prevEnd] = intervals[i - 1];
      const [start, end] = intervals[i];
      const pe = parseClock(prevEnd);
      const s = parseClock(start);
      if (pe === null || s === null) continue;
      if (s < pe) {
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `opening ${start}-${end} must come after ${prevStart}-${prevEnd} without overlapping it`,
        });
      }
    }
  });

const weekSchema = z.strictObject({
  mon: daySchema,
  tue: daySchema,
  wed: daySchema,
  thu: daySchema,
  fri: daySchema,
  sat: daySchema,
  sun: daySchema,
});

const holidaysSchema = z
  .array(z.string().refine(isValidLocalDate, { error: 'holiday must be a real date written YYYY-MM-DD' }))
  .max(MAX_HOLIDAYS, { error: `at most ${MAX_HOLIDAYS} holidays` })
  .superRefine((dates, ctx) => {
    const seen = new Set<string>();
    dates.forEach((date, i) => {
      if (seen.has(date)) ctx.addIssue({ code: 'custom', path: [i], message: `holiday ${date} is listed twice` });
      seen.add(date);
    });
  });

export const businessCalendarSchema = z
  .object({
    timeZone: z.string().superRefine((zone, ctx) => {
      if (!isValidTimeZone(zone)) {
        ctx.addIssue({ code: 'custom', message: `unknown time zone "${zone}" (use an IANA name such as Asia/Shanghai)` });
      }
    }),
    week: weekSchema,
    holidays: holidaysSchema,
  })
  .superRefine((cal, ctx) => {
    // A calendar without any opening would make every due date unreachable.
    if (WEEKDAYS.every((day) => cal.week[day].length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['week'], message: 'calendar is never open: add at least one opening interval' });
    }
  });

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const allDay = (): Array<[string, string]> => [['00:00', '24:00']];

/** Open around the clock, no holidays: for channels whose targets run on wall time (live chat). */
export const ALWAYS_OPEN: BusinessCalendar = deepFreeze({
  timeZone: 'UTC',
  week: { mon: allDay(), tue: allDay(), wed: allDay(), thu: allDay(), fri: allDay(), sat: allDay(), sun: allDay() },
  holidays: [],
});

/** Every date from `from` to `to` inclusive, both 'YYYY-MM-DD'. */
function dateRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

const weekdayHours = (): Array<[string, string]> => [['09:00', '18:00']];

/**
 * The demo department's hours. Admins edit this per department; it is only a starting point.
 * 2026 holidays follow the State Council notice of 2025-11-04. 2027's arrangement is published
 * around November 2026, so only the fixed-date statutory days are listed for 2027. Weekend
 * make-up workdays (调休) cannot be expressed by this model and are left out.
 */
export const DEFAULT_CALENDAR: BusinessCalendar = deepFreeze({
  timeZone: 'Asia/Shanghai',
  week: {
    mon: weekdayHours(),
    tue: weekdayHours(),
    wed: weekdayHours(),
    thu: weekdayHours(),
    fri: weekdayHours(),
    sat: [['10:00', '16:00']],
    sun: [],
  },
  holidays: [
    ...dateRange('2026-01-01', '2026-01-03'), // New Year
    ...dateRange('2026-02-15', '2026-02-23'), // Spring Festival
    ...dateRange('2026-04-04', '2026-04-06'), // Qingming
    ...dateRange('2026-05-01', '2026-05-05'), // Labour Day
    ...dateRange('2026-06-19', '2026-06-21'), // Dragon Boat
    ...dateRange('2026-09-25', '2026-09-27'), // Mid-Autumn
    ...dateRange('2026-10-01', '2026-10-07'), // National Day
    '2027-01-01',
    '2027-05-01',
    '2027-05-02',
    ...dateRange('2027-10-01', '2027-10-03'),
  ],
});
