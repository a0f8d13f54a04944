/**
 * A site's webhook endpoints and their delivery log, for the console (admins). Secrets are shown when
 * they are made (create, rotate) and otherwise only as their last four characters.
 */
import { auditChange, auditEvent, urlForAudit } from '../audit/wiring.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { and, count, desc, eq, lt } from 'drizzle-orm';
import type {
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointInput,
  WebhookEndpointPatch,
  WebhookEndpointWithSecret,
  WebhookEnvelope,
  WebhookEventData,
  WebhookEventType,
  WebhookFormat,
} from '@parley/protocol';
import { WEBHOOK_LIMITS } from '@parley/protocol/schemas';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/client.js';
import { AppError } from '../lib/errors.js';
import { attemptDelivery } from './deliver.js';
import { forgetSite, insertDeliveries } from './events.js';
import { describeEvent } from './formats.js';
import { literalInternalHost } from './http.js';
import { webhookDeliveries, webhookEndpoints } from './schema.js';
import type { DeliveryTry } from './schema.js';

type EndpointRow = typeof webhookEndpoints.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

export function endpointDto(r: EndpointRow): WebhookEndpoint {
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    format: r.format,
    events: r.events,
    active: r.active,
    locale: r.locale,
    secretHint: r.secret ? `…${r.secret.slice(-4)}` : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function deliveryDto(r: DeliveryRow): WebhookDelivery {
  return {
    id: r.id,
    endpointId: r.endpointId,
    event: r.event,
    eventId: r.eventId,
    summary: r.summary,
    status: r.status,
    attempts: r.attempts,
    lastStatus: r.lastStatus,
    lastError: r.lastError,
    lastDurationMs: r.lastDurationMs,
    createdAt: r.createdAt.toISOString(),
    lastAttemptAt: r.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    resendOf: r.resendOf,
  };
}

/** What the server refuses beyond the schema: internal hosts when they are off limits, a secret WeCom cannot use. */
function checkTarget(ctx: AppContext, url: string, format: WebhookFormat, secret: string | null | undefined): void {
  if (ctx.config.webhookPrivate === 'deny') {
    const host = literalInternalHost(url);
    if (host) throw new AppError('invalid', `url: ${host} is an internal address, which this server does not call (WEBHOOK_PRIVATE=deny)`);
  }
  if (format === 'wecom' && secret) throw new AppError('invalid', 'secret: WeCom group robots do not sign requests (the key in the URL is the credential); leave secret out');
}

export async function listEndpoints(db: Executor, siteId: string): Promise<WebhookEndpoint[]> {
  const rows = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.siteId, siteId)).orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
  return rows.map(endpointDto);
}

async function endpointOf(db: Executor, siteId: string, id: string): Promise<EndpointRow> {
  const [row] = await db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.siteId, siteId)));
  if (!row) throw new AppError('not_found', 'no such webhook endpoint');
  return row;
}

export async function getEndpoint(db: Executor, siteId: string, id: string): Promise<WebhookEndpoint> {
  return endpointDto(await endpointOf(db, siteId, id));
}

export async function createEndpoint(ctx: AppContext, siteId: string, input: WebhookEndpointInput, actorId: string | null = null): Promise<WebhookEndpointWithSecret> {
  const format = input.format ?? 'parley';
  checkTarget(ctx, input.url, format, input.secret);
  const secret = input.secret ?? (format === 'parley' ? newSecret() : null);
  const now = ctx.clock();
  const row = await ctx.db.transaction(async (tx) => {
    const [n] = await tx.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.siteId, siteId));
    if ((n?.n ?? 0) >= WEBHOOK_LIMITS.endpointsPerSite) throw new AppError('invalid', `a site may have at most ${WEBHOOK_LIMITS.endpointsPerSite} webhook endpoints`);
    const [created] = await tx
      .insert(webhookEndpoints)
      .values({ siteId, name: input.name, url: input.url, format, events: input.events, active: input.active ?? true, locale: input.locale ?? 'en', secret, createdAt: now, updatedAt: now })
      .returning();
    const who = { siteId, actorId, at: now };
    await auditEvent(tx, who, 'webhook.endpoint_created', { type: 'webhook', id: created!.id }, { after: { name: created!.name, url: urlForAudit(created!.url), format, events: created!.events, active: created!.active } });
    if (secret) await auditEvent(tx, who, 'webhook.secret_shown', { type: 'webhook', id: created!.id });
    return created!;
  });
  forgetSite(ctx, siteId);
  return { ...endpointDto(row), secret };
}

