/**
 * The console's side of announcements: drafts, publishing (now or at `startsAt`), withdrawing, the list,
 * and the durable jobs that make scheduled ones go live and end.
 *
 * Who: admins every announcement of the site; supervisors only those for their own departments
 * (audience `departments`, every one theirs: never everyone, never named people, whom they could not be
 * shown to belong to their departments); agents none. One outside someone's reach answers 404.
 *
 * Going live happens once: the conditional update of `went_live_at` (null -> now) is what the webhook
 * and the push hang on, whether the console's "publish" or the `announcement.start` job gets there, and
 * the job runs in the same transaction as that update, so a restart neither skips nor repeats it.
 */
import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Announcement, AnnouncementInput, AnnouncementStatus } from '@parley/protocol';
import { ANNOUNCEMENT_LIMITS, announcementInputSchema } from '@parley/protocol/schemas';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/client.js';
import { agents } from '../db/schema.js';
import { rowsOf } from '../conversations/views.js';
import type { JobContext, JobRow } from '../jobs/runner.js';
import { cancelJob, scheduleJob } from '../jobs/service.js';
import { AppError } from '../lib/errors.js';
import { parseInput } from '../lib/http.js';
import type { Staff } from '../tickets/access.js';
import { emitWebhookEvent } from '../webhooks/events.js';
import { siteDepartments } from '../identity/departments.js';
import { pushGone, pushLive, type AnnouncementRow } from './push.js';
import { auditAnnouncement, auditAnnouncementEdit } from '../audit/domains.js';
import { announcements } from './schema.js';

export const START_JOB = 'announcement.start';
export const END_JOB = 'announcement.end';

const notFound = () => new AppError('not_found', 'no such announcement');

export function requireManager(s: Staff): void {
  if (s.role !== 'admin' && s.role !== 'supervisor') throw new AppError('forbidden', 'only a supervisor or an admin may work with announcements');
}

/** What this person may see: admins all, supervisors announcements wholly inside their departments. */
function reach(s: Staff): SQL | undefined {
  if (s.role === 'admin') return undefined;
  if (s.departmentIds.length === 0) return sql`false`;
  const mine = sql.join(
    s.departmentIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return and(eq(announcements.audienceKind, 'departments'), sql`${announcements.departmentIds} <@ array[${mine}]`);
}

export function statusOf(row: AnnouncementRow, now: Date): AnnouncementStatus {
  if (row.state === 'draft') return 'draft';
  if (row.state === 'withdrawn') return 'withdrawn';
  if (row.endsAt && now >= row.endsAt) return 'ended';
  if (row.startsAt && now < row.startsAt) return 'scheduled';
  return 'live';
}

/** SQL: the announcement `a` is live at `now` (published, started, not ended). */
export const liveWhere = (now: Date): SQL =>
  and(eq(announcements.state, 'published'), sql`${announcements.startsAt} <= ${now.toISOString()}::timestamptz`, sql`(${announcements.endsAt} is null or ${announcements.endsAt} > ${now.toISOString()}::timestamptz)`)!;

export async function announcementFor(ctx: AppContext, s: Staff, siteId: string, id: string, ex: Executor = ctx.db): Promise<AnnouncementRow> {
  requireManager(s);
  const [row] = await ex
    .select()
    .from(announcements)
    .where(and(eq(announcements.id, id), eq(announcements.siteId, siteId), reach(s)));
  if (!row) throw notFound();
  return row;
}

export async function authorNames(ex: Executor, rows: Array<Pick<AnnouncementRow, 'createdBy'>>): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.createdBy).filter((x): x is string => x !== null))];
  if (ids.length === 0) return new Map();
  const found = await ex.select({ id: agents.id, name: agents.name }).from(agents).where(inArray(agents.id, ids));
  return new Map(found.map((a) => [a.id, a.name]));
}

export const authorNameOf = async (ex: Executor, row: Pick<AnnouncementRow, 'createdBy'>) => (await authorNames(ex, [row])).get(row.createdBy ?? '') ?? null;

