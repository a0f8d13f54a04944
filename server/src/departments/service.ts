/**
 * Departments as admins manage them (console Settings, Departments tab): names per locale, routing,
 * order, and deleting one only once nothing is left open in it. Business hours and response targets
 * have their own routes (PUT /api/console/tickets/calendars/:id, /settings/sla); this is the rest.
 * Every change is audited in its own transaction, and agents' sockets are told to reload the directory.
 */
import { and, asc, count, eq, inArray, max, ne } from 'drizzle-orm';
import type { DepartmentAdmin, LocalizedText, RoutingMode } from '@parley/protocol';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/client.js';
import { agentDepartments, conversations, departments, departmentCalendars, tickets } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { parseInput } from '../lib/http.js';
import type { Actor } from '../sites/settings.js';
import { departmentInputSchema, departmentPatchSchema, departmentOrderSchema } from './validation.js';

type DepartmentRow = typeof departments.$inferSelect;

const OPEN_TICKET = ['new', 'open', 'pending'] as const;

/** Tells every agent socket (all processes, through the adapter) that the department list changed. */
export function announceDirectoryChange(ctx: AppContext): void {
  ctx.agents.emit('directory:changed');
}

async function countsBy(db: Executor, ids: string[]) {
  if (ids.length === 0) return { agents: new Map<string, number>(), convs: new Map<string, number>(), tix: new Map<string, number>(), cals: new Set<string>() };
  const [a, c, t, cal] = await Promise.all([
    db.select({ id: agentDepartments.departmentId, n: count() }).from(agentDepartments).where(inArray(agentDepartments.departmentId, ids)).groupBy(agentDepartments.departmentId),
    db.select({ id: conversations.departmentId, n: count() }).from(conversations).where(and(inArray(conversations.departmentId, ids), ne(conversations.status, 'closed'))).groupBy(conversations.departmentId),
    db.select({ id: tickets.departmentId, n: count() }).from(tickets).where(and(inArray(tickets.departmentId, ids), inArray(tickets.status, [...OPEN_TICKET]))).groupBy(tickets.departmentId),
    db.select({ id: departmentCalendars.departmentId }).from(departmentCalendars).where(inArray(departmentCalendars.departmentId, ids)),
  ]);
  const toMap = (rows: Array<{ id: string | null; n: number }>) => new Map(rows.map((r) => [r.id!, Number(r.n)]));
  return { agents: toMap(a), convs: toMap(c), tix: toMap(t), cals: new Set(cal.map((r) => r.id)) };
}

async function toAdmin(db: Executor, rows: DepartmentRow[]): Promise<DepartmentAdmin[]> {
  const n = await countsBy(db, rows.map((r) => r.id));
  return rows.map((d) => ({
    id: d.id,
    names: d.names,
    routing: d.routing,
    position: d.position,
    agentCount: n.agents.get(d.id) ?? 0,
    openConversations: n.convs.get(d.id) ?? 0,
    openTickets: n.tix.get(d.id) ?? 0,
    hasCalendar: n.cals.has(d.id),
    createdAt: d.createdAt.toISOString(),
  }));
}

export async function listDepartments(db: Executor, siteId: string): Promise<DepartmentAdmin[]> {
  const rows = await db.select().from(departments).where(eq(departments.siteId, siteId)).orderBy(asc(departments.position), asc(departments.createdAt));
  return toAdmin(db, rows);
}

async function departmentFor(db: Executor, siteId: string, id: string): Promise<DepartmentRow> {
  const [row] = await db.select().from(departments).where(and(eq(departments.id, id), eq(departments.siteId, siteId)));
  if (!row) throw new AppError('not_found', 'no such department');
  return row;
}

export async function createDepartment(ctx: AppContext, actor: Actor, siteId: string, raw: unknown): Promise<DepartmentAdmin> {
  const input = parseInput(departmentInputSchema, raw);
  const row = await ctx.db.transaction(async (tx) => {
    // New ones go last unless placed: the first department takes handoffs that name none, so it must not change by accident.
    const [last] = await tx.select({ p: max(departments.position) }).from(departments).where(eq(departments.siteId, siteId));
    const position = input.position ?? (last?.p ?? -1) + 1;
    const [created] = await tx.insert(departments).values({ siteId, names: input.names, routing: input.routing ?? 'manual', position }).returning();
    await recordAudit(tx, { siteId, actorId: actor.agentId, action: 'department.created', targetType: 'department', targetId: created!.id, after: { names: created!.names, routing: created!.routing, position }, ip: actor.ip, at: ctx.clock() });
    return created!;
  });
  announceDirectoryChange(ctx);
  return (await toAdmin(ctx.db, [row]))[0]!;
}

