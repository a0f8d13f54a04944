import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AgentConversation, AuthorKind, Message, QueueInfo, VisitorConversation } from '@parley/protocol';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/client.js';
import { agentDepartments, agents, conversations, messages, visitors } from '../db/schema.js';
import { conversationSurvey } from '../surveys/offers.js';

export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;

const iso = (d: Date | string | null | undefined): string | null => (d == null ? null : new Date(d).toISOString());

export function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversationId,
    seq: row.seq,
    clientId: row.clientId,
    author: row.author,
    authorName: row.authorName,
    body: row.body,
    meta: row.meta ?? null,
    createdAt: iso(row.createdAt)!,
  };
}

/** Used when no conversation of the department was claimed yet: a visitor still wants a number. */
export const DEFAULT_WAIT_SECONDS = 90;

export interface DepartmentQueue {
  departmentId: string;
  /** Waiting conversation ids, oldest first. */
  ids: string[];
  info: Map<string, QueueInfo>;
}

/** Positions and wait estimates for one department's waiting list. */
export async function departmentQueue(db: Executor, departmentId: string): Promise<DepartmentQueue> {
  const waiting = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.departmentId, departmentId), eq(conversations.status, 'queued')))
    .orderBy(asc(conversations.queuedAt), asc(conversations.id));
  const [online] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(agentDepartments)
    .innerJoin(agents, eq(agents.id, agentDepartments.agentId))
    .where(and(eq(agentDepartments.departmentId, departmentId), eq(agents.presence, 'online')));
  // Average queue wait of the last 20 claims of this department.
  const [avg] = await db.execute(sql`
    select avg(extract(epoch from (assigned_at - queued_at)))::float8 as avg from (
      select assigned_at, queued_at from ${conversations}
      where department_id = ${departmentId} and assigned_at is not null and queued_at is not null and assigned_at >= queued_at
      order by assigned_at desc limit 20) recent`).then((r) => rowsOf<{ avg: number | string | null }>(r));
  const agentsOnline = online?.n ?? 0;
  const average = avg?.avg == null ? DEFAULT_WAIT_SECONDS : Number(avg.avg);
  const info = new Map<string, QueueInfo>();
  waiting.forEach((w, i) => {
    const position = i + 1;
    info.set(w.id, { position, agentsOnline, estimatedWaitSeconds: Math.round((position * average) / Math.max(1, agentsOnline)) });
  });
  return { departmentId, ids: waiting.map((w) => w.id), info };
}

/** `db.execute` answers an array on postgres.js and `{rows}` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

export async function visitorView(ctx: AppContext, conv: ConversationRow, queue?: DepartmentQueue): Promise<VisitorConversation> {
  let agent: { name: string } | null = null;
  if (conv.agentId && conv.status === 'assigned') {
    const [a] = await ctx.db.select({ name: agents.name }).from(agents).where(eq(agents.id, conv.agentId));
    agent = a ? { name: a.name } : null;
  }
  let queueInfo: QueueInfo | null = null;
  if (conv.status === 'queued' && conv.departmentId) {
    const q = queue ?? (await departmentQueue(ctx.db, conv.departmentId));
    queueInfo = q.info.get(conv.id) ?? null;
  }
  return {
    id: conv.id,
    status: conv.status,
    departmentId: conv.departmentId,
    agent,
    queue: queueInfo,
    lastSeq: conv.lastSeq,
    createdAt: iso(conv.createdAt)!,
    closedAt: iso(conv.closedAt),
    // Only this view carries the token: it goes to the conversation's own visitor sockets alone.
    survey: conv.status === 'closed' ? await conversationSurvey(ctx.db, conv.id, ctx.clock()) : null,
  };
}

/** Agent views of many conversations in one query, in the order of `ids`. */
export async function agentViews(ctx: AppContext, ids: string[]): Promise<AgentConversation[]> {
  if (ids.length === 0) return [];
  const unread = sql<number>`(select count(*)::int from ${messages} m where m.conversation_id = ${conversations.id} and m.author = 'visitor' and m.seq > ${conversations.agentReadSeq})`;
  // System rows have no text (each side renders them from codes), so a preview skips them.
  const lastMessage = sql<{ body: string; author: AuthorKind; createdAt: string } | null>`(select json_build_object('body', m.body, 'author', m.author, 'createdAt', m.created_at) from ${messages} m where m.conversation_id = ${conversations.id} and m.author <> 'system' order by m.seq desc limit 1)`;
  const rows = await ctx.db
    .select({ c: conversations, visitorName: visitors.name, visitorLocale: visitors.locale, visitorPage: visitors.pageUrl, agentName: agents.name, unread, lastMessage })
    .from(conversations)
    .innerJoin(visitors, eq(visitors.id, conversations.visitorId))
    .leftJoin(agents, eq(agents.id, conversations.agentId))
    .where(inArray(conversations.id, ids));
  const byId = new Map(rows.map((r) => [r.c.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const c = r.c;
    const last = typeof r.lastMessage === 'string' ? (JSON.parse(r.lastMessage) as typeof r.lastMessage) : r.lastMessage;
    return [
      {
        id: c.id,
        status: c.status,
        departmentId: c.departmentId,
        agentId: c.agentId,
        agentName: c.agentId ? (r.agentName ?? null) : null,
        visitor: { id: c.visitorId, name: r.visitorName, pageUrl: c.pageUrl ?? r.visitorPage, locale: c.locale ?? r.visitorLocale },
        lastSeq: c.lastSeq,
        unread: Number(r.unread ?? 0),
        lastMessage: last ? { body: last.body, author: last.author, createdAt: iso(last.createdAt)! } : null,
        queuedAt: iso(c.queuedAt),
        assignedAt: iso(c.assignedAt),
        closedAt: iso(c.closedAt),
        createdAt: iso(c.createdAt)!,
      },
    ];
  });
}

export async function agentView(ctx: AppContext, id: string): Promise<AgentConversation> {
  const [view] = await agentViews(ctx, [id]);
  if (!view) throw new Error(`conversation ${id} vanished`);
  return view;
}

/** Messages after `afterSeq`, one page, plus whether more follow. */
export async function messagesAfter(ctx: AppContext, conversationId: string, afterSeq: number, limit: number): Promise<{ messages: Message[]; hasMore: boolean }> {
  const rows = await ctx.db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), sql`${messages.seq} > ${afterSeq}`))
    .orderBy(asc(messages.seq))
    .limit(limit + 1);
  return { messages: rows.slice(0, limit).map(toMessage), hasMore: rows.length > limit };
}

