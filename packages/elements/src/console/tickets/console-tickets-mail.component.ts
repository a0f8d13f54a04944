import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { LocaleController } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import type { MailDetail, MailSummary, TicketsApi } from './tickets-api.js';
import { ticketsLogStrings } from './tickets-log.strings.js';
import { ticketsStrings } from './tickets.strings.js';
import { ticketsBase } from './tickets.styles.js';

const PAGE = 50;

/**
 * The email log (supervisors and admins): every mail the server wrote, with where it stands
 * (stored without SMTP, queued, sent, failed); one opens to its text.
 *
 * @summary Email log of the agent console's Tickets view (internal).
 */
export class ParleyConsoleTicketsMail extends ParleyElement {
  static override styles = [
    ticketsBase,
    css`
      .badge.mail-failed {
        border-color: var(--_danger);
        color: var(--_danger);
      }
      .badge.mail-sent {
        border-color: var(--_success);
        color: var(--_success);
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 4px 12px;
        margin: 0 0 12px;
      }
      dt {
        color: var(--_text-muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      pre.text {
        border: 1px solid var(--_border);
        border-radius: var(--_radius-small);
        padding: 12px;
        background: var(--_surface-alt);
      }
    `,
  ];

  @property({ attribute: false }) api: TicketsApi | null = null;

  @state() private rows: MailSummary[] | null = null;
  @state() private error = '';
  @state() private loading = false;
  @state() private hasMore = false;
  @state() private open: MailDetail | null = null;
  @state() private openError = '';

  private readonly l10n = new LocaleController(this, ticketsLogStrings);
  private readonly ts = new LocaleController(this, ticketsStrings);
  private openedFrom = '';

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#mail-heading')?.focus();
  }

  reload(): void {
    this.open = null;
    void this.load(false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') && this.api) void this.load(false);
  }

  private async load(more: boolean): Promise<void> {
    const api = this.api;
    if (!api || this.loading) return;
    this.loading = true;
    this.error = '';
    try {
      const before = more && this.rows?.length ? this.rows[this.rows.length - 1]!.createdAt : undefined;
      const page = await api.mail(before, PAGE);
      this.rows = more && this.rows ? [...this.rows, ...page.filter((m) => !this.rows!.some((r) => r.id === m.id))] : page;
      this.hasMore = page.length === PAGE;
    } catch (err) {
      this.error = (err as Error).message;
    } finally {
      this.loading = false;
    }
  }

  private async show(id: string): Promise<void> {
    if (!this.api) return;
    this.openedFrom = id;
    this.openError = '';
    try {
      this.open = await this.api.mailItem(id);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#mail-subject')?.focus();
    } catch (err) {
      this.openError = this.l10n.s.mailFailed((err as Error).message);
    }
  }

  private async back(): Promise<void> {
    this.open = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`button.open[data-id="${CSS.escape(this.openedFrom)}"]`)?.focus();
  }

  private when(iso: string): TemplateResult {
    return html`<time datetime=${iso}>${new Date(iso).toLocaleString(this.l10n.locale, { dateStyle: 'medium', timeStyle: 'short' })}</time>`;
  }

  protected override render(): TemplateResult {
    const l = this.l10n.s;
    if (this.open) return this.renderOpen(this.open);
    return html`
      <section aria-labelledby="mail-heading">
        <div class="head"><h3 id="mail-heading" tabindex="-1">${l.mailHeading}</h3></div>
        <p class="hint">${l.mailIntro}</p>
        ${this.openError ? html`<p class="error" role="alert">${this.openError}</p>` : nothing} ${this.renderBody()}
      </section>
    `;
  }

  private renderBody(): TemplateResult {
    const l = this.l10n.s;
    if (this.error && !this.rows?.length) {
      return html`<div class="state">
        <p class="error" role="alert">${l.mailFailed(this.error)}</p>
        <button type="button" @click=${() => void this.load(false)}>${this.ts.s.retry}</button>
      </div>`;
    }
    if (!this.rows) return html`<div class="state"><p class="notice" role="status">${l.mailLoading}</p></div>`;
    if (this.rows.length === 0) return html`<div class="state empty"><p>${l.mailEmpty}</p></div>`;
    return html`
      <div class="table-wrap">
        <table aria-labelledby="mail-heading">
          <thead>
            <tr>
              <th scope="col">${l.mailSubject}</th>
              <th scope="col">${l.mailTo}</th>
              <th scope="col">${l.mailStatus}</th>
              <th scope="col">${l.mailTime}</th>
            </tr>
          </thead>
          <tbody>
            ${repeat(
              this.rows,
              (m) => m.id,
              (m) => html`<tr data-id=${m.id}>
                <th scope="row"><button type="button" class="link open" data-id=${m.id} @click=${() => void this.show(m.id)}>${m.subject}</button></th>
                <td class="to">${m.to}</td>
                <td><span class="badge mail-${m.status}" data-status=${m.status}>${l.mailStatusName[m.status] ?? m.status}</span></td>
                <td>${this.when(m.createdAt)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.error ? html`<p class="error" role="alert">${l.mailFailed(this.error)}</p>` : nothing}
      ${this.hasMore
        ? html`<div class="more"><button type="button" ?disabled=${this.loading} @click=${() => void this.load(true)}>${this.loading ? this.ts.s.loadingMore : this.ts.s.loadMore}</button></div>`
        : nothing}
    `;
  }

  private renderOpen(m: MailDetail): TemplateResult {
    const l = this.l10n.s;
    return html`
      <button type="button" class="back" @click=${() => void this.back()}>← ${l.mailBack}</button>
      <article aria-labelledby="mail-subject">
        <h3 id="mail-subject" tabindex="-1">${m.subject}</h3>
        <dl>
          <dt>${l.mailTo}</dt>
          <dd>${m.to}</dd>
          <dt>${l.mailStatus}</dt>
          <dd>
            <span class="badge mail-${m.status}">${l.mailStatusName[m.status] ?? m.status}</span>
            ${m.attempts ? html`<span class="muted">${l.mailAttempts(m.attempts)}</span>` : nothing}
            ${m.lastError ? html`<span class="error">${l.mailError(m.lastError)}</span>` : nothing}
          </dd>
          <dt>${l.mailTime}</dt>
          <dd>${this.when(m.createdAt)}</dd>
        </dl>
        <h4 id="mail-text-heading">${l.mailText}</h4>
        <pre class="text">${m.text}</pre>
      </article>
    `;
  }
}
