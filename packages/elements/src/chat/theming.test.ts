/// <reference types="mocha" />
/**
 * docs/theming.md's examples, applied as written: the test reads the CSS blocks from the document
 * itself and puts them on the page, so a guide that stops working fails here. Checked on the real
 * <parley-chat> in Chromium by computed style.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import './chat.js';
import type { ParleyChat } from './chat.component.js';

const WAIT = { timeout: 15000, interval: 50 };
let info: { url: string; siteKey: string };
let style: HTMLStyleElement;

before(async () => {
  info = (await (await fetch('/__parley__/server.json')).json()) as { url: string; siteKey: string };
  const guide = await (await fetch('/docs/theming.md')).text();
  const blocks = [...guide.matchAll(/```css\n([\s\S]*?)```/g)].map((m) => m[1]!);
  // Every css block of the guide is an example, and each is marked.
  expect(blocks.map((b) => /\/\* example: (\w+) \*\//.exec(b)?.[1])).to.deep.equal(['brand', 'dark', 'placement', 'parts']);
  style = document.createElement('style');
  style.textContent = blocks.join('\n');
  document.head.append(style);
});
after(async () => {
  style.remove();
  await emulateMedia({ colorScheme: 'light' });
});
beforeEach(() => localStorage.clear());

const part = (el: ParleyChat, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const css = (el: Element, prop: string) => getComputedStyle(el).getPropertyValue(prop);

async function openChat(theme?: 'light' | 'dark'): Promise<ParleyChat> {
  const el = await fixture<ParleyChat>(html`<parley-chat server=${info.url} site=${info.siteKey} lang="en" theme=${theme ?? ''}></parley-chat>`);
  if (!theme) el.removeAttribute('theme');
  part(el, 'launcher').click();
  await waitUntil(() => el.shadowRoot!.querySelector('textarea'), 'the chat did not open', WAIT);
  await Promise.all(part(el, 'panel').getAnimations().map((a) => a.finished));
  return el;
}

describe('docs/theming.md', () => {
  it('brand, placement and parts: colours, corners, type, offset, stacking and part rules apply', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const el = await openChat();
    const launcher = part(el, 'launcher');
    expect(css(launcher, 'background-color')).to.equal('rgb(11, 87, 208)');
    expect(css(launcher, 'color')).to.equal('rgb(255, 255, 255)');
    expect(css(part(el, 'panel'), 'border-top-left-radius')).to.equal('16px');
    expect(css(part(el, 'panel'), 'font-family')).to.contain('Inter');
    expect(css(launcher, 'right')).to.equal('24px');
    expect(css(launcher, 'bottom')).to.equal('24px');
    expect(css(launcher, 'z-index')).to.equal('1000');
    expect(part(el, 'panel').getBoundingClientRect().width).to.equal(Math.min(400, innerWidth - 48));
    expect(css(launcher, 'box-shadow')).to.equal('none');
    expect(css(launcher, 'outline-style')).to.equal('solid');
    expect(css(part(el, 'header'), 'letter-spacing')).to.not.equal('normal');
    await expect(el).to.be.accessible();
  });

  it('theme="dark" uses the dark palette and the guide\'s dark brand values; theme="light" stays light on a dark system', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const dark = await openChat('dark');
    expect(css(part(dark, 'panel'), 'background-color')).to.equal('rgb(28, 31, 38)');
    expect(css(part(dark, 'launcher'), 'background-color')).to.equal('rgb(138, 180, 248)');
    expect(css(dark, 'color-scheme')).to.equal('dark');
    await expect(dark).to.be.accessible();

    await emulateMedia({ colorScheme: 'dark' });
    const light = await openChat('light');
    expect(css(part(light, 'panel'), 'background-color')).to.equal('rgb(255, 255, 255)');
    expect(css(part(light, 'launcher'), 'background-color')).to.equal('rgb(11, 87, 208)');
  });

  it('without a theme the chat follows the system', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await openChat();
    expect(css(part(el, 'panel'), 'background-color')).to.equal('rgb(28, 31, 38)');
    await emulateMedia({ colorScheme: 'light' });
    expect(css(part(el, 'panel'), 'background-color')).to.equal('rgb(255, 255, 255)');
  });
});

describe('theme in the messenger', () => {
  it('the messenger passes theme="dark" to the chat inside it, and a change follows', async () => {
    await import('../messenger/messenger.js');
    await emulateMedia({ colorScheme: 'light' });
    const el = await fixture<HTMLElement>(html`<parley-messenger server=${info.url} site=${info.siteKey} lang="en" theme="dark"></parley-messenger>`);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.launcher')!.click();
    const chat = await waitUntil(() => el.shadowRoot!.querySelector<ParleyChat>('parley-chat'), 'no chat', WAIT).then(() => el.shadowRoot!.querySelector<ParleyChat>('parley-chat')!);
    await waitUntil(() => chat.getAttribute('theme') === 'dark', 'the chat inside is dark', WAIT);
    el.setAttribute('theme', 'light');
    await waitUntil(() => chat.getAttribute('theme') === 'light', 'the chat follows the messenger', WAIT);
  });
});
