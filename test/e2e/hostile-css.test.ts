/**
 * A host page whose CSS is as hostile as real themes get: Bootstrap, a `* { all: unset }` reset,
 * `!important` display, visibility and font rules on button, div and *, and a 48px root font size. The
 * demo website's own stylesheet is swapped for that (route interception: the page and its strict CSP are
 * otherwise the real ones). The launcher (before and after the chat loads) and the open chat must still
 * be visible, sized as designed, on top, and usable.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { chat, committedRows, newContext, useServerAndBrowser, waitFor, watchErrors } from './harness.js';

const env = useServerAndBrowser();

const bootstrap = readFileSync(createRequire(import.meta.url).resolve('bootstrap/dist/css/bootstrap.min.css'), 'utf8');
const HOSTILE = `
${bootstrap}
html { font-size: 48px !important; }
* { all: unset; }
*, *::before, *::after { font-size: 40px !important; line-height: 3 !important; letter-spacing: 6px !important; text-transform: uppercase !important; color: #f0f !important; }
* { visibility: hidden !important; display: none !important; }
html, body { display: block !important; visibility: visible !important; }
button { display: none !important; }
div { display: none !important; }
textarea, input { font-size: 60px !important; display: none !important; }
`;

/** What the visitor sees of the element at the centre of a part: it must be that part, not covered. */
async function box(page: Page, selector: string) {
  return page.evaluate((sel) => {
    // parley.js mounts <parley-messenger>; the chat is inside its shadow root.
    const messenger = document.querySelector('parley-messenger');
    const chat = messenger?.shadowRoot?.querySelector('parley-chat');
    const host = (chat?.shadowRoot?.querySelector(sel) ? chat : messenger) ?? null;
    const el = host?.shadowRoot?.querySelector<HTMLElement>(sel);
    if (!host || !el) return null;
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    const hit = host.shadowRoot!.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return {
      width: Math.round(r.width),
      height: Math.round(r.height),
      right: Math.round(innerWidth - r.right),
      bottom: Math.round(innerHeight - r.bottom),
      display: cs.display,
      visibility: cs.visibility,
      fontSize: cs.fontSize,
      onTop: hit === el || el.contains(hit),
    };
  }, selector);
}

test('the launcher and the chat stay visible, sized and usable under hostile host-page CSS', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.route('**/demo.css', (route) => route.fulfill({ status: 200, contentType: 'text/css', body: HOSTILE }));
  await page.goto(`${env.server.url}/`);

  // The page's own content really is hidden by these rules: the stylesheet took effect.
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('main, div, h1')!).display), 'none');

  // Before the chat is loaded: the loader's placeholder launcher.
  await page.waitForFunction(() => document.querySelector('parley-messenger')?.shadowRoot?.querySelector('button'));
  const placeholder = await box(page, 'button');
  assert.ok(placeholder, 'placeholder launcher exists');
  assert.deepEqual(
    { w: placeholder.width, h: placeholder.height, right: placeholder.right, bottom: placeholder.bottom, visibility: placeholder.visibility, onTop: placeholder.onTop },
    { w: 56, h: 56, right: 20, bottom: 20, visibility: 'visible', onTop: true },
  );

  // Open it with a real click at its position; the element upgrades and opens the panel.
  const v = chat(page);
  await v.launcher.click();
  await v.log.waitFor();
  await page.mouse.move(0, 0); // the launcher grows a little on hover
  await page.waitForTimeout(300);
  const launcher = await box(page, 'button.launcher');
  assert.deepEqual({ w: launcher?.width, h: launcher?.height, right: launcher?.right, bottom: launcher?.bottom, onTop: launcher?.onTop }, { w: 56, h: 56, right: 20, bottom: 20, onTop: true });
  const panel = await box(page, '.panel');
  assert.ok(panel && panel.display === 'flex' && panel.visibility === 'visible', `panel shown: ${JSON.stringify(panel)}`);
  assert.ok(panel.width >= 360 && panel.width <= 400, `panel width ${panel.width}`);
  assert.ok(panel.height >= 400, `panel height ${panel.height}`);
  const composer = await box(page, 'textarea');
  assert.ok(composer && composer.onTop && composer.height < 120, `composer usable: ${JSON.stringify(composer)}`);
  assert.equal(composer.fontSize, '15px', 'host font sizes do not leak in');

  // Usable: a question gets the bot's answer, in the design's own type.
  await waitFor(() => committedRows(v.log), (rows) => rows.some((r) => r.author === 'bot'), 15_000, 'bot greeting');
  await v.say('How long does shipping take?');
  await waitFor(() => committedRows(v.log), (rows) => rows.length >= 3 && rows.at(-1)!.author === 'bot', 15_000, 'bot answer');
  const bubble = await box(page, '[data-author="bot"] .bubble');
  assert.equal(bubble?.fontSize, '15px');
  const transform = await page.evaluate(
    () => getComputedStyle(document.querySelector('parley-messenger')!.shadowRoot!.querySelector('parley-chat')!.shadowRoot!.querySelector('.bubble')!).textTransform,
  );
  assert.equal(transform, 'none');
  assert.deepEqual(errors, []);
  await context.close();
});
