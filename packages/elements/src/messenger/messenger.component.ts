import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { HelpContext } from '@parley/protocol';
import { ParleyElement } from '../internal/parley-element.js';
import { storedVisitorToken } from '../internal/visitor-token.js';
import { LocaleController } from '../internal/i18n.js';
import type { ParleyChat } from '../chat/chat.component.js';
import '../chat/chat.js';
import { LazyModule } from '../internal/lazy-module.js';
import { messengerStrings } from './messenger.strings.js';
import { messengerStyles } from './messenger.styles.js';

export type MessengerTab = 'chat' | 'help' | 'feedback';
const TABS: readonly MessengerTab[] = ['chat', 'help', 'feedback'];

/** What the messenger needs of <parley-faq> (loaded on first use, so typed structurally here). */
interface FaqElement extends HTMLElement {
  showArticle(id: string): void;
  updateComplete: Promise<boolean>;
}

/**
 * @summary What parley.js puts on a website: one launcher, and a panel with the live chat, the help
 * center and the feedback form side by side as tabs. The chat is loaded with the messenger; the help
 * center and the feedback form only when the visitor first opens their tab (or an article is asked for).
 *
 * @fires parley-open - The panel opened.
 * @fires parley-close - The panel closed.
 * @fires parley-survey-skipped - `survey('nps')` (`Parley('survey', 'nps')`): this visitor was asked within the site's interval; nothing is shown. `detail`: `{reason}`.
 * @fires parley-survey-answered - A survey in the panel (NPS, or the chat's CSAT) was answered. `detail`: `{kind, score}`.
 *
 * @csspart launcher - The round launcher button.
 * @csspart badge - Unread replies, on the launcher.
 * @csspart panel - The panel (a non-modal dialog).
 * @csspart header - Tabs and the minimize button.
 * @csspart tab - One tab (Chat, Help, Feedback).
 *
 * @cssproperty --parley-accent - Brand colour of the launcher and header.
 * @cssproperty --parley-offset - Distance of the launcher from the viewport corner.
 * @cssproperty --parley-panel-width - Panel width.
 * @cssproperty --parley-panel-height - Panel height.
 */
export class ParleyMessenger extends ParleyElement {
  static override styles = messengerStyles;

  /** Origin of the Parley server; defaults to the page's origin. */
  @property() server = '';
  /** The site key. */
  @property() site = '';
  /** Whether the panel is open. */
  @property({ type: Boolean, reflect: true }) open = false;
  /** The tab in view: `chat`, `help` or `feedback`. */
  @property({ reflect: true }) tab: MessengerTab = 'chat';
  /** The host site's signed-in user, handed to the chat (`Parley('identify', ...)` sets these; see <parley-chat>). */
  @property({ attribute: 'user-id' }) userId = '';
  @property({ attribute: 'user-hash' }) userHash = '';
  @property({ attribute: 'user-jwt' }) userJwt = '';
  @property({ attribute: 'user-name' }) userName = '';
  @property({ attribute: 'user-email' }) userEmail = '';

  @state() private unread = 0;
  /** Nobody could chat and the visitor asked to leave a message: the Feedback tab is the offline form (a question). */
  @state() private offline = false;
  /** @internal `survey('nps')`'s card, shown in the panel instead of the tabs; messenger.survey.ts sets and clears it. */
  @state() surveyCard: (() => TemplateResult) | null = null;

  @query('.launcher') private launcherEl?: HTMLButtonElement;
  @query('parley-chat') private chatEl?: ParleyChat;

  private readonly l10n = new LocaleController(this, messengerStrings);
  private readonly help = new LazyModule(this, () => import('../faq/faq.js'));
  private readonly feedback = new LazyModule(this, () => import('../feedback/feedback.js'));

  constructor() {
    super();
    this.addEventListener('keydown', this.onKeydown);
  }

  /** Opens the panel, on the given tab. */
  show(tab?: MessengerTab): void {
    if (tab) this.tab = tab;
    this.open = true;
  }

  hide(): void {
    this.open = false;
  }

  toggle(): void {
    this.open = !this.open;
  }

  /** Opens the Help tab on one article. */
  async showArticle(id: string): Promise<void> {
    this.show('help');
    const faq = await this.faq();
    faq?.showArticle(id);
  }

  /**
   * `Parley('survey', 'nps')`: if the server says this visitor was not asked within the site's interval, the
   * panel opens on the NPS question (in place of the tabs until the card is closed); otherwise nothing is
   * shown and `parley-survey-skipped` says why. With `token`, an invitation parley.js's daily check already
   * got (asked after a number of days as a contact): shown once the panel is closed, else on a later page.
   */
  survey(type: string, token?: string): Promise<void> {
    // Loaded on the first call: the messenger's first open does not carry it.
    return import('./messenger.survey.js').then((m) => m.askSurvey(this, type, token));
  }

