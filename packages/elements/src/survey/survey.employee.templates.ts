import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { EmployeeAnswerValue, EmployeeQuestionView, EmployeeSurveySummary, EmployeeSurveyView } from '@parley/protocol';
import type { EmployeeSurveyStrings } from './survey.employee.strings.js';

export const TEXT_MAX = 2000;

export function listTemplate(s: EmployeeSurveyStrings, surveys: readonly EmployeeSurveySummary[], date: (iso: string) => string, open: (id: string) => void): TemplateResult {
  return html`<h2 id="title" tabindex="-1">${s.listTitle}</h2>
    ${surveys.length === 0
      ? html`<p class="state">${s.none}</p>`
      : html`<ul class="surveys" part="list">
          ${surveys.map(
            (x) =>
              html`<li>
                <button type="button" class="survey-link" part="survey" @click=${() => open(x.id)}>
                  <span class="name" lang=${x.locale}>${x.title}</span>
                  <span class="meta">${s.questions(x.questionCount)}${x.closesAt ? html` · ${s.closes(date(x.closesAt))}` : nothing}</span>
                </button>
              </li>`,
          )}
        </ul>`}`;
}

export interface FormView {
  s: EmployeeSurveyStrings;
  survey: EmployeeSurveyView;
  answers: Record<string, EmployeeAnswerValue>;
  errors: Record<string, string>;
  formError: string;
  sending: boolean;
  /** Show "Back to the surveys" (the element lists surveys; not when opened on one `survey-id`). */
  back: boolean;
}

export interface FormHandlers {
  set: (id: string, value: EmployeeAnswerValue) => void;
  toggle: (id: string, option: string, on: boolean) => void;
  submit: (e: SubmitEvent) => void;
  back: () => void;
}

function legend(v: FormView, q: EmployeeQuestionView, n: number): TemplateResult {
  return html`<span class="number">${n}.</span> ${q.text}${q.required ? html` <span class="required">${v.s.requiredMark}</span>` : nothing}`;
}

const errorOf = (v: FormView, q: EmployeeQuestionView) => (v.errors[q.id] ? html`<p id=${`${q.id}-error`} class="error" part="error">${v.errors[q.id]}</p>` : nothing);
const described = (v: FormView, q: EmployeeQuestionView) => (v.errors[q.id] ? `${q.id}-error` : nothing);

function rating(v: FormView, h: FormHandlers, q: EmployeeQuestionView, n: number): TemplateResult {
  const chosen = v.answers[q.id];
  return html`<fieldset class="question rating" aria-describedby=${described(v, q)} aria-invalid=${v.errors[q.id] ? 'true' : nothing}>
    <legend lang=${v.survey.locale}>${legend(v, q, n)}</legend>
    <div class="options">
      ${[1, 2, 3, 4, 5].map(
        (p) =>
          html`<input
              type="radio"
              class="visually-hidden"
              name=${q.id}
              id=${`${q.id}-${p}`}
              .value=${String(p)}
              .checked=${live(chosen === p)}
              ?required=${q.required}
              ?disabled=${v.sending}
              @change=${() => h.set(q.id, p)}
            /><label for=${`${q.id}-${p}`} part="option"><span aria-hidden="true">${p}</span><span class="visually-hidden">${v.s.ratingLabel(p)}</span></label>`,
      )}
    </div>
    <div class="ends" aria-hidden="true"><span>${v.s.ratingLow}</span><span>${v.s.ratingHigh}</span></div>
    ${errorOf(v, q)}
  </fieldset>`;
}

function choice(v: FormView, h: FormHandlers, q: EmployeeQuestionView, n: number): TemplateResult {
  const multiple = q.type === 'multiple';
  const chosen = v.answers[q.id];
  return html`<fieldset class="question choice" aria-describedby=${described(v, q)} aria-invalid=${v.errors[q.id] ? 'true' : nothing}>
    <legend lang=${v.survey.locale}>${legend(v, q, n)}</legend>
    ${(q.options ?? []).map((o) => {
      const id = `${q.id}-${o.id}`;
      const on = multiple ? Array.isArray(chosen) && chosen.includes(o.id) : chosen === o.id;
      return html`<div class="check">
        <input
          type=${multiple ? 'checkbox' : 'radio'}
          name=${q.id}
          id=${id}
          .value=${o.id}
          .checked=${live(on)}
          ?required=${q.required && !multiple}
          ?disabled=${v.sending}
          @change=${(e: Event) => (multiple ? h.toggle(q.id, o.id, (e.target as HTMLInputElement).checked) : h.set(q.id, o.id))}
        /><label for=${id} lang=${v.survey.locale}>${o.text}</label>
      </div>`;
    })}
    ${errorOf(v, q)}
  </fieldset>`;
}

function text(v: FormView, h: FormHandlers, q: EmployeeQuestionView, n: number): TemplateResult {
  const value = typeof v.answers[q.id] === 'string' ? (v.answers[q.id] as string) : '';
  return html`<div class="question field">
    <label for=${q.id} lang=${v.survey.locale}>${legend(v, q, n)}</label>
    <textarea
      id=${q.id}
      maxlength=${TEXT_MAX}
      ?required=${q.required}
      aria-invalid=${v.errors[q.id] ? 'true' : nothing}
      aria-describedby=${v.errors[q.id] ? `${q.id}-error ${q.id}-hint` : `${q.id}-hint`}
      .value=${live(value)}
      ?disabled=${v.sending}
      @input=${(e: InputEvent) => h.set(q.id, (e.target as HTMLTextAreaElement).value)}
    ></textarea>
    <p id=${`${q.id}-hint`} class="hint">${v.s.textHint}</p>
    ${errorOf(v, q)}
  </div>`;
}

export function formTemplate(v: FormView, h: FormHandlers): TemplateResult {
  const { s, survey } = v;
  return html`<h2 id="title" tabindex="-1" lang=${survey.locale}>${survey.title}</h2>
    ${survey.intro ? html`<p class="intro" lang=${survey.locale}>${survey.intro}</p>` : nothing}
    <p class="hint anonymous">${s.anonymous}</p>
    <form part="form" novalidate aria-busy=${v.sending ? 'true' : 'false'} @submit=${h.submit}>
      ${survey.questions.map((q, i) => (q.type === 'rating' ? rating(v, h, q, i + 1) : q.type === 'text' ? text(v, h, q, i + 1) : choice(v, h, q, i + 1)))}
      ${v.formError ? html`<p class="error" part="error" role="alert">${v.formError}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="primary" part="submit" ?disabled=${v.sending}>${v.sending ? s.sending : s.send}</button>
        ${v.back ? html`<button type="button" @click=${h.back}>${s.back}</button>` : nothing}
      </div>
    </form>`;
}

export function doneTemplate(s: EmployeeSurveyStrings, message: string, back: (() => void) | null): TemplateResult {
  return html`<div class="done" part="done">
    <h2 id="done-title" tabindex="-1">${s.thanks}</h2>
    <p>${message}</p>
    ${back ? html`<div class="actions"><button type="button" id="back" @click=${back}>${s.back}</button></div>` : nothing}
  </div>`;
}
