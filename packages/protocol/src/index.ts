/**
 * The one source of Parley's wire types. Widgets `import type` from here, so nothing in this
 * entry may pull runtime validators: zod lives in `./schemas.ts`, which only the server imports.
 */
export type * from './types.js';
export type * from './events.js';
export type * from './kb.js';
export type * from './tickets.js';
export type * from './surveys.js';
export type * from './reports.js';
export type * from './employee-surveys.js';
export type * from './webhooks.js';
export type * from './announcements.js';
export type * from './account.js';
export type * from './site-admin.js';
export { DEFAULT_WIDGET } from './site-admin.js';
export type * from './audit.js';
export type * from './people.js';
export type * from './contacts.js';
export type * from './api-tokens.js';
export { API_TOKEN_DOMAINS } from './api-tokens.js';
export { WEBHOOK_EVENTS, WEBHOOK_FORMATS } from './webhooks.js';
export { REPORT_LABELS, reportUnit } from './report-labels.js';
export type { ReportLabels, ReportMetric, ReportUnit } from './report-labels.js';
export { NAMESPACES } from './events.js';
export { ErrorCode, LIMITS, HANDOFF_WORDS, SUPPORTED_LOCALES } from './constants.js';
export type { ErrorCodeValue, Locale } from './constants.js';
