/**
 * Reports: what the console's report API (`/api/console/reports/...`) carries. Types only; the
 * validator for the query string lives in `./schemas-reports` (server only).
 *
 * Every figure is computed over a *creation cohort*: the conversations and tickets created in a
 * bucket, with whatever happened to them since (first reply, resolution, breach); survey answers by
 * the time they were first given; help-center votes by the time they were cast. Durations are real
 * elapsed seconds; SLA compliance uses each ticket's stored due time, which the ticket domain already
 * computed in its department's business hours.
 */
import type { SurveyKind } from './surveys.js';
import type { TicketSource } from './tickets.js';
import type { IsoDate } from './types.js';

/** How the period is cut into buckets. Weeks start on Monday (ISO), in the report's time zone. */
export type ReportGranularity = 'day' | 'week' | 'month';

/**
 * Where an item came from: `chat` for live conversations (and tickets opened from one), otherwise
 * the ticket's source.
 */
export type ReportChannel = 'chat' | Exclude<TicketSource, 'chat'>;

/** The report's parts; each is computed only when asked for, and each is one CSV table family. */
export type ReportSectionName = 'volume' | 'responseTimes' | 'sla' | 'bot' | 'kb' | 'satisfaction';

/** Every section, in display order. */
export type ReportSections = {
  volume: ReportSection<VolumeMetric>;
  responseTimes: ReportSection<ResponseTimeMetric>;
  sla: ReportSection<SlaMetric>;
  bot: ReportSection<BotMetric>;
  kb: ReportSection<KbMetric>;
  satisfaction: ReportSection<SatisfactionMetric> & {
    /** The latest answers that carry a comment (newest first, at most 100). */
    comments: ReportComment[];
  };
};

/** `GET /api/console/reports` query (also the argument of the server's `buildReport`). */
export interface ReportRequest {
  /** First local day of the period, `YYYY-MM-DD`, inclusive. */
  from: string;
  /** Last local day of the period, `YYYY-MM-DD`, inclusive (at most 400 days after `from`). */
  to: string;
  /** Bucket size of the series; default `day`. */
  granularity?: ReportGranularity;
  /** IANA zone the days are cut in; default the site's (its first department's business calendar, else UTC). */
  timeZone?: string;
  /** Only this department (a supervisor may only pick one of theirs). */
  departmentId?: string;
  /** Only conversations held by / tickets assigned to / surveys about this agent. */
  agentId?: string;
  /** Only this channel. */
  channel?: ReportChannel;
  /** Also compute the period of the same length just before (whole calendar months when the period is whole months). */
  compare?: boolean;
  /** Which sections to compute; default all. */
  sections?: ReportSectionName[];
  /** A chat counts as answered in target when its first agent message came within this many seconds of the handoff; default 60. */
  chatTargetSeconds?: number;
}

/** A number, or null when there was nothing to measure (no replies: no median). */
export type ReportValue = number | null;

/** One line of a table: a bucket, a department, an agent or a channel. */
export interface ReportRow<K extends string> {
  /** Bucket start (`YYYY-MM-DD`, local), department id, agent id, or channel; `none` for items without one. */
  key: string;
  /** What a person reads: the bucket's date, the department's (English) name, the agent's name, the channel. */
  label: string;
  /** The section's figures for this line. */
  values: Record<K, ReportValue>;
}

/** A figure family over the period, with its breakdowns. */
export interface ReportSection<K extends string> {
  /** The figures, in display order (also the CSV columns). */
  metrics: K[];
  /** Over the whole period (within the filters). */
  total: Record<K, ReportValue>;
  /** The same over the previous period, when `compare` was asked; else null. */
  previous: Record<K, ReportValue> | null;
  /** By bucket, every bucket of the period present (empty ones with zero counts / null durations). */
  series: ReportRow<K>[];
  /** By department (items without one under key `none`); empty when the figure has no department (help center). */
  byDepartment: ReportRow<K>[];
  /** By agent (items without one under key `none`); empty when the figure has no agent (bot, help center). */
  byAgent: ReportRow<K>[];
  /** By channel; empty when the figure has no channel (help center). */
  byChannel: ReportRow<K>[];
}

/** `conversations`: chats started; `tickets`: tickets created. */
export type VolumeMetric = 'conversations' | 'tickets';

/**
 * Seconds. Chats: first response = first agent message - handoff to the queue (first `queued` event);
 * queue wait = first agent joining - handoff; `queueAbandoned` counts chats closed in the queue without
 * an agent. Tickets: first response = first_responded_at - created_at; resolution = resolved_at - created_at.
 */
export type ResponseTimeMetric =
  | 'chatFirstResponseMedian'
  | 'chatFirstResponseP90'
  | 'queueWaitMedian'
  | 'queueWaitP90'
  | 'queueAbandoned'
  | 'ticketFirstResponseMedian'
  | 'ticketFirstResponseP90'
  | 'ticketResolutionMedian'
  | 'ticketResolutionP90';

