/**
 * Outgoing webhooks (DESIGN.md "Integrations"): what a site's endpoints receive and what the console's
 * `/api/console/webhooks` API carries. Validators for the inbound ones live in `./schemas-webhooks`
 * (server only).
 */
import type { Locale } from './constants.js';
import type { AuthorKind, ConversationStatus, IsoDate } from './types.js';
import type { EscalationLevel, TicketPriority, TicketSource, TicketStatus } from './tickets.js';
import type { SurveyKind } from './surveys.js';

/** Every event an endpoint can subscribe to, in the order the console lists them. */
export const WEBHOOK_EVENTS = [
  'conversation.created',
  'conversation.queued',
  'conversation.assigned',
  'conversation.closed',
  'message.created',
  'ticket.created',
  'ticket.updated',
  'ticket.escalated',
  'survey.answered',
  'announcement.published',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/**
 * `parley`: our signed JSON envelope. The others post a short human message in the shape that
 * DingTalk's, WeCom's (企业微信) or Feishu's (飞书) group robots accept.
 */
export const WEBHOOK_FORMATS = ['parley', 'dingtalk', 'wecom', 'feishu'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export interface WebhookConversation {
  id: string;
  status: ConversationStatus;
  departmentId: string | null;
  agentId: string | null;
  visitorId: string;
  locale: Locale;
  createdAt: IsoDate;
}

export interface WebhookMessage {
  id: string;
  conversationId: string;
  seq: number;
  author: AuthorKind;
  authorName: string | null;
  body: string;
  createdAt: IsoDate;
}

export interface WebhookTicket {
  id: string;
  number: string;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  source: TicketSource;
  departmentId: string | null;
  assigneeId: string | null;
  escalationLevel: EscalationLevel;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

/** What changed in a `ticket.updated`: only the fields that did. */
export interface WebhookTicketChanges {
  status?: { from: TicketStatus; to: TicketStatus };
  priority?: { from: TicketPriority; to: TicketPriority };
  assigneeId?: { from: string | null; to: string | null };
}

export interface WebhookSurveyResponse {
  id: string;
  kind: SurveyKind;
  score: number;
  comment: string | null;
  conversationId: string | null;
  ticketId: string | null;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

/** The `data` of each event type. */
export interface WebhookEventData {
  'conversation.created': { conversation: WebhookConversation };
  'conversation.queued': { conversation: WebhookConversation };
  'conversation.assigned': { conversation: WebhookConversation; agentName: string };
  'conversation.closed': { conversation: WebhookConversation; by: 'visitor' | 'agent' | 'system' };
  'message.created': { message: WebhookMessage };
  'ticket.created': { ticket: WebhookTicket };
  'ticket.updated': { ticket: WebhookTicket; changes: WebhookTicketChanges };
  /** Level 1 goes to the department's supervisors, 2 and 3 to the executives. */
  'ticket.escalated': { ticket: WebhookTicket; level: 1 | 2 | 3 };
  /** `changed`: a changed answer (within the 24 hours it may be changed), not the first. */
  'survey.answered': { response: WebhookSurveyResponse; changed: boolean };
  'announcement.published': { announcement: { id: string; title: string; urgent: boolean; publishedAt: IsoDate } };
}

/**
 * The body of a `parley`-format delivery. `id` names the event: a resend or a retry carries the same
 * one, so receivers deduplicate on it. Signed: `X-Parley-Signature: sha256=<hex HMAC-SHA256(secret,
 * "<X-Parley-Timestamp>.<raw body>")>`.
 */
export interface WebhookEnvelope<T extends WebhookEventType = WebhookEventType> {
  id: string;
  type: T;
  createdAt: IsoDate;
  siteId: string;
  data: WebhookEventData[T];
  /** Set on the console's "send test event". */
  test?: true;
}

/** An endpoint as the console lists it; the secret itself is shown once, when it is made. */
export interface WebhookEndpoint {
  id: string;
  name: string;
  url: string;
  format: WebhookFormat;
  events: WebhookEventType[];
  active: boolean;
  /** The language of robot messages. */
  locale: Locale;
  /** The secret's last four characters, or null when there is none (a robot without signing). */
  secretHint: string | null;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

/** Create, or update with `rotateSecret`: the whole secret, this once. */
export interface WebhookEndpointWithSecret extends WebhookEndpoint {
  secret: string | null;
}

/**
 * `POST /api/console/webhooks` (admins). `secret`: for `parley` one is generated when not given; for the
 * robots it is the robot's signing secret (DingTalk "加签" SEC..., Feishu "签名校验"), none for WeCom.
 */
export interface WebhookEndpointInput {
  name: string;
  url: string;
  format?: WebhookFormat;
  events: WebhookEventType[];
  active?: boolean;
  locale?: Locale;
  secret?: string;
}

/** `PATCH /api/console/webhooks/:id`: only what changes. `secret: null` removes a robot's signing secret. */
export interface WebhookEndpointPatch {
  name?: string;
  url?: string;
  events?: WebhookEventType[];
  active?: boolean;
  locale?: Locale;
  secret?: string | null;
  rotateSecret?: true;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One row of the delivery log: one event to one endpoint, with its tries. */
export interface WebhookDelivery {
  id: string;
  endpointId: string;
  event: WebhookEventType;
  eventId: string;
  /** One line saying what the event was about, e.g. "Ticket T-2026-000123 escalated to level 2". */
  summary: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  /** The last try's HTTP status, or null when it got none (refused, timed out). */
  lastStatus: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  createdAt: IsoDate;
  lastAttemptAt: IsoDate | null;
  deliveredAt: IsoDate | null;
  /** The delivery this one resends, if it is a resend. */
  resendOf: string | null;
}
