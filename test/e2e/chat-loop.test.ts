/**
 * The foundation's promise, as a new user would try it: a visitor on the demo website gets a bot answer,
 * asks for a person, sees their queue position; an agent signed in at /console takes the conversation;
 * both exchange messages live; reloading either page loses nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, useServerAndBrowser, chat, committedRows, console_, newContext, waitFor, watchErrors } from './harness.js';

const env = useServerAndBrowser();

test('visitor -> bot -> queue -> agent -> live exchange -> reloads lose nothing -> close', async () => {
  const visitorContext = await newContext(env.browser);
  const agentContext = await newContext(env.browser);
  const visitorPage = await visitorContext.newPage();
  const agentPage = await agentContext.newPage();
  const visitorErrors = watchErrors(visitorPage);
  const agentErrors = watchErrors(agentPage);

  // The loader must not open a socket before the visitor opens the chat.
  const sockets: string[] = [];
  visitorPage.on('websocket', (ws) => sockets.push(ws.url()));
  await visitorPage.goto(`${env.server.url}/`);
  const v = chat(visitorPage);
  await v.launcher.waitFor();
  await visitorPage.waitForTimeout(500);
  assert.deepEqual(sockets, [], 'no socket before the chat is opened');

  await v.open();
  await waitFor(() => committedRows(v.log), (rows) => rows.some((r) => r.author === 'bot'), 15_000, 'bot greeting');

  await v.say('How long does shipping take?');
  const afterQuestion = await waitFor(
    () => committedRows(v.log),
    (rows) => rows.length >= 3 && rows.at(-1)!.author === 'bot',
    15_000,
    'bot answer',
  );
  assert.match(afterQuestion.at(-1)!.text, /ship|deliver|day/i, 'the bot answered from the shipping FAQ');
  assert.ok(sockets.length > 0, 'opening the chat opened a socket');

  await v.handoff.click();
  await visitorPage.getByText(/You are number 1 in the queue/).waitFor();

  // The agent signs in and takes the conversation from the queue.
  await agentPage.goto(`${env.server.url}/console`);
  const a = console_(agentPage);
  await a.signIn(ACCOUNTS.alice);
  await a.takeFirst();
  await visitorPage.getByText(/Alice/).first().waitFor();

  // The agent sees the whole history, the bot's part included.
  await waitFor(() => committedRows(a.log), (rows) => rows.some((r) => /shipping take/.test(r.text)), 15_000, 'history in console');

  // Live both ways. The host page hears the reply through the JS API (`Parley('on', 'message')`).
  await visitorPage.evaluate(() => {
    const w = window as unknown as { Parley: (...args: unknown[]) => unknown; heard: string[] };
    w.heard = [];
    w.Parley('on', 'message', (e: CustomEvent<{ author: string; body: string }>) => w.heard.push(`${e.detail.author}: ${e.detail.body}`));
  });
  await a.say('Hello, this is Alice. How can I help?');
  await waitFor(() => committedRows(v.log), (rows) => rows.some((r) => r.author === 'agent' && /this is Alice/.test(r.text)), 15_000, 'agent reply at visitor');
  assert.deepEqual(await visitorPage.evaluate(() => (window as unknown as { heard: string[] }).heard), ['agent: Hello, this is Alice. How can I help?'], "the page's message listener heard the reply once");
  await v.say('My order #123 has not arrived <b>yet</b>');
  await waitFor(() => committedRows(a.log), (rows) => rows.some((r) => r.author === 'visitor' && /<b>yet<\/b>/.test(r.text)), 15_000, 'visitor message at agent, as text');

  // A single-page app's route change (no page load): the agent sees the visitor's new page at once.
  await visitorPage.evaluate(() => history.pushState({}, '', '/?section=pricing'));
  await agentPage.getByText(`${env.server.url}/?section=pricing`).first().waitFor();

  const visitorBefore = await committedRows(v.log);
  const agentBefore = await committedRows(a.log);
  assert.deepEqual(
    visitorBefore.map((r) => r.seq),
    visitorBefore.map((_, i) => i + 1),
    'visitor holds seq 1..n with no gap and no duplicate',
  );

  // Reload both pages: nothing is lost, nothing doubles, the visitor's chat reopens by itself.
  await visitorPage.reload();
  await agentPage.reload();
  // The open conversation makes the loader fetch the chat at once; the visitor reopens the panel.
  await chat(visitorPage).open();
  const visitorAfter = await waitFor(() => committedRows(chat(visitorPage).log), (rows) => rows.length >= visitorBefore.length, 20_000, 'visitor history after reload');
  assert.deepEqual(visitorAfter, visitorBefore);
  await a.mine.getByRole('button').first().click();
  const agentAfter = await waitFor(() => committedRows(a.log), (rows) => rows.length >= agentBefore.length, 20_000, 'agent history after reload');
  assert.deepEqual(agentAfter.map((r) => r.seq), agentBefore.map((r) => r.seq));

  // The agent closes; the visitor is told and can start again.
  await agentPage.getByRole('button', { name: 'Close conversation' }).click();
  const confirm = agentPage.getByRole('button', { name: /^(Close|Confirm|Yes)/ }).filter({ hasNotText: 'conversation' });
  if (await confirm.first().isVisible().catch(() => false)) await confirm.first().click();
  await visitorPage.getByRole('button', { name: 'Start a new chat' }).waitFor();

  assert.deepEqual(visitorErrors, [], 'no errors in the visitor page');
  assert.deepEqual(agentErrors, [], 'no errors in the console page');
  await visitorContext.close();
  await agentContext.close();
});
