/**
 * The console's ticket inbox against the REAL server: tickets filed through the public API land in
 * the right views for the right people, rows change live from the agent socket, and the view works in
 * Chinese and by keyboard alone.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ParleyConsole } from '../console.component.js';
import { TOKEN_KEY } from '../console.session.js';
import {
  announced,
  button,
  choose,
  consoleApi,
  customerView,
  deepActive,
  fileTicket,
  labelled,
  listOf,
  listRoot,
  openTicket,
  rowFor,
  rowSubjects,
  server,
  shadow,
  showView,
  signedIn,
  tabTo,
  text,
  tokenOf,
  ticketRoot,
  ticketsConsole,
  ticketsOf,
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

afterEach(() => {
  fixtureCleanup();
  sessionStorage.removeItem(TOKEN_KEY);
});

/** Searches the inbox for a test's own word and waits until the rows are exactly `subjects` (any order). */
async function searchFor(el: Parameters<typeof listRoot>[0], q: string, subjects: string[]): Promise<void> {
  type(labelled<HTMLInputElement>(listRoot(el), 'Search tickets'), q);
  await waitUntil(() => [...rowSubjects(el)].sort().join('|') === [...subjects].sort().join('|'), `search "${q}" never showed ${subjects.join(', ')} (shows ${rowSubjects(el).join(', ')})`, WAIT);
}

