import { and, eq, inArray, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { agentProfile } from '../auth/service.js';
import { agentDepartments, agents, conversations } from '../db/schema.js';
import { offerToAgent, requeueAgentConversations } from './routing.js';
import { agentRoom, publishQueue } from './service.js';

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
  await ctx.db.update(agents).set({ presence, offlineSince: null }).where(eq(agents.id, agentId));
  await presenceChanged(ctx, agentId);
  if (presence === 'online') await offerToAgent(ctx, agentId);
  return agentProfile(ctx, agentId);
}

/** First socket of an agent: back online (unless they chose away), which also stops the grace period. */
export async function agentConnected(ctx: AppContext, agentId: string): Promise<void> {
  const [changed] = await ctx.db
    .update(agents)
    .set({ presence: 'online', offlineSince: null })
    .where(and(eq(agents.id, agentId), eq(agents.presence, 'offline')))
    .returning({ id: agents.id });
  if (!changed) return;
  await presenceChanged(ctx, agentId);
  await offerToAgent(ctx, agentId);
}

/**
 * Last socket gone, on every process (fetchSockets asks them all through the adapter): offline
 * from now. The leader's sweep requeues their conversations once the grace period has passed.
 */
export async function agentDisconnected(ctx: AppContext, agentId: string): Promise<void> {
  if (ctx.state.closing) return;
  const remaining = await ctx.agents.in(agentRoom(agentId)).fetchSockets();
  if (remaining.length > 0) return;
  const [changed] = await ctx.db
    .update(agents)
    .set({ presence: 'offline', offlineSince: ctx.clock() })
    .where(and(eq(agents.id, agentId), ne(agents.presence, 'offline')))
    .returning({ id: agents.id });
  if (changed) await presenceChanged(ctx, agentId);
}

/** Agents the table calls present but who have no socket anywhere (their process died): offline from now. */
async function markSocketlessOffline(ctx: AppContext): Promise<void> {
  const present = await ctx.db.select({ id: agents.id }).from(agents).where(or(ne(agents.presence, 'offline'), isNull(agents.offlineSince)));
  if (present.length === 0) return;
  const sockets = await ctx.agents.in(present.map((a) => agentRoom(a.id))).fetchSockets();
  const connected = new Set(sockets.map((s) => s.data.agentId));
  const gone = present.filter((a) => !connected.has(a.id)).map((a) => a.id);
  if (gone.length === 0) return;
  // Agents already offline (offline_since unset after an upgrade) just get their clock started.
  const changed = await ctx.db
    .update(agents)
    .set({ presence: 'offline', offlineSince: sql`case when ${agents.presence} <> 'offline' or ${agents.offlineSince} is null then ${ctx.clock().toISOString()}::timestamptz else ${agents.offlineSince} end` })
    .where(and(inArray(agents.id, gone), or(ne(agents.presence, 'offline'), isNull(agents.offlineSince))))
    .returning({ id: agents.id, presence: agents.presence });
  for (const a of changed) await presenceChanged(ctx, a.id);
}

/**
 * The leader's periodic job. `checkSockets` is false while a freshly started node cannot yet see its
 * peers' sockets: judging presence then would mark agents of other processes offline.
 */
export async function sweepPresence(ctx: AppContext, opts: { checkSockets: boolean }): Promise<void> {
  if (ctx.state.closing || !opts.checkSockets) return;
  await markSocketlessOffline(ctx);
  const cutoff = new Date(ctx.clock().getTime() - ctx.config.agentGraceSeconds * 1000);
  const expired = await ctx.db
    .selectDistinct({ id: agents.id })
    .from(agents)
    .innerJoin(conversations, and(eq(conversations.agentId, agents.id), eq(conversations.status, 'assigned')))
    .where(and(eq(agents.presence, 'offline'), isNotNull(agents.offlineSince), lte(agents.offlineSince, cutoff)));
  for (const { id } of expired) {
    if (ctx.state.closing) return;
    // A connect racing a disconnect elsewhere can leave a connected agent marked offline: the
    // sockets, not the table, decide before anything is taken away from them.
    if ((await ctx.agents.in(agentRoom(id)).fetchSockets()).length > 0) {
      await agentConnected(ctx, id);
      continue;
    }
    const ids = await requeueAgentConversations(ctx, id);
    if (ids.length > 0) ctx.logger.info({ agentId: id, conversations: ids.length }, 'grace period over: conversations requeued');
  }
}

/**
 * At start, agents whose process died are still marked present. One process alone knows at once
 * that nobody has a socket; with Redis the leader's sweep finds them once peers answer (see
 * sweepPresence). Either way whoever still owns conversations gets the usual grace period.
 */
export async function resetPresenceOnStart(ctx: AppContext): Promise<void> {
  if (ctx.config.redisUrl) return;
  await markSocketlessOffline(ctx);
}
