import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CannedReply, CannedReplyInput, Locale } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import type { TicketsApi } from './tickets-api.js';
import { cannedStrings } from './tickets-canned.strings.js';
import { ticketsBase } from './tickets.styles.js';

const LOCALES: Locale[] = ['en', 'zh-CN', 'zh-TW'];
const PREVIEW_CHARS = 140;

/**
 * Saved replies for supervisors and admins: the list, a form to add or change one (title, text,
 * language) and a confirmation before one is deleted. The server decides who may change them and
 * what is valid; its refusals are shown as they come.
 *
 * @summary Saved replies of the agent console's Tickets view (internal).
 * @fires parley-tickets-announce - Something to say in the view's live region.
 */
export class ParleyConsoleTicketsCanned extends ParleyElement {
  static override styles = [
    ticketsBase,
    css`
      form.edit {
        display: flex;
        flex-direction: column;
        gap: 6px;
        max-width: 640px;
        padding: 12px;
        margin-bottom: 16px;
        border: 1px solid var(--_border);
        border-radius: var(--_radius-small);
      }
      form.edit textarea {
        min-height: 128px;
        resize: vertical;
      }
      td.body {
        white-space: pre-line;
      }
      td.actions {
        white-space: nowrap;
      }
      td.actions button + button {
        margin-inline-start: 6px;
      }
    `,
  ];

  @property({ attribute: false }) api: TicketsApi | null = null;

  @state() private rows: CannedReply[] | null = null;
  @state() private loadError = '';
  /** The reply being changed, `new` for the add form, null when the form is closed. */
  @state() private editing: CannedReply | 'new' | null = null;
  @state() private formError = '';
  @state() private busy = false;
  @state() private deleting: CannedReply | null = null;
  @state() private deleteError = '';

  @query('dialog.delete') private deleteDialog?: HTMLDialogElement;

