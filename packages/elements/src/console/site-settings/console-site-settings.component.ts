import { css, html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { SUPPORTED_LOCALES, type LauncherSide, type LocaleTexts, type SecretRotation, type SiteSettings } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { editorStyles } from '../console-editor.js';
import { ParleyConsoleSubview, subviewHost } from '../console-subview.js';
import { kbBase } from '../kb/kb.styles.js';
import { contrastWithWhite, SiteApi } from './site-api.js';
import { siteSettingsStrings } from './site-settings.strings.js';

interface Draft {
  name: string;
  origins: string;
  jwks: string;
  colour: string;
  position: LauncherSide;
  offset: string;
  greeting: LocaleTexts;
  offlineMessage: LocaleTexts;
}

const draftOf = (s: SiteSettings): Draft => ({
  name: s.name,
  origins: s.allowedOrigins.join('\n'),
  jwks: s.employeeJwksUrl ?? '',
  colour: s.widget.colour,
  position: s.widget.position,
  offset: String(s.widget.offset),
  greeting: { ...s.widget.greeting },
  offlineMessage: { ...s.widget.offlineMessage },
});

/**
 * The Site tab of Settings, for admins: name, public key, allowed origins, employee JWKS URL, the chat
 * launcher (colour with a live preview and its contrast against white text, side, offset), greeting and
 * offline message per language, and rotating the identity secret (confirmed in a dialog; the new
 * secret is shown once, with a copy button; the old one works for 24 hours more).
 *
 * @summary Site settings of the agent console (internal; a Settings tab for admins).
 * @fires parley-settings-unauthorized - The server refused the token: the console signs out.
 */
export class ParleyConsoleSiteSettings extends ParleyConsoleSubview {
  static override styles = [
    kbBase,
    subviewHost,
    editorStyles,
    css`
      input.wide,
      textarea.wide {
        width: min(100%, 40em);
      }
      .swatch-row {
        display: flex;
        align-items: center;
        gap: 16px;
        flex-wrap: wrap;
      }
      .swatch {
        width: 56px;
        height: 56px;
        border-radius: 50%;
        display: grid;
        place-items: center;
        color: #fff;
        box-shadow: 0 4px 14px rgb(0 0 0 / 0.18);
      }
      .swatch svg {
        width: 28px;
        height: 28px;
      }
      .warning {
        color: var(--_danger);
        margin: 4px 0;
      }
      .secret-once {
        border: 2px solid var(--_accent);
        border-radius: var(--_radius-small);
        padding: 8px 12px;
        margin: 12px 0;
      }
      .secret-once input {
        font-family: ui-monospace, monospace;
        width: min(100%, 36em);
      }
      code {
        font-family: ui-monospace, monospace;
      }
    `,
  ];

  @state() private sites: SiteSettings[] | null = null;
  @state() private current: SiteSettings | null = null;
  @state() private draft: Draft | null = null;
  @state() private error = '';
  @state() private busy = false;
  @state() private secretOnce: SecretRotation | null = null;

  @query('dialog') private dialogEl?: HTMLDialogElement;

  private readonly l10n = new LocaleController(this, siteSettingsStrings);
  private api: SiteApi | null = null;

  protected override sessionChanged(): void {
    this.api = this.token ? new SiteApi(this.server, this.token, () => this.emit('parley-settings-unauthorized', {})) : null;
    if (this.api) void this.load();
  }

  private fail(err: unknown): void {
    this.error = this.l10n.s.failed(err instanceof Error ? err.message : String(err));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.error')?.focus());
  }

  async load(): Promise<void> {
    this.error = '';
    try {
      const sites = (await this.api?.list()) ?? [];
      this.sites = sites;
      this.pick(sites.find((s) => s.id === (this.current?.id ?? this.site)) ?? sites[0] ?? null);
    } catch (err) {
      this.fail(err);
    }
  }

  private pick(site: SiteSettings | null): void {
    this.current = site;
    this.draft = site ? draftOf(site) : null;
    this.secretOnce = null;
  }

  private set(patch: Partial<Draft>): void {
    this.draft = { ...this.draft!, ...patch };
  }

  private async onSave(e: Event): Promise<void> {
    e.preventDefault();
    const d = this.draft;
    const site = this.current;
    if (!d || !site) return;
    this.busy = true;
    this.error = '';
    try {
      const saved = await this.api!.update(site.id, {
        name: d.name,
        allowedOrigins: d.origins.split('\n').map((o) => o.trim()).filter(Boolean),
        employeeJwksUrl: d.jwks.trim() || null,
        widget: {
          colour: d.colour,
          position: d.position,
          offset: Number(d.offset),
          greeting: Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, d.greeting[l] ?? ''])),
          offlineMessage: Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, d.offlineMessage[l] ?? ''])),
        },
      });
      this.sites = (this.sites ?? []).map((s) => (s.id === saved.id ? saved : s));
      this.current = saved;
      this.draft = draftOf(saved);
      void this.say(this.l10n.s.saved);
    } catch (err) {
      this.fail(err);
    } finally {
      this.busy = false;
    }
  }

  private async rotate(): Promise<void> {
    this.dialogEl?.close();
    const site = this.current;
    if (!site) return;
    this.busy = true;
    this.error = '';
    try {
      this.secretOnce = await this.api!.rotate(site.id);
      this.current = { ...site, previousSecretExpiresAt: this.secretOnce.previousValidUntil };
      void this.say(this.l10n.s.rotated);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#secret-once')?.focus();
    } catch (err) {
      this.fail(err);
    } finally {
      this.busy = false;
    }
  }

  private async copy(): Promise<void> {
    const s = this.l10n.s;
    const field = this.renderRoot.querySelector<HTMLInputElement>('#secret-once');
    try {
      await navigator.clipboard.writeText(this.secretOnce?.secret ?? '');
      void this.say(s.copied);
    } catch {
      // No clipboard permission (an http console, an old browser): leave it ready for the keyboard.
      field?.focus();
      field?.select();
      void this.say(s.copyFailed);
    }
  }

  private when(iso: string): string {
    return new Intl.DateTimeFormat(this.l10n.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    return html`<h3 id="site-heading" tabindex="-1">${s.heading}</h3>
      ${this.error ? html`<p class="error" role="alert" tabindex="-1">${this.error}</p>` : nothing}
      ${this.sites === null
        ? this.error
          ? html`<div class="state"><button type="button" @click=${() => void this.load()}>${s.retry}</button></div>`
          : html`<p class="state" role="status">${s.loading}</p>`
        : this.sites.length === 0 || !this.draft
          ? html`<p class="state empty">${s.empty}</p>`
          : html`${this.sites.length > 1
                ? html`<div>
                    <label for="site-pick">${s.siteLabel}</label>
                    <select id="site-pick" @change=${(e: Event) => this.pick(this.sites!.find((x) => x.id === (e.target as HTMLSelectElement).value) ?? null)}>
                      ${this.sites.map((x) => html`<option value=${x.id} ?selected=${x.id === this.current?.id}>${x.name}</option>`)}
                    </select>
                  </div>`
                : nothing}
              ${this.renderForm(this.draft)} ${this.renderSecret()}`}
      <dialog aria-labelledby="rotate-heading" @close=${() => this.secretOnce === null && this.renderRoot.querySelector<HTMLElement>('button.rotate')?.focus()}>
        <h3 id="rotate-heading">${s.confirmRotateHeading}</h3>
        <p>${s.confirmRotateText}</p>
        <div class="buttons">
          <button type="button" class="danger" @click=${() => void this.rotate()}>${s.confirmRotate}</button>
          <button type="button" autofocus @click=${() => this.dialogEl?.close()}>${s.cancel}</button>
        </div>
      </dialog>
      <div class="visually-hidden" role="status">${this.announcement}</div>`;
  }

  private renderForm(d: Draft): TemplateResult {
    const s = this.l10n.s;
    const ratio = contrastWithWhite(d.colour);
    const texts = (which: 'greeting' | 'offlineMessage') =>
      html`<div class="localized">
        ${SUPPORTED_LOCALES.map(
          (l) => html`<div>
            <label for="${which}-${l}">${s.language[l]}</label>
            <textarea id="${which}-${l}" lang=${l} rows="2" maxlength="500" aria-describedby="${which}-hint" .value=${d[which][l] ?? ''} @input=${(e: Event) => this.set({ [which]: { ...this.draft![which], [l]: (e.target as HTMLTextAreaElement).value } })}></textarea>
          </div>`,
        )}
      </div>`;
    return html`<form @submit=${(e: Event) => void this.onSave(e)}>
      <fieldset>
        <legend>${s.generalLegend}</legend>
        <div><label for="site-name">${s.name}</label><input id="site-name" class="wide" maxlength="80" required .value=${d.name} @input=${(e: Event) => this.set({ name: (e.target as HTMLInputElement).value })} /></div>
        <div>
          <label for="site-key">${s.key}</label>
          <input id="site-key" class="wide" readonly aria-describedby="site-key-hint" .value=${this.current!.key} />
          <p class="hint" id="site-key-hint">${s.keyHint}</p>
        </div>
        <div>
          <label for="origins">${s.origins}</label>
          <textarea id="origins" class="wide" rows="3" spellcheck="false" aria-describedby="origins-hint" .value=${d.origins} @input=${(e: Event) => this.set({ origins: (e.target as HTMLTextAreaElement).value })}></textarea>
          <p class="hint" id="origins-hint">${s.originsHint}</p>
        </div>
        <div>
          <label for="jwks">${s.jwks}</label>
          <input id="jwks" class="wide" type="url" spellcheck="false" placeholder="https://" aria-describedby="jwks-hint" .value=${d.jwks} @input=${(e: Event) => this.set({ jwks: (e.target as HTMLInputElement).value })} />
          <p class="hint" id="jwks-hint">${s.jwksHint}</p>
        </div>
      </fieldset>
      <fieldset>
        <legend>${s.widgetLegend}</legend>
        <div class="swatch-row">
          <div>
            <label for="colour">${s.colour}</label>
            <input id="colour" type="color" .value=${ratio === null ? '#2f5bd3' : d.colour} @input=${(e: Event) => this.set({ colour: (e.target as HTMLInputElement).value })} />
          </div>
          <div>
            <label for="colour-hex">${s.colourHex}</label>
            <input id="colour-hex" size="9" spellcheck="false" aria-describedby="contrast" .value=${d.colour} @input=${(e: Event) => this.set({ colour: (e.target as HTMLInputElement).value.trim() })} />
          </div>
          <div class="swatch" role="img" aria-label=${s.preview} style=${styleMap({ background: ratio === null ? 'transparent' : d.colour })}>
            <svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z" /></svg>
          </div>
          <p id="contrast" class=${ratio !== null && ratio < 4.5 ? 'warning' : 'hint'} aria-live="polite">
            ${ratio === null ? nothing : ratio < 4.5 ? s.lowContrast(ratio.toFixed(2)) : s.contrast(ratio.toFixed(2))}
          </p>
        </div>
        <div class="row">
          <div>
            <label for="position">${s.position}</label>
            <select id="position" @change=${(e: Event) => this.set({ position: (e.target as HTMLSelectElement).value as LauncherSide })}>
              ${(['right', 'left'] as const).map((p) => html`<option value=${p} ?selected=${d.position === p}>${s.side[p]}</option>`)}
            </select>
          </div>
          <div>
            <label for="offset">${s.offset}</label>
            <input id="offset" type="number" min="0" max="200" step="1" aria-describedby="offset-hint" .value=${d.offset} @input=${(e: Event) => this.set({ offset: (e.target as HTMLInputElement).value })} />
          </div>
        </div>
        <p class="hint" id="offset-hint">${s.offsetHint}</p>
      </fieldset>
      <fieldset>
        <legend>${s.greetingLegend}</legend>
        <p class="hint" id="greeting-hint">${s.greetingHint}</p>
        ${texts('greeting')}
      </fieldset>
      <fieldset>
        <legend>${s.offlineLegend}</legend>
        <p class="hint" id="offlineMessage-hint">${s.offlineHint}</p>
        ${texts('offlineMessage')}
      </fieldset>
      <div class="buttons"><button type="submit" class="primary" ?disabled=${this.busy}>${s.save}</button></div>
    </form>`;
  }

  private renderSecret(): TemplateResult {
    const s = this.l10n.s;
    const once = this.secretOnce;
    const until = this.current?.previousSecretExpiresAt;
    return html`<fieldset>
      <legend>${s.secretLegend}</legend>
      <p class="hint">${s.secretIntro}</p>
      ${until && !once ? html`<p class="notice">${s.previousValid(this.when(until))}</p>` : nothing}
      ${once
        ? html`<section class="secret-once" aria-labelledby="secret-once-heading">
            <h4 id="secret-once-heading">${s.secretOnceHeading}</h4>
            <div class="row">
              <div>
                <label for="secret-once">${s.secretOnceLabel}</label>
                <input id="secret-once" readonly spellcheck="false" aria-describedby="secret-once-note" .value=${once.secret} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
              </div>
              <button type="button" @click=${() => void this.copy()}>${s.copy}</button>
            </div>
            <p class="notice" id="secret-once-note">${s.secretOnceNote(this.when(once.previousValidUntil))}</p>
            <button
              type="button"
              @click=${async () => {
                this.secretOnce = null;
                await this.updateComplete;
                this.renderRoot.querySelector<HTMLElement>('button.rotate')?.focus();
              }}
            >
              ${s.done}
            </button>
          </section>`
        : html`<button type="button" class="rotate" ?disabled=${this.busy} @click=${() => this.dialogEl?.showModal()}>${s.rotate}</button>`}
    </fieldset>`;
  }
}
