/**
 * Two-factor sign-in as an admin meets it, in real Chromium against the real server process started
 * the way `pnpm start` runs it (ADMIN_2FA=required): the first sign-in goes straight to enrolment; the
 * admin "scans" (reads the setup key from the page; the codes are computed here with otpauth, as a
 * phone would), confirms, saves the recovery codes and reaches the console; signs out and back in with
 * a fresh code; a replayed code is refused in the form; a recovery code still gets in.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { ACCOUNTS, launchBrowser, newContext, ServerProcess, watchErrors } from './harness.js';

// otpauth is the server's dependency: resolved from there, but computing codes on its own, like an app.
const requireFromServer = createRequire(new URL('../../server/package.json', import.meta.url));
interface Otpauth {
  Secret: { fromBase32(s: string): unknown };
  TOTP: new (o: { secret: unknown; digits: number; period: number; algorithm: string }) => { generate(o: { timestamp: number }): string };
}
const { TOTP, Secret } = (await import(pathToFileURL(requireFromServer.resolve('otpauth')).href)) as Otpauth;
const codeAt = (secret: string, at: number) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at });

let server: ServerProcess;
let browser: Browser;
before(async () => {
  server = await ServerProcess.create({ ADMIN_2FA: 'required' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.dispose();
});

async function signInWithPassword(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: 'Email' }).fill(ACCOUNTS.admin.email);
  await page.getByLabel('Password').fill(ACCOUNTS.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('textbox', { name: 'Email' }).waitFor();
}

/** Until the next 30-second step has begun, so its code is one no sign-in has used. */
async function nextStep(): Promise<number> {
  const wait = 30_000 - (Date.now() % 30_000) + 200;
  await new Promise((r) => setTimeout(r, wait));
  return Date.now();
}

test('an admin is sent to enrol first, then signs in with codes; a replayed code is refused', async () => {
  const page = await (await newContext(browser)).newPage();
  // Three argon2 sign-ins and a wait for a fresh 30-second step: give a busy machine room.
  page.setDefaultTimeout(30_000);
  const errors = watchErrors(page);
  await page.goto(`${server.url}/console`);
  await signInWithPassword(page);

  // Enrolment before anything else: no queue, no views.
  await page.getByRole('heading', { name: 'Set up two-factor sign-in' }).waitFor();
  assert.ok(await page.getByText('Your account must use two-factor sign-in.').isVisible());
  assert.equal(await page.getByRole('region', { name: 'Queue' }).count(), 0);
  const qr = page.getByRole('img', { name: 'QR code to add Parley to your authenticator app' });
  await qr.waitFor();
  assert.ok(((await qr.getAttribute('src')) ?? '').startsWith('data:image/svg+xml;base64,'));
  const secret = ((await page.locator('parley-two-factor-enrol .secret').textContent()) ?? '').replace(/\s+/g, '');
  assert.match(secret, /^[A-Z2-7]{32}$/);

  const enrolledAt = Date.now();
  await page.getByRole('textbox', { name: 'Code' }).fill(codeAt(secret, enrolledAt));
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
  const codes = (await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allTextContents()).map((c) => c.trim());
  assert.equal(codes.length, 10);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
  assert.equal(download.suggestedFilename(), 'parley-recovery-codes.txt');
  const saved = readFileSync((await download.path())!, 'utf8');
  for (const c of codes) assert.ok(saved.includes(c), `the file holds ${c}`);
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await page.getByRole('region', { name: 'Queue' }).waitFor();

  // Signing in again: password, then a fresh code.
  await signOut(page);
  const at = await nextStep();
  const fresh = codeAt(secret, at);
  await signInWithPassword(page);
  const code = page.getByRole('textbox', { name: 'Code' });
  await code.waitFor();
  assert.equal(await code.getAttribute('autocomplete'), 'one-time-code');
  await code.fill(fresh);
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('region', { name: 'Queue' }).waitFor();

  // The same code again (someone who saw it over a shoulder): refused, said in the form.
  await signOut(page);
  await signInWithPassword(page);
  await code.waitFor();
  await code.fill(fresh);
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('alert').filter({ hasText: 'That code is not correct, or it was already used.' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Queue' }).count(), 0);

  // A recovery code gets in once.
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await page.getByRole('textbox', { name: 'Recovery code' }).fill(codes[3]!);
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('region', { name: 'Queue' }).waitFor();
  assert.deepEqual(errors, []);
});
