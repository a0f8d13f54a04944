/**
 * A site's identity secret signs what a host site vouches for: `userHash = HMAC-SHA256(secret, userId)`
 * for visitors, and HS256 employee tokens. Rotating it must not log every visitor and employee out at
 * once, so the previous secret stays accepted for a grace period (default 24 h) while the host site
 * deploys the new one. Everything that checks a signature asks `acceptedSecrets` which keys count now.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long the secret before a rotation keeps working. */
export const SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

export interface SiteSecrets {
  secret: string;
  previousSecret?: string | null;
  previousSecretExpiresAt?: Date | null;
}

/** The current secret, then the previous one while its grace period runs. */
export function acceptedSecrets(site: SiteSecrets, now: Date): string[] {
  const keys = [site.secret];
  if (site.previousSecret && site.previousSecretExpiresAt && site.previousSecretExpiresAt.getTime() > now.getTime()) keys.push(site.previousSecret);
  return keys;
}

/** 32 random bytes, base64url: what the seed uses too. */
export const newIdentitySecret = (): string => randomBytes(32).toString('base64url');

export const userHashOf = (secret: string, userId: string): string => createHmac('sha256', secret).update(userId, 'utf8').digest('hex');

/**
 * True when `hash` (hex, any case) is HMAC-SHA256 of `userId` under a secret accepted now. Compared in
 * constant time, so a forger learns nothing from how long a refusal takes.
 */
export function verifyUserHash(site: SiteSecrets, userId: string, hash: string, now: Date): boolean {
  if (typeof userId !== 'string' || typeof hash !== 'string' || !/^[0-9a-f]{64}$/i.test(hash)) return false;
  const given = Buffer.from(hash.toLowerCase(), 'hex');
  let ok = false;
  // Every accepted key is tried (no early exit): the time taken does not say which one matched.
  for (const key of acceptedSecrets(site, now)) ok = timingSafeEqual(given, Buffer.from(userHashOf(key, userId), 'hex')) || ok;
  return ok;
}
