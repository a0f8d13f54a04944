/**
 * Tickets as their users meet them, against a real server (in this process, so the test can move its
 * clock) with a real SMTP server receiving its mail: a visitor files a complaint with a photo from the
 * messenger and gets the number and the 2-hour promise, the email brings the private link, an agent
 * answers in the console, the customer answers on the ticket page and by email; an unanswered ticket
 * escalates when the clock passes 24 business hours.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { png } from '../../server/src/files/test-kit.js';
import { rawMail, startSmtp, type TestSmtp } from '../../server/src/mail/test-kit.js';
import { startTestServer, type TestServer } from '../../server/src/testing.js';
import { movableClock } from '../../server/src/tickets/test-kit.js';
import { ACCOUNTS, launchBrowser, newContext, waitFor, watchErrors } from './harness.js';

const INBOUND = 'e2e-inbound-token-0123456789';
// Monday 7 December 2026, 10:00 in Shanghai, where Support keeps office hours.
const clock = movableClock('2026-12-07T02:00:00Z');
let server: TestServer;
let smtp: TestSmtp;
let browser: Browser;

before(async () => {
  smtp = await startSmtp();
  server = await startTestServer({
    clock: clock.now,
    config: { smtpUrl: smtp.url, mailFrom: 'Acme Support <support@acme.test>', mailReplyTo: 'support@acme.test', inboundMailToken: INBOUND },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

/** The leader delivers mail every few seconds; the test asks it to now, then waits for the SMTP server. */
async function mailTo(address: string, subject: RegExp) {
  return waitFor(
    async () => {
      await server.app.ctx.jobs.runDue();
      return smtp.received.find((m) => m.envelopeTo.includes(address) && subject.test(m.parsed.subject ?? ''));
    },
    (m) => m !== undefined,
    15_000,
    `a mail to ${address} with subject ${subject}`,
  ).then((m) => m!);
}

async function signInToTickets(page: Page, account: { email: string; password: string }) {
  await page.goto(`${server.url}/console`);
  await page.getByRole('textbox', { name: 'Email' }).fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('region', { name: 'Queue' }).waitFor();
  await page.locator('parley-console').getByRole('button', { name: 'Tickets', exact: true }).click();
  return page.locator('parley-console-tickets');
}

