import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { TicketCategory, TicketPriority, TicketStatus, TicketSummary, TicketView } from '@parley/protocol';
import { LocaleController, localized, relativeTime, sharedStrings } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import { belongs, byUpdated, dueDuration, escalationOf, placeRow, slaState } from './tickets.format.js';
import type { InboxFilters, TicketsApi } from './tickets-api.js';
import { ticketsStrings } from './tickets.strings.js';
import { ticketsBase } from './tickets.styles.js';

export interface TicketOpenDetail {
  ticketId: string;
}
export interface TicketsAnnounceDetail {
  text: string;
}

declare global {
  interface HTMLElementEventMap {
    'parley-tickets-open': CustomEvent<TicketOpenDetail>;
    'parley-tickets-announce': CustomEvent<TicketsAnnounceDetail>;
  }
}

const VIEWS: TicketView[] = ['mine', 'unassigned', 'departments', 'at_risk', 'breached', 'all'];
const STATUSES: TicketStatus[] = ['new', 'open', 'pending', 'resolved', 'closed'];
const PRIORITIES: TicketPriority[] = ['urgent', 'high', 'normal', 'low'];
const SEARCH_DEBOUNCE_MS = 300;
/** Due times are shown to the minute; this keeps them honest without a render per second. */
const TICK_MS = 30_000;
const FRESH_MS = 8_000;

/**
 * The ticket inbox: a view switch, filters and search, one row per ticket with its SLA state, paged
 * by "Load more"; rows change live from `ticket:updated` (fed in through `live()`).
 *
 * @summary Ticket inbox of the agent console (internal).
 * @fires parley-tickets-open - A ticket should open (`detail.ticketId`).
 * @fires parley-tickets-announce - Something to say in the view's live region (a new ticket arrived).
 */
export class ParleyConsoleTicketsList extends ParleyElement {
  static override styles = [
    ticketsBase,
    css`
      tr.fresh th,
      tr.fresh td {
        background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
      }
      .subject {
        display: block;
      }
      td .badges {
        margin-top: 2px;
      }
    `,
  ];

  @property({ attribute: false }) api: TicketsApi | null = null;
  @property({ attribute: false }) categories: TicketCategory[] = [];
  /** The signed-in agent: "Mine" and live rows are judged by it. */
  @property({ attribute: false }) meId = '';
  /** Rows per request; the server allows up to 200. */
  @property({ type: Number, attribute: false }) pageSize = 50;

  @state() private rows: TicketSummary[] | null = null;
  @state() private loading = false;
  @state() private loadingMore = false;
  @state() private error = '';
  @state() private hasMore = false;
  @state() private view: TicketView = 'departments';
  @state() private status: TicketStatus | '' = '';
  @state() private priority: TicketPriority | '' = '';
  @state() private category = '';
  @state() private q = '';

