import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS, type Locale, type WebhookEndpoint, type WebhookEndpointWithSecret, type WebhookEventType, type WebhookFormat } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import { editorStyles } from '../console-editor.js';
import { kbBase } from '../kb/kb.styles.js';
import type { WebhooksApi } from './webhooks-api.js';
import { webhooksStrings } from './webhooks.strings.js';
import { webhooksStyles } from './webhooks.styles.js';

declare global {
  interface HTMLElementEventMap {
    /** Created, saved, rotated, tested or deleted: `detail.endpoint` (null when deleted) and what to announce. */
    'parley-webhook-changed': CustomEvent<{ endpoint: WebhookEndpoint | null; message: string }>;
  }
}

const LOCALES: readonly Locale[] = ['en', 'zh-CN', 'zh-TW'];

interface Draft {
  name: string;
  url: string;
  format: WebhookFormat;
  events: WebhookEventType[];
  locale: Locale;
  secret: string;
  active: boolean;
}

const draftOf = (e: WebhookEndpoint | null): Draft => ({
  name: e?.name ?? '',
  url: e?.url ?? '',
  format: e?.format ?? 'parley',
  events: e ? [...e.events] : [],
  locale: e?.locale ?? 'en',
  secret: '',
  active: e?.active ?? true,
});

/** `…abcd` from the server, shown the way a masked secret usually is. */
export const maskedSecret = (hint: string | null): string | null => (hint ? `••••${hint.replace(/^…/, '')}` : null);

/**
 * One webhook endpoint being made or changed: name, URL, format (fixed once made), events, the language
 * of robot messages, the signing secret and whether it is on; then a test event with the endpoint's
 * answer, rotating the secret, deleting. A secret the server makes (create, rotate) is shown here once.
 * The server validates; its message is shown as is.
 *
 * @summary The webhook endpoint editor (internal; rendered by the console's Integrations view).
 * @fires parley-webhook-changed - Created, saved, rotated, tested or deleted: `detail.endpoint` (null when deleted) and what to announce.
 */
export class ParleyConsoleWebhookEditor extends ParleyElement {
  static override styles = [kbBase, editorStyles, webhooksStyles];

  @property({ attribute: false }) api: WebhooksApi | null = null;
  /** The endpoint to edit; null for a new one. */
  @property({ attribute: false }) endpoint: WebhookEndpoint | null = null;

  @state() private draft: Draft = draftOf(null);
  @state() private busy = false;
  @state() private error = '';
  /** The whole secret, right after the server made or rotated it; gone when the editor closes. */
  @state() private secretOnce: string | null = null;
  @state() private testResult = '';

  /** What is saved so far: the property's endpoint, then each answer. */
  @state() private saved: WebhookEndpoint | null = null;
  private readonly l10n = new LocaleController(this, webhooksStrings);

