import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { AgentClient } from '@parley/client';
import type { TicketCategory, TicketSummary } from '@parley/protocol';
import { ClientController } from '../../internal/client-controller.js';
import { LocaleController } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import type { ParleyConsoleTicket } from './console-ticket.component.js';
import type { ParleyConsoleTicketsList, TicketOpenDetail, TicketsAnnounceDetail } from './console-tickets-list.component.js';
import type { ParleyConsoleTicketsCanned } from './console-tickets-canned.component.js';
import type { ParleyConsoleTicketsMail } from './console-tickets-mail.component.js';
import { TicketsApi } from './tickets-api.js';
import { cannedStrings } from './tickets-canned.strings.js';
import { ticketsStrings } from './tickets.strings.js';
import { ticketsBase } from './tickets.styles.js';

declare global {
  interface HTMLElementEventMap {
    'parley-tickets-unauthorized': CustomEvent<Record<string, never>>;
  }
}

type Section = 'inbox' | 'mail' | 'canned';

/**
 * The console's Tickets view: the inbox (views, filters, search, live rows), one ticket with its
 * thread, composer and history, and, for supervisors and admins, the email log and the saved replies. Talks to
 * `/api/console/tickets` with the agent's token; rows stay live through the agent socket's
 * `ticket:updated` (the AgentClient's `ticket` event).
 *
 * @summary Tickets of the agent console (internal; rendered by `<parley-console>`).
 * @fires parley-tickets-unauthorized - The server refused the token: the console signs the agent out.
 */
export class ParleyConsoleTickets extends ParleyElement {
  static override styles = [
    ticketsBase,
    css`
      :host {
        flex: 1;
        min-height: 0;
        overflow-y: auto;
        padding: 16px 20px 32px;
      }
      .tickets-head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 20px;
        margin-bottom: 16px;
      }
      h2 {
        font-size: 20px;
        margin: 0;
      }
      .tickets-head .tabs {
        margin: 0;
      }
    `,
  ];

  /** Origin of the Parley server, without a trailing slash. */
  @property() server = '';
  @property({ attribute: false }) token = '';
  /** Site id; needed only when the agent works on several sites. */
  @property() site = '';
  /** The console's agent socket: who is signed in, the directory, and live `ticket` events. */
  @property({ attribute: false }) client: AgentClient | null = null;

  @state() private section: Section = 'inbox';
  @state() private openId: string | null = null;
  @state() private categories: TicketCategory[] = [];
  @state() private announcement = '';
  @state() private api: TicketsApi | null = null;

  @query('parley-console-tickets-list') private listEl?: ParleyConsoleTicketsList;
  @query('parley-console-ticket') private ticketEl?: ParleyConsoleTicket;
  @query('parley-console-tickets-mail') private mailEl?: ParleyConsoleTicketsMail;
  @query('parley-console-tickets-canned') private cannedEl?: ParleyConsoleTicketsCanned;

  private readonly l10n = new LocaleController(this, ticketsStrings);
  private readonly canned = new LocaleController(this, cannedStrings);
  private readonly clientCtl = new ClientController<AgentClient>(this);
  private mailOpened = false;
  private cannedOpened = false;
  private wasOnline = true;
  private readonly onTicket = (e: Event): void => {
    const t = (e as CustomEvent<TicketSummary>).detail;
    this.listEl?.live(t);
    this.ticketEl?.live(t);
  };

  private get manager(): boolean {
    const role = this.client?.state.me?.role;
    return role === 'admin' || role === 'supervisor';
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#tickets-heading')?.focus();
  }

