/**
 * Emitting webhook events. `emitWebhookEvent` runs inside the transaction of the change it reports and
 * writes one delivery row and one `webhook.deliver` job per subscribed endpoint, so an event is
 * delivered exactly when its cause committed (and never for a change that rolled back).
 *
 * Most sites subscribe to nothing, and some events (message.created) are on hot paths, so each process
 * keeps which events each site's active endpoints want, for a few seconds. An event nobody wants costs
 * no query at all. A change made through this process's API takes effect at once; one made through
 * another process is seen here within WEBHOOK_CACHE_MS.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '../conversations/views.js';
import type { Locale, WebhookEnvelope, WebhookEventData, WebhookEventType, WebhookTicket } from '@parley/protocol';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/client.js';
import { jobs } from '../jobs/schema.js';
import type { TicketRow } from '../tickets/dto.js';
import type { MessageRow } from '../conversations/views.js';
import { describeEvent } from './formats.js';
import { webhookDeliveries, webhookEndpoints } from './schema.js';

export const WEBHOOK_DELIVER_JOB = 'webhook.deliver';
export const WEBHOOK_CACHE_MS = 5000;

interface SiteSubscriptions {
  events: Set<WebhookEventType>;
  loadedAt: number;
}

/** Per process (on ctx.state): which events each site's active endpoints want. */
export interface WebhookCache {
  sites: Map<string, SiteSubscriptions>;
  /** Bumped by every local change: a load that started before it must not store what it read. */
  generation: number;
}

export function createWebhookCache(): WebhookCache {
  return { sites: new Map(), generation: 0 };
}

/** After this process changed a site's endpoints: the next event reads them again. */
export function forgetSite(ctx: AppContext, siteId: string): void {
  ctx.state.webhooks.generation++;
  ctx.state.webhooks.sites.delete(siteId);
}

/** Whether an event may have a subscriber; false only when that is known (and fresh). No query when warm. */
export async function wantsEvent(ex: Executor, ctx: AppContext, siteId: string, event: WebhookEventType): Promise<boolean> {
  const cache = ctx.state.webhooks;
  const now = Date.now();
  const known = cache.sites.get(siteId);
  if (known && now - known.loadedAt < WEBHOOK_CACHE_MS) return known.events.has(event);
  const generation = cache.generation;
  const rows = await ex.select({ events: webhookEndpoints.events }).from(webhookEndpoints).where(and(eq(webhookEndpoints.siteId, siteId), eq(webhookEndpoints.active, true)));
  const events = new Set(rows.flatMap((r) => r.events));
  if (cache.generation === generation) cache.sites.set(siteId, { events, loadedAt: now });
  return events.has(event);
}

/** The synchronous half of `wantsEvent`, for the message writer's batches: undefined when not known. */
export function knownWants(ctx: AppContext, siteId: string, event: WebhookEventType): boolean | undefined {
  const known = ctx.state.webhooks.sites.get(siteId);
  if (!known || Date.now() - known.loadedAt >= WEBHOOK_CACHE_MS) return undefined;
  return known.events.has(event);
}

/**
 * Inside the caller's transaction: one delivery and one job per active endpoint of the site that
 * subscribes to `event`. Returns how many deliveries were made.
 */
export async function emitWebhookEvent<T extends WebhookEventType>(ex: Executor, ctx: AppContext, siteId: string, event: T, data: WebhookEventData[T], opts: { now?: Date } = {}): Promise<number> {
  if (!(await wantsEvent(ex, ctx, siteId, event))) return 0;
  const now = opts.now ?? ctx.clock();
  const envelope: WebhookEnvelope<T> = { id: randomUUID(), type: event, createdAt: now.toISOString(), siteId, data };
  return insertDeliveries(ex, envelope as WebhookEnvelope, now, null);
}

/**
 * The delivery rows (for the endpoints that want the event, as of this transaction) and their jobs, in
 * two statements whatever the number of endpoints. `endpointId` narrows it to one (a resend).
 */
