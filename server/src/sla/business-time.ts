import { tzOffset } from '@date-fns/tz';
import { type BusinessCalendar, WEEKDAYS, isValidLocalDate, parseClock } from './calendar.js';

// Business time is measured in real elapsed time: an hour of opening that a DST jump removes
// is not counted, an hour that a fall-back repeats is counted twice.
//
// Local days are numbered like the epoch (day 0 = 1970-01-01 in the calendar's zone). A "wall"
// value is the local wall-clock reading encoded as if it were UTC milliseconds, so calendar
// arithmetic on it never touches an offset; offsets come only from @date-fns/tz.

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Longest run of days without any opening before we decide the calendar cannot be satisfied. */
const MAX_CLOSED_DAYS = 732;
/** Longest span we walk at all, so absurd inputs cost milliseconds rather than minutes. */
const MAX_SPAN_DAYS = 3660;

interface CompiledCalendar {
  zone: string;
  /** Opening minutes after local midnight, indexed like getUTCDay(); sorted and merged. */
  week: Array<Array<[number, number]>>;
  holidays: Set<string>;
  everOpen: boolean;
}

function compile(cal: BusinessCalendar): CompiledCalendar {
  if (!cal || typeof cal !== 'object' || !cal.week) throw new TypeError('business calendar is missing');
  const zone = cal.timeZone;
  if (typeof zone !== 'string' || Number.isNaN(tzOffset(zone, new Date(0)))) {
    throw new RangeError(`business calendar has an unknown time zone "${String(zone)}"`);
  }
  const week = WEEKDAYS.map((day) => {
    const raw = cal.week[day];
    if (!Array.isArray(raw)) throw new TypeError(`business calendar has no opening list for ${day}`);
    const parsed = raw.map(([start, end]): [number, number] => {
      const s = parseClock(start);
      const e = parseClock(end);
      if (s === null || e === null || s >= e) {
        throw new RangeError(`business calendar has a bad opening ${String(start)}-${String(end)} on ${day}`);
      }
      return [s, e];
    });
    // Merging makes unvalidated input (unsorted or overlapping) count each minute once.
    parsed.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const iv of parsed) {
      const last = merged[merged.length - 1];
      if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
      else merged.push([iv[0], iv[1]]);
    }
    return merged;
  });
  const holidays = new Set<string>();
  for (const date of cal.holidays ?? []) {
    if (!isValidLocalDate(date)) throw new RangeError(`business calendar has a bad holiday "${String(date)}"`);
    holidays.add(date);
  }
  return { zone, week, holidays, everOpen: week.some((d) => d.length > 0) };
}

function instantOf(at: Date, name: string): number {
  const t = at instanceof Date ? at.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw new RangeError(`${name} is not a valid date`);
  return t;
}

function offsetMs(zone: string, t: number): number {
  return Math.round(tzOffset(zone, new Date(t)) * MINUTE_MS);
}

function localDayOf(zone: string, t: number): number {
  return Math.floor((t + offsetMs(zone, t)) / DAY_MS);
}

/**
 * The earliest instant whose local reading is at or past `wall`. A repeated (fall-back) reading
 * resolves to its first occurrence; a skipped (spring-forward) reading resolves to the jump itself,
 * so an opening inside the skipped hour starts when the clocks land after it.
 */
function wallToInstant(zone: string, wall: number): number {
  // Any zone's offset lies within a day of the reading, so these bracket the relevant transition.
  const before = offsetMs(zone, wall - 2 * DAY_MS);
  const after = offsetMs(zone, wall + 2 * DAY_MS);
  let best = Number.POSITIVE_INFINITY;
  for (const o of before === after ? [before] : [before, after]) {
    const t = wall - o;
    if (offsetMs(zone, t) === o && t < best) best = t;
  }
  if (best !== Number.POSITIVE_INFINITY) return best;
  // The reading was skipped: binary-search the jump, where the local reading first reaches `wall`.
  let lo = Math.min(wall - before, wall - after);
  let hi = Math.max(wall - before, wall - after);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid + offsetMs(zone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

function dayKey(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day's openings as [start, end) instants; empty on closed days, holidays and skipped hours. */
function openingsOn(c: CompiledCalendar, day: number): Array<[number, number]> {
  const minutes = c.week[(((day + 4) % 7) + 7) % 7]; // 1970-01-01 was a Thursday
  if (minutes.length === 0 || c.holidays.has(dayKey(day))) return [];
  const midnight = day * DAY_MS;
  const out: Array<[number, number]> = [];
  for (const [s, e] of minutes) {
    const start = wallToInstant(c.zone, midnight + s * MINUTE_MS);
    const end = wallToInstant(c.zone, midnight + e * MINUTE_MS);
    if (start < end) out.push([start, end]);
  }
  return out;
}

/** True when `at` falls inside an opening interval (start inclusive, end exclusive). */
export function isOpenAt(cal: BusinessCalendar, at: Date): boolean {
  const c = compile(cal);
  const t = instantOf(at, 'at');
  const day = localDayOf(c.zone, t);
  // The next day is checked too: where clocks fall back across midnight, its opening can begin
  // while the local date still reads the day before.
  for (const d of [day, day + 1]) {
    for (const [s, e] of openingsOn(c, d)) if (s <= t && t < e) return true;
  }
  return false;
}

/**
 * The instant `minutes` of business time after `start` (if start is outside hours, counting starts
 * at the next opening). minutes may be 0 -> the next open instant at/after start. A result that
 * lands exactly on a closing time is that closing time.
 */
export function addBusinessMinutes(cal: BusinessCalendar, start: Date, minutes: number): Date {
  const c = compile(cal);
  let t = instantOf(start, 'start');
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`business minutes must be a finite number >= 0, got ${String(minutes)}`);
  }
  if (!c.everOpen) throw new Error('calendar is never open');
  let remaining = Math.round(minutes * MINUTE_MS);
  const firstDay = localDayOf(c.zone, t);
  let lastOpenDay = firstDay;
  for (let day = firstDay; day - firstDay <= MAX_SPAN_DAYS; day++) {
    for (const [s, e] of openingsOn(c, day)) {
      if (e <= t) continue;
      lastOpenDay = day;
      const from = Math.max(s, t);
      if (remaining <= e - from) return new Date(from + remaining);
      remaining -= e - from;
      t = e;
    }
    if (day - lastOpenDay > MAX_CLOSED_DAYS) {
      throw new Error(`calendar is never open in the two years after ${new Date(t).toISOString()}`);
    }
  }
  throw new RangeError(`${minutes} business minutes reach more than ten years past ${start.toISOString()}`);
}

/** Next instant the calendar opens at or after `at` (= at if open). */
export function nextOpening(cal: BusinessCalendar, at: Date): Date {
  return addBusinessMinutes(cal, at, 0);
}

/** Business minutes between a and b (0 if b<=a); fractional when the instants are not whole minutes. */
export function businessMinutesBetween(cal: BusinessCalendar, a: Date, b: Date): number {
  const c = compile(cal);
  const from = instantOf(a, 'a');
  const to = instantOf(b, 'b');
  if (to <= from) return 0;
  const firstDay = localDayOf(c.zone, from);
  const lastDay = localDayOf(c.zone, to) + 1; // see isOpenAt on fall-back across midnight
  if (lastDay - firstDay > MAX_SPAN_DAYS) {
    throw new RangeError('business minutes can be measured over at most ten years');
  }
  let total = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    for (const [s, e] of openingsOn(c, day)) {
      const overlap = Math.min(e, to) - Math.max(s, from);
      if (overlap > 0) total += overlap;
    }
  }
  return total / MINUTE_MS;
}
