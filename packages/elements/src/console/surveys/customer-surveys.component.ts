import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Locale, SurveyKind, SurveyResponseRow, SurveySettings, SurveySettingsPatch } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import { editorStyles } from '../console-editor.js';
import { kbBase } from '../kb/kb.styles.js';
import type { CustomerSurveysApi } from './surveys-api.js';
import { customerStrings } from './customer-surveys.strings.js';
import { surveysStyles } from './surveys.styles.js';

const LOCALES: readonly Locale[] = ['en', 'zh-CN', 'zh-TW'];
const KINDS: readonly SurveyKind[] = ['csat', 'nps'];
const PAGE = 50;

/**
 * Customer surveys in the console: the site's CSAT and NPS question texts per language, how often
 * one person may be asked NPS and after how many days a returning visitor is asked (admins change them; supervisors read them), and the latest answers
 * with their comments (supervisors: their departments).
 *
 * @summary Customer survey settings and answers (internal; rendered by the console's Surveys view).
 */
export class ParleyConsoleCustomerSurveys extends ParleyElement {
  static override styles = [kbBase, editorStyles, surveysStyles];

  @property({ attribute: false }) api: CustomerSurveysApi | null = null;
  /** Admins change the settings; others read them. */
  @property({ type: Boolean }) canEdit = false;

  @state() private settings: SurveySettings | null = null;
  @state() private defaults: SurveySettings | null = null;
  @state() private draft: { frequency: string; afterDays: string; questions: Record<SurveyKind, Record<Locale, string>> } | null = null;
  @state() private responses: SurveyResponseRow[] | null = null;
  @state() private more = false;
  @state() private kind: SurveyKind | '' = '';
  @state() private error = '';
  @state() private saving = false;
  @state() private announcement = '';

