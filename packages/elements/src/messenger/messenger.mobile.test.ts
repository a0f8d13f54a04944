/// <reference types="mocha" />
/**
 * The messenger on a phone-sized screen (375 x 667, what parley.js mounts on a mobile site): the open
 * panel fills the viewport, the launcher never covers the composer, and every field the visitor types
 * in is at least 16 px (iOS zooms into smaller ones). The standalone chat behaves the same.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import './messenger.js';
import '../chat/chat.js';
import type { ParleyMessenger } from './messenger.component.js';
import type { ParleyChat } from '../chat/chat.component.js';

const WAIT = { timeout: 15000, interval: 50 };
let info: { url: string; siteKey: string };

before(async () => {
  info = (await (await fetch('/__parley__/server.json')).json()) as { url: string; siteKey: string };
  await setViewport({ width: 375, height: 667 });
});
after(() => setViewport({ width: 800, height: 600 }));
beforeEach(() => localStorage.clear());

const rect = (el: Element) => el.getBoundingClientRect();
const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const visible = (el: Element | null | undefined) => !!el && getComputedStyle(el).display !== 'none' && rect(el).width > 0;

async function expectPhoneLayout(host: HTMLElement, panel: HTMLElement, launcher: HTMLElement, composer: HTMLTextAreaElement): Promise<void> {
  // The panel rises 8 px as it opens; measure where it comes to rest.
  await Promise.all(panel.getAnimations().map((a) => a.finished));
  const r = rect(panel);
  expect([r.left, r.top, r.width, r.height]).to.deep.equal([0, 0, innerWidth, innerHeight], 'the panel fills the viewport');
  expect(!visible(launcher) || !overlaps(rect(launcher), rect(composer)), 'the launcher does not cover the composer').to.equal(true);
  expect(parseFloat(getComputedStyle(composer).fontSize)).to.be.at.least(16);
  await expect(host).to.be.accessible();
}

describe('on a phone', () => {
  it('the messenger opens full screen, without its launcher over the composer, fields at 16 px', async () => {
    const el = await fixture<ParleyMessenger>(html`<parley-messenger server=${info.url} site=${info.siteKey} lang="en"></parley-messenger>`);
    const launcher = el.shadowRoot!.querySelector<HTMLButtonElement>('button.launcher')!;
    launcher.click();
    const chat = await waitUntil(() => el.shadowRoot!.querySelector<ParleyChat>('parley-chat'), 'no chat', WAIT).then(() => el.shadowRoot!.querySelector<ParleyChat>('parley-chat')!);
    await waitUntil(() => chat.shadowRoot?.querySelector('textarea'), 'no composer', WAIT);
    const panel = el.shadowRoot!.querySelector<HTMLElement>('[role=dialog]')!;
    await expectPhoneLayout(el, panel, launcher, chat.shadowRoot!.querySelector('textarea')!);
    // Minimize brings the launcher back.
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.minimize')!.click();
    await waitUntil(() => visible(launcher), 'the launcher is back after Minimize', WAIT);
  });

  it('the chat on its own does the same', async () => {
    const el = await fixture<ParleyChat>(html`<parley-chat server=${info.url} site=${info.siteKey} lang="en"></parley-chat>`);
    const launcher = el.shadowRoot!.querySelector<HTMLButtonElement>('button.launcher')!;
    launcher.click();
    await waitUntil(() => el.shadowRoot!.querySelector('textarea'), 'no composer', WAIT);
    await expectPhoneLayout(el, el.shadowRoot!.querySelector<HTMLElement>('.panel')!, launcher, el.shadowRoot!.querySelector('textarea')!);
  });
});
