import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addBusinessMinutes, businessMinutesBetween, isOpenAt, nextOpening } from './business-time.js';
import {
  ALWAYS_OPEN,
  type BusinessCalendar,
  DEFAULT_CALENDAR,
  type Weekday,
  businessCalendarSchema,
} from './calendar.js';

type Hours = Array<[string, string]>;

function calendar(timeZone: string, week: Partial<Record<Weekday, Hours>>, holidays: string[] = []): BusinessCalendar {
  return {
    timeZone,
    week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [], ...week },
    holidays,
  };
}

function weekdays(timeZone: string, hours: Hours, holidays: string[] = []): BusinessCalendar {
  return calendar(timeZone, { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours }, holidays);
}

/** Normalises an ISO string with any offset, so expectations can be written in local time. */
const iso = (s: string): string => new Date(s).toISOString();
const at = (s: string): Date => new Date(s);
const due = (cal: BusinessCalendar, start: string, minutes: number): string =>
  addBusinessMinutes(cal, at(start), minutes).toISOString();

const SHANGHAI = weekdays('Asia/Shanghai', [['09:00', '18:00']]);
const NEW_YORK = weekdays('America/New_York', [['09:00', '17:00']]);
const BERLIN = weekdays('Europe/Berlin', [['09:00', '18:00']]);

