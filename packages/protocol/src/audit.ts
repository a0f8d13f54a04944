/** The console's audit log and retention settings (issue 11): wire types only. */

export interface AuditActor {
  id: string;
  name: string;
  email: string;
}

export interface AuditEntryView {
  id: string;
  at: string;
  /** Null for the system (retention runs) or a person since removed. */
  actor: AuditActor | null;
  action: string;
  targetType: string;
  targetId: string | null;
  siteId: string | null;
  /** Only the fields that changed; never secrets. */
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface AuditPage {
  entries: AuditEntryView[];
  /** Pass as `cursor` for the next (older) page; null at the end. */
  nextCursor: string | null;
}

export interface RetentionCounts {
  conversations: number;
  messages: number;
  tickets: number;
  ticketEntries: number;
  ticketHistory: number;
  files: number;
  /** Bytes of the stored files that go. */
  fileBytes: number;
  emails: number;
}

export interface RetentionRunSummary {
  startedAt: string;
  finishedAt: string;
  chatCutoff: string;
  ticketCutoff: string;
  deleted: RetentionCounts;
}

export interface RetentionSettingsView {
  chatMonths: number;
  ticketMonths: number;
  enabled: boolean;
  /** When retention was last switched on, and by whom; null while off. */
  enabledAt: string | null;
  lastRun: RetentionRunSummary | null;
  /** When the next daily run is due (UTC). */
  nextRunAt: string | null;
}

export interface RetentionPreview {
  chatMonths: number;
  ticketMonths: number;
  chatCutoff: string;
  ticketCutoff: string;
  counts: RetentionCounts;
  /** Give back with `enabled: true`: proof the counts were seen (valid for 30 minutes, for these periods). */
  previewToken: string;
}
