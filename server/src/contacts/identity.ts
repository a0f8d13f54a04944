/**
 * Checking what a host site vouches for about its visitor (DESIGN.md "Identity and security"):
 *
 * - `userId` + `userHash`, where userHash = hex HMAC-SHA256(site identity secret, userId), computed on
 *   the host's server (docs/embedding.md); name and email travel beside it, as the host states them;
 * - or `jwt`: HS256 signed with the same secret, claims `sub` (the user id), `exp` (required), and
 *   optionally `name` and `email`.
 *
 * While a rotated secret's grace period runs, the previous secret counts as well
 * (sites/identity-secret.ts). Every refusal is one AppError('forbidden') whose message says what was
 * wrong (never the secret, never the expected hash), so a host developer can fix their integration.
 */
import { decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';
import { AppError } from '../lib/errors.js';
import { acceptedSecrets, verifyUserHash, type SiteSecrets } from '../sites/identity-secret.js';

export interface VerifiedIdentity {
  userId: string;
  name: string | null;
  email: string | null;
}

const USER_ID_MAX = 200;

export const identityFields = {
  userId: z.string().trim().min(1).max(USER_ID_MAX).optional(),
  userHash: z.string().trim().max(200).optional(),
  jwt: z.string().trim().max(4096).optional(),
  name: z.string().trim().max(80).optional(),
  email: z.string().trim().max(254).email().optional(),
};

export const identifySchema = z.object({ siteKey: z.string().min(1).max(100), token: z.string().min(1).max(200), ...identityFields });
export type IdentifyInput = z.infer<typeof identifySchema>;

const refuse = (why: string) => new AppError('forbidden', `identity refused: ${why}`);
const enc = new TextEncoder();

const clean = (v: unknown, max: number): string | null => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null);
const cleanEmail = (v: unknown): string | null => {
  const s = clean(v, 254);
  return s && z.string().email().safeParse(s).success ? s.toLowerCase() : null;
};

/** The identity proven by `input`, or a `forbidden` AppError saying why not. */
export async function verifyIdentity(site: SiteSecrets, input: Omit<IdentifyInput, 'siteKey' | 'token'>, now: Date): Promise<VerifiedIdentity> {
  if (input.jwt) return verifyIdentityJwt(site, input.jwt, now);
  if (!input.userId) throw refuse('userId (with userHash) or jwt is required');
  if (!input.userHash) throw refuse('userHash is missing; compute HMAC-SHA256(identity secret, userId) on your server');
  if (!verifyUserHash(site, input.userId, input.userHash, now)) throw refuse('userHash does not match userId');
  return { userId: input.userId, name: clean(input.name, 80), email: cleanEmail(input.email) };
}

async function verifyIdentityJwt(site: SiteSecrets, jwt: string, now: Date): Promise<VerifiedIdentity> {
  let alg: string | undefined;
  try {
    alg = decodeProtectedHeader(jwt).alg;
  } catch {
    throw refuse('jwt is not a JWT');
  }
  // Checked before jose sees it, so the message is clear; jose would refuse these too (algorithms: HS256).
  if (!alg || alg === 'none') throw refuse('jwt is not signed');
  if (alg !== 'HS256') throw refuse(`jwt algorithm ${alg} is not accepted; sign it HS256 with the site's identity secret`);
  let lastError: unknown;
  // No early exit on a match's position would matter here: a JWT's signature check is already constant-time in jose.
  for (const key of acceptedSecrets(site, now)) {
    try {
      const { payload } = await jwtVerify(jwt, enc.encode(key), { algorithms: ['HS256'], currentDate: now, requiredClaims: ['sub', 'exp'], clockTolerance: 30 });
      const userId = clean(payload.sub, USER_ID_MAX);
      if (!userId) throw refuse('jwt has an empty sub');
      return { userId, name: clean(payload.name, 80), email: cleanEmail(payload.email) };
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (err instanceof joseErrors.JWTExpired) throw refuse('jwt expired');
      if (err instanceof joseErrors.JWTClaimValidationFailed) throw refuse(`jwt claim ${err.claim} is missing or invalid (sub and exp are required)`);
      lastError = err;
    }
  }
  throw refuse(lastError instanceof joseErrors.JWSSignatureVerificationFailed ? 'jwt signature does not match the identity secret' : 'jwt could not be verified');
}
