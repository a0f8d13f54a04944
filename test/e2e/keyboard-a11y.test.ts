/**
 * Accessibility as a user meets it on the real pages: the whole visitor flow and the agent's take-and-reply
 * by keyboard alone, and axe-core on the demo website (chat open) and the console (conversation open).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { ACCOUNTS, useServerAndBrowser, chat, committedRows, waitFor } from './harness.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const env = useServerAndBrowser();

/** axe-core violations of WCAG 2.1 A/AA, as "rule: target" lines (empty when clean). */
async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } };
    const result = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  });
}

/** Presses Tab until the focused element (through shadow roots) has the accessible name wanted. */
async function tabTo(page: Page, name: RegExp, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      let el = document.activeElement as (Element & { shadowRoot?: ShadowRoot | null }) | null;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el) return '';
      const labelled = (el as HTMLInputElement).labels?.[0]?.textContent;
      return (el.getAttribute('aria-label') ?? labelled ?? (el as HTMLElement).innerText ?? '').trim();
    });
    if (name.test(label)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

test('a visitor and an agent get through the whole flow by keyboard; axe finds nothing on either page', async () => {
  // bypassCSP only so the test can inject axe-core; the pages' own CSP is what other tests run under.
  const visitor = await (await env.browser.newContext({ bypassCSP: true })).newPage();
  await visitor.goto(`${env.server.url}/`);
  const v = chat(visitor);
  await v.launcher.waitFor();

  await tabTo(visitor, /^Open chat$/);
  await visitor.keyboard.press('Enter');
  await v.log.waitFor();
  await waitFor(() => committedRows(v.log), (rows) => rows.length >= 1, 15_000, 'greeting');
  // Focus lands in the composer on open: type straight away.
  await visitor.keyboard.type('What payment methods do you accept?');
  await visitor.keyboard.press('Enter');
  await waitFor(() => committedRows(v.log), (rows) => rows.filter((r) => r.author === 'bot').length >= 2, 15_000, 'bot answer');
  await tabTo(visitor, /^Talk to a person$/);
  await visitor.keyboard.press('Enter');
  await visitor.getByText(/You are number 1 in the queue/).waitFor();
  assert.deepEqual(await axe(visitor), [], 'demo website with the chat open');

  await visitor.keyboard.press('Escape');
  await v.log.waitFor({ state: 'hidden' });
  const focused = await visitor.evaluate(() => {
    let el = document.activeElement as (Element & { shadowRoot?: ShadowRoot | null }) | null;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.getAttribute('aria-label') ?? '';
  });
  assert.match(focused, /Open chat/, 'Escape returns focus to the launcher');

  const agent = await (await env.browser.newContext({ bypassCSP: true })).newPage();
  await agent.goto(`${env.server.url}/console`);
  await agent.getByRole('textbox', { name: 'Email' }).waitFor();
  await tabTo(agent, /^Email$/);
  await agent.keyboard.type(ACCOUNTS.alice.email);
  await agent.keyboard.press('Tab');
  await agent.keyboard.type(ACCOUNTS.alice.password);
  await agent.keyboard.press('Enter');
  await agent.getByRole('region', { name: 'Queue' }).getByRole('button', { name: 'Take' }).waitFor();
  await tabTo(agent, /^Take$/);
  await agent.keyboard.press('Enter');
  const reply = agent.getByRole('textbox', { name: 'Reply' });
  await reply.waitFor();
  await reply.focus();
  await agent.keyboard.type('Hello from the keyboard');
  await agent.keyboard.press('Enter');
  await v.launcher.focus();
  await visitor.keyboard.press('Enter');
  await waitFor(() => committedRows(v.log), (rows) => rows.some((r) => r.author === 'agent' && /from the keyboard/.test(r.text)), 15_000, 'reply at visitor');
  assert.deepEqual(await axe(agent), [], 'console with a conversation open');
});
