import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { VisitorClient } from '@parley/client';
import type { HelpContext, Message, VisitorConversation } from '@parley/protocol';
import { ParleyElement } from '../internal/parley-element.js';
import { ClientController } from '../internal/client-controller.js';
import { LocaleController } from '../internal/i18n.js';
import { renderComposer, renderEnded, renderStatus, renderSurvey, type ControlsView } from './chat.controls.js';
import { lastHandoffIndex, renderEntry, type EntryView } from './chat.entries.js';
import { IDENTITY_PROPS, identityOf } from './chat.identity.js';
import { ReplyWatch } from './chat.replies.js';
import { chatStrings } from './chat.strings.js';
import { chatStyles } from './chat.styles.js';
import { applyWidget, widgetText } from './chat.widget.js';

export interface ParleyMessageSentDetail {
  /** The outbox key of the message (its clientId until the server stores it). */
  body: string;
}

export interface ParleyUnreadDetail {
  /** Replies from the bot or an agent that arrived while the chat was not in view. */
  count: number;
}
/** A reply as stored: `author` is 'agent' or 'bot'; `authorName`, `body`, `seq`, `createdAt` (ISO). */
export type ParleyMessageDetail = Message;
export interface ParleyArticleRequestDetail {
  id: string;
  title: string;
}

declare global {
  interface HTMLElementEventMap {
    'parley-open': CustomEvent<undefined>;
    'parley-close': CustomEvent<undefined>;
    'parley-message-sent': CustomEvent<ParleyMessageSentDetail>;
    'parley-unread': CustomEvent<ParleyUnreadDetail>;
    'parley-message': CustomEvent<ParleyMessageDetail>;
    'parley-article-request': CustomEvent<ParleyArticleRequestDetail>;
    'parley-leave-message': CustomEvent<Record<string, never>>;
  }
}

/**
 * @summary The visitor's live chat: a launcher button and a chat panel. A bot answers first, and the
 * visitor can ask for a person, wait in a queue and talk to an agent.
 *
 * @fires parley-open - The panel opened.
 * @fires parley-close - The panel closed.
 * @fires parley-message-sent - The visitor sent a message (it is in the outbox; delivery follows).
 * @fires parley-unread - The number of unseen replies changed (the launcher's badge; the messenger's too).
 * @fires parley-message - A reply from the bot or an agent arrived (detail: the message). A resumed chat's history does not fire it.
 * @fires parley-article-request - In `inline` mode, the visitor picked an article the bot suggested.
 * @fires parley-leave-message - In `inline` mode, nobody can chat and the visitor asked to leave a message (the messenger opens its Feedback tab on the offline form).
 *
 * @csspart launcher - The round launcher button.
 * @csspart badge - The unread count on the launcher (replies that came while the panel was closed).
 * @csspart panel - The chat panel (a non-modal dialog).
 * @csspart header - The panel header with the site name and connection state.
 * @csspart log - The message list.
 * @csspart message - One message; carries `data-author`, `data-seq`, `data-delivery`.
 * @csspart status - Queue position, wait estimate, the assigned agent.
 * @csspart composer - The message box and Send button.
 * @csspart survey - The closed chat's "how did we do?" question (a <parley-survey>, loaded when first shown).
 *
 * @cssproperty --parley-accent - Brand colour of the launcher, header and visitor bubbles.
 * @cssproperty --parley-accent-contrast - Text on the accent colour.
 * @cssproperty --parley-surface - Panel background.
 * @cssproperty --parley-surface-alt - Other people's bubbles, banners.
 * @cssproperty --parley-text - Text colour.
 * @cssproperty --parley-text-muted - Secondary text.
 * @cssproperty --parley-border - Borders.
 * @cssproperty --parley-radius - Panel and bubble corner radius.
 * @cssproperty --parley-font - Font family.
 * @cssproperty --parley-z-index - Stacking of the launcher and panel.
 * @cssproperty --parley-offset - Distance of the launcher from the viewport corner.
 * @cssproperty --parley-panel-width - Panel width.
 * @cssproperty --parley-panel-height - Panel height.
 */
