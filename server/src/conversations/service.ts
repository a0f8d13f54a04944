import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { LIMITS } from '@parley/protocol';
import type { AgentConversation, ConversationSync, HelpContext, Locale, Message, SystemEvent, VisitorConversation } from '@parley/protocol';
import { BOT_TEXT, runBot } from '../bot/service.js';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { agentDepartments, agents, conversations, departments, messages, sites, visitors } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { siteText } from '../sites/settings.js';
import { conversationPayload, emitWebhookEvent } from '../webhooks/events.js';
import { agentView, agentViews, departmentQueue, messagesAfter, toMessage, visitorView } from './views.js';
import type { ConversationRow, MessageRow } from './views.js';
import type { NewMessage, WriteResult } from './writer.js';
import { ownedByVisitor, visitorRooms } from '../contacts/scope.js';

export type { NewMessage };

export const convRoom = (id: string) => `conv:${id}`;
export const agentRoom = (id: string) => `agent:${id}`;
export const deptRoom = (id: string) => `dept:${id}`;

// ---------- messages ----------

/**
 * Inserts one message inside `tx`, for system messages that belong to a status change's transaction
 * (chat messages go through the group-commit writer). The conversation row is locked first, so seqs are handed out
 * one at a time (gap-free, in commit order), and the client-id lookup that follows sees any
 * retry that committed while we waited: a retry returns the stored row instead of a second copy.
 */
export async function insertMessage(ctx: AppContext, tx: Tx, conversationId: string, m: NewMessage, opts: { allowClosed?: boolean } = {}): Promise<{ row: MessageRow; duplicate: boolean }> {
  const [conv] = await tx.select({ status: conversations.status }).from(conversations).where(eq(conversations.id, conversationId)).for('update');
  if (!conv) throw new AppError('not_found', 'conversation not found');
  if (m.clientId) {
    const [dup] = await tx.select().from(messages).where(and(eq(messages.conversationId, conversationId), eq(messages.clientId, m.clientId)));
    if (dup) return { row: dup, duplicate: true };
  }
  if (conv.status === 'closed' && !opts.allowClosed) throw new AppError('closed', 'the conversation is closed; start a new one');
  const now = ctx.clock();
  const [bumped] = await tx
    .update(conversations)
    .set({ lastSeq: sql`${conversations.lastSeq} + 1`, updatedAt: now })
    .where(eq(conversations.id, conversationId))
    .returning({ seq: conversations.lastSeq });
  const [row] = await tx
    .insert(messages)
    .values({
      conversationId,
      seq: bumped!.seq,
      clientId: m.clientId ?? null,
      author: m.author,
      authorId: m.authorId ?? null,
      authorName: m.authorName,
      body: m.body,
      meta: m.meta ?? null,
      createdAt: now,
    })
    .returning();
  return { row: row!, duplicate: false };
}

/**
 * `message:created` to both sides of the conversation. `except` is the socket that sent it: its ack
 * carries the same row (both clients merge the acked row, packages/client's outbox), so an echo
 * would be a third websocket write per message for nothing. The sender's other tabs still hear it.
 */
export function broadcastMessage(ctx: AppContext, message: Message, except?: string): void {
  const room = convRoom(message.conversationId);
  // Socket.IO encodes the packet before it looks for recipients. In one process the in-memory
  // adapter's room map is the whole truth, so a room with nobody but the sender is skipped (the usual
  // case on the visitor's side); with Redis, other processes may have members, so always emit.
  const heard = (nsp: { adapter: { rooms: Map<string, Set<string>> } }) => {
    if (ctx.config.redisUrl) return true;
    const members = nsp.adapter.rooms.get(room);
    return members !== undefined && !(members.size === 1 && except !== undefined && members.has(except));
  };
  const skip = except ?? [];
  // One JSON text for the ack and every namespace's packet (lib/wire.ts).
  ctx.wire.share(message);
  if (heard(ctx.visitors)) ctx.visitors.to(room).except(skip).emit('message:created', message);
  if (heard(ctx.agents)) ctx.agents.to(room).except(skip).emit('message:created', message);
}

/** Commits one message (batched with others by the writer), then, only if it is new, tells both sides. */
export async function appendMessage(
  ctx: AppContext,
  conv: { id: string; siteId: string },
  m: NewMessage,
  opts: { allowClosed?: boolean; from?: string } = {},
): Promise<{ message: Message; duplicate: boolean; conversation: WriteResult['conversation'] }> {
  const { row, duplicate, conversation } = await ctx.writer.write({ conversationId: conv.id, siteId: conv.siteId, message: m, ...(opts.allowClosed ? { allowClosed: true } : {}) });
  const message = toMessage(row);
  if (!duplicate) broadcastMessage(ctx, message, opts.from);
  return { message, duplicate, conversation };
}

