/**
 * The Contacts tab against the REAL server: a browser that the website identified (a real
 * VisitorClient with a valid userHash) chats; an admin finds the contact, sees the chat, exports and
 * erases it after typing the user id; an agent of no department holding it finds nothing; errors and
 * Simplified Chinese.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { memoryStore, VisitorClient, visitorKeys } from '@parley/client';
import { button, deepActive, labelled, server, shadow, text, tokenOf, type, WAIT } from '../kb/kb-test-kit.js';
import type { ParleyConsoleContacts } from './console-contacts.component.js';
import './contacts.js';

type Hook = (fn: () => unknown) => void;
const { describe, it, afterEach } = globalThis as unknown as {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => unknown) => void;
  afterEach: Hook;
};

afterEach(() => fixtureCleanup());

/** A signed-in user of the website chatting from a browser of their own. */
async function identifiedChat(userId: string, name: string, email: string, storage = memoryStore()): Promise<VisitorClient> {
  const s = await server();
  const { userHash } = (await (await fetch(`/__parley__/user-hash.json?userId=${encodeURIComponent(userId)}`)).json()) as { userHash: string };
  const client = new VisitorClient({ server: s.url, siteKey: s.siteKey, storage, identity: { userId, userHash, name, email } });
  await client.connect();
  await client.start();
  client.send('Where is my parcel?');
  await waitUntil(() => client.state.timeline.some((e) => e.message.body === 'Where is my parcel?' && e.message.seq > 0), 'message not committed', WAIT);
  return client;
}

async function mount(who: 'admin' | 'alice' = 'admin', opts: { lang?: string; url?: string } = {}): Promise<ParleyConsoleContacts> {
  const s = await server();
  return fixture<ParleyConsoleContacts>(html`<parley-console-contacts lang=${opts.lang ?? 'en'} .server=${opts.url ?? s.url} .token=${await tokenOf(who)}></parley-console-contacts>`);
}
const loaded = (el: ParleyConsoleContacts) => waitUntil(() => !shadow(el).querySelector('.state[role="status"]'), 'still loading', WAIT);

async function search(el: ParleyConsoleContacts, q: string): Promise<void> {
  const root = shadow(el);
  type(labelled<HTMLInputElement>(root, 'Search by name, email or user ID'), q);
  button(root, 'Search')!.click();
  // The results say which search they answer: the list shown before may still be the previous one.
  await waitUntil(() => [...root.querySelectorAll<HTMLElement>('[data-q]')].some((e) => e.dataset.q === q), 'no results', WAIT);
}

