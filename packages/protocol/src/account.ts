/**
 * Two-factor sign-in and the person's own account (issue 11): what `/api/auth/...` answers. Validators
 * for what it accepts live in `./schemas-account` (server only).
 */
import type { IsoDate, LoginResult } from './types.js';

/** The password was right; a code from the authenticator app (or a recovery code) is still needed. */
export interface TwoFactorChallenge {
  twoFactor: 'required';
  /** Opaque, single-use, short-lived; send it back with the code to POST /api/auth/login/verify. */
  challenge: string;
  expiresAt: IsoDate;
}

/**
 * A session. `enrolOnly`: this person must use two-factor and has not enrolled yet; until they have,
 * every route but /me, /account, logout and enrolment answers 403 `two_factor_enrolment_required`.
 */
export type SessionResult = LoginResult & { enrolOnly?: boolean };

/** What POST /api/auth/login answers. */
export type LoginResponse = SessionResult | TwoFactorChallenge;

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: IsoDate | null;
  /** Unused recovery codes left (0 when two-factor is off). */
  recoveryCodesLeft: number;
  /** Two-factor may not be turned off: an admin under ADMIN_2FA=required, or the company requires it for everyone. */
  required: boolean;
}

/** GET /api/auth/account. */
export interface AccountOverview {
  id: string;
  email: string;
  name: string;
  twoFactor: TwoFactorStatus;
  /** This session may only enrol (see SessionResult). */
  enrolOnly: boolean;
}

/** POST /api/auth/two-factor/start: shown once; the secret is never sent again. */
export interface TwoFactorEnrolment {
  /** Base32, for typing into an app by hand. */
  secret: string;
  /** otpauth://totp/... as the QR code encodes it. */
  uri: string;
  /** The QR code as an SVG `data:` URL, made by the server (the console carries no QR library). */
  qrDataUrl: string;
}

/** Confirm and regenerate: ten single-use codes, shown once (only their hashes are stored). */
export interface RecoveryCodes {
  recoveryCodes: string[];
}

export interface AccountSession {
  id: string;
  createdAt: IsoDate;
  lastUsedAt: IsoDate | null;
  expiresAt: IsoDate;
  userAgent: string | null;
  /** The session making this request. */
  current: boolean;
}

/** The company's sign-in policy (GET/PUT /api/auth/policy, admins). */
export interface SignInPolicy {
  /** Everyone must use two-factor, not only admins. */
  requireTwoFactorForAll: boolean;
  /** ADMIN_2FA: whether admins must, whatever the switch says. */
  adminTwoFactor: 'required' | 'optional';
}
