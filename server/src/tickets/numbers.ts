import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { ticketCounters } from './schema.js';

/**
 * The next readable number for the site, e.g. T-2026-000123, inside the caller's transaction. The
 * upsert's row lock serialises concurrent creators per site and year (no duplicate, no deadlock: one
 * row, always taken first), and a rolled-back ticket returns its number with the rollback.
 */
export async function nextTicketNumber(tx: Tx, siteId: string, year: number): Promise<string> {
  const [row] = await tx
    .insert(ticketCounters)
    .values({ siteId, year, last: 1 })
    .onConflictDoUpdate({ target: [ticketCounters.siteId, ticketCounters.year], set: { last: sql`${ticketCounters.last} + 1` } })
    .returning({ last: ticketCounters.last });
  return formatTicketNumber(year, row!.last);
}

/** Six digits, more when a site passes a million tickets in a year. */
export const formatTicketNumber = (year: number, n: number) => `T-${year}-${String(n).padStart(6, '0')}`;

export const TICKET_NUMBER = /^T-\d{4}-\d{6,}$/;
