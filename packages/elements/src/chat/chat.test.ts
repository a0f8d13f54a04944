/// <reference types="mocha" />
/**
 * <parley-chat> in real Chromium against the real server (started by web-test-runner.config.mjs).
 * No mocks: every assertion here crosses the socket to the server and its seeded demo data.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './chat.js';
import type { ParleyChat } from './chat.component.js';

interface ServerInfo {
  url: string;
  siteKey: string;
}

let info: ServerInfo;

before(async () => {
  const res = await fetch('/__parley__/server.json');
  info = (await res.json()) as ServerInfo;
  if (!info.url) throw new Error('the test server did not start (see web-test-runner.config.mjs)');
});

beforeEach(() => {
  // Each test is a new visitor: no session, no open conversation to resume.
  localStorage.clear();
});

const WAIT = { timeout: 15000, interval: 50 };

async function mount(lang?: string): Promise<ParleyChat> {
  return fixture<ParleyChat>(
    lang
      ? html`<parley-chat server=${info.url} site=${info.siteKey} lang=${lang}></parley-chat>`
      : html`<parley-chat server=${info.url} site=${info.siteKey}></parley-chat>`,
  );
}

const root = (el: ParleyChat): ShadowRoot => el.shadowRoot!;
const launcher = (el: ParleyChat) => root(el).querySelector<HTMLButtonElement>('button.launcher')!;
const composer = (el: ParleyChat) => root(el).querySelector<HTMLTextAreaElement>('textarea')!;
const messages = (el: ParleyChat, author?: string) =>
  Array.from(root(el).querySelectorAll<HTMLElement>(author ? `[role=log] [data-author=${author}]` : '[role=log] [data-author]'));
const buttonNamed = (el: ParleyChat, name: string) =>
  Array.from(root(el).querySelectorAll<HTMLButtonElement>('button')).filter((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name);

async function openWithGreeting(el: ParleyChat): Promise<void> {
  launcher(el).click();
  await waitUntil(() => messages(el, 'bot').length > 0, 'the bot greeting did not arrive', WAIT);
}

/** Types and presses Enter; resolves once the visitor's message is on screen. */
async function type(el: ParleyChat, text: string): Promise<void> {
  const before = messages(el, 'visitor').length;
  const box = composer(el);
  box.value = text;
  box.dispatchEvent(new Event('input'));
  box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  await waitUntil(() => messages(el, 'visitor').length > before, 'the message did not appear', WAIT);
}

/** The bot's replies that arrived after the visitor's last message. */
function botRepliesAfterLastVisitor(el: ParleyChat): HTMLElement[] {
  const all = messages(el);
  const lastVisitor = all.map((m) => m.dataset.author).lastIndexOf('visitor');
  return all.slice(lastVisitor + 1).filter((m) => m.dataset.author === 'bot');
}

