/**
 * The offline form (DESIGN.md "Conversations, queue and routing"): when nobody can chat, the visitor
 * leaves a message instead, which opens a ticket (`source: offline`). It is <parley-feedback> itself,
 * imported on first use, so a visitor who never needs it never downloads it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LazyModule } from '../internal/lazy-module.js';
import type { ChatStrings } from './chat.strings.js';

export interface OfflineView {
  s: ChatStrings;
  form: LazyModule;
  server: string;
  site: string;
  lang: string;
  visitorToken: string;
  back(): void;
  retry(): void;
}

export function renderOffline(v: OfflineView): TemplateResult {
  const { s } = v;
  // The form brings its own heading and words for the offline case (source="offline").
  return html`<section class="offline" part="offline" id="offline" tabindex="-1" aria-label=${s.leaveMessageTitle}>
    ${v.form.status === 'ready'
      ? html`<parley-feedback server=${v.server} site=${v.site} lang=${v.lang} source="offline" category="inquiry" .visitorToken=${v.visitorToken}></parley-feedback>`
      : v.form.status === 'error'
        ? html`<p role="alert">${s.formFailed}</p>
            <button class="secondary" type="button" @click=${v.retry}>${s.tryAgain}</button>`
        : html`<p role="status">${s.formLoading}</p>`}
    <button class="secondary back" type="button" @click=${v.back}>${s.backToChat}</button>
  </section>`;
}

/** The offer, under "nobody is online" in the status area. */
export function offerOffline(s: ChatStrings, open: () => void): TemplateResult | typeof nothing {
  return html`<button class="secondary leave-message" type="button" @click=${open}>${s.leaveMessage}</button>`;
}
