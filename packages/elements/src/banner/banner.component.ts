import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
// The employee client's own module: the package index would bring the chat's Socket.IO client along.
import { EmployeeClient, tokenFromUrl } from '@parley/client/employee';
import type { EmployeeAnnouncement, Locale, ProtocolError } from '@parley/protocol';
import { ParleyElement } from '../internal/parley-element.js';
import { appendBody } from './banner.body.js';
import { matchLocale, pageLocale } from './banner.locale.js';
import { bannerStrings, type BannerStrings } from './banner.strings.js';
import { bannerStyles } from './banner.styles.js';
import { dialogContent, noticeTemplate } from './banner.templates.js';

export interface ParleyBannerErrorDetail {
  /** `unauthorized` (token missing, expired and not renewable, forged, for another site), `not_found` (unknown site)... */
  code: string;
  message: string;
}

declare global {
  interface HTMLElementEventMap {
    'parley-banner-error': CustomEvent<ParleyBannerErrorDetail>;
  }
}

/**
 * @summary An intranet's announcement banner: the announcements that are active for the signed-in
 * employee, most urgent first, live.
 *
 * Normal announcements are notices the employee may dismiss (remembered by the server, on every device).
 * Important ones that require an acknowledgement stay, with "I have read this", until acknowledged.
 * Urgent ones open as a modal alert dialog (focus moved in and kept there, given back on close; Escape
 * closes it only when no acknowledgement is required) as soon as they are published, on every open tab.
 * Announcements are marked seen when shown; acknowledgements are kept and re-sent until the server has
 * them, across reconnects and reloads.
 *
 * The employee is the intranet's signed token: `employee-token-url` (the intranet's endpoint answering
 * `{token}` with the page's cookies; asked again when the token expires) or `employee-token`. A refused
 * token shows nothing and fires `parley-banner-error`.
 *
 * Language: the element's own `lang`, else the token's locale, else the page's.
 *
 * @fires parley-banner-error - The server refused the employee (or the token URL failed); nothing is shown. `detail`: `{code, message}`.
 *
 * @csspart base - The landmark around the list.
 * @csspart list - The list of notices.
 * @csspart notice - One announcement; also `notice-normal`, `notice-important`, `notice-urgent`.
 * @csspart body - An announcement's text.
 * @csspart acknowledge - The "I have read this" button.
 * @csspart acknowledged - The "Acknowledged" mark.
 * @csspart dismiss - The close button of a notice.
 * @csspart dialog - The urgent announcement's alert dialog.
 * @csspart close - The dialog's Close button.
 *
 * @cssproperty --parley-accent - Normal notices' edge, buttons, focus ring.
 * @cssproperty --parley-warning - Important notices' edge.
 * @cssproperty --parley-danger - Urgent notices' edge and the dialog's top.
 * @cssproperty --parley-surface - Background.
 * @cssproperty --parley-text - Text colour.
 * @cssproperty --parley-text-muted - Author and hints.
 * @cssproperty --parley-border - Borders.
 * @cssproperty --parley-font - Font family.
 * @cssproperty --parley-font-size - Base text size (px).
 */
export class ParleyBanner extends ParleyElement {
  static override styles = bannerStyles;

  /** Origin of the Parley server; defaults to the page's origin. */
  @property() server = '';
  /** The site key. */
  @property() site = '';
  /** Where the intranet hands out the signed-in employee's token (`{token}`, fetched with the page's cookies). */
  @property({ attribute: 'employee-token-url' }) employeeTokenUrl = '';
  /** The intranet's signed employee token itself (prefer `employee-token-url`: it is renewed on expiry). */
  @property({ attribute: 'employee-token' }) employeeToken = '';

  /** Screen-reader text for announcements arriving live. */
  @state() private live = '';
  /** Urgent announcements waiting for their dialog, oldest first; the first is open. */
  @state() private dialogQueue: string[] = [];
  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** The employee's client; the banner re-renders on its `change` events itself (clientChanged). */
  private client: EmployeeClient | null = null;
  /** A `lang` set on the banner later changes its words and its texts' language. */
  private readonly langObserver = new MutationObserver(() => this.requestUpdate());
  /** Each announcement's body as DOM, built once per version of its tree (banner.body.ts). */
  private readonly bodies = new Map<string, { tree: string; node: HTMLElement }>();
  /** Urgent ones already offered as a dialog in this page (closing one does not bring it back). */
  private readonly offered = new Set<string>();
  private connectedKey = '';
  private returnFocus: HTMLElement | null = null;
  /** The announcement the open dialog shows. */
  private dialogFor = '';
  /** The refusal already reported in `parley-banner-error`. */
  private lastError: ProtocolError | null = null;
  private readonly onArrived = (e: Event): void => this.arrived((e as CustomEvent<EmployeeAnnouncement>).detail);
  private readonly onChange = (): void => this.clientChanged();

