import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SurveyAnswer, SurveyInvitation, SurveyKind } from '@parley/protocol';
import { LocaleController } from '../internal/i18n.js';
import { ParleyElement } from '../internal/parley-element.js';
import { SurveyApiError, fetchInvitation, requestNps, sendAnswer } from './survey.api.js';
import { scoreLabel, surveyStrings, type SurveyStrings } from './survey.strings.js';
import { surveyStyles } from './survey.styles.js';
import { doneTemplate, formTemplate } from './survey.templates.js';

export interface ParleySurveyAnsweredDetail {
  kind: SurveyKind;
  score: number;
}

export interface ParleySurveySkippedDetail {
  /** Why nobody was asked: this visitor answered (or was asked) within the site's interval. */
  reason: 'recently_asked';
}

declare global {
  interface HTMLElementEventMap {
    'parley-survey-answered': CustomEvent<ParleySurveyAnsweredDetail>;
    'parley-survey-skipped': CustomEvent<ParleySurveySkippedDetail>;
  }
}

type Phase = 'loading' | 'question' | 'done' | 'gone' | 'error' | 'skipped' | 'missing';

/**
 * @summary A one-question survey: CSAT (1–5, faces) after a chat or a ticket, or NPS (0–10), with an
 * optional comment. Opened with the invitation's `token` (from an email link), or with `type="nps"` and a
 * `site`, when it asks the server whether this visitor may be asked now and shows nothing if not. After
 * sending it thanks the person and offers "Change my answer" while the server allows it (24 hours).
 *
 * Language: the `lang` attribute of the element or of an ancestor; without one, the invitation's language
 * (once loaded), else the browser's. The question itself is the server's text in the invitation's language.
 *
 * Employee mode (intranet): with `employee-token-url` (the intranet's endpoint answering `{token}`, as for
 * `<parley-feedback>`) or `employee-token`, and `site`, it lists the open employee surveys for the signed-in
 * employee, or shows the one named by `survey-id`, and takes one anonymous answer each. That mode's code is
 * loaded only when asked for (survey.employee.ts).
 *
 * @fires parley-survey-answered - An answer was saved (first or changed). `detail`: `{kind, score}`.
 * @fires parley-employee-survey-answered - Employee mode: a survey's answers were stored. `detail`: `{surveyId}`.
 * @fires parley-survey-skipped - NPS mode: this visitor was asked recently; nothing is shown. `detail`: `{reason}`.
 *
 * @csspart base - The element's box.
 * @csspart form - The question, scale and comment.
 * @csspart option - One point of the scale.
 * @csspart error - A message about the answer (no score chosen, refused, no connection).
 * @csspart submit - The Send button.
 * @csspart done - The thank-you view with the answer given.
 * @csspart employee - Employee mode: the box holding the survey list or form.
 *
 * @cssproperty --parley-accent - Chosen score, Send button, focus ring.
 * @cssproperty --parley-accent-contrast - Text on the accent colour.
 * @cssproperty --parley-surface - Background and fields.
 * @cssproperty --parley-text - Text colour.
 * @cssproperty --parley-text-muted - Hints and the scale's end labels.
 * @cssproperty --parley-border - Borders.
 * @cssproperty --parley-danger - Errors.
 * @cssproperty --parley-radius-small - Corner radius.
 * @cssproperty --parley-font - Font family.
 * @cssproperty --parley-font-size - Base text size (px).
 */
export class ParleySurvey extends ParleyElement {
  static override styles = surveyStyles;

  /** Origin of the Parley server; defaults to the page's origin. */
  @property() server = '';
  /** The invitation's token (from the survey link). */
  @property() token = '';
  /** `nps`: ask the server for an NPS invitation for this visitor (needs `site`) instead of using `token`. */
  @property() type = '';
  /** The site key, for `type="nps"` and the employee mode. */
  @property() site = '';
  /** Employee mode: where the intranet hands out the signed-in employee's token (`{token}`, fetched with the page's cookies). */
  @property({ attribute: 'employee-token-url' }) employeeTokenUrl = '';
  /** Employee mode: the intranet's signed employee token itself (prefer `employee-token-url`: then it never sits in the HTML). */
  @property({ attribute: 'employee-token' }) employeeToken = '';
  /** Employee mode: show this survey instead of the list of open ones. */
  @property({ attribute: 'survey-id' }) surveyId = '';

