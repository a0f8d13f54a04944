import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { ContactProfile, ContactSummary } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { saveBlob } from '../console-rest.js';
import { ParleyConsoleSubview } from '../console-subview.js';
import { kbBase } from '../kb/kb.styles.js';
import { ContactsApi } from './contacts-api.js';
import { contactsStrings } from './contacts.strings.js';

/**
 * The Settings view's Contacts tab (every role): search the people the website vouched for, open one
 * to see their conversations, tickets and survey answers (what the reader's departments hold; the
 * server decides), and, for admins, export their data as JSON or erase it after typing their user id.
 *
 * Settings rather than a conversation's side panel: the console's top navigation is full, and a
 * contact is looked up by name or email as often as from a chat (a data request by mail), so it needs
 * its own search; a side-panel link can open this tab later.
 *
 * @summary The console's contacts (internal; a tab of the Settings view).
 * @fires parley-settings-unauthorized - The server refused the token: the console signs out.
 */
export class ParleyConsoleContacts extends ParleyConsoleSubview {
  static override styles = [
    kbBase,
    css`
      form.search {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 8px;
        margin: 12px 0;
      }
      form.search label {
        display: block;
        width: 100%;
      }
      form.search input {
        flex: 1;
        min-width: 12em;
      }
      ul.list {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ul.list li {
        padding: 8px 0;
        border-bottom: 1px solid var(--_border);
      }
      dl.facts {
        display: grid;
        grid-template-columns: max-content auto;
        gap: 2px 16px;
        margin: 8px 0 16px;
      }
      dl.facts dd {
        margin: 0;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        margin: 12px 0;
      }
      .confirm {
        border: 2px solid var(--_danger, #b91c1c);
        border-radius: 8px;
        padding: 8px 12px;
        margin: 12px 0;
      }
      section + section {
        margin-top: 16px;
      }
    `,
  ];

  @state() private query = '';
  @state() private contacts: ContactSummary[] | null = null;
  @state() private searched = '';
  @state() private profile: ContactProfile | null = null;
  @state() private opening = false;
  @state() private confirming = false;
  @state() private confirmText = '';
  @state() private mismatch = false;
  @state() private busy = false;
  @state() private error = '';
  @state() private said = '';

  private api: ContactsApi | null = null;
  private lastOpened = '';
  private readonly l10n = new LocaleController(this, contactsStrings);

  protected override sessionChanged(): void {
    this.api = this.token && this.server ? new ContactsApi(this.server, this.token, this.site, () => this.emit('parley-settings-unauthorized', {})) : null;
    this.profile = null;
    void this.load();
  }

  private fail(err: unknown): void {
    this.error = this.l10n.s.failed(err instanceof Error ? err.message : String(err));
  }

