/**
 * The console's ticket inbox: views, filters, search and one ticket in full. A search ranks with the
 * help center's engine (search-index.ts) and then keeps, in rank order, the tickets the view, the
 * filters and the agent's access let through: the same conditions as the list, so a search never
 * shows a ticket the list would not.
 */
import { and, desc, eq, gt, ilike, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { TicketDetail, TicketPriority, TicketStatus, TicketSummary, TicketView } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { agents } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { scriptVariants } from '../kb/search/normalize.js';
import { slaSettings } from '../sla/policy.js';
import { summaryDto, type TicketRow } from './dto.js';
import { formatTicketNumber } from './numbers.js';
import { ticketEntries, tickets } from './schema.js';
import { rankTickets } from './search-index.js';
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
  /** Paging a search (ranked, not by time): matches already shown. */
  offset?: number;
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
  if (text) return searched(ctx, siteId, where, text, q.offset ?? 0, q.limit, now);
  const rows = await ctx.db
    .select({ t: tickets, assigneeName: agents.name })
    .from(tickets)
    .leftJoin(agents, eq(agents.id, tickets.assigneeId))
    .where(and(...where))
    .orderBy(desc(tickets.updatedAt), desc(tickets.id))
    .limit(q.limit);
  return rows.map((r) => summaryDto(r.t, r.assigneeName, now));
}

/** Ranked tickets are read under the list's conditions in chunks: the first a few pages' worth, each next one larger. */
const FIRST_CHECK = 100;
/** One array parameter, not one parameter per id. */
const idIn = (ids: string[]) => sql`${tickets.id} = any(${`{${ids.join(',')}}`}::uuid[])`;
/** A number typed in full (T-2026-000123, t2026000123, 2026-000123), or only its sequence (000123, 123). */
const FULL_NUMBER = /^(?:t-?)?(\d{4})-?(\d{6,})$/i;
const SEQUENCE = /^\d{1,9}$/;
/** Years a bare sequence is looked up in: this one and the nine before (an indexed lookup, not a scan). */
const SEQUENCE_YEARS = 10;

function numbersFor(text: string, now: Date): string[] {
  const full = FULL_NUMBER.exec(text);
  if (full) return [formatTicketNumber(Number(full[1]), Number(full[2]))];
  if (!SEQUENCE.test(text) || Number(text) === 0) return [];
  const year = now.getUTCFullYear();
  return Array.from({ length: SEQUENCE_YEARS }, (_, i) => formatTicketNumber(year - i, Number(text)));
}

/**
 * One page of a search: the ticket whose number was typed first, then the engine's matches by
 * relevance (equal scores: latest change first), each kept only if the list's conditions let it
 * through. When the engine finds nothing at all, a plain substring match (简/繁 folded) still runs,
 * so a fragment of an email address or a word inside a longer one is never worse than before.
 */
async function searched(ctx: AppContext, siteId: string, where: Array<SQL | undefined>, text: string, offset: number, limit: number, now: Date): Promise<TicketSummary[]> {
  const wanted = offset + limit;
  const rowsWhere = (cond: SQL) =>
    ctx.db
      .select({ t: tickets, assigneeName: agents.name })
      .from(tickets)
      .leftJoin(agents, eq(agents.id, tickets.assigneeId))
      .where(and(...where, cond));
  const found = [];
  const numbers = numbersFor(text, now);
  if (numbers.length) found.push(...(await rowsWhere(inArray(tickets.number, numbers)).orderBy(desc(tickets.number))));
  const ranked = await rankTickets(ctx, siteId, text);
  if (!numbers.length && !ranked.length) return substringSearch(ctx, where, text, offset, limit, now);
  const seen = new Set(found.map((r) => r.t.id));
  for (let i = 0, size = Math.max(FIRST_CHECK, 2 * wanted); i < ranked.length && found.length < wanted; i += size, size *= 4) {
    const chunk = ranked.slice(i, i + size).filter((r) => !seen.has(r.id));
    if (!chunk.length) continue;
    const score = new Map(chunk.map((r) => [r.id, Math.round(r.score * 1000)]));
    const rows = await rowsWhere(idIn([...score.keys()]));
    rows.sort((a, b) => score.get(b.t.id)! - score.get(a.t.id)! || b.t.updatedAt.getTime() - a.t.updatedAt.getTime() || (a.t.id < b.t.id ? 1 : -1));
    found.push(...rows);
  }
  return found.slice(offset, wanted).map((r) => summaryDto(r.t, r.assigneeName, now));
}

/** Subject, contact and thread containing the text as typed or in the other Chinese script; latest change first. */
async function substringSearch(ctx: AppContext, where: Array<SQL | undefined>, text: string, offset: number, limit: number, now: Date): Promise<TicketSummary[]> {
  const likes = scriptVariants(text).map((v) => `%${likeEscape(v)}%`);
  const matches = or(
    ...likes.flatMap((like) => [
      ilike(tickets.subject, like),
      ilike(tickets.contactName, like),
      ilike(tickets.contactEmail, like),
      sql`exists (select 1 from ${ticketEntries} where ${ticketEntries.ticketId} = ${tickets.id} and ${ticketEntries.body} ilike ${like})`,
    ]),
  );
  const rows = await ctx.db
    .select({ t: tickets, assigneeName: agents.name })
    .from(tickets)
    .leftJoin(agents, eq(agents.id, tickets.assigneeId))
    .where(and(...where, matches))
    .orderBy(desc(tickets.updatedAt), desc(tickets.id))
    .offset(offset)
    .limit(limit);
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
