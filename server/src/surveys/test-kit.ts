/** Helpers for survey tests in other processes' hands (the element tests' runner). Not a test file. */
import { eq, sql } from 'drizzle-orm';
import { sha256 } from '../auth/password.js';
import type { Database } from '../db/client.js';
import { visitors } from '../db/schema.js';

/**
 * Makes a browser a returning visitor of `days` ago: a browser test cannot move the server's clock, and
 * NPS "after a number of days as a contact" counts from the visitor's first visit. Returns whether the
 * token was a visitor's.
 */
export async function backdateVisitor(database: Database, visitorToken: string, days: number): Promise<boolean> {
  if (!Number.isInteger(days) || days < 0) throw new Error(`days must be a whole number of days, not ${days}`);
  const moved = await database.db
    .update(visitors)
    .set({ createdAt: sql`${visitors.createdAt} - make_interval(days => ${days})` })
    .where(eq(visitors.tokenHash, sha256(visitorToken)))
    .returning({ id: visitors.id });
  return moved.length === 1;
}
