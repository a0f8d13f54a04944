/**
 * Outgoing webhooks: a site's endpoints and the delivery log. Re-exported from db/schema.ts so
 * drizzle-kit and the query builder see them. A delivery row is written in the transaction of the change
 * it reports, with its `webhook.deliver` job, so an event is delivered exactly when its cause committed.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Locale, WebhookDeliveryStatus, WebhookEnvelope, WebhookEventType, WebhookFormat } from '@parley/protocol';
import { sites } from '../db/schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    url: text('url').notNull(),
    format: text('format').$type<WebhookFormat>().notNull().default('parley'),
    events: text('events').array().$type<WebhookEventType[]>().notNull(),
    active: boolean('active').notNull().default(true),
    /** The language of robot messages (sites have no language of their own). */
    locale: text('locale').$type<Locale>().notNull().default('en'),
    /**
     * Our HMAC key (`parley`), or the robot's signing secret. Stored as given: it must be usable to
     * sign, so it cannot be hashed; the API shows it only when it is made.
     */
    secret: text('secret'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('webhook_endpoints_site_idx').on(t.siteId)],
);

/** One event to one endpoint; each try updates it (the latest result) and appends to `tries`. */
export interface DeliveryTry {
  at: string;
  status: number | null;
  error: string | null;
  ms: number;
}

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    event: text('event').$type<WebhookEventType>().notNull(),
    /** The same for every endpoint, retry and resend of one event: what receivers deduplicate on. */
    eventId: uuid('event_id').notNull(),
    /** What happened; the request body is rendered from it at each try, in the endpoint's current format. */
    envelope: jsonb('envelope').$type<WebhookEnvelope>().notNull(),
    /** One line for the log, e.g. "Ticket T-2026-000123 escalated to level 2 (executive): Broken kettle". */
    summary: text('summary').notNull(),
    status: text('status').$type<WebhookDeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    lastDurationMs: integer('last_duration_ms'),
    tries: jsonb('tries').$type<DeliveryTry[]>().notNull().default(sql`'[]'::jsonb`),
    resendOf: uuid('resend_of'),
    createdAt: at('created_at').notNull().defaultNow(),
    lastAttemptAt: at('last_attempt_at'),
    deliveredAt: at('delivered_at'),
  },
  (t) => [index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt), index('webhook_deliveries_site_idx').on(t.siteId, t.createdAt)],
);
