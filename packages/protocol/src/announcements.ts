/**
 * Intranet announcements. A supervisor or an admin writes one in the console (REST under
 * `/api/console/announcements`, see server/src/announcements/console-routes.ts); employees see it in
 * `<parley-banner>` over a Server-Sent Events stream, `GET /api/employee/stream`, and send their receipts
 * with `POST /api/employee/receipts` (EmployeeStreamEvents below). Types only; validators for the
 * inbound ones live in `./schemas-announcements` (server only).
 */
import type { Locale } from './constants.js';
import type { IsoDate, LocalizedText } from './types.js';

/** `urgent` arrives live as an alert dialog; `important` stays until acknowledged when `ackRequired`; `normal` is dismissible. */
export type AnnouncementPriority = 'normal' | 'important' | 'urgent';

/**
 * Where an announcement is in its life:
 * `draft` (being written, editable), `scheduled` (published, `startsAt` still ahead; editable),
 * `live` (shown to its audience), `ended` (past `endsAt`), `withdrawn` (taken down by hand; final).
 */
export type AnnouncementStatus = 'draft' | 'scheduled' | 'live' | 'ended' | 'withdrawn';

/** One language's text of an announcement, as written. */
export interface AnnouncementVersion {
  locale: Locale;
  /** Plain text, one line. */
  title: string;
  /** Markdown; rendered and sanitised by the server (the same renderer as help-center articles). */
  body: string;
}

/**
 * Who sees an announcement.
 * `everyone`: every employee of the site. `departments`: employees whose token names one of
 * `departmentIds` (by id or any of its localized names, as for employee surveys). `employees`: the
 * people whose token `sub` is listed in `employees` (admins only: a supervisor reaches their departments).
 */
export interface AnnouncementAudience {
  kind: 'everyone' | 'departments' | 'employees';
  /** Parley department ids; kind `departments` only, otherwise empty. */
  departmentIds: string[];
  /** Employee subjects (the token's `sub`, exactly); kind `employees` only, otherwise empty. */
  employees: string[];
}

/** Receipt counts shown in the console's list; see AnnouncementReceipts for what the rates mean. */
export interface AnnouncementCounts {
  /** Known employees in the audience (see AnnouncementReceipts.audienceKnown). */
  audienceKnown: number;
  /** Distinct employees who have seen it. */
  seen: number;
  /** Distinct employees who have acknowledged it. */
  acknowledged: number;
}

/** The console's view of an announcement. */
export interface Announcement {
  id: string;
  /** At least one; the first is the fallback for an employee whose language has no version. */
  versions: AnnouncementVersion[];
  priority: AnnouncementPriority;
  audience: AnnouncementAudience;
  /** When it goes live; null: when published. */
  startsAt: IsoDate | null;
  /** When it ends; null: until withdrawn. */
  endsAt: IsoDate | null;
  /** Employees must press "Acknowledge"; their acknowledgements are stored and reported. */
  ackRequired: boolean;
  status: AnnouncementStatus;
  /** Who wrote it (null once that account is deleted). */
  author: { id: string; name: string } | null;
  createdAt: IsoDate;
  updatedAt: IsoDate;
  /** When publish was pressed (a scheduled one goes live later, at `startsAt`). */
  publishedAt: IsoDate | null;
  /** When it actually went live and was pushed to the audience (set by the `announcement.start` job). */
  wentLiveAt: IsoDate | null;
  withdrawnAt: IsoDate | null;
  counts: AnnouncementCounts;
}

/**
 * `POST /api/console/announcements` and `PUT .../:id` (drafts and scheduled ones): the whole editable
 * announcement. Saving never publishes; `POST .../:id/publish` does.
 */
export interface AnnouncementInput {
  /** 1-3 versions, one per locale, the fallback first. */
  versions: AnnouncementVersion[];
  priority: AnnouncementPriority;
  /** Defaults to false. */
  ackRequired?: boolean;
  audience: { kind: 'everyone' | 'departments' | 'employees'; departmentIds?: string[]; employees?: string[] };
  /** Null or absent: goes live when published. */
  startsAt?: IsoDate | null;
  /** Null or absent: until withdrawn. Must be after `startsAt`. */
  endsAt?: IsoDate | null;
}

/** `GET /api/console/announcements/:id/preview?locale=&departmentId=`: what an employee of that department would see. */
export interface AnnouncementPreview {
  /** Whether an employee of the given department (or anyone, without one) is in the audience. */
  inAudience: boolean;
  /** The announcement as that employee's banner gets it (receipt fields null), and its body as HTML for the console. */
  announcement: EmployeeAnnouncement & { html: string };
}

// ---------- the employee's side ----------

/** An employee's own receipt of one announcement. Each moment is recorded once: the first time wins. */
export interface EmployeeReceipt {
  /** The announcement's id. */
  id: string;
  seenAt: IsoDate | null;
  acknowledgedAt: IsoDate | null;
  /** Closed by the employee (allowed once it needs no acknowledgement, or has one); hidden from then on. */
  dismissedAt: IsoDate | null;
}

/** Tags a {@link BodyNode} may name: what the server's markdown sanitiser keeps (server/src/kb/render.ts). */
export type BodyTag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'p' | 'br' | 'hr' | 'ul' | 'ol' | 'li' | 'strong' | 'em' | 'del' | 'code' | 'pre' | 'blockquote' | 'table' | 'thead' | 'tbody' | 'tr' | 'th' | 'td' | 'a' | 'img';