// ---------- lookups ----------

export async function getConversation(ctx: AppContext, id: string): Promise<ConversationRow> {
  const [conv] = await ctx.db.select().from(conversations).where(eq(conversations.id, id));
  if (!conv) throw new AppError('not_found', 'conversation not found');
  return conv;
}

/** A message of the conversation; one of another conversation looks exactly like a missing one. */
export async function conversationMessage(ctx: AppContext, conversationId: string, messageId: string): Promise<Message> {
  const [row] = await ctx.db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.id, messageId)));
  if (!row) throw new AppError('not_found', 'message not found');
  return toMessage(row);
}

/** The `limit` messages before seq `beforeSeq`, oldest first (what an external bot gets as history). */
export async function messagesBefore(ctx: AppContext, conversationId: string, beforeSeq: number, limit: number): Promise<Message[]> {
  const rows = await ctx.db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), sql`${messages.seq} < ${beforeSeq}`))
    .orderBy(desc(messages.seq))
    .limit(limit);
  return rows.reverse().map(toMessage);
}

/** Visitors reach only their own conversations (or their verified contact's: contacts/scope.ts); someone else's looks exactly like a missing one. */
export async function visitorConversation(ctx: AppContext, visitorId: string, id: string): Promise<ConversationRow> {
  const [conv] = await ctx.db.select().from(conversations).where(and(eq(conversations.id, id), ownedByVisitor(visitorId)));
  if (!conv) throw new AppError('not_found', 'conversation not found');
  return conv;
}

export interface AgentAccess {
  id: string;
  name: string;
  role: 'admin' | 'supervisor' | 'agent';
  capacity: number;
  departmentIds: string[];
}

export async function agentAccess(ctx: AppContext, agentId: string): Promise<AgentAccess> {
  // One query: this runs before every agent command, sends included.
  const [agent] = await ctx.db
    .select({ id: agents.id, name: agents.name, role: agents.role, capacity: agents.capacity, departmentIds: sql<string | null>`string_agg(${agentDepartments.departmentId}::text, ',')` })
    .from(agents)
    .leftJoin(agentDepartments, eq(agentDepartments.agentId, agents.id))
    // Only active people act or receive work: a deactivated colleague is neither a sender nor a transfer target.
    .where(and(eq(agents.id, agentId), eq(agents.status, 'active')))
    .groupBy(agents.id);
  if (!agent) throw new AppError('unauthorized', 'agent not found');
  return { id: agent.id, name: agent.name, role: agent.role, capacity: agent.capacity, departmentIds: agent.departmentIds ? agent.departmentIds.split(',') : [] };
}

export function canSee(agent: AgentAccess, conv: ConversationRow): boolean {
  return agent.role === 'admin' || conv.agentId === agent.id || (conv.departmentId !== null && agent.departmentIds.includes(conv.departmentId));
}

/** Agents reach conversations of their departments and their own; admins reach all. */
export async function agentConversation(ctx: AppContext, agent: AgentAccess, id: string): Promise<ConversationRow> {
  const conv = await getConversation(ctx, id);
  if (!canSee(agent, conv)) throw new AppError('forbidden', 'this conversation belongs to another department');
  return conv;
}

export async function departmentOf(ctx: AppContext, siteId: string, departmentId: string | null | undefined) {
  if (departmentId) {
    const [d] = await ctx.db.select().from(departments).where(and(eq(departments.id, departmentId), eq(departments.siteId, siteId)));
    if (!d) throw new AppError('not_found', 'department not found');
    return d;
  }
  const [first] = await ctx.db.select().from(departments).where(eq(departments.siteId, siteId)).orderBy(asc(departments.position), asc(departments.createdAt)).limit(1);
  if (!first) throw new AppError('not_found', 'this site has no department');
  return first;
}

// ---------- broadcasting state ----------

/** Sends the current view to the visitor and to the owning agent (plus any agent who just lost it). */
export async function publishConversation(ctx: AppContext, id: string, alsoAgents: Array<string | null | undefined> = []): Promise<{ visitor: VisitorConversation; agent: AgentConversation }> {
  const conv = await getConversation(ctx, id);
  const visitor = await visitorView(ctx, conv);
  ctx.visitors.to(convRoom(id)).emit('conversation:updated', visitor);
  const agent = await agentView(ctx, id);
  const targets = [...new Set([conv.agentId, ...alsoAgents].filter((a): a is string => !!a))];
  if (targets.length > 0) ctx.agents.to(targets.map(agentRoom)).emit('conversation:updated', agent);
  return { visitor, agent };
}

