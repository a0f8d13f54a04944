/** What agents do to a ticket: reply (emails the customer), note, assign, status, priority, move. */
import { and, eq } from 'drizzle-orm';
import type { AgentReplyInput, TicketPatch, TicketStatus } from '@parley/protocol';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { departments } from '../db/schema.js';
import { storeFiles } from '../files/service.js';
import { cancelJob } from '../jobs/service.js';
import { AppError } from '../lib/errors.js';
import { addBusinessMinutes } from '../sla/business-time.js';
import { calendarOf, effectiveTarget, slaSettings } from '../sla/policy.js';
import { checkAssignee, isManager, ticketFor, type Staff } from './access.js';
import { getCategory } from './categories.js';
import type { CheckedUploads } from './create.js';
import { isActive, lockTicket, type TicketRow } from './dto.js';
import { revokeTicketLinks } from './links.js';
import { emitTicket, mailCustomer, surveyPageUrl } from './notify.js';
import { inviteCsatForTicket } from '../surveys/service.js';
import { tickets } from './schema.js';
import { BREACH_JOB, pauseEscalation, rescheduleBreach, resumeEscalation } from './sla-jobs.js';
import { addEntry, recordHistory, type Actor } from './thread.js';
import { emitTicketUpdated } from '../webhooks/events.js';

const actorOf = (s: Staff): Actor => ({ kind: 'agent', id: s.id, name: s.name });

async function lock(tx: Tx, id: string): Promise<TicketRow> {
  const row = await lockTicket(tx, id);
  if (!row) throw new AppError('not_found', 'no such ticket');
  return row;
}

/** Escalation follows where the ticket is: with the team it runs, anywhere else it stops. */
async function statusEffects(tx: Tx, before: TicketRow, after: TicketRow, now: Date): Promise<void> {
  const withTeam = (s: TicketStatus) => s === 'new' || s === 'open';
  if (withTeam(before.status) && !withTeam(after.status)) await pauseEscalation(tx, after.id);
  if (!withTeam(before.status) && withTeam(after.status)) await resumeEscalation(tx, after, now);
}

export async function agentReply(ctx: AppContext, s: Staff, ticketId: string, input: AgentReplyInput, uploads: CheckedUploads = []): Promise<TicketRow> {
  await ticketFor(ctx, s, ticketId);
  const now = ctx.clock();
  const kind = input.kind ?? 'public';
  const row = await ctx.db.transaction(async (tx) => {
    const before = await lock(tx, ticketId);
    if (before.status === 'closed' && kind === 'public') throw new AppError('closed', 'this ticket is closed; reopen it to write to the customer');
    const entryId = await addEntry(tx, before.id, { kind, author: actorOf(s), body: input.message, via: 'console' }, now);
    if (uploads.length) await storeFiles(tx, { siteId: before.siteId, ticketId: before.id, entryId }, uploads);
    const firstAnswer = kind === 'public' && !before.firstRespondedAt;
    let status: TicketStatus = input.status ?? before.status;
    if (!input.status && kind === 'public' && before.status === 'new') status = 'open';
    const [after] = await tx
      .update(tickets)
      .set({
        status,
        updatedAt: now,
        ...(firstAnswer ? { firstRespondedAt: now } : {}),
        ...(status === 'resolved' && before.status !== 'resolved' ? { resolvedAt: now } : {}),
        ...(status === 'closed' && before.status !== 'closed' ? { closedAt: now } : {}),
        // Whoever answers an unowned ticket owns it.
        ...(kind === 'public' && !before.assigneeId ? { assigneeId: s.id } : {}),
      })
      .where(eq(tickets.id, before.id))
      .returning();
    await recordHistory(tx, before.id, actorOf(s), kind === 'public' ? 'replied' : 'noted', {}, now);
    if (!before.assigneeId && after!.assigneeId) await recordHistory(tx, before.id, actorOf(s), 'assigned', { to: s.name }, now);
    if (status !== before.status) await recordHistory(tx, before.id, actorOf(s), 'status', { from: before.status, to: status }, now);
    if (firstAnswer) await cancelJob(tx, BREACH_JOB, before.id);
    await statusEffects(tx, before, after!, now);
    await emitTicketUpdated(tx, ctx, before, after!, now);
    if (kind === 'public') {
      const settings = await slaSettings(tx, before.siteId);
      await mailCustomer(tx, ctx, after!, 'ticket.reply', { body: input.message, agentName: s.name }, { now, linkDays: settings.linkDays });
    }
    return after!;
  });
  await emitTicket(ctx, row);
  return row;
}

