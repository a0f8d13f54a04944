import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { AgentClient } from '@parley/client';
import type { AgentConversation, AgentProfile } from '@parley/protocol';
import { ClientController } from '../internal/client-controller.js';
import { LocaleController } from '../internal/i18n.js';
import { ParleyElement } from '../internal/parley-element.js';
import type { ConversationDoneDetail, ParleyConsoleConversation } from './console-conversation.component.js';
import { QueueAlertController } from './console.alerts.js';
import { QueueTracker } from './console.queue.js';
import { departmentLabel } from './console.format.js';
import { renderConnecting, renderMine, renderQueue, renderSignIn, type ListsView } from './console.lists.js';
import { errorCode, errorMessage, readToken, signInErrorText, writeToken } from './console.session.js';
import { consoleStrings } from './console.strings.js';
import { consoleStyles } from './console.styles.js';
import { ConsoleViews, renderHeader, renderSupervisorViews, viewsFor, type ConsoleView } from './console.views.js';
import type { ChatTicketCreatedDetail, ChatTicketOpenDetail } from './console-ticket-from-chat.component.js';
import type { ParleyConsoleKb } from './kb/console-kb.component.js';
import { TicketsApi, ticketIdFromHash } from './tickets/tickets-api.js';
import type { ParleyConsoleTickets } from './tickets/console-tickets.component.js';
import { LazyModule } from '../internal/lazy-module.js';
import { renderCodeStep, renderEnrolScreen } from './two-factor/sign-in-code.js';
import { SignInFlow } from './two-factor/sign-in-flow.js';
import { twoFactorStrings } from './two-factor/two-factor.strings.js';

export interface ConsoleSignInDetail {
  agent: AgentProfile;
}
export interface ConsoleSignOutDetail {
  /** `user`: the agent pressed Sign out. `expired`: the server refused the session (expired or revoked). */
  reason: 'user' | 'expired';
}

declare global {
  interface HTMLElementEventMap {
    'parley-sign-in': CustomEvent<ConsoleSignInDetail>;
    'parley-sign-out': CustomEvent<ConsoleSignOutDetail>;
  }
}

const ENROLMENT_REQUIRED = 'two_factor_enrolment_required';

/** Waiting times are shown to the second below a minute; refreshing this often keeps them honest. */
const TICK_MS = 5_000;

/**
 * The agent console: sign-in, the waiting queue of the agent's departments, their own open
 * conversations, and the selected conversation with its composer. Talks to a Parley server through
 * `@parley/client`'s AgentClient; the session token survives reloads in sessionStorage
 * (`parley:agent-token`). A page address ending in `#ticket=<id>` (the link in escalation emails)
 * opens that ticket once the agent is signed in.
 *
 * @summary Agent console: queue, conversations, replies, transfer and close; the knowledge base.
 *
 * Add the `fullpage` attribute when the console is the whole page: it then fills the viewport.
 *
 * @fires parley-sign-in - The agent signed in. `detail.agent` is their profile.
 * @fires parley-sign-out - The session ended. `detail.reason` is `user` or `expired`.
 *
 * @csspart sign-in - The sign-in form.
 * @csspart header - The bar with the agent's name, status, sound toggle and Sign out.
 * @csspart views - The switch between Conversations and Knowledge base.
 * @csspart knowledge-base - The knowledge-base view (articles, editor, unanswered questions).
 * @csspart tickets - The Tickets view (inbox, one ticket, email log).
 * @csspart reports - The Reports view (supervisors and admins).
 * @csspart surveys - The employee surveys view (supervisors and admins).
 * @csspart announcements - The intranet announcements view (supervisors and admins).
 * @csspart webhooks - The Integrations (webhooks) view (admins).
 * @csspart settings - The Settings view (tabs by role).
 * @csspart queue - The "Queue" region.
 * @csspart mine - The "My conversations" region.
 * @csspart conversation - The open conversation's panel.
 *
 * @cssproperty --parley-accent - Buttons, badges, highlights.
 * @cssproperty --parley-accent-contrast - Text on the accent colour.
 * @cssproperty --parley-surface - Background.
 * @cssproperty --parley-surface-alt - Header and message background.
 * @cssproperty --parley-text - Text colour.
 * @cssproperty --parley-text-muted - Secondary text.
 * @cssproperty --parley-border - Borders.
 * @cssproperty --parley-danger - Errors and destructive actions.
 * @cssproperty --parley-radius - Corner radius of panels and messages.
 * @cssproperty --parley-radius-small - Corner radius of controls.
 * @cssproperty --parley-font - Font family.
 * @cssproperty --parley-font-size - Base font size.
 * @cssproperty --parley-focus-ring - Focus indicator (a box-shadow).
 */