  /**
   * Opens one ticket, whatever the view showed: the console asks for it after a ticket is made from a
   * chat and for a `#ticket=<id>` link. An id the agent may not see shows the ticket view's error.
   */
  async openTicket(id: string): Promise<void> {
    this.section = 'inbox';
    if (this.openId === id) this.ticketEl?.reload();
    this.openId = id;
    await this.updateComplete;
    await this.ticketEl?.updateComplete;
    this.ticketEl?.focusHeading();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.client?.addEventListener('ticket', this.onTicket);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.client?.removeEventListener('ticket', this.onTicket);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) {
      const before = changed.get('client') as AgentClient | null | undefined;
      before?.removeEventListener('ticket', this.onTicket);
      if (this.isConnected) this.client?.addEventListener('ticket', this.onTicket);
      this.clientCtl.client = this.client;
    }
    if (changed.has('server') || changed.has('token') || changed.has('site')) {
      this.api = this.token
        ? new TicketsApi(this.server, this.token, this.site, () => this.emit('parley-tickets-unauthorized', {}, { bubbles: false, composed: false }))
        : null;
      if (this.api) void this.loadCategories(this.api);
    }
    // Facts sent while the socket was down are lost: after a reconnect, read what is shown again.
    const online = this.client?.state.connection === 'online';
    if (online && !this.wasOnline) {
      this.listEl?.reload();
      this.ticketEl?.reload();
    }
    this.wasOnline = online || this.client === null;
  }

  private async loadCategories(api: TicketsApi): Promise<void> {
    try {
      const categories = await api.categories();
      if (this.api === api) this.categories = [...categories].sort((a, b) => a.position - b.position);
    } catch {
      // The inbox reports the server's trouble with its own Retry; the filter simply offers no categories.
    }
  }

  private announce(text: string): void {
    // A live region speaks on change: the same sentence twice in a row needs a nudge to be read again.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  private async show(section: Section): Promise<void> {
    if (section === 'mail') this.mailOpened = true;
    if (section === 'canned') this.cannedOpened = true;
    const reopen = section === this.section && !this.openId;
    this.section = section;
    if (section === 'mail' && !reopen) this.mailEl?.reload();
    if (section === 'canned' && !reopen) this.cannedEl?.reload();
    await this.updateComplete;
    if (section === 'mail') this.mailEl?.focusHeading();
    else if (section === 'canned') this.cannedEl?.focusHeading();
    else if (this.openId) this.ticketEl?.focusHeading();
    else this.listEl?.focusHeading();
  }

  private async onOpen(e: CustomEvent<TicketOpenDetail>): Promise<void> {
    this.openId = e.detail.ticketId;
    await this.updateComplete;
    await this.ticketEl?.updateComplete;
    // "Loading ticket…" first; the ticket view moves focus on to its heading when the ticket arrives.
    this.ticketEl?.focusHeading();
  }

  private async onClose(): Promise<void> {
    const id = this.openId;
    this.openId = null;
    this.listEl?.reload();
    await this.updateComplete;
    await this.listEl?.updateComplete;
    if (id) this.listEl?.focusRow(id);
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    const st = this.client?.state;
    const manager = this.manager;
    const tab = (section: Section, label: string) => html`<li>
      <button type="button" class="section" data-section=${section} aria-current=${this.section === section ? 'page' : 'false'} @click=${() => void this.show(section)}>${label}</button>
    </li>`;
    return html`
      <div class="tickets-head">
        <h2 id="tickets-heading" tabindex="-1">${s.heading}</h2>
        ${manager
          ? html`<nav aria-label=${s.sections}>
              <ul class="tabs">
                ${tab('inbox', s.inboxTab)} ${tab('mail', s.mailTab)} ${tab('canned', this.canned.s.tab)}
              </ul>
            </nav>`
          : nothing}
      </div>
      <parley-console-tickets-list
        ?hidden=${this.section !== 'inbox' || !!this.openId}
        .api=${this.api}
        .categories=${this.categories}
        .meId=${st?.me?.id ?? ''}
        @parley-tickets-open=${this.onOpen}
        @parley-tickets-announce=${(e: CustomEvent<TicketsAnnounceDetail>) => this.announce(e.detail.text)}
      ></parley-console-tickets-list>
      ${this.openId
        ? keyed(
            this.openId,
            html`<parley-console-ticket
              ?hidden=${this.section !== 'inbox'}
              .api=${this.api}
              .ticketId=${this.openId}
              .me=${st?.me ?? null}
              .directory=${st?.directory ?? null}
              .categories=${this.categories}
              @parley-tickets-close=${this.onClose}
              @parley-tickets-announce=${(e: CustomEvent<TicketsAnnounceDetail>) => this.announce(e.detail.text)}
            ></parley-console-ticket>`,
          )
        : nothing}
      ${manager && (this.mailOpened || this.section === 'mail')
        ? html`<parley-console-tickets-mail ?hidden=${this.section !== 'mail'} .api=${this.api}></parley-console-tickets-mail>`
        : nothing}
      ${manager && (this.cannedOpened || this.section === 'canned')
        ? html`<parley-console-tickets-canned
            ?hidden=${this.section !== 'canned'}
            .api=${this.api}
            @parley-tickets-announce=${(e: CustomEvent<TicketsAnnounceDetail>) => this.announce(e.detail.text)}
          ></parley-console-tickets-canned>`
        : nothing}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }
}
