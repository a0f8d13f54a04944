/**
 * Receipts for the console: the rates, who has not acknowledged (by department), "remind them", and the
 * CSV for audit.
 *
 * The denominator. Parley knows only the employees who opened an intranet page with the banner, so the
 * "audience" it can count is the known audience: people seen on the site within the last
 * ANNOUNCEMENT_LIMITS.knownWindowDays days whose departments (as of their latest visit) put them in the
 * audience, plus anyone holding a receipt. Rates are receipts over that; people who never opened the
 * intranet are in nobody's numbers, which the console says next to the percentages.
 */
import { stringify } from 'csv-stringify/sync';
import { and, desc, eq, gte } from 'drizzle-orm';
import type { AnnouncementNotAcknowledgedGroup, AnnouncementReceiptRow, AnnouncementReceipts, LocalizedText } from '@parley/protocol';
import { ANNOUNCEMENT_LIMITS } from '@parley/protocol/schemas';
import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { siteDepartments } from '../identity/departments.js';
import { audienceWhere } from './audience.js';
import { pushReminder, type AnnouncementRow } from './push.js';
import { announcementReceipts, intranetEmployees } from './schema.js';
import { authorNameOf, statusOf } from './service.js';

interface Person {
  subject: string;
  name: string;
  departments: string[];
  departmentIds: string[];
  seenAt: Date | null;
  acknowledgedAt: Date | null;
  dismissedAt: Date | null;
  receipt: boolean;
}

/** Everyone in the known audience, with their receipt if any; receipts first, newest first. */
async function knownAudience(ctx: AppContext, row: AnnouncementRow): Promise<Person[]> {
  const since = new Date(ctx.clock().getTime() - ANNOUNCEMENT_LIMITS.knownWindowDays * 86_400_000);
  const receipts = await ctx.db.select().from(announcementReceipts).where(eq(announcementReceipts.announcementId, row.id)).orderBy(desc(announcementReceipts.createdAt), desc(announcementReceipts.subject));
  const known = await ctx.db
    .select()
    .from(intranetEmployees)
    .where(and(eq(intranetEmployees.siteId, row.siteId), gte(intranetEmployees.lastSeenAt, since), audienceWhere(row, intranetEmployees.subject, intranetEmployees.departmentIds)))
    .orderBy(intranetEmployees.name, intranetEmployees.subject);
  const people = new Map<string, Person>();
  for (const r of receipts) people.set(r.subject, { ...r, receipt: true });
  for (const e of known) {
    if (!people.has(e.subject)) people.set(e.subject, { subject: e.subject, name: e.name, departments: e.departments, departmentIds: e.departmentIds, seenAt: null, acknowledgedAt: null, dismissedAt: null, receipt: false });
  }
  return [...people.values()];
}

/** The department a person counts under: their first one in the audience, else their first; null for none. */
function groupOf(row: AnnouncementRow, p: Person): string | null {
  if (row.audienceKind === 'departments') return p.departmentIds.find((d) => row.departmentIds.includes(d)) ?? p.departmentIds[0] ?? null;
  return p.departmentIds[0] ?? null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const rate = (n: number, of: number) => (of === 0 ? null : Math.round((n / of) * 10_000) / 10_000);

export async function receiptsOf(ctx: AppContext, row: AnnouncementRow): Promise<AnnouncementReceipts> {
  const people = await knownAudience(ctx, row);
  const seen = people.filter((p) => p.seenAt).length;
  const acknowledged = people.filter((p) => p.acknowledgedAt).length;
  const notAcknowledged: AnnouncementNotAcknowledgedGroup[] = [];
  if (row.ackRequired) {
    const names = new Map<string, LocalizedText>((await siteDepartments(ctx.db, row.siteId)).map((d) => [d.id, d.names]));
    const order = [...names.keys()];
    const groups = new Map<string | null, AnnouncementNotAcknowledgedGroup>();
    for (const p of people) {
      if (p.acknowledgedAt) continue;
      const g = groupOf(row, p);
      if (!groups.has(g)) groups.set(g, { departmentId: g, name: g ? (names.get(g) ?? null) : null, employees: [] });
      groups.get(g)!.employees.push({ subject: p.subject, name: p.name, seenAt: iso(p.seenAt) });
    }
    // Site order, people without a department last.
    const rank = (g: string | null) => (g === null ? Number.MAX_SAFE_INTEGER : order.indexOf(g));
    notAcknowledged.push(...[...groups.values()].sort((a, b) => rank(a.departmentId) - rank(b.departmentId)));
    for (const g of notAcknowledged) g.employees.sort((a, b) => a.name.localeCompare(b.name) || a.subject.localeCompare(b.subject));
  }
  const rows: AnnouncementReceiptRow[] = people
    .filter((p) => p.receipt)
    .slice(0, ANNOUNCEMENT_LIMITS.receiptRows)
    .map((p) => ({ subject: p.subject, name: p.name, departments: p.departments, departmentIds: p.departmentIds, seenAt: iso(p.seenAt), acknowledgedAt: iso(p.acknowledgedAt) }));
  return {
    announcementId: row.id,
    knownWindowDays: ANNOUNCEMENT_LIMITS.knownWindowDays,
    audienceKnown: people.length,
    seen,
    acknowledged,
    seenRate: rate(seen, people.length),
    acknowledgedRate: rate(acknowledged, people.length),
    notAcknowledged,
    rows,
  };
}

/**
 * Pushes it again to the known audience members (of `departmentId`, when given) who have not
 * acknowledged it (or, for one that needs no acknowledgement, not seen it). Live ones only.
 */
export async function remind(ctx: AppContext, row: AnnouncementRow, departmentId: string | undefined): Promise<{ reminded: number }> {
  const status = statusOf(row, ctx.clock());
  if (status !== 'live') throw new AppError('closed', `a ${status} announcement cannot be reminded of; only a live one`);
  const people = (await knownAudience(ctx, row)).filter((p) => (row.ackRequired ? !p.acknowledgedAt : !p.seenAt) && (!departmentId || groupOf(row, p) === departmentId));
  pushReminder(
    ctx,
    row,
    people.map((p) => p.subject),
    await authorNameOf(ctx.db, row),
  );
  return { reminded: people.length };
}

/** Every known audience member, receipt or not, as CSV (UTF-8 with a BOM, so Excel opens Chinese names correctly). */
export async function receiptsCsv(ctx: AppContext, row: AnnouncementRow): Promise<string> {
  const people = await knownAudience(ctx, row);
  const names = new Map((await siteDepartments(ctx.db, row.siteId)).map((d) => [d.id, d.names.en]));
  const lines: Array<Array<string>> = [['announcement_id', 'title', 'subject', 'name', 'token_departments', 'parley_departments', 'seen_at', 'acknowledged_at', 'dismissed_at']];
  const title = row.versions[0]!.title;
  for (const p of people) {
    lines.push([row.id, title, p.subject, p.name, p.departments.join('; '), p.departmentIds.map((d) => names.get(d) ?? d).join('; '), iso(p.seenAt) ?? '', iso(p.acknowledgedAt) ?? '', iso(p.dismissedAt) ?? '']);
  }
  // A cell starting with = + - @ is a formula to a spreadsheet: a name from a token must not run as one.
  const safe = lines.map((l) => l.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
  return '\uFEFF' + stringify(safe);
}
