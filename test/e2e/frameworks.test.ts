/**
 * The framework demos (/demos/react and /demos/vue, built from demo/frameworks): <parley-chat> inside a
 * React 19 and a Vue 3 app, under the demo's strict CSP. Both ways, as a developer would check them:
 * the app's state sets the element's `open` property and `lang` attribute, the app calls its show()
 * method through a ref, and the element's events (the visitor closing the chat with its own button)
 * update the app's state. No error in the page (a CSP or Trusted Types violation would be one).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newContext, useServerAndBrowser, waitFor, watchErrors } from './harness.js';

const env = useServerAndBrowser();

for (const [framework, name] of [
  ['react', 'React'],
  ['vue', 'Vue'],
] as const) {
  test(`${name}: properties, attributes and a method go down to <parley-chat>, its events come back up`, async () => {
    const context = await newContext(env.browser);
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${env.server.url}/demos/${framework}`);
      const state = page.getByTestId('state');
      const events = page.getByTestId('events');
      const log = page.getByRole('log', { name: 'Conversation' });
      await page.getByRole('heading', { name: `Acme, a ${name === 'React' ? 'React 19' : 'Vue 3'} app` }).waitFor();
      assert.equal(await state.textContent(), `${name} sees: chat closed, 0 unread`);
      // The element is defined and rendered its launcher.
      await page.getByRole('button', { name: 'Open chat' }).waitFor();

      // App state -> the `open` property: the chat panel opens.
      await page.getByRole('button', { name: 'Open the chat (prop)' }).click();
      await log.waitFor();
      await waitFor(() => state.textContent(), (t) => t === `${name} sees: chat open, 0 unread`, 10_000, 'the app sees the chat open');

      // The visitor closes it with the chat's own button -> parley-close -> app state.
      await page.getByRole('button', { name: 'Close chat' }).click();
      await waitFor(() => state.textContent(), (t) => t === `${name} sees: chat closed, 0 unread`, 10_000, 'parley-close reached the app');
      assert.ok((await events.textContent())?.includes('parley-close'), 'the app logged parley-close');
      await log.waitFor({ state: 'hidden' });

      // A method through the app's ref -> parley-open -> app state.
      await page.getByRole('button', { name: 'Open with show() (method)' }).click();
      await log.waitFor();
      await waitFor(() => state.textContent(), (t) => t === `${name} sees: chat open, 0 unread`, 10_000, 'parley-open reached the app');
      assert.ok((await events.textContent())?.includes('parley-open'), 'the app logged parley-open');

      // App state -> the `lang` attribute: the chat speaks Chinese.
      await page.getByLabel('Chat language').selectOption('zh-CN');
      await page.getByRole('textbox', { name: '消息' }).waitFor();
      await page.getByRole('button', { name: '关闭聊天' }).waitFor();

      assert.deepEqual(errors, [], `no errors in the ${name} page`);
    } finally {
      await context.close();
    }
  });
}
