/** Error codes carried in `{ok: false, error: {code, message}}`; clients switch on `code`, show `message`. */
export const ErrorCode = {
  /** The payload failed validation; `message` names the field. */
  invalid: 'invalid',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not_found',
  /** The conversation was claimed by someone else first (claim race). */
  alreadyClaimed: 'already_claimed',
  /** The conversation is closed; start a new one. */
  closed: 'closed',
  /** The change conflicts with what the data holds now (e.g. deleting a department with open work); `message` says what. */
  conflict: 'conflict',
  /** Too many requests; retry after `retryAfterMs` when given. */
  rateLimited: 'rate_limited',
  tooLarge: 'too_large',
  /** The server could not commit (database down); the client keeps the item pending and retries. */
  unavailable: 'unavailable',
  internal: 'internal',
  /** This session may only enrol in two-factor (it is required for this person and not set up yet). */
  twoFactorEnrolmentRequired: 'two_factor_enrolment_required',
} as const;
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

export const LIMITS = {
  /** Characters in one chat message. */
  messageChars: 4000,
  /** Messages returned by one history/resume request. */
  historyPage: 500,
  nameChars: 80,
} as const;

export const SUPPORTED_LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

/**
 * Words that often come with a request for a person: a hint for widgets only (say, to offer the
 * "Talk to a person" button sooner). The bot never hands off on a word alone; it reads the request's
 * form (server/src/bot/intent.ts), so "客服电话是多少" or "agent login not working" get answers.
 * 客服 and "support" are left out: most messages that contain them are questions, not requests.
 */
export const HANDOFF_WORDS = ['human', 'agent', 'person', 'operator', 'representative', '人工', '转人工', '轉人工', '真人'] as const;