export async function insertDeliveries(ex: Executor, envelope: WebhookEnvelope, now: Date, resend: { endpointId: string; of: string } | null): Promise<number> {
  const summary = describeEvent(envelope, 'en', null).line;
  const which = resend
    ? sql`e.id = ${resend.endpointId}::uuid and e.site_id = ${envelope.siteId}::uuid`
    : sql`e.site_id = ${envelope.siteId}::uuid and e.active and ${envelope.type} = any(e.events)`;
  const rows = rowsOf<{ id: string }>(
    await ex.execute(sql`
      insert into ${webhookDeliveries} (site_id, endpoint_id, event, event_id, envelope, summary, resend_of, created_at)
      select e.site_id, e.id, ${envelope.type}, ${envelope.id}::uuid, ${JSON.stringify(envelope)}::jsonb, ${summary}, ${resend?.of ?? null}::uuid, ${now.toISOString()}::timestamptz
      from ${webhookEndpoints} e where ${which}
      returning id`),
  );
  if (rows.length === 0) return 0;
  await ex.insert(jobs).values(rows.map((r) => ({ kind: WEBHOOK_DELIVER_JOB, key: r.id, runAt: now, payload: {} })));
  return rows.length;
}

/**
 * The message writer's hook (inside each batch's transaction): `message.created` for people's and the
 * bot's messages. A site known to want nothing costs a map lookup per batch; otherwise a query every
 * WEBHOOK_CACHE_MS, and a subscribed site pays two statements per message.
 */
export async function emitMessageEvents(tx: Executor, ctx: AppContext, written: Array<{ siteId: string; row: MessageRow }>): Promise<void> {
  const bySite = new Map<string, MessageRow[]>();
  for (const { siteId, row } of written) {
    // System messages (joined, transferred...) are the conversation events' business.
    if (row.author === 'system') continue;
    const list = bySite.get(siteId);
    if (list) list.push(row);
    else bySite.set(siteId, [row]);
  }
  for (const [siteId, rows] of bySite) {
    if (knownWants(ctx, siteId, 'message.created') === false) continue;
    for (const m of rows) {
      const message = { id: m.id, conversationId: m.conversationId, seq: m.seq, author: m.author, authorName: m.authorName, body: m.body, createdAt: m.createdAt.toISOString() };
      if ((await emitWebhookEvent(tx, ctx, siteId, 'message.created', { message }, { now: m.createdAt })) === 0) break;
    }
  }
}

// ---------- payloads ----------

export function ticketPayload(t: TicketRow): WebhookTicket {
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    status: t.status,
    priority: t.priority,
    source: t.source,
    departmentId: t.departmentId,
    assigneeId: t.assigneeId,
    escalationLevel: Math.max(0, Math.min(3, t.escalationLevel)) as WebhookTicket['escalationLevel'],
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** The columns of a conversation row an event carries. */
export function conversationPayload(c: { id: string; status: WebhookEventData['conversation.created']['conversation']['status']; departmentId: string | null; agentId: string | null; visitorId: string; locale: Locale; createdAt: Date }) {
  return { id: c.id, status: c.status, departmentId: c.departmentId, agentId: c.agentId, visitorId: c.visitorId, locale: c.locale, createdAt: c.createdAt.toISOString() };
}

/** `ticket.updated` for the changes people act on (status, assignee, priority); nothing for the rest. */
export async function emitTicketUpdated(ex: Executor, ctx: AppContext, before: TicketRow, after: TicketRow, now: Date): Promise<void> {
  const changes: WebhookEventData['ticket.updated']['changes'] = {};
  if (before.status !== after.status) changes.status = { from: before.status, to: after.status };
  if (before.priority !== after.priority) changes.priority = { from: before.priority, to: after.priority };
  if (before.assigneeId !== after.assigneeId) changes.assigneeId = { from: before.assigneeId, to: after.assigneeId };
  if (Object.keys(changes).length === 0) return;
  await emitWebhookEvent(ex, ctx, after.siteId, 'ticket.updated', { ticket: ticketPayload(after), changes }, { now });
}
