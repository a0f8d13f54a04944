/**
 * Who holds a conversation: the queue (hand-off), routing (manual claim, automatic least-busy offers),
 * transfer, close, and the grace-period requeue. Every step takes the locks it needs in one
 * transaction, publishes after the commit, and is safe to race from several processes.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AgentConversation, VisitorConversation } from '@parley/protocol';
import type { AppContext } from '../context.js';
import type { Executor, Tx } from '../db/client.js';
import { agentDepartments, agents, conversations, departments } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { conversationPayload, emitWebhookEvent } from '../webhooks/events.js';
import { inviteCsatForConversation } from '../surveys/service.js';
import {
  agentConversation,
  agentRoom,
  broadcastMessage,
  convRoom,
  departmentOf,
  getConversation,
  insertMessage,
  publishConversation,
  publishQueue,
  agentAccess,
  type AgentAccess,
} from './service.js';
import { agentView, toMessage, visitorView } from './views.js';
import type { ConversationRow, MessageRow } from './views.js';
/** bot -> queued. Queued or assigned already: nothing to do, answer the current view. */
export async function handoff(ctx: AppContext, conv: ConversationRow, departmentId: string | undefined): Promise<VisitorConversation> {
  if (conv.status === 'closed') throw new AppError('closed', 'the conversation is closed; start a new one');
  if (conv.status !== 'bot') return visitorView(ctx, conv);
  const dept = await departmentOf(ctx, conv.siteId, departmentId ?? conv.departmentId);
  const now = ctx.clock();
  const result = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(conversations)
      .set({ status: 'queued', departmentId: dept.id, agentId: null, queuedAt: now, updatedAt: now })
      .where(and(eq(conversations.id, conv.id), eq(conversations.status, 'bot')))
      .returning();
    if (!row) return null;
    const { row: msg } = await insertMessage(ctx, tx, conv.id, { author: 'system', authorName: null, body: '', meta: { system: { kind: 'queued', departmentId: dept.id, departmentName: dept.names } } });
    await emitWebhookEvent(tx, ctx, row.siteId, 'conversation.queued', { conversation: conversationPayload(row) }, { now });
    return msg;
  });
  if (result) {
    broadcastMessage(ctx, toMessage(result));
    await afterEnqueue(ctx, conv.id, dept.id);
  }
  return visitorView(ctx, await getConversation(ctx, conv.id));
}

async function afterEnqueue(ctx: AppContext, conversationId: string, departmentId: string): Promise<void> {
  await publishConversation(ctx, conversationId);
  await publishQueue(ctx, departmentId);
  await autoRoute(ctx, departmentId);
}

// ---------- routing ----------

