/**
 * Opening a ticket, from any source: one transaction numbers it, writes the first entry and its files,
 * the history, the private link, the SLA jobs and the customer's mail. Either all of it exists or none.
 */
import type { Locale, TicketCreated, TicketPriority, TicketSource } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { departments } from '../db/schema.js';
import type { checkUploads } from '../files/upload.js';
import { storeFiles } from '../files/service.js';
import { scheduleJob } from '../jobs/service.js';
import { AppError } from '../lib/errors.js';
import { calendarOf, effectiveTarget, planSla, slaSettings } from '../sla/policy.js';
import { asc, eq } from 'drizzle-orm';
import { getCategory } from './categories.js';
import type { TicketRow } from './dto.js';
import { createTicketLink } from './links.js';
import { emitTicket, mailCustomer } from './notify.js';
import { nextTicketNumber } from './numbers.js';
import { tickets } from './schema.js';
import { addEntry, recordHistory, type Actor } from './thread.js';
import { scheduleSlaJobs } from './sla-jobs.js';
import { emitWebhookEvent, ticketPayload } from '../webhooks/events.js';

export type CheckedUploads = Awaited<ReturnType<typeof checkUploads>>;

export interface NewTicket {
  siteId: string;
  categoryId: string;
  subject: string;
  message: string;
  locale: Locale;
  source: TicketSource;
  priority?: TicketPriority;
  /** Who wrote it: the customer (named or anonymous) or an agent filing it for them. */
  author: Actor;
  contactName: string | null;
  contactEmail: string | null;
  visitorId?: string | null;
  employeeId?: string | null;
  anonymous?: boolean;
  conversationId?: string | null;
  /** Which audience the category must serve. */
  audience: 'customer' | 'employee' | 'any';
  uploads?: CheckedUploads;
}

export async function createTicket(ctx: AppContext, input: NewTicket): Promise<TicketCreated & { id: string }> {
  const now = ctx.clock();
  const { row, token } = await ctx.db.transaction(async (tx) => {
    const category = await getCategory(tx, input.siteId, input.categoryId);
    if (!category) throw new AppError('invalid', 'categoryId is not a category of this site');
    if (input.audience !== 'any' && category.audience !== 'both' && category.audience !== input.audience) {
      throw new AppError('invalid', input.audience === 'employee' ? 'this category is for customers, not the intranet' : 'this category is only for employees');
    }
    let departmentId = category.departmentId;
    if (!departmentId) {
      const [first] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.siteId, input.siteId)).orderBy(asc(departments.position)).limit(1);
      departmentId = first?.id ?? null;
    }
    const settings = await slaSettings(tx, input.siteId, departmentId);
    const priority = input.priority ?? 'normal';
    const target = effectiveTarget(category.targetMinutes, priority, settings);
    const plan = planSla(await calendarOf(tx, departmentId), now, target, settings);
    const number = await nextTicketNumber(tx, input.siteId, now.getUTCFullYear());
    const [row] = await tx
      .insert(tickets)
      .values({
        siteId: input.siteId,
        number,
        subject: input.subject,
        categoryId: category.id,
        departmentId,
        priority,
        status: 'new',
        source: input.source,
        locale: input.locale,
        contactName: input.anonymous ? null : input.contactName,
        contactEmail: input.anonymous ? null : input.contactEmail,
        visitorId: input.anonymous ? null : (input.visitorId ?? null),
        employeeId: input.anonymous ? null : (input.employeeId ?? null),
        anonymous: input.anonymous ?? false,
        conversationId: input.conversationId ?? null,
        targetMinutes: target,
        firstResponseDueAt: plan.firstResponseDueAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const entryId = await addEntry(tx, row!.id, { kind: 'public', author: input.author, body: input.message, via: input.source === 'api' ? 'api' : input.source === 'chat' ? 'chat' : 'web' }, now);
    if (input.uploads?.length) await storeFiles(tx, { siteId: input.siteId, ticketId: row!.id, entryId }, input.uploads);
    await recordHistory(tx, row!.id, input.author, 'created', { to: number }, now);
    const token = await createTicketLink(tx, row!.id, now, settings.linkDays);
    await scheduleSlaJobs(tx, row!, plan);
    await emitWebhookEvent(tx, ctx, input.siteId, 'ticket.created', { ticket: ticketPayload(row!) }, { now });
    await mailCustomer(tx, ctx, row!, 'ticket.created', { dueAt: plan.firstResponseDueAt, timeZone: (await calendarOf(tx, departmentId)).timeZone, targetMinutes: target }, { now, linkDays: settings.linkDays, token });
    return { row: row!, token };
  });
  await emitTicket(ctx, row as TicketRow);
  return { id: row.id, number: row.number, token, firstResponseDueAt: row.firstResponseDueAt.toISOString(), targetMinutes: row.targetMinutes };
}
