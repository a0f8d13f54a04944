import { and, eq, ne } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { agentProfile } from '../auth/service.js';
import { agentDepartments, agents, conversations } from '../db/schema.js';
import { agentRoom, offerToAgent, publishQueue, requeueAgentConversations } from './service.js';

async function departmentIdsOf(ctx: AppContext, agentId: string): Promise<string[]> {
  const rows = await ctx.db.select({ id: agentDepartments.departmentId }).from(agentDepartments).where(eq(agentDepartments.agentId, agentId));
  return rows.map((r) => r.id);
}

/** Presence changes move every waiting visitor's estimate (agents online), so queues are republished. */
async function presenceChanged(ctx: AppContext, agentId: string): Promise<void> {
  const profile = await agentProfile(ctx, agentId);
  ctx.agents.to(agentRoom(agentId)).emit('agent:updated', profile);
  for (const d of await departmentIdsOf(ctx, agentId)) await publishQueue(ctx, d);
}

export async function setPresence(ctx: AppContext, agentId: string, presence: 'online' | 'away') {
  await ctx.db.update(agents).set({ presence }).where(eq(agents.id, agentId));
  await presenceChanged(ctx, agentId);
  if (presence === 'online') await offerToAgent(ctx, agentId);
  return agentProfile(ctx, agentId);
}

/** First socket of an agent: back online (unless they chose away), grace timer cancelled. */
export async function agentConnected(ctx: AppContext, agentId: string): Promise<void> {
  const timer = ctx.state.graceTimers.get(agentId);
  if (timer) {
    clearTimeout(timer);
    ctx.state.graceTimers.delete(agentId);
  }
  const [changed] = await ctx.db
    .update(agents)
    .set({ presence: 'online' })
    .where(and(eq(agents.id, agentId), eq(agents.presence, 'offline')))
    .returning({ id: agents.id });
  if (!changed) return;
  await presenceChanged(ctx, agentId);
  await offerToAgent(ctx, agentId);
}

/** Last socket gone: offline now, conversations requeued after the grace period unless they return. */
export async function agentDisconnected(ctx: AppContext, agentId: string): Promise<void> {
  if (ctx.state.closing) return;
  const remaining = await ctx.agents.in(agentRoom(agentId)).fetchSockets();
  if (remaining.length > 0) return;
  const [changed] = await ctx.db.update(agents).set({ presence: 'offline' }).where(and(eq(agents.id, agentId), ne(agents.presence, 'offline'))).returning({ id: agents.id });
  if (changed) await presenceChanged(ctx, agentId);
  if (ctx.state.graceTimers.has(agentId)) return;
  const timer = setTimeout(() => {
    ctx.state.graceTimers.delete(agentId);
    void (async () => {
      if (ctx.state.closing) return;
      const back = await ctx.agents.in(agentRoom(agentId)).fetchSockets();
      if (back.length > 0) return;
      const ids = await requeueAgentConversations(ctx, agentId);
      if (ids.length > 0) ctx.logger.info({ agentId, conversations: ids.length }, 'grace period over: conversations requeued');
    })().catch((err: unknown) => ctx.logger.error({ err, agentId }, 'requeue after grace failed'));
  }, ctx.config.agentGraceSeconds * 1000);
  ctx.state.graceTimers.set(agentId, timer);
}

/**
 * At start no agent has a socket, whatever the table says after a crash: everyone is offline, and
 * whoever still owns conversations gets the usual grace period to reconnect before they are requeued.
 */
export async function resetPresenceOnStart(ctx: AppContext): Promise<void> {
  await ctx.db.update(agents).set({ presence: 'offline' }).where(ne(agents.presence, 'offline'));
  const owners = await ctx.db.selectDistinct({ id: conversations.agentId }).from(conversations).where(eq(conversations.status, 'assigned'));
  for (const { id } of owners) if (id) await agentDisconnected(ctx, id);
}
