/** <parley-feedback>'s two views, stateless: what to show and the callbacks in, templates out. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale, TicketCategory } from '@parley/protocol';
import { localized } from '../internal/i18n.js';
import { ACCEPT, LIMITS, formatSize, type Draft, type Field, type FieldErrors } from './feedback.checks.js';
import type { FeedbackStrings } from './feedback.strings.js';

export interface FormView {
  s: FeedbackStrings;
  locale: Locale;
  title: string;
  intro: string;
  categories: readonly TicketCategory[];
  draft: Draft;
  files: readonly File[];
  errors: FieldErrors;
  formError: string;
  submitting: boolean;
  /** The intranet form: no name or required email; "Send anonymously" offered. */
  employee: boolean;
}

export interface FormHandlers {
  input(field: keyof Draft, value: string | boolean): void;
  choose(input: HTMLInputElement): void;
  remove(index: number): void;
  submit(e: SubmitEvent): void;
}

/** Hint and error ids a control is described by (only those present). */
const describedBy = (...ids: (string | false | undefined)[]): string | typeof nothing => ids.filter(Boolean).join(' ') || nothing;

const errorText = (field: Field, errors: FieldErrors): TemplateResult | typeof nothing =>
  errors[field] ? html`<p class="error" id="${field}-error">${errors[field]}</p>` : nothing;

/** Typed text is taken when an IME has finished composing, so a re-render never cuts a syllable short. */
const typed =
  (h: FormHandlers, field: keyof Draft) =>
  (e: Event): void => {
    if ((e as InputEvent).isComposing) return;
    h.input(field, (e.target as HTMLInputElement | HTMLTextAreaElement).value);
  };

function textField(
  v: FormView,
  h: FormHandlers,
  f: 'subject' | 'name' | 'email',
  label: string,
  opts: { required?: boolean; type?: string; autocomplete?: string; max: number; hint?: string },
): TemplateResult {
  const err = v.errors[f];
  return html`<div class="field">
    <label for=${f}>${label}${opts.required ? html` <span class="req" aria-hidden="true">*</span>` : nothing}</label>
    <input
      id=${f}
      name=${f}
      type=${opts.type ?? 'text'}
      autocomplete=${opts.autocomplete ?? 'off'}
      maxlength=${opts.max}
      ?required=${opts.required}
      aria-invalid=${err ? 'true' : 'false'}
      aria-describedby=${describedBy(opts.hint && `${f}-hint`, err && `${f}-error`)}
      .value=${v.draft[f]}
      @input=${typed(h, f)}
      @compositionend=${typed(h, f)}
    />
    ${opts.hint ? html`<p class="hint" id="${f}-hint">${opts.hint}</p>` : nothing} ${errorText(f, v.errors)}
  </div>`;
}

function filesField(v: FormView, h: FormHandlers): TemplateResult {
  const s = v.s;
  const err = v.errors.files;
  return html`<div class="field">
    <label for="files">${s.attachments}</label>
    <input
      id="files"
      type="file"
      multiple
      accept=${ACCEPT}
      aria-invalid=${err ? 'true' : 'false'}
      aria-describedby=${describedBy('files-hint', err && 'files-error', v.files.length > 0 && 'files-list-label')}
      @change=${(e: Event) => h.choose(e.target as HTMLInputElement)}
    />
    <p class="hint" id="files-hint">${s.attachmentsHint}</p>
    ${err ? html`<div class="error" id="files-error">${err.split('\n').map((line) => html`<p>${line}</p>`)}</div>` : nothing}
    ${v.files.length
      ? html`<span class="visually-hidden" id="files-list-label">${s.chosenFiles}</span>
          <ul class="files" aria-labelledby="files-list-label">
            ${v.files.map(
              (f, i) => html`<li>
                <span class="fname">${f.name}</span><span class="fsize">${formatSize(f.size, v.locale)}</span>
                <button type="button" data-file=${i} aria-label=${s.remove(f.name)} @click=${() => h.remove(i)}>×</button>
              </li>`,
            )}
          </ul>`
      : nothing}
  </div>`;
}