/**
 * Receipt counts for many announcements in one statement. Known audience: employees seen on the site
 * within the window who match the audience, plus anyone with a receipt (see AnnouncementReceipts).
 */
async function countsOf(ex: Executor, ids: string[], now: Date): Promise<Map<string, Announcement['counts']>> {
  if (ids.length === 0) return new Map();
  const since = new Date(now.getTime() - ANNOUNCEMENT_LIMITS.knownWindowDays * 86_400_000).toISOString();
  const rows = rowsOf<{ id: string; known: number | string; seen: number | string; acked: number | string }>(
    await ex.execute(sql`
      select a.id,
        (select count(*) from (
           select e.subject from intranet_employees e
           where e.site_id = a.site_id and e.last_seen_at >= ${since}::timestamptz
             and (a.audience_kind = 'everyone'
               or (a.audience_kind = 'departments' and e.department_ids && a.department_ids)
               or (a.audience_kind = 'employees' and e.subject = any(a.employees)))
           union
           select r.subject from announcement_receipts r where r.announcement_id = a.id) k) as known,
        (select count(*) from announcement_receipts r where r.announcement_id = a.id and r.seen_at is not null) as seen,
        (select count(*) from announcement_receipts r where r.announcement_id = a.id and r.acknowledged_at is not null) as acked
      from announcements a
      where a.id = any(array[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}])`),
  );
  return new Map(rows.map((r) => [r.id, { audienceKnown: Number(r.known), seen: Number(r.seen), acknowledged: Number(r.acked) }]));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function views(ctx: AppContext, rows: AnnouncementRow[]): Promise<Announcement[]> {
  const now = ctx.clock();
  const names = await authorNames(ctx.db, rows);
  const counts = await countsOf(
    ctx.db,
    rows.map((r) => r.id),
    now,
  );
  return rows.map((row) => ({
    id: row.id,
    versions: row.versions,
    priority: row.priority,
    audience: { kind: row.audienceKind, departmentIds: row.departmentIds, employees: row.employees },
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    ackRequired: row.ackRequired,
    status: statusOf(row, now),
    author: row.createdBy && names.has(row.createdBy) ? { id: row.createdBy, name: names.get(row.createdBy)! } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: iso(row.publishedAt),
    wentLiveAt: iso(row.wentLiveAt),
    withdrawnAt: iso(row.withdrawnAt),
    counts: counts.get(row.id) ?? { audienceKnown: 0, seen: 0, acknowledged: 0 },
  }));
}

export const view = async (ctx: AppContext, row: AnnouncementRow) => (await views(ctx, [row]))[0]!;

export async function listAnnouncements(ctx: AppContext, s: Staff, siteId: string): Promise<Announcement[]> {
  requireManager(s);
  const rows = await ctx.db
    .select()
    .from(announcements)
    .where(and(eq(announcements.siteId, siteId), reach(s)))
    .orderBy(desc(announcements.createdAt), desc(announcements.id))
    .limit(500);
  return views(ctx, rows);
}

/** Validates an input against the site and the person's departments; returns the row's columns. */
export async function columnsOf(ctx: AppContext, s: Staff, siteId: string, raw: unknown) {
  const input: AnnouncementInput = parseInput(announcementInputSchema, raw);
  const { audience } = input;
  const departmentIds = [...new Set((audience.departmentIds ?? []).map((d) => d.toLowerCase()))];
  const employees = [...new Set(audience.employees ?? [])];
  if (audience.kind === 'departments') {
    const known = new Set((await siteDepartments(ctx.db, siteId)).map((d) => d.id));
    const unknown = departmentIds.find((d) => !known.has(d));
    if (unknown) throw new AppError('invalid', `audience.departmentIds: ${unknown} is not a department of this site`);
  }
  if (s.role === 'supervisor') {
    if (audience.kind !== 'departments') throw new AppError('forbidden', 'a supervisor may announce only to their own departments; an admin announces to everyone or to named people');
    if (departmentIds.some((d) => !s.departmentIds.includes(d))) throw new AppError('forbidden', 'a supervisor may announce only to their own departments');
  }
  return {
    versions: input.versions,
    priority: input.priority,
    ackRequired: input.ackRequired ?? false,
    audienceKind: audience.kind,
    departmentIds,
    employees,
    startsAt: input.startsAt ? new Date(input.startsAt) : null,
    endsAt: input.endsAt ? new Date(input.endsAt) : null,
  };
}

export async function createAnnouncement(ctx: AppContext, s: Staff, siteId: string, raw: unknown): Promise<Announcement> {
  requireManager(s);
  const cols = await columnsOf(ctx, s, siteId, raw);
  const now = ctx.clock();
  const row = await ctx.db.transaction(async (tx) => {
    const [r] = await tx.insert(announcements).values({ ...cols, siteId, createdBy: s.id, createdAt: now, updatedAt: now }).returning();
    await auditAnnouncement(tx, s, r!, 'announcement.created', now);
    return r!;
  });
  return view(ctx, row);
}

/** The row, locked for the rest of the transaction, if this person may see it. */
async function lockFor(tx: Executor, s: Staff, siteId: string, id: string): Promise<AnnouncementRow> {
  requireManager(s);
  const [row] = await tx
    .select()
    .from(announcements)
    .where(and(eq(announcements.id, id), eq(announcements.siteId, siteId), reach(s)))
    .for('update');
  if (!row) throw notFound();
  return row;
}

/**
 * Makes it live now, once: the webhook is queued in this transaction; the caller pushes after the commit.
 * Null when it had gone live before.
 */
async function goLive(tx: Executor, ctx: AppContext, id: string, now: Date): Promise<AnnouncementRow | null> {
  const [row] = await tx
    .update(announcements)
    .set({ wentLiveAt: now })
    .where(and(eq(announcements.id, id), isNull(announcements.wentLiveAt), eq(announcements.state, 'published')))
    .returning();
  if (!row) return null;
  await emitWebhookEvent(tx, ctx, row.siteId, 'announcement.published', { announcement: { id: row.id, title: row.versions[0]!.title, urgent: row.priority === 'urgent', publishedAt: now.toISOString() } }, { now });
  return row;
}

/** Published with these times: live now (returned, for the push) or the start job set; the end job set or cleared. */
async function arm(tx: Executor, ctx: AppContext, row: AnnouncementRow, now: Date): Promise<AnnouncementRow | null> {
  if (row.endsAt) await scheduleJob(tx, { kind: END_JOB, key: row.id, runAt: row.endsAt, payload: { announcementId: row.id } });
  else await cancelJob(tx, END_JOB, row.id);
  if (row.startsAt && row.startsAt > now) {
    await scheduleJob(tx, { kind: START_JOB, key: row.id, runAt: row.startsAt, payload: { announcementId: row.id } });
    return null;
  }
  await cancelJob(tx, START_JOB, row.id);
  return goLive(tx, ctx, row.id, now);
}

/** Publishing sets an empty or past start to now; an end that is already past is refused. */
function startOf(row: Pick<AnnouncementRow, 'startsAt' | 'endsAt'>, now: Date): Date {
  const startsAt = row.startsAt && row.startsAt > now ? row.startsAt : now;
  if (row.endsAt && row.endsAt <= startsAt) throw new AppError('invalid', 'endsAt: the end time has passed; set a later one first');
  return startsAt;
}

export async function updateAnnouncement(ctx: AppContext, s: Staff, siteId: string, id: string, raw: unknown): Promise<Announcement> {
  const cols = await columnsOf(ctx, s, siteId, raw);
  const now = ctx.clock();
  const { row, live } = await ctx.db.transaction(async (tx) => {
    const current = await lockFor(tx, s, siteId, id);
    const status = statusOf(current, now);
    if (status !== 'draft' && status !== 'scheduled') throw new AppError('closed', `a ${status} announcement cannot be edited; withdraw it and write a new one`);
    const next = { ...cols, updatedAt: now };
    if (status === 'scheduled') next.startsAt = startOf(cols, now);
    const [updated] = await tx.update(announcements).set(next).where(eq(announcements.id, id)).returning();
    const live = status === 'scheduled' ? await arm(tx, ctx, updated!, now) : null;
    await auditAnnouncementEdit(tx, s, current, updated!, now);
    return { row: live ?? updated!, live };
  });
  if (live) pushLive(ctx, live, await authorNameOf(ctx.db, live));
  return view(ctx, row);
}

export async function deleteDraft(ctx: AppContext, s: Staff, siteId: string, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await lockFor(tx, s, siteId, id);
    if (row.state !== 'draft') throw new AppError('closed', 'only a draft can be deleted; withdraw a published announcement');
    await tx.delete(announcements).where(eq(announcements.id, id));
    await auditAnnouncement(tx, s, row, 'announcement.draft_deleted', ctx.clock());
  });
}

