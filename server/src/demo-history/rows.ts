/**
 * The rows the generator produces, named and shaped like the tables' columns (snake case, ISO
 * timestamps), so write.ts can hand them to PostgreSQL as JSON without a mapping step.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { MessageMeta, TicketPriority, TicketSource, TicketStatus } from '@parley/protocol';

export type Iso = string;
export const iso = (ms: number): Iso => new Date(ms).toISOString();
export const newId = (): string => randomUUID();
/** Stands in for a SHA-256 of a token nobody holds: the same shape, and no token ever opens it. */
export const deadTokenHash = (): string => randomBytes(32).toString('hex');

export interface VisitorRow {
  id: string;
  site_id: string;
  token_hash: string;
  locale: string;
  page_url: string | null;
  name: string | null;
  last_seen_at: Iso;
  created_at: Iso;
}

export interface ConversationRow {
  id: string;
  site_id: string;
  visitor_id: string;
  department_id: string | null;
  status: 'closed';
  agent_id: string | null;
  bot_misses: number;
  last_seq: number;
  agent_read_seq: number;
  locale: string;
  page_url: string | null;
  queued_at: Iso | null;
  assigned_at: Iso | null;
  closed_at: Iso;
  created_at: Iso;
  updated_at: Iso;
}

export interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  client_id: string | null;
  author: 'visitor' | 'agent' | 'bot' | 'system';
  author_id: string | null;
  author_name: string | null;
  body: string;
  meta: MessageMeta | null;
  created_at: Iso;
}

export interface BotFeedbackRow {
  message_id: string;
  conversation_id: string;
  site_id: string;
  article_id: string | null;
  helpful: boolean;
  created_at: Iso;
}

export interface TicketRow {
  id: string;
  site_id: string;
  number: string;
  subject: string;
  category_id: string;
  department_id: string | null;
  priority: TicketPriority;
  status: TicketStatus;
  source: TicketSource;
  assignee_id: string | null;
  locale: string;
  contact_name: string | null;
  contact_email: string | null;
  visitor_id: string | null;
  employee_id: string | null;
  anonymous: boolean;
  conversation_id: string | null;
  target_minutes: number;
  first_response_due_at: Iso;
  first_responded_at: Iso | null;
  breached_at: Iso | null;
  escalation_level: number;
  resolved_at: Iso | null;
  closed_at: Iso | null;
  created_at: Iso;
  updated_at: Iso;
}

export interface TicketEntryRow {
  id: string;
  ticket_id: string;
  kind: 'public' | 'note';
  author: 'agent' | 'customer' | 'system';
  author_id: string | null;
  author_name: string | null;
  body: string;
  via: string;
  created_at: Iso;
}

export interface TicketHistoryRow {
  ticket_id: string;
  actor: 'agent' | 'customer' | 'system';
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  from: string | null;
  to: string | null;
  created_at: Iso;
}

export interface TicketLinkRow {
  ticket_id: string;
  token_hash: string;
  expires_at: Iso;
  created_at: Iso;
}

export interface InvitationRow {
  id: string;
  site_id: string;
  kind: 'csat' | 'nps';
  about: 'conversation' | 'ticket' | 'site';
  token_hash: string;
  conversation_id: string | null;
  ticket_id: string | null;
  visitor_id: string | null;
  contact_email: string | null;
  agent_id: string | null;
  department_id: string | null;
  locale: string;
  created_at: Iso;
  expires_at: Iso;
}

export interface ResponseRow {
  invitation_id: string;
  site_id: string;
  score: number;
  comment: string | null;
  created_at: Iso;
  updated_at: Iso;
}

export interface NpsAskRow {
  site_id: string;
  subject: string;
  last_asked_at: Iso;
}

export interface KbVoteRow {
  article_id: string;
  visitor_id: string | null;
  helpful: boolean;
  comment: string | null;
  created_at: Iso;
  updated_at: Iso;
}

export interface JobRow {
  kind: string;
  key: string;
  run_at: Iso;
  payload: Record<string, unknown>;
}

/** A question the bot could not answer, counted into kb_gaps after generation. */
export interface GapHit {
  key: string;
  example: string;
  locale: string;
  at: number;
  conversationId: string;
  reason: 'unanswered' | 'not_helpful';
}

/** Everything one slice of the history writes, in the order the foreign keys need. */
export interface Batch {
  visitors: VisitorRow[];
  conversations: ConversationRow[];
  messages: MessageRow[];
  botFeedback: BotFeedbackRow[];
  tickets: TicketRow[];
  ticketEntries: TicketEntryRow[];
  ticketHistory: TicketHistoryRow[];
  ticketLinks: TicketLinkRow[];
  invitations: InvitationRow[];
  responses: ResponseRow[];
  npsAsks: NpsAskRow[];
  kbVotes: KbVoteRow[];
  jobs: JobRow[];
  gaps: GapHit[];
}

export const emptyBatch = (): Batch => ({
  visitors: [],
  conversations: [],
  messages: [],
  botFeedback: [],
  tickets: [],
  ticketEntries: [],
  ticketHistory: [],
  ticketLinks: [],
  invitations: [],
  responses: [],
  npsAsks: [],
  kbVotes: [],
  jobs: [],
  gaps: [],
});