export function formTemplate(v: FormView, h: FormHandlers): TemplateResult {
  const s = v.s;
  const e = v.errors;
  const anonymous = v.employee && v.draft.anonymous;
  return html`<h2 id="title" tabindex="-1">${v.title}</h2>
    ${v.intro ? html`<p class="intro">${v.intro}</p>` : nothing}
    <form part="form" novalidate aria-labelledby="title" aria-busy=${v.submitting ? 'true' : 'false'} @submit=${h.submit}>
      <div class="field">
        <label for="category">${s.category} <span class="req" aria-hidden="true">*</span></label>
        <select
          id="category"
          name="category"
          required
          aria-invalid=${e.category ? 'true' : 'false'}
          aria-describedby=${describedBy(e.category && 'category-error')}
          @change=${(ev: Event) => h.input('categoryId', (ev.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${!v.draft.categoryId}>${s.chooseCategory}</option>
          ${v.categories.map((c) => html`<option value=${c.id} ?selected=${c.id === v.draft.categoryId}>${localized(c.names, v.locale)}</option>`)}
        </select>
        ${errorText('category', e)}
      </div>
      ${textField(v, h, 'subject', s.subject, { required: true, max: LIMITS.subject })}
      <div class="field">
        <label for="message">${s.message} <span class="req" aria-hidden="true">*</span></label>
        <textarea
          id="message"
          name="message"
          required
          maxlength=${LIMITS.message}
          aria-invalid=${e.message ? 'true' : 'false'}
          aria-describedby=${describedBy(e.message && 'message-error')}
          .value=${v.draft.message}
          @input=${typed(h, 'message')}
          @compositionend=${typed(h, 'message')}
        ></textarea>
        ${errorText('message', e)}
      </div>
      ${v.employee ? nothing : textField(v, h, 'name', s.nameOptional, { autocomplete: 'name', max: LIMITS.name })}
      ${v.employee
        ? nothing
        : textField(v, h, 'email', s.email, { required: true, type: 'email', autocomplete: 'email', max: LIMITS.email, hint: s.emailHint })}
      ${filesField(v, h)}
      ${v.employee
        ? html`<div class="check">
              <input
                id="anonymous"
                type="checkbox"
                aria-describedby="anonymous-hint"
                .checked=${v.draft.anonymous}
                @change=${(ev: Event) => h.input('anonymous', (ev.target as HTMLInputElement).checked)}
              />
              <label for="anonymous">${s.anonymous}</label>
              <p class="hint" id="anonymous-hint">${s.anonymousHint}</p>
            </div>
            ${anonymous ? nothing : textField(v, h, 'email', s.emailUpdates, { type: 'email', autocomplete: 'email', max: LIMITS.email })}`
        : nothing}
      ${v.formError ? html`<div class="form-error" id="form-error" part="error" tabindex="-1">${v.formError}</div>` : nothing}
      <div class="actions">
        <button class="primary" part="submit" type="submit" ?disabled=${v.submitting}>${v.submitting ? s.sending : s.send}</button>
      </div>
    </form>`;
}

export interface DoneView {
  s: FeedbackStrings;
  number: string;
  /** "We aim to answer by …", already formatted. */
  promise: string;
  link: string;
  note: string;
  copied: boolean;
}

export function doneTemplate(v: DoneView, h: { copy(): void; another(): void }): TemplateResult {
  const s = v.s;
  return html`<section class="done" part="success" aria-labelledby="done-title">
    <h2 id="done-title" tabindex="-1">${s.received(v.number)}</h2>
    ${v.promise ? html`<p class="promise">${v.promise}</p>` : nothing}
    <div class="field">
      <label for="link">${s.privateLink}</label>
      <div class="link-row">
        <input id="link" type="url" readonly .value=${v.link} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
        <button type="button" part="copy" @click=${h.copy}>${s.copy}</button>
      </div>
      ${v.copied ? html`<p class="copied" aria-hidden="true">${s.copied}</p>` : nothing}
      <p><a href=${v.link} target="_blank" rel="noopener noreferrer">${s.openLink}</a></p>
    </div>
    <p class="note">${v.note}</p>
    <div class="actions"><button class="primary" type="button" @click=${h.another}>${s.sendAnother}</button></div>
  </section>`;
}