  @state() private phase: Phase = 'loading';
  @state() private invitation: SurveyInvitation | null = null;
  @state() private score: number | null = null;
  @state() private comment = '';
  @state() private error = '';
  @state() private closed = '';
  @state() private sending = false;
  @state() private changing = false;
  @state() private announcement = '';

  private readonly l10n = new LocaleController<SurveyStrings>(this, surveyStrings, () => this.invitation?.locale ?? null);
  /** The token in use: the attribute's, or the one the NPS request handed out. */
  private active = '';
  private loadedKey = '';
  private loadCtrl: AbortController | undefined;
  private focusNext: string | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadCtrl?.abort();
    this.loadCtrl = undefined;
    // Put back in the page: start again (an NPS request in flight was cut off).
    this.loadedKey = '';
  }

  private origin(): string {
    return this.server || location.origin;
  }

  // ---------- loading ----------

  private get employeeMode(): boolean {
    return !!(this.employeeTokenUrl || this.employeeToken);
  }

  protected override willUpdate(): void {
    if (this.employeeMode) {
      // A module of its own: the CSAT/NPS survey never downloads the employee mode.
      void import('./survey.employee.js');
      return;
    }
    const key = `${this.origin()}|${this.token}|${this.type}|${this.site}`;
    if (key === this.loadedKey) return;
    this.loadedKey = key;
    this.invitation = null;
    this.changing = false;
    this.closed = '';
    void this.start();
  }

  private async start(): Promise<void> {
    this.loadCtrl?.abort();
    const ctrl = new AbortController();
    this.loadCtrl = ctrl;
    this.phase = 'loading';
    try {
      let token = this.token;
      if (!token && this.type === 'nps' && this.site) {
        // Imported here: reading the stored token pulls in @parley/client (Socket.IO), which a survey
        // opened from an email link must not download; on a page with the chat it is already loaded.
        const { storedVisitorToken } = await import('../internal/visitor-token.js');
        const r = await requestNps(this.origin(), this.site, storedVisitorToken(this.site), this.l10n.locale, ctrl.signal);
        if (ctrl.signal.aborted) return;
        if (!r.asked) {
          this.phase = 'skipped';
          this.emit('parley-survey-skipped', { reason: r.reason });
          return;
        }
        token = r.token;
      }
      if (!token) {
        this.phase = 'missing';
        return;
      }
      const inv = await fetchInvitation(this.origin(), token, ctrl.signal);
      if (ctrl.signal.aborted) return;
      this.active = token;
      this.invitation = inv;
      this.l10n.refresh();
      this.score = inv.answer?.score ?? null;
      this.comment = inv.answer?.comment ?? '';
      this.error = '';
      this.phase = inv.answer ? 'done' : 'question';
    } catch (err) {
      if (ctrl.signal.aborted) return;
      this.phase = err instanceof SurveyApiError && err.code === 'not_found' ? 'gone' : 'error';
    } finally {
      if (this.loadCtrl === ctrl) this.loadCtrl = undefined;
    }
  }

  private readonly retry = (): void => {
    this.loadedKey = '';
    this.requestUpdate();
  };

  protected override updated(): void {
    if (!this.focusNext) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusNext);
    this.focusNext = null;
    target?.focus();
  }

  private announce(text: string): void {
    // Emptied first: the same words twice must be spoken twice.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  // ---------- answering ----------

  private readonly handlers = {
    score: (n: number): void => {
      this.score = n;
      this.error = '';
    },
    comment: (text: string): void => {
      this.comment = text;
    },
    submit: (e: SubmitEvent): void => {
      e.preventDefault();
      void this.send();
    },
    keydown: (e: KeyboardEvent): void => {
      // Enter on a radio sends, as it does in a text field (browsers differ on radios).
      if (e.key !== 'Enter' || (e.target as HTMLElement).tagName !== 'INPUT') return;
      e.preventDefault();
      void this.send();
    },
    cancel: (): void => {
      const a = this.invitation?.answer;
      this.changing = false;
      this.score = a?.score ?? null;
      this.comment = a?.comment ?? '';
      this.error = '';
      this.phase = 'done';
      this.focusNext = '#change';
    },
  };

  private async send(): Promise<void> {
    const inv = this.invitation;
    if (this.sending || !inv) return;
    const s = this.l10n.s;
    if (this.score === null) {
      this.error = s.chooseScore;
      this.focusNext = 'input[name="score"]';
      return;
    }
    const score = this.score;
    const comment = this.comment.trim();
    this.sending = true;
    this.error = '';
    let answer: SurveyAnswer;
    try {
      answer = await sendAnswer(this.origin(), this.active, comment ? { score, comment } : { score });
    } catch (err) {
      this.sending = false;
      this.refused(err);
      return;
    }
    this.sending = false;
    this.invitation = { ...inv, answer };
    this.comment = answer.comment ?? '';
    this.changing = false;
    this.phase = 'done';
    this.focusNext = '#done-title';
    this.announce(`${s.thanks} ${s.yourScore(scoreLabel(s, inv.kind, answer.score))}`);
    this.emit('parley-survey-answered', { kind: inv.kind, score: answer.score });
  }

  private refused(err: unknown): void {
    const s = this.l10n.s;
    const e = err instanceof SurveyApiError ? err : new SurveyApiError('internal', String(err), 500);
    if (e.code === 'closed' && this.invitation?.answer) {
      // Too late to change: back to the answer that stands, with the server's reason.
      this.closed = e.message;
      this.handlers.cancel();
      this.focusNext = '#done-title';
      this.announce(e.message);
      return;
    }
    if (e.code === 'not_found') {
      this.phase = 'gone';
      return;
    }
    this.error = e.status === 0 ? s.network : e.status === 429 ? s.rateLimited : e.status >= 500 ? s.serverDown : e.message;
    this.focusNext = 'button[type="submit"]';
  }

  private until(answer: SurveyAnswer): string {
    const end = Date.parse(answer.changeableUntil);
    if (!(end > Date.now())) return '';
    return new Date(end).toLocaleString(this.l10n.locale, { dateStyle: 'medium', timeStyle: 'short' });
  }

  // ---------- rendering ----------

  protected override render(): TemplateResult {
    if (this.employeeMode) {
      return html`<parley-survey-employee
        part="employee"
        .server=${this.server}
        .site=${this.site}
        .employeeToken=${this.employeeToken}
        .employeeTokenUrl=${this.employeeTokenUrl}
        .surveyId=${this.surveyId}
      ></parley-survey-employee>`;
    }
    if (this.phase === 'skipped') return html``;
    return html`<div class="base" part="base">
      ${this.renderView()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderView(): TemplateResult {
    const s = this.l10n.s;
    const inv = this.invitation;
    switch (this.phase) {
      case 'missing':
        return html`<p class="state error" role="alert">${s.missing}</p>`;
      case 'gone':
        return html`<p class="state error" role="alert">${s.gone}</p>`;
      case 'error':
        return html`<div class="state error" role="alert">
          <p>${s.loadError}</p>
          <button type="button" @click=${this.retry}>${s.retry}</button>
        </div>`;
      case 'loading':
        return html`<p class="state" aria-busy="true">${s.loading}</p>`;
      default:
        break;
    }
    if (!inv) return html``;
    if (this.phase === 'done' && inv.answer) {
      return doneTemplate({ s, invitation: inv, answer: inv.answer, until: this.until(inv.answer), closed: this.closed }, () => this.startChange());
    }
    return html`<h2 id="title" tabindex="-1">${s.title}</h2>
      ${formTemplate({ s, invitation: inv, score: this.score, comment: this.comment, error: this.error, sending: this.sending, changing: this.changing }, this.handlers)}`;
  }

  private startChange(): void {
    this.changing = true;
    this.phase = 'question';
    this.focusNext = this.score === null ? 'input[name="score"]' : `#score-${this.score}`;
  }
}
