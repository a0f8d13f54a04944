/** The console's ticket inbox: views, filters, search and one ticket in full. */
import { and, desc, eq, gt, ilike, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { TicketDetail, TicketPriority, TicketStatus, TicketSummary, TicketView } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { agents } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { scriptVariants } from '../kb/search/normalize.js';
import { slaSettings } from '../sla/policy.js';
import { summaryDto, type TicketRow } from './dto.js';
import { TICKET_NUMBER } from './numbers.js';
import { ticketEntries, tickets } from './schema.js';
import { readHistory, readThread } from './thread.js';
import { visibleTo, type Staff } from './access.js';

export interface InboxQuery {
  view: TicketView;
  status?: TicketStatus;
  priority?: TicketPriority;
  categoryId?: string;
  departmentId?: string;
  q?: string;
  /** Paging: rows updated before this instant. */
  before?: Date;
  limit: number;
}

const ACTIVE: TicketStatus[] = ['new', 'open', 'pending'];
const unanswered = () => and(isNull(tickets.firstRespondedAt), inArray(tickets.status, ['new', 'open']));

/** `%`, `_` and `\` match literally in a search box. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

export async function listTickets(ctx: AppContext, s: Staff, siteId: string, q: InboxQuery): Promise<TicketSummary[]> {
  const now = ctx.clock();
  const where: Array<SQL | undefined> = [eq(tickets.siteId, siteId), visibleTo(s)];
  switch (q.view) {
    case 'mine':
      where.push(eq(tickets.assigneeId, s.id), inArray(tickets.status, ACTIVE));
      break;
    case 'unassigned':
      where.push(isNull(tickets.assigneeId), inArray(tickets.status, ACTIVE));
      break;
    case 'departments':
      where.push(inArray(tickets.status, ACTIVE));
      break;
    case 'at_risk': {
      // Less than `atRiskShare` of the target left, not yet late (wall-clock share of a business-time
      // target: an approximation that errs towards warning early outside office hours).
      const share = (await slaSettings(ctx.db, siteId)).atRiskShare;
      where.push(
        unanswered(),
        isNull(tickets.breachedAt),
        gt(tickets.firstResponseDueAt, now),
        sql`${tickets.firstResponseDueAt} <= ${now.toISOString()}::timestamptz + (${tickets.targetMinutes} * ${share}) * interval '1 minute'`,
      );
      break;
    }
    case 'breached':
      where.push(inArray(tickets.status, ACTIVE), or(isNotNull(tickets.breachedAt), and(unanswered(), lte(tickets.firstResponseDueAt, now))));
      break;
    case 'all':
      break;
  }
  if (q.status) where.push(eq(tickets.status, q.status));
  if (q.priority) where.push(eq(tickets.priority, q.priority));
  if (q.categoryId) where.push(eq(tickets.categoryId, q.categoryId));
  if (q.departmentId) where.push(eq(tickets.departmentId, q.departmentId));
  if (q.before) where.push(lt(tickets.updatedAt, q.before));
  const text = q.q?.trim();
  if (text) {
    if (TICKET_NUMBER.test(text.toUpperCase())) where.push(eq(tickets.number, text.toUpperCase()));
    else {
      // 简体 and 繁體 find each other (OpenCC, as the help center's search folds them).
      const likes = scriptVariants(text).map((v) => `%${likeEscape(v)}%`);
      where.push(
        or(
          ...likes.flatMap((like) => [
            ilike(tickets.subject, like),
            ilike(tickets.contactName, like),
            ilike(tickets.contactEmail, like),
            sql`exists (select 1 from ${ticketEntries} where ${ticketEntries.ticketId} = ${tickets.id} and ${ticketEntries.body} ilike ${like})`,
          ]),
        ),
      );
    }
  }
  const rows = await ctx.db
    .select({ t: tickets, assigneeName: agents.name })
    .from(tickets)
    .leftJoin(agents, eq(agents.id, tickets.assigneeId))
    .where(and(...where))
    .orderBy(desc(tickets.updatedAt), desc(tickets.id))
    .limit(q.limit);
  return rows.map((r) => summaryDto(r.t, r.assigneeName, now));
}

export async function ticketDetail(ctx: AppContext, row: TicketRow): Promise<TicketDetail> {
  const [assignee] = row.assigneeId ? await ctx.db.select({ name: agents.name }).from(agents).where(eq(agents.id, row.assigneeId)) : [];
  return {
    ...summaryDto(row, assignee?.name ?? null, ctx.clock()),
    locale: row.locale,
    contactEmail: row.contactEmail,
    conversationId: row.conversationId,
    entries: await readThread(ctx.db, row.id, { publicOnly: false }),
    history: await readHistory(ctx.db, row.id),
  };
}

const VIEWS: TicketView[] = ['mine', 'unassigned', 'departments', 'at_risk', 'breached', 'all'];
export function parseView(raw: string | undefined): TicketView {
  if (raw === undefined || raw === '') return 'departments';
  if ((VIEWS as string[]).includes(raw)) return raw as TicketView;
  throw new AppError('invalid', `view must be one of ${VIEWS.join(', ')}`);
}
