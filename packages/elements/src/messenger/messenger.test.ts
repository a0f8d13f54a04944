/// <reference types="mocha" />
/**
 * <parley-messenger> in real Chromium against the real server (started by web-test-runner.config.mjs):
 * the tabs, the chat inside it, the help center and the feedback form loaded on first use, and the
 * hand-over between them.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './messenger.js';
import type { ParleyMessenger } from './messenger.component.js';
import type { ParleyChat } from '../chat/chat.component.js';
import type { ParleyFeedback } from '../feedback/feedback.component.js';

interface ServerInfo {
  url: string;
  siteKey: string;
}

let info: ServerInfo;
const WAIT = { timeout: 15000, interval: 50 };

before(async () => {
  info = (await (await fetch('/__parley__/server.json')).json()) as ServerInfo;
});

beforeEach(() => localStorage.clear());

const mount = (lang = 'en') =>
  fixture<ParleyMessenger>(html`<parley-messenger server=${info.url} site=${info.siteKey} lang=${lang}></parley-messenger>`);
const root = (el: Element): ShadowRoot => el.shadowRoot!;
const launcher = (el: ParleyMessenger) => root(el).querySelector<HTMLButtonElement>('button.launcher')!;
const tab = (el: ParleyMessenger, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('[role=tab]')].find((t) => t.textContent?.trim().startsWith(name))!;
const chat = (el: ParleyMessenger) => root(el).querySelector<ParleyChat>('parley-chat')!;
const faq = (el: ParleyMessenger) => root(el).querySelector<HTMLElement>('parley-faq');
const feedback = (el: ParleyMessenger) => root(el).querySelector<ParleyFeedback>('parley-feedback');
const chatMessages = (el: ParleyMessenger, author: string) => [...root(chat(el)).querySelectorAll<HTMLElement>(`[role=log] [data-author=${author}]`)];
/** The element focused inside nested shadow roots. */
function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

