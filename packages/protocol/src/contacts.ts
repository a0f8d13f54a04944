/**
 * Contacts: people a host site vouched for (`Parley('identify', ...)`, docs/embedding.md), as the
 * console sees them at /api/console/contacts.
 */
import type { ConversationStatus, IsoDate } from './types.js';

export interface ContactSummary {
  id: string;
  /** The host site's own user id. */
  userId: string;
  name: string | null;
  email: string | null;
  createdAt: IsoDate;
  lastSeenAt: IsoDate;
  /** Conversations and tickets this reader may see. */
  conversations: number;
  tickets: number;
}

export interface ContactConversationItem {
  id: string;
  status: ConversationStatus;
  departmentId: string | null;
  agentName: string | null;
  messages: number;
  createdAt: IsoDate;
  closedAt: IsoDate | null;
}

export interface ContactTicketItem {
  id: string;
  number: string;
  subject: string;
  status: string;
  createdAt: IsoDate;
}

export interface ContactSurveyAnswer {
  id: string;
  kind: 'csat' | 'nps';
  score: number;
  comment: string | null;
  conversationId: string | null;
  ticketId: string | null;
  answeredAt: IsoDate;
}

export interface ContactProfile {
  contact: ContactSummary;
  /** Devices (browsers) joined to the contact. */
  devices: number;
  conversations: ContactConversationItem[];
  tickets: ContactTicketItem[];
  surveyAnswers: ContactSurveyAnswer[];
  /** What the reader may do: export and erase are for admins. */
  canExport: boolean;
  canErase: boolean;
}

export interface ContactErasure {
  contactId: string;
  erasedAt: IsoDate;
  conversations: number;
  messages: number;
  tickets: number;
  files: number;
  devices: number;
}

/**
 * What a host site vouches for about its signed-in user (`Parley('identify', ...)`): the user id with
 * `userHash` = hex HMAC-SHA256(site identity secret, userId), or a JWT (HS256, same secret, `sub` and
 * `exp` required). Name and email are shown to agents; they never join anyone to anything by themselves.
 */
export type VisitorIdentity = { userId: string; userHash: string; name?: string; email?: string } | { jwt: string; name?: string; email?: string };

/** `POST /api/visitor/identify` answers this; a refusal is 403 `forbidden` "identity refused: ...". */
export interface IdentifyResult {
  contactId: string;
  /** False when this browser already belonged to the contact. */
  linked: boolean;
}