  private readonly l10n = new LocaleController(this, cannedStrings);
  /** Where focus goes back to when the form or the dialog closes. */
  private returnTo = '';

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#canned-heading')?.focus();
  }

  reload(): void {
    void this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') && this.api) void this.load();
  }

  protected override updated(): void {
    const d = this.deleteDialog;
    if (d && this.deleting && !d.open) d.showModal();
    else if (d && !this.deleting && d.open) d.close();
  }

  private async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.loadError = '';
    try {
      const rows = await api.cannedReplies();
      if (this.api === api) this.rows = rows;
    } catch (err) {
      if (this.api === api) this.loadError = (err as Error).message;
    }
  }

  private announce(text: string): void {
    this.emit('parley-tickets-announce', { text }, { bubbles: false, composed: false });
  }

  private async focusLater(selector: string): Promise<void> {
    await this.updateComplete;
    (this.renderRoot.querySelector<HTMLElement>(selector) ?? this.renderRoot.querySelector<HTMLElement>('#canned-heading'))?.focus();
  }

  private startEdit(target: CannedReply | 'new'): void {
    this.editing = target;
    this.formError = '';
    this.returnTo = target === 'new' ? 'button.add' : `tr[data-id="${CSS.escape(target.id)}"] button.edit`;
    void this.focusLater('#canned-title');
  }

  private cancelEdit(): void {
    this.editing = null;
    this.formError = '';
    void this.focusLater(this.returnTo);
  }

  private async onSave(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const api = this.api;
    const editing = this.editing;
    if (!api || !editing || this.busy) return;
    const form = e.currentTarget as HTMLFormElement;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
    const locale = field('locale');
    const input: CannedReplyInput = { title: field('title'), body: field('body'), locale: locale ? (locale as Locale) : null };
    const s = this.l10n.s;
    this.busy = true;
    this.formError = '';
    try {
      const saved = editing === 'new' ? await api.createCanned(input) : await api.updateCanned(editing.id, input);
      this.editing = null;
      this.announce(editing === 'new' ? s.added : s.saved);
      await this.load();
      void this.focusLater(`tr[data-id="${CSS.escape(saved.id)}"] button.edit`);
    } catch (err) {
      // What was typed stays: the form is not re-rendered from the row.
      this.formError = s.notSaved((err as Error).message);
      void this.focusLater('#canned-title');
    } finally {
      this.busy = false;
    }
  }

  private askDelete(r: CannedReply): void {
    this.deleteError = '';
    this.returnTo = `tr[data-id="${CSS.escape(r.id)}"] button.delete`;
    this.deleting = r;
  }

  private cancelDelete(): void {
    this.deleting = null;
    void this.focusLater(this.returnTo);
  }

  /** Escape closes the dialog natively (Cancel and Delete have already cleared `deleting`): follow it. */
  private onDialogClose(e: Event): void {
    if ((e.currentTarget as HTMLDialogElement).open || !this.deleting) return;
    this.cancelDelete();
  }

  private async confirmDelete(): Promise<void> {
    const api = this.api;
    const r = this.deleting;
    if (!api || !r || this.busy) return;
    this.busy = true;
    this.deleteError = '';
    try {
      await api.deleteCanned(r.id);
      this.deleting = null;
      if (this.editing !== 'new' && this.editing?.id === r.id) this.editing = null;
      this.announce(this.l10n.s.deleted);
      await this.load();
      void this.focusLater('button.add');
    } catch (err) {
      this.deleteError = this.l10n.s.notDeleted((err as Error).message);
    } finally {
      this.busy = false;
    }
  }

  private languageOf(locale: Locale | null): string {
    return locale ? this.l10n.s.localeName[locale] : this.l10n.s.anyLanguage;
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    return html`
      <section aria-labelledby="canned-heading">
        <div class="head">
          <h3 id="canned-heading" tabindex="-1">${s.heading}</h3>
          ${this.editing === null ? html`<button type="button" class="add primary" @click=${() => this.startEdit('new')}>${s.add}</button>` : nothing}
        </div>
        <p class="hint">${s.intro}</p>
        ${this.editing ? this.renderForm(this.editing) : nothing} ${this.renderList()}
      </section>
      ${this.renderDeleteDialog()}
    `;
  }

  private renderForm(editing: CannedReply | 'new'): TemplateResult {
    const s = this.l10n.s;
    const r = editing === 'new' ? null : editing;
    const heading = r ? s.editHeading(r.title) : s.newHeading;
    return html`
      <form class="edit" aria-labelledby="canned-form-heading" novalidate @submit=${this.onSave} aria-busy=${this.busy ? 'true' : 'false'}>
        <h4 id="canned-form-heading">${heading}</h4>
        <label for="canned-title">${s.title}</label>
        <input id="canned-title" name="title" maxlength="100" required .value=${r?.title ?? ''} aria-describedby="canned-form-error" />
        <label for="canned-body">${s.body}</label>
        <textarea id="canned-body" name="body" maxlength="10000" required .value=${r?.body ?? ''}></textarea>
        <label for="canned-locale">${s.language}</label>
        <select id="canned-locale" name="locale">
          <option value="" ?selected=${!r?.locale}>${s.anyLanguage}</option>
          ${LOCALES.map((l) => html`<option value=${l} lang=${l} ?selected=${r?.locale === l}>${s.localeName[l]}</option>`)}
        </select>
        <p class="error" role="alert" id="canned-form-error">${this.formError}</p>
        <div class="buttons">
          <button type="button" @click=${this.cancelEdit}>${s.cancel}</button>
          <button type="submit" class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? s.saving : s.save}</button>
        </div>
      </form>
    `;
  }

  private renderList(): TemplateResult {
    const s = this.l10n.s;
    if (this.loadError && !this.rows) {
      return html`<div class="state">
        <p class="error" role="alert">${s.loadFailed(this.loadError)}</p>
        <button type="button" @click=${() => void this.load()}>${s.retry}</button>
      </div>`;
    }
    if (!this.rows) return html`<div class="state"><p class="notice" role="status">${s.loading}</p></div>`;
    if (this.rows.length === 0) return html`<div class="state empty"><p>${s.empty}</p></div>`;
    return html`
      <div class="table-wrap">
        <table aria-labelledby="canned-heading">
          <thead>
            <tr>
              <th scope="col">${s.colTitle}</th>
              <th scope="col">${s.colLanguage}</th>
              <th scope="col">${s.colBody}</th>
              <th scope="col"><span class="visually-hidden">${s.colActions}</span></th>
            </tr>
          </thead>
          <tbody>
            ${repeat(
              this.rows,
              (r) => r.id,
              (r) => html`<tr data-id=${r.id}>
                <th scope="row" class="title" lang=${r.locale ?? nothing}>${r.title}</th>
                <td class="language">${this.languageOf(r.locale)}</td>
                <td class="body" lang=${r.locale ?? nothing}>${r.body.length > PREVIEW_CHARS ? `${r.body.slice(0, PREVIEW_CHARS - 1)}…` : r.body}</td>
                <td class="actions">
                  <button type="button" class="edit" @click=${() => this.startEdit(r)}>${s.edit}<span class="visually-hidden"> ${r.title}</span></button>
                  <button type="button" class="delete danger" @click=${() => this.askDelete(r)}>${s.remove}<span class="visually-hidden"> ${r.title}</span></button>
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderDeleteDialog(): TemplateResult {
    const s = this.l10n.s;
    const r = this.deleting;
    return html`
      <dialog class="delete" aria-labelledby="canned-delete-heading" aria-describedby="canned-delete-text" @close=${this.onDialogClose}>
        <h4 id="canned-delete-heading">${s.deleteHeading}</h4>
        <p id="canned-delete-text">${r ? s.deleteQuestion(r.title) : ''}</p>
        ${this.deleteError ? html`<p class="error" role="alert">${this.deleteError}</p>` : nothing}
        <div class="buttons">
          <button type="button" autofocus @click=${this.cancelDelete}>${s.cancel}</button>
          <button type="button" class="danger confirm" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.confirmDelete}>${s.confirmDelete}</button>
        </div>
      </dialog>
    `;
  }
}
