import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { WebhookDelivery, WebhookEndpoint } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import { editorStyles } from '../console-editor.js';
import { kbBase } from '../kb/kb.styles.js';
import { DELIVERY_PAGE, type WebhookDeliveryDetail, type WebhooksApi } from './webhooks-api.js';
import { webhooksStrings, type WebhooksStrings } from './webhooks.strings.js';
import { webhooksStyles } from './webhooks.styles.js';

declare global {
  interface HTMLElementEventMap {
    /** Something to say in the view's live region (a resend). */
    'parley-webhook-log-said': CustomEvent<{ message: string }>;
  }
}

/** The last answer in a word: the HTTP status when there was one, else the error (refused, timed out). */
const resultOf = (s: WebhooksStrings, d: { lastStatus: number | null; lastError: string | null }): string => {
  if (d.lastStatus === null) return d.lastError ?? s.none;
  return d.lastError ? `${s.httpStatus(d.lastStatus)}: ${d.lastError}` : s.httpStatus(d.lastStatus);
};

/**
 * The delivery log of a site's webhooks, newest first: what was sent where, its state, the last answer,
 * how many tries and how long; filtered by endpoint, paged with "Show more". A row opens the delivery
 * with every try and what was sent, and can be resent (a new delivery of the same event).
 *
 * @summary The webhook delivery log (internal; rendered by the console's Integrations view).
 * @fires parley-webhook-log-said - A resend was queued: `detail.message` to announce.
 */
export class ParleyConsoleWebhookLog extends ParleyElement {
  static override styles = [kbBase, editorStyles, webhooksStyles];

  @property({ attribute: false }) api: WebhooksApi | null = null;
  /** The site's endpoints: names for the rows and the filter. */
  @property({ attribute: false }) endpoints: WebhookEndpoint[] = [];

  @state() private deliveries: WebhookDelivery[] | null = null;
  @state() private more = false;
  @state() private endpointId = '';
  @state() private detail: WebhookDeliveryDetail | null = null;
  @state() private busy = false;
  @state() private error = '';

