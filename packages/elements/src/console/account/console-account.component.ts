import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { AccountOverview, AccountSession, SignInPolicy } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { LazyModule } from '../../internal/lazy-module.js';
import { ParleyConsoleSubview } from '../console-subview.js';
import { errorCode, errorMessage } from '../console.session.js';
import { AuthApi, type Proof } from '../two-factor/auth-api.js';
import { copyCodes, renderRecoveryCodes } from '../two-factor/recovery-codes.js';
import { formStyles } from '../two-factor/two-factor.styles.js';
import { twoFactorStrings } from '../two-factor/two-factor.strings.js';
import { renderSessions } from './account-sessions.js';
import { accountStrings } from './account.strings.js';

/** The server's rule (packages/protocol schemas-account.ts PASSWORD_LIMITS); checked here for a quicker answer. */
const PASSWORD_MIN = 10;

type Form = 'password' | 'twoFactor' | 'sessions' | 'policy';

/**
 * Settings → Account, for everyone: change the password (the server signs out every other session),
 * two-factor on / off and new recovery codes, the person's sessions (end one, or all others), and for
 * admins the company's sign-in policy ("require two-factor for everyone"). Each form shows its own
 * errors and results beside it.
 *
 * @summary The Account tab of the console's Settings (internal).
 * @fires parley-settings-unauthorized - The server refused the token.
 */
export class ParleyConsoleAccount extends ParleyConsoleSubview {
  static override styles = [
    formStyles,
    css`
      table {
        border-collapse: collapse;
        margin: 4px 0 8px;
      }
      th,
      td {
        text-align: start;
        padding: 6px 12px 6px 0;
        border-bottom: 1px solid var(--parley-border, #e2e8f0);
        vertical-align: middle;
      }
      thead th {
        font-size: 13px;
        color: var(--parley-text-muted, #475569);
      }
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
    `,
  ];

  @state() private account: AccountOverview | null = null;
  @state() private sessions: AccountSession[] = [];
  @state() private policy: SignInPolicy | null = null;
  @state() private status: 'loading' | 'ready' | 'failed' = 'loading';
  @state() private busy: Form | null = null;
  @state() private errors: Partial<Record<Form, string>> = {};
  @state() private notices: Partial<Record<Form, string>> = {};
  @state() private enrolling = false;
  @state() private codes: string[] = [];
  @state() private copyNotice = '';