  override connectedCallback(): void {
    super.connectedCallback();
    this.langObserver.observe(this, { attributes: true, attributeFilter: ['lang'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.langObserver.disconnect();
    this.stop();
    this.connectedKey = '';
  }

  /** The element's own `lang` wins, then the employee's locale from the token, then the page's language. */
  private get locale(): Locale {
    return matchLocale(this.getAttribute('lang')) ?? this.client?.employeeLocale ?? pageLocale(this);
  }

  private get s(): BannerStrings {
    return bannerStrings[this.locale];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const server = this.server || location.origin;
    const own = matchLocale(this.getAttribute('lang'));
    const key = `${server}|${this.site}|${this.employeeToken}|${this.employeeTokenUrl}|${own ?? ''}`;
    if (key === this.connectedKey || !this.isConnected) return;
    this.connectedKey = key;
    this.stop();
    if (!this.site || (!this.employeeToken && !this.employeeTokenUrl)) return;
    const client = new EmployeeClient({
      server,
      siteKey: this.site,
      ...(this.employeeToken ? { token: this.employeeToken } : {}),
      ...(this.employeeTokenUrl ? { fetchToken: tokenFromUrl(this.employeeTokenUrl) } : {}),
      ...(own ? { locale: own } : {}),
    });
    client.addEventListener('arrived', this.onArrived);
    client.addEventListener('change', this.onChange);
    this.client = client;
    void client.connect();
  }

  private stop(): void {
    const client = this.client;
    if (!client) return;
    client.removeEventListener('arrived', this.onArrived);
    client.removeEventListener('change', this.onChange);
    client.disconnect();
    this.client = null;
    this.dialogQueue = [];
    this.offered.clear();
  }

  private clientChanged(): void {
    this.requestUpdate();
    const st = this.client?.state;
    if (!st) return;
    if (st.connection === 'refused' && st.error && st.error !== this.lastError) {
      this.lastError = st.error;
      this.emit('parley-banner-error', { code: st.error.code, message: st.error.message });
    }
    const ids = new Set(st.announcements.map((a) => a.id));
    for (const a of st.announcements) {
      // Urgent and not yet dealt with: as a dialog, once per page (and again while an acknowledgement is owed).
      const due = a.priority === 'urgent' && (a.ackRequired ? !a.acknowledgedAt : !a.seenAt);
      if (due && !this.offered.has(a.id)) {
        this.offered.add(a.id);
        this.dialogQueue = [...this.dialogQueue, a.id];
      }
      this.prepareBody(a);
    }
    // Withdrawn, ended or acknowledged elsewhere: its dialog goes.
    const queue = this.dialogQueue.filter((id) => {
      const a = st.announcements.find((x) => x.id === id);
      return a && !(a.ackRequired && a.acknowledgedAt);
    });
    if (queue.length !== this.dialogQueue.length) this.dialogQueue = queue;
    for (const id of this.bodies.keys()) if (!ids.has(id)) this.bodies.delete(id);
  }

  private arrived(a: EmployeeAnnouncement): void {
    this.live = this.s.arrived(this.s.priority[a.priority], a.title);
    // A reminder of an urgent one still owed an acknowledgement opens its dialog again.
    if (a.reminder && a.priority === 'urgent' && a.ackRequired && !a.acknowledgedAt && !this.dialogQueue.includes(a.id)) this.dialogQueue = [...this.dialogQueue, a.id];
  }

  private prepareBody(a: EmployeeAnnouncement): void {
    const tree = JSON.stringify(a.body);
    if (this.bodies.get(a.id)?.tree === tree) return;
    const node = document.createElement('div');
    node.className = 'body';
    node.setAttribute('part', 'body');
    appendBody(node, Array.isArray(a.body) ? a.body : []);
    this.bodies.set(a.id, { tree, node });
  }

  private readonly body = (a: EmployeeAnnouncement): HTMLElement | undefined => this.bodies.get(a.id)?.node;

  private readonly handlers = {
    acknowledge: (id: string) => this.client?.acknowledge(id),
    dismiss: (id: string) => this.dismiss(id),
    close: () => this.closeDialog(),
  };

  private dismiss(id: string): void {
    // Focus would fall to the page: keep it in the banner, on the next notice's first control.
    const items = Array.from(this.renderRoot.querySelectorAll<HTMLElement>('li[data-id]'));
    const at = items.findIndex((li) => li.dataset.id === id);
    this.client?.dismiss(id);
    void this.updateComplete.then(() => {
      const rest = Array.from(this.renderRoot.querySelectorAll<HTMLElement>('li[data-id] button'));
      (rest[Math.min(at, rest.length - 1)] ?? null)?.focus();
    });
  }

  private closeDialog(): void {
    const id = this.dialogQueue[0];
    if (!id) return;
    const a = this.client?.state.announcements.find((x) => x.id === id);
    if (a?.ackRequired && !a.acknowledgedAt) return;
    this.dialogQueue = this.dialogQueue.slice(1);
  }

  private onCancel(e: Event): void {
    // Escape: only when nothing is owed. Otherwise the dialog stays until "I have read this".
    e.preventDefault();
    this.closeDialog();
  }

  private trapTab(e: KeyboardEvent): void {
    if (e.key !== 'Tab' || !this.dialog) return;
    const focusables = Array.from(this.dialog.querySelectorAll<HTMLElement>('button, a[href], [tabindex]:not([tabindex="-1"])'));
    if (!focusables.length) return;
    const first = focusables[0]!;
    const last = focusables[focusables.length - 1]!;
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    if (e.shiftKey && (active === first || !this.dialog.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !this.dialog.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncDialog();
    const st = this.client?.state;
    if (!st) return;
    // Shown means seen: every notice rendered, and the dialog's announcement.
    for (const a of st.announcements) if (!a.seenAt && (!this.dialogQueue.includes(a.id) || this.dialogQueue[0] === a.id)) this.client?.seen(a.id);
  }

  private syncDialog(): void {
    const dialog = this.dialog;
    if (!dialog) {
      this.dialogFor = '';
      this.giveFocusBack();
      return;
    }
    const id = this.dialogQueue[0] ?? '';
    if (dialog.open && this.dialogFor === id) return;
    if (!dialog.open) {
      this.returnFocus ??= deepActiveElement();
      dialog.showModal();
    }
    // A new dialog, or the next urgent one in the same dialog: focus its action.
    this.dialogFor = id;
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }

  private giveFocusBack(): void {
    const target = this.returnFocus;
    this.returnFocus = null;
    if (target?.isConnected) target.focus();
  }

  private onDialogClose(): void {
    // The browser may close a modal dialog on its own (repeated Escape): reopen while still owed.
    if (this.dialogQueue.length) void this.updateComplete.then(() => this.syncDialog());
  }

  override render() {
    const st = this.client?.state;
    if (!st || st.connection === 'refused' || !st.loaded) return nothing;
    const s = this.s;
    const open = this.dialogQueue[0];
    const openOne = open ? st.announcements.find((a) => a.id === open) : undefined;
    const queued = new Set(this.dialogQueue);
    const list = st.announcements.filter((a) => !queued.has(a.id));
    return html`
      <div class="visually-hidden" role="status" aria-live="polite">${this.live}</div>
      ${list.length
        ? html`<section part="base" aria-label=${s.region} lang=${this.locale}>
            <ul part="list">
              ${list.map((a) => noticeTemplate(a, s, this.body, this.handlers))}
            </ul>
          </section>`
        : nothing}
      ${openOne
        ? html`<dialog
            part="dialog"
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="dialog-title"
            aria-describedby="dialog-body"
            @cancel=${this.onCancel}
            @close=${this.onDialogClose}
            @keydown=${this.trapTab}
          >
            ${dialogContent(openOne, s, this.body, this.handlers)}
          </dialog>`
        : nothing}
    `;
  }
}

/** The element focused in the page, looking through open shadow roots (the banner gives focus back to it). */
function deepActiveElement(): HTMLElement | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : null;
}
