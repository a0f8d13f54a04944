import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AgentProfile, Directory, TicketCategory, TicketDetail, TicketFile, TicketPatch, TicketPriority, TicketStatus, TicketSummary } from '@parley/protocol';
import { LocaleController, localized } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import type { TicketSentDetail } from './console-ticket-composer.component.js';
import { renderSla } from './console-tickets-list.component.js';
import { renderHistory, renderThread } from './ticket-thread.templates.js';
import { saveBlob, type TicketsApi } from './tickets-api.js';
import { ticketsLogStrings } from './tickets-log.strings.js';
import { ticketsStrings } from './tickets.strings.js';
import { ticketStyles } from './console-ticket.styles.js';

declare global {
  interface HTMLElementEventMap {
    'parley-tickets-close': CustomEvent<Record<string, never>>;
  }
}

const STATUSES: TicketStatus[] = ['new', 'open', 'pending', 'resolved', 'closed'];
const PRIORITIES: TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
type Field = 'status' | 'priority' | 'departmentId' | 'categoryId' | 'assigneeId';

/**
 * One ticket: its properties (status, priority, department, category, assignee), the thread with
 * replies and internal notes told apart, the composer, and the history in words.
 *
 * @summary Ticket view of the agent console (internal).
 * @fires parley-tickets-close - Back to the inbox.
 * @fires parley-tickets-announce - Something to say in the view's live region.
 */
export class ParleyConsoleTicket extends ParleyElement {
  static override styles = ticketStyles;

  @property({ attribute: false }) api: TicketsApi | null = null;
  @property({ attribute: false }) ticketId = '';
  @property({ attribute: false }) me: AgentProfile | null = null;
  @property({ attribute: false }) directory: Directory | null = null;
  @property({ attribute: false }) categories: TicketCategory[] = [];

  @state() private ticket: TicketDetail | null = null;
  @state() private error = '';
  @state() private draft: TicketPatch = {};
  @state() private saving = false;
  @state() private saveError = '';
  @state() private downloadError = '';

  private readonly l10n = new LocaleController(this, ticketsStrings);
  private readonly log = new LocaleController(this, ticketsLogStrings);
  private abort: AbortController | null = null;

  private get manager(): boolean {
    return this.me?.role === 'admin' || this.me?.role === 'supervisor';
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#ticket-heading, #ticket-state')?.focus();
  }

