/** Helpers for the contacts tests: identifying browsers, signing JWTs, the site's secret. Not a test file. */
import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import type { VisitorSession } from '@parley/protocol';
import { sites } from '../db/schema.js';
import { api, type Reply } from '../kb/test-kit.js';
import { createVisitorSession } from '../test-clients.js';
import type { TestServer } from '../testing.js';

export const userHash = (secret: string, userId: string) => createHmac('sha256', secret).update(userId).digest('hex');

export async function siteOf(server: TestServer): Promise<{ id: string; secret: string }> {
  const [s] = await server.database.db.select({ id: sites.id, secret: sites.secret }).from(sites).where(eq(sites.key, server.siteKey));
  return s!;
}

export function identify(server: TestServer, body: Record<string, unknown>): Promise<Reply<{ contactId?: string; linked?: boolean; error?: { code: string; message: string } }>> {
  return api(server, '/api/visitor/identify', { json: { siteKey: server.siteKey, ...body } });
}

/** A new browser that the host site vouches for as `userId`. */
export async function identifiedDevice(server: TestServer, userId: string, extra: { name?: string; email?: string } = {}): Promise<{ session: VisitorSession; contactId: string }> {
  const { secret } = await siteOf(server);
  const session = await createVisitorSession(server.url, server.siteKey);
  const r = await identify(server, { token: session.token, userId, userHash: userHash(secret, userId), ...extra });
  if (r.status !== 200) throw new Error(`identify: ${r.status} ${JSON.stringify(r.body)}`);
  return { session, contactId: r.body.contactId! };
}

export function signUser(secret: string, claims: { sub?: string; name?: string; email?: string }, opts: { expiresAt?: number | null; alg?: string } = {}): Promise<string> {
  const { sub, ...rest } = claims;
  let jwt = new SignJWT(rest).setProtectedHeader({ alg: opts.alg ?? 'HS256' }).setIssuedAt();
  if (sub) jwt = jwt.setSubject(sub);
  if (opts.expiresAt !== null) jwt = jwt.setExpirationTime(opts.expiresAt ?? '1h');
  return jwt.sign(new TextEncoder().encode(secret));
}

/** An unsigned token (`alg: none`), as a forger would make it. */
export function unsignedJwt(claims: Record<string, unknown>): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
}

/** What the host site would compute for `userId` on the site `siteKey` (for the element tests' `/__parley__/user-hash.json`). */
export async function userHashFor(database: { db: TestServer['database']['db'] }, siteKey: string, userId: string): Promise<string> {
  const [s] = await database.db.select({ secret: sites.secret }).from(sites).where(eq(sites.key, siteKey));
  return userHash(s!.secret, userId);
}
