/**
 * Saved replies against the REAL server: an agent inserts one into a ticket reply by keyboard, edits
 * it and sends it (the customer's page shows it), and a manager (the admin: the test server has no
 * supervisor) adds, changes and deletes them while an agent gets no such section.
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CannedReply } from '@parley/protocol';
import type { ParleyConsole } from '../console.component.js';
import { TOKEN_KEY } from '../console.session.js';
import { orderCanned } from './console-ticket-canned-picker.component.js';
import {
  announced,
  button,
  choose,
  composerRoot,
  consoleApi,
  customerView,
  deepActive,
  fileTicket,
  labelled,
  listRoot,
  openTicket,
  rowFor,
  rowSubjects,
  shadow,
  showView,
  text,
  ticketsConsole,
  ticketsRoot,
  type,
  unique,
  WAIT,
} from './tickets-test-kit.js';
import '../console.js';

type Hook = (fn: () => unknown) => void;
const { describe, it, afterEach } = globalThis as unknown as {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => unknown) => void;
  afterEach: Hook;
};

/** Saved replies a test made through the API: deleted afterwards, so other files' lists stay as seeded. */
const made: string[] = [];

afterEach(async () => {
  fixtureCleanup();
  sessionStorage.removeItem(TOKEN_KEY);
  for (const id of made.splice(0)) await consoleApi('admin', 'DELETE', `/canned/${id}`).catch(() => undefined);
});

async function makeCanned(title: string, body: string, locale: CannedReply['locale']): Promise<CannedReply> {
  const r = await consoleApi<{ reply: CannedReply }>('admin', 'POST', '/canned', { title, body, locale });
  expect(r.status, 'create saved reply').to.equal(201);
  made.push(r.body.reply.id);
  return r.body.reply;
}

/** Finds this test's ticket in a view by its unique word (once the search is applied) and opens it. */
async function openMine(el: ParleyConsole, view: string, search: string, word: string, subject: string): Promise<void> {
  showView(el, view);
  await waitUntil(() => text(listRoot(el).querySelector('#list-heading')) === view && listRoot(el).querySelector('tbody tr, .state.empty'), `${view} did not load`, WAIT);
  type(labelled<HTMLInputElement>(listRoot(el), search), word);
  await waitUntil(() => rowFor(el, subject) && rowSubjects(el).every((x) => x.includes(word)), `"${subject}" not found`, WAIT);
  await openTicket(el, subject);
}

const listCanned = async (): Promise<CannedReply[]> => (await consoleApi<{ replies: CannedReply[] }>('alice', 'GET', '/canned')).body.replies;

const picker = (el: ParleyConsole): ShadowRoot => shadow(composerRoot(el).querySelector('parley-console-ticket-canned-picker')!);
const options = (el: ParleyConsole): HTMLElement[] => [...picker(el).querySelectorAll<HTMLElement>('[role="option"]')];
const cannedRoot = (el: ParleyConsole): ShadowRoot | null => ticketsRoot(el).querySelector('parley-console-tickets-canned')?.shadowRoot ?? null;
const cannedRow = (el: ParleyConsole, title: string): HTMLTableRowElement | undefined =>
  [...(cannedRoot(el)?.querySelectorAll<HTMLTableRowElement>('tbody tr') ?? [])].find((r) => text(r.querySelector('.title')) === title);