  private readonly l10n = new LocaleController(this, webhooksStrings);
  private loading: AbortController | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') && this.api) void this.reload();
  }

  private fail(err: unknown): void {
    this.error = this.l10n.s.failed(err instanceof Error ? err.message : String(err));
  }

  /** The first page again (after a filter change, a test, a resend or on request). */
  async reload(): Promise<void> {
    this.loading?.abort();
    const ctl = (this.loading = new AbortController());
    this.error = '';
    try {
      const page = (await this.api?.deliveries({ endpoint: this.endpointId || undefined }, ctl.signal)) ?? [];
      this.deliveries = page;
      this.more = page.length === DELIVERY_PAGE;
    } catch (err) {
      if (!ctl.signal.aborted) this.fail(err);
    }
  }

  private async showMore(): Promise<void> {
    const shown = this.deliveries ?? [];
    const oldest = shown[shown.length - 1];
    if (!oldest || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const page = (await this.api?.deliveries({ endpoint: this.endpointId || undefined, before: oldest.createdAt })) ?? [];
      // Rows made in the same millisecond as the oldest shown may come again: keep each once.
      const seen = new Set(shown.map((d) => d.id));
      this.deliveries = [...shown, ...page.filter((d) => !seen.has(d.id))];
      this.more = page.length === DELIVERY_PAGE;
      await this.updateComplete;
      // Keep the keyboard where the new rows start.
      const first = page.find((d) => !seen.has(d.id));
      if (first) this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${first.id}"] button.open`)?.focus();
    } catch (err) {
      this.fail(err);
    } finally {
      this.busy = false;
    }
  }

  private async open(id: string): Promise<void> {
    this.error = '';
    try {
      this.detail = (await this.api?.delivery(id)) ?? null;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#delivery-heading')?.focus();
    } catch (err) {
      this.fail(err);
    }
  }

  private async back(): Promise<void> {
    const id = this.detail?.id;
    this.detail = null;
    void this.reload();
    await this.updateComplete;
    (this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${id}"] button.open`) ?? this.renderRoot.querySelector<HTMLElement>('#log-heading'))?.focus();
  }

  private async resend(d: WebhookDelivery): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const made = await this.api!.resend(d.id);
      this.emit('parley-webhook-log-said', { message: this.l10n.s.resent });
      await this.open(made.id);
    } catch (err) {
      this.fail(err);
    } finally {
      this.busy = false;
    }
  }

  private nameOf(id: string): string {
    return this.endpoints.find((e) => e.id === id)?.name ?? this.l10n.s.unknownEndpoint;
  }

  protected override render(): TemplateResult {
    return html`<section class="log" aria-labelledby=${this.detail ? 'delivery-heading' : 'log-heading'}>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.detail ? this.renderDetail(this.detail) : this.renderLog()}
    </section>`;
  }

  private renderLog(): TemplateResult {
    const s = this.l10n.s;
    const list = this.deliveries;
    const date = new Intl.DateTimeFormat(this.l10n.locale, { dateStyle: 'medium', timeStyle: 'medium' });
    return html`<h3 id="log-heading" tabindex="-1">${s.logHeading}</h3>
      <div class="row">
        <div>
          <label for="log-endpoint">${s.filterEndpoint}</label>
          <select
            id="log-endpoint"
            @change=${(e: Event) => {
              this.endpointId = (e.target as HTMLSelectElement).value;
              void this.reload();
            }}
          >
            <option value="" ?selected=${!this.endpointId}>${s.allEndpoints}</option>
            ${this.endpoints.map((e) => html`<option value=${e.id} ?selected=${e.id === this.endpointId}>${e.name}</option>`)}
          </select>
        </div>
        <button type="button" class="refresh" @click=${() => void this.reload()}>${s.refresh}</button>
      </div>
      ${list === null
        ? this.error
          ? html`<div class="state"><button type="button" @click=${() => void this.reload()}>${s.retry}</button></div>`
          : html`<p class="state">${s.loading}</p>`
        : list.length === 0
          ? html`<p class="state empty">${s.logEmpty}</p>`
          : html`<div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">${s.colTime}</th>
                      <th scope="col">${s.colEvent}</th>
                      <th scope="col">${s.colEndpoint}</th>
                      <th scope="col">${s.colStatus}</th>
                      <th scope="col">${s.colResult}</th>
                      <th scope="col" class="num">${s.colTries}</th>
                      <th scope="col" class="num">${s.colDuration}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${repeat(
                      list,
                      (d) => d.id,
                      (d) => html`<tr data-id=${d.id} data-status=${d.status}>
                        <th scope="row"><button type="button" class="link open" @click=${() => void this.open(d.id)}>${date.format(new Date(d.createdAt))}</button></th>
                        <td>${s.event[d.event] ?? d.event}</td>
                        <td>${this.nameOf(d.endpointId)}</td>
                        <td><span class="badge status-${d.status}">${s.status[d.status]}</span></td>
                        <td class="result">${resultOf(s, d)}</td>
                        <td class="num">${d.attempts}</td>
                        <td class="num">${d.lastDurationMs === null ? s.none : s.ms(d.lastDurationMs)}</td>
                      </tr>`,
                    )}
                  </tbody>
                </table>
              </div>
              ${this.more ? html`<button type="button" class="more" ?disabled=${this.busy} @click=${() => void this.showMore()}>${s.showMore}</button>` : html`<p class="hint">${s.noMore}</p>`}`}`;
  }

  private renderDetail(d: WebhookDeliveryDetail): TemplateResult {
    const s = this.l10n.s;
    const date = new Intl.DateTimeFormat(this.l10n.locale, { dateStyle: 'medium', timeStyle: 'medium' });
    return html`<button type="button" class="back" @click=${() => void this.back()}>${s.backToLog}</button>
      <h3 id="delivery-heading" tabindex="-1">
        ${s.deliveryHeading}: ${s.event[d.event] ?? d.event} <span class="badge status-${d.status}">${s.status[d.status]}</span>
        ${d.envelope.test ? html`<span class="badge">${s.test}</span>` : nothing}
      </h3>
      <dl class="summary">
        <div><dt>${s.summary}</dt><dd class="muted">${d.summary}</dd></div>
        <div><dt>${s.colEndpoint}</dt><dd>${this.nameOf(d.endpointId)}</dd></div>
        <div><dt>${s.createdAt}</dt><dd>${date.format(new Date(d.createdAt))}</dd></div>
        ${d.deliveredAt ? html`<div><dt>${s.deliveredAt}</dt><dd>${date.format(new Date(d.deliveredAt))}</dd></div>` : nothing}
      </dl>
      ${d.resendOf ? html`<p class="hint">${s.resendOf}</p>` : nothing}
      <div class="buttons">
        <button type="button" class="primary" ?disabled=${this.busy} @click=${() => void this.resend(d)}>${s.resend}</button>
      </div>
      <h4>${s.triesHeading}</h4>
      ${d.tries.length === 0
        ? html`<p class="state empty">${s.noTries}</p>`
        : html`<div class="table-wrap">
            <table class="tries">
              <thead>
                <tr>
                  <th scope="col" class="num">${s.colTry}</th>
                  <th scope="col">${s.colTime}</th>
                  <th scope="col">${s.colResult}</th>
                  <th scope="col" class="num">${s.colDuration}</th>
                </tr>
              </thead>
              <tbody>
                ${d.tries.map(
                  (t, i) => html`<tr>
                    <th scope="row" class="num">${i + 1}</th>
                    <td>${date.format(new Date(t.at))}</td>
                    <td class="result">${resultOf(s, { lastStatus: t.status, lastError: t.error })}</td>
                    <td class="num">${s.ms(t.ms)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
      <h4>${s.payload}</h4>
      <pre class="payload" tabindex="0" aria-label=${s.payload}>${JSON.stringify(d.envelope, null, 2)}</pre>`;
  }
}
