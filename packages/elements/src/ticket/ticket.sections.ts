/**
 * The end of a request on <parley-ticket>'s page: "This is solved" with its confirmation, and, once it
 * is resolved, the "how did we do?" survey. Template functions over the element's state, like
 * ticket.templates.ts; the element keeps the state and the calls to the server.
 */
import { html, type TemplateResult } from 'lit';
import type { Locale } from '../internal/i18n.js';
import type { TicketStrings } from './ticket.strings.js';

export interface ResolveView {
  s: TicketStrings;
  confirming: boolean;
  resolving: boolean;
  error: string;
}

export interface ResolveHandlers {
  ask(): void;
  cancel(): void;
  confirm(): void;
  confirmKeydown(e: KeyboardEvent): void;
}

export function resolveSection(v: ResolveView, h: ResolveHandlers): TemplateResult {
  const { s } = v;
  return html`<section class="resolve" part="resolve">
    ${v.confirming
      ? html`<div class="confirm" role="group" aria-labelledby="confirm-text" @keydown=${h.confirmKeydown}>
          <p id="confirm-text">${s.confirmSolved}</p>
          <div class="actions">
            <button id="confirm-yes" class="primary" type="button" aria-disabled=${v.resolving ? 'true' : 'false'} @click=${h.confirm}>
              ${v.resolving ? s.resolving : s.confirmYes}
            </button>
            <button class="secondary" type="button" @click=${h.cancel}>${s.cancel}</button>
          </div>
        </div>`
      : html`<button id="solved" class="secondary" type="button" @click=${h.ask}>${s.solved}</button>`}
    <p class="error" role="alert">${v.error}</p>
  </section>`;
}

let surveyModule: Promise<unknown> | null = null;

/**
 * The resolved request's CSAT question (the token came with the ticket: the link is the credential).
 * <parley-survey> is imported the first time one is shown; a failed import is tried again on the next render.
 */
export function surveySection(server: string, token: string, locale: Locale): TemplateResult {
  surveyModule ??= import('../survey/survey.js').catch(() => (surveyModule = null));
  return html`<section class="survey"><parley-survey part="survey" server=${server} token=${token} lang=${locale}></parley-survey></section>`;
}