  /** Opens the chat with a person, carrying what the visitor read and searched in the help center. */
  async chatFromHelp(help: HelpContext): Promise<void> {
    this.show('chat');
    await this.updateComplete;
    await this.chatEl?.startFromHelp(help);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('tab') || changed.has('open')) && this.open) {
      if (this.tab === 'help') void this.help.load();
      if (this.tab === 'feedback') void this.feedback.load();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') && (changed.get('open') !== undefined || this.open)) this.emit(this.open ? 'parley-open' : 'parley-close');
  }

  private async faq(): Promise<FaqElement | null> {
    if (!(await this.help.load())) return null;
    await this.updateComplete;
    const faq = this.renderRoot.querySelector<FaqElement>('parley-faq');
    await faq?.updateComplete;
    return faq;
  }

  private select(tab: MessengerTab, focus = false): void {
    this.tab = tab;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  /** Tabs pattern (WAI-ARIA): arrows, Home and End move between tabs and select them. */
  private onTabKeydown(e: KeyboardEvent): void {
    const i = TABS.indexOf(this.tab);
    const next =
      e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : e.key === 'Home' ? TABS[0] : e.key === 'End' ? TABS[TABS.length - 1] : null;
    if (!next) return;
    e.preventDefault();
    this.select(next, true);
  }

  /** Escape that nothing inside handled (the chat's confirm, the help center's back) closes the panel. */
  private readonly onKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || e.isComposing || !this.open) return;
    e.stopPropagation();
    this.closeToLauncher();
  };

  private closeToLauncher(): void {
    this.open = false;
    void this.updateComplete.then(() => this.launcherEl?.focus());
  }

  /** "Still need help? Chat with us" in the help center: the chat tab, a person, and what was read and searched. */
  private onChatRequest(e: CustomEvent<HelpContext>): void {
    e.preventDefault();
    void this.chatFromHelp(e.detail);
  }

  private onArticleRequest(e: CustomEvent<{ id: string }>): void {
    void this.showArticle(e.detail.id);
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    return html`
      <button
        part="launcher"
        class="launcher"
        type="button"
        aria-label=${this.open ? s.closeChat : s.openChat}
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        @click=${this.toggle}
      >
        ${this.open
          ? html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 0 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z"/></svg>`
          : html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>`}
        ${this.unread && !this.open ? html`<span class="badge" part="badge"><span aria-hidden="true">${this.unread}</span><span class="visually-hidden">${s.unread(this.unread)}</span></span>` : nothing}
      </button>
      <div id="panel" part="panel" class="panel" role="dialog" aria-modal="false" aria-label=${s.panel} ?hidden=${!this.open}>
        <header part="header">
          <div role="tablist" aria-label=${s.tabs} @keydown=${this.onTabKeydown}>${TABS.map((t) => this.renderTab(t))}</div>
          <button type="button" class="minimize" @click=${this.closeToLauncher}>${s.minimize}</button>
        </header>
        ${this.surveyCard?.()}
        <div id="panel-chat" role="tabpanel" aria-labelledby="tab-chat" ?hidden=${this.tab !== 'chat'}>
          <parley-chat
            inline
            server=${this.server}
            site=${this.site}
            .theme=${this.theme}
            .userId=${this.userId}
            .userHash=${this.userHash}
            .userJwt=${this.userJwt}
            .userName=${this.userName}
            .userEmail=${this.userEmail}
            .open=${this.open && this.tab === 'chat' && !this.surveyCard}
            @parley-unread=${(e: CustomEvent<{ count: number }>) => (this.unread = e.detail.count)}
            @parley-article-request=${this.onArticleRequest}
            @parley-leave-message=${() => {
              this.offline = true;
              this.select('feedback', true);
            }}
          ></parley-chat>
        </div>
        <div id="panel-help" role="tabpanel" aria-labelledby="tab-help" ?hidden=${this.tab !== 'help'}>${this.renderHelp()}</div>
        <div id="panel-feedback" role="tabpanel" aria-labelledby="tab-feedback" ?hidden=${this.tab !== 'feedback'}>${this.renderFeedback()}</div>
      </div>
    `;
  }

  private renderTab(tab: MessengerTab): TemplateResult {
    const s = this.l10n.s;
    const selected = this.tab === tab;
    return html`<button
      part="tab"
      id="tab-${tab}"
      role="tab"
      type="button"
      aria-selected=${selected ? 'true' : 'false'}
      aria-controls="panel-${tab}"
      tabindex=${selected ? '0' : '-1'}
      @click=${() => this.select(tab)}
    >
      ${tab === 'chat' ? s.chat : tab === 'help' ? s.help : s.feedback}
      ${tab === 'chat' && this.unread && this.tab !== 'chat' ? html`<span class="dot" aria-hidden="true"></span><span class="visually-hidden">${s.unread(this.unread)}</span>` : nothing}
    </button>`;
  }

  private renderHelp(): TemplateResult | typeof nothing {
    const s = this.l10n.s;
    if (this.help.status === 'ready') {
      return html`<parley-faq server=${this.server} site=${this.site} .theme=${this.theme} @parley-chat-request=${this.onChatRequest}></parley-faq>`;
    }
    return this.lazyState(this.help, s.loadingHelp, s.helpFailed);
  }

  private renderFeedback(): TemplateResult | typeof nothing {
    const s = this.l10n.s;
    if (this.feedback.status === 'ready') {
      return html`<parley-feedback
        server=${this.server}
        site=${this.site}
        .theme=${this.theme}
        lang=${this.l10n.locale}
        source=${this.offline ? 'offline' : 'feedback'}
        category=${this.offline ? 'inquiry' : ''}
        .visitorToken=${storedVisitorToken(this.site)}
        @parley-ticket-created=${() => (this.offline = false)}
      ></parley-feedback>`;
    }
    return this.lazyState(this.feedback, s.loadingFeedback, s.feedbackFailed);
  }

  /** Loading, or the failure with a way to try again, for a tab whose module is fetched on first use. */
  private lazyState(mod: LazyModule, loading: string, failed: string): TemplateResult | typeof nothing {
    if (mod.status === 'error') {
      return html`<div class="help-state" role="alert">
        <p>${failed}</p>
        <button type="button" class="primary" @click=${() => void mod.load()}>${this.l10n.s.tryAgain}</button>
      </div>`;
    }
    return mod.status === 'loading' ? html`<p class="help-state" role="status">${loading}</p>` : nothing;
  }
}
