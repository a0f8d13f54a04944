/**
 * Survey invitation tokens: random 32 bytes, only the SHA-256 stored (a leaked table answers no
 * survey), the same shape as tickets/links.ts. A survey link is a low-value credential, but it sits in
 * emails and chat transcripts, and a stored hash costs nothing.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** 43 URL-safe characters; anything else is not a token and is refused without a query. */
export const SURVEY_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

/**
 * The token of a CSAT invitation that must be shown again where the person is (the closed chat after a
 * reload, the ticket page): derived from the invitation's id with the site's secret, so the server can
 * hand the same token out again without storing it. Only its hash is stored, as for random tokens; the
 * label keeps this use of the secret apart from its other one (host-site identity).
 */
export function signedToken(siteSecret: string, invitationId: string): string {
  return createHmac('sha256', siteSecret).update(`parley/survey-invitation/v1:${invitationId}`).digest('base64url');
}
