/**
 * People administration (issue 11): the admin's list, role / department / capacity changes,
 * deactivation and reactivation. Invitations are in ./invitations.ts. Every change writes its audit
 * entry in its own transaction; the route table (./access-rules.ts) already let only admins in, and
 * `requireAdmin` here checks again (defence in depth).
 */
import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import type { AgentRole, DeactivateResult, PeopleList, PersonPatch, PersonView } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { agentProfile, revokeAgents } from '../auth/service.js';
import { recordAudit } from '../audit/record.js';
import { requeueAgentConversations } from '../conversations/routing.js';
import { agentAccess, agentRoom, deptRoom } from '../conversations/service.js';
import type { Executor, Tx } from '../db/client.js';
import { agentDepartments, agentInvitations, agents, conversations, departments, tickets, ticketHistory } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { emitTicket } from '../tickets/notify.js';

type AgentRow = typeof agents.$inferSelect;
const OPEN_TICKET = ['new', 'open', 'pending'] as const;

export interface Actor {
  id: string;
  ip: string | null;
}

export async function requireAdmin(ctx: AppContext, agentId: string): Promise<void> {
  const me = await agentAccess(ctx, agentId);
  if (me.role !== 'admin') throw new AppError('forbidden', 'only an admin may manage people');
}

async function departmentsOf(db: Executor, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return map;
  const rows = await db.select().from(agentDepartments).where(inArray(agentDepartments.agentId, ids));
  for (const r of rows) map.get(r.agentId)?.push(r.departmentId);
  return map;
}

async function views(db: Executor, rows: AgentRow[]): Promise<PersonView[]> {
  const ids = rows.map((r) => r.id);
  const depts = await departmentsOf(db, ids);
  const convCounts = ids.length
    ? await db
        .select({ id: conversations.agentId, n: count() })
        .from(conversations)
        .where(and(inArray(conversations.agentId, ids), eq(conversations.status, 'assigned')))
        .groupBy(conversations.agentId)
    : [];
  const ticketCounts = ids.length
    ? await db
        .select({ id: tickets.assigneeId, n: count() })
        .from(tickets)
        .where(and(inArray(tickets.assigneeId, ids), inArray(tickets.status, [...OPEN_TICKET])))
        .groupBy(tickets.assigneeId)
    : [];
  const convBy = new Map(convCounts.map((c) => [c.id, c.n]));
  const ticketBy = new Map(ticketCounts.map((c) => [c.id, c.n]));
  return rows.map((a) => ({
    id: a.id,
    email: a.email,
    name: a.name,
    role: a.role,
    departmentIds: depts.get(a.id) ?? [],
    capacity: a.capacity,
    status: a.status,
    presence: a.presence,
    invitedAt: a.invitedAt?.toISOString() ?? null,
    deactivatedAt: a.deactivatedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    assignedConversations: convBy.get(a.id) ?? 0,
    openTickets: ticketBy.get(a.id) ?? 0,
  }));
}

export async function personView(db: Executor, id: string): Promise<PersonView> {
  const [row] = await db.select().from(agents).where(eq(agents.id, id));
  if (!row) throw new AppError('not_found', 'no such person');
  return (await views(db, [row]))[0]!;
}

export async function listPeople(ctx: AppContext): Promise<PeopleList> {
  const rows = await ctx.db.select().from(agents).orderBy(asc(agents.name), asc(agents.email));
  const depts = await ctx.db.select({ id: departments.id, name: departments.names }).from(departments).orderBy(asc(departments.position), asc(departments.createdAt));
  return { people: await views(ctx.db, rows), departments: depts };
}

/** The department ids must all exist; duplicates are dropped. */
export async function checkDepartments(db: Executor, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const found = await db.select({ id: departments.id }).from(departments).where(inArray(departments.id, unique));
  if (found.length !== unique.length) throw new AppError('invalid', 'departmentIds names a department that does not exist');
  return unique;
}

/** Locks the person's row, so two admins changing one person serialise. */
async function lockPerson(tx: Tx, id: string): Promise<AgentRow> {
  const [row] = await tx.select().from(agents).where(eq(agents.id, id)).for('update');
  if (!row) throw new AppError('not_found', 'no such person');
  return row;
}

/**
 * Refuses a change that would leave nobody able to administer Parley. The other active admins' rows
 * are locked, so two admins demoting each other at once cannot both succeed.
 */
async function keepAnAdmin(tx: Tx, target: AgentRow): Promise<void> {
  if (target.role !== 'admin' || target.status !== 'active') return;
  const others = await tx
    .select({ id: agents.id })
    .from(agents)
    .where(and(eq(agents.role, 'admin'), eq(agents.status, 'active'), ne(agents.id, target.id)))
    .for('update');
  if (others.length === 0) throw new AppError('forbidden', 'this is the last active admin: make someone else an admin first');
}

/** Which department rooms a person's sockets listen to: admins watch every queue. */
async function watchedDepartments(db: Executor, role: AgentRole, own: string[]): Promise<string[]> {
  if (role !== 'admin') return own;
  return (await db.select({ id: departments.id }).from(departments)).map((d) => d.id);
}