describe('<parley-messenger>', () => {
  it('opens on the Chat tab with the bot greeting and the composer focused; no help center loaded yet', async () => {
    const el = await mount();
    expect(launcher(el).getAttribute('aria-label')).to.equal('Open chat');
    launcher(el).click();
    await waitUntil(() => chatMessages(el, 'bot').length > 0, 'no greeting', WAIT);
    expect(tab(el, 'Chat').getAttribute('aria-selected')).to.equal('true');
    expect(tab(el, 'Help').getAttribute('aria-selected')).to.equal('false');
    expect(root(el).querySelector('[role=dialog]')!.getAttribute('aria-label')).to.equal('Chat and help');
    // The chat inside has no launcher or panel of its own.
    expect(root(chat(el)).querySelector('button.launcher')).to.equal(null);
    await waitUntil(() => deepActive()?.tagName === 'TEXTAREA', 'composer not focused', WAIT);
    expect(faq(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('switches tabs with the arrow keys, loads the help center on first use, and Escape returns to the launcher', async () => {
    const el = await mount();
    launcher(el).click();
    await waitUntil(() => chatMessages(el, 'bot').length > 0, 'no greeting', WAIT);
    tab(el, 'Chat').focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => tab(el, 'Help').getAttribute('aria-selected') === 'true', 'ArrowRight did not select Help', WAIT);
    expect(root(el).activeElement).to.equal(tab(el, 'Help'));
    await waitUntil(() => faq(el), 'help center not loaded', WAIT);
    expect(root(el).querySelector<HTMLElement>('#panel-chat')!.hidden).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Home' });
    await waitUntil(() => tab(el, 'Chat').getAttribute('aria-selected') === 'true', 'Home did not select Chat', WAIT);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.open, 'Escape did not close', WAIT);
    expect(root(el).activeElement).to.equal(launcher(el));
  });

  it('"Still need help?" in the help center opens the chat with a person, carrying the article and the search', async () => {
    const el = await mount();
    el.show('help');
    await waitUntil(() => faq(el), 'help center not loaded', WAIT);
    faq(el)!.dispatchEvent(
      new CustomEvent('parley-chat-request', { bubbles: true, composed: true, cancelable: true, detail: { articleTitle: 'How do I return an item?', query: 'broken blender' } }),
    );
    await waitUntil(() => tab(el, 'Chat').getAttribute('aria-selected') === 'true', 'did not switch to Chat', WAIT);
    await waitUntil(
      () => chatMessages(el, 'system').some((m) => m.textContent?.includes('From the help center: “How do I return an item?” · searched “broken blender”')),
      'the help context is not in the conversation',
      WAIT,
    );
    // Straight to a person: queued, no bot round first.
    await waitUntil(() => chat(el).client?.state.conversation?.status === 'queued', 'not queued for a person', WAIT);
    // Leave the shared test server's queue as it was: other files count queue positions.
    await chat(el).client?.close();
  });

  it('an article the bot suggests opens in the Help tab', async () => {
    const el = await mount();
    launcher(el).click();
    await waitUntil(() => chatMessages(el, 'bot').length > 0, 'no greeting', WAIT);
    chat(el).dispatchEvent(new CustomEvent('parley-article-request', { bubbles: true, composed: true, detail: { id: '00000000-0000-4000-8000-000000000000', title: 'x' } }));
    await waitUntil(() => tab(el, 'Help').getAttribute('aria-selected') === 'true', 'Help not selected', WAIT);
    await waitUntil(() => faq(el)?.getAttribute('article') === '00000000-0000-4000-8000-000000000000', 'article not asked for', WAIT);
  });

  it('the Feedback tab (End key) loads the feedback form on first use, in the panel language, with the chat visitor token', async () => {
    const el = await mount();
    launcher(el).click();
    await waitUntil(() => chatMessages(el, 'bot').length > 0, 'no greeting', WAIT);
    expect(feedback(el)).to.equal(null);
    tab(el, 'Chat').focus();
    await sendKeys({ press: 'End' });
    await waitUntil(() => tab(el, 'Feedback').getAttribute('aria-selected') === 'true', 'End did not select Feedback', WAIT);
    expect(root(el).activeElement).to.equal(tab(el, 'Feedback'));
    await waitUntil(() => feedback(el)?.shadowRoot?.querySelectorAll('#category option[value]:not([value=""])').length, 'feedback form not loaded', WAIT);
    const form = feedback(el)!;
    expect(form.getAttribute('site')).to.equal(info.siteKey);
    expect(form.getAttribute('lang')).to.equal('en');
    expect(form.shadowRoot!.querySelector('h2')!.textContent).to.equal('Send us feedback');
    // The ticket joins this browser's conversations: the chat's visitor token is passed along.
    const session = JSON.parse(localStorage.getItem(`parley:${info.siteKey}:visitor`)!) as { token: string };
    expect(form.visitorToken).to.equal(session.token);
    expect(root(el).querySelector<HTMLElement>('#panel-help')!.hidden).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => tab(el, 'Chat').getAttribute('aria-selected') === 'true', 'ArrowRight did not wrap to Chat', WAIT);
  });

  it('when nobody can chat, "Leave a message" opens the Feedback tab on the offline form, which files a ticket', async () => {
    // Other files' agents sign out when their tests end: wait until nobody is online.
    const online = async () => ((await (await fetch(`${info.url}/api/sites/${info.siteKey}`)).json()) as { agentsOnline: number }).agentsOnline;
    await waitUntil(async () => (await online()) === 0, 'an agent stayed online', WAIT);
    const el = await mount();
    launcher(el).click();
    await waitUntil(() => chatMessages(el, 'bot').length > 0, 'no greeting', WAIT);
    const leave = () => [...root(chat(el)).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Leave a message');
    await waitUntil(leave, 'no "Leave a message" while nobody is online', WAIT);
    leave()!.click();
    await waitUntil(() => tab(el, 'Feedback').getAttribute('aria-selected') === 'true', 'the Feedback tab did not open', WAIT);
    await waitUntil(() => feedback(el)?.shadowRoot?.querySelector<HTMLSelectElement>('#category')?.selectedOptions[0]?.textContent?.trim() === 'Question', 'the form did not preselect a question', WAIT);
    const form = feedback(el)!;
    expect(form.getAttribute('source')).to.equal('offline');
    expect(form.shadowRoot!.querySelector('h2')!.textContent).to.equal('Leave us a message');
    const f = form.shadowRoot!;
    const set = (sel: string, value: string) => {
      const input = f.querySelector<HTMLInputElement | HTMLTextAreaElement>(sel)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    set('#subject', 'Opening hours');
    set('#message', 'Are you open on Sunday?');
    set('#email', 'sam@example.com');
    let created: { token: string; number: string } | null = null;
    el.addEventListener('parley-ticket-created', (e) => (created = e.detail));
    [...f.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Send')!.click();
    await waitUntil(() => created !== null, 'no ticket was created', WAIT);
    const ticket = (await (await fetch(`${info.url}/api/tickets/link/${created!.token}`)).json()) as { ticket: { subject: string; category: { slug: string } } };
    expect(ticket.ticket.subject).to.equal('Opening hours');
    expect(ticket.ticket.category.slug).to.equal('inquiry');
    await expect(el).to.be.accessible();
  });

  it('speaks the page language: 繁體中文 tabs', async () => {
    const el = await mount('zh-TW');
    expect(launcher(el).getAttribute('aria-label')).to.equal('開啟聊天');
    expect(tab(el, '聊天')).to.exist;
    expect(tab(el, '說明')).to.exist;
    expect(tab(el, '意見回饋')).to.exist;
  });
});
