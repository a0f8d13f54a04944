import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { TicketDetail, TicketStatus } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import type { CannedChosenDetail } from './console-ticket-canned-picker.component.js';
import { fileSize } from './tickets.format.js';
import { FILE_TYPES, MAX_FILE_BYTES, MAX_FILES, type TicketsApi } from './tickets-api.js';
import { cannedStrings } from './tickets-canned.strings.js';
import { ticketsStrings } from './tickets.strings.js';
import { ticketsBase } from './tickets.styles.js';

export interface TicketSentDetail {
  kind: 'public' | 'note';
  /** The ticket as the server holds it after the reply. */
  ticket: TicketDetail;
}

declare global {
  interface HTMLElementEventMap {
    'parley-ticket-sent': CustomEvent<TicketSentDetail>;
  }
}

type Kind = 'public' | 'note';
type SetStatus = '' | Extract<TicketStatus, 'pending' | 'resolved'>;

/**
 * Writes to a ticket: a reply (emailed to the customer) or an internal note, optionally setting the
 * status in the same step, with up to five image or PDF attachments. A saved reply goes in at the caret,
 * to be edited before sending.
 *
 * @summary Ticket composer of the agent console (internal).
 * @fires parley-ticket-sent - The server stored the reply or note; `detail.ticket` is the ticket after it.
 */
export class ParleyConsoleTicketComposer extends ParleyElement {
  static override styles = [
    ticketsBase,
    css`
      form {
        display: flex;
        flex-direction: column;
        gap: 8px;
        padding: 12px;
        border: 1px solid var(--_border);
        border-radius: var(--_radius-small);
      }
      form.note {
        border: 2px dashed #8a6d00;
        background: color-mix(in srgb, #f3c623 12%, var(--_surface));
      }
      fieldset {
        border: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 4px 16px;
      }
      legend {
        font-weight: 600;
        padding: 0;
        margin-bottom: 4px;
      }
      fieldset label {
        font-weight: 400;
        display: inline-flex;
        gap: 6px;
        align-items: center;
      }
      .message-head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 6px 12px;
      }
      textarea {
        min-height: 112px;
        resize: vertical;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
        align-items: flex-end;
      }
      .row > div {
        display: flex;
        flex-direction: column;
        gap: 3px;
      }
      ul.chosen {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 4px;
        font-size: 14px;
      }
      ul.chosen li {
        display: flex;
        gap: 8px;
        align-items: center;
      }
      .send {
        margin-inline-start: auto;
      }
    `,
  ];

  @property({ attribute: false }) api: TicketsApi | null = null;
  @property({ attribute: false }) ticket: TicketDetail | null = null;

  @state() private kind: Kind = 'public';
  @state() private message = '';
  @state() private setStatus: SetStatus = '';
  @state() private files: File[] = [];
  @state() private error = '';
  @state() private sending = false;
  @state() private inserted = '';

  private readonly l10n = new LocaleController(this, ticketsStrings);
  private readonly canned = new LocaleController(this, cannedStrings);
  private ticketSeen = '';
  /** The message box has had focus: its caret is where the agent left it, not just the end of a value set by code. */
  private caretSeen = false;

  /** Something typed and not sent: the console may ask before dropping it. */
  get dirty(): boolean {
    return this.message.trim() !== '' || this.files.length > 0;
  }

  focusMessage(): void {
    this.renderRoot.querySelector<HTMLTextAreaElement>('#ticket-message')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another ticket: nothing typed for the last one carries over.
    if (changed.has('ticket') && this.ticket && this.ticket.id !== this.ticketSeen) {
      if (this.ticketSeen) this.reset();
      this.ticketSeen = this.ticket.id;
    }
  }

  private reset(): void {
    this.message = '';
    this.setStatus = '';
    this.files = [];
    this.error = '';
    this.inserted = '';
    this.caretSeen = false;
  }

  private async onCanned(e: CustomEvent<CannedChosenDetail>): Promise<void> {
    const { reply } = e.detail;
    const ta = this.renderRoot.querySelector<HTMLTextAreaElement>('#ticket-message');
    if (!ta) return;
    const start = this.caretSeen ? ta.selectionStart : ta.value.length;
    const end = this.caretSeen ? ta.selectionEnd : ta.value.length;
    ta.setRangeText(reply.body, start, end, 'end');
    this.message = ta.value;
    if (this.error === this.l10n.s.messageRequired) this.error = '';
    const text = this.canned.s.inserted(reply.title);
    this.inserted = this.inserted === text ? `${text}\u00a0` : text;
    await this.updateComplete;
    ta.focus();
  }

  private onFiles(e: Event): void {
    const input = e.target as HTMLInputElement;
    const s = this.l10n.s;
    const picked = [...(input.files ?? [])];
    input.value = '';
    for (const f of picked) {
      if (!FILE_TYPES.includes(f.type)) return void (this.error = s.fileWrongType(f.name));
      if (f.size > MAX_FILE_BYTES) return void (this.error = s.fileTooBig(f.name));
    }
    if (this.files.length + picked.length > MAX_FILES) return void (this.error = s.tooManyFiles(MAX_FILES));
    this.error = '';
    this.files = [...this.files, ...picked];
  }

