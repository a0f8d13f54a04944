import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { SurveyAnswer, SurveyInvitation } from '@parley/protocol';
import { scoreLabel, type SurveyStrings } from './survey.strings.js';

/** CSAT faces, drawn as text (no images, nothing a strict CSP would block); read by the label, not the glyph. */
const FACES = ['😞', '🙁', '😐', '🙂', '😄'];
export const COMMENT_MAX = 2000;

export interface FormView {
  s: SurveyStrings;
  invitation: SurveyInvitation;
  score: number | null;
  comment: string;
  error: string;
  sending: boolean;
  changing: boolean;
}

export interface FormHandlers {
  score: (n: number) => void;
  comment: (text: string) => void;
  submit: (e: SubmitEvent) => void;
  keydown: (e: KeyboardEvent) => void;
  cancel: () => void;
}

function option(v: FormView, h: FormHandlers, n: number): TemplateResult {
  const { s, invitation: inv } = v;
  const label = scoreLabel(s, inv.kind, n);
  const visible = inv.kind === 'csat' ? FACES[n - 1] : String(n);
  return html`<input
      type="radio"
      class="visually-hidden"
      name="score"
      id=${`score-${n}`}
      .value=${String(n)}
      .checked=${live(v.score === n)}
      ?disabled=${v.sending}
      @change=${() => h.score(n)}
    /><label for=${`score-${n}`} part="option"><span aria-hidden="true">${visible}</span><span class="visually-hidden">${label}</span></label>`;
}

export function formTemplate(v: FormView, h: FormHandlers): TemplateResult {
  const { s, invitation: inv } = v;
  const scores: number[] = [];
  for (let n = inv.scale.min; n <= inv.scale.max; n++) scores.push(n);
  const ends = inv.kind === 'csat' ? [s.csat[0], s.csat[4]] : [s.npsLow, s.npsHigh];
  return html`<form part="form" novalidate aria-busy=${v.sending ? 'true' : 'false'} @submit=${h.submit}>
    <fieldset class=${`scale ${inv.kind}`} aria-describedby=${v.error ? 'score-error' : nothing} @keydown=${h.keydown}>
      <legend lang=${inv.locale}>${inv.question}</legend>
      <div class="options">${scores.map((n) => option(v, h, n))}</div>
      <div class="ends" aria-hidden="true"><span>${ends[0]}</span><span>${ends[1]}</span></div>
    </fieldset>
    ${v.error ? html`<p id="score-error" class="error" part="error" role="alert">${v.error}</p>` : nothing}
    <div class="field">
      <label for="comment">${inv.kind === 'csat' ? s.commentCsat : s.commentNps}</label>
      <textarea
        id="comment"
        maxlength=${COMMENT_MAX}
        aria-describedby="comment-hint"
        .value=${live(v.comment)}
        ?disabled=${v.sending}
        @input=${(e: InputEvent) => h.comment((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p id="comment-hint" class="hint">${s.commentHint}</p>
    </div>
    <div class="actions">
      <button type="submit" class="primary" part="submit" ?disabled=${v.sending}>${v.sending ? s.sending : s.send}</button>
      ${v.changing ? html`<button type="button" @click=${h.cancel}>${s.cancel}</button>` : nothing}
    </div>
  </form>`;
}

export interface DoneView {
  s: SurveyStrings;
  invitation: SurveyInvitation;
  answer: SurveyAnswer;
  /** Formatted end of the change window; empty once it has passed. */
  until: string;
  /** The server's words when a change was refused (409 `closed`). */
  closed: string;
}

export function doneTemplate(v: DoneView, change: () => void): TemplateResult {
  const { s, answer } = v;
  return html`<div class="done" part="done">
    <h2 id="done-title" tabindex="-1">${s.thanks}</h2>
    <p class="answer">${s.yourScore(scoreLabel(s, v.invitation.kind, answer.score))}</p>
    ${answer.comment ? html`<div class="comment"><p class="label">${s.yourComment}</p><p class="text">${answer.comment}</p></div>` : nothing}
    ${v.closed ? html`<p class="error" role="alert">${v.closed}</p>` : nothing}
    ${v.until && !v.closed
      ? html`<p class="hint">${s.changeUntil(v.until)}</p>
          <div class="actions"><button type="button" id="change" @click=${change}>${s.change}</button></div>`
      : nothing}
  </div>`;
}
