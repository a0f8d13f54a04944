/**
 * The employee survey API (`/api/surveys/employee/...`) as plain fetch calls, with the intranet's
 * signed token as a Bearer credential. Types come from @parley/protocol as `import type` only.
 */
import type { EmployeeAnswerInput, EmployeeSurveySummary, EmployeeSurveyView, Locale } from '@parley/protocol';
import { callJson } from '../internal/rest.js';

export interface EmployeeSource {
  server: string;
  site: string;
  token: string;
  /** The page's language, when it names one; otherwise the server answers in the token's. */
  locale: Locale | null;
}

const base = (src: EmployeeSource): string => `${src.server.replace(/\/+$/, '')}/api/surveys/employee/${encodeURIComponent(src.site)}`;
const auth = (src: EmployeeSource): Record<string, string> => ({ authorization: `Bearer ${src.token}` });
const query = (src: EmployeeSource): string => (src.locale ? `?locale=${encodeURIComponent(src.locale)}` : '');

export const fetchMySurveys = (src: EmployeeSource, signal?: AbortSignal): Promise<EmployeeSurveySummary[]> =>
  callJson<{ surveys: EmployeeSurveySummary[] }>(`${base(src)}${query(src)}`, { headers: auth(src), signal }).then((r) => r.surveys);

export const fetchSurvey = (src: EmployeeSource, id: string, signal?: AbortSignal): Promise<EmployeeSurveyView> =>
  callJson<{ survey: EmployeeSurveyView }>(`${base(src)}/${encodeURIComponent(id)}${query(src)}`, { headers: auth(src), signal }).then((r) => r.survey);

export const sendAnswers = (src: EmployeeSource, id: string, input: EmployeeAnswerInput): Promise<unknown> =>
  callJson(`${base(src)}/${encodeURIComponent(id)}/answers`, { method: 'POST', headers: { ...auth(src), 'content-type': 'application/json' }, body: JSON.stringify(input) });

/** The intranet's token endpoint answers `{token}` for the signed-in employee (with the page's cookies), as for <parley-feedback>. */
export async function fetchEmployeeToken(url: string): Promise<string> {
  const res = await fetch(url, { credentials: 'include', headers: { accept: 'application/json' } });
  const body = (await res.json()) as { token?: unknown };
  if (!res.ok || typeof body.token !== 'string' || !body.token) throw new Error(`HTTP ${res.status}`);
  return body.token;
}
