/**
 * The second step of signing in when two-factor is on (the app's 6-digit code, or a recovery code), and
 * the frame of the enrolment screen for who must enrol first. Templates of `<parley-console>`: part of
 * signing in, so they ship with the console itself (the enrolment element is fetched when needed).
 */
import { html, type TemplateResult } from 'lit';
import type { TwoFactorStrings } from './two-factor.strings.js';

export interface CodeStepView {
  s: TwoFactorStrings;
  /** true: a recovery code; false: the app's code. */
  recovery: boolean;
  busy: boolean;
  error: string;
  submit(e: SubmitEvent): void;
  toggle(): void;
  cancel(): void;
}

export function renderCodeStep(v: CodeStepView): TemplateResult {
  const { s } = v;
  const field = v.recovery
    ? html`<label for="recovery-code">${s.recoveryLabel}</label>
        <p class="hint" id="code-help">${s.recoveryHelp}</p>
        <input
          id="recovery-code"
          name="recoveryCode"
          type="text"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          maxlength="40"
          required
          aria-describedby="code-help code-error"
          aria-invalid=${v.error ? 'true' : 'false'}
          ?disabled=${v.busy}
        />`
    : html`<label for="otp-code">${s.codeLabel}</label>
        <p class="hint" id="code-help">${s.codeHelp}</p>
        <input
          id="otp-code"
          name="code"
          type="text"
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength="7"
          required
          aria-describedby="code-help code-error"
          aria-invalid=${v.error ? 'true' : 'false'}
          ?disabled=${v.busy}
        />`;
  return html`
    <div class="sign-in">
      <form part="sign-in" aria-labelledby="code-heading" @submit=${v.submit} aria-busy=${v.busy ? 'true' : 'false'} novalidate>
        <h1 id="code-heading" tabindex="-1">${s.codeHeading}</h1>
        ${field}
        <p class="error" id="code-error" role="alert">${v.error}</p>
        <button type="submit" class="primary" ?disabled=${v.busy}>${v.busy ? s.verifying : s.verify}</button>
        <button type="button" class="link" @click=${v.toggle}>${v.recovery ? s.useApp : s.useRecovery}</button>
        <button type="button" class="link" @click=${v.cancel}>${s.backToSignIn}</button>
      </form>
    </div>
  `;
}

export interface EnrolScreenView {
  s: TwoFactorStrings;
  server: string;
  token: string;
  /** The enrolment element's module could not be fetched. */
  failed: boolean;
  retry(): void;
  enrolled(): void;
  signOut(): void;
  expired(): void;
}

export function renderEnrolScreen(v: EnrolScreenView): TemplateResult {
  return html`<div class="sign-in enrol">
    ${v.failed
      ? html`<p class="error" role="alert">${v.s.loadFailed}</p>
          <button type="button" @click=${v.retry}>${v.s.retry}</button>`
      : html`<parley-two-factor-enrol
          forced
          .server=${v.server}
          .token=${v.token}
          @parley-two-factor-enrolled=${v.enrolled}
          @parley-two-factor-sign-out=${v.signOut}
          @parley-two-factor-unauthorized=${v.expired}
        ></parley-two-factor-enrol>`}
  </div>`;
}
