/**
 * Employees are identified by a token their intranet signs (DESIGN.md "Announcements"): a JWT, HS256,
 * signed with the site's identity secret, verified with `jose`. Parley never issues these; it only
 * checks them, so an intranet that can sign can vouch for its employees and nobody else can.
 *
 * A site may instead (or as well) name a JWKS URL (`sites.employee_jwks_url`): then tokens signed
 * RS256 / ES256 by the company's identity provider are verified against the keys published there, so
 * the intranet's backend never has to hold Parley's secret. HS256 with the secret stays accepted; the
 * algorithm in the token's header picks the key, and each key only accepts its own algorithms, so an
 * RS256 public key can never be replayed as an HMAC secret.
 */
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, errors as joseErrors, type JWTVerifyGetKey } from 'jose';
import { SUPPORTED_LOCALES, type Locale } from '@parley/protocol';
import { AppError } from '../lib/errors.js';
import { acceptedSecrets } from '../sites/identity-secret.js';

export interface Employee {
  /** The intranet's stable id for the person (`sub`). */
  id: string;
  name: string;
  /** Department names or ids as the intranet knows them (audiences match on these). */
  departments: string[];
  locale: Locale;
}

/** A token valid for longer than this is refused: a leaked one must not work for long. */
export const MAX_EMPLOYEE_TOKEN_HOURS = 24;

const enc = new TextEncoder();

/** What a site verifies employee tokens with: its identity secret (HS256) and optionally a JWKS URL. */
export interface EmployeeTokenKeys {
  secret: string;
  employeeJwksUrl?: string | null;
  /** The secret before the last rotation, accepted for HS256 until it expires (sites/identity-secret.ts). */
  previousSecret?: string | null;
  previousSecretExpiresAt?: Date | null;
}

/** Asymmetric algorithms accepted from a JWKS; `none` and HMAC never are. */
export const JWKS_ALGORITHMS = ['RS256', 'PS256', 'ES256'] as const;

/**
 * One key set per URL for the process: jose caches the fetched keys (10 min) and refetches when a
 * token names a key id it has not seen (key rotation), at most every 30 s, so a flood of forged key
 * ids cannot turn into a flood of requests to the identity provider.
 */
const keySets = new Map<string, JWTVerifyGetKey>();
function remoteKeys(url: string): JWTVerifyGetKey {
  let set = keySets.get(url);
  if (!set) {
    set = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
    keySets.set(url, set);
  }
  return set;
}

/**
 * Verifies an employee token. `keys` is the site (or just its secret, for HS256 only). Every refusal
 * is `unauthorized` with a message saying which: expired, unsigned, wrongly signed, too long-lived.
 */
export async function verifyEmployeeToken(token: string, keys: string | EmployeeTokenKeys, now: Date): Promise<Employee> {
  if (typeof token !== 'string' || token.length === 0 || token.length > 4096) throw new AppError('unauthorized', 'employee token missing or too long');
  const site: EmployeeTokenKeys = typeof keys === 'string' ? { secret: keys } : keys;
  const employeeJwksUrl = site.employeeJwksUrl ?? null;
  let alg: string | undefined;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    throw new AppError('unauthorized', 'employee token is not a JWT');
  }
  if (!alg || alg === 'none') throw new AppError('unauthorized', 'employee token is not signed');
  const asymmetric = (JWKS_ALGORITHMS as readonly string[]).includes(alg);
  if (asymmetric && !employeeJwksUrl) throw new AppError('unauthorized', `employee token is signed ${alg} but this site has no JWKS URL; sign it HS256 with the site's identity secret`);
  if (!asymmetric && alg !== 'HS256') throw new AppError('unauthorized', `employee token algorithm ${alg} is not accepted (HS256, or ${JWKS_ALGORITHMS.join(' / ')} with a JWKS URL)`);
  const options = { currentDate: now, requiredClaims: ['sub', 'exp'], clockTolerance: 30 };
  let payload: Record<string, unknown>;
  try {
    ({ payload } = asymmetric
      ? await jwtVerify(token, remoteKeys(employeeJwksUrl!), { ...options, algorithms: [...JWKS_ALGORITHMS] })
      : await verifyHs256(token, acceptedSecrets(site, now), { ...options, algorithms: ['HS256'] }));
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw new AppError('unauthorized', 'employee token expired; reload the intranet page');
    // The identity provider could not be asked: not the employee's fault, and worth retrying.
    if (asymmetric && (err instanceof joseErrors.JWKSTimeout || !(err instanceof joseErrors.JOSEError) || /JSON Web Key Set HTTP response/.test(err.message))) throw new AppError('unavailable', 'the intranet\'s key set (JWKS) could not be fetched');
    if (err instanceof joseErrors.JWKSNoMatchingKey) throw new AppError('unauthorized', 'employee token is signed with a key the intranet\'s JWKS does not publish');
    throw new AppError('unauthorized', 'employee token is not valid for this site');
  }
  const exp = Number(payload.exp);
  const iat = typeof payload.iat === 'number' ? payload.iat : now.getTime() / 1000;
  if (exp - iat > MAX_EMPLOYEE_TOKEN_HOURS * 3600 + 60) throw new AppError('unauthorized', `employee tokens may be valid for at most ${MAX_EMPLOYEE_TOKEN_HOURS} hours`);
  const sub = String(payload.sub);
  if (sub.length === 0 || sub.length > 200) throw new AppError('unauthorized', 'employee token subject is empty or too long');
  const name = typeof payload.name === 'string' && payload.name.trim() ? payload.name.trim().slice(0, 200) : sub;
  const departments = Array.isArray(payload.departments) ? payload.departments.filter((d): d is string => typeof d === 'string' && d.length > 0 && d.length <= 200).slice(0, 50) : [];
  const locale = (SUPPORTED_LOCALES as readonly string[]).includes(String(payload.locale)) ? (payload.locale as Locale) : 'en';
  return { id: sub, name, departments, locale };
}

/**
 * HS256 under the current secret, else under the previous one while its grace period runs (a rotation
 * does not sign every employee out). Expiry is the token's, not the key's: reported as soon as seen.
 */
async function verifyHs256(token: string, secrets: string[], options: Parameters<typeof jwtVerify>[2]) {
  let failure: unknown;
  for (const secret of secrets) {
    try {
      return await jwtVerify(token, enc.encode(secret), options);
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired || err instanceof joseErrors.JWTClaimValidationFailed) throw err;
      failure ??= err;
    }
  }
  throw failure;
}
