/**
 * Tickets: what the public feedback / ticket-tracking API (`/api/tickets/:siteKey/...`), the console's
 * ticket API (`/api/console/tickets/...`) and the agent socket's `ticket:*` facts carry. Types only;
 * validators for the inbound ones live in `./schemas-tickets` (server only).
 */
import type { Locale } from './constants.js';
import type { SurveyOffer } from './surveys.js';
import type { IsoDate, LocalizedText } from './types.js';

/** `pending` is "waiting on the customer": the SLA clock does not run against the team. */
export type TicketStatus = 'new' | 'open' | 'pending' | 'resolved' | 'closed';
/** What the customer is shown: four words, not the team's five states. */
export type CustomerTicketStatus = 'submitted' | 'in_progress' | 'waiting_for_you' | 'resolved';
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';
export type TicketSource = 'feedback' | 'offline' | 'chat' | 'api' | 'email' | 'intranet';
/** Who a category is offered to: website customers, employees on the intranet, or both. */
export type TicketAudience = 'customer' | 'employee' | 'both';
/** 0 frontline, 1 supervisor, 2 executive, 3 past the executive's deadline. */
export type EscalationLevel = 0 | 1 | 2 | 3;

export interface TicketCategory {
  id: string;
  slug: string;
  names: LocalizedText;
  audience: TicketAudience;
  departmentId: string | null;
  /** First-response target in minutes of the department's business time. */
  targetMinutes: number;
  position: number;
}

export interface TicketFile {
  id: string;
  name: string;
  /** The type found in the file's content, not the one its name or the browser claimed. */
  type: string;
  size: number;
}

export interface TicketEntry {
  id: string;
  /** `note` entries are internal: never sent to the customer's API, email or ticket page. */
  kind: 'public' | 'note';
  author: 'customer' | 'agent' | 'system';
  /** The agent's name; the customer's own name (null for an anonymous employee). */
  authorName: string | null;
  body: string;
  via: 'web' | 'email' | 'console' | 'chat' | 'api';
  files: TicketFile[];
  createdAt: IsoDate;
}

/** What the customer sees through their private link. */
export interface CustomerTicket {
  number: string;
  subject: string;
  category: { slug: string; names: LocalizedText } | null;
  status: CustomerTicketStatus;
  locale: Locale;
  anonymous: boolean;
  /** When the team promised a first answer; null once answered. */
  firstResponseDueAt: IsoDate | null;
  entries: TicketEntry[];
  createdAt: IsoDate;
  updatedAt: IsoDate;
  /** Resolved, and a CSAT invitation is open (or its answer can still be changed): shown on the ticket page. */
  survey: SurveyOffer | null;
}

export interface TicketCreated {
  number: string;
  /** The private link's token: `/t/<token>` opens the ticket. Shown once; only its hash is stored. */
  token: string;
  firstResponseDueAt: IsoDate;
  targetMinutes: number;
}

export interface TicketHistoryItem {
  id: string;
  actor: 'agent' | 'customer' | 'system';
  actorName: string | null;
  /** e.g. created, status, priority, assigned, department, category, escalated, breached, replied, noted, link_sent, link_revoked */
  action: string;
  from: string | null;
  to: string | null;
  createdAt: IsoDate;
}

