/**
 * How report figures read: each metric's unit, a duration in the largest unit that keeps it short,
 * rates with one decimal, and the change against the previous period in words (colour is never the
 * only signal). Dates come from the server as local `YYYY-MM-DD` bucket keys.
 */
import { reportUnit, type ReportUnit, type ReportValue } from '@parley/protocol';
import type { Locale } from '../../internal/i18n.js';
import type { AnyMetric, Preset, ReportsStrings } from './reports.strings.js';

/** Volumes: more or fewer is news, neither good nor bad in itself. */
const NEUTRAL = new Set<AnyMetric>(['conversations', 'tickets', 'slaTickets', 'chatQueued', 'botClosed', 'kbVotes', 'csatResponses', 'npsResponses', 'slaPending', 'passives']);
/** Figures where less is better: a rise is bad news. */
const LOWER_IS_BETTER = new Set<AnyMetric>(['queueAbandoned', 'slaBreached', 'slaLate', 'slaMissed', 'escalated', 'chatLate', 'chatMissed', 'kbNotHelpful', 'detractors', 'botHandedOff']);

export const unitOf = (metric: AnyMetric): ReportUnit => reportUnit(metric);

export function lowerIsBetter(metric: AnyMetric): boolean {
  return LOWER_IS_BETTER.has(metric) || unitOf(metric) === 'seconds';
}

export function formatDuration(s: ReportsStrings, seconds: number): string {
  const round = (n: number) => (n >= 10 ? Math.round(n) : Math.round(n * 10) / 10);
  if (seconds < 90) return s.seconds(Math.round(seconds));
  if (seconds < 90 * 60) return s.minutes(round(seconds / 60));
  if (seconds < 48 * 3600) return s.hours(round(seconds / 3600));
  return s.days(round(seconds / 86_400));
}

export function formatValue(s: ReportsStrings, locale: Locale, metric: AnyMetric, value: ReportValue): string {
  if (value === null) return s.noData;
  const nf = (digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
  switch (unitOf(metric)) {
    case 'seconds':
      return formatDuration(s, value);
    case 'percent':
      return `${nf(1).format(value)}%`;
    case 'score':
      return nf(2).format(value);
    case 'points':
      return nf(0).format(value);
    default:
      return nf(0).format(value);
  }
}

export interface Change {
  text: string;
  /** `good` / `bad` by the metric's direction; `flat` for volumes and when nothing changed. */
  tone: 'good' | 'bad' | 'flat';
}

/** The change from `previous` to `value` in the metric's own terms (points for rates, seconds as durations). */
export function change(s: ReportsStrings, locale: Locale, metric: AnyMetric, value: ReportValue, previous: ReportValue): Change | null {
  if (value === null || previous === null) return null;
  const delta = value - previous;
  if (Math.abs(delta) < 1e-9) return { text: s.same, tone: 'flat' };
  const unit = unitOf(metric);
  const magnitude =
    unit === 'percent'
      ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.abs(delta))} pp`
      : unit === 'count' && previous > 0
        ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.abs(delta))} (${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format((Math.abs(delta) / previous) * 100)}%)`
        : formatValue(s, locale, metric, Math.abs(delta));
  const better = lowerIsBetter(metric) ? delta < 0 : delta > 0;
  return { text: delta > 0 ? s.up(magnitude) : s.down(magnitude), tone: NEUTRAL.has(metric) ? 'flat' : better ? 'good' : 'bad' };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A local calendar day, `YYYY-MM-DD`, of a Date read in the browser's zone. */
export const dayOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The preset's first and last day, both inclusive, ending today (or last month's last day). */
export function presetRange(preset: Exclude<Preset, 'custom'>, today: Date): { from: string; to: string } {
  const y = today.getFullYear();
  const m = today.getMonth();
  switch (preset) {
    case 'thisMonth':
      return { from: dayOf(new Date(y, m, 1)), to: dayOf(today) };
    case 'lastMonth':
      return { from: dayOf(new Date(y, m - 1, 1)), to: dayOf(new Date(y, m, 0)) };
    default: {
      const days = preset === '7d' ? 7 : preset === '30d' ? 30 : 90;
      return { from: dayOf(new Date(y, m, today.getDate() - days + 1)), to: dayOf(today) };
    }
  }
}

/** A bucket key as a short label: `3 Nov` / `11月3日`; months as `Nov 2026` / `2026年11月`. */
export function bucketLabel(locale: Locale, key: string, granularity: 'day' | 'week' | 'month'): string {
  const [y, mo, d] = key.split('-').map(Number);
  if (!y || !mo) return key;
  const date = new Date(Date.UTC(y, mo - 1, d || 1));
  const opts: Intl.DateTimeFormatOptions = granularity === 'month' ? { year: 'numeric', month: 'short', timeZone: 'UTC' } : { month: 'short', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, opts).format(date);
}
