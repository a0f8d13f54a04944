import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { ApiTokenDomain, ApiTokenScope, ApiTokenView } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { editorStyles } from '../console-editor.js';
import { ParleyConsoleSubview, subviewHost } from '../console-subview.js';
import { kbBase } from '../kb/kb.styles.js';
import { ApiTokensApi } from './api-tokens-api.js';
import { apiTokensStrings, type Access } from './api-tokens.strings.js';

const ACCESS: readonly Access[] = ['none', 'read', 'write'];

/**
 * The API tokens tab of Settings (admins): create a token for an integration with an access level per
 * area (the secret shown once, with a copy button), see every token with its access and last use, and
 * revoke one after an inline confirmation. The server holds tokens to their scopes
 * (server/src/api-tokens/); this view only asks.
 *
 * @summary API tokens of the agent console (internal; a Settings tab for admins).
 * @fires parley-settings-unauthorized - The server refused the session: the console signs out.
 */
export class ParleyConsoleApiTokens extends ParleyConsoleSubview {
  static override styles = [
    kbBase,
    subviewHost,
    editorStyles,
    css`
      .access {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
        gap: 8px 16px;
      }
      .secret {
        display: flex;
        gap: 8px;
      }
      .secret input {
        flex: 1;
        font-family: ui-monospace, monospace;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: start;
        padding: 6px 8px;
        border-bottom: 1px solid var(--_border);
        vertical-align: top;
      }
      code {
        font-family: ui-monospace, monospace;
      }
      .created {
        border: 1px solid var(--_border);
        border-radius: var(--_radius-small);
        padding: 8px 12px;
        margin: 10px 0;
      }
    `,
  ];

  @state() private tokens: ApiTokenView[] | null = null;
  @state() private domains: ApiTokenDomain[] = [];
  @state() private loadError = '';
  @state() private name = '';
  @state() private access: Partial<Record<ApiTokenDomain, Access>> = {};
  @state() private formError = '';
  @state() private created: { name: string; secret: string } | null = null;
  @state() private confirming: string | null = null;
  @state() private busy = false;

  private readonly l10n = new LocaleController(this, apiTokensStrings);
  private api: ApiTokensApi | null = null;

  protected override sessionChanged(): void {
    this.api = this.token ? new ApiTokensApi(this.server, this.token, this.site, () => this.emit('parley-settings-unauthorized', {})) : null;
    if (this.api) void this.load();
  }