  private readonly l10n = new LocaleController(this, accountStrings);
  private readonly tf = new LocaleController(this, twoFactorStrings);
  private readonly enrolModule = new LazyModule(this, () => import('../two-factor/two-factor.js'));
  private api: AuthApi | null = null;

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#account-heading')?.focus();
  }

  protected override sessionChanged(): void {
    if (!this.token) return;
    this.api = new AuthApi(this.server, this.token, () => this.emit('parley-settings-unauthorized', {}));
    void this.load();
  }

  private async load(): Promise<void> {
    const api = this.api!;
    this.status = 'loading';
    try {
      const [account, sessions] = await Promise.all([api.account(), api.sessions()]);
      this.account = account;
      this.sessions = sessions;
      this.policy = this.isAdmin ? await api.policy() : null;
      this.status = 'ready';
    } catch {
      this.status = 'failed';
    }
  }

  private when = (iso: string | null): string =>
    iso ? new Intl.DateTimeFormat(this.l10n.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—';

  /** Runs one form's call: its errors and results go beside that form (and are read out). `invalid`: what a 400 means there. */
  private async run(form: Form, work: () => Promise<string | void>, invalid?: string): Promise<boolean> {
    if (this.busy) return false;
    this.busy = form;
    this.errors = { ...this.errors, [form]: '' };
    this.notices = { ...this.notices, [form]: '' };
    try {
      const notice = await work();
      if (notice) this.notices = { ...this.notices, [form]: notice };
      return true;
    } catch (err) {
      const code = errorCode(err);
      const s = this.l10n.s;
      const known: Record<string, string | undefined> = { unavailable: s.cannotReachServer, rate_limited: s.tooManyAttempts, invalid, forbidden: form === 'twoFactor' ? s.twoFactorRequired : undefined };
      this.errors = { ...this.errors, [form]: (code && known[code]) || errorMessage(err) };
      return false;
    } finally {
      this.busy = null;
    }
  }

  private fail(form: Form, message: string, field?: HTMLInputElement): void {
    this.errors = { ...this.errors, [form]: message };
    this.notices = { ...this.notices, [form]: '' };
    field?.focus();
  }

  private async changePassword(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const s = this.l10n.s;
    const form = e.currentTarget as HTMLFormElement;
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
    const [current, next, again] = [field('current'), field('new'), field('again')];
    if (next.value.length < PASSWORD_MIN) return this.fail('password', s.passwordTooShort(PASSWORD_MIN), next);
    if (next.value !== again.value) return this.fail('password', s.passwordMismatch, again);
    if (next.value === current.value) return this.fail('password', s.samePassword, next);
    const ok = await this.run('password', async () => {
      const { endedSessions } = await this.api!.changePassword(current.value, next.value);
      this.sessions = await this.api!.sessions();
      return s.passwordChanged(endedSessions);
    }, s.wrongCurrentPassword);
    if (ok) form.reset();
    else current.select();
  }

  /** The proof field holds a password or a 6-digit code: a password is at least 10 characters, so no mix-up. */
  private proof(form: HTMLFormElement): Proof | null {
    const value = (form.elements.namedItem('proof') as HTMLInputElement).value;
    const digits = value.replace(/\s+/g, '');
    if (!value) return null;
    return /^\d{6}$/.test(digits) ? { code: digits } : { password: value };
  }

  private async withProof(e: Event, action: 'codes' | 'off'): Promise<void> {
    const form = (e.currentTarget as HTMLElement).closest('form')!;
    const proof = this.proof(form);
    const field = form.elements.namedItem('proof') as HTMLInputElement;
    if (!proof) return this.fail('twoFactor', this.l10n.s.proofMissing, field);
    const s = this.l10n.s;
    this.codes = [];
    const ok = await this.run('twoFactor', async () => {
      if (action === 'codes') {
        const { recoveryCodes } = await this.api!.regenerateRecoveryCodes(proof);
        // Cleared before anything new shows: the password must not linger in the field.
        form.reset();
        this.account = await this.api!.account();
        this.codes = recoveryCodes;
        this.copyNotice = '';
        return s.newCodesShown;
      }
      await this.api!.disableTwoFactor(proof);
      form.reset();
      this.account = await this.api!.account();
      return s.turnedOff;
    }, s.wrongProof);
    if (!ok) field.select();
  }

  private async startEnrolment(): Promise<void> {
    this.codes = [];
    this.notices = { ...this.notices, twoFactor: '' };
    this.enrolling = true;
    await this.enrolModule.load();
    await this.updateComplete;
    const el = this.renderRoot.querySelector<HTMLElement & { updateComplete: Promise<unknown>; focusHeading(): void }>('parley-two-factor-enrol');
    await el?.updateComplete;
    el?.focusHeading();
  }

  private async enrolled(): Promise<void> {
    this.enrolling = false;
    await this.run('twoFactor', async () => {
      this.account = await this.api!.account();
      return this.l10n.s.enrolled;
    });
    this.renderRoot.querySelector<HTMLElement>('#two-factor-heading')?.focus();
  }

  private async endSession(id: string | 'others'): Promise<void> {
    const s = this.l10n.s;
    await this.run('sessions', async () => {
      const { ended } = id === 'others' ? await this.api!.endOtherSessions() : await this.api!.endSession(id);
      this.sessions = await this.api!.sessions();
      return id === 'others' ? s.othersEnded(ended) : s.sessionEnded;
    });
    this.renderRoot.querySelector<HTMLElement>('#sessions-heading')?.focus();
  }

  private async savePolicy(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const on = ((e.currentTarget as HTMLFormElement).elements.namedItem('requireAll') as HTMLInputElement).checked;
    await this.run('policy', async () => {
      this.policy = await this.api!.setPolicy(on);
      return this.l10n.s.policySaved;
    });
  }

  private messages(form: Form): TemplateResult {
    return html`<p class="error" id="${form}-error" role="alert">${this.errors[form] ?? ''}</p>
      <p class="notice" role="status">${this.notices[form] ?? ''}</p>`;
  }

  private renderPassword(): TemplateResult {
    const s = this.l10n.s;
    const busy = this.busy === 'password';
    return html`<section aria-labelledby="password-heading">
      <h3 id="password-heading">${s.passwordHeading}</h3>
      <form @submit=${(e: SubmitEvent) => void this.changePassword(e)} novalidate aria-busy=${busy ? 'true' : 'false'}>
        <label for="current">${s.currentPassword}</label>
        <input id="current" name="current" type="password" autocomplete="current-password" required aria-describedby="password-error" />
        <label for="new">${s.newPassword}</label>
        <span class="hint" id="new-hint">${s.newPasswordHint(PASSWORD_MIN)}</span>
        <input id="new" name="new" type="password" autocomplete="new-password" required minlength=${PASSWORD_MIN} aria-describedby="new-hint password-error" />
        <label for="again">${s.confirmPassword}</label>
        <input id="again" name="again" type="password" autocomplete="new-password" required aria-describedby="password-error" />
        ${this.messages('password')}
        <button type="submit" class="primary" ?disabled=${busy}>${busy ? s.saving : s.changePassword}</button>
      </form>
    </section>`;
  }

  private renderTwoFactor(a: AccountOverview): TemplateResult {
    const s = this.l10n.s;
    const tf = a.twoFactor;
    const busy = this.busy === 'twoFactor';
    let body: TemplateResult;
    if (this.enrolling) {
      body = html`${this.enrolModule.status === 'error'
          ? html`<p class="error" role="alert">${this.tf.s.loadFailed}</p>`
          : html`<parley-two-factor-enrol .server=${this.server} .token=${this.token} @parley-two-factor-enrolled=${() => void this.enrolled()}></parley-two-factor-enrol>`}
        <button type="button" @click=${() => (this.enrolling = false)}>${s.cancel}</button>`;
    } else if (!tf.enabled) {
      body = html`<button type="button" class="primary" @click=${() => void this.startEnrolment()}>${s.setUp}</button>`;
    } else {
      body = html`<form @submit=${(e: SubmitEvent) => e.preventDefault()} novalidate aria-busy=${busy ? 'true' : 'false'}>
        <label for="proof">${s.proofLabel}</label>
        <span class="hint" id="proof-hint">${s.proofHint}</span>
        <input id="proof" name="proof" type="password" autocomplete="current-password" aria-describedby="proof-hint twoFactor-error" />
        <div class="row">
          <button type="button" ?disabled=${busy} @click=${(e: Event) => void this.withProof(e, 'codes')}>${s.newCodes}</button>
          ${tf.required ? nothing : html`<button type="button" class="danger" ?disabled=${busy} @click=${(e: Event) => void this.withProof(e, 'off')}>${s.turnOff}</button>`}
        </div>
      </form>`;
    }
    return html`<section aria-labelledby="two-factor-heading">
      <h3 id="two-factor-heading" tabindex="-1">${s.twoFactorHeading}</h3>
      <p>${tf.enabled ? s.twoFactorOn(this.when(tf.enabledAt)) : s.twoFactorOff}</p>
      ${tf.required ? html`<p class="hint">${s.twoFactorRequired}</p>` : nothing}
      ${tf.enabled ? html`<p class="hint">${s.codesLeft(tf.recoveryCodesLeft)}</p>` : nothing}
      ${body} ${this.messages('twoFactor')}
      ${this.codes.length ? renderRecoveryCodes(this.tf.s, this.codes, this.copyNotice, () => void copyCodes(this.codes).then((ok) => (this.copyNotice = ok ? this.tf.s.copied : this.tf.s.copyFailed))) : nothing}
    </section>`;
  }

  private renderPolicy(p: SignInPolicy): TemplateResult {
    const s = this.l10n.s;
    const busy = this.busy === 'policy';
    return html`<section aria-labelledby="policy-heading">
      <h3 id="policy-heading">${s.policyHeading}</h3>
      <form @submit=${(e: SubmitEvent) => void this.savePolicy(e)} aria-busy=${busy ? 'true' : 'false'}>
        <div class="row">
          <input id="require-all" name="requireAll" type="checkbox" .checked=${p.requireTwoFactorForAll} aria-describedby="require-all-hint" />
          <label for="require-all">${s.requireAll}</label>
        </div>
        <p class="hint" id="require-all-hint">${s.requireAllHint} ${p.adminTwoFactor === 'required' ? s.adminsRequired : s.adminsOptional}</p>
        ${this.messages('policy')}
        <button type="submit" ?disabled=${busy}>${s.savePolicy}</button>
      </form>
    </section>`;
  }

  override render(): TemplateResult {
    const s = this.l10n.s;
    const a = this.account;
    return html`
      <h2 id="account-heading" tabindex="-1">${s.heading}</h2>
      ${this.status === 'loading' && !a ? html`<p role="status">${s.loading}</p>` : nothing}
      ${this.status === 'failed'
        ? html`<p class="error" role="alert">${s.loadFailed}</p>
            <button type="button" @click=${() => void this.load()}>${s.retry}</button>`
        : nothing}
      ${a
        ? html`${this.renderPassword()} ${this.renderTwoFactor(a)}
            <section aria-labelledby="sessions-heading">
              <h3 id="sessions-heading" tabindex="-1">${s.sessionsHeading}</h3>
              ${renderSessions({ s, sessions: this.sessions, when: this.when, busy: this.busy === 'sessions', end: (id) => void this.endSession(id), endOthers: () => void this.endSession('others') })}
              ${this.messages('sessions')}
            </section>
            ${this.policy ? this.renderPolicy(this.policy) : nothing}`
        : nothing}
    `;
  }
}
