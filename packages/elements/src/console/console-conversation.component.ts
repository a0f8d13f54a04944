import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { AgentClient, TimelineEntry } from '@parley/client';
import type { AgentConversation, Message } from '@parley/protocol';
import { ClientController } from '../internal/client-controller.js';
import { clockTime, deliveryText, LocaleController, localized, sharedStrings, systemText } from '../internal/i18n.js';
import { ParleyElement } from '../internal/parley-element.js';
import { departmentLabel, visitorLabel } from './console.format.js';
import { errorMessage } from './console.session.js';
import { consoleStrings } from './console.strings.js';
import { conversationStyles } from './console-conversation.styles.js';
import type { ParleyConsoleTicketFromChat } from './console-ticket-from-chat.component.js';
import type { TicketsApi } from './tickets/tickets-api.js';

/** What happened to the open conversation; the console then clears the selection and announces it. */
export interface ConversationDoneDetail {
  conversationId: string;
  outcome: 'closed' | 'transferred' | 'back';
}

declare global {
  interface HTMLElementEventMap {
    'parley-conversation-done': CustomEvent<ConversationDoneDetail>;
  }
}

/**
 * The open conversation in `<parley-console>`: header, history, typing indicator, composer, transfer
 * and close. Internal to the console (registered by `console.ts`), fed the console's AgentClient.
 *
 * @summary One conversation of the agent console.
 * @fires parley-conversation-done - The agent closed, handed over or left the conversation.
 * @csspart header - The conversation's header.
 * @csspart log - The message history.
 * @csspart composer - The reply form.
 */
export class ParleyConsoleConversation extends ParleyElement {
  static override styles = conversationStyles;

  @property({ attribute: false }) client: AgentClient | null = null;
  @property({ attribute: false }) conversationId: string | null = null;
  /** The console's ticket API, for turning the chat into a ticket. */
  @property({ attribute: false }) ticketsApi: TicketsApi | null = null;

  @state() private loadingId: string | null = null;
  @state() private loadError = '';
  @state() private actionError = '';
  @state() private busy = false;
  @state() private dialog: 'transfer' | 'close' | null = null;
  @state() private transferTarget = '';

  @query('.log') private logEl?: HTMLElement;
  @query('#reply') private replyEl?: HTMLTextAreaElement;
  @query('dialog.transfer') private transferDialog?: HTMLDialogElement;
  @query('dialog.close') private closeDialog?: HTMLDialogElement;
  @query('parley-console-ticket-from-chat') private ticketDialog?: ParleyConsoleTicketFromChat;

