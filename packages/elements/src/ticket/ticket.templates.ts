/**
 * Pieces of <parley-ticket>'s page that need no state of the element: the progress steps and the thread.
 * Every text the customer or the team wrote goes in through Lit's text bindings, so it is shown as text
 * (line breaks kept by CSS) and can never become markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CustomerTicketStatus, TicketEntry } from '@parley/protocol';
import type { Locale } from '../internal/i18n.js';
import type { FileProblem } from './ticket.files.js';
import { entryTime, fileSize } from './ticket.format.js';
import type { TicketStrings } from './ticket.strings.js';

/** The order a request normally goes through; "waiting for you" sits between work and the end. */
export const STEPS: readonly CustomerTicketStatus[] = ['submitted', 'in_progress', 'waiting_for_you', 'resolved'];

export function progress(status: CustomerTicketStatus, s: TicketStrings): TemplateResult {
  const at = STEPS.indexOf(status);
  return html`<ol class="progress" part="progress" aria-label=${s.progressLabel}>
    ${STEPS.map(
      (step, i) =>
        html`<li class="step ${i < at ? 'done' : i === at ? 'current' : 'todo'}" aria-current=${i === at ? 'step' : nothing}>
          <span class="dot" aria-hidden="true"></span><span class="label">${s.status[step]}</span>
        </li>`,
    )}
  </ol>`;
}

export interface ThreadContext {
  s: TicketStrings;
  locale: Locale;
  /** The language the ticket was written in, for screen readers' pronunciation. */
  textLang: string;
  fileHref: (fileId: string) => string;
}

function author(e: TicketEntry, s: TicketStrings): string {
  if (e.author === 'customer') return s.you;
  if (e.author === 'agent') return e.authorName || s.team;
  return s.system;
}

function entry(e: TicketEntry, c: ThreadContext): TemplateResult {
  const who = author(e, c.s);
  return html`<li class="entry ${e.author}" part="entry" data-entry=${e.id} data-author=${e.author}>
    <p class="meta">
      <span class="author">${who}</span>
      <time datetime=${e.createdAt}>${entryTime(e.createdAt, c.locale)}</time>
    </p>
    <p class="body" lang=${c.textLang}>${e.body}</p>
    ${e.files.length
      ? html`<ul class="files" aria-label=${c.s.attachments}>
          ${e.files.map(
            (f) => html`<li><a href=${c.fileHref(f.id)} download=${f.name} rel="noreferrer">${c.s.fileLink(f.name, fileSize(f.size, c.locale))}</a></li>`,
          )}
        </ul>`
      : nothing}
  </li>`;
}

export function thread(entries: readonly TicketEntry[], c: ThreadContext): TemplateResult {
  return html`<ol class="thread" part="thread">
    ${entries.map((e) => entry(e, c))}
  </ol>`;
}

/** The files waiting to go with the reply, each with a Remove button named after it. */
export function chosenFiles(files: readonly File[], c: Pick<ThreadContext, 's' | 'locale'>, remove: (i: number) => void): TemplateResult | typeof nothing {
  if (!files.length) return nothing;
  return html`<ul class="chosen" aria-label=${c.s.chosenFiles}>
    ${files.map(
      (f, i) => html`<li>
        <span class="name">${f.name}</span> <span class="size">${fileSize(f.size, c.locale)}</span>
        <button class="remove" type="button" aria-label=${c.s.removeFile(f.name)} @click=${() => remove(i)}>×</button>
      </li>`,
    )}
  </ul>`;
}

/** Why a picked file was not added, in the reader's language. */
export function problemText(p: FileProblem, s: TicketStrings): string {
  switch (p.kind) {
    case 'too_many':
      return s.tooMany(p.max);
    case 'too_large':
      return s.tooBig(p.name);
    case 'empty':
      return s.emptyFile(p.name);
    case 'wrong_type':
      return s.wrongType(p.name);
  }
}
