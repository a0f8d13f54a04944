/**
 * What one browser (visitor) may reach once it is a verified contact: the conversations of every
 * visitor of that contact. Used by the visitor side of conversations (conversations/service.ts and
 * socket.ts), so a second device that identifies as the same user resumes the same chat. A visitor
 * without a contact reaches only its own, exactly as before.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { conversations, visitors } from '../db/schema.js';

/**
 * WHERE clause: the conversation belongs to this visitor or to another browser of the same contact.
 * `= any(array(...))` makes the browser list one value computed up front (two index lookups), so the
 * conversations are still read through their visitor index: an `in (subquery)` or an `or` would make
 * every chat start and resume scan the table.
 */
export function ownedByVisitor(visitorId: string): SQL {
  return sql`${conversations.visitorId} = any(array(select ${visitorId}::uuid union select o.id from ${visitors} o where o.contact_id = (select me.contact_id from ${visitors} me where me.id = ${visitorId}::uuid)))`;
}

export const contactRoom = (contactId: string) => `contact:${contactId}`;

/** The socket rooms that reach every browser of this visitor's contact (just its own without one). */
export async function visitorRooms(ctx: AppContext, visitorId: string): Promise<string[]> {
  const [v] = await ctx.db.select({ contactId: visitors.contactId }).from(visitors).where(eq(visitors.id, visitorId));
  return v?.contactId ? [`visitor:${visitorId}`, contactRoom(v.contactId)] : [`visitor:${visitorId}`];
}