export async function publishAnnouncement(ctx: AppContext, s: Staff, siteId: string, id: string): Promise<Announcement> {
  const now = ctx.clock();
  const { row, live } = await ctx.db.transaction(async (tx) => {
    const current = await lockFor(tx, s, siteId, id);
    if (current.state === 'withdrawn') throw new AppError('closed', 'a withdrawn announcement cannot be published again; write a new one');
    // Publishing twice (a double click, a retried request) is the first publish.
    if (current.state === 'published') return { row: current, live: null };
    const [updated] = await tx
      .update(announcements)
      .set({ state: 'published', publishedAt: now, startsAt: startOf(current, now), updatedAt: now })
      .where(eq(announcements.id, id))
      .returning();
    const live = await arm(tx, ctx, updated!, now);
    await auditAnnouncement(tx, s, updated!, 'announcement.published', now);
    return { row: live ?? updated!, live };
  });
  if (live) pushLive(ctx, live, await authorNameOf(ctx.db, live));
  return view(ctx, row);
}

export async function withdrawAnnouncement(ctx: AppContext, s: Staff, siteId: string, id: string): Promise<Announcement> {
  const now = ctx.clock();
  const { row, gone } = await ctx.db.transaction(async (tx) => {
    const current = await lockFor(tx, s, siteId, id);
    if (current.state === 'draft') throw new AppError('invalid', 'a draft is not published; delete it instead');
    if (current.state === 'withdrawn') return { row: current, gone: false };
    const [updated] = await tx.update(announcements).set({ state: 'withdrawn', withdrawnAt: now, updatedAt: now }).where(eq(announcements.id, id)).returning();
    await cancelJob(tx, START_JOB, id);
    await cancelJob(tx, END_JOB, id);
    await auditAnnouncement(tx, s, updated!, 'announcement.withdrawn', now);
    // Pushed even if its start job has not run: a banner may have listed it by its start time already.
    return { row: updated!, gone: true };
  });
  if (gone) pushGone(ctx, row, 'withdrawn');
  return view(ctx, row);
}