describe('<parley-console-contacts>', () => {
  it('finds an identified visitor, shows the chat, exports, and erases only after the user id is typed', async () => {
    const client = await identifiedChat('wtr-mei-1', 'Mei Lin', 'mei.lin@example.com');
    client.disconnect();
    const el = await mount();
    expect(text(shadow(el).querySelector('.state[role="status"]'))).to.equal('Loading contacts…');
    await loaded(el);
    const root = shadow(el);
    await search(el, 'mei.lin');
    await expect(el).to.be.accessible();
    const result = button(root, 'Mei Lin')!;
    expect(text(result.parentElement)).to.contain('mei.lin@example.com · wtr-mei-1 · 1 chat, 0 tickets');

    result.click();
    await waitUntil(() => root.querySelector('#contact-heading'), 'no profile', WAIT);
    expect(deepActive()).to.equal(root.querySelector('#contact-heading'));
    expect(text(root.querySelector('#contact-heading'))).to.equal('Mei Lin');
    expect(text(root.querySelector('section[aria-labelledby="conversations-heading"] li'))).to.match(/with the bot · \d+ messages$/);
    expect(text(root.querySelector('section[aria-labelledby="tickets-heading"] .state.empty'))).to.equal('No tickets you can see.');
    await expect(el).to.be.accessible();

    button(root, 'Export (JSON)')!.click();
    await waitUntil(() => text(root.querySelector('.visually-hidden[role="status"]')) === 'Export downloaded.', 'no export', WAIT);

    button(root, 'Erase…')!.click();
    await waitUntil(() => root.querySelector('#confirm-heading'), 'no confirmation', WAIT);
    expect(deepActive()).to.equal(root.querySelector('#confirm-heading'));
    await expect(el).to.be.accessible();
    const confirm = labelled<HTMLInputElement>(root, 'Type the user ID (wtr-mei-1) to confirm');
    type(confirm, 'wtr-mei-2');
    button(root, 'Erase for good')!.click();
    await waitUntil(() => root.querySelector('#erase-mismatch'), 'no mismatch', WAIT);
    expect(text(root.querySelector('#erase-mismatch'))).to.equal('The user ID does not match.');
    expect(confirm.getAttribute('aria-invalid')).to.equal('true');
    expect(deepActive()).to.equal(confirm);

    type(confirm, 'wtr-mei-1');
    button(root, 'Erase for good')!.click();
    await waitUntil(() => text(root.querySelector('.visually-hidden[role="status"]')).startsWith('Contact erased'), 'not erased', WAIT);
    expect(text(root.querySelector('.visually-hidden[role="status"]'))).to.equal('Contact erased (1 chat, 0 tickets).');
    expect(root.querySelector('#contact-heading')).to.equal(null);
    await search(el, 'mei.lin');
    // The list reloaded after the erasure may answer the same search just before this one does.
    await waitUntil(() => text(root.querySelector('.state.empty')) === 'No contact matches.', 'the erased contact is still found', WAIT);
  });

  it('Cancel keeps the contact; Back returns to the list with focus on the contact', async () => {
    // Signing out (identify null) leaves the browser as a fresh anonymous visitor: the next person sees no chat.
    const storage = memoryStore();
    const kai = await identifiedChat('wtr-kai-1', 'Kai Wong', 'kai@example.com', storage);
    const key = visitorKeys((await server()).siteKey).session;
    const joined = JSON.parse(storage.getItem(key)!) as { token: string; userId?: string };
    expect(joined.userId).to.equal('wtr-kai-1');
    await kai.identify(null);
    const after = JSON.parse(storage.getItem(key)!) as { token: string; userId?: string };
    expect([after.token === joined.token, after.userId]).to.deep.equal([false, undefined]);
    expect(kai.state.conversation).to.equal(null);
    kai.disconnect();
    const el = await mount();
    await loaded(el);
    const root = shadow(el);
    await search(el, 'wtr-kai-1');
    button(root, 'Kai Wong')!.click();
    await waitUntil(() => root.querySelector('#contact-heading'), 'no profile', WAIT);
    button(root, 'Erase…')!.click();
    await waitUntil(() => button(root, 'Cancel'), 'no confirmation', WAIT);
    button(root, 'Cancel')!.click();
    await waitUntil(() => !root.querySelector('#confirm-heading'), 'still confirming', WAIT);
    expect(deepActive()).to.equal(button(root, 'Erase…'));
    button(root, '← All contacts')!.click();
    await waitUntil(() => button(root, 'Kai Wong'), 'no list', WAIT);
    expect(deepActive()).to.equal(button(root, 'Kai Wong'));
  });

  it('an agent sees no contact outside their departments; errors offer a retry; Simplified Chinese', async () => {
    (await identifiedChat('wtr-ana-1', 'Ana Ruiz', 'ana@example.com')).disconnect();
    const agent = await mount('alice');
    await loaded(agent);
    await search(agent, 'Ana Ruiz');
    expect(text(shadow(agent).querySelector('.state.empty'))).to.equal('No contact matches.');
    fixtureCleanup();

    const down = await mount('admin', { url: 'http://127.0.0.1:9' });
    await waitUntil(() => shadow(down).querySelector('[role="alert"]'), 'no error', WAIT);
    expect(text(shadow(down).querySelector('[role="alert"]'))).to.equal('Could not load: Cannot reach the server.');
    expect(button(shadow(down), 'Try again')).to.exist;
    await expect(down).to.be.accessible();
    fixtureCleanup();

    const cn = await mount('admin', { lang: 'zh-CN' });
    await loaded(cn);
    expect(text(shadow(cn).querySelector('h3'))).to.equal('联系人');
    expect(labelled<HTMLInputElement>(shadow(cn), '按姓名、邮箱或用户 ID 搜索')).to.exist;
    await expect(cn).to.be.accessible();
  });
});