  /** A change to this ticket arrived live: read it again (unsaved property edits stay as they are). */
  live(t: TicketSummary): void {
    if (t.id !== this.ticketId || !this.ticket) return;
    if (Date.parse(t.updatedAt) > Date.parse(this.ticket.updatedAt)) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('ticketId')) && this.api && this.ticketId) void this.load();
  }

  private async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.error = '';
    try {
      const t = await api.ticket(this.ticketId, abort.signal);
      if (abort.signal.aborted) return;
      const waiting = (this.renderRoot as ShadowRoot).activeElement?.id === 'ticket-state';
      this.ticket = t;
      // Focus was on "Loading ticket…", which is going: on to what came instead.
      if (waiting) await this.updateComplete.then(() => this.focusHeading());
    } catch (err) {
      if (abort.signal.aborted) return;
      const waiting = (this.renderRoot as ShadowRoot).activeElement?.id === 'ticket-state';
      this.error = (err as Error).message;
      if (waiting) await this.updateComplete.then(() => this.focusHeading());
    }
  }

  /** Reads the ticket again (after a reconnect: changes may have been missed). */
  reload(): void {
    if (this.ticket || this.error) void this.load();
  }

  private announce(text: string): void {
    this.emit('parley-tickets-announce', { text }, { bubbles: false, composed: false });
  }

  private value<K extends Field>(field: K): string {
    const t = this.ticket!;
    const v = field in this.draft ? this.draft[field] : t[field];
    return v ?? '';
  }

  private onField(e: Event): void {
    const el = e.target as HTMLSelectElement;
    const field = el.name as Field;
    const t = this.ticket!;
    const next = { ...this.draft } as Record<string, unknown>;
    const raw = el.value;
    const value = field === 'assigneeId' && raw === '' ? null : raw;
    if (value === (t[field] ?? (field === 'assigneeId' ? null : ''))) delete next[field];
    else next[field] = value;
    this.draft = next as TicketPatch;
  }

  private async apply(patch: TicketPatch, done: string): Promise<boolean> {
    if (!this.api || !this.ticket || this.saving) return false;
    this.saving = true;
    this.saveError = '';
    try {
      this.ticket = await this.api.patch(this.ticket.id, patch);
      this.announce(done);
      return true;
    } catch (err) {
      this.saveError = this.l10n.s.notChanged((err as Error).message);
      return false;
    } finally {
      this.saving = false;
    }
  }

  private async onSave(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (Object.keys(this.draft).length === 0) return;
    if (await this.apply(this.draft, this.l10n.s.saved)) this.draft = {};
  }

  private async assignMe(assign: boolean): Promise<void> {
    if (!this.me) return;
    const s = this.l10n.s;
    if (await this.apply({ assigneeId: assign ? this.me.id : null }, assign ? s.assignedToMe : s.unassigned)) {
      const { assigneeId: _drop, ...rest } = this.draft;
      this.draft = rest;
      await this.updateComplete;
      // The button pressed is gone (it turned into its opposite): keep focus on that spot.
      this.renderRoot.querySelector<HTMLElement>('button.assign-me, button.unassign-me')?.focus();
    }
  }

  private async download(e: Event, file: TicketFile): Promise<void> {
    e.preventDefault();
    if (!this.api || !this.ticket) return;
    this.downloadError = '';
    try {
      saveBlob(await this.api.file(this.ticket.id, file.id), file.name);
    } catch (err) {
      this.downloadError = this.l10n.s.downloadFailed((err as Error).message);
    }
  }

  private onSent(e: CustomEvent<TicketSentDetail>): void {
    this.ticket = e.detail.ticket;
    this.announce(e.detail.kind === 'note' ? this.l10n.s.noteAdded : this.l10n.s.replySent);
  }

  private departmentName = (id: string | null): string => {
    const d = id ? this.directory?.departments.find((x) => x.id === id) : undefined;
    return d ? localized(d.name, this.l10n.locale) : this.l10n.s.noDepartment;
  };

  private categoryName = (id: string | null): string => {
    const c = id ? this.categories.find((x) => x.id === id) : undefined;
    return c ? localized(c.names, this.l10n.locale) : this.l10n.s.noCategory;
  };

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    const back = html`<button type="button" class="back" @click=${() => this.emit('parley-tickets-close', {}, { bubbles: false, composed: false })}>← ${s.back}</button>`;
    if (!this.ticket) {
      return html`${back}
        <div class="state">
          ${this.error
            ? html`<p class="error" role="alert" id="ticket-state" tabindex="-1">${s.ticketFailed(this.error)}</p>
                <button type="button" @click=${() => void this.load()}>${s.retry}</button>`
            : html`<p class="notice" role="status" id="ticket-state" tabindex="-1">${s.loadingTicket}</p>`}
        </div>`;
    }
    const t = this.ticket;
    const locale = this.l10n.locale;
    return html`
      ${back}
      <article aria-labelledby="ticket-heading">
        <header>
          <p class="number">${t.number}</p>
          <h3 id="ticket-heading" tabindex="-1">${t.subject}</h3>
          <dl class="facts">
            <div>
              <dt>${s.contact}</dt>
              <dd class="contact">${t.anonymous ? html`<em>${s.anonymous}</em>` : html`${t.contactName ?? '—'} <span class="muted">${t.contactEmail ?? s.noEmail}</span>`}</dd>
            </div>
            <div><dt>${s.source}</dt><dd>${s.sourceName[t.source]}</dd></div>
            <div><dt>${s.opened}</dt><dd><time datetime=${t.createdAt}>${new Date(t.createdAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}</time></dd></div>
            <div><dt>${s.colSla}</dt><dd class="sla">${renderSla(s, t, locale)}</dd></div>
          </dl>
        </header>
        <div class="layout">
          <div class="main">
            ${renderThread({ s, locale, fileUrl: (f) => this.api!.fileUrl(t.id, f.id), download: (e, f) => void this.download(e, f) }, t)}
            ${this.downloadError ? html`<p class="error" role="alert">${this.downloadError}</p>` : nothing}
            <parley-console-ticket-composer .api=${this.api} .ticket=${t} @parley-ticket-sent=${this.onSent}></parley-console-ticket-composer>
          </div>
          <div class="side">${this.renderProps(t)} ${renderHistory(s, this.log.s, locale, t, { department: this.departmentName, category: this.categoryName })}</div>
        </div>
      </article>
    `;
  }

  private renderProps(t: TicketDetail): TemplateResult {
    const s = this.l10n.s;
    const locale = this.l10n.locale;
    const me = this.me;
    const departments = (this.directory?.departments ?? []).filter((d) => this.manager || me?.departmentIds.includes(d.id) || d.id === t.departmentId);
    const select = (id: string, field: Field, label: string, options: TemplateResult[]) => html`
      <div>
        <label for=${id}>${label}</label>
        <select id=${id} name=${field} ?disabled=${this.saving} @change=${this.onField}>${options}</select>
      </div>
    `;
    const opt = (value: string, text: string, field: Field) => html`<option value=${value} .selected=${this.value(field) === value}>${text}</option>`;
    const dirty = Object.keys(this.draft).length > 0;
    return html`
      <form class="props" aria-labelledby="props-heading" @submit=${this.onSave}>
        <h4 id="props-heading">${s.properties}</h4>
        ${select('ticket-status', 'status', s.status, STATUSES.map((v) => opt(v, s.statusName[v], 'status')))}
        ${select('ticket-priority', 'priority', s.priority, PRIORITIES.map((v) => opt(v, s.priorityName[v], 'priority')))}
        ${select('ticket-department', 'departmentId', s.department, [
          ...(t.departmentId ? [] : [opt('', s.noDepartment, 'departmentId')]),
          ...departments.map((d) => opt(d.id, localized(d.name, locale), 'departmentId')),
        ])}
        ${select('ticket-category', 'categoryId', s.category, [
          ...(t.categoryId ? [] : [opt('', s.noCategory, 'categoryId')]),
          ...this.categories.map((c) => opt(c.id, localized(c.names, locale), 'categoryId')),
        ])}
        ${this.renderAssignee(t)}
        <p class="error" role="alert">${this.saveError}</p>
        <div class="buttons">
          <button type="submit" class="primary save" aria-disabled=${!dirty || this.saving ? 'true' : 'false'}>${this.saving ? s.saving : s.save}</button>
        </div>
      </form>
    `;
  }

  /** Supervisors and admins pick anyone of the ticket's department; an agent can only take it or let it go. */
  private renderAssignee(t: TicketDetail): TemplateResult {
    const s = this.l10n.s;
    const me = this.me;
    const mine = !!me && t.assigneeId === me.id;
    const quick = mine
      ? html`<button type="button" class="unassign-me" aria-disabled=${this.saving ? 'true' : 'false'} @click=${() => void this.assignMe(false)}>${s.unassignMe}</button>`
      : html`<button type="button" class="assign-me" aria-disabled=${this.saving ? 'true' : 'false'} @click=${() => void this.assignMe(true)}>${s.assignToMe}</button>`;
    if (!this.manager) {
      return html`<div>
        <p class="assignee-line"><strong>${s.assignee}:</strong> <span class="assignee">${t.assigneeName ?? s.nobody}</span></p>
        <div class="assign-row">${quick}</div>
      </div>`;
    }
    const people: Array<{ id: string; name: string }> = (this.directory?.agents ?? []).filter((a) => !t.departmentId || a.departmentIds.includes(t.departmentId));
    if (t.assigneeId && !people.some((a) => a.id === t.assigneeId)) people.push({ id: t.assigneeId, name: t.assigneeName ?? '—' });
    const current = this.value('assigneeId');
    return html`<div>
      <label for="ticket-assignee">${s.assignee}</label>
      <select id="ticket-assignee" name="assigneeId" ?disabled=${this.saving} @change=${this.onField}>
        <option value="" .selected=${current === ''}>${s.nobody}</option>
        ${people.map((a) => html`<option value=${a.id} .selected=${current === a.id}>${a.name}</option>`)}
      </select>
      <div class="assign-row">${quick}</div>
    </div>`;
  }
}
