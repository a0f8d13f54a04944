/** Ticket categories: what the customer picks, where it is routed and how soon it must be answered. */
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

async function checkDepartment(db: Executor, siteId: string, departmentId: string | null): Promise<void> {
  if (!departmentId) return;
  const [d] = await db.select({ id: departments.id }).from(departments).where(and(eq(departments.id, departmentId), eq(departments.siteId, siteId)));
  if (!d) throw new AppError('invalid', 'departmentId is not a department of this site');
}

export async function createCategory(db: Executor, siteId: string, input: TicketCategoryInput): Promise<TicketCategory> {
  await checkDepartment(db, siteId, input.departmentId);
  try {
    const [row] = await db
      .insert(ticketCategories)
      .values({ siteId, slug: input.slug, names: input.names, audience: input.audience, departmentId: input.departmentId, targetMinutes: input.targetMinutes, position: input.position ?? 0 })
      .returning();
    return categoryDto(row!);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('invalid', `a category with the slug "${input.slug}" already exists`);
    throw err;
  }
}

export async function updateCategory(db: Executor, siteId: string, id: string, input: TicketCategoryInput): Promise<TicketCategory> {
  await checkDepartment(db, siteId, input.departmentId);
  const [clash] = await db
    .select({ id: ticketCategories.id })
    .from(ticketCategories)
    .where(and(eq(ticketCategories.siteId, siteId), eq(ticketCategories.slug, input.slug), ne(ticketCategories.id, id)));
  if (clash) throw new AppError('invalid', `a category with the slug "${input.slug}" already exists`);
  const [row] = await db
    .update(ticketCategories)
    .set({ slug: input.slug, names: input.names, audience: input.audience, departmentId: input.departmentId, targetMinutes: input.targetMinutes, position: input.position ?? 0 })
    .where(and(eq(ticketCategories.siteId, siteId), eq(ticketCategories.id, id), eq(ticketCategories.archived, false)))
    .returning();
  if (!row) throw new AppError('not_found', 'no such category');
  return categoryDto(row);
}

/** Archived, not deleted: its tickets keep their category name and their history. */
export async function archiveCategory(db: Executor, siteId: string, id: string): Promise<void> {
  const rows = await db
    .update(ticketCategories)
    .set({ archived: true, slug: `archived-${id}` })
    .where(and(eq(ticketCategories.siteId, siteId), eq(ticketCategories.id, id), eq(ticketCategories.archived, false)))
    .returning({ id: ticketCategories.id });
  if (rows.length === 0) throw new AppError('not_found', 'no such category');
}
