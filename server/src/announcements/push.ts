/**
 * What employees receive: the announcement in their language (body as a node tree, body-tree.ts), and
 * the pushes to their open streams on every process (hub.ts).
 */
import { SUPPORTED_LOCALES, type EmployeeAnnouncement, type EmployeeReceipt, type Locale } from '@parley/protocol';
import type { AppContext } from '../context.js';
import type { Employee } from '../identity/employee-token.js';
import { renderMarkdown } from '../kb/render.js';
import { localeChain } from '../kb/access.js';
import { bodyTree } from './body-tree.js';
import { hubOf } from './hub.js';
import type { announcements } from './schema.js';

export type AnnouncementRow = typeof announcements.$inferSelect;

/** The employee behind a stream or a receipt: their verified token, matched to this site. */
export interface EmployeeViewer {
  siteId: string;
  employee: Employee;
  /** The Parley departments the token's departments matched. */
  departmentIds: string[];
  /** The language texts are sent in: the request's `locale`, else the token's. */
  locale: Locale;
}

/** The version for a language: its own, the other Chinese, English, then the fallback (first). */
export function versionFor(row: Pick<AnnouncementRow, 'versions'>, locale: Locale) {
  for (const l of localeChain(locale)) {
    const v = row.versions.find((x) => x.locale === l);
    if (v) return v;
  }
  return row.versions[0]!;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

type ReceiptTimes = { seenAt: Date | null; acknowledgedAt: Date | null; dismissedAt: Date | null };

export function employeeView(row: AnnouncementRow, locale: Locale, receipt: ReceiptTimes | null, authorName: string | null, reminder = false): EmployeeAnnouncement {
  const v = versionFor(row, locale);
  const out: EmployeeAnnouncement = {
    id: row.id,
    locale: v.locale,
    title: v.title,
    body: bodyTree(renderMarkdown(v.body)),
    priority: row.priority,
    ackRequired: row.ackRequired,
    startsAt: (row.startsAt ?? row.wentLiveAt ?? row.createdAt).toISOString(),
    endsAt: iso(row.endsAt),
    authorName,
    seenAt: iso(receipt?.seenAt),
    acknowledgedAt: iso(receipt?.acknowledgedAt),
    dismissedAt: iso(receipt?.dismissedAt),
  };
  if (reminder) out.reminder = true;
  return out;
}

export function receiptView(id: string, r: ReceiptTimes): EmployeeReceipt {
  return { id, seenAt: iso(r.seenAt), acknowledgedAt: iso(r.acknowledgedAt), dismissedAt: iso(r.dismissedAt) };
}

/** The console's preview: what the banner gets, plus the body as HTML for the console's own renderer. */
export function previewView(row: AnnouncementRow, locale: Locale, authorName: string | null): EmployeeAnnouncement & { html: string } {
  return { ...employeeView(row, locale, null, authorName), html: renderMarkdown(versionFor(row, locale).body) };
}

/** Every language's view, rendered once per push whatever the audience's size. */
function views(row: AnnouncementRow, authorName: string | null, reminder: boolean): Record<Locale, EmployeeAnnouncement> {
  return Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, employeeView(row, l, null, authorName, reminder)])) as Record<Locale, EmployeeAnnouncement>;
}

/** It went live: to its whole audience. */
export function pushLive(ctx: AppContext, row: AnnouncementRow, authorName: string | null): void {
  hubOf(ctx).publish({ kind: 'new', siteId: row.siteId, rule: { audienceKind: row.audienceKind, departmentIds: row.departmentIds, employees: row.employees }, views: views(row, authorName, false) });
}

/** "Remind them": to these people only. */
export function pushReminder(ctx: AppContext, row: AnnouncementRow, subjects: string[], authorName: string | null): void {
  if (subjects.length === 0) return;
  hubOf(ctx).publish({ kind: 'new', siteId: row.siteId, rule: { audienceKind: 'employees', departmentIds: [], employees: subjects }, views: views(row, authorName, true) });
}

/** Gone from every banner of the site (the id is all it says, so the whole site may hear it). */
export function pushGone(ctx: AppContext, row: AnnouncementRow, why: 'withdrawn' | 'ended'): void {
  hubOf(ctx).publish({ kind: 'gone', siteId: row.siteId, event: why === 'withdrawn' ? 'announcement:withdrawn' : 'announcement:ended', id: row.id });
}

/** The employee's other tabs and devices learn their receipt changed. */
export function pushReceipt(ctx: AppContext, siteId: string, subject: string, receipt: EmployeeReceipt): void {
  hubOf(ctx).publish({ kind: 'receipt', siteId, subject, receipt });
}