  private readonly l10n = new LocaleController(this, ticketsStrings);
  private abort: AbortController | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | null = null;
  private tick: ReturnType<typeof setInterval> | null = null;
  /** Paging cursor: the `updatedAt` of the last row the server sent (live rows never move it). */
  private cursor: string | undefined;
  /** Search results come best match first and page by count: how many the server has sent. */
  private served = 0;
  private readonly fresh = new Set<string>();

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#list-heading')?.focus();
  }

  /** Focus back on a ticket's row (after its view closes); the heading when the row has left the list. */
  focusRow(ticketId: string): void {
    const b = this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(ticketId)}"] button.open`);
    if (b) b.focus();
    else this.focusHeading();
  }

  reload(): void {
    void this.load();
  }

  /** A ticket changed (or arrived): put it in its place, or take it out when it no longer belongs. */
  live(t: TicketSummary): void {
    if (!this.rows) return;
    const shown = this.rows.some((r) => r.id === t.id);
    const verdict = belongs(t, this.filters, this.meId);
    if (verdict === 'yes' || (verdict === 'maybe' && shown)) {
      this.rows = placeRow(this.rows, t, this.searching);
      if (!shown) {
        this.fresh.add(t.id);
        setTimeout(() => {
          this.fresh.delete(t.id);
          this.requestUpdate();
        }, FRESH_MS);
        if (t.createdAt === t.updatedAt) this.emit('parley-tickets-announce', { text: this.l10n.s.arrived(t.number) }, { bubbles: false, composed: false });
      }
    } else if (verdict === 'no' && shown) {
      const row = this.renderRoot.querySelector(`tr[data-id="${CSS.escape(t.id)}"]`);
      const hadFocus = !!row && row.contains((this.renderRoot as ShadowRoot).activeElement);
      this.rows = this.rows.filter((r) => r.id !== t.id);
      if (hadFocus) void this.updateComplete.then(() => this.focusHeading());
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.tick = setInterval(() => this.requestUpdate(), TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    if (this.searchTimer) clearTimeout(this.searchTimer);
    if (this.tick) clearInterval(this.tick);
    this.tick = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('pageSize')) && this.api) void this.load();
  }

  private get filters(): InboxFilters {
    return { view: this.view, status: this.status, priority: this.priority, category: this.category, q: this.q };
  }

  private get searching(): boolean {
    return !!this.q.trim();
  }

  private get filtered(): boolean {
    return !!(this.q.trim() || this.status || this.priority || this.category);
  }

  private async load(more = false): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    if (more) this.loadingMore = true;
    else this.loading = true;
    this.error = '';
    try {
      const ranked = this.searching;
      const page = await api.list(this.filters, !more ? {} : ranked ? { offset: this.served } : { before: this.cursor }, this.pageSize, abort.signal);
      if (abort.signal.aborted) return;
      this.cursor = page.length ? page[page.length - 1]!.updatedAt : this.cursor;
      this.served = (more ? this.served : 0) + page.length;
      this.hasMore = page.length === this.pageSize;
      if (more && this.rows) {
        const known = new Set(this.rows.map((r) => r.id));
        const added = [...this.rows, ...page.filter((t) => !known.has(t.id))];
        this.rows = ranked ? added : added.sort(byUpdated);
      } else {
        this.rows = page;
      }
    } catch (err) {
      if (abort.signal.aborted) return;
      this.error = (err as Error).message;
    } finally {
      if (this.abort === abort) {
        this.loading = false;
        this.loadingMore = false;
      }
    }
  }

  private async loadMore(): Promise<void> {
    const before = this.rows?.length ?? 0;
    await this.load(true);
    // Focus to the first new row: the button the keyboard user pressed may have gone (no more pages).
    await this.updateComplete;
    const next = this.renderRoot.querySelectorAll<HTMLElement>('tbody tr button.open')[before];
    if (next) next.focus();
  }

  private setView(view: TicketView): void {
    if (view === this.view) return;
    this.view = view;
    this.rows = null;
    void this.load();
  }

  private onSearch(e: Event): void {
    this.q = (e.target as HTMLInputElement).value;
    if (this.searchTimer) clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.load(), SEARCH_DEBOUNCE_MS);
  }

  private onFilter(e: Event): void {
    const select = e.target as HTMLSelectElement;
    if (select.name === 'status') this.status = select.value as TicketStatus | '';
    if (select.name === 'priority') this.priority = select.value as TicketPriority | '';
    if (select.name === 'category') this.category = select.value;
    void this.load();
  }

  private clearFilters(): void {
    this.q = '';
    this.status = '';
    this.priority = '';
    this.category = '';
    void this.load();
    this.renderRoot.querySelector<HTMLInputElement>('#tickets-q')?.focus();
  }

  private open(id: string): void {
    this.emit('parley-tickets-open', { ticketId: id }, { bubbles: false, composed: false });
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    return html`
      <section aria-labelledby="list-heading">
        <div class="head">
          <h3 id="list-heading" tabindex="-1">${s.viewName[this.view]}</h3>
          <span class="count">${this.rows ? s.ticketCount(this.rows.length) + (this.hasMore ? '+' : '') : nothing}</span>
        </div>
        <nav aria-label=${s.views}>
          <ul class="tabs">
            ${VIEWS.map(
              (v) => html`<li>
                <button type="button" class="view" data-view=${v} aria-current=${this.view === v ? 'page' : 'false'} @click=${() => this.setView(v)}>${s.viewName[v]}</button>
              </li>`,
            )}
          </ul>
        </nav>
        ${this.renderFilters()} ${this.renderBody()}
      </section>
    `;
  }

  private renderFilters(): TemplateResult {
    const s = this.l10n.s;
    const locale = this.l10n.locale;
    return html`
      <form class="filters" role="search" aria-label=${s.filters} @submit=${(e: Event) => e.preventDefault()}>
        <div class="q">
          <label for="tickets-q">${s.search}</label>
          <input id="tickets-q" type="search" maxlength="200" autocomplete="off" placeholder=${s.searchHint} aria-describedby="tickets-q-hint" .value=${this.q} @input=${this.onSearch} />
          <span id="tickets-q-hint" class="visually-hidden">${s.searchHint}</span>
        </div>
        <div>
          <label for="tickets-status">${s.status}</label>
          <select id="tickets-status" name="status" @change=${this.onFilter}>
            <option value="" .selected=${this.status === ''}>${s.anyStatus}</option>
            ${STATUSES.map((v) => html`<option value=${v} .selected=${this.status === v}>${s.statusName[v]}</option>`)}
          </select>
        </div>
        <div>
          <label for="tickets-priority">${s.priority}</label>
          <select id="tickets-priority" name="priority" @change=${this.onFilter}>
            <option value="" .selected=${this.priority === ''}>${s.anyPriority}</option>
            ${PRIORITIES.map((v) => html`<option value=${v} .selected=${this.priority === v}>${s.priorityName[v]}</option>`)}
          </select>
        </div>
        <div>
          <label for="tickets-category">${s.category}</label>
          <select id="tickets-category" name="category" @change=${this.onFilter}>
            <option value="" .selected=${this.category === ''}>${s.allCategories}</option>
            ${this.categories.map((c) => html`<option value=${c.id} .selected=${this.category === c.id}>${localized(c.names, locale)}</option>`)}
          </select>
        </div>
      </form>
    `;
  }

  private renderBody(): TemplateResult {
    const s = this.l10n.s;
    if (this.error && !this.loadingMore && !this.rows?.length) {
      return html`<div class="state">
        <p class="error" role="alert">${s.loadFailed(this.error)}</p>
        <button type="button" @click=${() => void this.load()}>${s.retry}</button>
      </div>`;
    }
    if (!this.rows) return html`<div class="state"><p class="notice" role="status">${s.loading}</p></div>`;
    if (this.rows.length === 0) {
      return this.filtered
        ? html`<div class="state">
            <p>${s.emptyFiltered}</p>
            <button type="button" @click=${this.clearFilters}>${s.clearFilters}</button>
          </div>`
        : html`<div class="state empty"><p>${s.emptyView[this.view]}</p></div>`;
    }
    return html`
      <div class="table-wrap">
        <table aria-labelledby="list-heading" aria-busy=${this.loading ? 'true' : 'false'}>
          <thead>
            <tr>
              <th scope="col">${s.colTicket}</th>
              <th scope="col">${s.colContact}</th>
              <th scope="col">${s.status}</th>
              <th scope="col">${s.priority}</th>
              <th scope="col">${s.colAssignee}</th>
              <th scope="col">${s.colSla}</th>
              <th scope="col">${s.colUpdated}</th>
            </tr>
          </thead>
          <tbody>
            ${repeat(this.rows, (t) => t.id, (t) => this.renderRow(t))}
          </tbody>
        </table>
      </div>
      ${this.error ? html`<p class="error" role="alert">${s.loadFailed(this.error)}</p>` : nothing}
      ${this.hasMore
        ? html`<div class="more">
            <button type="button" class="load-more" ?disabled=${this.loadingMore} @click=${() => void this.loadMore()}>${this.loadingMore ? s.loadingMore : s.loadMore}</button>
          </div>`
        : nothing}
    `;
  }

  private renderRow(t: TicketSummary): TemplateResult {
    const s = this.l10n.s;
    const locale = this.l10n.locale;
    const subjectId = `subject-${t.id}`;
    return html`
      <tr data-id=${t.id} class=${this.fresh.has(t.id) ? 'fresh' : ''}>
        <th scope="row">
          <button type="button" class="link open subject" id=${subjectId} @click=${() => this.open(t.id)}>${t.subject}</button>
          <span class="number muted">${t.number}</span>
        </th>
        <td class="contact">${t.anonymous ? html`<em>${s.anonymous}</em>` : t.contactName || html`<span class="muted">—</span>`}</td>
        <td><span class="badge status status-${t.status}">${s.statusName[t.status]}</span></td>
        <td><span class="badge priority priority-${t.priority}">${s.priorityName[t.priority]}</span></td>
        <td class="assignee">${t.assigneeName ?? html`<span class="muted">${s.nobody}</span>`}</td>
        <td class="sla">${renderSla(s, t, locale)}</td>
        <td class="updated"><time datetime=${t.updatedAt} title=${new Date(t.updatedAt).toLocaleString(locale)}>${relativeTime(sharedStrings[locale], t.updatedAt)}</time></td>
      </tr>
    `;
  }
}

/** The first-response cell: due time, or a badge; and the escalation level when there is one. */
export function renderSla(s: typeof ticketsStrings.en, t: TicketSummary, locale: Parameters<typeof dueDuration>[1]): TemplateResult {
  const sla = slaState(t);
  const level = escalationOf(t.escalationLevel);
  return html`<ul class="badges">
    ${sla.kind === 'breached'
      ? html`<li class="badge breached" data-sla="breached">${s.breached}</li>`
      : sla.kind === 'due'
        ? html`<li class="due" data-sla="due"><time datetime=${sla.at} title=${new Date(sla.at).toLocaleString(locale)}>${s.dueIn(dueDuration(sla.at, locale))}</time></li>`
        : sla.kind === 'answered'
          ? html`<li class="badge answered" data-sla="answered">${s.answered}</li>`
          : html`<li class="muted" data-sla="none">${s.noResponseDue}</li>`}
    ${level ? html`<li class="badge escalated" data-level=${level}>${s.escalatedTo(s.escalationName[level])}</li>` : nothing}
  </ul>`;
}
