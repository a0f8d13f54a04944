/** The promise on the success view, in the reader's language and time zone. */
import type { FeedbackStrings } from './feedback.strings.js';

/**
 * "Tue, Mar 3, 10:00 AM GMT+8": the weekday matters (business hours skip weekends), the zone is named
 * because the team may work in another one, the year only when it is not this one. `timeZone` is the
 * browser's unless given.
 */
export function formatDue(iso: string, locale: string, now: Date = new Date(), timeZone?: string): string {
  const due = new Date(iso);
  if (Number.isNaN(due.getTime())) return '';
  const opts: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
  if (timeZone) opts.timeZone = timeZone;
  const year = (d: Date) => new Intl.DateTimeFormat('en', { year: 'numeric', ...(timeZone ? { timeZone } : {}) }).format(d);
  if (year(due) !== year(now)) opts.year = 'numeric';
  return new Intl.DateTimeFormat(locale, opts).format(due);
}

/** A target in business minutes as "2 hours", "30 minutes", "1 hour 30 minutes" (or 小时 / 小時 / 分钟). */
export function formatTarget(minutes: number, s: FeedbackStrings): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (!h) return s.minutes(rest);
  return rest ? `${s.hours(h)} ${s.minutes(rest)}` : s.hours(h);
}
