import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { TwoFactorEnrolment } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import { errorCode } from '../console.session.js';
import { AuthApi } from './auth-api.js';
import { copyCodes, renderRecoveryCodes } from './recovery-codes.js';
import { formStyles } from './two-factor.styles.js';
import { twoFactorStrings } from './two-factor.strings.js';

export interface TwoFactorEnrolledDetail {
  /** The codes were shown and the person said they saved them. */
  recoveryCodes: number;
}

declare global {
  interface HTMLElementEventMap {
    'parley-two-factor-enrolled': CustomEvent<TwoFactorEnrolledDetail>;
    'parley-two-factor-unauthorized': CustomEvent<Record<string, never>>;
  }
}

/**
 * Two-factor enrolment: the server's QR code (an SVG image; the setup key as text beside it for typing
 * by hand), the first code to turn it on, then the ten recovery codes, shown once, with Copy and
 * Download, until "I have saved them". `forced`: the console's screen for someone who must enrol before
 * anything else (with a Sign out way out); otherwise a step inside Settings → Account.
 *
 * @summary Two-factor enrolment (internal; rendered by `<parley-console>` and its Account tab).
 * @fires parley-two-factor-enrolled - Turned on and the recovery codes saved.
 * @fires parley-two-factor-unauthorized - The server refused the token.
 * @fires parley-two-factor-sign-out - (forced) The person chose to sign out instead.
 */
export class ParleyTwoFactorEnrol extends ParleyElement {
  static override styles = formStyles;

  @property() server = '';
  @property({ attribute: false }) token = '';
  @property({ type: Boolean }) forced = false;

  @state() private enrolment: TwoFactorEnrolment | null = null;
  @state() private status: 'loading' | 'failed' | 'scan' | 'codes' = 'loading';
  @state() private busy = false;
  @state() private error = '';
  @state() private codes: string[] = [];
  @state() private notice = '';

  private readonly l10n = new LocaleController(this, twoFactorStrings);
  private api: AuthApi | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('server') || changed.has('token')) && this.token) {
      this.api = new AuthApi(this.server.replace(/\/+$/, ''), this.token, () => this.emit('parley-two-factor-unauthorized', {}));
      void this.start();
    }
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private async start(): Promise<void> {
    this.status = 'loading';
    this.error = '';
    try {
      this.enrolment = await this.api!.startEnrolment();
      this.status = 'scan';
    } catch {
      this.status = 'failed';
    }
  }

  private async confirm(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const s = this.l10n.s;
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem('code') as HTMLInputElement;
    const code = input.value.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(code)) {
      this.error = s.codeFormat;
      input.focus();
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      this.codes = (await this.api!.confirmEnrolment(code)).recoveryCodes;
      this.status = 'codes';
      await this.updateComplete;
      this.focusHeading();
    } catch (err) {
      const c = errorCode(err);
      this.error = c === 'rate_limited' ? s.tooManyAttempts : c === 'unavailable' ? s.cannotReachServer : s.wrongCode;
      await this.updateComplete;
      input.select();
    } finally {
      this.busy = false;
    }
  }

  private async copy(): Promise<void> {
    const s = this.l10n.s;
    this.notice = (await copyCodes(this.codes)) ? s.copied : s.copyFailed;
  }

  private renderScan(e: TwoFactorEnrolment): TemplateResult {
    const s = this.l10n.s;
    const grouped = e.secret.match(/.{1,4}/g)!.join(' ');
    return html`
      <p class="hint">${s.enrolIntro}</p>
      <img class="qr" src=${e.qrDataUrl} alt=${s.qrAlt} width="200" height="200" />
      <p class="hint" id="manual">${s.manualKey}</p>
      <p class="secret" data-secret=${e.secret} aria-describedby="manual">${grouped}</p>
      <form @submit=${(ev: SubmitEvent) => void this.confirm(ev)} aria-busy=${this.busy ? 'true' : 'false'} novalidate>
        <label for="enrol-code">${s.codeLabel}</label>
        <span class="hint" id="enrol-code-help">${s.confirmHelp}</span>
        <input
          id="enrol-code"
          name="code"
          type="text"
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength="7"
          required
          aria-describedby="enrol-code-help enrol-error"
          aria-invalid=${this.error ? 'true' : 'false'}
          ?disabled=${this.busy}
        />
        <p class="error" id="enrol-error" role="alert">${this.error}</p>
        <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? s.confirming : s.confirm}</button>
      </form>
    `;
  }

  override render(): TemplateResult {
    const s = this.l10n.s;
    const codes = this.status === 'codes';
    return html`
      <div class="stack">
        <h2 tabindex="-1">${codes ? s.codesHeading : s.enrolHeading}</h2>
        ${this.forced && !codes ? html`<p>${s.enrolRequired}</p>` : nothing}
        ${this.status === 'loading' ? html`<p role="status">${s.loading}</p>` : nothing}
        ${this.status === 'failed'
          ? html`<p class="error" role="alert">${s.loadFailed}</p>
              <button type="button" @click=${() => void this.start()}>${s.retry}</button>`
          : nothing}
        ${this.status === 'scan' && this.enrolment ? this.renderScan(this.enrolment) : nothing}
        ${codes
          ? html`<p>${s.codesIntro}</p>
              ${renderRecoveryCodes(s, this.codes, this.notice, () => void this.copy())}
              <button type="button" class="primary" @click=${() => this.emit('parley-two-factor-enrolled', { recoveryCodes: this.codes.length })}>${s.saved}</button>`
          : nothing}
        ${this.forced && !codes ? html`<button type="button" @click=${() => this.emit('parley-two-factor-sign-out', {})}>${s.signOut}</button>` : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementEventMap {
    'parley-two-factor-sign-out': CustomEvent<Record<string, never>>;
  }
}