/** A row of the console's ticket inbox. */
export interface TicketSummary {
  id: string;
  number: string;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  source: TicketSource;
  categoryId: string | null;
  departmentId: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  contactName: string | null;
  anonymous: boolean;
  escalationLevel: EscalationLevel;
  firstResponseDueAt: IsoDate | null;
  firstRespondedAt: IsoDate | null;
  /** The first-response target has passed unanswered. */
  breached: boolean;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

export interface TicketDetail extends TicketSummary {
  locale: Locale;
  contactEmail: string | null;
  conversationId: string | null;
  entries: TicketEntry[];
  history: TicketHistoryItem[];
}

export type TicketView = 'mine' | 'unassigned' | 'departments' | 'at_risk' | 'breached' | 'all';

// ---------- inbound (validated by ./schemas-tickets on the server) ----------

/**
 * A new ticket from `<parley-feedback>`, the chat's offline form or the REST API. With attachments it
 * is sent as multipart/form-data: this object as JSON in the `payload` field, files in `files`.
 */
export interface TicketInput {
  categoryId: string;
  subject: string;
  message: string;
  /** Required from website customers (the team answers by email); an employee's comes from their token. */
  email?: string;
  name?: string;
  locale?: Locale;
  /** Where it came from: `offline` when the chat had nobody to answer. Default `feedback`. */
  source?: 'feedback' | 'offline';
  /** The widget's visitor token, linking the ticket to that browser's conversations. */
  visitorToken?: string;
  /** Intranet: the employee token the company signs; with `anonymous`, checked and then forgotten. */
  employeeToken?: string;
  anonymous?: boolean;
  pageUrl?: string;
}

export interface CustomerReplyInput {
  message: string;
}

export interface AgentReplyInput {
  message: string;
  /** `note`: internal, never shown or sent to the customer. */
  kind?: 'public' | 'note';
  /** Set the status in the same step (reply and wait for the customer, reply and resolve). */
  status?: TicketStatus;
}

export interface TicketPatch {
  status?: TicketStatus;
  priority?: TicketPriority;
  assigneeId?: string | null;
  departmentId?: string;
  categoryId?: string;
  subject?: string;
}

export interface TicketCategoryInput {
  slug: string;
  names: LocalizedText;
  audience: TicketAudience;
  departmentId: string | null;
  targetMinutes: number;
  position?: number;
}

/** An agent turns a chat into a ticket (the visitor's contact details come from the form they filled, if any). */
export interface TicketFromChatInput {
  conversationId: string;
  subject: string;
  categoryId: string;
  priority?: TicketPriority;
  /** Where the ticket's private link goes: it is never posted into the chat. */
  email: string;
  name?: string;
}

/** A saved reply the agent inserts into a ticket reply and edits before sending. */
export interface CannedReply {
  id: string;
  title: string;
  body: string;
  /** The language it is written in; null for any. */
  locale: Locale | null;
  updatedAt: IsoDate;
}

export interface CannedReplyInput {
  title: string;
  body: string;
  locale?: Locale | null;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * When a department answers: due times count only these hours. Openings are 'HH:MM' local wall-clock
 * times in `timeZone` (an IANA name), start < end, end may be '24:00', sorted and not overlapping;
 * holidays are 'YYYY-MM-DD' local dates, closed all day.
 */
export interface BusinessCalendar {
  timeZone: string;
  week: Record<Weekday, Array<[string, string]>>;
  holidays: string[];
}

/** Site-wide response-target settings (per-category targets live on the categories). */
export interface SlaSettings {
  /** Business minutes after creation at which an unresolved ticket escalates: supervisor, executive, executive deadline. */
  escalationMinutes: [number, number, number];
  /** Priorities whose target is shorter than any category's (internal urgent: 30). */
  priorityTargets: Partial<Record<TicketPriority, number>>;
  /** A ticket is "at risk" once less than this share of its target remains. */
  atRiskShare: number;
  /** How long a customer's private link works. */
  linkDays: number;
}

/** A department's own targets, in place of the site's: first response per priority and the escalation steps. */
export type DepartmentTargets = Pick<SlaSettings, 'priorityTargets' | 'escalationMinutes'>;

export interface TicketSettings {
  /** The site's targets, which every department without targets of its own follows. */
  sla: SlaSettings;
  /**
   * Every department of the site with its calendar (null is open around the clock) and its own
   * targets (null follows the site's).
   */
  calendars: Array<{ departmentId: string; names: LocalizedText; calendar: BusinessCalendar | null; targets: DepartmentTargets | null }>;
}
