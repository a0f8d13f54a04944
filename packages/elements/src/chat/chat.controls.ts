/**
 * The chat's controls below the timeline and its end: the status line, the composer with its tools
 * ("Talk to a person", "Leave a message", End chat), the ended state, and the "how did we do?" survey of
 * a closed chat. Plain template functions, like chat.entries.ts: the element keeps state and behaviour.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale, VisitorConversation } from '@parley/protocol';
import type { ChatStrings } from './chat.strings.js';
import type { SurveyHost } from './chat.survey.js';

export interface ControlsView {
  s: ChatStrings;
  conv: VisitorConversation | null;
  inline: boolean;
  /** A start, handoff or close is on its way: the buttons that would send another wait. */
  busy: boolean;
  confirmingEnd: boolean;
  /** No bot answer carries a live "Talk to a person": the tools offer it. */
  showHandoff: boolean;
  /** Nobody can answer right now (the status line's test). */
  nobody: boolean;
}

/** What the controls call: the element's own methods (Lit calls a listener with the element as `this`). */
export interface ControlsHandlers {
  handoff(): void;
  leaveMessage(): void;
  confirmEnd(confirming: boolean): void;
  endChat(): void;
  onComposerKeydown(e: KeyboardEvent): void;
  onComposerInput(): void;
  sendDraft(): void;
  startNew(): void;
}

/** `offline`: the site's own message for when nobody can answer (console Site tab), if it set one for this language. */
export function renderStatus(s: ChatStrings, conv: VisitorConversation, siteAgentsOnline: number | undefined, offline?: string): TemplateResult | typeof nothing {
  if (conv.status === 'queued' && conv.queue) {
    const minutes = Math.max(1, Math.ceil(conv.queue.estimatedWaitSeconds / 60));
    return html`<p>${s.queuePosition(conv.queue.position, minutes)}</p>
      ${conv.queue.agentsOnline === 0 ? html`<p class="note">${offline || s.nobodyOnline}</p>` : nothing}`;
  }
  if (conv.status === 'assigned' && conv.agent) return html`<p>${s.chattingWith(conv.agent.name)}</p>`;
  if (conv.status === 'bot' && siteAgentsOnline === 0) return html`<p class="note">${offline || s.nobodyOnlineBot}</p>`;
  return nothing;
}

export function renderComposer(v: ControlsView, h: ControlsHandlers): TemplateResult {
  const { s, conv } = v;
  return html`
    ${conv
      ? html`<div class="tools">
          ${v.showHandoff ? html`<button class="secondary" type="button" ?disabled=${v.busy} @click=${h.handoff}>${s.talkToPerson}</button>` : nothing}
          ${v.nobody && v.inline ? html`<button class="secondary" type="button" @click=${h.leaveMessage}>${s.leaveMessage}</button>` : nothing}
          ${v.confirmingEnd
            ? html`<span class="end">${s.endChatConfirm}</span>
                <button class="danger" type="button" ?disabled=${v.busy} @click=${h.endChat}>${s.endChat}</button>
                <button class="secondary" type="button" @click=${() => h.confirmEnd(false)}>${s.cancel}</button>`
            : html`<button class="link-button end" type="button" @click=${() => h.confirmEnd(true)}>${s.endChat}</button>`}
        </div>`
      : nothing}
    <div class="composer" part="composer">
      <label class="visually-hidden" for="composer">${s.message}</label>
      <textarea
        id="composer"
        rows="1"
        placeholder=${s.placeholder}
        maxlength="4000"
        enterkeyhint="send"
        @keydown=${h.onComposerKeydown}
        @input=${h.onComposerInput}
      ></textarea>
      <button class="primary" type="button" @click=${h.sendDraft}>${s.send}</button>
    </div>
  `;
}

/** `survey`: the closed chat's question (renderSurvey), where the composer was, so it is seen at once. */
export function renderEnded(v: ControlsView, h: ControlsHandlers, survey: unknown): TemplateResult {
  return html`<div class="ended">
    <p>${v.s.chatEnded}</p>
    ${survey}
    <button class="primary" type="button" ?disabled=${v.busy} @click=${h.startNew}>${v.s.startNewChat}</button>
  </div>`;
}

/**
 * The closed chat's CSAT question. <parley-survey> (with chat.survey.ts) is imported the first time one is
 * shown: a visitor whose chat never closes never downloads it. Until then the tag is inert; a failed
 * import is tried again on the next render.
 */
export function renderSurvey(host: SurveyHost, server: string, token: string, locale: Locale): TemplateResult {
  import('./chat.survey.js').then((m) => m.follow(host), () => undefined);
  return html`<parley-survey part="survey" server=${server} token=${token} lang=${locale}></parley-survey>`;
}