/** Serialises auto-routing inside this process; the advisory locks below do it across processes. */
function serially<T>(ctx: AppContext, task: () => Promise<T>): Promise<T> {
  const run = ctx.state.routing.then(task, task);
  ctx.state.routing = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

/**
 * One routing decision per department at a time, cluster-wide: without it two processes read the
 * same "least busy" agent and both hand them a conversation. Transaction-scoped, so a crash frees
 * it; taken in a fixed order, so two multi-department decisions never deadlock.
 */
async function lockRouting(tx: Tx, departmentIds: string[]): Promise<void> {
  for (const d of [...new Set(departmentIds)].sort()) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`parley:route:${d}`}, 0))`);
}

/**
 * The agent's row and current load, locked until commit: two departments' decisions (each under its
 * own routing lock) cannot both fill an agent's last slot. NO KEY UPDATE, because a claim's UPDATE of
 * conversations.agent_id takes a KEY SHARE lock on this row through the foreign key and must not wait.
 */
async function lockAgentLoad(tx: Tx, agentId: string) {
  const [agent] = await tx.select({ id: agents.id, name: agents.name, capacity: agents.capacity, presence: agents.presence }).from(agents).where(eq(agents.id, agentId)).for('no key update');
  if (!agent) return null;
  const [load] = await tx.select({ n: sql<number>`count(*)::int` }).from(conversations).where(and(eq(conversations.agentId, agentId), eq(conversations.status, 'assigned')));
  return { ...agent, load: Number(load?.n ?? 0) };
}

async function isAutoDepartment(ctx: AppContext, departmentId: string): Promise<boolean> {
  const [d] = await ctx.db.select({ routing: departments.routing }).from(departments).where(eq(departments.id, departmentId));
  return d?.routing === 'auto';
}

/** Online agents of a department under capacity, least busy first, round robin on ties. */
async function availableAgents(ctx: AppContext, ex: Executor, departmentId: string) {
  const load = sql<number>`(select count(*)::int from ${conversations} c where c.agent_id = ${agents.id} and c.status = 'assigned')`;
  const rows = await ex
    .select({ id: agents.id, name: agents.name, capacity: agents.capacity, load })
    .from(agents)
    .innerJoin(agentDepartments, eq(agentDepartments.agentId, agents.id))
    .where(and(eq(agentDepartments.departmentId, departmentId), eq(agents.presence, 'online')));
  const last = (id: string) => ctx.state.lastAutoAssigned.get(id) ?? 0;
  return rows
    .filter((r) => Number(r.load) < r.capacity)
    .sort((a, b) => Number(a.load) - Number(b.load) || last(a.id) - last(b.id) || a.id.localeCompare(b.id));
}

async function oldestQueued(ex: Executor, departmentIds: string[]): Promise<ConversationRow | null> {
  if (departmentIds.length === 0) return null;
  const [row] = await ex
    .select()
    .from(conversations)
    .where(and(inArray(conversations.departmentId, departmentIds), eq(conversations.status, 'queued')))
    .orderBy(asc(conversations.queuedAt), asc(conversations.id))
    .limit(1);
  return row ?? null;
}

/** `done`: nothing (more) to route. `retry`: someone else changed the picture meanwhile; look again. */
type RoutingStep = 'done' | 'retry' | { assigned: Assigned; agentId: string };

/** Auto departments: hand waiting conversations to available agents until one side runs out. */
export function autoRoute(ctx: AppContext, departmentId: string): Promise<void> {
  return serially(ctx, async () => {
    if (!(await isAutoDepartment(ctx, departmentId))) return;
    for (let guard = 0; guard < 1000; guard++) {
      const step = await ctx.db.transaction(async (tx): Promise<RoutingStep> => {
        await lockRouting(tx, [departmentId]);
        const conv = await oldestQueued(tx, [departmentId]);
        if (!conv) return 'done';
        const [candidate] = await availableAgents(ctx, tx, departmentId);
        if (!candidate) return 'done';
        const agent = await lockAgentLoad(tx, candidate.id);
        // Filled by another department's decision since the list was read.
        if (!agent || agent.presence !== 'online' || agent.load >= agent.capacity) return 'retry';
        ctx.state.lastAutoAssigned.set(agent.id, ctx.clock().getTime() + guard);
        const assigned = await assignInTx(ctx, tx, conv.id, agent);
        return assigned ? { assigned, agentId: agent.id } : 'retry';
      });
      if (step === 'done') return;
      if (step !== 'retry') await afterAssign(ctx, step.agentId, step.assigned);
    }
  });
}

/** An agent has a free slot: give them the oldest waiting conversation of their auto departments. */
export function offerToAgent(ctx: AppContext, agentId: string): Promise<void> {
  return serially(ctx, async () => {
    for (let guard = 0; guard < 1000; guard++) {
      const auto = await ctx.db
        .select({ id: departments.id })
        .from(departments)
        .innerJoin(agentDepartments, eq(agentDepartments.departmentId, departments.id))
        .where(and(eq(agentDepartments.agentId, agentId), eq(departments.routing, 'auto')));
      if (auto.length === 0) return;
      const step = await ctx.db.transaction(async (tx): Promise<RoutingStep> => {
        const ids = auto.map((d) => d.id);
        await lockRouting(tx, ids);
        const agent = await lockAgentLoad(tx, agentId);
        if (!agent || agent.presence !== 'online' || agent.load >= agent.capacity) return 'done';
        const conv = await oldestQueued(tx, ids);
        if (!conv) return 'done';
        ctx.state.lastAutoAssigned.set(agentId, ctx.clock().getTime());
        const assigned = await assignInTx(ctx, tx, conv.id, agent);
        return assigned ? { assigned, agentId } : 'retry';
      });
      if (step === 'done') return;
      if (step !== 'retry') await afterAssign(ctx, step.agentId, step.assigned);
    }
  });
}

interface Assigned {
  row: ConversationRow;
  msg: MessageRow;
}

/**
 * queued -> assigned with ONE conditional UPDATE: of two agents racing, the second UPDATE finds the
 * row no longer queued and returns nothing. Returns null for the loser.
 */
async function assignInTx(ctx: AppContext, tx: Tx, conversationId: string, agent: { id: string; name: string }): Promise<Assigned | null> {
  const now = ctx.clock();
  const [row] = await tx
    .update(conversations)
    .set({ status: 'assigned', agentId: agent.id, assignedAt: now, agentReadSeq: 0, updatedAt: now })
    .where(and(eq(conversations.id, conversationId), eq(conversations.status, 'queued')))
    .returning();
  if (!row) return null;
  const { row: msg } = await insertMessage(ctx, tx, conversationId, { author: 'system', authorName: null, body: '', meta: { system: { kind: 'agent_joined', name: agent.name } } });
  await emitWebhookEvent(tx, ctx, row.siteId, 'conversation.assigned', { conversation: conversationPayload(row), agentName: agent.name }, { now });
  return { row, msg };
}

/** After the commit: the agent's sockets (on any process) join the room, and everyone hears of it. */
async function afterAssign(ctx: AppContext, agentId: string, result: Assigned): Promise<void> {
  const conversationId = result.row.id;
  ctx.agents.in(agentRoom(agentId)).socketsJoin(convRoom(conversationId));
  broadcastMessage(ctx, toMessage(result.msg));
  await publishConversation(ctx, conversationId);
  if (result.row.departmentId) await publishQueue(ctx, result.row.departmentId);
}

export async function assign(ctx: AppContext, conversationId: string, agent: { id: string; name: string }): Promise<ConversationRow | null> {
  const result = await ctx.db.transaction((tx) => assignInTx(ctx, tx, conversationId, agent));
  if (!result) return null;
  await afterAssign(ctx, agent.id, result);
  return getConversation(ctx, conversationId);
}

// ---------- agent side ----------

export async function claim(ctx: AppContext, agent: AgentAccess, conversationId: string): Promise<AgentConversation> {
  const conv = await agentConversation(ctx, agent, conversationId);
  if (conv.status === 'closed') throw new AppError('closed', 'the conversation is closed');
  if (conv.status === 'assigned') {
    if (conv.agentId === agent.id) return agentView(ctx, conv.id);
    throw new AppError('already_claimed', 'another agent took this conversation first');
  }
  if (conv.status !== 'queued') throw new AppError('invalid', 'the conversation is not waiting in a queue');
  const won = await assign(ctx, conv.id, agent);
  if (!won) {
    const now = await getConversation(ctx, conv.id);
    if (now.status === 'assigned' && now.agentId === agent.id) return agentView(ctx, conv.id);
    throw new AppError(now.status === 'closed' ? 'closed' : 'already_claimed', now.status === 'closed' ? 'the conversation is closed' : 'another agent took this conversation first');
  }
  return agentView(ctx, conv.id);
}

export async function closeConversation(ctx: AppContext, conv: ConversationRow, by: 'visitor' | 'agent' | 'system'): Promise<void> {
  if (conv.status === 'closed') return;
  const now = ctx.clock();
  const result = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(conversations).where(eq(conversations.id, conv.id)).for('update');
    if (!before || before.status === 'closed') return null;
    await tx.update(conversations).set({ status: 'closed', closedAt: now, updatedAt: now }).where(eq(conversations.id, conv.id));
    const { row: msg } = await insertMessage(ctx, tx, conv.id, { author: 'system', authorName: null, body: '', meta: { system: { kind: 'closed', by } } }, { allowClosed: true });
    await emitWebhookEvent(tx, ctx, before.siteId, 'conversation.closed', { conversation: conversationPayload({ ...before, status: 'closed' }), by }, { now });
    // With the close, so the "closed" view published below already offers the survey (when a person took part).
    await inviteCsatForConversation(ctx, conv.id, tx);
    return { before, msg };
  });
  if (!result) return;
  broadcastMessage(ctx, toMessage(result.msg));
  await publishConversation(ctx, conv.id, [result.before.agentId]);
  if (result.before.status === 'queued' && result.before.departmentId) await publishQueue(ctx, result.before.departmentId);
  if (result.before.status === 'assigned' && result.before.agentId) await offerToAgent(ctx, result.before.agentId);
}

export async function agentClose(ctx: AppContext, agent: AgentAccess, conversationId: string): Promise<AgentConversation> {
  const conv = await agentConversation(ctx, agent, conversationId);
  if (conv.status === 'assigned' && conv.agentId !== agent.id && agent.role !== 'admin') throw new AppError('forbidden', 'another agent owns this conversation');
  await closeConversation(ctx, conv, 'agent');
  return agentView(ctx, conv.id);
}

export async function transfer(ctx: AppContext, agent: AgentAccess, input: { conversationId: string; toAgentId?: string; toDepartmentId?: string }): Promise<AgentConversation> {
  const conv = await agentConversation(ctx, agent, input.conversationId);
  if (conv.status === 'closed') throw new AppError('closed', 'the conversation is closed');
  if (conv.status === 'bot') throw new AppError('invalid', 'the bot still has this conversation; it can be claimed once queued');
  if (conv.status === 'assigned' && conv.agentId !== agent.id && agent.role !== 'admin') throw new AppError('forbidden', 'another agent owns this conversation');
  const now = ctx.clock();
  const unchanged = and(eq(conversations.id, conv.id), eq(conversations.status, conv.status), conv.agentId ? eq(conversations.agentId, conv.agentId) : sql`${conversations.agentId} is null`);

  if (input.toAgentId) {
    const target = await agentAccess(ctx, input.toAgentId).catch(() => {
      throw new AppError('not_found', 'agent not found');
    });
    if (target.role !== 'admin' && !(conv.departmentId && target.departmentIds.includes(conv.departmentId))) {
      throw new AppError('forbidden', `${target.name} is not in this conversation's department`);
    }
    const msg = await ctx.db.transaction(async (tx) => {
      const [row] = await tx.update(conversations).set({ status: 'assigned', agentId: target.id, assignedAt: now, agentReadSeq: 0, updatedAt: now }).where(unchanged).returning();
      if (!row) return null;
      await emitWebhookEvent(tx, ctx, row.siteId, 'conversation.assigned', { conversation: conversationPayload(row), agentName: target.name }, { now });
      return (await insertMessage(ctx, tx, conv.id, { author: 'system', authorName: null, body: '', meta: { system: { kind: 'transferred', toName: target.name } } })).row;
    });
    if (!msg) throw new AppError('already_claimed', 'the conversation changed meanwhile; reload it');
    if (conv.agentId && conv.agentId !== target.id) ctx.agents.in(agentRoom(conv.agentId)).socketsLeave(convRoom(conv.id));
    ctx.agents.in(agentRoom(target.id)).socketsJoin(convRoom(conv.id));
    broadcastMessage(ctx, toMessage(msg));
    await publishConversation(ctx, conv.id, [conv.agentId]);
    if (conv.status === 'queued' && conv.departmentId) await publishQueue(ctx, conv.departmentId);
    if (conv.agentId && conv.agentId !== target.id) await offerToAgent(ctx, conv.agentId);
    return agentView(ctx, conv.id);
  }

  const dept = await departmentOf(ctx, conv.siteId, input.toDepartmentId);
  const msg = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(conversations).set({ status: 'queued', departmentId: dept.id, agentId: null, queuedAt: now, assignedAt: null, updatedAt: now }).where(unchanged).returning();
    if (!row) return null;
    await emitWebhookEvent(tx, ctx, row.siteId, 'conversation.queued', { conversation: conversationPayload(row) }, { now });
    return (await insertMessage(ctx, tx, conv.id, { author: 'system', authorName: null, body: '', meta: { system: { kind: 'transferred', toDepartment: dept.names } } })).row;
  });
  if (!msg) throw new AppError('already_claimed', 'the conversation changed meanwhile; reload it');
  if (conv.agentId) ctx.agents.in(agentRoom(conv.agentId)).socketsLeave(convRoom(conv.id));
  broadcastMessage(ctx, toMessage(msg));
  const view = await agentView(ctx, conv.id);
  await publishConversation(ctx, conv.id, [conv.agentId]);
  if (conv.departmentId && conv.departmentId !== dept.id) await publishQueue(ctx, conv.departmentId);
  await publishQueue(ctx, dept.id);
  await autoRoute(ctx, dept.id);
  if (conv.agentId) await offerToAgent(ctx, conv.agentId);
  return view;
}