async function lockById(tx: Executor, id: unknown): Promise<AnnouncementRow | undefined> {
  if (typeof id !== 'string') return undefined;
  const [row] = await tx.select().from(announcements).where(eq(announcements.id, id)).for('update');
  return row;
}

/** The durable timers: each re-reads the announcement under a row lock and acts only if it still applies. */
export function registerAnnouncementJobs(ctx: AppContext): void {
  ctx.jobs.register(START_JOB, async (job: JobRow, { tx, now, afterCommit }: JobContext) => {
    const row = await lockById(tx, job.payload.announcementId);
    if (!row || row.state !== 'published' || row.wentLiveAt) return;
    // Moved later since this job was set (its new job will come), or its whole window passed while no runner ran.
    if (row.startsAt && row.startsAt > now) return;
    if (row.endsAt && row.endsAt <= now) return;
    const live = await goLive(tx, ctx, row.id, now);
    if (live) {
      const name = await authorNameOf(tx, live);
      afterCommit(() => pushLive(ctx, live, name));
    }
  });
  ctx.jobs.register(END_JOB, async (job: JobRow, { tx, now, afterCommit }: JobContext) => {
    const row = await lockById(tx, job.payload.announcementId);
    if (!row || row.state !== 'published' || !row.endsAt || row.endsAt > now) return;
    afterCommit(() => pushGone(ctx, row, 'ended'));
  });
}