test('a complaint with a photo: number and 2-hour promise, the emailed link, an agent reply, answers from the page and by email', async () => {
  const context = await newContext(browser, 'en-US');
  const page = await context.newPage();
  const errors = watchErrors(page);

  // The visitor: the messenger's Feedback tab on the demo website.
  await page.goto(`${server.url}/`);
  await page.getByRole('button', { name: 'Open chat' }).click();
  await page.getByRole('tab', { name: 'Feedback' }).click();
  const form = page.locator('parley-feedback');
  await form.getByLabel('Topic').selectOption({ label: 'Complaint' });
  await form.getByLabel('Subject').fill('Kettle arrived cracked');
  await form.getByLabel('Message').fill('The lid is cracked.\nPhoto attached.');
  await form.getByLabel(/^Name/).fill('Mia Wong');
  await form.getByRole('textbox', { name: /^Email/ }).fill('mia@example.com');
  await form.locator('input[type=file]').setInputFiles({ name: 'lid.png', mimeType: 'image/png', buffer: Buffer.from(png()) });
  await form.getByRole('button', { name: 'Send', exact: true }).click();
  const heading = form.getByRole('heading', { name: /^Your request T-2026-\d{6} was received$/ });
  await heading.waitFor();
  const number = (await heading.innerText()).match(/T-2026-\d{6}/)![0];
  // Monday 10:00 Shanghai + 2 business hours = 12:00 Shanghai = 04:00 UTC (the browser shows its own zone).
  const promise = await form.getByText(/We aim to answer by/).first().innerText();
  assert.match(promise, /within 2 hours, counted in business hours/);

  // The email: the number, the promise and the private link.
  const created = await mailTo('mia@example.com', new RegExp(`\\[${number}\\]`));
  const link = (created.parsed.text ?? '').match(/https?:\/\/\S+\/t\/[A-Za-z0-9_-]{43}/)?.[0];
  assert.ok(link, `the mail carries the private link: ${created.parsed.text}`);
  assert.equal(created.parsed.replyTo?.value[0]?.address, `support+${number}@acme.test`);

  // The customer follows the link.
  await page.goto(link);
  const ticket = page.locator('parley-ticket');
  await ticket.getByText(`Request ${number}`).waitFor();
  await ticket.getByText('Status: Submitted').waitFor();
  assert.ok(await ticket.getByRole('link', { name: /lid\.png/ }).isVisible(), 'the photo is listed as a download');

  // The agent answers in the console.
  const agentPage = await (await newContext(browser, 'en-US')).newPage();
  const agentErrors = watchErrors(agentPage);
  const tickets = await signInToTickets(agentPage, ACCOUNTS.bob);
  await tickets.getByRole('searchbox', { name: 'Search tickets' }).or(tickets.getByRole('textbox', { name: 'Search tickets' })).fill(number);
  await tickets.getByRole('button', { name: 'Kettle arrived cracked' }).click();
  await tickets.getByText('The lid is cracked.').waitFor();
  await tickets.getByRole('textbox', { name: 'Message' }).fill('So sorry! A new kettle ships today.');
  await tickets.getByRole('button', { name: 'Send reply' }).click();
  await tickets.getByText('Reply sent.').waitFor();
  const replyMail = await mailTo('mia@example.com', /New reply|reply/i);
  assert.match(replyMail.parsed.text ?? '', /A new kettle ships today/);

  // The customer sees it and answers on the page...
  await page.reload();
  await ticket.getByText('So sorry! A new kettle ships today.').waitFor();
  await ticket.getByText('Status: In progress').waitFor();
  await ticket.getByRole('textbox', { name: 'Your message' }).fill('Thank you! Same address as before.');
  await ticket.getByRole('button', { name: 'Send reply' }).click();
  await ticket.getByText('Your reply was sent.').waitFor();

  // ...and by email, quoting the agent's mail under the new text.
  const inbound = await fetch(`${server.url}/api/mail/inbound`, {
    method: 'POST',
    headers: { authorization: `Bearer ${INBOUND}`, 'content-type': 'message/rfc822' },
    body: rawMail(
      { From: 'Mia Wong <mia@example.com>', To: `support+${number}@acme.test`, Subject: `Re: [${number}] New reply`, 'Message-ID': '<e2e-1@mail.example>', 'Content-Type': 'text/plain; charset=UTF-8' },
      'The old one can go to recycling?\n\nOn Mon, Acme Support wrote:\n> So sorry! A new kettle ships today.',
    ),
  });
  assert.equal(inbound.status, 201);
  await page.reload();
  await ticket.getByText('The old one can go to recycling?').waitFor();
  assert.equal(await ticket.getByText('So sorry! A new kettle ships today.').count(), 1, 'the quoted history was not appended again');

  // The agent's view has the whole thread once reopened.
  await tickets.getByRole('button', { name: 'Back to tickets' }).click();
  await tickets.getByRole('button', { name: 'Kettle arrived cracked' }).click();
  await tickets.getByText('The old one can go to recycling?').waitFor();
  await tickets.getByText('Thank you! Same address as before.').waitFor();

  assert.deepEqual(errors, []);
  assert.deepEqual(agentErrors, []);
  await agentPage.context().close();
  await context.close();
});

test('an unanswered complaint escalates past 24 business hours: recorded, mailed, shown in the console', async () => {
  const categories = (await (await fetch(`${server.url}/api/tickets/sites/${server.siteKey}/categories`)).json()) as { categories: Array<{ id: string; slug: string }> };
  const complaint = categories.categories.find((c) => c.slug === 'complaint')!;
  const res = await fetch(`${server.url}/api/tickets/sites/${server.siteKey}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ categoryId: complaint.id, subject: 'Nobody answers me', message: 'Third time writing.', email: 'leo@example.com' }),
  });
  assert.equal(res.status, 201);
  const { ticket } = (await res.json()) as { ticket: { number: string } };

  // Monday 10:00 + 24 business hours (9-18 on weekdays) = Wednesday 16:00 Shanghai. Level 1 goes to
  // Support's supervisor, the demo's Sam.
  clock.set('2026-12-09T08:00:00Z');
  const escalation = await mailTo('sam@parley.test', new RegExp(`\\[${ticket.number}\\]`));
  assert.match(escalation.parsed.subject ?? '', /escalat/i);

  const page = await (await newContext(browser, 'en-US')).newPage();
  const tickets = await signInToTickets(page, ACCOUNTS.sam);
  await tickets.getByRole('button', { name: 'Breached' }).click();
  const row = tickets.locator('tr', { hasText: 'Nobody answers me' });
  await row.getByText('Escalated: Supervisor').waitFor();
  await row.getByRole('button', { name: 'Nobody answers me' }).click();
  await tickets.getByText('Escalated to level 1: Supervisor').waitFor();
  await page.context().close();
});