/** Queue snapshot to the department's agents, and fresh positions to every waiting visitor. */
export async function publishQueue(ctx: AppContext, departmentId: string): Promise<void> {
  const queue = await departmentQueue(ctx.db, departmentId);
  const items = await agentViews(ctx, queue.ids);
  ctx.agents.to(deptRoom(departmentId)).emit('queue:updated', { departmentId, items });
  if (queue.ids.length === 0) return;
  const rows = await ctx.db.select().from(conversations).where(inArray(conversations.id, queue.ids));
  for (const row of rows) {
    if (row.status !== 'queued') continue;
    ctx.visitors.to(convRoom(row.id)).emit('conversation:updated', await visitorView(ctx, row, queue));
  }
}

export async function queueSnapshots(ctx: AppContext, departmentIds: string[]) {
  const out = [];
  for (const departmentId of departmentIds) {
    const queue = await departmentQueue(ctx.db, departmentId);
    out.push({ departmentId, items: await agentViews(ctx, queue.ids) });
  }
  return out;
}

// ---------- visitor side ----------

export async function startConversation(
  ctx: AppContext,
  visitor: { visitorId: string; siteId: string },
  input: { departmentId?: string; locale?: Locale; pageUrl?: string; help?: HelpContext },
): Promise<ConversationSync<VisitorConversation>> {
  const help = helpEvent(input.help);
  // One open conversation per visitor: a repeated start (double click, retry) resumes it.
  const [open] = await ctx.db
    .select()
    .from(conversations)
    .where(and(ownedByVisitor(visitor.visitorId), ne(conversations.status, 'closed')))
    .orderBy(desc(conversations.createdAt))
    .limit(1);
  if (open) {
    // Back from the help center with a chat already going: the agent still learns what they read.
    if (help) await appendMessage(ctx, open, { author: 'system', authorName: null, body: '', meta: { system: help } });
    return syncConversation(ctx, open, 0);
  }
  if (input.departmentId) await departmentOf(ctx, visitor.siteId, input.departmentId);
  const [v] = await ctx.db.select().from(visitors).where(eq(visitors.id, visitor.visitorId));
  const locale = input.locale ?? v?.locale ?? 'en';
  // The site's own greeting (console Site tab) where its admin wrote one for this language.
  const [site] = await ctx.db.select({ widget: sites.widget }).from(sites).where(eq(sites.id, visitor.siteId));
  const greeting = siteText(site?.widget.greeting, locale) ?? BOT_TEXT.greeting[locale];
  const now = ctx.clock();
  const conv = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(conversations)
      .values({ siteId: visitor.siteId, visitorId: visitor.visitorId, departmentId: input.departmentId ?? null, locale, pageUrl: input.pageUrl ?? v?.pageUrl ?? null, createdAt: now, updatedAt: now })
      .returning();
    await insertMessage(ctx, tx, row!.id, { author: 'bot', authorName: BOT_TEXT.name[locale], body: greeting });
    if (help) await insertMessage(ctx, tx, row!.id, { author: 'system', authorName: null, body: '', meta: { system: help } });
    await emitWebhookEvent(tx, ctx, visitor.siteId, 'conversation.created', { conversation: conversationPayload(row!) }, { now });
    return row!;
  });
  if (input.pageUrl) await ctx.db.update(visitors).set({ pageUrl: input.pageUrl, locale }).where(eq(visitors.id, visitor.visitorId));
  ctx.visitors.in(await visitorRooms(ctx, visitor.visitorId)).socketsJoin(convRoom(conv.id));
  return syncConversation(ctx, await getConversation(ctx, conv.id), 0);
}

/** The system event recording where a visitor came from in the help center; null when there is nothing to say. */
function helpEvent(help: HelpContext | undefined): SystemEvent | null {
  if (!help || (!help.articleTitle && !help.query)) return null;
  return { kind: 'from_help', ...(help.articleTitle ? { articleTitle: help.articleTitle } : {}), ...(help.query ? { query: help.query } : {}) };
}

export async function syncConversation(ctx: AppContext, conv: ConversationRow, afterSeq: number): Promise<ConversationSync<VisitorConversation>> {
  const page = await messagesAfter(ctx, conv.id, afterSeq, LIMITS.historyPage);
  return { conversation: await visitorView(ctx, conv), ...page };
}