export class ParleyConsole extends ParleyElement {
  static override styles = consoleStyles;

  /** Origin of the Parley server, e.g. `https://chat.example.com`. Defaults to the page's origin. The UI language follows the standard `lang` attribute (en, zh-CN, zh-TW; inherited from ancestors). */
  @property() server = '';
  /** Site id whose knowledge base the console edits. Needed only for agents (and admins) working on several sites. */
  @property() site = '';

  @state() private signingIn = false;
  @state() private signInError = '';
  @state() private signInNotice = '';
  @state() private connectError = '';
  @state() private selectedId: string | null = null;
  @state() private claiming: ReadonlySet<string> = new Set();
  @state() private queueNotice = '';
  @state() private announcement = '';
  /** The session token, for the knowledge base's REST calls. */
  @state() private token = '';
  /** The ticket API, for turning a chat into a ticket from the conversation view. */
  @state() private ticketsApi: TicketsApi | null = null;

  @query('parley-console-conversation') private conversationEl?: ParleyConsoleConversation;
  @query('parley-console-kb') private kbEl?: ParleyConsoleKb;
  @query('parley-console-tickets') private ticketsEl?: ParleyConsoleTickets;

  private readonly l10n = new LocaleController(this, consoleStrings);
  private readonly clientCtl = new ClientController<AgentClient>(this);
  private readonly alerts = new QueueAlertController(this);
  private readonly queue = new QueueTracker(this);
  private readonly views = new ConsoleViews();
  private readonly twoFactorL10n = new LocaleController(this, twoFactorStrings);
  /** Password, then the code (two-factor), or enrolment first for who must and has not (two-factor/). */
  private readonly signInFlow = new SignInFlow(this, {
    server: () => this.origin,
    strings: () => this.twoFactorL10n.s,
    signedIn: (token, agent) => void this.signedIn(token, agent),
    passwordFailed: (err) => void this.passwordFailed(err),
  });
  private readonly enrolModule = new LazyModule(this, () => import('./two-factor/two-factor.js'));
  private tick: ReturnType<typeof setInterval> | null = null;
  /** "Connecting…" before the first connection, "Reconnecting…" after a drop. */
  private wasOnline = false;
  /** A ticket named by the page's `#ticket=` address, opened as soon as someone is signed in. */
  private linkedTicket: string | null = null;
  private readonly onHashChange = (): void => {
    this.linkedTicket = ticketIdFromHash(location.hash);
    if (this.linkedTicket) this.requestUpdate();
  };

  private get client(): AgentClient | null {
    return this.clientCtl.client;
  }