/** The whole secret comes back only when it was rotated here. */
export async function updateEndpoint(ctx: AppContext, siteId: string, id: string, patch: WebhookEndpointPatch, actorId: string | null = null): Promise<WebhookEndpoint | WebhookEndpointWithSecret> {
  const current = await endpointOf(ctx.db, siteId, id);
  const url = patch.url ?? current.url;
  const rotated = patch.rotateSecret ? newSecret() : undefined;
  const secret = rotated ?? (patch.secret !== undefined ? patch.secret : current.secret);
  checkTarget(ctx, url, current.format, patch.secret !== undefined || rotated ? secret : null);
  if (current.format === 'parley' && !secret) throw new AppError('invalid', 'secret: a Parley endpoint needs a secret to sign with (use rotateSecret for a new one)');
  const [row] = await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(webhookEndpoints)
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.url !== undefined ? { url: patch.url } : {}),
        ...(patch.events !== undefined ? { events: patch.events } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
        secret,
        updatedAt: ctx.clock(),
      })
      .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.siteId, siteId)))
      .returning();
    const [r] = updated;
    const who = { siteId, actorId, at: ctx.clock() };
    const audited = (e: typeof current) => ({ name: e.name, url: urlForAudit(e.url), events: e.events, active: e.active, locale: e.locale });
    if (r) await auditChange(tx, who, 'webhook.endpoint_updated', { type: 'webhook', id }, audited(current), audited(r));
    if (r && (rotated || patch.secret !== undefined)) await auditEvent(tx, who, rotated ? 'webhook.secret_shown' : 'webhook.secret_changed', { type: 'webhook', id });
    return updated;
  });
  if (!row) throw new AppError('not_found', 'no such webhook endpoint');
  forgetSite(ctx, siteId);
  return rotated ? { ...endpointDto(row), secret: rotated } : endpointDto(row);
}

/** Its log goes with it; pending deliveries find no endpoint and end quietly. */
export async function deleteEndpoint(ctx: AppContext, siteId: string, id: string, actorId: string | null = null): Promise<void> {
  const gone = await ctx.db.transaction(async (tx) => {
    const rows = await tx.delete(webhookEndpoints).where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.siteId, siteId))).returning({ id: webhookEndpoints.id, name: webhookEndpoints.name, url: webhookEndpoints.url });
    for (const r of rows) await auditEvent(tx, { siteId, actorId, at: ctx.clock() }, 'webhook.endpoint_deleted', { type: 'webhook', id }, { before: { name: r.name, url: urlForAudit(r.url) } });
    return rows;
  });
  if (gone.length === 0) throw new AppError('not_found', 'no such webhook endpoint');
  forgetSite(ctx, siteId);
}

/** Newest first, paged by `before` (a createdAt). */
export async function listDeliveries(db: Executor, siteId: string, opts: { endpointId?: string; limit: number; before?: Date }): Promise<WebhookDelivery[]> {
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.siteId, siteId),
        opts.endpointId ? eq(webhookDeliveries.endpointId, opts.endpointId) : undefined,
        opts.before ? lt(webhookDeliveries.createdAt, opts.before) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(opts.limit);
  return rows.map(deliveryDto);
}

/** One delivery with every try kept and what was sent. */
export async function getDelivery(db: Executor, siteId: string, id: string): Promise<WebhookDelivery & { tries: DeliveryTry[]; envelope: WebhookEnvelope }> {
  const [row] = await db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.siteId, siteId)));
  if (!row) throw new AppError('not_found', 'no such delivery');
  return { ...deliveryDto(row), tries: row.tries, envelope: row.envelope };
}