export async function newestOpenConversation(ctx: AppContext, visitorId: string): Promise<ConversationRow | null> {
  const [open] = await ctx.db
    .select()
    .from(conversations)
    .where(and(ownedByVisitor(visitorId), ne(conversations.status, 'closed')))
    .orderBy(desc(conversations.createdAt))
    .limit(1);
  return open ?? null;
}

/**
 * A visitor's message. Takes only the conversation's id and site: its status is read under the
 * writer's row lock with the message itself, so the hot path does no lookup of its own (the caller has
 * checked ownership, which never changes). `from`: the sending socket, which hears its message in the
 * ack rather than in a broadcast.
 */
export async function visitorSend(ctx: AppContext, ref: { id: string; siteId: string; visitorId: string }, input: { clientId: string; body: string }, from?: string): Promise<Message> {
  // authorName null: the writer fills in the visitor's name inside its INSERT.
  const { message, duplicate, conversation } = await appendMessage(
    ctx,
    ref,
    { author: 'visitor', authorId: ref.visitorId, authorName: null, body: input.body, clientId: input.clientId },
    { from },
  );
  // The console's queue shows each waiting conversation's last message.
  if (!duplicate && conversation.status === 'queued' && conversation.departmentId) await publishQueue(ctx, conversation.departmentId);
  if (!duplicate && conversation.status === 'bot') {
    // After the ack: the visitor sees their message confirmed before the bot's answer arrives.
    setImmediate(() => void runBot(ctx, ref.id, message));
  }
  return message;
}

/**
 * One more miss while the bot still has the conversation: the new count, or null when a person has it
 * by now (the miss no longer matters).
 */
export async function countBotMiss(ctx: AppContext, conversationId: string): Promise<number | null> {
  const [bumped] = await ctx.db
    .update(conversations)
    .set({ botMisses: sql`${conversations.botMisses} + 1` })
    .where(and(eq(conversations.id, conversationId), eq(conversations.status, 'bot')))
    .returning({ misses: conversations.botMisses });
  return bumped?.misses ?? null;
}

/** An answer ends a run of misses: it takes misses in a row, not in a whole conversation, to hand off. */
export async function clearBotMisses(ctx: AppContext, conversationId: string): Promise<void> {
  await ctx.db
    .update(conversations)
    .set({ botMisses: 0 })
    .where(and(eq(conversations.id, conversationId), sql`${conversations.botMisses} <> 0`));
}

export async function agentSend(ctx: AppContext, agent: AgentAccess, conversationId: string, input: { clientId: string; body: string }, from?: string): Promise<Message> {
  const conv = await agentConversation(ctx, agent, conversationId);
  if (conv.status === 'closed') {
    // A retry of a message stored before the close still gets its row back.
    const [dup] = await ctx.db.select().from(messages).where(and(eq(messages.conversationId, conv.id), eq(messages.clientId, input.clientId)));
    if (dup) return toMessage(dup);
    throw new AppError('closed', 'the conversation is closed');
  }
  if (conv.agentId !== agent.id && agent.role !== 'admin') throw new AppError('forbidden', 'claim the conversation before replying');
  const { message } = await appendMessage(ctx, conv, { author: 'agent', authorId: agent.id, authorName: agent.name, body: input.body, clientId: input.clientId }, { from });
  return message;
}

export async function markRead(ctx: AppContext, agent: AgentAccess, conversationId: string, seq: number): Promise<AgentConversation> {
  const conv = await agentConversation(ctx, agent, conversationId);
  if (conv.agentId !== agent.id && agent.role !== 'admin') throw new AppError('forbidden', 'only the owning agent keeps read marks');
  // Marks only move forward and never past what exists.
  await ctx.db
    .update(conversations)
    .set({ agentReadSeq: sql`greatest(${conversations.agentReadSeq}, least(${seq}, ${conversations.lastSeq}))` })
    .where(eq(conversations.id, conv.id));
  const view = await agentView(ctx, conv.id);
  ctx.agents.to(agentRoom(agent.id)).emit('conversation:updated', view);
  return view;
}

export async function ownConversations(ctx: AppContext, agentId: string): Promise<AgentConversation[]> {
  const rows = await ctx.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.agentId, agentId), eq(conversations.status, 'assigned')))
    .orderBy(asc(conversations.assignedAt));
  return agentViews(ctx, rows.map((r) => r.id));
}
