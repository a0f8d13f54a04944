/**
 * TOTP (RFC 6238) through `otpauth`, the QR code through `qrcode`, and recovery codes: the pure parts of
 * two-factor sign-in, with no database. Codes are six digits over 30-second steps, SHA-1, as every
 * authenticator app expects.
 */
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { sha256 } from './password.js';

export const TOTP_PERIOD = 30;
/** Steps either side of now that are accepted: a phone clock a little off, or a code typed as it turned. */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Parley';

function totp(secret: string, label = ''): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD, secret: Secret.fromBase32(secret) });
}

/** 160 random bits, as RFC 4226 recommends, in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The QR code as an SVG data URL: the console shows it in an <img> and needs no QR library. */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The time step a code is for, if it matches within the window around `at`; else null. */
export function matchingStep(secret: string, code: string, at: Date): number | null {
  const timestamp = at.getTime();
  const delta = totp(secret).validate({ token: code, timestamp, window: TOTP_WINDOW });
  return delta === null ? null : TOTP.counter({ period: TOTP_PERIOD, timestamp }) + delta;
}

/** The code for a time (tests, and nothing else: the server never shows a code). */
export function totpCodeAt(secret: string, at: Date): string {
  return totp(secret).generate({ timestamp: at.getTime() });
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Ten codes of 16 base32 characters (80 random bits), shown as xxxx-xxxx-xxxx-xxxx. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(16);
    let s = '';
    for (const b of bytes) s += BASE32[b & 31];
    return s.match(/.{4}/g)!.join('-');
  });
}

/** The stored form of a recovery code, whatever case, spaces or dashes it was typed with. */
export function recoveryCodeHash(code: string): string {
  return sha256(code.toLowerCase().replace(/[\s-]+/g, ''));
}
