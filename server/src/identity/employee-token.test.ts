/**
 * Employee tokens: HS256 with the site's secret (the default) and RS256 / ES256 against a JWKS the
 * intranet publishes, served here by a real local HTTP server. The last test goes through a real
 * Parley server's employee API with the site's JWKS URL set in the database.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey, type JWK } from 'jose';
import { sites } from '../db/schema.js';
import { api, codeOf } from '../kb/test-kit.js';
import { AppError } from '../lib/errors.js';
import { startTestServer } from '../testing.js';
import { verifyEmployeeToken } from './employee-token.js';

const SECRET = 'site-secret-for-tests-0123456789';
const now = new Date('2026-12-01T09:00:00Z');
const secs = Math.floor(now.getTime() / 1000);
const claims = { name: '王芳', departments: ['Finance', 'Support'], locale: 'zh-CN' };

let rsa: { privateKey: CryptoKey; publicKey: CryptoKey };
let ec: { privateKey: CryptoKey; publicKey: CryptoKey };
let stranger: { privateKey: CryptoKey; publicKey: CryptoKey };
let jwks: Server;
let jwksUrl = '';
let jwksRequests = 0;
let published: JWK[] = [];

before(async () => {
  rsa = await generateKeyPair('RS256');
  ec = await generateKeyPair('ES256');
  stranger = await generateKeyPair('RS256');
  published = [
    { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
    { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
  ];
  jwks = createServer((req, res) => {
    jwksRequests++;
    if (req.url !== '/.well-known/jwks.json') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
});
after(() => new Promise<void>((resolve) => jwks.close(() => resolve())));

const hs256 = (secret = SECRET, exp = secs + 3600, iat = secs) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('emp-1').setIssuedAt(iat).setExpirationTime(exp).sign(new TextEncoder().encode(secret));
const signed = (key: CryptoKey, alg: string, kid: string, exp = secs + 3600) =>
  new SignJWT(claims).setProtectedHeader({ alg, kid }).setSubject('emp-1').setIssuedAt(secs).setExpirationTime(exp).sign(key);

/** The refusal's code and message, or 'ok'. */
async function outcome(token: string, keys: Parameters<typeof verifyEmployeeToken>[1]): Promise<string> {
  try {
    await verifyEmployeeToken(token, keys, now);
    return 'ok';
  } catch (err) {
    assert.ok(err instanceof AppError, `an AppError, not ${String(err)}`);
    return `${err.code}: ${err.message}`;
  }
}

test('HS256 with the site secret is the default; the employee carries subject, name, departments and locale', async () => {
  const employee = await verifyEmployeeToken(await hs256(), SECRET, now);
  assert.deepEqual(employee, { id: 'emp-1', name: '王芳', departments: ['Finance', 'Support'], locale: 'zh-CN' });
  assert.deepEqual(await verifyEmployeeToken(await hs256(), { secret: SECRET, employeeJwksUrl: jwksUrl }, now), employee, 'a JWKS URL does not turn HS256 off');
});

test('expired, unsigned, wrongly signed and too long-lived tokens are refused, each with a clear reason', async () => {
  assert.match(await outcome(await hs256(SECRET, secs - 120, secs - 3720), SECRET), /^unauthorized: employee token expired/);
  const unsigned = new UnsecuredJWT(claims).setSubject('emp-1').setIssuedAt(secs).setExpirationTime(secs + 3600).encode();
  assert.equal(await outcome(unsigned, SECRET), 'unauthorized: employee token is not signed');
  assert.equal(await outcome(await hs256('another-site-secret-0123456789'), SECRET), 'unauthorized: employee token is not valid for this site');
  assert.match(await outcome(await hs256(SECRET, secs + 48 * 3600), SECRET), /at most 24 hours/);
  assert.equal(await outcome('not-a-jwt', SECRET), 'unauthorized: employee token is not a JWT');
  assert.equal(await outcome('', SECRET), 'unauthorized: employee token missing or too long');
});

test('RS256 and ES256 verify against the intranet JWKS; without a JWKS URL, or with a key it does not publish, they are refused', async () => {
  const keys = { secret: SECRET, employeeJwksUrl: jwksUrl };
  assert.equal((await verifyEmployeeToken(await signed(rsa.privateKey, 'RS256', 'rsa-1'), keys, now)).name, '王芳');
  assert.equal((await verifyEmployeeToken(await signed(ec.privateKey, 'ES256', 'ec-1'), keys, now)).id, 'emp-1');
  assert.match(await outcome(await signed(rsa.privateKey, 'RS256', 'rsa-1'), SECRET), /signed RS256 but this site has no JWKS URL/);
  assert.match(await outcome(await signed(stranger.privateKey, 'RS256', 'rsa-9'), keys), /^unauthorized: .*JWKS does not publish/);
  assert.match(await outcome(await signed(stranger.privateKey, 'RS256', 'rsa-1'), keys), /^unauthorized: employee token is not valid/, 'right key id, wrong signature');
  assert.match(await outcome(await signed(rsa.privateKey, 'RS256', 'rsa-1', secs - 120), keys), /expired/);
});

test('the JWKS is fetched once and cached; an unreachable JWKS is `unavailable` (retry), not a forged token', async () => {
  const keys = { secret: SECRET, employeeJwksUrl: jwksUrl };
  const before = jwksRequests;
  for (let i = 0; i < 5; i++) await verifyEmployeeToken(await signed(rsa.privateKey, 'RS256', 'rsa-1'), keys, now);
  assert.equal(jwksRequests - before, 0, 'keys cached from the earlier test');
  const down = { secret: SECRET, employeeJwksUrl: 'http://127.0.0.1:1/jwks.json' };
  assert.match(await outcome(await signed(rsa.privateKey, 'RS256', 'rsa-1'), down), /^unavailable: /);
  const missing = { secret: SECRET, employeeJwksUrl: jwksUrl.replace('jwks.json', 'nothing.json') };
  assert.match(await outcome(await signed(rsa.privateKey, 'RS256', 'rsa-1'), missing), /^unavailable: /);
});

test('a site with a JWKS URL accepts RS256 employee tokens on the employee API only once its JWKS URL is set, and HS256 keeps working', async () => {
  const server = await startTestServer();
  try {
    // The server runs on the real clock, unlike the unit tests above.
    const fresh = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' }).setSubject('emp-1').setIssuedAt().setExpirationTime('1h').sign(rsa.privateKey);
    const path = `/api/surveys/employee/${server.siteKey}`;
    const refused = await api(server, path, { token: fresh });
    assert.equal(refused.status, 401);
    assert.equal(codeOf(refused), 'unauthorized', 'no JWKS URL yet: refused, nothing shown');
    await server.database.db.update(sites).set({ employeeJwksUrl: jwksUrl }).where(eq(sites.key, server.siteKey));
    const ok = await api<{ surveys: unknown[] }>(server, path, { token: fresh });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.ok(Array.isArray(ok.body.surveys));
    assert.equal((await api(server, path, { token: await server.signEmployeeToken({ sub: 'emp-2' }) })).status, 200, 'HS256 still works');
  } finally {
    await server.close();
  }
});
