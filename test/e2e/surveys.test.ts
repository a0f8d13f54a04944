/**
 * Surveys as a website visitor meets them, through parley.js on the demo website (its strict CSP and
 * Trusted Types included): the page's own `Parley('survey', 'nps')` asks once, in the messenger's panel,
 * and the next page asking again shows nothing while the `survey-skipped` event says why; a chat an agent
 * closed asks "how did we do?" in the chat, still after a reload, until it is answered.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { io } from 'socket.io-client';
import { ACCOUNTS, chat, console_, newContext, useServerAndBrowser, watchErrors } from './harness.js';

const env = useServerAndBrowser();

test('Parley("survey", "nps"): asked once in the messenger, answered; not asked again on the next page', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.server.url}/`);
  await page.getByRole('button', { name: 'Open chat' }).waitFor();

  await page.evaluate(() => (window as unknown as { Parley: (...a: unknown[]) => void }).Parley('survey', 'nps'));
  const question = page.getByRole('group', { name: 'How likely are you to recommend us to a friend or colleague?' });
  await question.waitFor();
  assert.equal(await question.getByRole('radio').count(), 11);
  // The card stands in for the tabs: no chat was started behind it.
  assert.equal(await page.getByRole('tab', { name: 'Chat' }).isVisible(), false);
  assert.equal(await page.getByRole('log', { name: 'Conversation' }).count(), 0);

  await page.locator('parley-survey label[for="score-9"]').click();
  await page.getByRole('textbox', { name: 'What is the main reason for your score? (optional)' }).fill('Quick answers');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('heading', { name: 'Thank you for your answer!' }).waitFor();
  await page.getByRole('button', { name: 'Close the survey' }).click();
  await page.getByRole('button', { name: 'Open chat' }).waitFor();

  // The next page view asks again: the server remembers this visitor (the chat's token in localStorage).
  await page.reload();
  await page.getByRole('button', { name: 'Open chat' }).waitFor();
  const reason = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const api = (window as unknown as { Parley: (...a: unknown[]) => unknown }).Parley;
        api('on', 'survey-skipped', (e: CustomEvent<{ reason: string }>) => resolve(e.detail.reason));
        api('survey', 'nps');
      }),
  );
  assert.equal(reason, 'recently_asked');
  assert.equal(await page.getByRole('group', { name: /recommend us/ }).count(), 0, 'nothing is shown');
  assert.equal(await page.getByRole('dialog', { name: 'Chat and help' }).isVisible(), false, 'the panel stays closed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a chat an agent closed asks "how did we do?" in the chat, again after a reload, until answered', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.server.url}/`);
  const c = chat(page);
  await c.open();
  await c.handoff.click();
  await c.status.getByText(/in the queue/).waitFor();
  const conversationId = await page.evaluate(() => {
    const messenger = document.querySelector('parley-messenger')!;
    const el = messenger.shadowRoot!.querySelector('parley-chat') as unknown as { client: { state: { conversation: { id: string } } } };
    return el.client.state.conversation.id;
  });

  // The agent's side over its real socket: take the chat, answer, close it.
  const login = (await (await fetch(`${env.server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ACCOUNTS.admin) })).json()) as { token: string };
  const agent = io(`${env.server.url}/agent`, { auth: { token: login.token }, transports: ['websocket'], forceNew: true });
  try {
    await new Promise<void>((resolve, reject) => agent.once('connect', () => resolve()).once('connect_error', reject));
    for (const [event, payload] of [
      ['conversation:claim', { conversationId }],
      ['message:send', { conversationId, clientId: crypto.randomUUID(), body: 'Your parcel leaves today.' }],
      ['conversation:close', { conversationId }],
    ] as const) {
      const ack = (await agent.timeout(5000).emitWithAck(event, payload)) as { ok: boolean; error?: { code: string } };
      assert.ok(ack.ok || ack.error?.code === 'already_claimed', `${event}: ${JSON.stringify(ack)}`);
    }
  } finally {
    agent.close();
  }

  const question = page.getByRole('group', { name: 'How satisfied are you with the help you received?' });
  await question.waitFor();
  assert.deepEqual(await question.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.getAttribute('id'))), ['score-1', 'score-2', 'score-3', 'score-4', 'score-5']);
  await page.getByText('Your parcel leaves today.').waitFor();

  // A reload brings the closed chat back with its question rather than a new greeting.
  await page.reload();
  await c.open();
  await question.waitFor();
  await page.locator('parley-survey label[for="score-4"]').click();
  await page.getByRole('textbox', { name: 'Anything you would like to add? (optional)' }).fill('Clear and quick');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('heading', { name: 'Thank you for your answer!' }).waitFor();
  await page.getByText('Your answer: 4 – Satisfied', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Start a new chat' }).click();
  await c.composer.waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a visitor rates a Support chat 2 with a comment; the Support supervisor sees it in Reports and downloads it as CSV', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.server.url}/`);
  const siteKey = await page.locator('script[data-site]').getAttribute('data-site');
  const site = (await (await fetch(`${env.server.url}/api/sites/${siteKey}`)).json()) as { departments: Array<{ id: string; name: { en: string } }> };
  const support = site.departments.find((d) => d.name.en === 'Support')!;
  const c = chat(page);
  await c.open();
  await c.composer.waitFor();
  // "Talk to a person" asks the site's first department; a page may name one, as this one does Support.
  type ChatEl = { client: { handoff(d: string): Promise<void>; state: { conversation: { id: string } | null } } | null };
  await page.waitForFunction(() => {
    const el = document.querySelector('parley-messenger')?.shadowRoot?.querySelector('parley-chat') as unknown as ChatEl | null;
    return Boolean(el?.client?.state.conversation?.id);
  });
  const conversationId = await page.evaluate(async (departmentId) => {
    const el = document.querySelector('parley-messenger')!.shadowRoot!.querySelector('parley-chat') as unknown as ChatEl;
    await el.client!.handoff(departmentId);
    return el.client!.state.conversation!.id;
  }, support.id);

  const login = (await (await fetch(`${env.server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ACCOUNTS.admin) })).json()) as { token: string };
  const agent = io(`${env.server.url}/agent`, { auth: { token: login.token }, transports: ['websocket'], forceNew: true });
  try {
    await new Promise<void>((resolve, reject) => agent.once('connect', () => resolve()).once('connect_error', reject));
    for (const [event, payload] of [
      ['conversation:claim', { conversationId }],
      ['message:send', { conversationId, clientId: crypto.randomUUID(), body: 'Please restart the router.' }],
      ['conversation:close', { conversationId }],
    ] as const) {
      const ack = (await agent.timeout(5000).emitWithAck(event, payload)) as { ok: boolean; error?: { code: string } };
      assert.ok(ack.ok || ack.error?.code === 'already_claimed', `${event}: ${JSON.stringify(ack)}`);
    }
  } finally {
    agent.close();
  }

  const comment = `Waited too long ${crypto.randomUUID().slice(0, 8)}`;
  await page.getByRole('group', { name: 'How satisfied are you with the help you received?' }).waitFor();
  await page.locator('parley-survey label[for="score-2"]').click();
  await page.getByRole('textbox', { name: 'Anything you would like to add? (optional)' }).fill(comment);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('heading', { name: 'Thank you for your answer!' }).waitFor();

  // Sam supervises Support: Reports shows the answer with its comment, and its CSV carries it.
  const consolePage = await context.newPage();
  const consoleErrors = watchErrors(consolePage);
  await consolePage.goto(`${env.server.url}/console`);
  await console_(consolePage).signIn(ACCOUNTS.sam);
  await consolePage.getByRole('navigation', { name: 'Console views' }).getByRole('button', { name: 'Reports' }).click();
  const satisfaction = consolePage.getByRole('region', { name: 'Satisfaction' });
  await satisfaction.getByText(comment).waitFor();
  const item = satisfaction.getByRole('listitem').filter({ hasText: comment });
  assert.match((await item.textContent()) ?? '', /CSAT 2/);
  const answers = satisfaction.locator('.card').filter({ hasText: 'CSAT answers' }).locator('.value');
  assert.ok(Number(await answers.textContent()) >= 1, 'the answer is counted');

  const [download] = await Promise.all([consolePage.waitForEvent('download'), satisfaction.getByRole('button', { name: 'Download CSV' }).click()]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  const bytes = await (await download.createReadStream()).toArray();
  const csv = Buffer.concat(bytes as Buffer[]);
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM, for Excel');
  assert.ok(csv.toString('utf8').includes(comment), 'the comment is in the CSV');
  assert.deepEqual(errors, []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
