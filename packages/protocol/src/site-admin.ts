/**
 * Departments and sites as admins configure them in the console (issue 11), and the widget settings
 * every visitor's chat reads. REST at /api/console/departments and /api/console/sites; the public
 * part (`SiteWidget`) rides on `GET /api/sites/:key` (SiteInfo.widget) and `GET /api/sites/:key/widget`.
 */
import type { Locale } from './constants.js';
import type { IsoDate, LocalizedText, RoutingMode } from './types.js';

/** Text per locale where any may be missing (a greeting only in Chinese is fine). */
export type LocaleTexts = Partial<Record<Locale, string>>;

export type LauncherSide = 'left' | 'right';

/** What the chat launcher and panel look like and say; public (no secrets). */
export interface SiteWidget {
  /** `#rrggbb`: launcher, header, visitor bubbles. White text is drawn on it. */
  colour: string;
  position: LauncherSide;
  /** Pixels from the viewport corner (both edges). */
  offset: number;
  /** The first message of a new conversation, per locale; the built-in bot's greeting where missing. */
  greeting: LocaleTexts;
  /** Shown when nobody can answer (outside business hours, nobody online), per locale. */
  offlineMessage: LocaleTexts;
}

export const DEFAULT_WIDGET: SiteWidget = { colour: '#2f5bd3', position: 'right', offset: 20, greeting: {}, offlineMessage: {} };

/** A department in the console's Departments tab. */
export interface DepartmentAdmin {
  id: string;
  names: LocalizedText;
  routing: RoutingMode;
  position: number;
  /** People who work in it. */
  agentCount: number;
  /** Conversations not closed and tickets not resolved/closed: while any are left it cannot be deleted. */
  openConversations: number;
  openTickets: number;
  /** False: open around the clock (no business calendar set). */
  hasCalendar: boolean;
  createdAt: IsoDate;
}

/** Create: at least one name; `en` is filled from the others when left out. */
export interface DepartmentInput {
  names: LocaleTexts;
  routing?: RoutingMode;
  position?: number;
}
export type DepartmentPatch = Partial<DepartmentInput>;

/** The site as its admin sees it; the identity secret is never part of it. */
export interface SiteSettings {
  id: string;
  /** Public, read-only: the `data-site` of the script tag. */
  key: string;
  name: string;
  /** `*`, or exact origins such as `https://shop.example`. */
  allowedOrigins: string[];
  /** https only; null: employee tokens are HS256 with the identity secret only. */
  employeeJwksUrl: string | null;
  widget: SiteWidget;
  /** When the previous identity secret stops being accepted; null when there is none. */
  previousSecretExpiresAt: IsoDate | null;
  /** Contrast of white text on `widget.colour` (WCAG ratio, e.g. 4.83). */
  contrast: number;
  /** Human-readable warnings that do not block saving (low contrast). */
  warnings: string[];
}

export interface SiteSettingsPatch {
  name?: string;
  allowedOrigins?: string[];
  employeeJwksUrl?: string | null;
  widget?: Partial<SiteWidget>;
}

/** The answer to a rotation: the new secret, shown this once. */
export interface SecretRotation {
  secret: string;
  /** Until then the previous secret still verifies userHash values and HS256 employee tokens. */
  previousValidUntil: IsoDate;
}