export class ParleyChat extends ParleyElement {
  static override styles = chatStyles;

  /** Origin of the Parley server; defaults to the page's origin. */
  @property() server = '';

  /** The site key. */
  @property() site = '';

  /** Whether the panel is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  /**
   * Rendered inside another element's panel (the messenger's Chat tab): no launcher and no floating
   * panel of its own; `open` then means "in view". The container handles Escape and open/close events.
   */
  @property({ type: Boolean, reflect: true }) inline = false;

  /** The host site's signed-in user (with `user-hash`, or `user-jwt` instead): only a valid proof joins this browser to them (chat.identity.ts). */
  @property({ attribute: 'user-id' }) userId = '';
  /** Hex HMAC-SHA256(site identity secret, user-id), computed on the host's server. */
  @property({ attribute: 'user-hash' }) userHash = '';
  /** Instead of id and hash: a JWT (HS256, the site's identity secret, `sub` and `exp`). */
  @property({ attribute: 'user-jwt' }) userJwt = '';
  @property({ attribute: 'user-name' }) userName = '';
  @property({ attribute: 'user-email' }) userEmail = '';

  @state() private confirmingEnd = false;
  @state() private failure: string | null = null;
  @state() private busy = false;
  /** "Did this answer your question?" answers on their way, by answer id, until the bot's follow-up shows it. */
  @state() private feedbackSent: Record<string, 'sending' | 'sent' | 'failed'> = {};

  @query('.launcher') private launcherEl?: HTMLButtonElement;
  @query('textarea') private composerEl?: HTMLTextAreaElement;
  @query('.log') private logEl?: HTMLElement;

  private readonly l10n = new LocaleController(this, chatStrings);
  private readonly clientCtl = new ClientController<VisitorClient>(this);
  private starting: Promise<void> | null = null;
  private focusComposerOnRender = false;
  private stickToBottom = true;
  private lastStatus: string | null = null;
  private readonly replies = new ReplyWatch({
    unread: (count) => this.emit('parley-unread', { count }),
    message: (message) => this.emit('parley-message', message),
  });

  /** The underlying client, once created (after the first open). */
  get client(): VisitorClient | null {
    return this.clientCtl.client;
  }