/**
 * An announcement's body as a tree rather than an HTML string: text (entities already decoded), or an
 * element `[tag, attributes, ...children]` with only the sanitiser's tags and attributes (`a`: href,
 * title; `img`: src, alt, title; `th`/`td`: align; `ol`: start). The server builds it from its
 * sanitised HTML; the banner builds DOM nodes from it with createElement and textContent, so the
 * browser never parses an HTML string (no HTML sanitiser and no Trusted Types policy in the banner).
 */
export type BodyNode = string | [tag: BodyTag, attributes: Record<string, string>, ...children: BodyNode[]];

/** What the banner shows: one language, rendered, with the employee's own receipt. */
export interface EmployeeAnnouncement extends EmployeeReceipt {
  /** The language of `title` and `body`: the employee's, or the fallback version's. */
  locale: Locale;
  title: string;
  /** The markdown body, rendered and sanitised by the server, as a node tree. */
  body: BodyNode[];
  priority: AnnouncementPriority;
  ackRequired: boolean;
  /** When it went live (sort key after priority: newest first). */
  startsAt: IsoDate;
  endsAt: IsoDate | null;
  /** The author's display name. */
  authorName: string | null;
  /** Set on a push caused by the console's "remind them". */
  reminder?: true;
}

/**
 * `GET /api/employee/stream?site=<siteKey>&locale=` with `Authorization: Bearer <employee token>`: a
 * Server-Sent Events stream, each event's `data` JSON. The first event is `list`; the others are live.
 * A comment line is sent every 25 s so proxies keep the stream open and clients can tell a dead one.
 * Refusals come before the stream, as JSON `{error: {code, message}}`: 401 `unauthorized` (token missing,
 * expired, not signed with this site's secret, wrong algorithm, missing `sub` or `exp`), 404 `not_found`
 * (unknown site key), 403 `forbidden` (an origin the site does not allow), 429 `rate_limited`.
 */
export interface EmployeeStreamEvents {
  /**
   * Active announcements for me, not dismissed: urgent first, then important, then normal; newest first
   * within a priority. Sent first on every (re)connect (pushes missed while offline are not replayed).
   */
  list: EmployeeAnnouncement[];
  /**
   * An announcement went live for me, or the console pressed "remind them" (`reminder: true`). Pushed
   * copies carry null receipt fields: keep the receipt you hold for that id. Replace any copy by id.
   */
  'announcement:new': EmployeeAnnouncement;
  /** Taken down by hand: remove it (close its dialog). */
  'announcement:withdrawn': { id: string };
  /** Its end time passed: remove it. */
  'announcement:ended': { id: string };
  /** My receipt changed from another tab or device (seen, acknowledged, dismissed): update it, hide it when dismissed. */
  'announcement:receipt': EmployeeReceipt;
}

/**
 * `POST /api/employee/receipts` with the Bearer token -> `{receipt: EmployeeReceipt}`. Idempotent: each
 * moment is kept the first time, whatever the tabs. `seen`: shown on screen; `ack`: "I have read this"
 * (also marks it seen); `dismiss`: closed for good. Refusals: 400 `invalid` (a bad body, or dismissing
 * what still needs my acknowledgement), 401 as for the stream, 404 `not_found` (not mine, not published,
 * unknown), 429 `rate_limited`.
 */
export interface EmployeeReceiptInput {
  /** The site key. */
  site: string;
  kind: 'seen' | 'ack' | 'dismiss';
  /** The announcement's id. */
  id: string;
}

// ---------- receipts (console) ----------

/** One employee's receipt of one announcement, as the console and the CSV export show it. */
export interface AnnouncementReceiptRow {
  /** The employee's token `sub`. */
  subject: string;
  name: string;
  /** Their token's departments when the receipt was first written. */
  departments: string[];
  /** The Parley departments those matched. */
  departmentIds: string[];
  seenAt: IsoDate | null;
  acknowledgedAt: IsoDate | null;
}

/** Known audience members who have not acknowledged, grouped by their first matching Parley department. */
export interface AnnouncementNotAcknowledgedGroup {
  /** Null: people whose token names no Parley department. */
  departmentId: string | null;
  name: LocalizedText | null;
  employees: Array<{ subject: string; name: string; seenAt: IsoDate | null }>;
}

/**
 * `GET /api/console/announcements/:id/receipts`.
 * Parley learns employees only from their tokens, so the audience's true size is unknown to it. The
 * denominator is therefore `audienceKnown`: employees of the site who opened an intranet page with the
 * banner (opened its announcement stream) within the last `knownWindowDays` days and who belong to the audience
 * (their departments as of their latest connection). Anyone with a receipt counts as known.
 * `seenRate = seen / audienceKnown`, `acknowledgedRate = acknowledged / audienceKnown` (0-1; null when
 * nobody is known). Someone who never opened the intranet is in nobody's numbers.
 */
export interface AnnouncementReceipts {
  announcementId: string;
  knownWindowDays: number;
  audienceKnown: number;
  seen: number;
  acknowledged: number;
  seenRate: number | null;
  acknowledgedRate: number | null;
  /** Empty unless `ackRequired`. */
  notAcknowledged: AnnouncementNotAcknowledgedGroup[];
  /** Receipts, newest first; at most 5,000 (the CSV export has them all). */
  rows: AnnouncementReceiptRow[];
}

/** `POST /api/console/announcements/:id/remind` `{departmentId?}` -> how many known people were pushed the announcement again. */
export interface AnnouncementRemindResult {
  reminded: number;
}