/**
 * Tickets: `slaMet` answered by their due time; `slaLate` answered after it; `slaMissed` unanswered and past it
 * (or marked breached); `slaBreached` = late + missed; `slaPending` unanswered, not yet due (tickets closed unanswered
 * before their due time count in none of these); `slaCompliance` = met / (met + breached) in %; `escalated` reached
 * escalation level 1 or more. Chats (target: the request's `chatTargetSeconds`): `chatQueued` handed to a
 * person; `chatInTarget` first agent message within the target; `chatLate` after it; `chatMissed` never
 * answered by an agent and closed; `chatCompliance` = in target / (in target + late + missed) in %.
 */
export type SlaMetric =
  | 'slaTickets'
  | 'slaMet'
  | 'slaLate'
  | 'slaMissed'
  | 'slaBreached'
  | 'slaPending'
  | 'slaCompliance'
  | 'escalated'
  | 'chatQueued'
  | 'chatInTarget'
  | 'chatLate'
  | 'chatMissed'
  | 'chatCompliance';

/**
 * `botClosed`: chats closed; `botContained`: of those, never handed to a person (no queue, no agent);
 * `botHandedOff`: handed to a queue; `containmentRate` = contained / closed in %.
 */
export type BotMetric = 'botClosed' | 'botContained' | 'botHandedOff' | 'containmentRate';

/** Help-center "was this helpful?" votes cast in the period; `helpfulRate` = helpful / votes in %. */
export type KbMetric = 'kbVotes' | 'kbHelpful' | 'kbNotHelpful' | 'helpfulRate';

/**
 * CSAT (1-5): `csatSatisfied` scored 4 or 5; `csatRate` = satisfied / responses in %; `csatAverage` the mean
 * score; `csatInternalRate` / `csatExternalRate` the same rate for employees (intranet tickets) / everyone else.
 * NPS (0-10): promoters 9-10, passives 7-8, detractors 0-6; `nps` = % promoters - % detractors (-100..100).
 */
export type SatisfactionMetric =
  | 'csatResponses'
  | 'csatSatisfied'
  | 'csatRate'
  | 'csatAverage'
  | 'csatInternalRate'
  | 'csatExternalRate'
  | 'npsResponses'
  | 'promoters'
  | 'passives'
  | 'detractors'
  | 'nps';

/** A survey answer with a comment, for reading next to the scores. */
export interface ReportComment {
  kind: SurveyKind;
  score: number;
  comment: string;
  /** When it was first answered. */
  createdAt: IsoDate;
  departmentId: string | null;
  agentId: string | null;
  channel: ReportChannel | null;
  conversationId: string | null;
  ticketId: string | null;
}

/** `GET /api/console/reports`: the request as resolved, and the sections asked for. */
export interface ReportResponse {
  /** The request with its defaults filled in (time zone, granularity, sections). */
  request: Required<Pick<ReportRequest, 'from' | 'to' | 'granularity' | 'timeZone' | 'compare' | 'sections' | 'chatTargetSeconds'>> &
    Pick<ReportRequest, 'departmentId' | 'agentId' | 'channel'>;
  /** The period as instants: `from` inclusive, `to` exclusive. */
  period: { from: IsoDate; to: IsoDate };
  /** The comparison period (local days and instants), when `compare` was asked. */
  previousPeriod: { fromDay: string; toDay: string; from: IsoDate; to: IsoDate } | null;
  generatedAt: IsoDate;
  sections: Partial<ReportSections>;
}

/** One channel's line of the monthly communication report (沟通效率月度报告). */
export interface MonthlyReportRow {
  channel: ReportChannel;
  /** Conversations plus tickets created in the month. */
  items: number;
  /** Answered by a person within target (a ticket's SLA due time; a chat's `chatTargetSeconds`). */
  inTarget: number;
  /** inTarget / (inTarget + late + missed) in %, or null with nothing measured. */
  inTargetRate: ReportValue;
  /** Answered after the target. */
  late: number;
  /** Never answered and past the target (tickets), or closed in the queue (chats). */
  missed: number;
  /** CSAT % satisfied among employees (intranet tickets). */
  csatInternalRate: ReportValue;
  /** CSAT % satisfied among customers (everything else). */
  csatExternalRate: ReportValue;
  /** Last month's inTargetRate, for the month-over-month change. */
  previousInTargetRate: ReportValue;
  /** Last month's csatInternalRate. */
  previousCsatInternalRate: ReportValue;
  /** Last month's csatExternalRate. */
  previousCsatExternalRate: ReportValue;
}

/** The monthly communication report as stored: computed once on the 1st, kept. */
export interface MonthlyReport {
  id: string;
  /** The month reported on, `YYYY-MM`, in `timeZone`. */
  month: string;
  timeZone: string;
  chatTargetSeconds: number;
  /** One line per channel that had items or answers in either month, in a fixed channel order. */
  channels: MonthlyReportRow[];
  /** All channels together. */
  total: Omit<MonthlyReportRow, 'channel'>;
  /** NPS over the month and the month before (answers with no channel count here only). */
  nps: ReportValue;
  previousNps: ReportValue;
  generatedAt: IsoDate;
}

/** One line of `GET /api/console/reports/monthly`. */
export interface MonthlyReportSummary {
  id: string;
  month: string;
  timeZone: string;
  generatedAt: IsoDate;
}
