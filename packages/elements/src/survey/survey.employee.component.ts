import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { EmployeeAnswerValue, EmployeeSurveySummary, EmployeeSurveyView, Locale } from '@parley/protocol';
import { LocaleController, matchLocale } from '../internal/i18n.js';
import { ParleyElement } from '../internal/parley-element.js';
import { SurveyApiError } from './survey.api.js';
import { fetchEmployeeToken, fetchMySurveys, fetchSurvey, sendAnswers, type EmployeeSource } from './survey.employee.api.js';
import { employeeSurveyStrings, type EmployeeSurveyStrings } from './survey.employee.strings.js';
import { employeeSurveyStyles } from './survey.employee.styles.js';
import { doneTemplate, formTemplate, listTemplate } from './survey.employee.templates.js';

export interface ParleyEmployeeSurveyAnsweredDetail {
  surveyId: string;
}

declare global {
  interface HTMLElementEventMap {
    'parley-employee-survey-answered': CustomEvent<ParleyEmployeeSurveyAnsweredDetail>;
  }
}

type Phase = 'token' | 'loading' | 'list' | 'form' | 'done' | 'already' | 'gone' | 'error' | 'token-error' | 'missing';

/** The `lang` the page gives (crossing shadow roots), or null: then the server answers in the token's language. */
function pageLocale(el: Element): Locale | null {
  for (let node: Node | null = el; node; node = node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode) {
    if (node instanceof Element && node.getAttribute('lang')) return matchLocale(node.getAttribute('lang')) ?? 'en';
  }
  return null;
}

/**
 * @summary The employee mode of `<parley-survey>` (internal: `<parley-survey>` renders it when given an
 * employee token, loading this module only then). Lists the open surveys for the signed-in employee or
 * shows the one named by `surveyId`; rating, choice and text questions; one anonymous answer each.
 *
 * @fires parley-employee-survey-answered - The answers were stored. `detail`: `{surveyId}`.
 */
export class ParleySurveyEmployee extends ParleyElement {
  static override styles = employeeSurveyStyles;

  @property() server = '';
  @property() site = '';
  @property() employeeToken = '';
  @property() employeeTokenUrl = '';
  @property() surveyId = '';

  @state() private phase: Phase = 'loading';
  @state() private surveys: EmployeeSurveySummary[] = [];
  @state() private survey: EmployeeSurveyView | null = null;
  @state() private answers: Record<string, EmployeeAnswerValue> = {};
  @state() private errors: Record<string, string> = {};
  @state() private formError = '';
  @state() private sending = false;
  @state() private announcement = '';

