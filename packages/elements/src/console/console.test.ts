/**
 * <parley-console> against the REAL server (started by web-test-runner.config.mjs, coordinates at
 * /__parley__/server.json). Visitors are raw socket.io-client connections to /visitor, so these tests
 * prove the console and the server agree on the wire, not that two of our own layers agree.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { AgentClient } from '@parley/client';
import { TestVisitors, type TestVisitor } from '../internal/test-visitors.js';
import type { ParleyConsoleConversation } from './console-conversation.component.js';
import type { ParleyConsole } from './console.component.js';
import { TOKEN_KEY } from './console.session.js';
import './console.js';

// Mocha's globals, typed locally: @types/mocha is not a dependency of the workspace.
type Hook = (fn: () => unknown) => void;
type Test = (name: string, fn: () => unknown) => void;
const { describe, it, before, afterEach } = globalThis as unknown as {
  describe: (name: string, fn: () => void) => void;
  it: Test;
  before: Hook;
  afterEach: Hook;
};

interface Account {
  email: string;
  password: string;
  id: string;
}
interface ServerInfo {
  url: string;
  siteKey: string;
  accounts: Record<'admin' | 'alice' | 'bob', Account>;
  departments: Record<'sales' | 'support', { id: string }>;
}

let server: ServerInfo;
let aliceToken: string | null = null;
const visitors = new TestVisitors(async () => server);
const PAGE_URL = 'https://shop.example/pricing?plan=team';
const WAIT = { timeout: 12_000, interval: 50 };

before(async () => {
  const response = await fetch('/__parley__/server.json');
  server = (await response.json()) as ServerInfo;
});

afterEach(async () => {
  fixtureCleanup();
  await visitors.leave();
  sessionStorage.removeItem(TOKEN_KEY);
});

// ---------- helpers ----------

const shadow = (el: Element): ShadowRoot => el.shadowRoot as ShadowRoot;
const view = (el: ParleyConsole): ParleyConsoleConversation =>
  shadow(el).querySelector('parley-console-conversation') as ParleyConsoleConversation;
const text = (el: Node | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A button by its visible name, the way a user (and Playwright's getByRole) would find it. */
function button(scope: ParentNode, name: string): HTMLButtonElement | undefined {
  return [...scope.querySelectorAll('button')].find((b) => text(b) === name);
}

/** A form control by the text of its <label for>: proves the label is wired, not just present. */
function labelled<T extends HTMLElement>(scope: ShadowRoot, label: string): T {
  const l = [...scope.querySelectorAll('label')].find((x) => text(x) === label);
  const control = l?.htmlFor ? scope.getElementById(l.htmlFor) : null;
  if (!control) throw new Error(`no control labelled "${label}"`);
  return control as T;
}

/** A region by the text of the heading that labels it. */
function region(scope: ShadowRoot, name: string): HTMLElement | undefined {
  return [...scope.querySelectorAll<HTMLElement>('section[aria-labelledby]')].find(
    (s) => text(scope.getElementById(s.getAttribute('aria-labelledby') ?? '')) === name,
  );
}

async function aliceSessionToken(): Promise<string> {
  aliceToken ??= (await AgentClient.login(server.url, server.accounts.alice.email, server.accounts.alice.password)).token;
  return aliceToken;
}

/** Signed in the way a reload finds it: the token already in sessionStorage. */
async function signedInConsole(lang?: string): Promise<ParleyConsole> {
  sessionStorage.setItem(TOKEN_KEY, await aliceSessionToken());
  const el = await fixture<ParleyConsole>(html`<parley-console server=${server.url} lang=${lang ?? 'en'}></parley-console>`);
  await waitUntil(() => shadow(el).querySelector('.top .name') && region(shadow(el), lang === 'zh-CN' ? '排队' : 'Queue'), 'console did not sign in', WAIT);
  // Lists arrive with the socket; the queue must be the live one before a visitor joins it.
  await waitUntil(() => !shadow(el).querySelector('.banner.info'), 'console did not connect', WAIT);
  return el;
}

async function handedOffVisitor(firstMessage: string): Promise<TestVisitor> {
  const visitor = await visitors.start(PAGE_URL);
  await visitor.say(firstMessage);
  await visitor.handoff(server.departments.sales.id);
  return visitor;
}

