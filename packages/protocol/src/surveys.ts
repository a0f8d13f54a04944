/**
 * Surveys: CSAT after a chat or a ticket, NPS standalone or on request. What the public survey API
 * (`/api/surveys/...`) and the console's (`/api/console/surveys/...`) carry. Types only; validators for
 * the inbound ones live in `./schemas-surveys` (server only).
 */
import type { Locale } from './constants.js';
import type { IsoDate, LocalizedText } from './types.js';

/** CSAT: 1 (very unsatisfied) to 5; NPS: 0 (not at all likely) to 10. */
export type SurveyKind = 'csat' | 'nps';

export interface SurveyScale {
  min: number;
  max: number;
}

/** An answer as its author sees it; it can be changed until `changeableUntil` (24 h after the first). */
export interface SurveyAnswer {
  score: number;
  comment: string | null;
  answeredAt: IsoDate;
  updatedAt: IsoDate;
  changeableUntil: IsoDate;
}

/** `GET /api/surveys/invitations/:token`: what the survey element shows. */
export interface SurveyInvitation {
  kind: SurveyKind;
  locale: Locale;
  /** In the invitation's locale, from the site's settings or the defaults. */
  question: string;
  scale: SurveyScale;
  expiresAt: IsoDate;
  answer: SurveyAnswer | null;
}

/**
 * A CSAT survey offered where the person already is: in `VisitorConversation.survey` of their closed chat,
 * in `CustomerTicket.survey` of their resolved ticket. The token opens it (`<parley-survey token>`, the
 * invitation routes above). Offered while unanswered and unexpired, and for the 24 hours an answer can
 * still be changed.
 */
export interface SurveyOffer {
  token: string;
  /** Answered when this view was made (the answer can still be changed): a reopened chat need not stay on it. */
  answered: boolean;
}

/** `POST /api/surveys/invitations/:token/answer`. A CSAT comment or an NPS "why", up to 2,000 characters. */
export interface SurveyAnswerInput {
  score: number;
  comment?: string;
}

/**
 * `POST /api/surveys/sites/:siteKey/nps`: the widget asks whether this visitor may be asked now.
 * `auto: true` is parley.js's daily check for "after a number of days as a contact" (`npsAfterDays`):
 * it asks only when the site has that on and this person has been known for long enough.
 */
export interface NpsRequestInput {
  visitorToken?: string;
  locale?: Locale;
  auto?: boolean;
}

/** Asked on request: 201 with the invitation, or 200 because this person was asked within `npsFrequencyDays`. */
export type NpsRequestResult = { asked: true; token: string; expiresAt: IsoDate } | { asked: false; reason: 'recently_asked' };

/**
 * Why `auto` asked nobody: `off` (the site has no `npsAfterDays`), `not_due` (known for fewer days than
 * that), `recently_asked` (within `npsFrequencyDays`).
 */
export type NpsSkipReason = 'recently_asked' | 'not_due' | 'off';

/** With `auto: true`. */
export type NpsAutoResult = { asked: true; token: string; expiresAt: IsoDate } | { asked: false; reason: NpsSkipReason };

/** One row of the console's `GET /api/console/surveys/responses`. */
export interface SurveyResponseRow {
  id: string;
  kind: SurveyKind;
  score: number;
  comment: string | null;
  conversationId: string | null;
  ticketId: string | null;
  agentId: string | null;
  departmentId: string | null;
  contactEmail: string | null;
  locale: Locale;
  /** The first answer; the list is ordered by it, newest first. */
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

/** Per-site survey settings, with the defaults filled in. */
export interface SurveySettings {
  /** One NPS question per contact email (else per browser) in this many days. */
  npsFrequencyDays: number;
  /**
   * Ask NPS by itself once a visitor has been known this many days (since their browser's first visit);
   * null, the default, asks only on request. Once asked, `npsFrequencyDays` applies, per contact email
   * when the browser filed a ticket with one.
   */
  npsAfterDays: number | null;
  questions: Record<SurveyKind, LocalizedText>;
}

/**
 * `PUT /api/console/surveys/settings` (admins): only what changes. A question text set to null goes
 * back to the default for that locale.
 */
export interface SurveySettingsPatch {
  npsFrequencyDays?: number;
  /** Null turns asking after a number of days off. */
  npsAfterDays?: number | null;
  questions?: Partial<Record<SurveyKind, Partial<Record<Locale, string | null>>>>;
}