describe('<parley-console> saved replies in the composer', () => {
  it('inserts a saved reply at the caret by keyboard, the ticket’s language first; the edited reply reaches the customer', async () => {
    const word = unique('canned');
    const reply = await makeCanned(`Aaa refund ${word}`, `Your refund for ${word} is on its way.`, 'en');
    await makeCanned(`Aaa 退款 ${word}`, `您的退款 ${word} 已在处理中。`, 'zh-CN');
    const subject = `Refund ${word} please`;
    const created = await fileTicket({ slug: 'complaint', subject });
    const el = await ticketsConsole('alice');
    await openMine(el, 'All', 'Search tickets', word, subject);
    const composer = composerRoot(el);

    const message = labelled<HTMLTextAreaElement>(composer, 'Message');
    type(message, 'Hello Mei,\n\nBest regards');
    message.focus();
    message.setSelectionRange(12, 12);

    // Keyboard: the menu button opens the listbox with ArrowDown, focus in it.
    const toggle = button(picker(el), /^Insert saved reply/)!;
    expect(toggle.getAttribute('aria-haspopup')).to.equal('listbox');
    toggle.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => options(el).length > 0 && (deepActive()?.getAttribute('role') ?? '') === 'listbox', 'the listbox did not open with focus', WAIT);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');

    // English (the ticket's language) first, then any language, then the others; the same order the server's list gives.
    const titles = options(el).map((o) => text(o.querySelector('.title')));
    const expected = orderCanned(await listCanned(), 'en').map((r) => r.title);
    expect(titles).to.deep.equal(expected);
    const langs = options(el).map((o) => text(o.querySelector('.lang')));
    const firstOther = langs.findIndex((l) => l !== 'English');
    expect(firstOther, 'English ones come first').to.be.greaterThan(0);
    expect(langs.slice(firstOther), 'no English one after another language').to.not.include('English');
    await expect(el).to.be.accessible();

    // Escape closes it, focus back on the button; open again and walk to the reply with the arrow keys.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => options(el).length === 0 && deepActive() === toggle, 'Escape did not close the list', WAIT);
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => options(el).length > 0, 'the listbox did not reopen', WAIT);
    const target = titles.indexOf(reply.title);
    for (let i = 0; i < target; i++) await sendKeys({ press: 'ArrowDown' });
    const listbox = picker(el).querySelector('[role="listbox"]')!;
    expect(listbox.getAttribute('aria-activedescendant')).to.equal(`canned-${reply.id}`);
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => message.value === `Hello Mei,\n\n${reply.body}Best regards`, `not inserted at the caret (${JSON.stringify(message.value)})`, WAIT);
    expect(deepActive(), 'focus in the message box').to.equal(message);
    expect(message.selectionStart, 'caret after the inserted text').to.equal(12 + reply.body.length);
    expect(text(composer.querySelector('.visually-hidden[role="status"]'))).to.equal(`Inserted “${reply.title}”. Edit it before sending.`);

    // The agent edits before sending.
    await sendKeys({ type: '\n\n' });
    button(composer, 'Send reply')!.click();
    await waitUntil(() => announced(el) === 'Reply sent.', 'no "Reply sent."', WAIT);
    const seen = await customerView(created.token);
    expect(seen.entries.map((e) => e.body)).to.include(`Hello Mei,\n\n${reply.body}\n\nBest regards`);
  });

  it('appends when the message box never had the caret (in 简体中文, by mouse)', async () => {
    const word = unique('append');
    const reply = await makeCanned(`Aab ${word}`, `Appended ${word}.`, null);
    const subject = `Append ${word}`;
    await fileTicket({ slug: 'complaint', subject });
    const el = await ticketsConsole('alice', 'zh-CN');
    await openMine(el, '全部', '搜索工单', word, subject);
    const toggle = button(picker(el), /^插入常用回复/)!;
    toggle.click();
    await waitUntil(() => options(el).some((o) => text(o.querySelector('.title')) === reply.title), 'reply not offered', WAIT);
    const option = options(el).find((o) => text(o.querySelector('.title')) === reply.title)!;
    expect(text(option.querySelector('.lang'))).to.equal('任意语言');
    option.click();
    const message = labelled<HTMLTextAreaElement>(composerRoot(el), '内容');
    await waitUntil(() => message.value === reply.body, 'not inserted', WAIT);
    expect(deepActive()).to.equal(message);
  });
});