describe('<parley-chat>', () => {
  it('renders a closed launcher and no connection until opened', async () => {
    const el = await mount();
    expect(launcher(el).getAttribute('aria-label')).to.equal('Open chat');
    expect(launcher(el).getAttribute('aria-expanded')).to.equal('false');
    expect(el.open).to.equal(false);
    expect(el.client).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('opens a labelled dialog, focuses the composer and shows the bot greeting', async () => {
    const el = await mount();
    let opened = 0;
    el.addEventListener('parley-open', () => opened++);
    await openWithGreeting(el);
    expect(opened).to.equal(1);
    expect(el.hasAttribute('open')).to.equal(true);
    const dialog = root(el).querySelector('[role=dialog]')!;
    expect(dialog.getAttribute('aria-label')).to.equal('Chat');
    expect(launcher(el).getAttribute('aria-label')).to.equal('Close chat');
    expect(launcher(el).getAttribute('aria-expanded')).to.equal('true');
    const log = root(el).querySelector('[role=log]')!;
    expect(log.getAttribute('aria-live')).to.equal('polite');
    expect(log.getAttribute('aria-label')).to.equal('Conversation');
    expect(root(el).activeElement).to.equal(composer(el));
    expect(root(el).querySelector('label[for=composer]')!.textContent!.trim()).to.equal('Message');
    expect(buttonNamed(el, 'Talk to a person')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('delivers a visitor message up to "sent" with a seq, and the bot answers an FAQ question (parley-message)', async () => {
    const el = await mount();
    await openWithGreeting(el);
    let sent = '';
    el.addEventListener('parley-message-sent', (e) => (sent = e.detail.body));
    const replies: Array<{ author: string; body: string; seq: number }> = [];
    el.addEventListener('parley-message', (e) => replies.push(e.detail));
    await type(el, 'How long does shipping take?');
    expect(sent).to.equal('How long does shipping take?');
    expect(composer(el).value).to.equal('');
    await waitUntil(() => messages(el, 'visitor')[0]?.dataset.delivery === 'sent', 'the message was not acked', WAIT);
    const mine = messages(el, 'visitor')[0];
    expect(Number(mine.dataset.seq)).to.be.greaterThan(0);
    await waitUntil(() => botRepliesAfterLastVisitor(el).length > 0, 'no FAQ answer', WAIT);
    expect(botRepliesAfterLastVisitor(el).map((m) => m.textContent).join(' ')).to.match(/ship/i);
    // The JS API's `message` event: the answer, once; not the greeting (history) nor the visitor's own line.
    await waitUntil(() => replies.length > 0, 'no parley-message for the answer', WAIT);
    expect(replies.every((r) => r.author === 'bot' && r.seq > Number(mine.dataset.seq))).to.equal(true);
    expect(replies.map((r) => r.body).join(' ')).to.match(/ship/i);
    expect(new Set(replies.map((r) => r.seq)).size).to.equal(replies.length);
    expect(replies.length).to.equal(botRepliesAfterLastVisitor(el).length);
  });

  it('answers a Chinese question and shows Chinese UI with lang="zh-CN"', async () => {
    const el = await mount('zh-CN');
    expect(launcher(el).getAttribute('aria-label')).to.equal('打开聊天');
    await openWithGreeting(el);
    expect(root(el).querySelector('[role=dialog]')!.getAttribute('aria-label')).to.equal('聊天');
    expect(root(el).querySelector('label[for=composer]')!.textContent!.trim()).to.equal('消息');
    expect(buttonNamed(el, '发送')).to.have.length(1);
    await type(el, '运费多少');
    await waitUntil(() => botRepliesAfterLastVisitor(el).length > 0, 'no FAQ answer', WAIT);
    expect(botRepliesAfterLastVisitor(el).map((m) => m.textContent).join(' ')).to.match(/发货|配送|运费|包邮/);
  });

  it('follows a lang change at runtime', async () => {
    const el = await mount();
    el.setAttribute('lang', 'zh-TW');
    await waitUntil(() => launcher(el).getAttribute('aria-label') === '開啟聊天', 'did not switch to zh-TW', WAIT);
    el.removeAttribute('lang');
    await waitUntil(() => launcher(el).getAttribute('aria-label') !== '開啟聊天', 'did not switch back', WAIT);
  });

  it('shows markup typed by the visitor as text', async () => {
    const el = await mount();
    await openWithGreeting(el);
    const evil = '<img src=x onerror=alert(1)>';
    await type(el, evil);
    await waitUntil(() => messages(el, 'visitor').length > 0, 'message not shown', WAIT);
    const bubble = messages(el, 'visitor')[0].querySelector('.bubble')!;
    expect(bubble.textContent).to.equal(evil);
    expect(root(el).querySelector('img')).to.equal(null);
    await waitUntil(() => messages(el, 'visitor')[0].dataset.delivery === 'sent', 'not acked', WAIT);
    expect(root(el).querySelector('img')).to.equal(null);
  });

  it('"Talk to a person" queues the visitor at position 1, and the chat can be ended and restarted', async () => {
    const el = await mount();
    await openWithGreeting(el);
    buttonNamed(el, 'Talk to a person')[0].click();
    const status = () => root(el).querySelector('[role=status]')!.textContent ?? '';
    // Every element test file ends the chats it queues (internal/test-visitors.ts), so this visitor is first.
    await waitUntil(() => status().includes('You are number 1 in the queue'), `no queue position: "${status()}"`, WAIT);
    expect(status()).to.match(/about \d+ min/);
    expect(buttonNamed(el, 'Talk to a person')).to.have.length(0);
    await expect(el).to.be.accessible();

    // End chat asks first; the confirm button carries the same name, so two activations end it.
    buttonNamed(el, 'End chat')[0].click();
    await el.updateComplete;
    expect(buttonNamed(el, 'End chat')).to.have.length(1);
    expect(buttonNamed(el, 'Cancel')).to.have.length(1);
    // The confirmation waits while a command is on its way (the handoff's ack may trail the queue update).
    await waitUntil(() => !buttonNamed(el, 'End chat')[0]?.disabled, 'End chat stayed disabled', WAIT);
    buttonNamed(el, 'End chat')[0].click();
    await waitUntil(() => buttonNamed(el, 'Start a new chat').length === 1, 'chat did not end', WAIT);
    expect(root(el).querySelector('textarea')).to.equal(null);
    // Told from the visitor's side, not the agent's ("The visitor ended the chat").
    await waitUntil(() => messages(el, 'system').some((m) => m.textContent?.trim() === 'You ended the chat'), 'no "You ended the chat"', WAIT);
    expect(messages(el, 'system').some((m) => /visitor/i.test(m.textContent ?? ''))).to.equal(false);
    await waitUntil(() => !buttonNamed(el, 'Start a new chat')[0]?.disabled, 'Start a new chat stayed disabled', WAIT);
    buttonNamed(el, 'Start a new chat')[0].click();
    await waitUntil(() => root(el).querySelector('textarea') !== null && messages(el, 'bot').length > 0, 'no new chat', WAIT);
  });

  it('says one thing about availability: the header is not "Online" while the panel says nobody is', async () => {
    const site = (await (await fetch(`${info.url}/api/sites/${info.siteKey}`)).json()) as { agentsOnline: number };
    const el = await mount();
    await openWithGreeting(el);
    const header = () => root(el).querySelector('header .sub')?.textContent?.trim() ?? '';
    const note = () => root(el).querySelector('[role=status] .note')?.textContent ?? '';
    await waitUntil(() => header() !== '' && header() !== 'Connecting…', 'header never settled', WAIT);
    if (site.agentsOnline === 0) {
      expect(note()).to.match(/Nobody is online/);
      expect(header()).to.equal('Away · the assistant is here');
    } else {
      expect(note()).to.equal('');
      expect(header()).to.equal('Online');
    }
  });

  it('closes on Escape and returns focus to the launcher (real keyboard)', async () => {
    const el = await mount();
    let closed = 0;
    el.addEventListener('parley-close', () => closed++);
    launcher(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement === composer(el), 'composer not focused on open', WAIT);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.open, 'Escape did not close the panel', WAIT);
    expect(closed).to.equal(1);
    expect(root(el).activeElement).to.equal(launcher(el));
    expect(launcher(el).getAttribute('aria-expanded')).to.equal('false');
  });

  it('asks "Did this answer your question?" under an answer; "No" brings other articles and a person, and the answer stays rated after a reload', async () => {
    const el = await mount();
    await openWithGreeting(el);
    await type(el, 'How long does shipping take?');
    await waitUntil(() => botRepliesAfterLastVisitor(el).length > 0, 'no answer', WAIT);
    const answer = botRepliesAfterLastVisitor(el)[0];
    expect(answer.querySelector('.bubble')!.textContent).to.match(/ship|business day/i);
    const group = answer.querySelector<HTMLElement>('[role=group]')!;
    expect(group, 'the feedback question').to.exist;
    expect(root(el).getElementById(group.getAttribute('aria-labelledby')!)!.textContent!.trim()).to.equal('Did this answer your question?');
    expect(buttonNamed(el, 'Yes')).to.have.length(1);
    expect(buttonNamed(el, 'No')).to.have.length(1);
    expect(buttonNamed(el, 'Talk to a person')).to.have.length(1);
    await expect(el).to.be.accessible();

    // Keyboard: focus reaches "No" and Enter answers it.
    buttonNamed(el, 'No')[0].focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => messages(el, 'bot').some((m) => /Sorry about that/.test(m.textContent ?? '')), 'no follow-up to "No"', WAIT);
    await waitUntil(() => answer.querySelector('.feedback.done') !== null, 'the buttons did not give way to the thanks', WAIT);
    expect(answer.querySelector('.feedback.done')!.textContent!.trim()).to.equal('Thanks for your feedback');
    expect(buttonNamed(el, 'Yes')).to.have.length(0);
    expect(buttonNamed(el, 'No')).to.have.length(0);
    // The thanks can render from the bot's follow-up before the feedback's own ack moves focus there.
    await waitUntil(() => root(el).activeElement === answer.querySelector('.feedback.done'), 'focus stays where the buttons were', WAIT);
    const followUp = messages(el, 'bot').at(-1)!;
    expect(followUp.textContent).to.match(/shall I get a person/);
    expect(buttonNamed(el, 'Talk to a person'), 'one offer of a person, under the follow-up').to.have.length(1);
    expect(followUp.contains(buttonNamed(el, 'Talk to a person')[0])).to.equal(true);
    await expect(el).to.be.accessible();

    // A reload resumes the conversation: the answer is still rated, from the server's history.
    el.remove();
    const again = await mount();
    launcher(again).click();
    await waitUntil(() => messages(again, 'bot').length >= 3, 'history not resumed', WAIT);
    const resumed = messages(again, 'bot').find((m) => /ship|business day/i.test(m.querySelector('.bubble')?.textContent ?? ''))!;
    expect(resumed.querySelector('.feedback.done')!.textContent!.trim()).to.equal('Thanks for your feedback');
    expect(buttonNamed(again, 'Yes')).to.have.length(0);
  });

  it('"Yes" thanks the visitor once', async () => {
    const el = await mount('zh-TW');
    await openWithGreeting(el);
    await type(el, '退款要多久才到帳');
    await waitUntil(() => buttonNamed(el, '解決了').length === 1, 'no feedback question in zh-TW', WAIT);
    expect(root(el).querySelector('.feedback [id]')!.textContent).to.equal('這個回答解決您的問題了嗎？');
    buttonNamed(el, '解決了')[0].click();
    await waitUntil(() => root(el).querySelector('.feedback.done')?.textContent?.trim() === '謝謝您的回饋', 'no thanks', WAIT);
    await waitUntil(() => messages(el, 'bot').some((m) => /很高興能幫上忙/.test(m.textContent ?? '')), 'no follow-up to "Yes"', WAIT);
    expect(buttonNamed(el, '解決了')).to.have.length(0);
    expect(buttonNamed(el, '沒解決')).to.have.length(0);
  });

  it('says it is not sure about what the knowledge base does not answer, and offers a person', async () => {
    const el = await mount();
    await openWithGreeting(el);
    await type(el, 'do you sell gift cards');
    await waitUntil(() => botRepliesAfterLastVisitor(el).length > 0, 'no reply', WAIT);
    const reply = botRepliesAfterLastVisitor(el)[0];
    expect(reply.querySelector('.bubble')!.textContent).to.match(/^I'm not sure/);
    expect(reply.querySelector('[role=group]'), 'nothing to rate').to.equal(null);
    expect(buttonNamed(el, 'Yes')).to.have.length(0);
    const person = buttonNamed(el, 'Talk to a person');
    expect(person).to.have.length(1);
    expect(reply.contains(person[0]), 'offered under the reply').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows the server error for an unknown site key', async () => {
    const el = await fixture<ParleyChat>(html`<parley-chat server=${info.url} site="no-such-site" open></parley-chat>`);
    await waitUntil(() => root(el).querySelector('.error') !== null, 'no error state', WAIT);
    expect(buttonNamed(el, 'Try again')).to.have.length(1);
    expect(root(el).querySelector('.error p')!.textContent!.trim().length).to.be.greaterThan(0);
  });
});
