/**
 * What a ticket change tells people: mail to the customer or the staff (written to the outbox inside
 * the change's transaction, so it is sent exactly when the change commits) and `ticket:updated` to the
 * consoles (after the commit, so nobody sees a change that rolled back).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Locale } from '@parley/protocol';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/client.js';
import { agentDepartments, agents, sites } from '../db/schema.js';
import { agentRoom, deptRoom } from '../conversations/service.js';
import { queueMail } from '../mail/service.js';
import { renderTicketMail, type MailTemplate, type TicketMailVars } from '../mail/templates.js';
import { summaryDto, type TicketRow } from './dto.js';
import { createTicketLink } from './links.js';

/** Where links in mail point: PUBLIC_URL behind a proxy, else this server. Never the request's Host header, which a sender controls. */
export function publicBase(ctx: AppContext): string {
  return ctx.config.publicUrl ?? ctx.state.listeningUrl ?? `http://localhost:${ctx.config.port}`;
}

export const ticketPageUrl = (ctx: AppContext, token: string) => `${publicBase(ctx)}/t/${token}`;
/** The survey page (`<parley-survey>`, demo/survey.html) for an invitation token. */
export const surveyPageUrl = (ctx: AppContext, token: string) => `${publicBase(ctx)}/s/${token}`;

/** support@help.example + T-2026-000123 -> support+T-2026-000123@help.example, which inbound mail matches. */
function replyAddress(ctx: AppContext, number: string): string | undefined {
  const base = ctx.config.mailReplyTo;
  if (!base) return undefined;
  const at = base.lastIndexOf('@');
  return `${base.slice(0, at)}+${number}${base.slice(at)}`;
}

async function siteName(db: Executor, siteId: string): Promise<string> {
  const [s] = await db.select({ name: sites.name }).from(sites).where(eq(sites.id, siteId));
  return s?.name ?? 'Parley';
}

/** A mail to the ticket's customer with a fresh private link (only hashes are stored, so each mail gets its own). */
export async function mailCustomer(
  tx: Executor,
  ctx: AppContext,
  ticket: TicketRow,
  template: MailTemplate,
  extra: Omit<TicketMailVars, 'siteName' | 'number' | 'subject' | 'link'>,
  opts: { now: Date; linkDays: number; token?: string },
): Promise<void> {
  if (!ticket.contactEmail) return;
  const token = opts.token ?? (await createTicketLink(tx, ticket.id, opts.now, opts.linkDays));
  const vars: TicketMailVars = { ...extra, siteName: await siteName(tx, ticket.siteId), number: ticket.number, subject: ticket.subject, link: ticketPageUrl(ctx, token) };
  const mail = renderTicketMail(template, ticket.locale, vars);
  const reply = replyAddress(ctx, ticket.number);
  await queueMail(
    tx,
    {
      siteId: ticket.siteId,
      template,
      to: ticket.contactEmail,
      ...mail,
      headers: { 'In-Reply-To': `<ticket-${ticket.id}@parley>`, References: `<ticket-${ticket.id}@parley>`, ...(reply ? { 'Reply-To': reply } : {}) },
      ticketId: ticket.id,
    },
    { delivering: !!ctx.config.smtpUrl, now: opts.now },
  );
}

/** Escalation mail: level 1 to the department's supervisors, levels 2 and 3 to the admins (the executives). */
export async function mailStaff(tx: Executor, ctx: AppContext, ticket: TicketRow, level: 1 | 2 | 3, now: Date): Promise<number> {
  const recipients =
    level === 1 && ticket.departmentId
      ? await tx
          .select({ email: agents.email })
          .from(agents)
          .innerJoin(agentDepartments, eq(agentDepartments.agentId, agents.id))
          .where(and(eq(agentDepartments.departmentId, ticket.departmentId), eq(agents.role, 'supervisor'), eq(agents.status, 'active')))
      : [];
  const list = recipients.length > 0 ? recipients : await tx.select({ email: agents.email }).from(agents).where(and(eq(agents.role, 'admin'), eq(agents.status, 'active')));
  const name = await siteName(tx, ticket.siteId);
  for (const { email } of list) {
    const locale: Locale = 'en';
    const mail = renderTicketMail('ticket.escalated', locale, {
      siteName: name,
      number: ticket.number,
      subject: ticket.subject,
      link: null,
      level,
      consoleLink: `${publicBase(ctx)}/console#ticket=${ticket.id}`,
    });
    await queueMail(tx, { siteId: ticket.siteId, template: 'ticket.escalated', to: email, ...mail, ticketId: ticket.id }, { delivering: !!ctx.config.smtpUrl, now });
  }
  return list.length;
}

/**
 * Live inbox rows: the department's room (admins are in every one) and the assignee's. Looks the
 * assignee's name up itself, so callers only say which ticket changed. Never throws: a console row
 * that does not update live is not worth failing a committed change over.
 */
export async function emitTicket(ctx: AppContext, ticket: TicketRow): Promise<void> {
  try {
    const [assignee] = ticket.assigneeId ? await ctx.db.select({ name: agents.name }).from(agents).where(eq(agents.id, ticket.assigneeId)) : [];
    const dto = summaryDto(ticket, assignee?.name ?? null, ctx.clock());
    const rooms = [...(ticket.departmentId ? [deptRoom(ticket.departmentId)] : []), ...(ticket.assigneeId ? [agentRoom(ticket.assigneeId)] : [])];
    if (rooms.length > 0) ctx.agents.to(rooms).emit('ticket:updated', dto);
  } catch (err) {
    ctx.logger.warn({ err, ticketId: ticket.id }, 'ticket:updated not sent');
  }
}