export async function updatePerson(ctx: AppContext, actor: Actor, id: string, patch: PersonPatch): Promise<PersonView> {
  const now = ctx.clock();
  const result = await ctx.db.transaction(async (tx) => {
    const before = await lockPerson(tx, id);
    const beforeDepts = (await departmentsOf(tx, [id])).get(id)!;
    const b: Record<string, unknown> = {};
    const a: Record<string, unknown> = {};
    if (patch.role !== undefined && patch.role !== before.role) {
      if (before.role === 'admin') await keepAnAdmin(tx, before);
      b.role = before.role;
      a.role = patch.role;
    }
    if (patch.capacity !== undefined && patch.capacity !== before.capacity) {
      b.capacity = before.capacity;
      a.capacity = patch.capacity;
    }
    let afterDepts = beforeDepts;
    if (patch.departmentIds !== undefined) {
      const next = await checkDepartments(tx, patch.departmentIds);
      const same = next.length === beforeDepts.length && next.every((d) => beforeDepts.includes(d));
      if (!same) {
        await tx.delete(agentDepartments).where(eq(agentDepartments.agentId, id));
        if (next.length) await tx.insert(agentDepartments).values(next.map((departmentId) => ({ agentId: id, departmentId })));
        b.departmentIds = beforeDepts;
        a.departmentIds = next;
        afterDepts = next;
      }
    }
    if (Object.keys(a).length === 0) return null;
    if (a.role !== undefined || a.capacity !== undefined) {
      await tx
        .update(agents)
        .set({ ...(a.role !== undefined ? { role: a.role as AgentRole } : {}), ...(a.capacity !== undefined ? { capacity: a.capacity as number } : {}) })
        .where(eq(agents.id, id));
    }
    await recordAudit(tx, { actorId: actor.id, action: 'agent.updated', targetType: 'agent', targetId: id, before: b, after: a, ip: actor.ip, at: now });
    return { before, beforeDepts, afterDepts, role: (a.role as AgentRole | undefined) ?? before.role };
  });
  if (result && result.before.status === 'active') {
    // Live sockets follow at once: queue rooms of the new departments (or all, for an admin), and the
    // console learns its new role. Both reach sockets on every process through the adapter.
    const was = await watchedDepartments(ctx.db, result.before.role, result.beforeDepts);
    const now = await watchedDepartments(ctx.db, result.role, result.afterDepts);
    const leave = was.filter((d) => !now.includes(d));
    const join = now.filter((d) => !was.includes(d));
    if (leave.length) ctx.agents.in(agentRoom(id)).socketsLeave(leave.map(deptRoom));
    if (join.length) ctx.agents.in(agentRoom(id)).socketsJoin(join.map(deptRoom));
    ctx.agents.to(agentRoom(id)).emit('agent:updated', await agentProfile(ctx, id));
  }
  return personView(ctx.db, id);
}

/**
 * Deactivation: they cannot sign in, their sessions are revoked and their sockets dropped on every
 * process, their conversations go back to the queue at once (not after the offline grace period),
 * and their open tickets lose their assignee, each with a history entry.
 */
export async function deactivatePerson(ctx: AppContext, actor: Actor, id: string): Promise<DeactivateResult> {
  const now = ctx.clock();
  const unassigned = await ctx.db.transaction(async (tx) => {
    const before = await lockPerson(tx, id);
    if (before.status === 'deactivated') throw new AppError('invalid', 'this person is already deactivated');
    await keepAnAdmin(tx, before);
    // Offline now, so the requeue below (which only takes from offline agents) applies at once.
    await tx.update(agents).set({ status: 'deactivated', deactivatedAt: now, presence: 'offline', offlineSince: now }).where(eq(agents.id, id));
    // An invitation still in someone's mailbox must not bring them back.
    await tx.update(agentInvitations).set({ expiresAt: now }).where(and(eq(agentInvitations.agentId, id), sql`${agentInvitations.usedAt} is null`, sql`${agentInvitations.expiresAt} > ${now.toISOString()}::timestamptz`));
    const open = await tx
      .update(tickets)
      .set({ assigneeId: null, updatedAt: now })
      .where(and(eq(tickets.assigneeId, id), inArray(tickets.status, [...OPEN_TICKET])))
      .returning();
    if (open.length) {
      await tx.insert(ticketHistory).values(open.map((t) => ({ ticketId: t.id, actor: 'agent' as const, actorId: actor.id, actorName: null, action: 'assigned', from: before.name, to: null, createdAt: now })));
    }
    await recordAudit(tx, { actorId: actor.id, action: 'agent.deactivated', targetType: 'agent', targetId: id, before: { status: before.status }, after: { status: 'deactivated', ticketsUnassigned: open.length }, ip: actor.ip, at: now });
    return open;
  });
  // After the commit: a socket dropped earlier could reconnect before the status was visible.
  await revokeAgents(ctx, [id]);
  const requeued = await requeueAgentConversations(ctx, id);
  for (const t of unassigned) await emitTicket(ctx, t);
  return { person: await personView(ctx.db, id), requeued: requeued.length, ticketsUnassigned: unassigned.length };
}

/** Back to active, or to invited when they never chose a password (the admin can resend the link). */
export async function reactivatePerson(ctx: AppContext, actor: Actor, id: string): Promise<PersonView> {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const before = await lockPerson(tx, id);
    if (before.status !== 'deactivated') throw new AppError('invalid', 'this person is not deactivated');
    const [accepted] = await tx.select({ id: agentInvitations.id }).from(agentInvitations).where(and(eq(agentInvitations.agentId, id), sql`${agentInvitations.usedAt} is not null`)).limit(1);
    const status = before.invitedAt && !accepted ? 'invited' : 'active';
    await tx.update(agents).set({ status, deactivatedAt: null }).where(eq(agents.id, id));
    await recordAudit(tx, { actorId: actor.id, action: 'agent.reactivated', targetType: 'agent', targetId: id, before: { status: 'deactivated' }, after: { status }, ip: actor.ip, at: now });
  });
  return personView(ctx.db, id);
}
