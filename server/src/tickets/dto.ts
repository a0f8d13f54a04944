/** Ticket rows as the console and the customer see them. */
import type { CustomerTicketStatus, EscalationLevel, TicketStatus, TicketSummary } from '@parley/protocol';
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { tickets } from './schema.js';

export type TicketRow = typeof tickets.$inferSelect;

/** Five team states, four customer words: "new" and "open" are both "in progress" once someone looks. */
export function customerStatus(status: TicketStatus): CustomerTicketStatus {
  switch (status) {
    case 'new':
      return 'submitted';
    case 'open':
      return 'in_progress';
    case 'pending':
      return 'waiting_for_you';
    default:
      return 'resolved';
  }
}

export const isActive = (s: TicketStatus) => s === 'new' || s === 'open' || s === 'pending';

export function summaryDto(r: TicketRow, assigneeName: string | null, now: Date): TicketSummary {
  return {
    id: r.id,
    number: r.number,
    subject: r.subject,
    status: r.status,
    priority: r.priority,
    source: r.source,
    categoryId: r.categoryId,
    departmentId: r.departmentId,
    assigneeId: r.assigneeId,
    assigneeName,
    contactName: r.contactName,
    anonymous: r.anonymous,
    escalationLevel: Math.max(0, Math.min(3, r.escalationLevel)) as EscalationLevel,
    firstResponseDueAt: r.firstResponseDueAt.toISOString(),
    firstRespondedAt: r.firstRespondedAt?.toISOString() ?? null,
    breached: r.breachedAt !== null || (r.firstRespondedAt === null && isActive(r.status) && r.firstResponseDueAt <= now),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The ticket under a row lock for the rest of the transaction (every change and every SLA step takes it), or null. */
export async function lockTicket(tx: Tx, id: string): Promise<TicketRow | null> {
  const [row] = await tx.select().from(tickets).where(eq(tickets.id, id)).for('update');
  return row ?? null;
}
