/**
 * The public survey API (`/api/surveys/...`) as plain fetch calls: a survey opened from an email link
 * must not pay for Socket.IO or zod. Types come from @parley/protocol as `import type` only.
 */
import type { Locale, NpsRequestResult, SurveyAnswer, SurveyAnswerInput, SurveyInvitation } from '@parley/protocol';
import { callJson } from '../internal/rest.js';

export { ApiError as SurveyApiError } from '../internal/rest.js';

const api = (server: string): string => `${server.replace(/\/+$/, '')}/api/surveys`;
const invitation = (server: string, token: string): string => `${api(server)}/invitations/${encodeURIComponent(token)}`;
const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const fetchInvitation = (server: string, token: string, signal?: AbortSignal): Promise<SurveyInvitation> =>
  callJson<{ invitation: SurveyInvitation }>(invitation(server, token), { signal }).then((r) => r.invitation);

export const sendAnswer = (server: string, token: string, input: SurveyAnswerInput): Promise<SurveyAnswer> =>
  callJson<{ answer: SurveyAnswer }>(`${invitation(server, token)}/answer`, json(input)).then((r) => r.answer);

/** Whether this visitor may be asked the NPS question now; the server keeps the interval. */
export function requestNps(server: string, site: string, visitorToken: string, locale: Locale, signal?: AbortSignal): Promise<NpsRequestResult> {
  const body = visitorToken ? { visitorToken, locale } : { locale };
  return callJson<NpsRequestResult>(`${api(server)}/sites/${encodeURIComponent(site)}/nps`, { ...json(body), signal });
}
