import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { EmployeeQuestionType, EmployeeSurveyAdmin, EmployeeSurveyInput, Locale, LocalizedText } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import { editorStyles, fromLocalInput, toLocalInput } from '../console-editor.js';
import { kbBase } from '../kb/kb.styles.js';
import { parseRoster, type EmployeeSurveysApi } from './surveys-api.js';
import { surveysStrings } from './surveys.strings.js';
import { surveysStyles } from './surveys.styles.js';

declare global {
  interface HTMLElementEventMap {
    'parley-survey-changed': CustomEvent<{ survey: EmployeeSurveyAdmin | null; message: string }>;
  }
}

const LOCALES: readonly Locale[] = ['en', 'zh-CN', 'zh-TW'];
const TYPES: readonly EmployeeQuestionType[] = ['rating', 'single', 'multiple', 'text'];

type Texts = Record<Locale, string>;
interface DraftQuestion {
  type: EmployeeQuestionType;
  text: Texts;
  required: boolean;
  options: Texts[];
}
interface Draft {
  title: Texts;
  intro: Texts;
  questions: DraftQuestion[];
  kind: 'everyone' | 'departments';
  departmentIds: string[];
  sample: boolean;
  sampleSize: string;
  opensAt: string;
  closesAt: string;
}

const texts = (t?: LocalizedText | null): Texts => ({ en: t?.en ?? '', 'zh-CN': t?.['zh-CN'] ?? '', 'zh-TW': t?.['zh-TW'] ?? '' });
/** Blank translations are left out (the English text stands in); a blank text altogether is null. */
function localizedOf(t: Texts): LocalizedText | null {
  if (!LOCALES.some((l) => t[l].trim())) return null;
  const out: LocalizedText = { en: t.en.trim() };
  if (t['zh-CN'].trim()) out['zh-CN'] = t['zh-CN'].trim();
  if (t['zh-TW'].trim()) out['zh-TW'] = t['zh-TW'].trim();
  return out;
}

function draftOf(s: EmployeeSurveyAdmin | null): Draft {
  return {
    title: texts(s?.title),
    intro: texts(s?.intro),
    questions: s?.questions.map((q) => ({ type: q.type, text: texts(q.text), required: q.required, options: (q.options ?? []).map((o) => texts(o.text)) })) ?? [
      { type: 'rating', text: texts(null), required: true, options: [] },
    ],
    kind: s?.audience.kind ?? 'everyone',
    departmentIds: s?.audience.departmentIds ?? [],
    sample: Boolean(s?.audience.sampleSize),
    sampleSize: s?.audience.sampleSize ? String(s.audience.sampleSize) : '',
    opensAt: toLocalInput(s?.opensAt ?? null),
    closesAt: toLocalInput(s?.closesAt ?? null),
  };
}

/**
 * A draft employee survey being written: texts in three languages, questions of four kinds with
 * their options, the audience (departments, a random sample) and the window; then opening it, with
 * the intranet's roster when a sample is to be drawn. Saves through the console API; the server
 * validates, and its message is shown as is.
 *
 * @summary The employee survey editor (internal; rendered by the console's Surveys view).
 * @fires parley-survey-changed - Saved, opened or deleted: `detail.survey` (null when deleted) and what to announce.
 */
export class ParleyConsoleSurveyEditor extends ParleyElement {
  static override styles = [kbBase, editorStyles, surveysStyles];

  @property({ attribute: false }) api: EmployeeSurveysApi | null = null;
  /** The draft to edit; null for a new survey. */
  @property({ attribute: false }) survey: EmployeeSurveyAdmin | null = null;
  /** Departments this person may survey, named in the reader's language. */
  @property({ attribute: false }) departments: Array<{ id: string; name: string }> = [];
  /** Supervisors survey their departments only: no "everyone". */
  @property({ type: Boolean }) departmentsOnly = false;

  @state() private draft: Draft = draftOf(null);
  @state() private busy = false;
  @state() private error = '';
  @state() private rosterNote = '';
  @state() private audienceSize = '';