export async function updateDepartment(ctx: AppContext, actor: Actor, siteId: string, id: string, raw: unknown): Promise<DepartmentAdmin> {
  const patch = parseInput(departmentPatchSchema, raw);
  const row = await ctx.db.transaction(async (tx) => {
    const current = await departmentFor(tx, siteId, id);
    const next: { names: LocalizedText; routing: RoutingMode; position: number } = { names: patch.names ?? current.names, routing: patch.routing ?? current.routing, position: patch.position ?? current.position };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const k of ['names', 'routing', 'position'] as const) {
      if (JSON.stringify(current[k]) !== JSON.stringify(next[k])) {
        before[k] = current[k];
        after[k] = next[k];
      }
    }
    if (Object.keys(after).length === 0) return current;
    const [updated] = await tx.update(departments).set(next).where(eq(departments.id, id)).returning();
    await recordAudit(tx, { siteId, actorId: actor.agentId, action: 'department.updated', targetType: 'department', targetId: id, before, after, ip: actor.ip, at: ctx.clock() });
    return updated!;
  });
  announceDirectoryChange(ctx);
  return (await toAdmin(ctx.db, [row]))[0]!;
}

/** Sets the display order: `ids` must list every department of the site once. */
export async function reorderDepartments(ctx: AppContext, actor: Actor, siteId: string, raw: unknown): Promise<DepartmentAdmin[]> {
  const { ids } = parseInput(departmentOrderSchema, raw);
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.select({ id: departments.id, position: departments.position }).from(departments).where(eq(departments.siteId, siteId)).orderBy(asc(departments.position), asc(departments.createdAt));
    const known = new Set(rows.map((r) => r.id));
    if (ids.length !== rows.length || !ids.every((i) => known.has(i))) throw new AppError('invalid', 'ids must list every department of the site exactly once');
    for (const [position, depId] of ids.entries()) await tx.update(departments).set({ position }).where(eq(departments.id, depId));
    await recordAudit(tx, { siteId, actorId: actor.agentId, action: 'department.reordered', targetType: 'department', before: { order: rows.map((r) => r.id) }, after: { order: ids }, ip: actor.ip, at: ctx.clock() });
  });
  announceDirectoryChange(ctx);
  return listDepartments(ctx.db, siteId);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Deletes an empty department. Refused (409 `conflict`, saying what is left) while it has conversations
 * not closed or tickets not resolved, and for a site's last department (visitors need one to reach).
 * Closed history keeps its rows; their department becomes none (the foreign keys set null).
 */
export async function deleteDepartment(ctx: AppContext, actor: Actor, siteId: string, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const current = await departmentFor(tx, siteId, id);
    const [admin] = await toAdmin(tx, [current]);
    const left: string[] = [];
    if (admin!.openConversations > 0) left.push(plural(admin!.openConversations, 'open conversation', 'open conversations'));
    if (admin!.openTickets > 0) left.push(plural(admin!.openTickets, 'open ticket', 'open tickets'));
    if (left.length > 0) throw new AppError('conflict', `${current.names.en} still has ${left.join(' and ')}: close or transfer them before deleting it.`);
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(departments).where(eq(departments.siteId, siteId));
    if (Number(n) <= 1) throw new AppError('conflict', `${current.names.en} is the site's only department: visitors need one to reach. Create another first.`);
    await tx.delete(departments).where(eq(departments.id, id));
    await recordAudit(tx, { siteId, actorId: actor.agentId, action: 'department.deleted', targetType: 'department', targetId: id, before: { names: current.names, routing: current.routing, position: current.position, agents: admin!.agentCount }, ip: actor.ip, at: ctx.clock() });
  });
  announceDirectoryChange(ctx);
}