describe('<parley-console> Saved replies section', () => {
  it('the admin adds, changes and deletes a saved reply; the server’s refusals are shown; alice has no such section', async () => {
    const word = unique('manage');
    const el = await ticketsConsole('admin');
    const tabs = ticketsRoot(el).querySelector('nav')!;
    expect([...tabs.querySelectorAll('button')].map((b) => text(b))).to.deep.equal(['Inbox', 'Email log', 'Saved replies']);
    button(tabs, 'Saved replies')!.click();
    await waitUntil(() => cannedRoot(el)?.querySelector('tbody tr'), 'saved replies did not load', WAIT);
    expect(button(tabs, 'Saved replies')!.getAttribute('aria-current')).to.equal('page');
    await waitUntil(() => deepActive()?.id === 'canned-heading', 'focus not on the heading', WAIT);
    const root = cannedRoot(el)!;

    // Add: an empty title is the server's to refuse, and it says why.
    button(root, 'Add saved reply')!.click();
    await waitUntil(() => deepActive()?.id === 'canned-title', 'focus not on Title', WAIT);
    type(labelled<HTMLTextAreaElement>(root, 'Text'), `Thanks for writing about ${word}.`);
    button(root, 'Save')!.click();
    await waitUntil(() => text(root.querySelector('form [role="alert"]')).startsWith('Not saved:'), 'no refusal shown', WAIT);
    expect(text(root.querySelector('form [role="alert"]'))).to.contain('title');
    expect(labelled<HTMLTextAreaElement>(root, 'Text').value, 'what was typed stays').to.equal(`Thanks for writing about ${word}.`);

    const title = `Thanks ${word}`;
    type(labelled<HTMLInputElement>(root, 'Title'), title);
    choose(labelled<HTMLSelectElement>(root, 'Language'), '简体中文');
    await expect(el).to.be.accessible();
    button(root, 'Save')!.click();
    await waitUntil(() => cannedRow(el, title), 'the new reply is not listed', WAIT);
    await waitUntil(() => announced(el) === 'Saved reply added.', 'not announced', WAIT);
    expect(text(cannedRow(el, title)!.querySelector('.language'))).to.equal('简体中文');
    let stored = (await listCanned()).find((r) => r.title === title);
    expect(stored?.locale).to.equal('zh-CN');
    expect(stored?.body).to.equal(`Thanks for writing about ${word}.`);
    made.push(stored!.id);
    await waitUntil(() => text(deepActive()) === `Edit ${title}`, 'focus not on the new row', WAIT);

    // Change.
    button(cannedRow(el, title)!, `Edit ${title}`)!.click();
    await waitUntil(() => deepActive()?.id === 'canned-title', 'focus not on Title', WAIT);
    expect(labelled<HTMLInputElement>(root, 'Title').value).to.equal(title);
    type(labelled<HTMLTextAreaElement>(root, 'Text'), `We are on ${word}.`);
    choose(labelled<HTMLSelectElement>(root, 'Language'), 'Any language');
    button(root, 'Save')!.click();
    await waitUntil(() => announced(el) === 'Saved reply changed.', 'change not announced', WAIT);
    stored = (await listCanned()).find((r) => r.title === title);
    expect(stored?.body).to.equal(`We are on ${word}.`);
    expect(stored?.locale).to.equal(null);

    // Delete asks first; Escape keeps it, with focus back on Delete.
    const dialog = root.querySelector<HTMLDialogElement>('dialog.delete')!;
    const del = button(cannedRow(el, title)!, `Delete ${title}`)!;
    del.click();
    await waitUntil(() => dialog.open, 'no confirmation', WAIT);
    expect(text(dialog)).to.contain(`“${title}” will no longer be offered`);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open && deepActive() === del, 'Escape did not cancel back to Delete', WAIT);
    expect((await listCanned()).some((r) => r.title === title), 'still there').to.equal(true);
    del.click();
    await waitUntil(() => dialog.open, 'no confirmation', WAIT);
    button(dialog, 'Delete')!.click();
    await waitUntil(() => !cannedRow(el, title), 'the row stayed', WAIT);
    await waitUntil(() => announced(el) === 'Saved reply deleted.', 'delete not announced', WAIT);
    expect((await listCanned()).some((r) => r.title === title), 'deleted on the server').to.equal(false);

    // An agent: no section, and the server refuses the change anyway.
    fixtureCleanup();
    const alice = await ticketsConsole('alice');
    expect(text(ticketsRoot(alice).querySelector('.tickets-head')), 'no Saved replies for an agent').to.not.contain('Saved replies');
    expect((await consoleApi('alice', 'POST', '/canned', { title: `Nope ${word}`, body: 'x' })).status).to.equal(403);
  });
});
