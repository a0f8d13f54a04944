import { html, nothing, type TemplateResult } from 'lit';
import type { EmployeeAnnouncement } from '@parley/protocol';
import type { BannerStrings } from './banner.strings.js';

export interface NoticeHandlers {
  acknowledge(id: string): void;
  dismiss(id: string): void;
}

/** Whether the employee may close it: never while it waits for their acknowledgement. */
export const dismissible = (a: EmployeeAnnouncement): boolean => !a.ackRequired || !!a.acknowledgedAt;

/** The sanitised body once ready (a node Lit inserts as is); the title alone until then. */
export type BodyOf = (a: EmployeeAnnouncement) => HTMLElement | undefined;

function ackControls(a: EmployeeAnnouncement, s: BannerStrings, on: NoticeHandlers, idPrefix: string): TemplateResult | typeof nothing {
  if (!a.ackRequired) return nothing;
  if (a.acknowledgedAt) return html`<span class="done" part="acknowledged">✓ ${s.acknowledged}</span>`;
  return html`<button type="button" class="primary" part="acknowledge" aria-describedby="${idPrefix}-title" @click=${() => on.acknowledge(a.id)}>${s.acknowledge}</button>`;
}

/** One notice in the list: normal and important ones, and urgent ones once their dialog is closed. */
export function noticeTemplate(a: EmployeeAnnouncement, s: BannerStrings, body: BodyOf, on: NoticeHandlers): TemplateResult {
  const id = `a-${a.id}`;
  return html`
    <li class="notice ${a.priority}" part="notice notice-${a.priority}" data-id=${a.id}>
      <article class="text" aria-labelledby="${id}-title" lang=${a.locale}>
        <p class="tag">${s.priority[a.priority]}</p>
        <h2 id="${id}-title">${a.title}</h2>
        ${body(a) ?? nothing}
        ${a.authorName ? html`<p class="meta">${s.from(a.authorName)}</p>` : nothing}
        ${a.ackRequired && !a.acknowledgedAt ? html`<p class="hint">${s.ackHint}</p>` : nothing}
      </article>
      ${dismissible(a) ? html`<button type="button" class="dismiss" part="dismiss" aria-label=${s.dismiss(a.title)} @click=${() => on.dismiss(a.id)}><span aria-hidden="true">×</span></button>` : nothing}
      <div class="actions">${ackControls(a, s, on, id)}</div>
    </li>
  `;
}

/** The urgent announcement's modal alert dialog's content; the component owns the <dialog> itself. */
export function dialogContent(a: EmployeeAnnouncement, s: BannerStrings, body: BodyOf, on: NoticeHandlers & { close(): void }): TemplateResult {
  const needsAck = a.ackRequired && !a.acknowledgedAt;
  return html`
    <div lang=${a.locale}>
      <p class="tag">${s.priority.urgent}</p>
      <h2 id="dialog-title">${a.title}</h2>
      <div id="dialog-body">${body(a) ?? nothing}</div>
      ${a.authorName ? html`<p class="meta">${s.from(a.authorName)}</p>` : nothing}
      ${needsAck ? html`<p class="hint">${s.ackHint}</p>` : nothing}
    </div>
    <div class="actions">
      ${needsAck
        ? html`<button type="button" class="primary" part="acknowledge" data-autofocus @click=${() => on.acknowledge(a.id)}>${s.acknowledge}</button>`
        : html`<button type="button" class="primary" part="close" data-autofocus @click=${() => on.close()}>${s.close}</button>`}
    </div>
  `;
}
