/**
 * How the chat's timeline looks: one entry (system line, or a bubble with its articles, "Did this
 * answer your question?", the live "Talk to a person" and the delivery state). Plain template
 * functions over an EntryView, so the element keeps state and behaviour and this file keeps markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { TimelineEntry } from '@parley/client';
import type { Locale, Message, VisitorConversation } from '@parley/protocol';
import { deliveryText, systemText } from '../internal/i18n.js';
import type { ChatStrings } from './chat.strings.js';

export interface EntryView {
  s: ChatStrings;
  locale: Locale;
  conv: VisitorConversation;
  /** Answers the visitor already rated (from the server's record, so it survives reloads). */
  rated: ReadonlySet<string>;
  inline: boolean;
  busy: boolean;
  feedbackSent: Readonly<Record<string, 'sending' | 'sent' | 'failed'>>;
  handoff(): void;
  retry(key: string): void;
  rate(messageId: string, helpful: boolean): void;
  openArticle(id: string, title: string): void;
}

/**
 * Index of the one bot message whose "Talk to a person" action is live. Only the newest such
 * message keeps its button, and only while the conversation is with the bot; then it replaces the
 * persistent button, so there is never more than one "Talk to a person" control on screen.
 */
export function lastHandoffIndex(timeline: readonly TimelineEntry[], conv: VisitorConversation): number {
  if (conv.status !== 'bot' || timeline.length === 0) return -1;
  const last = timeline.length - 1;
  const m = timeline[last].message;
  return m.author === 'bot' && m.meta?.actions?.includes('handoff') ? last : -1;
}

export function renderEntry(v: EntryView, entry: TimelineEntry, handoffLive: boolean): TemplateResult {
  const { s, conv } = v;
  const m: Message = entry.message;
  if (m.author === 'system') {
    const text = m.meta?.system ? systemText(s, m.meta.system, v.locale, 'visitor') : m.body;
    return html`<div class="msg" part="message" data-author="system" data-seq=${ifDefined(m.seq > 0 ? m.seq : undefined)} data-delivery=${entry.delivery}>
      ${text}
    </div>`;
  }
  const who = m.author === 'visitor' ? s.you : (m.authorName ?? (m.author === 'bot' ? s.assistant : s.agent));
  const articles = m.author === 'bot' ? (m.meta?.articles ?? []) : [];
  return html`<div
    class="msg"
    part="message"
    data-author=${m.author}
    data-seq=${ifDefined(entry.delivery === 'sent' && m.seq > 0 ? m.seq : undefined)}
    data-delivery=${entry.delivery}
  >
    <span class="who">${who}</span>
    <div class="bubble">${m.body}</div>
    ${articles.length
      ? html`<ul class="articles" aria-label=${s.articles}>
          ${articles.map((a) =>
            v.inline ? html`<li><button type="button" class="link-button" @click=${() => v.openArticle(a.id, a.title)}>${a.title}</button></li>` : html`<li>${a.title}</li>`,
          )}
        </ul>`
      : nothing}
    ${m.author === 'bot' && m.meta?.feedback === 'ask' ? renderFeedback(v, m) : nothing}
    ${handoffLive && conv.status === 'bot'
      ? html`<div class="actions">
          <button class="secondary" type="button" ?disabled=${v.busy} @click=${v.handoff}>${s.talkToPerson}</button>
        </div>`
      : nothing}
    ${m.author === 'visitor' ? renderDelivery(v, entry) : nothing}
  </div>`;
}

/** "Did this answer your question?" with Yes / No, answered once; then a short thanks in their place. */
function renderFeedback(v: EntryView, m: Message): TemplateResult | typeof nothing {
  const { s } = v;
  const local = v.feedbackSent[m.id];
  if (v.rated.has(m.id) || local === 'sent') {
    return html`<p class="feedback done" data-feedback-for=${m.id} tabindex="-1">${s.feedbackThanks}</p>`;
  }
  if (v.conv.status === 'closed') return nothing;
  const label = `feedback-${m.id}`;
  // aria-disabled rather than disabled while sending: a disabled button drops keyboard focus to <body>.
  return html`<div class="feedback" role="group" aria-labelledby=${label}>
    <span id=${label}>${s.feedbackQuestion}</span>
    <span class="choices">
      <button class="secondary" type="button" aria-disabled=${local === 'sending' ? 'true' : 'false'} @click=${() => v.rate(m.id, true)}>${s.feedbackYes}</button>
      <button class="secondary" type="button" aria-disabled=${local === 'sending' ? 'true' : 'false'} @click=${() => v.rate(m.id, false)}>${s.feedbackNo}</button>
    </span>
    ${local === 'failed' ? html`<span class="note" role="alert">${s.feedbackFailed}</span>` : nothing}
  </div>`;
}

function renderDelivery(v: EntryView, entry: TimelineEntry): TemplateResult {
  const { s } = v;
  if (entry.delivery === 'failed') {
    return html`<div class="meta failed">
      <span>${deliveryText(s, 'failed')}${entry.error?.message ? html`: ${entry.error.message}` : nothing}</span>
      <button type="button" @click=${() => v.retry(entry.key)}>${s.retry}</button>
    </div>`;
  }
  return html`<div class="meta ${entry.delayed ? 'delayed' : ''}">${deliveryText(s, entry.delivery, entry.delayed)}</div>`;
}