  constructor() {
    super();
    this.addEventListener('keydown', this.onKeydown);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.open || (this.site && VisitorClient.hasOpenConversation(this.site))) void this.ensureClient();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    const client = this.clientCtl.client;
    this.clientCtl.client = null;
    this.starting = null;
    client?.disconnect();
  }

  /** Opens the panel (and connects on first open). */
  show(): void {
    this.open = true;
  }

  /** Closes the panel; the conversation goes on. */
  hide(): void {
    this.open = false;
  }

  toggle(): void {
    this.open = !this.open;
  }

  /** "Still need help?" from the help center: a chat with what the visitor read and searched, handed to a person. */
  async startFromHelp(help: HelpContext): Promise<void> {
    this.focusComposerOnRender = true;
    await this.ensureClient();
    const client = this.clientCtl.client;
    if (client) await this.run(() => client.startFromHelp(help));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) {
      this.focusComposerOnRender = true;
      void this.ensureClient().then(() => this.startIfNeeded());
    }
  }

  /**
   * Opening the panel is what starts a conversation (the bot greets). A client created earlier only
   * to resume (hasOpenConversation) may have found none, so this runs after every open. A closed chat
   * stays in view while its "how did we do?" waits for an answer; otherwise opening greets anew.
   */
  private async startIfNeeded(): Promise<void> {
    const client = this.clientCtl.client;
    const conv = client?.state.conversation;
    if (!client || !this.open || (conv && (conv.status !== 'closed' || conv.survey?.answered === false)) || client.state.error || this.failure) return;
    try {
      await client.start({ pageUrl: location.href });
    } catch (err) {
      if (this.clientCtl.client === client) this.failure = errorMessage(err) ?? 'Error';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (IDENTITY_PROPS.some((p) => changed.has(p)) && this.clientCtl.client) void this.clientCtl.client.identify(identityOf(this)).catch(() => undefined);
    if (!this.inline && changed.has('open') && (changed.get('open') !== undefined || this.open)) {
      this.emit(this.open ? 'parley-open' : 'parley-close');
    }
    const status = this.clientCtl.client?.state.conversation?.status ?? null;
    if (this.open && (changed as PropertyValues).has('confirmingEnd')) {
      // The control that was activated is replaced: keep focus on its successor.
      this.renderRoot.querySelector<HTMLElement>(this.confirmingEnd ? '.tools .danger' : '.tools .end')?.focus();
    }
    if (this.open && status === 'closed' && this.lastStatus !== 'closed') {
      this.renderRoot.querySelector<HTMLElement>('.ended button')?.focus();
    }
    this.lastStatus = status;
    if (this.open && this.focusComposerOnRender) {
      this.focusComposerOnRender = false;
      (this.composerEl ?? this.renderRoot.querySelector<HTMLElement>('.panel'))?.focus();
    }
    this.keepLogAtBottom();
    // Inside the messenger, parley.js (or the messenger) styles the launcher; on its own, the chat does.
    if (!this.inline) applyWidget(this, this.clientCtl.client?.state.site?.widget);
    this.replies.update(this.clientCtl.client?.state, this.open);
  }

  /** @internal Also when the log shrinks under a survey that grows below it (chat.survey.ts). */
  keepLogAtBottom(): void {
    if (this.logEl && this.stickToBottom) this.logEl.scrollTop = this.logEl.scrollHeight;
  }

  private ensureClient(): Promise<void> {
    if (this.starting) return this.starting;
    if (!this.site) {
      this.failure = 'Missing site key (set the site attribute).';
      return Promise.resolve();
    }
    const server = this.server || location.origin;
    const client = new VisitorClient({ server, siteKey: this.site, locale: this.l10n.locale, identity: identityOf(this) });
    this.clientCtl.client = client;
    this.failure = null;
    this.starting = (async () => {
      try {
        await client.connect();
      } catch (err) {
        if (this.clientCtl.client === client) this.failure = errorMessage(err) ?? client.state.error?.message ?? 'Error';
      }
    })();
    return this.starting;
  }

  private async retryConnect(): Promise<void> {
    const client = this.clientCtl.client;
    this.clientCtl.client = null;
    this.starting = null;
    client?.disconnect();
    await this.ensureClient();
    await this.startIfNeeded();
  }

  private onLauncherClick(): void {
    this.toggle();
  }

  /** Escape anywhere in the element (launcher or panel): cancel a pending confirm, else close. */
  private readonly onKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || e.isComposing || !this.open) return;
    if (this.confirmingEnd) {
      e.stopPropagation();
      this.confirmingEnd = false;
    } else if (!this.inline) {
      e.stopPropagation();
      this.closeToLauncher();
    }
  };

  /** Closes the panel and puts keyboard focus back where the visitor opened it. */
  private closeToLauncher(): void {
    this.open = false;
    void this.updateComplete.then(() => this.launcherEl?.focus());
  }

  /** @internal (chat.controls.ts) */
  onComposerKeydown(e: KeyboardEvent): void {
    // keyCode 229: Safari reports the Enter that confirms an IME candidate without isComposing.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      this.sendDraft();
    }
  }

  /** The client throttles typing signals and sends `false` after a pause, so every keystroke may report. */
  /** @internal (chat.controls.ts) */
  onComposerInput(): void {
    const client = this.clientCtl.client;
    if (client?.state.conversation) client.setTyping(true);
  }

  /** @internal (chat.controls.ts) */
  sendDraft(): void {
    const box = this.composerEl;
    if (!box) return;
    const body = box.value.trim();
    if (!body) return;
    box.value = '';
    this.stickToBottom = true;
    // The client keeps text typed before the conversation exists and binds it once start() returns.
    void this.ensureClient();
    this.clientCtl.client?.send(body);
    this.emit('parley-message-sent', { body });
    box.focus();
  }

  private async run(task: () => Promise<void>): Promise<void> {
    this.busy = true;
    try {
      await task();
    } catch (err) {
      this.failure = errorMessage(err) ?? 'Error';
    } finally {
      this.busy = false;
    }
  }

  /** @internal (chat.controls.ts) */
  handoff(): void {
    const client = this.clientCtl.client;
    // The button goes away once queued; without this a keyboard user's focus would drop to <body>,
    // where Escape and typing no longer reach the chat.
    this.focusComposerOnRender = true;
    if (client) void this.run(() => client.handoff());
  }

  private async sendFeedback(messageId: string, helpful: boolean): Promise<void> {
    const client = this.clientCtl.client;
    if (!client || this.feedbackSent[messageId] === 'sending') return;
    this.feedbackSent = { ...this.feedbackSent, [messageId]: 'sending' };
    const error = await client.feedback(messageId, helpful);
    this.feedbackSent = { ...this.feedbackSent, [messageId]: error ? 'failed' : 'sent' };
    if (error) return;
    // The buttons are replaced by the thanks: keep a keyboard user's place there.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-feedback-for="${messageId}"]`)?.focus();
  }

  /** @internal (chat.controls.ts) */
  leaveMessage(): void {
    this.emit('parley-leave-message', {});
  }

  /** @internal (chat.controls.ts) */
  confirmEnd(confirming: boolean): void {
    this.confirmingEnd = confirming;
  }

  /** @internal (chat.controls.ts) */
  endChat(): void {
    const client = this.clientCtl.client;
    this.confirmingEnd = false;
    if (client) void this.run(() => client.close());
  }

  /** @internal (chat.controls.ts) */
  startNew(): void {
    const client = this.clientCtl.client;
    if (!client) return;
    this.focusComposerOnRender = true;
    void this.run(() => client.startNew());
  }

  private onLogScroll(): void {
    const log = this.logEl;
    if (log) this.stickToBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  }

  // ---------- rendering ----------

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    if (this.inline) {
      return html`<div id="panel" part="panel" class="panel inline" ?hidden=${!this.open}>${this.open ? this.renderPanel() : nothing}</div>`;
    }
    const unread = this.replies.unread(this.clientCtl.client?.state, this.open);
    return html`
      <button
        part="launcher"
        class="launcher"
        type="button"
        aria-label=${this.open ? s.closeChat : s.openChat}
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        aria-describedby=${ifDefined(unread ? 'unread' : undefined)}
        @click=${this.onLauncherClick}
      >
        ${this.open
          ? html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 0 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z"/></svg>`
          : html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>`}
        ${unread
          ? html`<span id="unread" class="badge" part="badge"
              ><span aria-hidden="true">${unread}</span><span class="visually-hidden">${s.unread(unread)}</span></span
            >`
          : nothing}
      </button>
      <div
        id="panel"
        part="panel"
        class="panel"
        role="dialog"
        aria-modal="false"
        aria-label=${s.chat}
        tabindex="-1"
        ?hidden=${!this.open}
      >
        ${this.open ? this.renderPanel() : nothing}
      </div>
    `;
  }

  private renderPanel(): TemplateResult {
    const s = this.l10n.s;
    const client = this.clientCtl.client;
    const st = client?.state;
    const conv = st?.conversation ?? null;
    const connection = st?.connection ?? 'idle';
    const error = this.failure ?? (!conv && connection !== 'connecting' ? (st?.error?.message ?? null) : null);
    // Answers the visitor rated, as the bot's follow-ups record it: survives a reload, unlike local state.
    const rated = new Set((st?.timeline ?? []).flatMap((e) => (e.message.meta?.feedbackFor ? [e.message.meta.feedbackFor.messageId] : [])));
    // One truth with the status line below: "Online" only while someone can actually answer.
    const agentsOnline = conv?.status === 'queued' ? conv.queue?.agentsOnline : st?.site?.agentsOnline;
    const sub =
      conv?.status === 'assigned' && conv.agent
        ? conv.agent.name
        : connection === 'online'
          ? agentsOnline === 0
            ? s.awayNow
            : s.online
          : connection === 'offline'
            ? s.offline
            : connection === 'connecting'
              ? s.connecting
              : '';
    return html`
      ${this.inline
        ? html`<p class="presence" part="header">${sub}</p>`
        : html`<header part="header">
            <div class="titles">
              <h2>${st?.site?.name ?? s.chat}</h2>
              <p class="sub">${sub}</p>
            </div>
            <button type="button" @click=${this.closeToLauncher}>${s.minimize}</button>
          </header>`}
      ${connection !== 'online' && connection !== 'idle' && conv ? html`<div class="banner" role="alert">${s.reconnecting}</div>` : nothing}
      ${error && conv ? html`<div class="banner error" role="alert">${error}</div>` : nothing}
      <div
        class="log"
        part="log"
        role="log"
        aria-live="polite"
        aria-label=${s.conversation}
        aria-busy=${!conv && !error ? 'true' : 'false'}
        tabindex="0"
        @scroll=${this.onLogScroll}
      >
        ${error && !conv
          ? html`<div class="error">
              <h3>${s.errorTitle}</h3>
              <p>${error}</p>
              <button class="primary" type="button" @click=${this.retryConnect}>${s.tryAgain}</button>
            </div>`
          : !conv
            ? html`<p class="loading">${s.connecting}</p>`
            : repeat(
                st?.timeline ?? [],
                (e) => e.key,
                (e, i) => renderEntry(this.entryView(conv, rated), e, i === lastHandoffIndex(st?.timeline ?? [], conv)),
              )}
      </div>
      <div class="typing" aria-hidden="true">${this.renderTyping()}</div>
      <div class="status" part="status" role="status">${conv ? renderStatus(s, conv, st?.site?.agentsOnline, widgetText(st?.site?.widget?.offlineMessage, this.l10n.locale)) : nothing}</div>
      ${conv?.status === 'closed' ? renderEnded(this.controlsView(conv), this, conv.survey && renderSurvey(this, this.server || location.origin, conv.survey.token, this.l10n.locale)) : error && !conv ? nothing : renderComposer(this.controlsView(conv), this)}
    `;
  }


  /** What the timeline's templates (chat.entries.ts) need from the element. */
  private entryView(conv: VisitorConversation, rated: ReadonlySet<string>): EntryView {
    return {
      s: this.l10n.s,
      locale: this.l10n.locale,
      conv,
      rated,
      inline: this.inline,
      busy: this.busy || !!this.clientCtl.client?.state.busy,
      feedbackSent: this.feedbackSent,
      handoff: () => this.handoff(),
      retry: (key) => this.clientCtl.client?.retry(key),
      rate: (id, helpful) => void this.sendFeedback(id, helpful),
      openArticle: (id, title) => this.emit('parley-article-request', { id, title }),
    };
  }

  private renderTyping(): string {
    const typing = this.clientCtl.client?.state.agentTyping;
    if (!typing) return '';
    return typing.name ? this.l10n.s.typing(typing.name) : this.l10n.s.someoneTyping;
  }

  private controlsView(conv: VisitorConversation | null): ControlsView {
    const timeline = this.clientCtl.client?.state.timeline ?? [];
    const site = this.clientCtl.client?.state.site;
    return {
      s: this.l10n.s,
      conv,
      inline: this.inline,
      busy: this.busy || !!this.clientCtl.client?.state.busy,
      confirmingEnd: this.confirmingEnd,
      showHandoff: conv?.status === 'bot' && lastHandoffIndex(timeline, conv) === -1,
      // Nobody can answer (the same test as the status line): inside the messenger, offer its offline form.
      nobody: conv?.status === 'queued' ? conv.queue?.agentsOnline === 0 : conv?.status === 'bot' && site?.agentsOnline === 0,
    };
  }
}

function errorMessage(err: unknown): string | null {
  if (!err) return null;
  if (typeof err === 'object' && 'message' in err && typeof (err as { message: unknown }).message === 'string') {
    return (err as { message: string }).message;
  }
  return String(err);
}
