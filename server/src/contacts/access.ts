/**
 * Who sees which contact in the console (the rule, kept simple and checked in SQL):
 *
 * - admins: every contact of the site, with everything joined to it;
 * - supervisors and agents: a contact with at least one conversation or ticket in one of their
 *   departments or assigned to them, and in its profile only those conversations and tickets (and the
 *   survey answers about them). Anything else answers 404, as if it did not exist;
 * - export and erasure: admins only (403 for everyone else).
 */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { conversations, tickets, visitors } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import type { Staff } from '../tickets/access.js';
import { contacts } from './schema.js';

export type ContactRow = typeof contacts.$inferSelect;

const uuidList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/** Conversations this person may see (undefined: all). */
export function visibleConversations(s: Staff): SQL | undefined {
  if (s.role === 'admin') return undefined;
  const mine = eq(conversations.agentId, s.id);
  return s.departmentIds.length ? or(mine, inArray(conversations.departmentId, s.departmentIds)) : mine;
}

/** Tickets this person may see (the tickets domain's own rule, tickets/access.ts). */
export function visibleTickets(s: Staff): SQL | undefined {
  if (s.role === 'admin') return undefined;
  const mine = eq(tickets.assigneeId, s.id);
  return s.departmentIds.length ? or(mine, inArray(tickets.departmentId, s.departmentIds)) : mine;
}

/** The browsers of a contact, as a subquery. */
export const contactVisitors = (contactId: string) => sql`(select v.id from ${visitors} v where v.contact_id = ${contactId})`;

/** WHERE on contacts: the rule above. */
export function visibleContacts(s: Staff): SQL | undefined {
  if (s.role === 'admin') return undefined;
  const depts = s.departmentIds.length ? sql`or x.department_id in (${uuidList(s.departmentIds)})` : sql``;
  return sql`(exists (select 1 from ${visitors} v join ${conversations} x on x.visitor_id = v.id where v.contact_id = ${contacts.id} and (x.agent_id = ${s.id} ${depts}))
    or exists (select 1 from ${visitors} v join ${tickets} x on x.visitor_id = v.id where v.contact_id = ${contacts.id} and (x.assignee_id = ${s.id} ${depts})))`;
}

/** A contact of this site the person may see, not erased; otherwise one 404. */
export async function contactFor(ctx: AppContext, s: Staff, siteId: string, id: string): Promise<ContactRow> {
  const [row] = await ctx.db
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, id), eq(contacts.siteId, siteId), sql`${contacts.erasedAt} is null`, visibleContacts(s)));
  if (!row) throw new AppError('not_found', 'no such contact');
  return row;
}

export function requireAdmin(s: Staff, what: string): void {
  if (s.role !== 'admin') throw new AppError('forbidden', `only an admin may ${what} a contact`);
}
