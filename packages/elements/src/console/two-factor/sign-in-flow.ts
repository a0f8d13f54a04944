/**
 * The console's sign-in steps: email and password, then (with two-factor on) the app's code or a
 * recovery code; or, for someone who must use two-factor and has not set it up, the enrolment screen
 * before anything else. A controller, so `<parley-console>` keeps only the rendering and the session.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AgentProfile, SessionResult } from '@parley/protocol';
import { errorCode, writeToken } from '../console.session.js';
import { signIn, verifySignIn } from './auth-api.js';
import type { TwoFactorStrings } from './two-factor.strings.js';

/** Wrong codes one challenge allows (the server's CHALLENGE.maxAttempts): then back to the password. */
const MAX_CODE_ATTEMPTS = 5;

export interface SignInFlowHooks {
  server(): string;
  strings(): TwoFactorStrings;
  /** A full session: the console stores the token and connects. */
  signedIn(token: string, agent: AgentProfile): void;
  /** The password step failed: the console shows its own message for it. */
  passwordFailed(err: unknown): void;
}

export class SignInFlow implements ReactiveController {
  step: 'password' | 'code' | 'enrol' = 'password';
  busy = false;
  recovery = false;
  error = '';
  /** A notice for the password form (the two-factor sign-in expired). */
  notice = '';
  /** The enrol-only session's token while the enrolment screen shows. */
  enrolToken = '';
  private challenge = '';
  private expiresAt = 0;
  private attempts = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly hooks: SignInFlowHooks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  private set(patch: Partial<Pick<SignInFlow, 'step' | 'busy' | 'recovery' | 'error' | 'notice' | 'enrolToken'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  /** Back to email and password, with an optional notice (why). */
  reset(notice = ''): void {
    this.challenge = '';
    this.attempts = 0;
    this.set({ step: 'password', busy: false, recovery: false, error: '', notice, enrolToken: '' });
  }

  /** Who signed in, when the enrol-only session came from the password step (not from a reload). */
  enrolAgent: AgentProfile | null = null;

  /** Someone must enrol before anything else: at sign-in, or a stored session the server now holds to it. */
  enrol(token: string, agent: AgentProfile | null = null): void {
    // Kept like any session token: a reload comes back to the enrolment screen, not to the password.
    writeToken(token);
    this.enrolAgent = agent;
    this.set({ step: 'enrol', enrolToken: token, busy: false, error: '', notice: '' });
  }

  async submitPassword(email: string, password: string): Promise<void> {
    if (this.busy) return;
    this.set({ busy: true, error: '', notice: '' });
    try {
      const res = await signIn(this.hooks.server(), email, password);
      if ('twoFactor' in res) {
        this.challenge = res.challenge;
        this.expiresAt = Date.parse(res.expiresAt);
        this.attempts = 0;
        this.set({ step: 'code', recovery: false, busy: false });
        return;
      }
      this.session(res);
    } catch (err) {
      this.set({ busy: false });
      this.hooks.passwordFailed(err);
    }
  }

  async submitCode(value: string): Promise<void> {
    if (this.busy) return;
    const s = this.hooks.strings();
    if (Date.now() >= this.expiresAt) return this.reset(s.challengeExpired);
    const typed = value.trim();
    const code = typed.replace(/\s+/g, '');
    if (!this.recovery && !/^\d{6}$/.test(code)) return this.set({ error: s.codeFormat });
    if (this.recovery && !typed) return this.set({ error: s.wrongRecovery });
    this.set({ busy: true, error: '' });
    try {
      this.session(await verifySignIn(this.hooks.server(), this.challenge, this.recovery ? { recoveryCode: typed } : { code }));
    } catch (err) {
      const c = errorCode(err);
      this.attempts++;
      if (c === 'unauthorized' && this.attempts >= MAX_CODE_ATTEMPTS) return this.reset(s.challengeExpired);
      this.set({
        busy: false,
        error: c === 'rate_limited' ? s.tooManyAttempts : c === 'unavailable' || c === null ? s.cannotReachServer : this.recovery ? s.wrongRecovery : s.wrongCode,
      });
    }
  }

  toggleRecovery(): void {
    this.set({ recovery: !this.recovery, error: '' });
  }

  private session(res: SessionResult): void {
    this.challenge = '';
    if (res.enrolOnly) return this.enrol(res.token, res.agent);
    this.set({ step: 'password', busy: false, error: '', recovery: false });
    this.hooks.signedIn(res.token, res.agent);
  }
}
