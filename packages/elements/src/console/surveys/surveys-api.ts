/**
 * The console's survey APIs: employee surveys (`/api/console/employee-surveys`: drafts, opening,
 * closing, results) and customer surveys (`/api/console/surveys`: CSAT and NPS settings, answers).
 */
import type {
  EmployeeSurveyAdmin,
  EmployeeSurveyInput,
  EmployeeSurveyOpenInput,
  EmployeeSurveyResults,
  Locale,
  SurveyKind,
  SurveyResponseRow,
  SurveySettings,
  SurveySettingsPatch,
} from '@parley/protocol';
import { ConsoleRest } from '../console-rest.js';

export class EmployeeSurveysApi extends ConsoleRest {
  constructor(server: string, token: string, site = '', onUnauthorized: () => void = () => {}) {
    super(server, token, site, onUnauthorized, '/api/console/employee-surveys');
  }

  list(signal?: AbortSignal): Promise<EmployeeSurveyAdmin[]> {
    return this.call<{ surveys: EmployeeSurveyAdmin[] }>('GET', '', {}, undefined, signal).then((r) => r.surveys);
  }

  create(input: EmployeeSurveyInput): Promise<EmployeeSurveyAdmin> {
    return this.call<{ survey: EmployeeSurveyAdmin }>('POST', '', {}, input).then((r) => r.survey);
  }

  update(id: string, input: EmployeeSurveyInput): Promise<EmployeeSurveyAdmin> {
    return this.call<{ survey: EmployeeSurveyAdmin }>('PUT', `/${encodeURIComponent(id)}`, {}, input).then((r) => r.survey);
  }

  /** Drafts only; answers 204. */
  async remove(id: string): Promise<void> {
    await this.request('DELETE', `/${encodeURIComponent(id)}`);
  }

  open(id: string, input: EmployeeSurveyOpenInput): Promise<EmployeeSurveyAdmin> {
    return this.call<{ survey: EmployeeSurveyAdmin }>('POST', `/${encodeURIComponent(id)}/open`, {}, input).then((r) => r.survey);
  }

  close(id: string): Promise<EmployeeSurveyAdmin> {
    return this.call<{ survey: EmployeeSurveyAdmin }>('POST', `/${encodeURIComponent(id)}/close`, {}, {}).then((r) => r.survey);
  }

  results(id: string, signal?: AbortSignal): Promise<EmployeeSurveyResults> {
    return this.call<{ results: EmployeeSurveyResults }>('GET', `/${encodeURIComponent(id)}/results`, {}, undefined, signal).then((r) => r.results);
  }

  resultsCsv(id: string, locale: Locale): Promise<{ blob: Blob; name: string }> {
    return this.download(`/${encodeURIComponent(id)}/results.csv`, { locale }, `employee-survey-${id}.csv`);
  }
}

/** CSAT and NPS: the site's settings (admins change them) and the answers, newest first. */
export class CustomerSurveysApi extends ConsoleRest {
  constructor(server: string, token: string, site = '', onUnauthorized: () => void = () => {}) {
    super(server, token, site, onUnauthorized, '/api/console/surveys');
  }

  settings(): Promise<{ settings: SurveySettings; defaults: SurveySettings }> {
    return this.call('GET', '/settings');
  }

  saveSettings(patch: SurveySettingsPatch): Promise<SurveySettings> {
    return this.call<{ settings: SurveySettings }>('PUT', '/settings', {}, patch).then((r) => r.settings);
  }

  responses(q: { kind: SurveyKind | ''; before?: string; limit: number }): Promise<SurveyResponseRow[]> {
    return this.call<{ responses: SurveyResponseRow[] }>('GET', '/responses', { kind: q.kind, before: q.before, limit: String(q.limit) }).then((r) => r.responses);
  }
}

/**
 * The intranet's roster as uploaded: a JSON array of `{subject, departments}`, or CSV lines of
 * `subject,department;department` (a header line starting with "subject" is skipped). Throws with
 * the line that is wrong, so the person uploading can fix their export.
 */
export function parseRoster(text: string): NonNullable<EmployeeSurveyOpenInput['roster']> {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('[')) {
    const parsed = JSON.parse(trimmed) as unknown;
    if (!Array.isArray(parsed)) throw new Error('the JSON roster must be an array');
    return parsed.map((p, i) => {
      const subject = (p as { subject?: unknown })?.subject;
      if (typeof subject !== 'string' || !subject.trim()) throw new Error(`entry ${i + 1} has no subject`);
      const departments = (p as { departments?: unknown }).departments;
      return { subject: subject.trim(), departments: Array.isArray(departments) ? departments.map(String) : [] };
    });
  }
  return trimmed
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line, i) => line && !(i === 0 && /^"?subject"?\s*(,|$)/i.test(line)))
    .map((line) => {
      const [subject, departments = ''] = line.split(',', 2).map((part) => part.trim().replace(/^"|"$/g, ''));
      if (!subject) throw new Error(`a line has no subject: ${line}`);
      return { subject, departments: departments.split(/[;；、]/).map((d) => d.trim()).filter(Boolean) };
    });
}
