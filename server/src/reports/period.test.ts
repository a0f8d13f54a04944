/** The calendar arithmetic under the reports: local midnights across DST, buckets, the period before. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bucketsOf, localDayOf, previousWindow, startOfLocalDay } from './period.js';
import { safeText, toCsv } from './csv.js';

test('local midnights follow the zone across daylight saving time', () => {
  assert.equal(startOfLocalDay('2026-11-01', 'America/New_York').toISOString(), '2026-11-01T04:00:00.000Z');
  assert.equal(startOfLocalDay('2026-11-02', 'America/New_York').toISOString(), '2026-11-02T05:00:00.000Z');
  assert.equal(startOfLocalDay('2026-03-08', 'America/New_York').toISOString(), '2026-03-08T05:00:00.000Z');
  assert.equal(startOfLocalDay('2026-03-09', 'America/New_York').toISOString(), '2026-03-09T04:00:00.000Z');
  assert.equal(startOfLocalDay('2026-07-01', 'Asia/Shanghai').toISOString(), '2026-06-30T16:00:00.000Z');
  assert.equal(localDayOf(new Date('2026-11-02T04:30:00Z'), 'America/New_York'), '2026-11-01');
});

test('buckets: days, ISO weeks from Monday, months', () => {
  assert.deepEqual(bucketsOf('2026-10-30', '2026-11-02', 'day'), ['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02']);
  assert.deepEqual(bucketsOf('2026-10-30', '2026-11-09', 'week'), ['2026-10-26', '2026-11-02', '2026-11-09']);
  assert.deepEqual(bucketsOf('2026-01-15', '2026-03-02', 'month'), ['2026-01-01', '2026-02-01', '2026-03-01']);
});

test('the period before: whole months stay whole months, else the same number of days', () => {
  const p = (from: string, to: string) => {
    const w = previousWindow(from, to, 'UTC');
    return [w.fromDay, w.toDay];
  };
  assert.deepEqual(p('2026-03-01', '2026-03-31'), ['2026-02-01', '2026-02-28']);
  assert.deepEqual(p('2026-01-01', '2026-12-31'), ['2025-01-01', '2025-12-31']);
  assert.deepEqual(p('2026-04-01', '2026-05-31'), ['2026-02-01', '2026-03-31']);
  assert.deepEqual(p('2026-03-10', '2026-03-16'), ['2026-03-03', '2026-03-09']);
  assert.deepEqual(p('2026-03-01', '2026-03-01'), ['2026-02-28', '2026-02-28']);
});

test('CSV cells: formulas defused, numbers untouched', () => {
  assert.equal(safeText('=1+1'), "'=1+1");
  assert.equal(safeText('@cmd'), "'@cmd");
  assert.equal(safeText('fine'), 'fine');
  assert.equal(toCsv([[-20, '-20', ' padded']]), '\uFEFF-20,\'-20," padded"\r\n');
});
