/**
 * People administration as a company would use it, in real Chromium against the real server process
 * started as `pnpm start` runs it (ADMIN_2FA=required): the admin's first sign-in goes to two-factor
 * enrolment (the code computed here with otpauth, as a phone would); then the admin invites an agent
 * from Settings → People; the invitation mail (read from the console's
 * email log: this server has no SMTP, so mail stays in the outbox) carries the set-password link; the
 * agent sets a password on that page, signs in and takes a chat from the queue; the admin deactivates
 * them mid-conversation; the agent's console is signed out at once and the chat is back in the queue,
 * where another agent takes it.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { ACCOUNTS, chat, committedRows, console_, launchBrowser, newContext, ServerProcess, waitFor, watchErrors } from './harness.js';

// otpauth is the server's dependency: resolved from there, but computing codes on its own, like an app.
const requireFromServer = createRequire(new URL('../../server/package.json', import.meta.url));
interface Otpauth {
  Secret: { fromBase32(s: string): unknown };
  TOTP: new (o: { secret: unknown; digits: number; period: number; algorithm: string }) => { generate(o: { timestamp: number }): string };
}
const { TOTP, Secret } = (await import(pathToFileURL(requireFromServer.resolve('otpauth')).href)) as Otpauth;

const env = {} as { server: ServerProcess; browser: Browser };
before(async () => {
  env.server = await ServerProcess.create({ ADMIN_2FA: 'required' });
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.server?.dispose();
});

/** The admin's first sign-in: enrolment before anything else, as on a fresh `pnpm start`. */
async function signInAndEnrol(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: 'Email' }).fill(ACCOUNTS.admin.email);
  await page.getByLabel('Password').fill(ACCOUNTS.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Set up two-factor sign-in' }).waitFor({ timeout: 30_000 });
  const secret = ((await page.locator('parley-two-factor-enrol .secret').textContent()) ?? '').replace(/\s+/g, '');
  const code = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: Date.now() });
  await page.getByRole('textbox', { name: 'Code' }).fill(code);
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await page.getByRole('region', { name: 'Queue' }).waitFor();
}

/** The set-password link of the invitation mailed to `email`, from the console's email log, read with the admin's console session. */
async function invitationLink(adminPage: Page, email: string): Promise<string> {
  const token = await adminPage.evaluate(() => sessionStorage.getItem('parley:agent-token'));
  assert.ok(token, 'the admin console keeps its session');
  const get = async <T>(path: string) => (await (await fetch(`${env.server.url}/api/console/tickets${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T;
  const list = await waitFor(
    () => get<{ mail: Array<{ id: string; to: string; template: string }> }>('/mail'),
    (r) => r.mail.some((m) => m.to === email && m.template === 'agent.invitation'),
    15_000,
    `the invitation mail to ${email}`,
  );
  const id = list.mail.find((m) => m.to === email && m.template === 'agent.invitation')!.id;
  const { mail } = await get<{ mail: { text: string; subject: string } }>(`/mail/${id}`);
  const link = /https?:\/\/\S+\/invite\/[\w-]+/.exec(mail.text)?.[0];
  assert.ok(link, `the mail carries the link: ${mail.text}`);
  return link;
}

async function openPeople(page: Page) {
  await page.locator('nav.views').getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'People' }).click();
  await page.getByRole('heading', { name: 'People' }).waitFor();
  return page.locator('parley-console-people');
}

test('admin enrols two-factor → invites → set password → take a chat → deactivated mid-conversation → signed out, chat requeued for another agent', async () => {
  const email = 'nora@parley.test';
  const password = 'a long new password';
  const adminPage = await (await newContext(env.browser)).newPage();
  const agentPage = await (await newContext(env.browser)).newPage();
  const visitorPage = await (await newContext(env.browser)).newPage();
  const errors = [adminPage, agentPage].map(watchErrors);

  // The admin invites Nora from Settings → People.
  await adminPage.goto(`${env.server.url}/console`);
  await signInAndEnrol(adminPage);
  const people = await openPeople(adminPage);
  await people.getByRole('button', { name: 'Invite someone' }).click();
  const form = people.locator('form.invite');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Name').fill('Nora');
  await form.getByLabel('Sales').check();
  await form.getByLabel('Support').check();
  await form.getByRole('button', { name: 'Send invitation' }).click();
  const noraRow = people.locator('tbody tr', { hasText: email });
  await noraRow.getByText('Invited').waitFor();

  // Nora opens the mailed link and chooses her password; then signs in.
  await agentPage.goto(await invitationLink(adminPage, email));
  await agentPage.getByRole('heading', { name: 'Set your password' }).waitFor();
  await agentPage.getByLabel('New password').fill(password);
  await agentPage.getByLabel('Repeat the password').fill(password);
  await agentPage.getByRole('button', { name: 'Set password' }).click();
  await agentPage.getByText('Your password is set.').waitFor();
  await agentPage.getByRole('link', { name: 'Sign in to the console' }).click();
  const nora = console_(agentPage);
  await nora.signIn({ email, password });

  // A visitor asks for a person; Nora takes the chat and answers.
  await visitorPage.goto(`${env.server.url}/`);
  const v = chat(visitorPage);
  await v.open();
  await v.say('I need help with my order');
  await v.handoff.click();
  await visitorPage.getByText(/You are number 1 in the queue/).waitFor();
  await nora.takeFirst();
  await nora.say('Hello, Nora here.');
  await waitFor(() => committedRows(v.log), (rows) => rows.some((r) => r.author === 'agent' && /Nora here/.test(r.text)), 15_000, 'Nora’s reply at the visitor');

  // The admin deactivates Nora mid-conversation; the dialog says what will happen.
  // The list still says invited (it was loaded before she accepted): the dialog reloads before it counts.
  await noraRow.getByRole('button', { name: 'Deactivate Nora' }).click();
  const dialog = people.getByRole('dialog', { name: 'Deactivate Nora?' });
  await dialog.getByText(/1 conversation goes back to the queue now/).waitFor();
  await dialog.getByRole('button', { name: 'Deactivate', exact: true }).click();
  await people.getByText(/Nora deactivated: 1 conversation requeued/).waitFor();

  // Nora's console is signed out: the sign-in form, with why.
  await agentPage.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 15_000 });
  await agentPage.getByText('Your session has ended. Please sign in again.').waitFor();
  // And she cannot come back in.
  await agentPage.getByRole('textbox', { name: 'Email' }).fill(email);
  await agentPage.getByLabel('Password').fill(password);
  await agentPage.getByRole('button', { name: 'Sign in' }).click();
  await agentPage.getByText('Wrong email or password.').waitFor();

  // The visitor is back in the queue; Alice takes the chat with its whole history.
  await visitorPage.getByText(/You are number 1 in the queue/).last().waitFor();
  const alicePage = await (await newContext(env.browser)).newPage();
  await alicePage.goto(`${env.server.url}/console`);
  const alice = console_(alicePage);
  await alice.signIn(ACCOUNTS.alice);
  await alice.takeFirst();
  await waitFor(() => committedRows(alice.log), (rows) => rows.some((r) => /Nora here/.test(r.text)), 15_000, 'the history at Alice');
  await alice.say('Alice here, I will continue.');
  await waitFor(() => committedRows(v.log), (rows) => rows.some((r) => r.author === 'agent' && /Alice here/.test(r.text)), 15_000, 'Alice’s reply at the visitor');

  assert.deepEqual(errors.flat().filter((e) => !/401|403/.test(e)), []);
});