  private readonly l10n = new LocaleController(this, consoleStrings);
  private readonly shared = new LocaleController(this, sharedStrings);
  private readonly clientCtl = new ClientController<AgentClient>(this);
  /** Unsent drafts per conversation, so switching between conversations loses nothing typed. */
  private readonly drafts = new Map<string, string>();
  /** Last seq marked read per conversation: markRead once per new message, not once per render. */
  private readonly readUpTo = new Map<string, number>();
  private stickToBottom = true;
  private readonly onVisibility = (): void => this.markReadIfNeeded();

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.stopTyping(this.conversationId);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) this.clientCtl.client = this.client;
    if (changed.has('conversationId')) {
      const previous = changed.get('conversationId') as string | null | undefined;
      if (previous) this.stopTyping(previous);
      this.dialog = null;
      this.actionError = '';
      this.loadError = '';
      this.stickToBottom = true;
      if (this.conversationId) void this.load(this.conversationId);
    }
  }

  protected override updated(changed: PropertyValues): void {
    this.syncDialogs();
    if (this.stickToBottom && this.logEl) this.logEl.scrollTop = this.logEl.scrollHeight;
    this.markReadIfNeeded();
  }

  /** Moves focus into the view (the console calls this when the list gives way on narrow screens). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#conversation-heading')?.focus();
  }

  /** Puts the caret in the reply box (the heading when there is none, e.g. a closed conversation). */
  focusReply(): void {
    if (this.replyEl) this.replyEl.focus();
    else this.focusHeading();
  }

  private get conversation(): AgentConversation | null {
    const id = this.conversationId;
    return id ? (this.client?.state.conversations[id] ?? null) : null;
  }

  private async load(id: string): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.loadingId = id;
    try {
      const ack = await client.open(id);
      if (!ack.ok && this.conversationId === id) this.loadError = ack.error.message;
    } catch (err) {
      if (this.conversationId === id) this.loadError = errorMessage(err);
    } finally {
      if (this.loadingId === id) this.loadingId = null;
    }
    this.markReadIfNeeded();
  }

  private markReadIfNeeded(): void {
    const c = this.conversation;
    if (!c || !this.client || this.loadingId === c.id || document.visibilityState === 'hidden') return;
    if (c.unread > 0 && (this.readUpTo.get(c.id) ?? -1) < c.lastSeq) {
      this.readUpTo.set(c.id, c.lastSeq);
      this.client.markRead(c.id);
    }
  }

  private stopTyping(id: string | null | undefined): void {
    if (id && this.client) this.client.setTyping(id, false);
  }

  // ---------- composer ----------

  private onInput(e: Event): void {
    const id = this.conversationId;
    if (!id) return;
    const value = (e.target as HTMLTextAreaElement).value;
    this.drafts.set(id, value);
    this.client?.setTyping(id, value.trim().length > 0);
  }

  private onKeydown(e: KeyboardEvent): void {
    // An IME (Chinese input) uses Enter to pick a candidate: that Enter must not send.
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    this.send();
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    this.send();
  }

  private send(): void {
    const id = this.conversationId;
    const textarea = this.replyEl;
    if (!id || !textarea || !this.client || !this.canReply) return;
    const body = textarea.value;
    if (!body.trim()) return;
    this.client.send(id, body);
    this.client.setTyping(id, false);
    textarea.value = '';
    this.drafts.delete(id);
    this.stickToBottom = true;
    textarea.focus();
  }

  private get canReply(): boolean {
    const c = this.conversation;
    const me = this.client?.state.me;
    return !!c && !!me && c.status === 'assigned' && c.agentId === me.id;
  }

  private onScroll(): void {
    const el = this.logEl;
    if (el) this.stickToBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
  }

  // ---------- transfer and close ----------

  private syncDialogs(): void {
    const pairs: Array<[HTMLDialogElement | undefined, boolean]> = [
      [this.transferDialog, this.dialog === 'transfer'],
      [this.closeDialog, this.dialog === 'close'],
    ];
    for (const [dialog, open] of pairs) {
      if (!dialog) continue;
      if (open && !dialog.open) dialog.showModal();
      else if (!open && dialog.open) dialog.close();
    }
  }

  private openDialog(which: 'transfer' | 'close'): void {
    this.actionError = '';
    this.transferTarget = '';
    this.dialog = which;
    // Colleagues' presence is not pushed; the list a transfer picks from must be current.
    if (which === 'transfer') void this.client?.refreshDirectory();
    this.requestUpdate();
  }

  /** Escape closes a modal <dialog> natively (and the browser returns focus to its trigger): follow it. */
  private onDialogClose(which: 'transfer' | 'close', e: Event): void {
    // 'close' is dispatched a task later: if the dialog was reopened meanwhile, this one is stale.
    if ((e.currentTarget as HTMLDialogElement).open) return;
    if (this.dialog === which) this.dialog = null;
  }

  private async onTransfer(e: Event): Promise<void> {
    e.preventDefault();
    const id = this.conversationId;
    if (!id || !this.client || !this.transferTarget || this.busy) return;
    const [kind, targetId] = this.transferTarget.split(':') as ['agent' | 'dept', string];
    this.busy = true;
    try {
      const ack = await this.client.transfer(id, kind === 'agent' ? { toAgentId: targetId } : { toDepartmentId: targetId });
      if (ack.ok) {
        this.dialog = null;
        this.emit('parley-conversation-done', { conversationId: id, outcome: 'transferred' });
      } else this.actionError = this.l10n.s.actionFailed(ack.error.message);
    } catch (err) {
      this.actionError = this.l10n.s.actionFailed(errorMessage(err));
    } finally {
      this.busy = false;
    }
  }

  /** The dialog's code is fetched on first use, like the Tickets view's. */
  private async createTicket(): Promise<void> {
    try {
      await import('./console-ticket-from-chat.js');
    } catch (err) {
      this.actionError = this.l10n.s.actionFailed(errorMessage(err));
      return;
    }
    this.ticketDialog?.show();
  }

  private async onConfirmClose(): Promise<void> {
    const id = this.conversationId;
    if (!id || !this.client || this.busy) return;
    this.busy = true;
    try {
      const ack = await this.client.close(id);
      if (ack.ok) {
        this.dialog = null;
        this.emit('parley-conversation-done', { conversationId: id, outcome: 'closed' });
      } else this.actionError = this.l10n.s.actionFailed(ack.error.message);
    } catch (err) {
      this.actionError = this.l10n.s.actionFailed(errorMessage(err));
    } finally {
      this.busy = false;
    }
  }

  // ---------- rendering ----------

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    const c = this.conversation;
    if (!this.conversationId) return html`<div class="empty" part="empty"><p>${s.selectConversation}</p></div>`;
    if (!c) {
      return html`<div class="empty" part="empty">
        ${this.loadError ? html`<p role="alert" class="error">${this.loadError}</p>` : html`<p role="status">${s.loadingConversation}</p>`}
      </div>`;
    }
    const state = this.client?.state;
    const dept = departmentLabel(s, state?.directory?.departments, c.departmentId, this.l10n.locale);
    const name = visitorLabel(s, c);
    const entries = state?.timelines[c.id] ?? [];
    const typing = state?.typing[c.id];
    const closed = c.status === 'closed';
    return html`
      <section class="view" aria-labelledby="conversation-heading">
        <header part="header">
          <button type="button" class="back" @click=${() => this.emit('parley-conversation-done', { conversationId: c.id, outcome: 'back' })}>
            ${s.back}
          </button>
          <h2 id="conversation-heading" tabindex="-1">${name}</h2>
          <dl class="facts">
            <div><dt>${s.statusLabel}</dt><dd class="status status-${c.status}">${s.conversationStatus[c.status]}</dd></div>
            <div><dt>${s.departmentLabel}</dt><dd>${dept}</dd></div>
            ${c.visitor.pageUrl ? html`<div class="page"><dt>${s.pageLabel}</dt><dd title=${c.visitor.pageUrl}>${c.visitor.pageUrl}</dd></div>` : nothing}
          </dl>
          ${closed
            ? nothing
            : html`<div class="actions">
                <button type="button" class="create-ticket" ?disabled=${!this.canReply || !this.ticketsApi} @click=${this.createTicket}>${s.createTicket}</button>
                <button type="button" class="transfer" ?disabled=${!this.canReply} @click=${() => this.openDialog('transfer')}>${s.transfer}</button>
                <button type="button" class="close danger" ?disabled=${!this.canReply} @click=${() => this.openDialog('close')}>
                  ${s.closeConversation}
                </button>
              </div>`}
        </header>
        <parley-console-ticket-from-chat .api=${this.ticketsApi} .client=${this.client} .conversationId=${c.id}></parley-console-ticket-from-chat>
        ${this.actionError && !this.dialog ? html`<p class="error" role="alert">${this.actionError}</p>` : nothing}
        <div class="log" part="log" role="log" aria-live="polite" aria-label=${s.history} tabindex="0" @scroll=${this.onScroll}>
          ${this.loadingId === c.id && entries.length === 0 ? html`<p class="hint">${s.loadingConversation}</p>` : nothing}
          ${this.loadError ? html`<p class="error">${this.loadError}</p>` : nothing}
          ${this.loadingId !== c.id && entries.length === 0 && !this.loadError ? html`<p class="hint">${s.historyEmpty}</p>` : nothing}
          ${repeat(entries, (e) => e.key, (e) => this.renderEntry(e, name))}
        </div>
        <p class="typing">
          ${typing?.typing && typing.author === 'visitor' ? s.isTyping(typing.name ?? name) : nothing}
        </p>
        ${closed ? html`<p class="closed-note" role="status">${s.conversationClosed}</p>` : this.renderComposer(c.id)}
      </section>
      ${this.renderTransferDialog()} ${this.renderCloseDialog()}
    `;
  }

  private renderEntry(entry: TimelineEntry, visitorName: string): TemplateResult {
    const m = entry.message;
    const common = (cls: string, content: TemplateResult) => html`
      <div
        class="msg ${cls}"
        data-author=${m.author}
        data-seq=${m.seq > 0 ? String(m.seq) : nothing}
        data-delivery=${entry.delivery}
      >
        ${content}
      </div>
    `;
    if (m.author === 'system') {
      const text = m.meta?.system ? systemText(this.shared.s, m.meta.system, this.l10n.locale) : m.body;
      return common('system', html`<p class="body">${text}</p>`);
    }
    const who = m.author === 'visitor' ? visitorName : m.author === 'bot' ? m.authorName || this.l10n.s.bot : m.authorName || this.l10n.s.you;
    return common(
      m.author,
      html`
        <p class="meta">
          <span class="who">${who}</span>
          ${m.author === 'bot' ? html`<span class="tag">${this.l10n.s.bot}</span>` : nothing}
          <time datetime=${m.createdAt}>${clockTime(m.createdAt, this.l10n.locale)}</time>
        </p>
        <p class="body">${m.body}</p>
        ${this.renderArticles(m)} ${m.author === 'agent' ? this.renderDelivery(entry) : nothing}
      `,
    );
  }

  private renderArticles(m: Message): TemplateResult | typeof nothing {
    const articles = m.meta?.articles;
    if (!articles?.length) return nothing;
    return html`<ul class="articles">
      ${articles.map((a) => html`<li>${a.title}</li>`)}
    </ul>`;
  }

  private renderDelivery(entry: TimelineEntry): TemplateResult {
    const label = deliveryText(this.shared.s, entry.delivery, entry.delayed);
    if (entry.delivery !== 'failed') return html`<p class="delivery">${label}</p>`;
    const id = entry.message.conversationId;
    return html`<p class="delivery failed">
      ${label}${entry.error ? html`: ${entry.error.message}` : nothing}
      <button type="button" class="retry" @click=${() => this.client?.retry(id, entry.key)}>${this.l10n.s.retry}</button>
    </p>`;
  }

  private renderComposer(id: string): TemplateResult {
    const s = this.l10n.s;
    const disabled = !this.canReply;
    return html`
      <form class="composer" part="composer" @submit=${this.onSubmit}>
        <label for="reply" class="visually-hidden">${s.reply}</label>
        <textarea
          id="reply"
          rows="3"
          aria-describedby="reply-hint"
          .value=${this.drafts.get(id) ?? ''}
          ?disabled=${disabled}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
        ></textarea>
        <p id="reply-hint" class="hint">${s.replyHint}</p>
        <button type="submit" class="primary" ?disabled=${disabled}>${s.send}</button>
      </form>
    `;
  }

  private renderTransferDialog(): TemplateResult {
    const s = this.l10n.s;
    const state = this.client?.state;
    const me = state?.me;
    const agents = (state?.directory?.agents ?? []).filter((a) => a.id !== me?.id && a.presence === 'online');
    const departments = state?.directory?.departments ?? [];
    const none = agents.length === 0 && departments.length === 0;
    return html`
      <dialog class="transfer" aria-labelledby="transfer-heading" @close=${(e: Event) => this.onDialogClose('transfer', e)}>
        <form @submit=${this.onTransfer}>
          <h3 id="transfer-heading">${s.transferHeading}</h3>
          ${none
            ? html`<p>${s.nobodyToTransferTo}</p>`
            : html`
                <label for="transfer-target">${s.transferTo}</label>
                <select
                  id="transfer-target"
                  required
                  autofocus
                  .value=${this.transferTarget}
                  @change=${(e: Event) => (this.transferTarget = (e.target as HTMLSelectElement).value)}
                >
                  <option value="">${s.transferChoose}</option>
                  ${agents.length
                    ? html`<optgroup label=${s.agentsGroup}>
                        ${agents.map((a) => html`<option value=${`agent:${a.id}`}>${a.name}</option>`)}
                      </optgroup>`
                    : nothing}
                  ${departments.length
                    ? html`<optgroup label=${s.departmentsGroup}>
                        ${departments.map((d) => html`<option value=${`dept:${d.id}`}>${localized(d.name, this.l10n.locale)}</option>`)}
                      </optgroup>`
                    : nothing}
                </select>
              `}
          ${this.actionError && this.dialog === 'transfer' ? html`<p class="error" role="alert">${this.actionError}</p>` : nothing}
          <div class="buttons">
            <button type="button" @click=${() => (this.dialog = null)}>${s.cancel}</button>
            <button type="submit" class="primary" ?disabled=${none || !this.transferTarget || this.busy}>${s.confirm}</button>
          </div>
        </form>
      </dialog>
    `;
  }

  private renderCloseDialog(): TemplateResult {
    const s = this.l10n.s;
    return html`
      <dialog class="close" aria-labelledby="close-heading" aria-describedby="close-text" @close=${(e: Event) => this.onDialogClose('close', e)}>
        <h3 id="close-heading">${s.closeHeading}</h3>
        <p id="close-text">${s.closeQuestion}</p>
        ${this.actionError && this.dialog === 'close' ? html`<p class="error" role="alert">${this.actionError}</p>` : nothing}
        <div class="buttons">
          <button type="button" autofocus @click=${() => (this.dialog = null)}>${s.cancel}</button>
          <button type="button" class="danger" ?disabled=${this.busy} @click=${this.onConfirmClose}>${s.confirm}</button>
        </div>
      </dialog>
    `;
  }
}
