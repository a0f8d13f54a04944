import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { AgentClient } from '@parley/client';
import type { TicketCategory, TicketDetail, TicketPriority } from '@parley/protocol';
import { ClientController } from '../internal/client-controller.js';
import { LocaleController, localized } from '../internal/i18n.js';
import { ParleyElement } from '../internal/parley-element.js';
import { focusRing, tokens, visuallyHidden } from '../styles/index.js';
import { controls } from './console.styles.js';
import { ticketFromChatStrings } from './console-ticket-from-chat.strings.js';
import type { TicketsApi } from './tickets/tickets-api.js';

export interface ChatTicketCreatedDetail {
  conversationId: string;
  /** The new ticket, as the server holds it. */
  ticket: TicketDetail;
}
export interface ChatTicketOpenDetail {
  ticketId: string;
}

declare global {
  interface HTMLElementEventMap {
    'parley-chat-ticket-created': CustomEvent<ChatTicketCreatedDetail>;
    'parley-chat-ticket-open': CustomEvent<ChatTicketOpenDetail>;
  }
}

const PRIORITIES: TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
/** A subject line, not the whole message: the message is in the transcript anyway. */
export const SUBJECT_PREFILL_CHARS = 80;

type Field = 'subject' | 'topic' | 'email';

/** The visitor's first words as a subject: one line, at most `max` characters (an ellipsis when cut). */
export function subjectFrom(text: string, max = SUBJECT_PREFILL_CHARS): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/** The focused element through open shadow roots: the control to return to when the dialog closes. */
function deepActive(): HTMLElement | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a instanceof HTMLElement ? a : null;
}

/**
 * Turns the open chat into a ticket: subject (the visitor's first words), topic, priority and the
 * visitor's email, where the ticket's private link goes (it is never posted in the chat). Renders the
 * modal dialog and, once a ticket exists, a line with its number and "Open ticket".
 *
 * @summary "Create ticket" dialog of the agent console's conversation view (internal).
 * @fires parley-chat-ticket-created - The server made the ticket; the console announces it.
 * @fires parley-chat-ticket-open - The agent asked to see the new ticket in the Tickets view.
 */
export class ParleyConsoleTicketFromChat extends ParleyElement {
  static override styles = [
    tokens,
    focusRing,
    visuallyHidden,
    controls,
    css`
      :host {
        display: block;
      }
      .created {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 12px;
        margin: 0;
        padding: 8px 16px;
        border-bottom: 1px solid var(--_border);
        background: var(--_surface-alt);
      }
      .created p {
        margin: 0;
      }
      dialog h3 {
        margin: 0 0 4px;
        font-size: 1.05em;
      }
      form {
        display: flex;
        flex-direction: column;
        gap: 6px;
      }
      .hint {
        margin: 0 0 6px;
        font-size: 0.9em;
        color: var(--_text-muted);
      }
      .error {
        color: var(--_danger);
        margin: 4px 0;
      }
      .buttons {
        display: flex;
        justify-content: flex-end;
        gap: 8px;
        margin-top: 12px;
      }
      button[aria-disabled='true'] {
        cursor: not-allowed;
        opacity: 0.55;
      }
    `,
  ];

  @property({ attribute: false }) api: TicketsApi | null = null;
  @property({ attribute: false }) client: AgentClient | null = null;
  @property({ attribute: false }) conversationId: string | null = null;

  @state() private open = false;
  @state() private categories: TicketCategory[] | null = null;
  @state() private categoriesError = '';
  @state() private subject = '';
  @state() private categoryId = '';
  @state() private priority: TicketPriority = 'normal';
  @state() private email = '';
  @state() private name = '';
  @state() private error = '';
  @state() private invalid: Field | null = null;
  @state() private busy = false;
  @state() private created: { id: string; number: string } | null = null;

  @query('dialog') private dialogEl?: HTMLDialogElement;

