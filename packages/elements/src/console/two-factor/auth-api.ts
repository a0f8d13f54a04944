/**
 * The console's calls to `/api/auth/...` beyond the agent socket: the two steps of signing in, and (with
 * a session) two-factor enrolment, the person's password and sessions, and the sign-in policy.
 */
import type { AccountOverview, AccountSession, LoginResponse, RecoveryCodes, SessionResult, SignInPolicy, TwoFactorEnrolment } from '@parley/protocol';
import { callJson } from '../../internal/rest.js';
import { ConsoleRest } from '../console-rest.js';

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Email and password: a session, an enrol-only session, or a challenge for the code. */
export function signIn(server: string, email: string, password: string): Promise<LoginResponse> {
  return callJson<LoginResponse>(`${server}/api/auth/login`, post({ email, password }));
}

/** The challenge and a code from the app (or a recovery code): the session. */
export function verifySignIn(server: string, challenge: string, proof: { code: string } | { recoveryCode: string }): Promise<SessionResult> {
  return callJson<SessionResult>(`${server}/api/auth/login/verify`, post({ challenge, ...proof }));
}

/** Proof of who is at the keyboard for turning two-factor off or new recovery codes. */
export type Proof = { code: string } | { password: string };

export class AuthApi extends ConsoleRest {
  constructor(server: string, token: string, onUnauthorized: () => void) {
    super(server, token, '', onUnauthorized, '/api/auth');
  }

  account(): Promise<AccountOverview> {
    return this.call('GET', '/account');
  }
  startEnrolment(): Promise<TwoFactorEnrolment> {
    return this.call('POST', '/two-factor/start');
  }
  confirmEnrolment(code: string): Promise<RecoveryCodes> {
    return this.call('POST', '/two-factor/confirm', {}, { code });
  }
  disableTwoFactor(proof: Proof): Promise<{ ok: true }> {
    return this.call('POST', '/two-factor/disable', {}, proof);
  }
  regenerateRecoveryCodes(proof: Proof): Promise<RecoveryCodes> {
    return this.call('POST', '/two-factor/recovery-codes', {}, proof);
  }
  changePassword(currentPassword: string, newPassword: string): Promise<{ endedSessions: number }> {
    return this.call('POST', '/password', {}, { currentPassword, newPassword });
  }
  sessions(): Promise<AccountSession[]> {
    return this.call('GET', '/sessions');
  }
  endSession(id: string): Promise<{ ended: number }> {
    return this.call('DELETE', `/sessions/${encodeURIComponent(id)}`);
  }
  endOtherSessions(): Promise<{ ended: number }> {
    return this.call('POST', '/sessions/end-others');
  }
  policy(): Promise<SignInPolicy> {
    return this.call('GET', '/policy');
  }
  setPolicy(requireTwoFactorForAll: boolean): Promise<SignInPolicy> {
    return this.call('PUT', '/policy', {}, { requireTwoFactorForAll });
  }
}
