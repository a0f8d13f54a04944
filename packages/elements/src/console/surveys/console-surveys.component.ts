import { html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { EmployeeSurveyAdmin, EmployeeSurveyResults } from '@parley/protocol';
import { LocaleController, localized } from '../../internal/i18n.js';
import { saveBlob } from '../console-rest.js';
import { ParleyConsoleSubview, subviewHost } from '../console-subview.js';
import { editorStyles } from '../console-editor.js';
import { kbBase } from '../kb/kb.styles.js';
import type { ParleyConsoleSurveyEditor } from './survey-editor.component.js';
import { renderResults } from './survey-results.templates.js';
import { CustomerSurveysApi, EmployeeSurveysApi } from './surveys-api.js';
import { surveysStrings } from './surveys.strings.js';
import { surveysStyles } from './surveys.styles.js';

declare global {
  interface HTMLElementEventMap {
    'parley-surveys-unauthorized': CustomEvent<Record<string, never>>;
  }
}

type Screen = { kind: 'list' } | { kind: 'edit'; survey: EmployeeSurveyAdmin | null } | { kind: 'results'; survey: EmployeeSurveyAdmin };

/**
 * The console's surveys, for supervisors (their departments) and admins. Employee surveys: the list,
 * the editor for drafts, and results (groups of at least five) with Close and a CSV download. Talks to
 * `/api/console/employee-surveys`; employees answer on the intranet through `<parley-survey>`.
 * Customer surveys: the CSAT and NPS question texts and frequency, and the latest answers.
 *
 * @summary Surveys of the agent console (internal; rendered by `<parley-console>`).
 * @fires parley-surveys-unauthorized - The server refused the token: the console signs the agent out.
 */
export class ParleyConsoleSurveys extends ParleyConsoleSubview {
  static override styles = [kbBase, subviewHost, editorStyles, surveysStyles];

  @state() private tab: 'employee' | 'customer' = 'employee';
  @state() private screen: Screen = { kind: 'list' };
  @state() private surveys: EmployeeSurveyAdmin[] | null = null;
  @state() private results: EmployeeSurveyResults | null = null;
  @state() private group = 'all';
  @state() private error = '';

  @query('parley-console-survey-editor') private editorEl?: ParleyConsoleSurveyEditor;

  private readonly l10n = new LocaleController(this, surveysStrings);
  private api: EmployeeSurveysApi | null = null;
  @state() private customerApi: CustomerSurveysApi | null = null;

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#surveys-heading')?.focus();
  }

  protected override sessionChanged(): void {
    const expired = () => this.emit('parley-surveys-unauthorized', {});
    this.api = this.token ? new EmployeeSurveysApi(this.server, this.token, this.site, expired) : null;
    this.customerApi = this.token ? new CustomerSurveysApi(this.server, this.token, this.site, expired) : null;
    if (this.api) void this.loadList();
  }

  private fail(err: unknown): void {
    this.error = this.l10n.s.failed(err instanceof Error ? err.message : String(err));
  }

  private async loadList(): Promise<void> {
    this.error = '';
    try {
      this.surveys = (await this.api?.list()) ?? null;
    } catch (err) {
      this.fail(err);
    }
  }

  private async show(screen: Screen): Promise<void> {
    this.screen = screen;
    this.error = '';
    if (screen.kind === 'results') {
      this.results = null;
      this.group = 'all';
      try {
        this.results = (await this.api?.results(screen.survey.id)) ?? null;
      } catch (err) {
        this.fail(err);
      }
    }
    await this.updateComplete;
    if (screen.kind === 'edit') {
      await this.editorEl?.updateComplete;
      this.editorEl?.focusHeading();
    } else this.renderRoot.querySelector<HTMLElement>(screen.kind === 'list' ? '#surveys-heading' : '#survey-heading')?.focus();
  }

  private async onChanged(e: CustomEvent<{ survey: EmployeeSurveyAdmin | null; message: string }>): Promise<void> {
    this.announcement = e.detail.message;
    await this.loadList();
    const survey = e.detail.survey;
    if (!survey) return this.show({ kind: 'list' });
    return this.show(survey.status === 'draft' ? { kind: 'edit', survey } : { kind: 'results', survey });
  }

  private async close(survey: EmployeeSurveyAdmin): Promise<void> {
    const s = this.l10n.s;
    if (!confirm(s.confirmClose)) return;
    try {
      const closed = await this.api!.close(survey.id);
      this.announcement = s.closed;
      await this.loadList();
      await this.show({ kind: 'results', survey: closed });
    } catch (err) {
      this.fail(err);
    }
  }

  private async download(survey: EmployeeSurveyAdmin): Promise<void> {
    try {
      const { blob, name } = await this.api!.resultsCsv(survey.id, this.l10n.locale);
      saveBlob(blob, name);
      this.announcement = this.l10n.s.downloaded(name);
    } catch (err) {
      this.fail(err);
    }
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    return html`
      <h2 id="surveys-heading" tabindex="-1">${s.heading}</h2>
      <div class="tabs" role="group" aria-label=${s.heading}>
        ${(['employee', 'customer'] as const).map(
          (t) => html`<button type="button" aria-pressed=${this.tab === t ? 'true' : 'false'} @click=${() => (this.tab = t)}>${s.tab[t]}</button>`,
        )}
      </div>
      ${this.tab === 'customer'
        ? html`<parley-console-customer-surveys .api=${this.customerApi} ?canEdit=${this.isAdmin}></parley-console-customer-surveys>`
        : this.renderEmployee()}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  private renderEmployee(): TemplateResult {
    const s = this.l10n.s;
    const screen = this.screen;
    return html`
      ${screen.kind !== 'list' ? html`<button type="button" class="back" @click=${() => void this.show({ kind: 'list' })}>${s.back}</button>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${screen.kind === 'list' ? this.renderList() : nothing}
      ${screen.kind === 'edit'
        ? html`<parley-console-survey-editor
            .api=${this.api}
            .survey=${screen.survey}
            .departments=${this.departments(this.l10n.locale)}
            ?departmentsOnly=${!this.isAdmin}
            @parley-survey-changed=${this.onChanged}
          ></parley-console-survey-editor>`
        : nothing}
      ${screen.kind === 'results' ? this.renderResults(screen.survey) : nothing}
    `;
  }

  private renderList(): TemplateResult {
    const s = this.l10n.s;
    const list = this.surveys;
    const date = new Intl.DateTimeFormat(this.l10n.locale, { dateStyle: 'medium' });
    return html`<p class="hint">${s.intro}</p>
      <button type="button" class="primary" @click=${() => void this.show({ kind: 'edit', survey: null })}>${s.newSurvey}</button>
      ${list === null
        ? html`<p class="state">${s.loading}</p>`
        : list.length === 0
          ? html`<p class="state empty">${s.empty}</p>`
          : html`<div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${s.colTitle}</th>
                    <th scope="col">${s.colState}</th>
                    <th scope="col">${s.colAudience}</th>
                    <th scope="col">${s.colWindow}</th>
                  </tr>
                </thead>
                <tbody>
                  ${list.map(
                    (v) => html`<tr>
                      <th scope="row">
                        <button type="button" class="link open" @click=${() => void this.show(v.status === 'draft' ? { kind: 'edit', survey: v } : { kind: 'results', survey: v })}>
                          ${localized(v.title, this.l10n.locale)}
                        </button>
                      </th>
                      <td><span class="badge state-${v.state}">${s.state[v.state]}</span></td>
                      <td>
                        ${v.audience.kind === 'everyone' ? s.everyone : s.departmentsCount(v.audience.departmentIds.length)}${v.audience.sampleSize ? `, ${s.sampleOf(v.audience.sampleSize)}` : ''}
                      </td>
                      <td>${v.opensAt ? date.format(new Date(v.opensAt)) : s.unknown} – ${v.closesAt ? date.format(new Date(v.closesAt)) : s.unknown}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`}`;
  }

  private renderResults(survey: EmployeeSurveyAdmin): TemplateResult {
    const s = this.l10n.s;
    return html`<section aria-labelledby="survey-heading">
      <h3 id="survey-heading" tabindex="-1">${localized(survey.title, this.l10n.locale)} <span class="badge state-${survey.state}">${s.state[survey.state]}</span></h3>
      <div class="buttons">
        ${survey.state === 'open' || survey.state === 'scheduled' ? html`<button type="button" class="danger" @click=${() => void this.close(survey)}>${s.closeNow}</button>` : nothing}
        <button type="button" @click=${() => void this.download(survey)}>${s.downloadCsv}</button>
      </div>
      <h4>${s.results}</h4>
      ${this.results
        ? renderResults({ s, locale: this.l10n.locale, results: this.results, group: this.group, pickGroup: (g) => (this.group = g) })
        : html`<p class="state">${s.loading}</p>`}
    </section>`;
  }
}
