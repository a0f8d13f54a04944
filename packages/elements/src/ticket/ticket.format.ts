/** Dates and sizes in the reader's language and time zone (Intl's default zone is the browser's). */
import type { Locale } from '../internal/i18n.js';

/** A thread entry's time, e.g. "12 Mar 2025, 14:05". */
export function entryTime(iso: string, locale: Locale): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A promise of a time: with the weekday and the zone, since "by 14:00" alone is ambiguous across zones. */
export function dueTime(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(d);
}

export function fileSize(bytes: number, locale: Locale): string {
  const kb = bytes / 1024;
  if (kb < 1024) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: kb < 10 ? 1 : 0 }).format(kb);
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(kb / 1024);
}