const queueItem = (el: ParleyConsole, id: string) => region(shadow(el), 'Queue')?.querySelector<HTMLElement>(`li[data-id="${id}"]`) ?? null;
const mineItem = (el: ParleyConsole, id: string) =>
  region(shadow(el), 'My conversations')?.querySelector<HTMLButtonElement>(`button[data-id="${id}"]`) ?? null;

async function take(el: ParleyConsole, id: string): Promise<void> {
  await waitUntil(() => queueItem(el, id), 'conversation never reached the Queue', WAIT);
  button(queueItem(el, id) as HTMLElement, 'Take')?.click();
  await waitUntil(() => mineItem(el, id), 'taken conversation is not in My conversations', WAIT);
}

function reply(el: ParleyConsole, body: string, init: KeyboardEventInit = {}): void {
  const textarea = labelled<HTMLTextAreaElement>(shadow(view(el)), 'Reply');
  textarea.value = body;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init }));
}

// ---------- tests ----------

describe('<parley-console>', () => {
  it('shows an error for a wrong password', async () => {
    const el = await fixture<ParleyConsole>(html`<parley-console server=${server.url}></parley-console>`);
    const root = shadow(el);
    labelled<HTMLInputElement>(root, 'Email').value = server.accounts.alice.email;
    labelled<HTMLInputElement>(root, 'Password').value = 'not-her-password';
    button(root, 'Sign in')?.click();
    await waitUntil(() => text(root.querySelector('[role="alert"]')) !== '', 'no error shown', WAIT);
    expect(text(root.querySelector('[role="alert"]'))).to.equal('Wrong email or password.');
    expect(sessionStorage.getItem(TOKEN_KEY)).to.equal(null);
    expect(button(root, 'Sign in')?.disabled).to.equal(false);
  });

  it('signs in with the form, shows the agent and the queue, keeps the session over a reload, signs out', async () => {
    const el = await fixture<ParleyConsole>(html`<parley-console server=${server.url}></parley-console>`);
    let root = shadow(el);
    labelled<HTMLInputElement>(root, 'Email').value = server.accounts.alice.email;
    labelled<HTMLInputElement>(root, 'Password').value = server.accounts.alice.password;
    button(root, 'Sign in')?.click();
    await waitUntil(() => root.querySelector('.top .name'), 'not signed in', WAIT);
    expect(text(root.querySelector('.top .name'))).to.equal('Alice');
    expect(text(root.querySelector('.top .role'))).to.equal('Agent');
    expect(labelled<HTMLSelectElement>(root, 'Status').value).to.equal('online');
    const queue = region(root, 'Queue');
    expect(queue, 'Queue region').to.exist;
    expect(queue?.querySelector('li[data-id]') || text(queue).includes('No one is waiting.')).to.be.ok;
    expect(region(root, 'My conversations'), 'My conversations region').to.exist;
    expect(sessionStorage.getItem(TOKEN_KEY)).to.be.a('string');

    // A reload: a new element finds the token and skips the form.
    fixtureCleanup();
    const again = await fixture<ParleyConsole>(html`<parley-console server=${server.url}></parley-console>`);
    root = shadow(again);
    expect(root.querySelector('form[part="sign-in"]')).to.equal(null);
    await waitUntil(() => text(root.querySelector('.top .name')) === 'Alice', 'session not resumed', WAIT);

    button(root, 'Sign out')?.click();
    await waitUntil(() => button(root, 'Sign in'), 'not signed out', WAIT);
    expect(sessionStorage.getItem(TOKEN_KEY)).to.equal(null);
  });

  it('sends an agent whose token is no longer valid back to the sign-in form with a message', async () => {
    sessionStorage.setItem(TOKEN_KEY, 'revoked-or-expired-token-0123456789abcdef');
    const el = await fixture<ParleyConsole>(html`<parley-console server=${server.url}></parley-console>`);
    const root = shadow(el);
    await waitUntil(() => button(root, 'Sign in'), 'sign-in form not shown', WAIT);
    expect(text(root.querySelector('form[part="sign-in"]'))).to.contain('Your session has ended. Please sign in again.');
    expect(sessionStorage.getItem(TOKEN_KEY)).to.equal(null);
  });

  it('shows a handed-off visitor in the Queue; Take opens it with its history; a reply reaches the visitor', async () => {
    const el = await signedInConsole();
    const visitor = await handedOffVisitor('Hello, I have a question about pricing');
    await waitUntil(() => queueItem(el, visitor.conversationId), 'not in the Queue', WAIT);
    const item = queueItem(el, visitor.conversationId) as HTMLElement;
    // The preview line is there; its text is the server's lastMessage, which today is the handoff's
    // system event (no text), so the console shows "No message yet" rather than an empty line.
    expect(item.querySelector('.preview')).to.exist;
    expect(text(item)).to.contain(PAGE_URL);
    expect(text(item)).to.match(/Waiting \d+/);
    expect(text(region(shadow(el), 'Queue')?.querySelector('h3'))).to.not.equal('');
    expect(document.title).to.match(/^\(\d+\)/);

    await take(el, visitor.conversationId);
    // "My conversations" fills from conversation:updated, which the server sends before the claim's ack
    // and the queue snapshot: for a moment the item is in both lists (its Take button disabled).
    await waitUntil(() => queueItem(el, visitor.conversationId) === null, 'taken conversation stayed in the Queue', WAIT);
    const conv = shadow(view(el));
    await waitUntil(() => conv.querySelector('[role="log"] [data-author="visitor"]'), 'history not shown', WAIT);
    const log = conv.querySelector('[role="log"]') as HTMLElement;
    expect(log.getAttribute('aria-live')).to.equal('polite');
    const first = log.querySelector('[data-author="visitor"]') as HTMLElement;
    expect(text(first)).to.contain('Hello, I have a question about pricing');
    expect(first.dataset.seq).to.match(/^\d+$/);
    expect(first.dataset.delivery).to.equal('sent');
    expect(text(conv.querySelector('header'))).to.contain(PAGE_URL);
    expect(text(conv.querySelector('header'))).to.contain('Sales');

    // An IME's Enter picks a candidate: nothing is sent.
    reply(el, '你好', { isComposing: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(log.querySelector('[data-author="agent"]')).to.equal(null);

    // Real keys: Shift+Enter is a new line, Enter sends.
    const textarea = labelled<HTMLTextAreaElement>(conv, 'Reply');
    expect(textarea.value, 'the IME Enter left the text in place').to.equal('你好');
    textarea.value = '';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    textarea.focus();
    await sendKeys({ type: 'Hi! Happy to help' });
    await sendKeys({ press: 'Shift+Enter' });
    await sendKeys({ type: 'with pricing.' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => visitor.received.some((m) => m.author === 'agent' && m.body === 'Hi! Happy to help\nwith pricing.'),
      'reply never reached the visitor',
      WAIT,
    );
    await waitUntil(() => log.querySelector('[data-author="agent"][data-delivery="sent"][data-seq]'), 'reply not marked sent', WAIT);
    expect(labelled<HTMLTextAreaElement>(conv, 'Reply').value).to.equal('');

    // The list previews the latest message as it arrives.
    await visitor.say('Are prices per seat?');
    await waitUntil(() => text(mineItem(el, visitor.conversationId)?.querySelector('.preview')) === 'Are prices per seat?', 'preview not updated', WAIT);
    await waitUntil(() => [...log.querySelectorAll('[data-author="visitor"]')].some((m) => text(m).includes('Are prices per seat?')), 'live message not shown', WAIT);
  });

  it('counts unread visitor messages, renders them as text, clears them on open, and closes a conversation', async () => {
    const el = await signedInConsole();
    const first = await handedOffVisitor('First visitor here');
    const second = await handedOffVisitor('Second visitor here');
    await take(el, first.conversationId);
    await take(el, second.conversationId);
    await waitUntil(() => mineItem(el, second.conversationId)?.getAttribute('aria-current') === 'true', 'second not selected', WAIT);

    await first.say('<img src=x onerror="window.__pwned=1"><b>still there?</b>');
    await first.say('hello?');
    await waitUntil(() => mineItem(el, first.conversationId)?.dataset.unread === '2', 'unread badge did not count 2', WAIT);
    expect(text(mineItem(el, first.conversationId)?.querySelector('.unread'))).to.contain('2 unread');

    // Keyboard only: the list item is a button, Space opens it.
    mineItem(el, first.conversationId)?.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => mineItem(el, first.conversationId)?.getAttribute('aria-current') === 'true', 'Space did not open it', WAIT);
    const conv = shadow(view(el));
    await waitUntil(() => [...conv.querySelectorAll('[data-author="visitor"]')].some((m) => text(m).includes('<b>still there?</b>')), 'message not shown as text', WAIT);
    expect(conv.querySelector('[role="log"] b, [role="log"] img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    await waitUntil(() => mineItem(el, first.conversationId)?.dataset.unread === '0', 'opening did not mark read', WAIT);

    button(conv, 'Close conversation')?.click();
    const dialog = conv.querySelector('dialog.close') as HTMLDialogElement;
    await waitUntil(() => dialog.open, 'no confirmation', WAIT);
    button(dialog, 'Confirm')?.click();
    await waitUntil(() => mineItem(el, first.conversationId) === null, 'closed conversation stayed in the list', WAIT);
    await waitUntil(() => first.updates.some((c) => c.status === 'closed'), 'visitor not told', WAIT);
    await waitUntil(() => text(conv).includes('Select a conversation'), 'view not back to its empty state', WAIT);
  });

  it('Take by keyboard at desktop width puts focus in the reply box; a conversation the visitor ends offers no Close', async () => {
    const el = await signedInConsole();
    expect(matchMedia('(max-width: 720px)').matches, 'desktop width').to.equal(false);
    const visitor = await handedOffVisitor('Keyboard agent, please');
    await waitUntil(() => queueItem(el, visitor.conversationId), 'conversation never reached the Queue', WAIT);
    button(queueItem(el, visitor.conversationId) as HTMLElement, 'Take')?.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => mineItem(el, visitor.conversationId), 'not taken', WAIT);
    const reply = () => labelled<HTMLTextAreaElement>(shadow(view(el)), 'Reply');
    await waitUntil(() => shadow(view(el))?.querySelector('#reply'), 'conversation view did not open', WAIT);
    await waitUntil(() => shadow(view(el)).activeElement === reply(), 'focus did not move to the reply box after Take', WAIT);
    // Typing goes straight into the conversation.
    await sendKeys({ type: 'On it' });
    expect(reply().value).to.equal('On it');

    const ack = await visitor.socket.emitWithAck('conversation:close', { conversationId: visitor.conversationId });
    expect(ack.ok).to.equal(true);
    const conv = shadow(view(el));
    await waitUntil(() => text(conv).includes('This conversation is closed') || conv.querySelector('.closed-note'), 'closed state not shown', WAIT);
    expect(button(conv, 'Close conversation'), 'no Close button on a closed conversation').to.equal(undefined);
    expect(button(conv, 'Transfer'), 'no Transfer button on a closed conversation').to.equal(undefined);
  });

  it('transfers through a dialog listing online agents and departments', async () => {
    const el = await signedInConsole();
    const visitor = await handedOffVisitor('Can someone move me to support');
    await take(el, visitor.conversationId);
    const conv = shadow(view(el));
    await waitUntil(() => button(conv, 'Transfer') && !button(conv, 'Transfer')?.disabled, 'no Transfer', WAIT);
    button(conv, 'Transfer')?.click();
    const dialog = conv.querySelector('dialog.transfer') as HTMLDialogElement;

    await waitUntil(() => dialog.open, 'no transfer dialog', WAIT);
    const select = labelled<HTMLSelectElement>(conv, 'Hand over to');
    expect([...select.options].map((o) => o.textContent)).to.include.members(['Sales', 'Support']);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape did not close the dialog', WAIT);

    button(conv, 'Transfer')?.click();
    await waitUntil(() => dialog.open, 'no transfer dialog', WAIT);
    // Sales routes manually: the conversation goes back to its queue instead of to an online agent (Alice).
    const sales = [...select.options].find((o) => o.textContent === 'Sales') as HTMLOptionElement;
    select.value = sales.value;
    select.dispatchEvent(new Event('change'));
    await view(el).updateComplete;
    button(dialog, 'Confirm')?.click();
    await waitUntil(() => mineItem(el, visitor.conversationId) === null, 'transferred conversation stayed mine', WAIT);
    await waitUntil(() => queueItem(el, visitor.conversationId), 'transferred conversation not back in the Queue', WAIT);
  });

  it('says so when a colleague took the conversation first, and drops it from the Queue', async () => {
    const el = await signedInConsole();
    const visitor = await handedOffVisitor('Whoever is fastest');
    await waitUntil(() => queueItem(el, visitor.conversationId), 'not in the Queue', WAIT);
    // Hold on to Alice's button: however fast the queue update, her click must still race and lose.
    const takeButton = button(queueItem(el, visitor.conversationId) as HTMLElement, 'Take') as HTMLButtonElement;
    const admin = new AgentClient({ server: server.url, token: (await AgentClient.login(server.url, server.accounts.admin.email, server.accounts.admin.password)).token });
    try {
      await admin.connect();
      await waitUntil(() => admin.state.connection === 'online', 'admin not connected', WAIT);
      const won = await admin.claim(visitor.conversationId);
      expect(won.ok, 'admin claim').to.equal(true);
      takeButton.click();
      const queue = region(shadow(el), 'Queue') as HTMLElement;
      await waitUntil(() => text(queue.querySelector('[role="alert"]')) !== '', 'no message about the lost race', WAIT);
      expect(text(queue.querySelector('[role="alert"]'))).to.equal('Someone else took this conversation.');
      await waitUntil(() => queueItem(el, visitor.conversationId) === null, 'lost conversation still listed', WAIT);
      expect(mineItem(el, visitor.conversationId)).to.equal(null);
    } finally {
      admin.disconnect();
    }
  });

  it('speaks Chinese with lang="zh-CN"', async () => {
    const out = await fixture<ParleyConsole>(html`<parley-console server=${server.url} lang="zh-CN"></parley-console>`);
    const root = shadow(out);
    expect(button(root, '登录')).to.exist;
    expect(labelled(root, '邮箱')).to.exist;
    expect(labelled(root, '密码')).to.exist;
    fixtureCleanup();
    const el = await signedInConsole('zh-CN');
    expect(region(shadow(el), '我的对话')).to.exist;
    expect(button(shadow(el), '退出登录')).to.exist;
    expect(text(labelled<HTMLSelectElement>(shadow(el), '状态').selectedOptions[0])).to.equal('在线');
  });

  it('stacks its panels on a narrow screen: the conversation replaces the lists until Back', async () => {
    await setViewport({ width: 400, height: 800 });
    try {
      const el = await signedInConsole();
      const visitor = await handedOffVisitor('Writing from my phone');
      const lists = shadow(el).querySelector('.lists') as HTMLElement;
      await take(el, visitor.conversationId);
      await waitUntil(() => getComputedStyle(lists).display === 'none', 'lists still shown beside the conversation', WAIT);
      const conv = shadow(view(el));
      await waitUntil(() => button(conv, 'Back to lists'), 'no Back button', WAIT);
      expect(conv.activeElement?.id, 'focus follows into the conversation').to.equal('conversation-heading');
      button(conv, 'Back to lists')?.click();
      await waitUntil(() => getComputedStyle(lists).display !== 'none', 'lists not back', WAIT);
      expect(getComputedStyle(view(el)).display).to.equal('none');
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('is accessible signed out and signed in', async () => {
    const out = await fixture<ParleyConsole>(html`<parley-console server=${server.url}></parley-console>`);
    await expect(out).to.be.accessible();
    fixtureCleanup();
    const el = await signedInConsole();
    const visitor = await handedOffVisitor('Accessibility check message');
    await waitUntil(() => queueItem(el, visitor.conversationId), 'not in the Queue', WAIT);
    await expect(el).to.be.accessible();
    await take(el, visitor.conversationId);
    await waitUntil(() => shadow(view(el)).querySelector('[data-author="visitor"]'), 'history not shown', WAIT);
    await expect(el).to.be.accessible();
  });
});
