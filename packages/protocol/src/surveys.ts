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

/** `POST /api/surveys/invitations/:token/answer`. A CSAT comment or an NPS "why", up to 2,000 characters. */
export interface SurveyAnswerInput {
  score: number;
  comment?: string;
}

/** `POST /api/surveys/sites/:siteKey/nps`: the widget asks whether this visitor may be asked now. */
export interface NpsRequestInput {
  visitorToken?: string;
  locale?: Locale;
}

export type NpsRequestResult = { asked: true; token: string; expiresAt: IsoDate } | { asked: false; reason: 'recently_asked' };

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
  questions: Record<SurveyKind, LocalizedText>;
}

/**
 * `PUT /api/console/surveys/settings` (admins): only what changes. A question text set to null goes
 * back to the default for that locale.
 */
export interface SurveySettingsPatch {
  npsFrequencyDays?: number;
  questions?: Partial<Record<SurveyKind, Partial<Record<Locale, string | null>>>>;
}