/** Error messages the schema reports for `input`, joined with their paths. */
function schemaErrors(input: unknown): string[] {
  const result = businessCalendarSchema.safeParse(input);
  assert.equal(result.success, false, 'the schema accepted an invalid calendar');
  return result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('addBusinessMinutes', () => {
  test('a complaint filed Friday 17:00 in Shanghai with a 2 h target is due Monday 10:00', () => {
    assert.equal(due(SHANGHAI, '2026-03-13T17:00:00+08:00', 120), iso('2026-03-16T10:00:00+08:00'));
  });

  test('a target that ends exactly at closing time is due at closing, not the next morning', () => {
    assert.equal(due(SHANGHAI, '2026-03-12T16:00:00+08:00', 120), iso('2026-03-12T18:00:00+08:00'));
  });

  test('counting starts at the next opening when filed outside hours', () => {
    assert.equal(due(SHANGHAI, '2026-03-14T03:00:00+08:00', 30), iso('2026-03-16T09:30:00+08:00'));
  });

  test('72 business hours on Mon-Fri 09:00-18:00 span eight working days', () => {
    // Tuesday 09:00 + 8 x 9 h: Tue..Fri (36 h), Mon..Thu (36 h) -> next Thursday 18:00.
    assert.equal(due(SHANGHAI, '2026-03-10T09:00:00+08:00', 72 * 60), iso('2026-03-19T18:00:00+08:00'));
  });

  test('holidays are skipped as whole local days', () => {
    const cal = weekdays('Asia/Shanghai', [['09:00', '18:00']], ['2026-10-01', '2026-10-02']);
    // Wednesday 17:00: 1 h that day, Thu/Fri holidays, weekend closed, 1 h on Monday.
    assert.equal(due(cal, '2026-09-30T17:00:00+08:00', 120), iso('2026-10-05T10:00:00+08:00'));
  });

  test('a holiday is the local day in the calendar zone, not the UTC day', () => {
    const cal = calendar(
      'Asia/Shanghai',
      { mon: [['00:00', '24:00']], tue: [['00:00', '24:00']], wed: [['00:00', '24:00']], thu: [['00:00', '24:00']], fri: [['00:00', '24:00']] },
      ['2026-10-01'],
    );
    // 00:30 on 1 October in Shanghai is still 30 September in UTC.
    assert.equal(nextOpening(cal, at('2026-10-01T00:30:00+08:00')).toISOString(), iso('2026-10-02T00:00:00+08:00'));
    assert.equal(isOpenAt(cal, at('2026-09-30T23:59:00+08:00')), true);
    assert.equal(isOpenAt(cal, at('2026-10-01T12:00:00+08:00')), false);
  });

  test('New York: the weekend of the spring-forward change moves the UTC time of Monday opening', () => {
    // Friday 16:00 EST (UTC-5) + 2 h -> 1 h Friday, Monday 10:00 EDT (UTC-4).
    assert.equal(due(NEW_YORK, '2026-03-06T16:00:00-05:00', 120), iso('2026-03-09T10:00:00-04:00'));
    assert.equal(due(NEW_YORK, '2026-03-06T16:00:00-05:00', 120), '2026-03-09T14:00:00.000Z');
  });

  test('New York: an opening inside the skipped hour starts when the clocks land on 03:00 EDT', () => {
    const cal = calendar('America/New_York', { sun: [['02:30', '03:30']] });
    // 2026-03-08 02:00 EST jumps to 03:00 EDT (07:00Z); 03:30 EDT is 07:30Z.
    assert.equal(nextOpening(cal, at('2026-03-08T01:00:00-05:00')).toISOString(), '2026-03-08T07:00:00.000Z');
    assert.equal(due(cal, '2026-03-08T01:00:00-05:00', 30), '2026-03-08T07:30:00.000Z');
    assert.equal(businessMinutesBetween(cal, at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z')), 30);
  });

  test('New York: a fall-back opening through the repeated hour lasts two real hours', () => {
    const cal = calendar('America/New_York', { sun: [['01:00', '02:00']] });
    // 2026-11-01: 01:00 EDT = 05:00Z; clocks fall back at 06:00Z; 02:00 EST = 07:00Z.
    assert.equal(nextOpening(cal, at('2026-11-01T00:00:00-04:00')).toISOString(), '2026-11-01T05:00:00.000Z');
    assert.equal(due(cal, '2026-11-01T00:00:00-04:00', 90), '2026-11-01T06:30:00.000Z');
    assert.equal(due(cal, '2026-11-01T00:00:00-04:00', 120), '2026-11-01T07:00:00.000Z');
  });

  test('Berlin: Friday-to-Monday targets across both 2026 changes land on local 10:00', () => {
    assert.equal(due(BERLIN, '2026-03-27T17:00:00+01:00', 120), iso('2026-03-30T10:00:00+02:00'));
    assert.equal(due(BERLIN, '2026-10-23T17:00:00+02:00', 120), iso('2026-10-26T10:00:00+01:00'));
  });

  test('New York evening hours fall on the next UTC day but count on the local day', () => {
    const cal = weekdays('America/New_York', [['09:00', '22:00']]);
    // Thursday 20:00 EST is already Friday 01:00 UTC.
    assert.equal(due(cal, '2026-03-05T20:00:00-05:00', 60), iso('2026-03-05T21:00:00-05:00'));
    assert.equal(isOpenAt(cal, at('2026-03-05T21:30:00-05:00')), true);
  });

  test('Santiago: a Sunday whose midnight is skipped opens at 01:00 and lasts 23 h', () => {
    const sundays = calendar('America/Santiago', { sun: [['00:00', '24:00']] });
    // 2026-09-06: Saturday 24:00 (UTC-4) jumps to Sunday 01:00 (UTC-3) at 04:00Z.
    assert.equal(nextOpening(sundays, at('2026-09-05T12:00:00-04:00')).toISOString(), '2026-09-06T04:00:00.000Z');
    assert.equal(businessMinutesBetween(sundays, at('2026-09-05T12:00:00-04:00'), at('2026-09-07T12:00:00-03:00')), 23 * 60);
  });

  test('Santiago: the hour repeated when clocks fall back at midnight stays on Saturday', () => {
    // 2026-04-05 at 03:00Z the reading goes from Saturday 23:59:59 (UTC-3) back to 23:00 (UTC-4).
    const sundays = calendar('America/Santiago', { sun: [['00:00', '24:00']] });
    const saturdays = calendar('America/Santiago', { sat: [['00:00', '24:00']] });
    assert.equal(isOpenAt(saturdays, at('2026-04-05T03:30:00Z')), true);
    assert.equal(isOpenAt(sundays, at('2026-04-05T03:30:00Z')), false);
    assert.equal(nextOpening(sundays, at('2026-04-05T03:30:00Z')).toISOString(), '2026-04-05T04:00:00.000Z');
    assert.equal(businessMinutesBetween(saturdays, at('2026-04-03T12:00:00Z'), at('2026-04-05T12:00:00Z')), 25 * 60);
    assert.equal(businessMinutesBetween(sundays, at('2026-04-04T12:00:00Z'), at('2026-04-06T12:00:00Z')), 24 * 60);
  });

  test("St John's 2010: after Sunday 00:01 the clocks fell back into Saturday; that hour is Sunday's", () => {
    // 02:30Z is Sunday 00:00 NDT; at 02:31Z the reading returns to Saturday 23:01 NST until 03:30Z.
    const sundays = calendar('America/St_Johns', { sun: [['00:00', '24:00']] });
    const saturdays = calendar('America/St_Johns', { sat: [['00:00', '24:00']] });
    assert.equal(isOpenAt(sundays, at('2010-11-07T03:00:00Z')), true);
    assert.equal(isOpenAt(saturdays, at('2010-11-07T03:00:00Z')), false);
    assert.equal(businessMinutesBetween(sundays, at('2010-11-06T12:00:00Z'), at('2010-11-08T12:00:00Z')), 25 * 60);
    assert.equal(businessMinutesBetween(saturdays, at('2010-11-05T12:00:00Z'), at('2010-11-07T12:00:00Z')), 24 * 60);
    // Ending inside that hour, whose reading is still Saturday, counts Sunday's first 30 minutes.
    assert.equal(businessMinutesBetween(sundays, at('2010-11-06T12:00:00Z'), at('2010-11-07T03:00:00Z')), 30);
  });

  test('a night shift runs across midnight', () => {
    const cal = calendar('Asia/Shanghai', { fri: [['22:00', '24:00']], sat: [['00:00', '02:00']] });
    assert.equal(due(cal, '2026-03-13T23:00:00+08:00', 120), iso('2026-03-14T01:00:00+08:00'));
    assert.equal(isOpenAt(cal, at('2026-03-14T00:00:00+08:00')), true);
  });

  test('24:00 ends the day at the next local midnight', () => {
    const cal = calendar('Asia/Shanghai', { mon: [['20:00', '24:00']], tue: [['09:00', '10:00']] });
    assert.equal(due(cal, '2026-03-16T23:00:00+08:00', 60), iso('2026-03-17T00:00:00+08:00'));
    assert.equal(due(cal, '2026-03-16T23:00:00+08:00', 61), iso('2026-03-17T09:01:00+08:00'));
    assert.equal(isOpenAt(cal, at('2026-03-16T23:59:59+08:00')), true);
    assert.equal(isOpenAt(cal, at('2026-03-17T00:00:00+08:00')), false);
  });

  test('zero minutes gives the next open instant at or after start', () => {
    assert.equal(due(SHANGHAI, '2026-03-16T12:34:00+08:00', 0), iso('2026-03-16T12:34:00+08:00'));
    assert.equal(due(SHANGHAI, '2026-03-16T08:00:00+08:00', 0), iso('2026-03-16T09:00:00+08:00'));
    // Closing time itself is outside hours.
    assert.equal(due(SHANGHAI, '2026-03-16T18:00:00+08:00', 0), iso('2026-03-17T09:00:00+08:00'));
    assert.equal(nextOpening(SHANGHAI, at('2026-03-13T18:30:00+08:00')).toISOString(), iso('2026-03-16T09:00:00+08:00'));
  });

  test('ALWAYS_OPEN adds wall-clock time', () => {
    assert.equal(due(ALWAYS_OPEN, '2026-03-08T06:59:00Z', 72 * 60), '2026-03-11T06:59:00.000Z');
  });

  test('a calendar that is never open throws instead of looping', () => {
    const never = calendar('Asia/Shanghai', {});
    assert.throws(() => addBusinessMinutes(never, at('2026-03-16T09:00:00Z'), 60), /calendar is never open/);
    assert.throws(() => nextOpening(never, at('2026-03-16T09:00:00Z')), /calendar is never open/);
    assert.equal(isOpenAt(never, at('2026-03-16T09:00:00Z')), false);
    assert.equal(businessMinutesBetween(never, at('2026-03-16T00:00:00Z'), at('2026-03-20T00:00:00Z')), 0);
  });

  test('holidays covering every opening for years end the search with an error', () => {
    // Open on Mondays only, and 366 consecutive Mondays are holidays (seven years).
    const mondays = Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(2026, 2, 16) + i * 7 * 86_400_000).toISOString().slice(0, 10));
    const cal = calendar('Asia/Shanghai', { mon: [['09:00', '18:00']] }, mondays);
    assert.throws(() => addBusinessMinutes(cal, at('2026-03-15T00:00:00Z'), 1), /calendar is never open in the two years after/);
  });

  test('an unvalidated calendar with unsorted, overlapping openings counts each minute once', () => {
    const messy = calendar('UTC', { mon: [['14:00', '18:00'], ['09:00', '12:00'], ['11:00', '12:30']] });
    assert.equal(businessMinutesBetween(messy, at('2026-03-16T00:00:00Z'), at('2026-03-17T00:00:00Z')), 7.5 * 60);
    assert.equal(due(messy, '2026-03-16T08:00:00Z', 211), '2026-03-16T14:01:00.000Z');
  });

  test('bad arguments are refused with clear errors', () => {
    assert.throws(() => addBusinessMinutes(SHANGHAI, new Date('nope'), 1), /start is not a valid date/);
    assert.throws(() => addBusinessMinutes(SHANGHAI, at('2026-03-16T09:00:00Z'), -1), /must be a finite number >= 0/);
    assert.throws(() => addBusinessMinutes(SHANGHAI, at('2026-03-16T09:00:00Z'), Number.NaN), /must be a finite number >= 0/);
    assert.throws(() => isOpenAt({ ...SHANGHAI, timeZone: 'Mars/Olympus' }, at('2026-03-16T09:00:00Z')), /unknown time zone "Mars\/Olympus"/);
    assert.throws(() => isOpenAt(weekdays('UTC', [['9:00', '18:00']]), at('2026-03-16T09:00:00Z')), /bad opening 9:00-18:00 on mon/);
  });
});

describe('businessMinutesBetween', () => {
  test('counts only opening hours, across a weekend', () => {
    assert.equal(businessMinutesBetween(SHANGHAI, at('2026-03-13T17:00:00+08:00'), at('2026-03-16T10:00:00+08:00')), 120);
  });

  test('is 0 when b is not after a', () => {
    assert.equal(businessMinutesBetween(SHANGHAI, at('2026-03-16T12:00:00+08:00'), at('2026-03-16T10:00:00+08:00')), 0);
    assert.equal(businessMinutesBetween(SHANGHAI, at('2026-03-16T12:00:00+08:00'), at('2026-03-16T12:00:00+08:00')), 0);
  });

  test('is fractional for instants that are not whole minutes', () => {
    assert.equal(businessMinutesBetween(SHANGHAI, at('2026-03-16T10:00:00+08:00'), at('2026-03-16T10:00:30+08:00')), 0.5);
  });

  test('a New York Sunday open all day is 23 h in March and 25 h in November', () => {
    const sundays = calendar('America/New_York', { sun: [['00:00', '24:00']] });
    assert.equal(businessMinutesBetween(sundays, at('2026-03-07T12:00:00-05:00'), at('2026-03-09T12:00:00-04:00')), 23 * 60);
    assert.equal(businessMinutesBetween(sundays, at('2026-10-31T12:00:00-04:00'), at('2026-11-02T12:00:00-05:00')), 25 * 60);
    assert.equal(businessMinutesBetween(sundays, at('2026-03-14T12:00:00-04:00'), at('2026-03-16T12:00:00-04:00')), 24 * 60);
  });

  test('Shanghai has no DST: a July week is 45 h like a January week', () => {
    assert.equal(businessMinutesBetween(SHANGHAI, at('2026-07-06T00:00:00+08:00'), at('2026-07-13T00:00:00+08:00')), 45 * 60);
    assert.equal(businessMinutesBetween(SHANGHAI, at('2026-01-05T00:00:00+08:00'), at('2026-01-12T00:00:00+08:00')), 45 * 60);
  });

  test('agrees with addBusinessMinutes on a DST week', () => {
    const start = at('2026-03-05T11:17:00-05:00');
    // Thursday 343 min + Friday 480 min, then 177 min on Monday after the change.
    const end = addBusinessMinutes(NEW_YORK, start, 1000);
    assert.equal(end.toISOString(), iso('2026-03-09T11:57:00-04:00'));
    assert.equal(businessMinutesBetween(NEW_YORK, start, end), 1000);
  });

  test('refuses spans over ten years', () => {
    assert.throws(() => businessMinutesBetween(SHANGHAI, at('2000-01-01T00:00:00Z'), at('2020-01-01T00:00:00Z')), /at most ten years/);
  });
});

describe('isOpenAt', () => {
  test('opening is inclusive, closing exclusive, weekends and local zone respected', () => {
    assert.equal(isOpenAt(SHANGHAI, at('2026-03-16T09:00:00+08:00')), true);
    assert.equal(isOpenAt(SHANGHAI, at('2026-03-16T08:59:59+08:00')), false);
    assert.equal(isOpenAt(SHANGHAI, at('2026-03-16T17:59:59+08:00')), true);
    assert.equal(isOpenAt(SHANGHAI, at('2026-03-16T18:00:00+08:00')), false);
    assert.equal(isOpenAt(SHANGHAI, at('2026-03-14T12:00:00+08:00')), false);
    // 02:00 UTC on a Monday is 10:00 in Shanghai.
    assert.equal(isOpenAt(SHANGHAI, at('2026-03-16T02:00:00Z')), true);
  });
});

describe('businessCalendarSchema', () => {
  test('accepts the shipped calendars and returns the same data', () => {
    const parsed: BusinessCalendar = businessCalendarSchema.parse(DEFAULT_CALENDAR);
    assert.deepEqual(parsed, DEFAULT_CALENDAR);
    assert.deepEqual(businessCalendarSchema.parse(ALWAYS_OPEN), ALWAYS_OPEN);
    assert.deepEqual(businessCalendarSchema.parse(NEW_YORK), NEW_YORK);
  });

  test('refuses an unknown or fixed-offset time zone', () => {
    assert.deepEqual(schemaErrors({ ...SHANGHAI, timeZone: 'Mars/Olympus' }), [
      'timeZone: unknown time zone "Mars/Olympus" (use an IANA name such as Asia/Shanghai)',
    ]);
    assert.match(schemaErrors({ ...SHANGHAI, timeZone: '+08:00' })[0], /unknown time zone "\+08:00"/);
  });

  test('refuses malformed times and reversed intervals', () => {
    assert.deepEqual(schemaErrors(weekdays('UTC', [['9:00', '18:00']])).slice(0, 1), ['week.mon.0.0: time must be HH:MM from 00:00 to 24:00']);
    assert.match(schemaErrors(weekdays('UTC', [['09:00', '24:30']]))[0], /week\.mon\.0\.1: time must be HH:MM/);
    assert.equal(schemaErrors(weekdays('UTC', [['24:00', '24:00']]))[0], 'week.mon.0: opening 24:00-24:00 must start before it ends');
    assert.deepEqual(schemaErrors(calendar('UTC', { tue: [['18:00', '09:00']] })), ['week.tue.0: opening 18:00-09:00 must start before it ends']);
    assert.deepEqual(schemaErrors(calendar('UTC', { tue: [['09:00', '09:00']] })), ['week.tue.0: opening 09:00-09:00 must start before it ends']);
  });

  test('refuses overlapping or unsorted intervals but allows touching ones', () => {
    assert.deepEqual(schemaErrors(calendar('UTC', { wed: [['09:00', '13:00'], ['12:00', '18:00']] })), [
      'week.wed.1: opening 12:00-18:00 must come after 09:00-13:00 without overlapping it',
    ]);
    assert.equal(schemaErrors(calendar('UTC', { wed: [['14:00', '18:00'], ['09:00', '12:00']] })).length, 1);
    assert.equal(businessCalendarSchema.safeParse(calendar('UTC', { wed: [['09:00', '12:00'], ['12:00', '18:00']] })).success, true);
  });

  test('refuses a calendar that is never open', () => {
    assert.deepEqual(schemaErrors(calendar('Asia/Shanghai', {})), ['week: calendar is never open: add at least one opening interval']);
  });

  test('refuses missing or misspelt weekdays', () => {
    const { sun: _sun, ...sixDays } = SHANGHAI.week;
    assert.match(schemaErrors({ ...SHANGHAI, week: sixDays }).join('\n'), /week\.sun/);
    assert.match(schemaErrors({ ...SHANGHAI, week: { ...SHANGHAI.week, monday: [] } }).join('\n'), /monday/);
  });

  test('refuses impossible, malformed, duplicate and too many holidays', () => {
    assert.deepEqual(schemaErrors({ ...SHANGHAI, holidays: ['2026-02-30'] }), ['holidays.0: holiday must be a real date written YYYY-MM-DD']);
    assert.deepEqual(schemaErrors({ ...SHANGHAI, holidays: ['2026-10-1'] }), ['holidays.0: holiday must be a real date written YYYY-MM-DD']);
    assert.deepEqual(schemaErrors({ ...SHANGHAI, holidays: ['2026-10-01', '2026-10-01'] }), ['holidays.1: holiday 2026-10-01 is listed twice']);
    const days = Array.from({ length: 367 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
    assert.deepEqual(schemaErrors({ ...SHANGHAI, holidays: days }), ['holidays: at most 366 holidays']);
    assert.equal(businessCalendarSchema.safeParse({ ...SHANGHAI, holidays: days.slice(0, 366) }).success, true);
    assert.equal(businessCalendarSchema.safeParse({ ...SHANGHAI, holidays: ['2028-02-29'] }).success, true);
  });
});

describe('DEFAULT_CALENDAR', () => {
  test('is Shanghai Mon-Fri 09:00-18:00, Saturday 10:00-16:00, closed on National Day', () => {
    assert.equal(isOpenAt(DEFAULT_CALENDAR, at('2026-03-16T17:30:00+08:00')), true);
    assert.equal(isOpenAt(DEFAULT_CALENDAR, at('2026-03-14T15:30:00+08:00')), true);
    assert.equal(isOpenAt(DEFAULT_CALENDAR, at('2026-03-14T16:30:00+08:00')), false);
    assert.equal(isOpenAt(DEFAULT_CALENDAR, at('2026-03-15T12:00:00+08:00')), false);
    // National Day week 1-7 Oct; Thursday 8 October is the first working day after it.
    assert.equal(nextOpening(DEFAULT_CALENDAR, at('2026-09-30T18:00:00+08:00')).toISOString(), iso('2026-10-08T09:00:00+08:00'));
  });

  test('cannot be mutated', () => {
    assert.throws(() => DEFAULT_CALENDAR.holidays.push('2026-12-25'), TypeError);
    assert.throws(() => ALWAYS_OPEN.week.mon.push(['00:00', '01:00']), TypeError);
  });
});