  private readonly l10n = new LocaleController(this, ticketFromChatStrings);
  /** Follows the chat: right after Take its history may still be on its way, and with it the first words. */
  private readonly clientCtl = new ClientController<AgentClient>(this);
  private opener: HTMLElement | null = null;
  private subjectTouched = false;

  /** Opens the dialog, filled in from the chat; focus goes back to whatever had it when it closes. */
  show(): void {
    const c = this.conversation;
    if (!c) return;
    this.opener = deepActive();
    this.subject = this.firstWords();
    this.subjectTouched = false;
    this.categoryId = '';
    this.priority = 'normal';
    this.email = '';
    this.name = c.visitor.name ?? '';
    this.error = '';
    this.invalid = null;
    this.open = true;
    if (!this.categories) void this.loadCategories();
    else this.categoryId = this.defaultCategory(this.categories);
  }

  private firstWords(): string {
    const id = this.conversationId;
    const first = (id ? (this.client?.state.timelines[id] ?? []) : []).find((e) => e.message.author === 'visitor' && e.message.body.trim());
    return first ? subjectFrom(first.message.body) : '';
  }

  private get conversation() {
    const id = this.conversationId;
    return id ? (this.client?.state.conversations[id] ?? null) : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) this.clientCtl.client = this.client;
    if (changed.has('api')) this.categories = null;
    if (this.open && !this.subjectTouched && !this.subject) this.subject = this.firstWords();
    // Another chat: the last one's dialog and its ticket line do not belong here.
    if (changed.has('conversationId') && changed.get('conversationId') !== undefined) {
      this.open = false;
      this.created = null;
    }
  }

  protected override updated(): void {
    const d = this.dialogEl;
    if (!d) return;
    if (this.open && !d.open) d.showModal();
    else if (!this.open && d.open) d.close();
  }

  /** A website visitor's ticket: the intranet's employee-only topics are not offered. */
  private async loadCategories(): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.categoriesError = '';
    try {
      const all = await api.categories();
      if (this.api !== api) return;
      this.categories = all.filter((c) => c.audience !== 'employee').sort((a, b) => a.position - b.position);
      if (!this.categoryId) this.categoryId = this.defaultCategory(this.categories);
    } catch (err) {
      if (this.api === api) this.categoriesError = (err as Error).message;
    }
  }

  /** The first topic of the chat's department: what the visitor came about, most likely. */
  private defaultCategory(categories: TicketCategory[]): string {
    const dept = this.conversation?.departmentId;
    return (dept ? categories.find((c) => c.departmentId === dept)?.id : undefined) ?? '';
  }

  private async close(): Promise<void> {
    this.open = false;
    const back = this.opener;
    this.opener = null;
    // Only once the dialog is closed: while it is modal, everything outside it is inert.
    await this.updateComplete;
    if (back?.isConnected) back.focus();
  }

  /** Escape closes a modal dialog natively: follow it. */
  private onDialogClose(e: Event): void {
    if ((e.currentTarget as HTMLDialogElement).open || !this.open) return;
    void this.close();
  }

  private refuse(field: Field, message: string): void {
    this.invalid = field;
    this.error = message;
    const id = field === 'topic' ? 'ticket-topic' : `ticket-${field}`;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus());
  }

  private async onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const api = this.api;
    const id = this.conversationId;
    if (!api || !id || this.busy) return;
    const s = this.l10n.s;
    if (!this.subject.trim()) return this.refuse('subject', s.subjectRequired);
    if (!this.categoryId) return this.refuse('topic', s.topicRequired);
    if (!this.email.trim()) return this.refuse('email', s.emailRequired);
    this.busy = true;
    this.error = '';
    this.invalid = null;
    try {
      const ticket = await api.fromChat({
        conversationId: id,
        subject: this.subject.trim(),
        categoryId: this.categoryId,
        priority: this.priority,
        email: this.email.trim(),
        ...(this.name.trim() ? { name: this.name.trim() } : {}),
      });
      if (this.conversationId !== id) return;
      this.created = { id: ticket.id, number: ticket.number };
      void this.close();
      this.emit('parley-chat-ticket-created', { conversationId: id, ticket });
    } catch (err) {
      // Everything typed stays: the agent corrects what the server refused and tries again.
      this.error = s.notCreated((err as Error).message);
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    return html`
      ${this.created
        ? html`<div class="created">
            <p>${s.created(this.created.number)}</p>
            <button type="button" class="open-ticket" @click=${() => this.emit('parley-chat-ticket-open', { ticketId: this.created!.id })}>${s.openTicket}</button>
          </div>`
        : nothing}
      ${this.renderDialog()}
    `;
  }

  private renderDialog(): TemplateResult {
    const s = this.l10n.s;
    const locale = this.l10n.locale;
    const invalid = (f: Field) => (this.invalid === f ? 'true' : 'false');
    const described = (f: Field, hint = '') => [hint, this.invalid === f ? 'ticket-chat-error' : ''].filter(Boolean).join(' ') || nothing;
    const cats = this.categories;
    return html`
      <dialog aria-labelledby="ticket-chat-heading" aria-describedby="ticket-chat-intro" @close=${this.onDialogClose}>
        <form novalidate @submit=${this.onSubmit} aria-busy=${this.busy ? 'true' : 'false'}>
          <h3 id="ticket-chat-heading">${s.heading}</h3>
          <p class="hint" id="ticket-chat-intro">${s.intro}</p>
          <label for="ticket-subject">${s.subject}</label>
          <input
            id="ticket-subject"
            maxlength="200"
            autofocus
            required
            aria-invalid=${invalid('subject')}
            aria-describedby=${described('subject')}
            .value=${this.subject}
            @input=${(e: Event) => {
              this.subject = (e.target as HTMLInputElement).value;
              this.subjectTouched = true;
            }}
          />
          <label for="ticket-topic">${s.topic}</label>
          <select
            id="ticket-topic"
            required
            aria-invalid=${invalid('topic')}
            aria-describedby=${described('topic', this.categoriesError ? 'ticket-topics-error' : '')}
            @change=${(e: Event) => (this.categoryId = (e.target as HTMLSelectElement).value)}
          >
            <option value="" .selected=${this.categoryId === ''}>${cats || this.categoriesError ? s.chooseTopic : s.loadingTopics}</option>
            ${(cats ?? []).map((c) => html`<option value=${c.id} .selected=${this.categoryId === c.id}>${localized(c.names, locale)}</option>`)}
          </select>
          ${this.categoriesError ? html`<p class="error" id="ticket-topics-error">${s.topicsFailed(this.categoriesError)}</p>` : nothing}
          <label for="ticket-priority">${s.priority}</label>
          <select id="ticket-priority" @change=${(e: Event) => (this.priority = (e.target as HTMLSelectElement).value as TicketPriority)}>
            ${PRIORITIES.map((p) => html`<option value=${p} .selected=${this.priority === p}>${s.priorityName[p]}</option>`)}
          </select>
          <label for="ticket-email">${s.email}</label>
          <input
            id="ticket-email"
            type="email"
            maxlength="254"
            autocomplete="off"
            required
            aria-invalid=${invalid('email')}
            aria-describedby=${described('email', 'ticket-email-hint')}
            .value=${this.email}
            @input=${(e: Event) => (this.email = (e.target as HTMLInputElement).value)}
          />
          <p class="hint" id="ticket-email-hint">${s.emailHint}</p>
          <label for="ticket-name">${s.name}</label>
          <input id="ticket-name" maxlength="100" autocomplete="off" .value=${this.name} @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)} />
          <p class="error" role="alert" id="ticket-chat-error">${this.error}</p>
          <div class="buttons">
            <button type="button" @click=${() => void this.close()}>${s.cancel}</button>
            <button type="submit" class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? s.creating : s.create}</button>
          </div>
        </form>
      </dialog>
    `;
  }
}