  async load(): Promise<void> {
    this.loadError = '';
    this.tokens = null;
    try {
      const r = await this.api!.list();
      this.domains = r.domains;
      this.tokens = r.tokens;
    } catch (err) {
      this.loadError = this.l10n.s.loadFailed(err instanceof Error ? err.message : String(err));
    }
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private scopes(): ApiTokenScope[] {
    return this.domains.flatMap((d) => {
      const a = this.access[d] ?? 'none';
      return a === 'none' ? [] : [`${d}:${a}` as ApiTokenScope];
    });
  }

  private async onCreate(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const s = this.l10n.s;
    const scopes = this.scopes();
    this.formError = '';
    // An empty name goes to the server, which says so; no access at all is caught here, in the form's words.
    if (scopes.length === 0) {
      this.formError = s.noScope;
      return this.focusOn('#form-error');
    }
    this.busy = true;
    try {
      const made = await this.api!.create({ name: this.name, scopes });
      this.created = { name: made.token.name, secret: made.secret };
      this.tokens = [made.token, ...(this.tokens ?? [])];
      this.name = '';
      this.access = {};
      await this.focusOn('#created-heading');
    } catch (err) {
      this.formError = s.createFailed(err instanceof Error ? err.message : String(err));
      await this.focusOn('#form-error');
    } finally {
      this.busy = false;
    }
  }

  private async copy(): Promise<void> {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#secret');
    if (!input) return;
    input.select();
    try {
      await navigator.clipboard.writeText(input.value);
      void this.say(this.l10n.s.copied);
    } catch {
      // No clipboard permission (an insecure origin, a policy): the text stays selected for Ctrl+C.
    }
  }

  private async revoke(t: ApiTokenView): Promise<void> {
    if (this.busy) return;
    const s = this.l10n.s;
    this.busy = true;
    try {
      const { token } = await this.api!.revoke(t.id);
      this.tokens = (this.tokens ?? []).map((x) => (x.id === t.id ? { ...x, revokedAt: token.revokedAt } : x));
      this.confirming = null;
      void this.say(s.revoked(t.name));
      await this.focusOn('#list-heading');
    } catch (err) {
      void this.say(s.revokeFailed(err instanceof Error ? err.message : String(err)));
    } finally {
      this.busy = false;
    }
  }

  private date(iso: string): string {
    return new Intl.DateTimeFormat(this.l10n.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    return html`<h3 id="api-tokens-heading" tabindex="-1">${s.heading}</h3>
      <p class="hint">${s.intro} <a href=${`${this.server}/api/docs`} target="_blank" rel="noopener">${s.docsLink}</a></p>
      ${this.created ? this.renderCreated(this.created) : this.renderForm()}
      <h4 id="list-heading" tabindex="-1">${s.listHeading}</h4>
      ${this.loadError
        ? html`<div class="state"><p class="error" role="alert">${this.loadError}</p><button type="button" @click=${() => void this.load()}>${s.retry}</button></div>`
        : this.tokens === null
          ? html`<p class="state" role="status">${s.loading}</p>`
          : this.tokens.length === 0
            ? html`<p class="state empty">${s.empty}</p>`
            : this.renderList(this.tokens)}
      <div class="visually-hidden" role="status">${this.announcement}</div>`;
  }

  private renderForm(): TemplateResult {
    const s = this.l10n.s;
    return html`<form novalidate @submit=${(e: Event) => void this.onCreate(e)}>
      <fieldset>
        <legend>${s.newLegend}</legend>
        <label for="token-name">${s.nameLabel}</label>
        <input id="token-name" maxlength="100" .value=${this.name} @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)} />
        <p class="hint" id="access-hint">${s.accessHint}</p>
        <div class="access">
          ${this.domains.map(
            (d) => html`<div>
              <label for="access-${d}">${s.accessLabel(s.domain[d])}</label>
              <select id="access-${d}" aria-describedby="access-hint" @change=${(e: Event) => (this.access = { ...this.access, [d]: (e.target as HTMLSelectElement).value as Access })}>
                ${ACCESS.map((a) => html`<option value=${a} ?selected=${(this.access[d] ?? 'none') === a}>${s.access[a]}</option>`)}
              </select>
            </div>`,
          )}
        </div>
      </fieldset>
      ${this.formError ? html`<p id="form-error" class="error" role="alert" tabindex="-1">${this.formError}</p>` : nothing}
      <div class="buttons"><button type="submit" class="primary" ?disabled=${this.busy || this.tokens === null}>${s.create}</button></div>
    </form>`;
  }

  private renderCreated(c: { name: string; secret: string }): TemplateResult {
    const s = this.l10n.s;
    return html`<section class="created" aria-labelledby="created-heading">
      <h4 id="created-heading" tabindex="-1">${s.createdHeading(c.name)}</h4>
      <p class="notice" id="created-hint">${s.createdHint}</p>
      <label for="secret">${s.secretLabel}</label>
      <div class="secret">
        <input id="secret" readonly aria-describedby="created-hint" .value=${c.secret} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        <button type="button" @click=${() => void this.copy()}>${s.copy}</button>
      </div>
      <div class="buttons">
        <button type="button" class="primary" @click=${() => ((this.created = null), void this.focusOn('#token-name'))}>${s.done}</button>
      </div>
    </section>`;
  }

  private renderList(tokens: ApiTokenView[]): TemplateResult {
    const s = this.l10n.s;
    const scopeText = (t: ApiTokenView) =>
      t.scopes
        .map((sc) => {
          const [d, a] = sc.split(':') as [ApiTokenDomain, 'read' | 'write'];
          return `${s.domain[d] ?? d}: ${s.access[a]}`;
        })
        .join('; ');
    return html`<table aria-labelledby="list-heading">
      <thead>
        <tr>
          <th scope="col">${s.columns.name}</th>
          <th scope="col">${s.columns.scopes}</th>
          <th scope="col">${s.columns.created}</th>
          <th scope="col">${s.columns.lastUsed}</th>
          <th scope="col">${s.columns.state}</th>
        </tr>
      </thead>
      <tbody>
        ${tokens.map(
          (t) => html`<tr data-id=${t.id}>
            <th scope="row">${t.name}<br /><code>${t.prefix}…</code></th>
            <td>${scopeText(t)}</td>
            <td>${s.createdBy(this.date(t.createdAt), t.createdBy?.name ?? '')}</td>
            <td>${t.lastUsedAt ? this.date(t.lastUsedAt) : s.never}</td>
            <td>
              ${t.revokedAt
                ? s.revokedAt(this.date(t.revokedAt))
                : this.confirming === t.id
                  ? html`<div role="group" aria-labelledby="confirm-${t.id}">
                      <p id="confirm-${t.id}">${s.confirmRevoke(t.name)}</p>
                      <button type="button" class="danger" ?disabled=${this.busy} @click=${() => void this.revoke(t)}>${s.revokeForGood}</button>
                      <button type="button" @click=${() => ((this.confirming = null), void this.focusOn(`tr[data-id="${t.id}"] button.revoke`))}>${s.cancel}</button>
                    </div>`
                  : html`${s.active}
                      <button type="button" class="revoke" aria-label=${s.revoke(t.name)} @click=${() => ((this.confirming = t.id), void this.focusOn(`tr[data-id="${t.id}"] button.danger`))}>
                        ${s.revokeForGood}
                      </button>`}
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
