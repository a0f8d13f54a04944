/**
 * Who may see and change which ticket (DESIGN.md "Identity and security"): admins every ticket;
 * supervisors and agents the tickets of their departments and those assigned to them. A ticket
 * outside that answers 404, not 403, so ticket ids cannot be probed.
 */
import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { agentAccess, type AgentAccess } from '../conversations/service.js';
import { agentDepartments, agents } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import type { TicketRow } from './dto.js';
import { tickets } from './schema.js';

export type Staff = AgentAccess;

export const staffOf = (ctx: AppContext, agentId: string): Promise<Staff> => agentAccess(ctx, agentId);

export const isManager = (s: Staff) => s.role === 'admin' || s.role === 'supervisor';

export function canSeeTicket(s: Staff, t: Pick<TicketRow, 'departmentId' | 'assigneeId'>): boolean {
  return s.role === 'admin' || t.assigneeId === s.id || (t.departmentId !== null && s.departmentIds.includes(t.departmentId));
}

/** The WHERE clause of everything this person may see. */
export function visibleTo(s: Staff): SQL | undefined {
  if (s.role === 'admin') return undefined;
  const mine = eq(tickets.assigneeId, s.id);
  return s.departmentIds.length > 0 ? or(mine, inArray(tickets.departmentId, s.departmentIds)) : mine;
}

export async function ticketFor(ctx: AppContext, s: Staff, id: string): Promise<TicketRow> {
  const [row] = await ctx.db.select().from(tickets).where(eq(tickets.id, id));
  if (!row || !canSeeTicket(s, row)) throw new AppError('not_found', 'no such ticket');
  return row;
}

/**
 * An agent may take a ticket or let it go; assigning someone else is a supervisor's call. The new
 * assignee must work in the ticket's department (or be an admin).
 */
export async function checkAssignee(ctx: AppContext, s: Staff, ticket: TicketRow, assigneeId: string | null): Promise<string | null> {
  if (assigneeId === null) {
    if (!isManager(s) && ticket.assigneeId !== s.id) throw new AppError('forbidden', 'only a supervisor may unassign a colleague');
    return null;
  }
  if (!isManager(s) && assigneeId !== s.id) throw new AppError('forbidden', 'agents may assign tickets only to themselves');
  const [a] = await ctx.db.select({ id: agents.id, name: agents.name, role: agents.role, status: agents.status }).from(agents).where(eq(agents.id, assigneeId));
  if (!a) throw new AppError('invalid', 'assigneeId is not an agent');
  if (a.status !== 'active') throw new AppError('invalid', `${a.name} is not an active member of the team`);
  if (a.role !== 'admin' && ticket.departmentId) {
    const [member] = await ctx.db
      .select({ a: agentDepartments.agentId })
      .from(agentDepartments)
      .where(and(eq(agentDepartments.agentId, assigneeId), eq(agentDepartments.departmentId, ticket.departmentId)));
    if (!member) throw new AppError('invalid', `${a.name} does not work in this ticket's department`);
  }
  return a.name;
}
