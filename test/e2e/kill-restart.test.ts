/**
 * Delivery guarantee: SIGKILL the server mid-conversation and start it again on the same data. Both
 * sides must end up with every acked message exactly once, in order, without anyone touching anything;
 * a message typed while the server was down is delivered once it is back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, useServerAndBrowser, chat, committedRows, console_, newContext, waitFor } from './harness.js';

const env = useServerAndBrowser();

test('SIGKILL mid-conversation: both sides resume by themselves with every acked message once, in order', async () => {
  const visitorPage = await (await newContext(env.browser)).newPage();
  const agentPage = await (await newContext(env.browser)).newPage();
  await visitorPage.goto(`${env.server.url}/`);
  const v = chat(visitorPage);
  await v.open();
  await waitFor(() => committedRows(v.log), (rows) => rows.length >= 1, 15_000, 'greeting');
  await v.say('人工');
  await visitorPage.getByText(/You are number 1 in the queue/).waitFor();

  await agentPage.goto(`${env.server.url}/console`);
  const a = console_(agentPage);
  await a.signIn(ACCOUNTS.alice);
  await a.takeFirst();

  for (let i = 1; i <= 3; i++) {
    await v.say(`visitor before crash ${i}`);
    await a.say(`agent before crash ${i}`);
  }
  const acked = await waitFor(
    () => committedRows(v.log),
    (rows) => rows.filter((r) => /before crash/.test(r.text)).length === 6,
    15_000,
    'six acked messages',
  );

  await env.server.kill();
  // The visitor is told, rather than left typing into a void.
  await visitorPage.getByText(/Reconnecting… Your messages will be sent when the connection is back/).waitFor();
  // Typed while the server is dead: must stay pending, not be lost, and go out after the restart.
  await v.say('visitor during outage');
  await a.say('agent during outage');
  await visitorPage.locator('[data-delivery="sending"]').first().waitFor();
  await visitorPage.locator('[data-delivery="sending"]').getByText('Sending…').first().waitFor();

  await env.server.start();

  const expectDelivered = (rows: Array<{ text: string }>) =>
    rows.some((r) => /visitor during outage/.test(r.text)) && rows.some((r) => /agent during outage/.test(r.text));
  const visitorRows = await waitFor(() => committedRows(v.log), expectDelivered, 45_000, 'visitor resync');
  const agentRows = await waitFor(() => committedRows(a.log), expectDelivered, 45_000, 'agent resync');

  for (const [side, rows] of [['visitor', visitorRows], ['agent', agentRows]] as const) {
    const seqs = rows.map((r) => r.seq);
    assert.deepEqual(seqs, [...new Set(seqs)].sort((x, y) => x - y), `${side}: seqs unique and ordered`);
    for (const row of acked) {
      assert.equal(rows.filter((r) => r.seq === row.seq).length, 1, `${side}: acked seq ${row.seq} shown once`);
    }
    for (const text of ['visitor during outage', 'agent during outage']) {
      assert.equal(rows.filter((r) => r.text.includes(text)).length, 1, `${side}: "${text}" shown exactly once`);
    }
  }
  // Both sides hold the same committed history once the agent's view covers the bot part too.
  const common = visitorRows.filter((r) => agentRows.some((x) => x.seq === r.seq));
  assert.ok(common.length >= 8, 'both sides share the conversation');
  assert.equal(await visitorPage.locator('[data-delivery="sending"], [data-delivery="failed"]').count(), 0, 'nothing left pending at the visitor');
  assert.equal(await agentPage.locator('[data-delivery="sending"], [data-delivery="failed"]').count(), 0, 'nothing left pending at the agent');
});