  private roster: ReturnType<typeof parseRoster> | null = null;
  private readonly l10n = new LocaleController(this, surveysStrings);

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('survey')) {
      this.draft = draftOf(this.survey);
      if (this.departmentsOnly) this.draft.kind = 'departments';
      this.roster = null;
      this.rosterNote = '';
      this.error = '';
    }
  }

  private input(): EmployeeSurveyInput {
    const d = this.draft;
    return {
      title: localizedOf(d.title) ?? { en: '' },
      intro: localizedOf(d.intro),
      questions: d.questions.map((q) => ({
        type: q.type,
        text: localizedOf(q.text) ?? { en: '' },
        required: q.required,
        ...(q.type === 'single' || q.type === 'multiple' ? { options: q.options.map((o) => localizedOf(o) ?? { en: '' }) } : {}),
      })),
      audience: { kind: d.kind, departmentIds: d.kind === 'departments' ? d.departmentIds : [], sampleSize: d.sample && d.sampleSize ? Number(d.sampleSize) : null },
      opensAt: fromLocalInput(d.opensAt),
      closesAt: fromLocalInput(d.closesAt),
    };
  }

  private async run(action: () => Promise<EmployeeSurveyAdmin | null>, message: string): Promise<void> {
    if (this.busy || !this.api) return;
    this.busy = true;
    this.error = '';
    try {
      const survey = await action();
      this.emit('parley-survey-changed', { survey, message });
    } catch (err) {
      this.error = this.l10n.s.failed(err instanceof Error ? err.message : String(err));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error[role="alert"]')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private save(): Promise<EmployeeSurveyAdmin> {
    const api = this.api!;
    return this.survey ? api.update(this.survey.id, this.input()) : api.create(this.input());
  }

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    void this.run(() => this.save(), this.l10n.s.saved);
  }

  private onOpen(): void {
    const size = this.audienceSize.trim();
    void this.run(async () => {
      const saved = await this.save();
      return this.api!.open(saved.id, this.roster ? { roster: this.roster } : size ? { audienceSize: Number(size) } : {});
    }, this.l10n.s.opened);
  }

  private onDelete(): void {
    const s = this.l10n.s;
    if (!this.survey || !confirm(s.confirmDelete)) return;
    const id = this.survey.id;
    void this.run(() => this.api!.remove(id).then(() => null), s.deleted);
  }

  private async onRoster(e: Event): Promise<void> {
    const file = (e.target as HTMLInputElement).files?.[0];
    const s = this.l10n.s;
    this.roster = null;
    if (!file) return void (this.rosterNote = '');
    try {
      this.roster = parseRoster(await file.text());
      this.rosterNote = s.rosterRead(this.roster.length);
    } catch (err) {
      this.rosterNote = s.rosterBad(err instanceof Error ? err.message : String(err));
    }
  }

  /** Edits the draft in place and re-renders: the draft is this element's own, nothing else holds it. */
  private edit(fn: (d: Draft) => void): void {
    fn(this.draft);
    this.requestUpdate();
  }

  private localizedInputs(id: string, label: string, value: Texts, multiline = false): TemplateResult {
    const s = this.l10n.s;
    return html`<div class="localized">
      ${LOCALES.map((l) => {
        const set = (e: Event) => this.edit(() => (value[l] = (e.target as HTMLInputElement).value));
        return html`<div>
          <label for=${`${id}-${l}`}>${label} · ${s.language[l]}</label>
          ${multiline
            ? html`<textarea id=${`${id}-${l}`} rows="2" lang=${l} .value=${value[l]} @input=${set}></textarea>`
            : html`<input id=${`${id}-${l}`} lang=${l} .value=${value[l]} ?required=${l === 'en' && id === 'title'} @input=${set} />`}
        </div>`;
      })}
    </div>`;
  }

  private renderQuestion(q: DraftQuestion, i: number): TemplateResult {
    const s = this.l10n.s;
    const qs = this.draft.questions;
    const move = (to: number) => this.edit((d) => d.questions.splice(to, 0, ...d.questions.splice(i, 1)));
    return html`<fieldset class="question">
      <legend>${s.questionN(i + 1)}</legend>
      <div class="row">
        <div>
          <label for=${`q${i}-type`}>${s.questionType}</label>
          <select id=${`q${i}-type`} @change=${(e: Event) => this.edit(() => {
            q.type = (e.target as HTMLSelectElement).value as EmployeeQuestionType;
            if ((q.type === 'single' || q.type === 'multiple') && q.options.length < 2) q.options = [texts(null), texts(null)];
          })}>
            ${TYPES.map((t) => html`<option value=${t} ?selected=${t === q.type}>${s.type[t]}</option>`)}
          </select>
        </div>
        <label class="check"><input type="checkbox" .checked=${q.required} @change=${(e: Event) => this.edit(() => (q.required = (e.target as HTMLInputElement).checked))} /> ${s.required}</label>
        <span class="spacer"></span>
        <button type="button" ?disabled=${i === 0} @click=${() => move(i - 1)}>${s.moveUp}</button>
        <button type="button" ?disabled=${i === qs.length - 1} @click=${() => move(i + 1)}>${s.moveDown}</button>
        <button type="button" ?disabled=${qs.length === 1} @click=${() => this.edit((d) => d.questions.splice(i, 1))}>${s.removeQuestion}</button>
      </div>
      ${this.localizedInputs(`q${i}-text`, s.questionText, q.text)}
      ${q.type === 'single' || q.type === 'multiple'
        ? html`<fieldset class="options">
            <legend>${s.options}</legend>
            ${q.options.map(
              (o, j) => html`<div class="option">
                ${this.localizedInputs(`q${i}-o${j}`, s.optionN(j + 1), o)}
                <button type="button" ?disabled=${q.options.length <= 2} @click=${() => this.edit(() => q.options.splice(j, 1))}>${s.removeOption(j + 1)}</button>
              </div>`,
            )}
            <button type="button" @click=${() => this.edit(() => q.options.push(texts(null)))}>${s.addOption}</button>
          </fieldset>`
        : nothing}
    </fieldset>`;
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    const d = this.draft;
    return html`<form @submit=${this.onSubmit} aria-busy=${this.busy ? 'true' : 'false'}>
      <h3 tabindex="-1">${this.survey ? s.editHeading : s.newHeading}</h3>
      ${this.localizedInputs('title', s.title, d.title)} ${this.localizedInputs('intro', s.introLabel, d.intro, true)}
      <h4>${s.questions}</h4>
      ${d.questions.map((q, i) => this.renderQuestion(q, i))}
      <button type="button" @click=${() => this.edit((x) => x.questions.push({ type: 'rating', text: texts(null), required: true, options: [] }))}>${s.addQuestion}</button>

      <fieldset>
        <legend>${s.audience}</legend>
        ${this.departmentsOnly
          ? nothing
          : html`<label class="check"><input type="radio" name="kind" .checked=${d.kind === 'everyone'} @change=${() => this.edit((x) => (x.kind = 'everyone'))} /> ${s.audienceEveryone}</label>
              <label class="check"><input type="radio" name="kind" .checked=${d.kind === 'departments'} @change=${() => this.edit((x) => (x.kind = 'departments'))} /> ${s.audienceDepartments}</label>`}
        ${d.kind === 'departments'
          ? html`<div class="departments">
              ${this.departments.map(
                (dep) => html`<label class="check"><input type="checkbox" .checked=${d.departmentIds.includes(dep.id)} @change=${(e: Event) =>
                  this.edit((x) => (x.departmentIds = (e.target as HTMLInputElement).checked ? [...x.departmentIds, dep.id] : x.departmentIds.filter((id) => id !== dep.id)))} /> ${dep.name}</label>`,
              )}
            </div>`
          : nothing}
        <label class="check"><input type="checkbox" .checked=${d.sample} @change=${(e: Event) => this.edit((x) => (x.sample = (e.target as HTMLInputElement).checked))} /> ${s.sample}</label>
        ${d.sample
          ? html`<div>
              <label for="sample-size">${s.sampleSize}</label>
              <input id="sample-size" type="number" min="1" step="1" inputmode="numeric" .value=${d.sampleSize} aria-describedby="sample-hint" @input=${(e: Event) => this.edit((x) => (x.sampleSize = (e.target as HTMLInputElement).value))} />
              <p class="hint" id="sample-hint">${s.sampleHint}</p>
            </div>`
          : nothing}
      </fieldset>

      <fieldset>
        <legend>${s.window}</legend>
        <div class="row">
          <div><label for="opens-at">${s.opensAt}</label><input id="opens-at" type="datetime-local" .value=${d.opensAt} @change=${(e: Event) => this.edit((x) => (x.opensAt = (e.target as HTMLInputElement).value))} /></div>
          <div><label for="closes-at">${s.closesAt}</label><input id="closes-at" type="datetime-local" .value=${d.closesAt} @change=${(e: Event) => this.edit((x) => (x.closesAt = (e.target as HTMLInputElement).value))} /></div>
        </div>
        <p class="hint">${s.windowHint}</p>
      </fieldset>

      ${this.error ? html`<p class="error" role="alert" tabindex="-1">${this.error}</p>` : nothing}
      <div class="buttons">
        <button type="submit" class="primary" ?disabled=${this.busy}>${s.save}</button>
        ${this.survey ? html`<button type="button" class="danger" ?disabled=${this.busy} @click=${this.onDelete}>${s.deleteDraft}</button>` : nothing}
      </div>

      <section class="open-panel" aria-labelledby="open-heading">
        <h4 id="open-heading">${s.openHeading}</h4>
        <p class="hint">${s.openHint}</p>
        <div>
          <label for="roster">${s.rosterFile}</label>
          <input id="roster" type="file" accept=".csv,.json,text/csv,application/json" aria-describedby="roster-hint roster-note" @change=${this.onRoster} />
          <p class="hint" id="roster-hint">${s.rosterHint}</p>
          <p class="notice" id="roster-note" role="status">${this.rosterNote}</p>
        </div>
        ${d.sample
          ? nothing
          : html`<div>
              <label for="audience-size">${s.audienceSize}</label>
              <input id="audience-size" type="number" min="1" step="1" inputmode="numeric" .value=${this.audienceSize} @input=${(e: Event) => (this.audienceSize = (e.target as HTMLInputElement).value)} />
            </div>`}
        <button type="button" class="primary" ?disabled=${this.busy} @click=${this.onOpen}>${s.openNow}</button>
      </section>
    </form>`;
  }
}