  /** The endpoint as saved so far (null until a new one is created), for the list to return to. */
  get current(): WebhookEndpoint | null {
    return this.saved;
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint')) {
      this.saved = this.endpoint;
      this.draft = draftOf(this.endpoint);
      this.error = '';
      this.secretOnce = null;
      this.testResult = '';
    }
  }

  private edit(fn: (d: Draft) => void): void {
    fn(this.draft);
    this.requestUpdate();
  }

  private async run(action: () => Promise<{ endpoint: WebhookEndpoint | null; message: string }>): Promise<void> {
    if (this.busy || !this.api) return;
    this.busy = true;
    this.error = '';
    try {
      const { endpoint, message } = await action();
      this.emit('parley-webhook-changed', { endpoint, message });
    } catch (err) {
      this.error = this.l10n.s.failed(err instanceof Error ? err.message : String(err));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error[role="alert"]')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private showSecret(e: WebhookEndpoint | WebhookEndpointWithSecret): void {
    this.secretOnce = 'secret' in e ? e.secret : null;
  }

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    const s = this.l10n.s;
    const d = this.draft;
    const secret = d.secret.trim();
    void this.run(async () => {
      const api = this.api!;
      if (!this.saved) {
        const made = await api.create({ name: d.name.trim(), url: d.url.trim(), format: d.format, events: d.events, locale: d.locale, active: d.active, ...(secret ? { secret } : {}) });
        this.saved = made;
        this.draft = { ...this.draft, secret: '' };
        this.showSecret(made);
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLInputElement>('#secret-once')?.focus();
        return { endpoint: made, message: s.created };
      }
      const updated = await api.update(this.saved.id, { name: d.name.trim(), url: d.url.trim(), events: d.events, locale: d.locale, active: d.active, ...(secret ? { secret } : {}) });
      this.saved = updated;
      this.draft = { ...this.draft, secret: '' };
      return { endpoint: updated, message: s.saved };
    });
  }

  private onRotate(): void {
    const s = this.l10n.s;
    if (!this.saved || !confirm(s.confirmRotate)) return;
    const id = this.saved.id;
    void this.run(async () => {
      const rotated = await this.api!.update(id, { rotateSecret: true });
      this.saved = rotated;
      this.showSecret(rotated);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#secret-once')?.focus();
      return { endpoint: rotated, message: s.rotated };
    });
  }

  private onDelete(): void {
    const s = this.l10n.s;
    if (!this.saved || !confirm(s.confirmDelete)) return;
    const id = this.saved.id;
    void this.run(() => this.api!.remove(id).then(() => ({ endpoint: null, message: s.deleted })));
  }

  /** Sent by the server at once; what the endpoint answered goes to the live region beside the button. */
  private onTest(): void {
    const s = this.l10n.s;
    if (!this.saved) return;
    const id = this.saved.id;
    this.testResult = s.testing;
    void this.run(async () => {
      try {
        const d = await this.api!.test(id);
        this.testResult = d.lastStatus !== null && d.status === 'delivered' ? s.testAnswered(d.lastStatus, d.lastDurationMs) : s.testFailed(d.lastError ?? (d.lastStatus !== null ? s.httpStatus(d.lastStatus) : s.status[d.status]));
      } catch (err) {
        this.testResult = '';
        throw err;
      }
      return { endpoint: this.saved, message: '' };
    });
  }

  private async onCopy(): Promise<void> {
    const s = this.l10n.s;
    const field = this.renderRoot.querySelector<HTMLInputElement>('#secret-once');
    try {
      await navigator.clipboard.writeText(this.secretOnce ?? '');
      this.emit('parley-webhook-changed', { endpoint: this.saved, message: s.copied });
    } catch {
      // No clipboard permission (an http console, an old browser): leave it ready for the keyboard.
      field?.focus();
      field?.select();
      this.emit('parley-webhook-changed', { endpoint: this.saved, message: s.copyFailed });
    }
  }

  private renderSecretOnce(): TemplateResult {
    const s = this.l10n.s;
    return html`<section class="secret-once" aria-labelledby="secret-once-heading">
      <h4 id="secret-once-heading">${s.secretOnceHeading}</h4>
      <div class="row">
        <div>
          <label for="secret-once">${s.secretOnceLabel}</label>
          <input id="secret-once" readonly aria-describedby="secret-once-note" .value=${this.secretOnce ?? ''} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        </div>
        <button type="button" @click=${() => void this.onCopy()}>${s.copy}</button>
      </div>
      <p class="notice" id="secret-once-note">${s.secretOnceNote}</p>
    </section>`;
  }

  private renderSecretField(): TemplateResult | typeof nothing {
    const s = this.l10n.s;
    const d = this.draft;
    const saved = this.saved;
    if (d.format === 'wecom') return html`<p class="hint">${s.secretHint.wecom}</p>`;
    const hint = maskedSecret(saved?.secretHint ?? null);
    if (saved && d.format === 'parley') return html`<p>${s.currentSecret(hint ?? s.none)}</p>`;
    return html`<div>
      ${saved ? html`<p>${s.currentSecret(hint ?? s.none)}</p>` : nothing}
      <label for="secret">${saved ? s.newSecret : s.secret}</label>
      <input id="secret" class="wide" autocomplete="off" spellcheck="false" aria-describedby="secret-hint" .value=${d.secret} @input=${(e: Event) => this.edit((x) => (x.secret = (e.target as HTMLInputElement).value))} />
      <p class="hint" id="secret-hint">${saved ? s.newSecretHint : s.secretHint[d.format]}</p>
    </div>`;
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    const d = this.draft;
    const saved = this.saved;
    return html`<form @submit=${this.onSubmit} aria-busy=${this.busy ? 'true' : 'false'}>
      <h3 tabindex="-1">${saved ? s.editHeading : s.newHeading}</h3>
      ${this.secretOnce ? this.renderSecretOnce() : nothing}
      <div>
        <label for="name">${s.name}</label>
        <input id="name" class="wide" required maxlength="100" .value=${d.name} @input=${(e: Event) => this.edit((x) => (x.name = (e.target as HTMLInputElement).value))} />
      </div>
      <div>
        <label for="url">${s.url}</label>
        <input id="url" class="wide" required spellcheck="false" aria-describedby="url-hint" .value=${d.url} @input=${(e: Event) => this.edit((x) => (x.url = (e.target as HTMLInputElement).value))} />
        <p class="hint" id="url-hint">${s.urlHint}</p>
      </div>

      <fieldset ?disabled=${Boolean(saved)} aria-describedby=${saved ? 'format-fixed' : nothing}>
        <legend>${s.formatLegend}</legend>
        ${WEBHOOK_FORMATS.map(
          (f) => html`<div class="choice">
            <label class="check"><input type="radio" name="format" aria-describedby=${`format-${f}-hint`} .checked=${d.format === f} @change=${() => this.edit((x) => (x.format = f))} /> ${s.format[f]}</label>
            <p class="hint" id=${`format-${f}-hint`}>${s.formatHint[f]}</p>
          </div>`,
        )}
        ${saved ? html`<p class="hint" id="format-fixed">${s.formatFixed}</p>` : nothing}
      </fieldset>

      <fieldset>
        <legend>${s.eventsLegend}</legend>
        <div class="events">
          ${WEBHOOK_EVENTS.map(
            (ev) => html`<label class="check"><input type="checkbox" value=${ev} .checked=${d.events.includes(ev)} @change=${(e: Event) =>
              this.edit((x) => (x.events = (e.target as HTMLInputElement).checked ? WEBHOOK_EVENTS.filter((k) => k === ev || x.events.includes(k)) : x.events.filter((k) => k !== ev)))} /> ${s.event[ev]}</label>`,
          )}
        </div>
      </fieldset>

      <div>
        <label for="locale">${s.localeLabel}</label>
        <select id="locale" aria-describedby="locale-hint" @change=${(e: Event) => this.edit((x) => (x.locale = (e.target as HTMLSelectElement).value as Locale))}>
          ${LOCALES.map((l) => html`<option value=${l} ?selected=${d.locale === l}>${s.language[l]}</option>`)}
        </select>
        <p class="hint" id="locale-hint">${s.localeHint}</p>
      </div>

      ${this.renderSecretField()}

      <div class="choice">
        <label class="check"><input type="checkbox" aria-describedby="active-hint" .checked=${d.active} @change=${(e: Event) => this.edit((x) => (x.active = (e.target as HTMLInputElement).checked))} /> ${s.active}</label>
        <p class="hint" id="active-hint">${s.activeHint}</p>
      </div>

      ${this.error ? html`<p class="error" role="alert" tabindex="-1">${this.error}</p>` : nothing}
      <div class="buttons">
        <button type="submit" class="primary" ?disabled=${this.busy}>${s.save}</button>
        ${saved
          ? html`<button type="button" ?disabled=${this.busy} @click=${this.onTest}>${s.sendTest}</button>
              ${saved.format === 'parley' ? html`<button type="button" ?disabled=${this.busy} @click=${this.onRotate}>${s.rotate}</button>` : nothing}
              <button type="button" class="danger" ?disabled=${this.busy} @click=${this.onDelete}>${s.deleteEndpoint}</button>`
          : nothing}
      </div>
      <p class="test-result" role="status">${this.testResult}</p>
    </form>`;
  }
}