  private readonly l10n = new LocaleController<EmployeeSurveyStrings>(this, employeeSurveyStrings, () => this.survey?.locale ?? this.surveys[0]?.locale ?? null);
  private token = '';
  private loadedKey = '';
  private ctrl: AbortController | undefined;
  private focusNext: string | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.ctrl?.abort();
    this.loadedKey = '';
  }

  private src(): EmployeeSource {
    return { server: this.server || location.origin, site: this.site, token: this.token, locale: pageLocale(this) };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const key = `${this.server}|${this.site}|${this.employeeToken}|${this.employeeTokenUrl}|${this.surveyId}`;
    if (key === this.loadedKey) return;
    if (changed.has('employeeToken') || changed.has('employeeTokenUrl')) this.token = this.employeeToken;
    this.loadedKey = key;
    void this.start();
  }

  private async start(): Promise<void> {
    this.ctrl?.abort();
    const ctrl = new AbortController();
    this.ctrl = ctrl;
    if (!this.site || (!this.token && !this.employeeTokenUrl)) {
      this.phase = 'missing';
      return;
    }
    try {
      if (!this.token) {
        this.phase = 'token';
        try {
          this.token = await fetchEmployeeToken(this.employeeTokenUrl);
        } catch {
          if (!ctrl.signal.aborted) this.phase = 'token-error';
          return;
        }
        if (ctrl.signal.aborted) return;
      }
      this.phase = 'loading';
      if (this.surveyId) await this.show(this.surveyId, ctrl);
      else await this.list(ctrl);
    } catch (err) {
      if (ctrl.signal.aborted) return;
      this.failed(err);
    }
  }

  private failed(err: unknown): void {
    const code = err instanceof SurveyApiError ? err.code : 'internal';
    this.phase = code === 'not_found' ? 'gone' : code === 'closed' ? 'already' : code === 'unauthorized' ? 'token-error' : 'error';
    this.focusNext = '.state';
  }

  /**
   * Runs a call; when the server refuses the token (expired: intranet tokens live a day at most and a
   * page can stay open longer) and the intranet hands out fresh ones, fetches one and tries once more.
   */
  private async fresh<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof SurveyApiError && err.code === 'unauthorized' && this.employeeTokenUrl)) throw err;
      this.token = await fetchEmployeeToken(this.employeeTokenUrl).catch(() => {
        throw err;
      });
      return call();
    }
  }

  private async list(ctrl: AbortController): Promise<void> {
    const surveys = await this.fresh(() => fetchMySurveys(this.src(), ctrl.signal));
    if (ctrl.signal.aborted) return;
    this.surveys = surveys;
    this.survey = null;
    this.l10n.refresh();
    this.phase = 'list';
  }

  private async show(id: string, ctrl: AbortController): Promise<void> {
    const survey = await this.fresh(() => fetchSurvey(this.src(), id, ctrl.signal));
    if (ctrl.signal.aborted) return;
    this.survey = survey;
    this.answers = {};
    this.errors = {};
    this.formError = '';
    this.l10n.refresh();
    this.phase = 'form';
  }

  private readonly open = (id: string): void => {
    const ctrl = new AbortController();
    this.ctrl?.abort();
    this.ctrl = ctrl;
    this.phase = 'loading';
    this.focusNext = '#title';
    this.show(id, ctrl).catch((err) => ctrl.signal.aborted || this.failed(err));
  };

  private readonly back = (): void => {
    const ctrl = new AbortController();
    this.ctrl?.abort();
    this.ctrl = ctrl;
    this.phase = 'loading';
    this.focusNext = '#title';
    this.list(ctrl).catch((err) => ctrl.signal.aborted || this.failed(err));
  };

  private readonly retry = (): void => {
    this.loadedKey = '';
    this.requestUpdate();
  };

  protected override updated(): void {
    if (!this.focusNext) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusNext);
    if (!target) return;
    this.focusNext = null;
    target.focus();
  }

  private announce(text: string): void {
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  // ---------- answering ----------

  private readonly handlers = {
    set: (id: string, value: EmployeeAnswerValue): void => {
      this.answers = { ...this.answers, [id]: value };
      if (this.errors[id]) this.errors = { ...this.errors, [id]: '' };
    },
    toggle: (id: string, option: string, on: boolean): void => {
      const current = Array.isArray(this.answers[id]) ? (this.answers[id] as string[]) : [];
      this.handlers.set(id, on ? [...current.filter((o) => o !== option), option] : current.filter((o) => o !== option));
    },
    submit: (e: SubmitEvent): void => {
      e.preventDefault();
      void this.send();
    },
    back: (): void => this.back(),
  };

  /** The answers to send: blank ones left out, text trimmed. */
  private payload(): Record<string, EmployeeAnswerValue> {
    const out: Record<string, EmployeeAnswerValue> = {};
    for (const [id, v] of Object.entries(this.answers)) {
      if (typeof v === 'string' && v.trim() === '') continue;
      if (Array.isArray(v) && v.length === 0) continue;
      out[id] = typeof v === 'string' ? v.trim() : v;
    }
    return out;
  }

  private async send(): Promise<void> {
    const survey = this.survey;
    if (this.sending || !survey) return;
    const s = this.l10n.s;
    const answers = this.payload();
    const missing = survey.questions.filter((q) => q.required && answers[q.id] === undefined);
    if (missing.length > 0) {
      this.errors = Object.fromEntries(missing.map((q) => [q.id, s.answerThis]));
      this.formError = s.fixErrors(missing.length);
      const first = missing[0]!;
      this.focusNext = first.type === 'text' ? `#${first.id}` : `input[name="${first.id}"]`;
      return;
    }
    this.sending = true;
    this.errors = {};
    this.formError = '';
    try {
      await this.fresh(() => sendAnswers(this.src(), survey.id, { answers }));
    } catch (err) {
      this.sending = false;
      const e = err instanceof SurveyApiError ? err : new SurveyApiError('internal', String(err), 500);
      if (e.code === 'closed' || e.code === 'not_found' || e.code === 'unauthorized') {
        this.phase = e.code === 'closed' ? 'already' : e.code === 'not_found' ? 'gone' : 'token-error';
        this.focusNext = '.state';
        return;
      }
      this.formError = e.status === 0 ? s.network : e.status === 429 ? s.rateLimited : e.status >= 500 ? s.serverDown : e.message;
      this.focusNext = 'button[type="submit"]';
      return;
    }
    this.sending = false;
    this.phase = 'done';
    this.focusNext = '#done-title';
    this.announce(`${s.thanks} ${s.recorded}`);
    this.emit('parley-employee-survey-answered', { surveyId: survey.id });
  }

  // ---------- rendering ----------

  private date(iso: string): string {
    return new Date(iso).toLocaleDateString(this.l10n.locale, { dateStyle: 'medium' });
  }

  protected override render(): TemplateResult {
    return html`<div class="base" part="base">
      ${this.view()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private view(): TemplateResult {
    const s = this.l10n.s;
    const back = this.surveyId ? null : this.back;
    switch (this.phase) {
      case 'missing':
        return html`<p class="state error" role="alert">${s.missing}</p>`;
      case 'token-error':
        return html`<div class="state error" role="alert" tabindex="-1">
          <p>${s.tokenError}</p>
        </div>`;
      case 'error':
        return html`<div class="state error" role="alert" tabindex="-1">
          <p>${s.loadError}</p>
          <button type="button" @click=${this.retry}>${s.retry}</button>
        </div>`;
      case 'gone':
      case 'already':
        return html`<div class="state" role="status" tabindex="-1">
          <p>${this.phase === 'gone' ? s.gone : s.already}</p>
          ${back ? html`<div class="actions"><button type="button" @click=${back}>${s.back}</button></div>` : ''}
        </div>`;
      case 'list':
        return listTemplate(s, this.surveys, (iso) => this.date(iso), this.open);
      case 'done':
        return doneTemplate(s, s.recorded, back);
      case 'form':
        if (this.survey) {
          return formTemplate(
            { s, survey: this.survey, answers: this.answers, errors: this.errors, formError: this.formError, sending: this.sending, back: back !== null },
            this.handlers,
          );
        }
        break;
      default:
        break;
    }
    return html`<p class="state" aria-busy="true">${s.loading}</p>`;
  }
}