export async function patchTicket(ctx: AppContext, s: Staff, ticketId: string, patch: TicketPatch): Promise<TicketRow> {
  const current = await ticketFor(ctx, s, ticketId);
  const assigneeName = patch.assigneeId !== undefined ? await checkAssignee(ctx, s, current, patch.assigneeId) : undefined;
  if (patch.departmentId !== undefined && !isManager(s) && !s.departmentIds.includes(patch.departmentId)) {
    // Agents may hand a ticket to another of their own departments; across the company is a supervisor's call.
    throw new AppError('forbidden', 'only a supervisor may move a ticket to a department you do not work in');
  }
  const now = ctx.clock();
  const row = await ctx.db.transaction(async (tx) => {
    const before = await lock(tx, ticketId);
    const set: Partial<typeof tickets.$inferInsert> = { updatedAt: now };
    const actor = actorOf(s);
    const log = (action: string, from: string | null, to: string | null) => recordHistory(tx, before.id, actor, action, { from, to }, now);

    if (patch.subject !== undefined && patch.subject !== before.subject) {
      set.subject = patch.subject;
      await log('subject', before.subject, patch.subject);
    }
    if (patch.departmentId !== undefined && patch.departmentId !== before.departmentId) {
      const [d] = await tx.select({ id: departments.id }).from(departments).where(and(eq(departments.id, patch.departmentId), eq(departments.siteId, before.siteId)));
      if (!d) throw new AppError('invalid', 'departmentId is not a department of this site');
      set.departmentId = patch.departmentId;
      await log('department', before.departmentId, patch.departmentId);
    }
    let target = before.targetMinutes;
    if (patch.categoryId !== undefined && patch.categoryId !== before.categoryId) {
      const category = await getCategory(tx, before.siteId, patch.categoryId);
      if (!category) throw new AppError('invalid', 'categoryId is not a category of this site');
      set.categoryId = category.id;
      target = category.targetMinutes;
      await log('category', before.categoryId, category.id);
    } else if (before.categoryId) {
      target = (await getCategory(tx, before.siteId, before.categoryId))?.targetMinutes ?? before.targetMinutes;
    }
    const priority = patch.priority ?? before.priority;
    if (patch.priority !== undefined && patch.priority !== before.priority) {
      set.priority = patch.priority;
      await log('priority', before.priority, patch.priority);
    }
    // A new category or priority before the first answer moves the promise (counted from creation).
    if ((set.categoryId !== undefined || set.priority !== undefined) && !before.firstRespondedAt) {
      const departmentId = set.departmentId ?? before.departmentId;
      const settings = await slaSettings(tx, before.siteId, departmentId);
      const minutes = effectiveTarget(target, priority, settings);
      set.targetMinutes = minutes;
      set.firstResponseDueAt = addBusinessMinutes(await calendarOf(tx, departmentId), before.createdAt, minutes);
      if (before.breachedAt && set.firstResponseDueAt > now) set.breachedAt = null;
    }
    if (patch.assigneeId !== undefined && patch.assigneeId !== before.assigneeId) {
      set.assigneeId = patch.assigneeId;
      await log('assigned', null, assigneeName ?? null);
      if (patch.assigneeId && before.status === 'new' && !patch.status) set.status = 'open';
    }
    if (patch.status !== undefined && patch.status !== before.status) set.status = patch.status;
    if (set.status && set.status !== before.status) {
      await log('status', before.status, set.status);
      if (set.status === 'resolved') set.resolvedAt = now;
      if (set.status === 'closed') set.closedAt = now;
      if (isActive(set.status)) {
        set.resolvedAt = null;
        set.closedAt = null;
      }
    }
    const [after] = await tx.update(tickets).set(set).where(eq(tickets.id, before.id)).returning();
    await statusEffects(tx, before, after!, now);
    await emitTicketUpdated(tx, ctx, before, after!, now);
    if (set.firstResponseDueAt) await rescheduleBreach(tx, after!);
    if (after!.status === 'resolved' && before.status !== 'resolved') {
      const settings = await slaSettings(tx, before.siteId);
      // Resolved by the team: the mail and the ticket page ask how we did (CSAT), once per resolution (surveys/service.ts).
      const survey = await inviteCsatForTicket(tx, ctx, after!.id);
      await mailCustomer(tx, ctx, after!, 'ticket.resolved', survey ? { surveyLink: surveyPageUrl(ctx, survey.token) } : {}, { now, linkDays: settings.linkDays });
    }
    return after!;
  });
  await emitTicket(ctx, row);
  return row;
}

/** Every private link stops working; with `resend`, the customer gets a fresh one by email. */
export async function revokeLinks(ctx: AppContext, s: Staff, ticketId: string, resend: boolean): Promise<{ revoked: number; resent: boolean }> {
  await ticketFor(ctx, s, ticketId);
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await lock(tx, ticketId);
    const revoked = await revokeTicketLinks(tx, row.id, now);
    await recordHistory(tx, row.id, actorOf(s), 'link_revoked', { to: String(revoked) }, now);
    const resent = resend && !!row.contactEmail;
    if (resent) {
      const settings = await slaSettings(tx, row.siteId);
      await mailCustomer(tx, ctx, row, 'ticket.created', {}, { now, linkDays: settings.linkDays });
      await recordHistory(tx, row.id, actorOf(s), 'link_sent', { to: row.contactEmail }, now);
    }
    return { revoked, resent };
  });
}