/** The same event again, to the same endpoint, as a new delivery (with its own tries) sent by the job runner. */
export async function resendDelivery(ctx: AppContext, siteId: string, id: string): Promise<WebhookDelivery> {
  const [original] = await ctx.db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.siteId, siteId)));
  if (!original) throw new AppError('not_found', 'no such delivery');
  const now = ctx.clock();
  const made = await ctx.db.transaction(async (tx) => {
    const endpoint = await endpointOf(tx, siteId, original.endpointId);
    if (!endpoint.active) throw new AppError('invalid', 'the endpoint is turned off; turn it on to resend');
    await insertDeliveries(tx, original.envelope, now, { endpointId: endpoint.id, of: original.id });
    const [row] = await tx
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.resendOf, original.id), eq(webhookDeliveries.siteId, siteId)))
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(1);
    return row!;
  });
  return deliveryDto(made);
}

/**
 * "Send test event": a made-up event of the chosen type (default: the first the endpoint subscribes to),
 * marked `test`, sent once right now so the admin sees the answer; it stays in the log like any other.
 */
export async function sendTestEvent(ctx: AppContext, siteId: string, endpointId: string, event: WebhookEventType | undefined): Promise<WebhookDelivery> {
  const endpoint = await endpointOf(ctx.db, siteId, endpointId);
  const type = event ?? endpoint.events[0] ?? 'ticket.created';
  const now = ctx.clock();
  const envelope = { id: randomUUID(), type, createdAt: now.toISOString(), siteId, data: sampleData(type, now), test: true } as WebhookEnvelope;
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookDeliveries)
      .values({ siteId, endpointId, event: type, eventId: envelope.id, envelope, summary: describeEvent(envelope, 'en', null).line, createdAt: now })
      .returning({ id: webhookDeliveries.id });
    return row!.id;
  });
  // Even a turned-off endpoint can be tried: that is how an admin checks it before turning it on.
  await attemptDelivery(ctx, ctx.db, id, now, true, { ignoreActive: true });
  const [row] = await ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return deliveryDto(row!);
}

function sampleData(type: WebhookEventType, now: Date): WebhookEventData[WebhookEventType] {
  const at = now.toISOString();
  const id = '00000000-0000-4000-8000-000000000000';
  const ticket = { id, number: `T-${now.getUTCFullYear()}-000000`, subject: 'Test ticket', status: 'open', priority: 'normal', source: 'api', departmentId: null, assigneeId: null, escalationLevel: 0, createdAt: at, updatedAt: at } as const;
  const conversation = { id, status: 'queued', departmentId: null, agentId: null, visitorId: id, locale: 'en', createdAt: at } as const;
  const samples: { [K in WebhookEventType]: WebhookEventData[K] } = {
    'conversation.created': { conversation: { ...conversation, status: 'bot' } },
    'conversation.queued': { conversation },
    'conversation.assigned': { conversation: { ...conversation, status: 'assigned', agentId: id }, agentName: 'Test Agent' },
    'conversation.closed': { conversation: { ...conversation, status: 'closed' }, by: 'agent' },
    'message.created': { message: { id, conversationId: id, seq: 1, author: 'visitor', authorName: 'Test Visitor', body: 'Hello, this is a test.', createdAt: at } },
    'ticket.created': { ticket },
    'ticket.updated': { ticket, changes: { status: { from: 'new', to: 'open' } } },
    'ticket.escalated': { ticket: { ...ticket, escalationLevel: 1 }, level: 1 },
    'survey.answered': { response: { id, kind: 'csat', score: 5, comment: 'Test answer', conversationId: null, ticketId: null, createdAt: at, updatedAt: at }, changed: false },
    'announcement.published': { announcement: { id, title: 'Test announcement', urgent: false, publishedAt: at } },
  };
  return samples[type];
}
