/** Ticket categories: what the customer picks, where it is routed and how soon it must be answered. */
import { auditChange, auditEvent } from '../audit/wiring.js';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { TicketAudience, TicketCategory, TicketCategoryInput } from '@parley/protocol';
import type { Executor } from '../db/client.js';
import { departments } from '../db/schema.js';
import { AppError, isUniqueViolation } from '../lib/errors.js';
import { ticketCategories } from './schema.js';

type Row = typeof ticketCategories.$inferSelect;

export const categoryDto = (r: Row): TicketCategory => ({
  id: r.id,
  slug: r.slug,
  names: r.names,
  audience: r.audience,
  departmentId: r.departmentId,
  targetMinutes: r.targetMinutes,
  position: r.position,
});

/** Categories offered to `who` (customers see customer and both; employees see employee and both). */
export async function listCategories(db: Executor, siteId: string, who?: 'customer' | 'employee'): Promise<TicketCategory[]> {
  const audiences: TicketAudience[] = who === 'customer' ? ['customer', 'both'] : who === 'employee' ? ['employee', 'both'] : ['customer', 'employee', 'both'];
  const rows = await db
    .select()
    .from(ticketCategories)
    .where(and(eq(ticketCategories.siteId, siteId), eq(ticketCategories.archived, false), inArray(ticketCategories.audience, audiences)))
    .orderBy(asc(ticketCategories.position), asc(ticketCategories.slug));
  return rows.map(categoryDto);
}

export async function getCategory(db: Executor, siteId: string, id: string): Promise<Row | null> {
  const [row] = await db
    .select()
    .from(ticketCategories)
    .where(and(eq(ticketCategories.siteId, siteId), eq(ticketCategories.id, id), eq(ticketCategories.archived, false)));
  return row ?? null;
}

const auditedCategory = (r: Row) => ({ slug: r.slug, names: r.names, audience: r.audience, departmentId: r.departmentId, targetMinutes: r.targetMinutes, position: r.position });

async function checkDepartment(db: Executor, siteId: string, departmentId: string | null): Promise<void> {
  if (!departmentId) return;
  const [d] = await db.select({ id: departments.id }).from(departments).where(and(eq(departments.id, departmentId), eq(departments.siteId, siteId)));
  if (!d) throw new AppError('invalid', 'departmentId is not a department of this site');
}

export async function createCategory(db: Executor, siteId: string, input: TicketCategoryInput, actorId: string | null = null): Promise<TicketCategory> {
  await checkDepartment(db, siteId, input.departmentId);
  try {
    const row = await db.transaction(async (tx) => {
      const [r] = await tx
        .insert(ticketCategories)
        .values({ siteId, slug: input.slug, names: input.names, audience: input.audience, departmentId: input.departmentId, targetMinutes: input.targetMinutes, position: input.position ?? 0 })
        .returning();
      await auditEvent(tx, { siteId, actorId, at: new Date() }, 'ticket.category_created', { type: 'ticket_category', id: r!.id }, { after: auditedCategory(r!) });
      return r!;
    });
    return categoryDto(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('invalid', `a category with the slug "${input.slug}" already exists`);
    throw err;
  }
}

export async function updateCategory(db: Executor, siteId: string, id: string, input: TicketCategoryInput, actorId: string | null = null): Promise<TicketCategory> {
  await checkDepartment(db, siteId, input.departmentId);
  const [clash] = await db
    .select({ id: ticketCategories.id })
    .from(ticketCategories)
    .where(and(eq(ticketCategories.siteId, siteId), eq(ticketCategories.slug, input.slug), ne(ticketCategories.id, id)));
  if (clash) throw new AppError('invalid', `a category with the slug "${input.slug}" already exists`);
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(ticketCategories).where(and(eq(ticketCategories.siteId, siteId), eq(ticketCategories.id, id))).for('update');
    const [r] = await tx
      .update(ticketCategories)
      .set({ slug: input.slug, names: input.names, audience: input.audience, departmentId: input.departmentId, targetMinutes: input.targetMinutes, position: input.position ?? 0 })
      .where(and(eq(ticketCategories.siteId, siteId), eq(ticketCategories.id, id), eq(ticketCategories.archived, false)))
      .returning();
    if (r && before) await auditChange(tx, { siteId, actorId, at: new Date() }, 'ticket.category_changed', { type: 'ticket_category', id }, auditedCategory(before), auditedCategory(r));
    return r;
  });
  if (!row) throw new AppError('not_found', 'no such category');
  return categoryDto(row);
}

/** Archived, not deleted: its tickets keep their category name and their history. */
export async function archiveCategory(db: Executor, siteId: string, id: string, actorId: string | null = null): Promise<void> {
  const rows = await db.transaction(async (tx) => {
    const archived = await tx
      .update(ticketCategories)
      .set({ archived: true, slug: `archived-${id}` })
      .where(and(eq(ticketCategories.siteId, siteId), eq(ticketCategories.id, id), eq(ticketCategories.archived, false)))
      .returning();
    for (const r of archived) await auditEvent(tx, { siteId, actorId, at: new Date() }, 'ticket.category_archived', { type: 'ticket_category', id }, { before: auditedCategory(r) });
    return archived;
  });
  if (rows.length === 0) throw new AppError('not_found', 'no such category');
}