  async load(): Promise<void> {
    if (!this.api) return;
    this.error = '';
    this.contacts = null;
    try {
      const q = this.query.trim();
      this.contacts = await this.api.search(q);
      this.searched = q;
    } catch (err) {
      this.fail(err);
    }
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private async open(id: string): Promise<void> {
    if (!this.api || this.opening) return;
    this.opening = true;
    this.error = '';
    this.said = '';
    try {
      this.profile = await this.api.profile(id);
      this.lastOpened = id;
      this.confirming = false;
      await this.focusOn('#contact-heading');
    } catch (err) {
      this.fail(err);
    } finally {
      this.opening = false;
    }
  }

  private async back(): Promise<void> {
    this.profile = null;
    this.confirming = false;
    await this.focusOn(`button[data-id="${this.lastOpened}"]`);
  }

  private async exportJson(): Promise<void> {
    const p = this.profile;
    if (!p || !this.api || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const { blob, name } = await this.api.exportJson(p.contact.id);
      saveBlob(blob, name);
      this.said = this.l10n.s.exported;
    } catch (err) {
      this.fail(err);
    } finally {
      this.busy = false;
    }
  }

  private async startErase(): Promise<void> {
    this.confirming = true;
    this.confirmText = '';
    this.mismatch = false;
    await this.focusOn('#confirm-heading');
  }

  private async cancelErase(): Promise<void> {
    this.confirming = false;
    await this.focusOn('button.erase');
  }

  private async erase(): Promise<void> {
    const p = this.profile;
    if (!p || !this.api || this.busy) return;
    if (this.confirmText.trim() !== p.contact.userId) {
      this.mismatch = true;
      return this.focusOn('#erase-confirm');
    }
    this.busy = true;
    this.error = '';
    try {
      const done = await this.api.erase(p.contact.id, this.confirmText.trim());
      this.profile = null;
      this.confirming = false;
      this.said = this.l10n.s.erased(done.conversations, done.tickets);
      await this.load();
      await this.focusOn('#contacts-heading');
    } catch (err) {
      this.fail(err);
    } finally {
      this.busy = false;
    }
  }

  private date(iso: string): string {
    return new Intl.DateTimeFormat(this.l10n.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  override render(): TemplateResult {
    const s = this.l10n.s;
    return html`
      <h3 id="contacts-heading" tabindex="-1">${s.heading}</h3>
      <p class="visually-hidden" role="status">${this.said}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.profile ? this.renderProfile(this.profile) : this.renderList()}
    `;
  }

  private renderList(): TemplateResult {
    const s = this.l10n.s;
    const list = this.contacts;
    return html`
      <p class="hint">${s.intro}</p>
      <form class="search" role="search" @submit=${(e: Event) => (e.preventDefault(), void this.load())}>
        <label for="contact-q">${s.searchLabel}</label>
        <input id="contact-q" type="search" maxlength="200" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
        <button type="submit">${s.search}</button>
      </form>
      ${list === null
        ? this.error
          ? html`<div class="state"><button type="button" @click=${() => void this.load()}>${s.retry}</button></div>`
          : html`<p class="state" role="status">${s.loading}</p>`
        : list.length === 0
          ? html`<p class="state empty" data-q=${this.searched}>${this.searched ? s.noMatch : s.empty}</p>`
          : html`<p class="muted" data-q=${this.searched}>${s.results(list.length)}</p>
              <ul class="list" aria-label=${s.heading}>
                ${list.map(
                  (c) => html`<li>
                    <button type="button" class="link" data-id=${c.id} aria-busy=${this.opening ? 'true' : 'false'} @click=${() => void this.open(c.id)}>${c.name ?? s.unnamed}</button>
                    <span class="muted">${[c.email, c.userId].filter(Boolean).join(' · ')} · ${s.counts(c.conversations, c.tickets)}</span>
                  </li>`,
                )}
              </ul>`}
      ${this.opening ? html`<p class="state" role="status">${s.loadingProfile}</p>` : nothing}
    `;
  }

  private renderProfile(p: ContactProfile): TemplateResult {
    const s = this.l10n.s;
    const c = p.contact;
    return html`
      <button type="button" class="back" @click=${() => void this.back()}>← ${s.back}</button>
      <h4 id="contact-heading" tabindex="-1">${c.name ?? c.userId}</h4>
      <dl class="facts">
        <dt>${s.userId}</dt><dd>${c.userId}</dd>
        <dt>${s.email}</dt><dd>${c.email ?? '—'}</dd>
        <dt>${s.firstSeen}</dt><dd>${this.date(c.createdAt)}</dd>
        <dt>${s.lastSeen}</dt><dd>${this.date(c.lastSeenAt)}</dd>
        <dt>${s.devices}</dt><dd>${p.devices}</dd>
      </dl>
      ${p.canExport || p.canErase
        ? html`<div class="buttons">
            ${p.canExport ? html`<button type="button" class="export" ?disabled=${this.busy} @click=${() => void this.exportJson()}>${s.exportJson}</button>` : nothing}
            ${p.canErase ? html`<button type="button" class="danger erase" ?disabled=${this.busy || this.confirming} @click=${() => void this.startErase()}>${s.erase}</button>` : nothing}
          </div>`
        : nothing}
      ${this.confirming ? this.renderConfirm(c) : nothing}
      <section aria-labelledby="conversations-heading">
        <h5 id="conversations-heading">${s.conversations}</h5>
        ${p.conversations.length
          ? html`<ul class="list">${p.conversations.map((x) => html`<li>${s.conversationLine(this.date(x.createdAt), s.status[x.status] ?? x.status, x.agentName, x.messages)}</li>`)}</ul>`
          : html`<p class="state empty">${s.noConversations}</p>`}
      </section>
      <section aria-labelledby="tickets-heading">
        <h5 id="tickets-heading">${s.tickets}</h5>
        ${p.tickets.length
          ? html`<ul class="list">${p.tickets.map((t) => html`<li><strong>${t.number}</strong> ${t.subject} <span class="muted">· ${s.status[t.status] ?? t.status} · ${this.date(t.createdAt)}</span></li>`)}</ul>`
          : html`<p class="state empty">${s.noTickets}</p>`}
      </section>
      <section aria-labelledby="answers-heading">
        <h5 id="answers-heading">${s.answers}</h5>
        ${p.surveyAnswers.length
          ? html`<ul class="list">${p.surveyAnswers.map((a) => html`<li><strong>${s.answerLine(a.kind, a.score)}</strong>${a.comment ? html` “${a.comment}”` : nothing} <span class="muted">· ${this.date(a.answeredAt)}</span></li>`)}</ul>`
          : html`<p class="state empty">${s.noAnswers}</p>`}
      </section>
    `;
  }

  private renderConfirm(c: ContactSummary): TemplateResult {
    const s = this.l10n.s;
    return html`<section class="confirm" role="group" aria-labelledby="confirm-heading" aria-describedby="erase-text">
      <h5 id="confirm-heading" tabindex="-1">${s.eraseHeading}</h5>
      <p id="erase-text">${s.eraseText}</p>
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), void this.erase())}>
        <label for="erase-confirm">${s.confirmLabel(c.userId)}</label>
        <input
          id="erase-confirm"
          autocomplete="off"
          .value=${this.confirmText}
          aria-invalid=${this.mismatch ? 'true' : 'false'}
          aria-describedby=${this.mismatch ? 'erase-mismatch' : nothing}
          @input=${(e: Event) => ((this.confirmText = (e.target as HTMLInputElement).value), (this.mismatch = false))}
        />
        ${this.mismatch ? html`<p class="error" id="erase-mismatch">${s.confirmMismatch}</p>` : nothing}
        <div class="buttons">
          <button type="submit" class="danger confirm-erase" ?disabled=${this.busy}>${s.eraseConfirm}</button>
          <button type="button" ?disabled=${this.busy} @click=${() => void this.cancelErase()}>${s.cancel}</button>
        </div>
      </form>
    </section>`;
  }
}