describe('<parley-console> tickets inbox', () => {
  it('puts a new complaint in Unassigned with its contact, status, priority and due time; anonymous ones say so', async () => {
    const word = unique('kettle');
    const subject = `Broken ${word} lid`;
    const created = await fileTicket({ slug: 'complaint', subject, name: 'Mei Chen' });
    const anonymous = `Suggestion ${word} canteen`;
    await fileTicket({ slug: 'suggestion-box', subject: anonymous, anonymous: true });

    const el = await ticketsConsole('alice');
    const nav = shadow(el).querySelector('nav.views')!;
    expect(button(nav, 'Tickets')?.getAttribute('aria-current')).to.equal('page');
    expect(deepActive()?.id, 'focus on the Tickets heading').to.equal('tickets-heading');
    expect(shadow(el).querySelector('.panels')?.hasAttribute('hidden'), 'conversations hidden, not destroyed').to.equal(true);
    expect(text(ticketsRoot(el).querySelector('nav')), 'no email log for an agent').to.not.contain('Email log');

    showView(el, 'Unassigned');
    await waitUntil(() => text(listRoot(el).querySelector('#list-heading')) === 'Unassigned', 'view did not switch', WAIT);
    expect(button(listRoot(el).querySelector('nav')!, 'Unassigned')!.getAttribute('aria-current')).to.equal('page');
    await searchFor(el, word, [subject, anonymous]);

    const row = rowFor(el, subject)!;
    expect(text(row.querySelector('.number'))).to.equal(created.number);
    expect(text(row.querySelector('.contact'))).to.equal('Mei Chen');
    expect(text(row.querySelector('.badge.status'))).to.equal('New');
    expect(text(row.querySelector('.badge.priority'))).to.equal('Normal');
    expect(text(row.querySelector('.assignee'))).to.equal('Unassigned');
    expect(text(row.querySelector('.sla'))).to.match(/^Due in \d+ (min|hr|days?)$/);
    expect(row.querySelector('.sla time')?.getAttribute('datetime')).to.equal(created.firstResponseDueAt);
    expect(!!row.querySelector('.badge.escalated'), 'not escalated').to.equal(false);
    expect(text(rowFor(el, anonymous)!.querySelector('.contact'))).to.equal('Anonymous');
    await expect(el).to.be.accessible();

    // The number finds exactly that ticket; filters narrow, and say so when nothing is left.
    await searchFor(el, created.number, [subject]);
    await searchFor(el, word, [subject, anonymous]);
    choose(labelled<HTMLSelectElement>(listRoot(el), 'Category'), 'Complaint');
    await waitUntil(() => rowSubjects(el).join('|') === subject, 'category filter', WAIT);
    choose(labelled<HTMLSelectElement>(listRoot(el), 'Status'), 'Resolved');
    await waitUntil(() => text(listRoot(el)).includes('No tickets match these filters.'), 'filtered empty state', WAIT);
    button(listRoot(el), 'Clear filters')!.click();
    await waitUntil(() => rowSubjects(el).length > 0 && labelled<HTMLInputElement>(listRoot(el), 'Search tickets').value === '', 'filters not cleared', WAIT);
    expect(deepActive()?.id).to.equal('tickets-q');

    await searchFor(el, `${word}-nothing`, []);
    expect(text(listRoot(el).querySelector('.state'))).to.contain('No tickets match these filters.');
  });

  it('shows a ticket filed while the view is open without a reload, and keeps rows in order of last change', async () => {
    const word = unique('live');
    const first = `First ${word} parcel`;
    await fileTicket({ slug: 'complaint', subject: first });
    const el = await ticketsConsole('alice');
    showView(el, 'All');
    await searchFor(el, word, [first]);

    const second = `Second ${word} parcel`;
    const created = await fileTicket({ slug: 'complaint', subject: second });
    await waitUntil(() => rowSubjects(el).join('|') === `${second}|${first}`, 'the new ticket did not appear live, on top', WAIT);
    await waitUntil(() => announced(el) === `New ticket ${created.number}`, 'arrival not announced', WAIT);

    // A change elsewhere (a supervisor raising the priority) updates the row where it is: search
    // results stay in order of relevance.
    const [ticket] = (await consoleApi<{ tickets: Array<{ id: string; subject: string }> }>('admin', 'GET', `?view=all&q=${encodeURIComponent(first)}`)).body.tickets;
    const patched = await consoleApi('admin', 'PATCH', `/${ticket!.id}`, { priority: 'urgent' });
    expect(patched.status).to.equal(200);
    await waitUntil(() => rowSubjects(el).join('|') === `${second}|${first}` && text(rowFor(el, first)!.querySelector('.badge.priority')) === 'Urgent', 'the changed row was not updated in place', WAIT);

    // In Unassigned, a ticket someone takes leaves the list live.
    showView(el, 'Unassigned');
    await waitUntil(() => text(listRoot(el).querySelector('#list-heading')) === 'Unassigned' && rowSubjects(el).length === 2, 'Unassigned did not load', WAIT);
    const info = await server();
    expect((await consoleApi('admin', 'PATCH', `/${ticket!.id}`, { assigneeId: info.accounts.bob.id })).status).to.equal(200);
    await waitUntil(() => rowSubjects(el).join('|') === second, 'the assigned ticket stayed in Unassigned', WAIT);
  });

  it('pages with Load more', async () => {
    const word = unique('page');
    const subjects = [`A ${word}`, `B ${word}`, `C ${word}`];
    for (const subject of subjects) await fileTicket({ slug: 'inquiry', subject });
    const el = await ticketsConsole('alice');
    showView(el, 'All');
    listOf(el).pageSize = 2;
    type(labelled<HTMLInputElement>(listRoot(el), 'Search tickets'), word);
    await waitUntil(() => rowSubjects(el).length === 2 && button(listRoot(el), 'Load more'), 'first page', WAIT);
    expect(rowSubjects(el), 'newest first').to.deep.equal([subjects[2], subjects[1]]);
    button(listRoot(el), 'Load more')!.click();
    await waitUntil(() => rowSubjects(el).length === 3, 'second page', WAIT);
    expect(rowSubjects(el)).to.deep.equal([subjects[2], subjects[1], subjects[0]]);
    await waitUntil(() => !button(listRoot(el), 'Load more'), 'Load more stayed after the last page', WAIT);
    expect(text(deepActive()), 'focus on the first new row').to.equal(subjects[0]);
  });

  it('shows Bob (Support only) no Sales question, in the list or by its address', async () => {
    const word = unique('dept');
    const question = `Question ${word} pricing`;
    const complaint = `Complaint ${word} delivery`;
    await fileTicket({ slug: 'inquiry', subject: question });
    await fileTicket({ slug: 'complaint', subject: complaint });
    const el = await ticketsConsole('bob');
    showView(el, 'All');
    await searchFor(el, word, [complaint]);

    const [q] = (await consoleApi<{ tickets: Array<{ id: string }> }>('alice', 'GET', `?view=all&q=${encodeURIComponent(question)}`)).body.tickets;
    expect((await consoleApi('bob', 'GET', `/${q!.id}`)).status, 'not even by id').to.equal(404);
  });

  it('says when the inbox cannot be loaded, with Retry', async () => {
    sessionStorage.setItem(TOKEN_KEY, await tokenOf('admin'));
    const info = await server();
    const el = await fixture<ParleyConsole>(html`<parley-console server=${info.url} site="00000000-0000-4000-8000-000000000000"></parley-console>`);
    await waitUntil(() => shadow(el).querySelector('nav.views'), 'not signed in', WAIT);
    button(shadow(el).querySelector('nav.views')!, 'Tickets')!.click();
    await waitUntil(() => ticketsOf(el) && text(listRoot(el).querySelector('[role="alert"]')), 'no error shown', WAIT);
    expect(text(listRoot(el).querySelector('[role="alert"]'))).to.equal('Could not load the tickets: no such site');
    button(listRoot(el), 'Retry')!.click();
    await waitUntil(() => text(listRoot(el).querySelector('[role="alert"]')), 'Retry lost the message', WAIT);
    await expect(el).to.be.accessible();
  });

  it('speaks 简体中文 with lang="zh-CN"', async () => {
    const word = unique('zh');
    const subject = `投诉 ${word}`;
    await fileTicket({ slug: 'complaint', subject });
    const el = await ticketsConsole('alice', 'zh-CN');
    expect(text(ticketsRoot(el).querySelector('#tickets-heading'))).to.equal('工单');
    const views = [...listRoot(el).querySelectorAll('nav button')].map((b) => text(b));
    expect(views).to.deep.equal(['我的', '未分配', '我的部门', '即将超时', '已超时', '全部']);
    type(labelled<HTMLInputElement>(listRoot(el), '搜索工单'), word);
    await waitUntil(() => rowFor(el, subject), 'row not found', WAIT);
    const row = rowFor(el, subject)!;
    expect(text(row.querySelector('.badge.status'))).to.equal('新建');
    expect(text(row.querySelector('.sla'))).to.match(/后到期$/);
    expect(!!labelled(listRoot(el), '优先级')).to.equal(true);
    const ticket = await openTicket(el, subject);
    expect(text(ticket.querySelector('button.back'))).to.contain('返回工单列表');
    expect(!!labelled(shadow(ticket.querySelector('parley-console-ticket-composer')!), '内容')).to.equal(true);
    expect(text(ticket.querySelector('.history'))).to.contain('创建了工单');
  });

  it('works by keyboard alone: Tab to Tickets, find and open a ticket, write and send a reply', async () => {
    const word = unique('keys');
    const subject = `Keyboard ${word} refund`;
    const created = await fileTicket({ slug: 'complaint', subject });
    const el = await signedIn('alice');
    shadow(el).querySelector<HTMLElement>('.top h1')!.focus();

    await tabTo((a) => a.tagName === 'BUTTON' && text(a) === 'Tickets', 'the Tickets view button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive()?.id === 'tickets-heading', 'focus not on the Tickets heading', WAIT);
    await tabTo((a) => a.id === 'tickets-q', 'the search box');
    await sendKeys({ type: word });
    await waitUntil(() => rowSubjects(el).join('|') === subject, 'search by keyboard', WAIT);
    await tabTo((a) => a.tagName === 'BUTTON' && text(a) === subject, 'the ticket row');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive()?.id === 'ticket-heading', 'focus not on the ticket heading', WAIT);

    await tabTo((a) => a.id === 'ticket-message', 'the message box');
    await sendKeys({ type: `Typed by keyboard ${word}` });
    await tabTo((a) => a.tagName === 'BUTTON' && text(a) === 'Send reply', 'Send reply');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => announced(el) === 'Reply sent.', 'no "Reply sent." announcement', WAIT);
    const seen = await customerView(created.token);
    expect(seen.entries.map((e) => e.body)).to.include(`Typed by keyboard ${word}`);

    // Back (above the thread: Shift+Tab) returns to the list with focus on the ticket's row.
    await tabTo((a) => a.tagName === 'BUTTON' && text(a).includes('Back to tickets'), 'Back', 80, 'Shift+Tab');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !ticketRoot(el) && text(deepActive()) === subject, 'focus not back on the row', WAIT);
  });
});
