import type { ErrorCodeValue, Locale } from './constants.js';
import type { SurveyOffer } from './surveys.js';

/** Every command is acknowledged with one of these. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };
export interface ProtocolError {
  code: ErrorCodeValue;
  message: string;
  /** For `rate_limited`: when a retry may succeed. */
  retryAfterMs?: number;
}
export type AckCallback<T> = (response: Ack<T>) => void;

/** ISO-8601 timestamps on the wire (Socket.IO serialises Dates to strings anyway). */
export type IsoDate = string;

export type ConversationStatus = 'bot' | 'queued' | 'assigned' | 'closed';
export type AuthorKind = 'visitor' | 'agent' | 'bot' | 'system';
export type AgentRole = 'admin' | 'supervisor' | 'agent';
export type AgentPresence = 'online' | 'away' | 'offline';
export type RoutingMode = 'manual' | 'auto';

/** Localised labels; `en` is always present. */
export interface LocalizedText {
  en: string;
  'zh-CN'?: string;
  'zh-TW'?: string;
}

/**
 * System events are stored as codes, not sentences, so each side renders them in its own language.
 * `name` is the agent's display name where relevant.
 */
export type SystemEvent =
  | { kind: 'queued'; departmentId: string; departmentName: LocalizedText }
  | { kind: 'agent_joined'; name: string }
  | { kind: 'transferred'; toName?: string; toDepartment?: LocalizedText }
  | { kind: 'closed'; by: 'visitor' | 'agent' | 'system' }
  | { kind: 'requeued' }
  /** The visitor came from the help center: the article they read and what they searched, for the agent. */
  | { kind: 'from_help'; articleTitle?: string; query?: string }
  /** An agent opened a ticket from this chat; its link goes to the visitor by email, never into the chat. */
  | { kind: 'ticket_opened'; number: string };

export interface MessageMeta {
  /** Bot messages: the knowledge-base articles it answered from (first) or suggests. */
  articles?: { id: string; title: string }[];
  /** Buttons the widget renders under a bot message. */
  actions?: Array<'handoff'>;
  system?: SystemEvent;
  /** A bot answer from the knowledge base: the widget asks "Did this answer your question?" (command `bot:feedback`). */
  feedback?: 'ask';
  /** The bot's reply to the visitor's feedback on the answer `messageId`; it marks that answer's question as answered. */
  feedbackFor?: { messageId: string; helpful: boolean };
  /** Bot replies: the visitor message they respond to. */
  replyTo?: string;
}

export interface Message {
  id: string;
  conversationId: string;
  /** Gap-free per conversation, starting at 1; the order of record. */
  seq: number;
  /** The sender's idempotency key (UUID); null for bot and system messages. */
  clientId: string | null;
  author: AuthorKind;
  authorName: string | null;
  body: string;
  meta: MessageMeta | null;
  createdAt: IsoDate;
}

export interface QueueInfo {
  /** 1-based position among conversations waiting in the same department. */
  position: number;
  estimatedWaitSeconds: number;
  /** Number of agents of that department online now; 0 means the widget offers to leave a message. */
  agentsOnline: number;
}

/** What the visitor may know about their conversation. */
export interface VisitorConversation {
  id: string;
  status: ConversationStatus;
  departmentId: string | null;
  agent: { name: string } | null;
  queue: QueueInfo | null;
  lastSeq: number;
  createdAt: IsoDate;
  closedAt: IsoDate | null;
  /** Closed, and a person took part: "how did we do?" (CSAT), for this visitor only. */
  survey: SurveyOffer | null;
}

export interface Department {
  id: string;
  name: LocalizedText;
  routing: RoutingMode;
}

export interface AgentProfile {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  presence: AgentPresence;
  capacity: number;
  departmentIds: string[];
}

/** What an agent sees of a conversation, in lists and in the conversation view. */
export interface AgentConversation {
  id: string;
  status: ConversationStatus;
  departmentId: string | null;
  agentId: string | null;
  agentName: string | null;
  visitor: { id: string; name: string | null; pageUrl: string | null; locale: Locale };
  lastSeq: number;
  /** Messages from the visitor after the owning agent's last read mark. */
  unread: number;
  lastMessage: { body: string; author: AuthorKind; createdAt: IsoDate } | null;
  queuedAt: IsoDate | null;
  assignedAt: IsoDate | null;
  closedAt: IsoDate | null;
  createdAt: IsoDate;
}

export interface TypingState {
  conversationId: string;
  author: 'visitor' | 'agent';
  name: string | null;
  typing: boolean;
}

/** Messages after `afterSeq`, oldest first, plus the current status: what a (re)connect needs. */
export interface ConversationSync<C> {
  conversation: C;
  messages: Message[];
  /** True when more than one page followed `afterSeq`; ask again from the last seq received. */
  hasMore: boolean;
}

export interface LoginResult {
  token: string;
  expiresAt: IsoDate;
  agent: AgentProfile;
}

export interface VisitorSession {
  visitorId: string;
  /** Secret; the server stores only its hash. Kept in the visitor's localStorage. */
  token: string;
}

export interface SiteInfo {
  name: string;
  /** Departments visitors may choose from. */
  departments: Department[];
  agentsOnline: number;
  /** The launcher's colour and place, the greeting and the offline message, as the site's admin set them. */
  widget: import('./site-admin.js').SiteWidget;
}

export interface HealthStatus {
  status: 'ok' | 'degraded';
  database: { ok: boolean; driver: 'pglite' | 'postgres'; latencyMs: number | null; error?: string };
  uptimeSeconds: number;
}
