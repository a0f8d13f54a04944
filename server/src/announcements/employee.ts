/**
 * The employee's side: what is active for me, and my receipts.
 *
 * A receipt is one row per (announcement, employee). Each moment (seen, acknowledged, dismissed) is
 * written by an upsert whose update applies only while that moment is still null, so however many
 * tabs, devices and reconnects send it, concurrently or not, the first one is kept and the rest change
 * nothing. The acknowledgement is committed before the request is answered: once a tab says
 * "acknowledged", a restart cannot lose it.
 */
import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { EmployeeAnnouncement, EmployeeReceipt } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { inAudience } from './audience.js';
import { pushReceipt, employeeView, receiptView, type AnnouncementRow, type EmployeeViewer } from './push.js';
import { announcementReceipts, announcements, intranetEmployees } from './schema.js';
import { authorNames, liveWhere } from './service.js';

/** Announcements shown at most at once: more than this is no longer a banner. */
const ACTIVE_MAX = 50;

/** The last-seen time is refreshed at most this often: a reconnect storm then costs no writes. */
const SEEN_REFRESH_MS = 3_600_000;

const uuidArray = (ids: readonly string[]): SQL => (ids.length === 0 ? sql`'{}'::uuid[]` : sql`array[${sql.join(ids.map((d) => sql`${d}::uuid`), sql`, `)}]`);

/** SQL over the announcements table: this person is in its audience. */
export function audienceIncludes(subject: string, departmentIds: readonly string[]): SQL {
  return sql`(${announcements.audienceKind} = 'everyone'
    or (${announcements.audienceKind} = 'departments' and ${announcements.departmentIds} && ${uuidArray(departmentIds)})
    or (${announcements.audienceKind} = 'employees' and ${subject}::text = any(${announcements.employees})))`;
}

/** Remembers who connected (the receipts' denominator, and who "remind them" reaches). */
export async function rememberEmployee(ctx: AppContext, who: EmployeeViewer): Promise<void> {
  const now = ctx.clock();
  const e = who.employee;
  await ctx.db
    .insert(intranetEmployees)
    .values({ siteId: who.siteId, subject: e.id, name: e.name, departments: e.departments, departmentIds: who.departmentIds, firstSeenAt: now, lastSeenAt: now })
    .onConflictDoUpdate({
      target: [intranetEmployees.siteId, intranetEmployees.subject],
      set: { name: sql`excluded.name`, departments: sql`excluded.departments`, departmentIds: sql`excluded.department_ids`, lastSeenAt: sql`excluded.last_seen_at` },
      setWhere: sql`${intranetEmployees.lastSeenAt} < ${new Date(now.getTime() - SEEN_REFRESH_MS).toISOString()}::timestamptz
        or ${intranetEmployees.name} is distinct from excluded.name
        or ${intranetEmployees.departments} is distinct from excluded.departments
        or ${intranetEmployees.departmentIds} is distinct from excluded.department_ids`,
    });
}

const PRIORITY_RANK = sql`case ${announcements.priority} when 'urgent' then 0 when 'important' then 1 else 2 end`;

/** Live announcements for me, not dismissed: urgent, important, normal; newest first within each. */
export async function activeFor(ctx: AppContext, who: EmployeeViewer): Promise<EmployeeAnnouncement[]> {
  const now = ctx.clock();
  const rows = await ctx.db
    .select({ a: announcements, seenAt: announcementReceipts.seenAt, acknowledgedAt: announcementReceipts.acknowledgedAt, dismissedAt: announcementReceipts.dismissedAt })
    .from(announcements)
    .leftJoin(announcementReceipts, and(eq(announcementReceipts.announcementId, announcements.id), eq(announcementReceipts.subject, who.employee.id)))
    .where(and(eq(announcements.siteId, who.siteId), liveWhere(now), audienceIncludes(who.employee.id, who.departmentIds), isNull(announcementReceipts.dismissedAt)))
    .orderBy(asc(PRIORITY_RANK), desc(announcements.startsAt), desc(announcements.id))
    .limit(ACTIVE_MAX);
  const names = await authorNames(
    ctx.db,
    rows.map((r) => r.a),
  );
  return rows.map((r) => employeeView(r.a, who.locale, r, names.get(r.a.createdBy ?? '') ?? null));
}

export type ReceiptKind = 'seen' | 'ack' | 'dismiss';

/** An announcement this person may hold a receipt for: published (live or since ended), started, theirs. */
async function receivable(ctx: AppContext, who: EmployeeViewer, id: string, now: Date): Promise<AnnouncementRow> {
  const [row] = await ctx.db
    .select()
    .from(announcements)
    .where(and(eq(announcements.id, id), eq(announcements.siteId, who.siteId), eq(announcements.state, 'published')));
  if (!row || !row.startsAt || row.startsAt > now || !inAudience(row, who.employee.id, who.departmentIds)) throw new AppError('not_found', 'no such announcement');
  return row;
}

export async function recordReceipt(ctx: AppContext, who: EmployeeViewer, id: string, kind: ReceiptKind): Promise<EmployeeReceipt> {
  const now = ctx.clock();
  const row = await receivable(ctx, who, id, now);
  const mine = and(eq(announcementReceipts.announcementId, id), eq(announcementReceipts.subject, who.employee.id));
  if (kind === 'dismiss' && row.ackRequired) {
    const [held] = await ctx.db.select({ acknowledgedAt: announcementReceipts.acknowledgedAt }).from(announcementReceipts).where(mine);
    if (!held?.acknowledgedAt) throw new AppError('invalid', 'this announcement needs your acknowledgement before it can be closed');
  }
  const r = announcementReceipts;
  const [changed] = await ctx.db
    .insert(r)
    .values({
      announcementId: id,
      siteId: who.siteId,
      subject: who.employee.id,
      name: who.employee.name,
      departments: who.employee.departments,
      departmentIds: who.departmentIds,
      seenAt: now,
      acknowledgedAt: kind === 'ack' ? now : null,
      dismissedAt: kind === 'dismiss' ? now : null,
      createdAt: now,
    })
    .onConflictDoUpdate({
      target: [r.announcementId, r.subject],
      set: {
        seenAt: sql`coalesce(${r.seenAt}, excluded.seen_at)`,
        acknowledgedAt: sql`coalesce(${r.acknowledgedAt}, excluded.acknowledged_at)`,
        dismissedAt: sql`coalesce(${r.dismissedAt}, excluded.dismissed_at)`,
      },
      // Nothing new: no write at all, and the row as it was is read below.
      setWhere: sql`(${r.seenAt} is null and excluded.seen_at is not null)
        or (${r.acknowledgedAt} is null and excluded.acknowledged_at is not null)
        or (${r.dismissedAt} is null and excluded.dismissed_at is not null)`,
    })
    .returning();
  if (changed) {
    const receipt = receiptView(id, changed);
    pushReceipt(ctx, who.siteId, who.employee.id, receipt);
    return receipt;
  }
  const [held] = await ctx.db.select().from(r).where(mine);
  return receiptView(id, held!);
}