/** Grace period over: everything the agent still owns goes back to its department's queue, at its old place. */
export async function requeueAgentConversations(ctx: AppContext, agentId: string): Promise<string[]> {
  const owned = await ctx.db.select().from(conversations).where(and(eq(conversations.agentId, agentId), eq(conversations.status, 'assigned')));
  const requeued: string[] = [];
  const departmentsTouched = new Set<string>();
  for (const conv of owned) {
    const now = ctx.clock();
    const msg = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(conversations)
        .set({ status: 'queued', agentId: null, assignedAt: null, queuedAt: conv.queuedAt ?? now, updatedAt: now })
        // Only while the agent is still away: they may have come back on another process meanwhile.
        .where(
          and(
            eq(conversations.id, conv.id),
            eq(conversations.status, 'assigned'),
            eq(conversations.agentId, agentId),
            sql`not exists (select 1 from ${agents} a where a.id = ${agentId} and a.presence <> 'offline')`,
          ),
        )
        .returning();
      if (!row) return null;
      await emitWebhookEvent(tx, ctx, row.siteId, 'conversation.queued', { conversation: conversationPayload(row) }, { now });
      return (await insertMessage(ctx, tx, conv.id, { author: 'system', authorName: null, body: '', meta: { system: { kind: 'requeued' } } })).row;
    });
    if (!msg) continue;
    requeued.push(conv.id);
    ctx.agents.in(agentRoom(agentId)).socketsLeave(convRoom(conv.id));
    broadcastMessage(ctx, toMessage(msg));
    await publishConversation(ctx, conv.id, [agentId]);
    if (conv.departmentId) departmentsTouched.add(conv.departmentId);
  }
  for (const d of departmentsTouched) {
    await publishQueue(ctx, d);
    await autoRoute(ctx, d);
  }
  return requeued;
}
