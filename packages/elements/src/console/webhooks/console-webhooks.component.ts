import { html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { WebhookEndpoint } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { ParleyConsoleSubview, subviewHost } from '../console-subview.js';
import { editorStyles } from '../console-editor.js';
import { kbBase } from '../kb/kb.styles.js';
import { maskedSecret, type ParleyConsoleWebhookEditor } from './webhook-editor.component.js';
import type { ParleyConsoleWebhookLog } from './webhook-log.component.js';
import { WebhooksApi } from './webhooks-api.js';
import { webhooksStrings } from './webhooks.strings.js';
import { webhooksStyles } from './webhooks.styles.js';

declare global {
  interface HTMLElementEventMap {
    'parley-webhooks-unauthorized': CustomEvent<Record<string, never>>;
  }
}

type Screen = { kind: 'list' } | { kind: 'edit'; endpoint: WebhookEndpoint | null };

/**
 * The console's Integrations view, for admins: the site's webhook endpoints (signed JSON for a service
 * of theirs, or a DingTalk / WeCom / Feishu group robot), the editor with its test event, and the
 * delivery log with every try and resending. Talks to `/api/console/webhooks`; docs/webhooks.md is the
 * receiver's side.
 *
 * @summary Integrations of the agent console (internal; rendered by `<parley-console>` for admins).
 * @fires parley-webhooks-unauthorized - The server refused the token: the console signs the agent out.
 */
export class ParleyConsoleWebhooks extends ParleyConsoleSubview {
  static override styles = [kbBase, subviewHost, editorStyles, webhooksStyles];

  @state() private screen: Screen = { kind: 'list' };
  @state() private endpoints: WebhookEndpoint[] | null = null;
  @state() private error = '';

  @query('parley-console-webhook-editor') private editorEl?: ParleyConsoleWebhookEditor;
  @query('parley-console-webhook-log') private logEl?: ParleyConsoleWebhookLog;

  private readonly l10n = new LocaleController(this, webhooksStrings);
  private api: WebhooksApi | null = null;

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#webhooks-heading')?.focus();
  }

  protected override sessionChanged(): void {
    this.api = this.token ? new WebhooksApi(this.server, this.token, this.site, () => this.emit('parley-webhooks-unauthorized', {})) : null;
    if (this.api) void this.loadList();
  }

  /** Says `message` in the live region, even when it is the same words as last time. */

  private async loadList(): Promise<void> {
    this.error = '';
    try {
      this.endpoints = (await this.api?.list()) ?? null;
    } catch (err) {
      this.error = this.l10n.s.failed(err instanceof Error ? err.message : String(err));
    }
  }

  private async show(screen: Screen, focus?: string): Promise<void> {
    this.screen = screen;
    this.error = '';
    if (screen.kind === 'list') void this.loadList();
    await this.updateComplete;
    if (screen.kind === 'edit') {
      await this.editorEl?.updateComplete;
      this.editorEl?.focusHeading();
      return;
    }
    // The log may have gained rows (tests, new events) while the editor was open.
    void this.logEl?.reload();
    ((focus ? this.renderRoot.querySelector<HTMLElement>(`table.endpoints tr[data-id="${focus}"] button.open`) : null) ?? this.renderRoot.querySelector<HTMLElement>('#webhooks-heading'))?.focus();
  }

  private async onChanged(e: CustomEvent<{ endpoint: WebhookEndpoint | null; message: string }>): Promise<void> {
    if (e.detail.message) void this.say(e.detail.message);
    await this.loadList();
    if (!e.detail.endpoint) await this.show({ kind: 'list' });
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    const screen = this.screen;
    return html`
      <h2 id="webhooks-heading" tabindex="-1">${s.heading}</h2>
      ${screen.kind !== 'list'
        ? html`<button type="button" class="back" @click=${() => void this.show({ kind: 'list' }, this.editorEl?.current?.id)}>${s.back}</button>`
        : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${screen.kind === 'list' ? this.renderList() : nothing}
      ${screen.kind === 'edit'
        ? html`<parley-console-webhook-editor .api=${this.api} .endpoint=${screen.endpoint} @parley-webhook-changed=${this.onChanged}></parley-console-webhook-editor>`
        : nothing}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  private renderList(): TemplateResult {
    const s = this.l10n.s;
    const list = this.endpoints;
    return html`<p class="hint">${s.intro}</p>
      <h3>${s.endpointsHeading}</h3>
      <button type="button" class="primary" @click=${() => void this.show({ kind: 'edit', endpoint: null })}>${s.newEndpoint}</button>
      ${list === null
        ? this.error
          ? html`<div class="state"><button type="button" @click=${() => void this.loadList()}>${s.retry}</button></div>`
          : html`<p class="state">${s.loading}</p>`
        : list.length === 0
          ? html`<p class="state empty">${s.empty}</p>`
          : html`<div class="table-wrap">
              <table class="endpoints">
                <thead>
                  <tr>
                    <th scope="col">${s.colName}</th>
                    <th scope="col">${s.colFormat}</th>
                    <th scope="col">${s.colUrl}</th>
                    <th scope="col">${s.colEvents}</th>
                    <th scope="col">${s.colActive}</th>
                    <th scope="col">${s.colSecret}</th>
                  </tr>
                </thead>
                <tbody>
                  ${repeat(
                    list,
                    (e) => e.id,
                    (e) => html`<tr data-id=${e.id}>
                      <th scope="row"><button type="button" class="link open" @click=${() => void this.show({ kind: 'edit', endpoint: e })}>${e.name}</button></th>
                      <td>${s.format[e.format]}</td>
                      <td class="url">${e.url}</td>
                      <td title=${e.events.map((ev) => s.event[ev]).join(', ')}>${s.eventsCount(e.events.length)}</td>
                      <td>${e.active ? s.on : html`<span class="muted">${s.off}</span>`}</td>
                      <td class="code">${maskedSecret(e.secretHint) ?? s.none}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`}
      ${list
        ? html`<parley-console-webhook-log .api=${this.api} .endpoints=${list} @parley-webhook-log-said=${(e: CustomEvent<{ message: string }>) => void this.say(e.detail.message)}></parley-console-webhook-log>`
        : nothing}`;
  }
}