  private removeFile(i: number): void {
    this.files = this.files.filter((_, j) => j !== i);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#ticket-files')?.focus());
  }

  private onKeydown(e: KeyboardEvent): void {
    // Ctrl/Cmd+Enter sends; plain Enter is a new line (replies are letters, not chat lines).
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void this.send();
    }
  }

  private async send(e?: Event): Promise<void> {
    e?.preventDefault();
    const api = this.api;
    const t = this.ticket;
    if (!api || !t || this.sending) return;
    const s = this.l10n.s;
    if (!this.message.trim()) {
      this.error = s.messageRequired;
      this.focusMessage();
      return;
    }
    this.sending = true;
    this.error = '';
    const kind = this.kind;
    try {
      const ticket = await api.reply(t.id, { message: this.message, kind, ...(this.setStatus ? { status: this.setStatus } : {}) }, this.files);
      this.reset();
      this.ticketSeen = ticket.id;
      this.emit('parley-ticket-sent', { kind, ticket }, { bubbles: false, composed: false });
    } catch (err) {
      this.error = s.notSent((err as Error).message);
      this.focusMessage();
    } finally {
      this.sending = false;
    }
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    const t = this.ticket;
    if (!t) return html``;
    const note = this.kind === 'note';
    const locale = this.l10n.locale;
    const describedBy = ['ticket-message-hint', this.error ? 'composer-error' : ''].filter(Boolean).join(' ');
    return html`
      <form class=${note ? 'note' : 'reply'} aria-labelledby="compose-heading" @submit=${this.send} aria-busy=${this.sending ? 'true' : 'false'}>
        <h4 id="compose-heading">${s.compose}</h4>
        <fieldset>
          <legend>${s.sendAs}</legend>
          <label><input type="radio" name="kind" value="public" .checked=${!note} @change=${() => (this.kind = 'public')} /> ${t.contactEmail ? s.kindReply : s.kindReplyNoEmail}</label>
          <label><input type="radio" name="kind" value="note" .checked=${note} @change=${() => (this.kind = 'note')} /> ${s.kindNote}</label>
        </fieldset>
        <div class="message-head">
          <label for="ticket-message">${s.message}</label>
          <parley-console-ticket-canned-picker .api=${this.api} .locale=${t.locale} @parley-canned-chosen=${this.onCanned}></parley-console-ticket-canned-picker>
        </div>
        <textarea
          id="ticket-message"
          maxlength="20000"
          aria-describedby=${describedBy}
          aria-invalid=${this.error === s.messageRequired ? 'true' : 'false'}
          .value=${this.message}
          @input=${(e: Event) => (this.message = (e.target as HTMLTextAreaElement).value)}
          @keydown=${this.onKeydown}
          @focus=${() => (this.caretSeen = true)}
        ></textarea>
        <p class="hint" id="ticket-message-hint">${note ? s.noteHint : t.status === 'closed' ? s.closedNoReply : ''}</p>
        <div class="row">
          <div>
            <label for="ticket-set-status">${s.setStatus}</label>
            <select id="ticket-set-status" @change=${(e: Event) => (this.setStatus = (e.target as HTMLSelectElement).value as SetStatus)}>
              <option value="" .selected=${this.setStatus === ''}>${s.keepStatus}</option>
              <option value="pending" .selected=${this.setStatus === 'pending'}>${s.statusName.pending}</option>
              <option value="resolved" .selected=${this.setStatus === 'resolved'}>${s.statusName.resolved}</option>
            </select>
          </div>
          <div>
            <label for="ticket-files">${s.attach}</label>
            <input id="ticket-files" type="file" multiple accept=${FILE_TYPES.join(',')} aria-describedby="ticket-files-hint" ?disabled=${this.files.length >= MAX_FILES} @change=${this.onFiles} />
            <span class="hint" id="ticket-files-hint">${s.attachHint}</span>
          </div>
        </div>
        ${this.files.length
          ? html`<ul class="chosen" aria-label=${s.attachments}>
              ${this.files.map(
                (f, i) => html`<li>
                  <span>${f.name} <span class="muted">${fileSize(f.size, locale)}</span></span>
                  <button type="button" class="remove-file" aria-label=${s.removeFile(f.name)} @click=${() => this.removeFile(i)}>✕</button>
                </li>`,
              )}
            </ul>`
          : nothing}
        <p class="error" role="alert" id="composer-error">${this.error}</p>
        <p class="visually-hidden" role="status">${this.inserted}</p>
        <div class="row">
          <button type="submit" class="primary send" aria-disabled=${this.sending ? 'true' : 'false'}>${this.sending ? s.sending : note ? s.addNote : s.sendReply}</button>
        </div>
      </form>
    `;
  }
}
