/**
 * The /employee namespace's type and the pushes to it. Pushes go through `io.to(rooms)`, so with the
 * Redis adapter (cluster/) they reach sockets on every process.
 */
import type { Namespace } from 'socket.io';
import { SUPPORTED_LOCALES, NAMESPACES, type EmployeeAnnouncement, type EmployeeClientEvents, type EmployeeReceipt, type EmployeeServerEvents, type Locale } from '@parley/protocol';
import type { AppContext } from '../context.js';
import type { Employee } from '../identity/employee-token.js';
import { renderMarkdown } from '../kb/render.js';
import { localeChain } from '../kb/access.js';
import { audienceRooms, otherLocaleRooms, personRoom, siteRoom } from './audience.js';
import type { announcements } from './schema.js';

export type AnnouncementRow = typeof announcements.$inferSelect;

export interface EmployeeSocketData {
  siteId: string;
  employee: Employee;
  /** The Parley departments the token's departments matched at connection. */
  departmentIds: string[];
  /** The language texts are sent in: the handshake's, else the token's. */
  locale: Locale;
}
export type EmployeeNamespace = Namespace<EmployeeClientEvents, EmployeeServerEvents, Record<string, never>, EmployeeSocketData>;

/** `io.of` hands back the same namespace every time: no need to keep it on the context. */
export const employeeNamespace = (ctx: AppContext): EmployeeNamespace => ctx.io.of(NAMESPACES.employee) as unknown as EmployeeNamespace;

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
    html: renderMarkdown(v.body),
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

/**
 * Sends the announcement to these rooms, once per language (see audience.ts): three emits whatever the
 * audience's size, and each connected tab gets its own language's text.
 */
function pushToRooms(ctx: AppContext, row: AnnouncementRow, rooms: string[], authorName: string | null, reminder: boolean): void {
  if (rooms.length === 0) return;
  const nsp = employeeNamespace(ctx);
  for (const locale of SUPPORTED_LOCALES) {
    nsp.to(rooms).except(otherLocaleRooms(row.siteId, locale)).emit('announcement:new', employeeView(row, locale, null, authorName, reminder));
  }
}

/** It went live: to its whole audience. */
export function pushLive(ctx: AppContext, row: AnnouncementRow, authorName: string | null): void {
  pushToRooms(ctx, row, audienceRooms(row.siteId, row), authorName, false);
}

/** "Remind them": to these people only. */
export function pushReminder(ctx: AppContext, row: AnnouncementRow, subjects: string[], authorName: string | null): void {
  pushToRooms(
    ctx,
    row,
    subjects.map((s) => personRoom(row.siteId, s)),
    authorName,
    true,
  );
}

/** Gone from every banner of the site (the id is all it says, so the whole site may hear it). */
export function pushGone(ctx: AppContext, row: AnnouncementRow, why: 'withdrawn' | 'ended'): void {
  employeeNamespace(ctx).to(siteRoom(row.siteId)).emit(why === 'withdrawn' ? 'announcement:withdrawn' : 'announcement:ended', { id: row.id });
}

/** The employee's other tabs and devices learn their receipt changed. */
export function pushReceipt(ctx: AppContext, siteId: string, subject: string, receipt: EmployeeReceipt): void {
  employeeNamespace(ctx).to(personRoom(siteId, subject)).emit('announcement:receipt', receipt);
}