  private get origin(): string {
    return (this.server || location.origin).replace(/\/+$/, '');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.tick = setInterval(() => {
      if (this.waitingTotal() > 0) this.requestUpdate();
    }, TICK_MS);
    window.addEventListener('hashchange', this.onHashChange);
    this.linkedTicket = ticketIdFromHash(location.hash);
    const token = readToken();
    if (token && !this.client) void this.startSession(token);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.tick) clearInterval(this.tick);
    this.tick = null;
    window.removeEventListener('hashchange', this.onHashChange);
    // Keep the token: put back into the page, the element resumes the same session.
    this.client?.disconnect();
    this.clientCtl.client = null;
    this.resetSessionView();
  }

  // ---------- session ----------

  private async startSession(token: string): Promise<void> {
    const client = new AgentClient({ server: this.origin, token });
    this.clientCtl.client = client;
    this.token = token;
    this.ticketsApi = new TicketsApi(this.origin, token, this.site, () => this.expire());
    this.connectError = '';
    try {
      await client.connect();
    } catch (err) {
      if (this.client !== client) return;
      if (errorCode(err) === 'unauthorized') this.expire();
      else if (errorCode(err) === ENROLMENT_REQUIRED) this.toEnrolment(token);
      else this.connectError = errorMessage(err);
    }
  }

  /** The server holds this session to two-factor enrolment: the enrolment screen, before anything else. */
  private toEnrolment(token: string): void {
    const client = this.client;
    this.clientCtl.client = null;
    client?.disconnect();
    this.resetSessionView();
    this.signInFlow.enrol(token);
    void this.enrolModule.load();
  }

  private async signedIn(token: string, agent: AgentProfile): Promise<void> {
    writeToken(token);
    this.emit('parley-sign-in', { agent });
    void this.startSession(token);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.top h1')?.focus();
  }

  private async passwordFailed(err: unknown): Promise<void> {
    this.signInError = signInErrorText(this.l10n.s, err);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#password')?.select();
  }

  private async onCodeSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const input = (form.elements.namedItem('code') ?? form.elements.namedItem('recoveryCode')) as HTMLInputElement;
    await this.signInFlow.submitCode(input.value);
    await this.updateComplete;
    if (this.signInFlow.step === 'code') this.renderRoot.querySelector<HTMLInputElement>('#otp-code, #recovery-code')?.select();
    else if (this.signInFlow.step === 'password') this.renderRoot.querySelector<HTMLInputElement>('#email')?.focus();
  }

  private async onEnrolled(): Promise<void> {
    const token = this.signInFlow.enrolToken;
    const agent = this.signInFlow.enrolAgent;
    this.signInFlow.reset();
    if (agent) await this.signedIn(token, agent);
    else void this.startSession(token);
  }

  /** Signing out from the enrolment screen: there is no socket yet, only the token. */
  private async signOutEnrolling(): Promise<void> {
    const token = this.signInFlow.enrolToken;
    writeToken(null);
    this.signInFlow.reset();
    this.emit('parley-sign-out', { reason: 'user' });
    await fetch(`${this.origin}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#email')?.focus();
  }

  private async onSignIn(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.signingIn) return;
    const form = e.currentTarget as HTMLFormElement;
    const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim();
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    this.signingIn = true;
    this.signInError = '';
    this.signInNotice = '';
    try {
      await this.signInFlow.submitPassword(email, password);
    } finally {
      this.signingIn = false;
    }
    const step = this.signInFlow.step;
    if (step === 'code') {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#otp-code')?.focus();
    } else if (step === 'enrol') {
      await this.enrolModule.load();
      await this.updateComplete;
      const el = this.renderRoot.querySelector<HTMLElement & { updateComplete: Promise<unknown>; focusHeading(): void }>('parley-two-factor-enrol');
      await el?.updateComplete;
      el?.focusHeading();
    }
  }

  private async signOut(): Promise<void> {
    // Signing out drops the knowledge base with whatever is unsaved in it: ask, in view of the editor.
    if (this.kbEl?.dirty) {
      await this.showView('kb');
      if (!(await this.kbEl.confirmLeave())) return;
    }
    const client = this.client;
    writeToken(null);
    this.clientCtl.client = null;
    this.resetSessionView();
    this.emit('parley-sign-out', { reason: 'user' });
    if (client) {
      try {
        await client.logout();
      } catch {
        // The token is forgotten locally either way; the server expires it on its own.
      }
      client.disconnect();
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#email')?.focus();
  }

  /** The server refused the token (expired, revoked, password changed): back to the sign-in form. */
  private expire(): void {
    const client = this.client;
    if (!client) return;
    writeToken(null);
    this.clientCtl.client = null;
    client.disconnect();
    this.resetSessionView();
    this.signInNotice = this.l10n.s.sessionExpired;
    this.emit('parley-sign-out', { reason: 'expired' });
  }

  private resetSessionView(): void {
    this.selectedId = null;
    this.claiming = new Set();
    this.queueNotice = '';
    this.announcement = '';
    this.connectError = '';
    this.wasOnline = false;
    this.views.reset();
    this.token = '';
    this.ticketsApi = null;
    this.queue.reset();
    this.alerts.setTitleCount(0);
  }

  // ---------- reacting to client state ----------

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const st = this.client?.state;
    if (!st) return;
    if (st.error?.code === 'unauthorized') {
      // Leave this update cycle first: expire() changes state that render reads.
      queueMicrotask(() => this.expire());
      return;
    }
    if (st.error?.code === ENROLMENT_REQUIRED) {
      // Two-factor became required for everyone while signed in: enrol before going on.
      const token = this.token;
      queueMicrotask(() => this.toEnrolment(token));
      return;
    }
    if (st.connection === 'online') this.wasOnline = true;
    if (st.me && this.linkedTicket) {
      const id = this.linkedTicket;
      this.linkedTicket = null;
      queueMicrotask(() => void this.openTicket(id));
    }
    this.trackQueue(st.queues);
    const selected = this.selectedId ? st.conversations[this.selectedId] : undefined;
    // Handed to someone else (by a supervisor, or requeued after a disconnect): not ours to show.
    if (selected && st.me && selected.status !== 'closed' && selected.agentId !== st.me.id) this.selectedId = null;
  }

  protected override updated(): void {
    this.alerts.setTitleCount(this.client?.state.me ? this.waitingTotal() : 0);
  }

  private trackQueue(queues: Record<string, AgentConversation[]>): void {
    const arrivals = this.queue.update(queues);
    if (arrivals.length === 0) return;
    this.alerts.beep();
    const last = arrivals[arrivals.length - 1];
    this.announce(this.l10n.s.newInQueue(this.departmentName(last.departmentId)));
  }

  /** Live regions speak on change: the same sentence twice in a row needs a nudge to be read again. */
  private announce(text: string): void {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  private departmentName(id: string | null): string {
    return departmentLabel(this.l10n.s, this.client?.state.directory?.departments, id, this.l10n.locale);
  }

  private waitingTotal(): number {
    return this.queue.waitingTotal(this.client?.state.queues);
  }

  // ---------- actions ----------

  private async take(c: AgentConversation): Promise<void> {
    const client = this.client;
    if (!client || this.claiming.has(c.id)) return;
    const s = this.l10n.s;
    this.queueNotice = '';
    this.claiming = new Set([...this.claiming, c.id]);
    try {
      const ack = await client.claim(c.id);
      if (ack.ok) {
        // The Take button goes away with the queue item: without this, focus falls to <body> and a
        // keyboard or screen-reader user starts again from the top of the page.
        this.select(ack.data.id, 'reply');
      } else if (ack.error.code === 'already_claimed') {
        this.queue.lost(c.id);
        this.queueNotice = s.claimLost;
      } else {
        this.queueNotice = s.actionFailed(ack.error.message);
      }
    } catch (err) {
      this.queueNotice = s.actionFailed(errorMessage(err));
    } finally {
      const next = new Set(this.claiming);
      next.delete(c.id);
      this.claiming = next;
    }
  }

  /**
   * Opens a conversation and, where the control that opened it goes away, moves focus into it: on a
   * narrow screen the whole view changes, so to its heading (the reader learns where they are); after
   * Take at desktop width the lists stay in view, so straight to the reply box.
   */
  private select(id: string, focus?: 'reply'): void {
    this.selectedId = id;
    const narrow = matchMedia('(max-width: 720px)').matches;
    if (!focus && !narrow) return;
    void this.updateComplete
      .then(() => this.conversationEl?.updateComplete)
      .then(() => (narrow ? this.conversationEl?.focusHeading() : this.conversationEl?.focusReply()));
  }

  private onConversationDone(e: CustomEvent<ConversationDoneDetail>): void {
    const { conversationId, outcome } = e.detail;
    const s = this.l10n.s;
    this.selectedId = null;
    if (outcome === 'closed') this.announce(s.closed);
    if (outcome === 'transferred') this.announce(s.transferred);
    void this.updateComplete.then(() => {
      const item = this.renderRoot.querySelector<HTMLElement>(`button.conversation[data-id="${conversationId}"]`);
      (item ?? this.renderRoot.querySelector<HTMLElement>('#mine-heading'))?.focus();
    });
  }

  /**
   * Switches views; focus goes to the new view's heading. Nothing to confirm: a view stays rendered
   * while hidden (console.views.ts), so an article being written waits, unsaved text and all, while
   * the agent answers a chat.
   */
  private async showView(view: ConsoleView): Promise<void> {
    if (view === this.views.current) return;
    try {
      await this.views.open(view);
    } catch (err) {
      this.announce(this.l10n.s.actionFailed(errorMessage(err)));
      return;
    }
    this.requestUpdate();
    await this.updateComplete;
    if (view === 'conversations') {
      this.renderRoot.querySelector<HTMLElement>('#queue-heading')?.focus();
      return;
    }
    // Every other view is an element that knows its heading (console.views.ts marks it with data-view).
    const el = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown>; focusHeading(): void }>(`[data-view="${view}"]`);
    await el?.updateComplete;
    el?.focusHeading();
  }

  /** Shows one ticket in the Tickets view: one just made from a chat, or a `#ticket=` link's. */
  private async openTicket(id: string): Promise<void> {
    await this.showView('tickets');
    if (this.views.current !== 'tickets') return;
    await this.ticketsEl?.updateComplete;
    await this.ticketsEl?.openTicket(id);
  }

  /** The conversation view's ticket events are the console's business, not the page's. */
  private onChatTicketCreated(e: CustomEvent<ChatTicketCreatedDetail>): void {
    e.stopPropagation();
    this.announce(this.l10n.s.ticketCreated(e.detail.ticket.number));
  }

  private onChatTicketOpen(e: CustomEvent<ChatTicketOpenDetail>): void {
    e.stopPropagation();
    void this.openTicket(e.detail.ticketId);
  }

  private async onPresence(e: Event): Promise<void> {
    const value = (e.target as HTMLSelectElement).value === 'away' ? 'away' : 'online';
    try {
      await this.client?.setPresence(value);
    } catch (err) {
      this.announce(this.l10n.s.actionFailed(errorMessage(err)));
    }
  }

  // ---------- rendering ----------

  /** What the lists' templates (console.lists.ts) need from the element. */
  private listsView(): ListsView {
    return {
      s: this.l10n.s,
      locale: this.l10n.locale,
      fresh: this.queue.fresh,
      claiming: this.claiming,
      selectedId: this.selectedId,
      notice: this.queueNotice,
      departmentName: (id) => this.departmentName(id),
      visible: (items) => this.queue.visible(items),
      take: (c) => void this.take(c),
      select: (id) => this.select(id),
    };
  }

  protected override render(): TemplateResult {
    const client = this.client;
    return html`
      ${client ? this.renderSession(client) : this.renderSignedOut()}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  private renderSignedOut(): TemplateResult {
    const flow = this.signInFlow;
    if (flow.step === 'code') {
      return renderCodeStep({
        s: this.twoFactorL10n.s,
        recovery: flow.recovery,
        busy: flow.busy,
        error: flow.error,
        submit: (e) => void this.onCodeSubmit(e),
        toggle: () => {
          flow.toggleRecovery();
          void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#otp-code, #recovery-code')?.focus());
        },
        cancel: () => flow.reset(),
      });
    }
    if (flow.step === 'enrol') {
      return renderEnrolScreen({
        s: this.twoFactorL10n.s,
        server: this.origin,
        token: flow.enrolToken,
        failed: this.enrolModule.status === 'error',
        retry: () => void this.enrolModule.load(),
        enrolled: () => void this.onEnrolled(),
        signOut: () => void this.signOutEnrolling(),
        expired: () => flow.reset(this.l10n.s.sessionExpired),
      });
    }
    return renderSignIn({ s: this.l10n.s, busy: this.signingIn, error: this.signInError, notice: this.signInNotice || flow.notice, submit: (e) => void this.onSignIn(e) });
  }

  private renderSession(client: AgentClient): TemplateResult {
    const s = this.l10n.s;
    const st = client.state;
    const me = st.me;
    if (!me) return renderConnecting({ s, error: this.connectError || st.error?.message || '', retry: () => void client.connect(), signOut: () => void this.signOut() });
    const selected = this.selectedId;
    return html`
      <div class="shell">
        ${renderHeader({
          s,
          me,
          nav: { s, views: viewsFor(me.role), current: this.views.current, waiting: this.waitingTotal(), show: (v) => void this.showView(v) },
          muted: this.alerts.muted,
          toggleMute: () => (this.alerts.muted = !this.alerts.muted),
          setPresence: (e) => void this.onPresence(e),
          signOut: () => void this.signOut(),
        })}
        ${st.connection !== 'online'
          ? html`<p class="banner info" role="status">${this.wasOnline ? s.reconnecting : s.connecting}</p>`
          : nothing}
        ${st.error && st.connection === 'online' ? html`<p class="banner" role="alert">${st.error.message}</p>` : nothing}
        <div class="panels ${selected ? 'has-selection' : ''}" ?hidden=${this.views.current !== 'conversations'}>
          <div class="lists">${renderQueue(this.listsView(), client.state)} ${renderMine(this.listsView(), client.state, me)}</div>
          <parley-console-conversation
            part="conversation"
            .client=${client}
            .conversationId=${selected}
            .ticketsApi=${this.ticketsApi}
            @parley-conversation-done=${this.onConversationDone}
            @parley-chat-ticket-created=${this.onChatTicketCreated}
            @parley-chat-ticket-open=${this.onChatTicketOpen}
          ></parley-console-conversation>
        </div>
        ${this.views.isOpened('kb')
          ? html`<parley-console-kb
              part="knowledge-base"
              data-view="kb"
              ?hidden=${this.views.current !== 'kb'}
              .server=${this.origin}
              .token=${this.token}
              .site=${this.site}
              .agentRole=${me.role}
              @parley-kb-unauthorized=${() => this.expire()}
            ></parley-console-kb>`
          : nothing}
        ${this.views.isOpened('tickets')
          ? html`<parley-console-tickets
              part="tickets"
              data-view="tickets"
              ?hidden=${this.views.current !== 'tickets'}
              .server=${this.origin}
              .token=${this.token}
              .site=${this.site}
              .client=${client}
              @parley-tickets-unauthorized=${() => this.expire()}
            ></parley-console-tickets>`
          : nothing}
        ${renderSupervisorViews(this.views, { server: this.origin, token: this.token, site: this.site, client, expire: () => this.expire() })}
      </div>
    `;
  }
}
