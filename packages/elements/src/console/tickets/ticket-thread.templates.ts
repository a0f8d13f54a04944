/**
 * A ticket's thread and history, as templates the ticket view renders. Bodies are text (Lit escapes
 * them; white space kept by CSS), never HTML: what a customer wrote can contain anything.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale, TicketDetail, TicketEntry, TicketFile } from '@parley/protocol';
import { fileSize, historyText, type HistoryNames } from './tickets.format.js';
import type { TicketsLogStrings } from './tickets-log.strings.js';
import type { TicketsStrings } from './tickets.strings.js';

const when = (iso: string, locale: Locale) => html`<time datetime=${iso}>${new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}</time>`;

export interface ThreadContext {
  s: TicketsStrings;
  locale: Locale;
  /** Where the file lives (the link's address, for copying and for the status bar). */
  fileUrl(file: TicketFile): string;
  download(e: Event, file: TicketFile): void;
}

function entryLabel(s: TicketsStrings, e: TicketEntry): string {
  if (e.kind === 'note') return s.kindLabel.note;
  return e.author === 'customer' ? s.kindLabel.fromCustomer : s.kindLabel.reply;
}

function author(s: TicketsStrings, e: TicketEntry): string {
  if (e.authorName) return e.authorName;
  return e.author === 'customer' ? s.anonymous : e.author === 'system' ? 'Parley' : s.customer;
}

function renderEntry(c: ThreadContext, e: TicketEntry): TemplateResult {
  const { s, locale } = c;
  const cls = e.kind === 'note' ? 'note' : e.author === 'customer' ? 'customer' : 'reply';
  const labelId = `entry-${e.id}-label`;
  return html`
    <li class="entry ${cls}" data-id=${e.id} data-kind=${e.kind} aria-labelledby=${labelId}>
      <p class="meta">
        <span class="kind" id=${labelId}>${entryLabel(s, e)}</span>
        <span class="who">${author(s, e)}</span>
        ${when(e.createdAt, locale)}
        <span class="muted">${s.via(s.viaName[e.via] ?? e.via)}</span>
      </p>
      <pre class="text body">${e.body}</pre>
      ${e.files.length
        ? html`<ul class="files" aria-label=${s.attachments}>
            ${e.files.map(
              (f) => html`<li>
                <a class="file" href=${c.fileUrl(f)} download=${f.name} data-file=${f.id} @click=${(ev: Event) => c.download(ev, f)}>${s.download(f.name, fileSize(f.size, locale))}</a>
              </li>`,
            )}
          </ul>`
        : nothing}
    </li>
  `;
}

export function renderThread(c: ThreadContext, ticket: TicketDetail): TemplateResult {
  return html`
    <section class="thread" aria-labelledby="thread-heading">
      <h4 id="thread-heading">${c.s.thread}</h4>
      ${ticket.entries.length === 0
        ? html`<p class="muted">${c.s.threadEmpty}</p>`
        : html`<ol class="entries">
            ${ticket.entries.map((e) => renderEntry(c, e))}
          </ol>`}
    </section>
  `;
}

export function renderHistory(s: TicketsStrings, l: TicketsLogStrings, locale: Locale, ticket: TicketDetail, names: HistoryNames): TemplateResult {
  return html`
    <section class="history" aria-labelledby="history-heading">
      <h4 id="history-heading">${s.history}</h4>
      <ol class="events">
        ${ticket.history.map(
          (h) => html`<li data-action=${h.action}>
            <span class="what">${historyText(l, s, h, names)}</span>
            <span class="muted">${when(h.createdAt, locale)}</span>
          </li>`,
        )}
      </ol>
    </section>
  `;
}