  private readonly l10n = new LocaleController(this, customerStrings);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') && this.api) {
      void this.loadSettings();
      void this.loadResponses(false);
    }
  }

  private fail(err: unknown): void {
    this.error = this.l10n.s.failed(err instanceof Error ? err.message : String(err));
  }

  private adopt(settings: SurveySettings): void {
    this.settings = settings;
    const q = (k: SurveyKind) => Object.fromEntries(LOCALES.map((l) => [l, settings.questions[k][l] ?? ''])) as Record<Locale, string>;
    this.draft = { frequency: String(settings.npsFrequencyDays), afterDays: settings.npsAfterDays === null ? '' : String(settings.npsAfterDays), questions: { csat: q('csat'), nps: q('nps') } };
  }

  private async loadSettings(): Promise<void> {
    try {
      const { settings, defaults } = await this.api!.settings();
      this.defaults = defaults;
      this.adopt(settings);
    } catch (err) {
      this.fail(err);
    }
  }

  private async loadResponses(append: boolean): Promise<void> {
    try {
      const before = append ? this.responses?.at(-1)?.createdAt : undefined;
      const page = await this.api!.responses({ kind: this.kind, before, limit: PAGE });
      this.responses = append ? [...(this.responses ?? []), ...page] : page;
      this.more = page.length === PAGE;
    } catch (err) {
      this.fail(err);
    }
  }

  /** Only what changed goes to the server; a text emptied goes back to the default. */
  private patch(): SurveySettingsPatch {
    const d = this.draft!;
    const s = this.settings!;
    const patch: SurveySettingsPatch = {};
    if (Number(d.frequency) !== s.npsFrequencyDays) patch.npsFrequencyDays = Number(d.frequency);
    const afterDays = d.afterDays.trim() ? Number(d.afterDays) : null;
    if (afterDays !== s.npsAfterDays) patch.npsAfterDays = afterDays;
    for (const k of KINDS) {
      for (const l of LOCALES) {
        const next = d.questions[k][l].trim();
        if (next === (s.questions[k][l] ?? '')) continue;
        patch.questions ??= {};
        (patch.questions[k] ??= {})[l] = next || null;
      }
    }
    return patch;
  }

  private async onSave(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.saving || !this.api) return;
    this.saving = true;
    this.error = '';
    try {
      this.adopt(await this.api.saveSettings(this.patch()));
      this.announcement = this.l10n.s.saved;
    } catch (err) {
      this.fail(err);
    } finally {
      this.saving = false;
    }
  }

  protected override render(): TemplateResult {
    return html`
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.renderSettings()} ${this.renderResponses()}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  private renderSettings(): TemplateResult {
    const s = this.l10n.s;
    const d = this.draft;
    if (!d) return html`<p class="state">${s.loading}</p>`;
    const ro = !this.canEdit;
    return html`<form @submit=${this.onSave} aria-labelledby="settings-heading" aria-busy=${this.saving ? 'true' : 'false'}>
      <h3 id="settings-heading">${s.settings}</h3>
      ${ro ? html`<p class="hint">${s.readOnly}</p>` : nothing}
      ${KINDS.map(
        (k) => html`<fieldset>
          <legend>${s.question[k]}</legend>
          <div class="localized">
            ${LOCALES.map(
              (l) => html`<div>
                <label for=${`${k}-${l}`}>${s.language[l]}</label>
                <input
                  id=${`${k}-${l}`}
                  lang=${l}
                  .value=${d.questions[k][l]}
                  ?readonly=${ro}
                  placeholder=${this.defaults?.questions[k][l] ?? ''}
                  @input=${(e: Event) => ((d.questions[k][l] = (e.target as HTMLInputElement).value), this.requestUpdate())}
                />
              </div>`,
            )}
          </div>
        </fieldset>`,
      )}
      <div>
        <label for="frequency">${s.frequency}</label>
        <input id="frequency" type="number" min="1" max="3650" step="1" inputmode="numeric" .value=${d.frequency} ?readonly=${ro} aria-describedby="frequency-hint" @input=${(e: Event) => ((d.frequency = (e.target as HTMLInputElement).value), this.requestUpdate())} />
        <p class="hint" id="frequency-hint">${s.frequencyHint}</p>
      </div>
      <div>
        <label for="after-days">${s.afterDays}</label>
        <input id="after-days" type="number" min="1" max="3650" step="1" inputmode="numeric" .value=${d.afterDays} ?readonly=${ro} aria-describedby="after-days-hint" @input=${(e: Event) => ((d.afterDays = (e.target as HTMLInputElement).value), this.requestUpdate())} />
        <p class="hint" id="after-days-hint">${s.afterDaysHint}</p>
      </div>
      ${ro ? nothing : html`<div class="buttons"><button type="submit" class="primary" ?disabled=${this.saving}>${s.save}</button></div>`}
    </form>`;
  }

  private renderResponses(): TemplateResult {
    const s = this.l10n.s;
    const list = this.responses;
    const date = new Intl.DateTimeFormat(this.l10n.locale, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<section>
      <h3 id="responses-heading">${s.responses}</h3>
      <div class="filters">
        <div>
          <label for="kind">${s.kind}</label>
          <select id="kind" @change=${(e: Event) => ((this.kind = (e.target as HTMLSelectElement).value as SurveyKind | ''), void this.loadResponses(false))}>
            <option value="">${s.allKinds}</option>
            ${KINDS.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${s.kindName[k]}</option>`)}
          </select>
        </div>
      </div>
      ${list === null
        ? html`<p class="state">${s.loading}</p>`
        : list.length === 0
          ? html`<p class="state empty">${s.noResponses}</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${s.responses}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">${s.colWhen}</th>
                    <th scope="col">${s.kind}</th>
                    <th scope="col" class="num">${s.colScore}</th>
                    <th scope="col">${s.colComment}</th>
                    <th scope="col">${s.colAbout}</th>
                  </tr>
                </thead>
                <tbody>
                  ${list.map(
                    (r) => html`<tr>
                      <td>${date.format(new Date(r.createdAt))}</td>
                      <td>${s.kindName[r.kind]}</td>
                      <td class="num">${r.score}</td>
                      <td class="comment">${r.comment ?? ''}</td>
                      <td>${r.ticketId ? s.aboutTicket : r.conversationId ? s.aboutChat : s.aboutSite}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>
            ${this.more ? html`<button type="button" @click=${() => void this.loadResponses(true)}>${s.loadMore}</button>` : nothing}`}
    </section>`;
  }
}
