/**
 * A chat turned into a ticket, and a ticket opened from its address, against the REAL server: the
 * visitor is a raw socket.io-client connection handed off to Sales, alice takes the chat, and what the
 * dialog sends is checked in the server's ticket API and in the chat itself.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TicketDetail, TicketSummary } from '@parley/protocol';
import { TestVisitors } from '../internal/test-visitors.js';
import type { ParleyConsoleConversation } from './console-conversation.component.js';
import type { ParleyConsole } from './console.component.js';
import { TOKEN_KEY } from './console.session.js';
import {
  button,
  choose,
  consoleApi,
  deepActive,
  fileTicket,
  labelled,
  server,
  shadow,
  signedIn,
  text,
  ticketRoot,
  type,
  unique,
  WAIT,
} from './tickets/tickets-test-kit.js';
import './console.js';

type Hook = (fn: () => unknown) => void;
const { describe, it, afterEach } = globalThis as unknown as {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => unknown) => void;
  afterEach: Hook;
};

const visitors = new TestVisitors(server);

afterEach(async () => {
  fixtureCleanup();
  await visitors.leave();
  sessionStorage.removeItem(TOKEN_KEY);
  history.replaceState(null, '', location.pathname + location.search);
});

const conv = (el: ParleyConsole): ShadowRoot => shadow(shadow(el).querySelector('parley-console-conversation') as ParleyConsoleConversation);
/** The dialog component's shadow root (an empty fragment until its code has loaded). */
const fromChat = (el: ParleyConsole): ShadowRoot =>
  conv(el).querySelector('parley-console-ticket-from-chat')?.shadowRoot ?? (document.createDocumentFragment() as unknown as ShadowRoot);
const dialogOf = (el: ParleyConsole): HTMLDialogElement | null => fromChat(el).querySelector('dialog');
/** The open ticket's shadow root, or null while the Tickets view (loaded on first use) is not there yet. */
const openedTicket = (el: ParleyConsole): ShadowRoot | null => (shadow(el).querySelector('parley-console-tickets')?.shadowRoot ? ticketRoot(el) : null);
/** The console's own live region (the last child of its shadow root). */
const consoleAnnounced = (el: ParleyConsole): string => text([...shadow(el).children].find((c) => c.getAttribute('role') === 'status'));

/** alice, signed in and connected, with a Sales chat (whose visitor said `first`) taken and open. */
async function takenChat(first: string): Promise<{ el: ParleyConsole; conversationId: string; visitor: Awaited<ReturnType<TestVisitors['start']>> }> {
  const el = await signedIn('alice');
  await waitUntil(() => !shadow(el).querySelector('.banner.info'), 'console did not connect', WAIT);
  const info = await server();
  const visitor = await visitors.start('https://shop.example/orders');
  await visitor.say(first);
  await visitor.handoff(info.departments.sales.id);
  const id = visitor.conversationId;
  const queued = () => shadow(el).querySelector<HTMLElement>(`section.queue li[data-id="${id}"]`);
  await waitUntil(queued, 'the chat never reached the Queue', WAIT);
  button(queued()!, 'Take')!.click();
  await waitUntil(() => button(conv(el), 'Create ticket') && !button(conv(el), 'Create ticket')!.disabled, 'no enabled Create ticket button', WAIT);
  return { el, conversationId: id, visitor };
}

async function openDialog(el: ParleyConsole): Promise<void> {
  const b = button(conv(el), 'Create ticket')!;
  b.focus();
  b.click();
  await waitUntil(() => dialogOf(el)?.open, 'the dialog did not open', WAIT);
  await waitUntil(() => labelled<HTMLSelectElement>(fromChat(el), 'Topic').options.length > 1, 'topics did not load', WAIT);
}

describe('<parley-console> ticket from a chat', () => {
  it('alice turns a Sales chat into a ticket: the server holds it, the chat says so, and Open ticket shows it', async () => {
    const word = unique('chat');
    const first = `Hello, my ${word} order arrived broken and I would like to talk to someone about a replacement or a refund please`;
    const { el, conversationId, visitor } = await takenChat(first);

    // Escape closes the dialog and focus returns to the button.
    await openDialog(el);
    const d = fromChat(el);
    expect(deepActive()?.id, 'focus in the dialog, on the subject').to.equal('ticket-subject');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialogOf(el)!.open, 'Escape did not close the dialog', WAIT);
    await waitUntil(() => text(deepActive()) === 'Create ticket', 'focus did not return to Create ticket', WAIT);

    await openDialog(el);
    const subject = labelled<HTMLInputElement>(d, 'Subject');
    expect(subject.value.length, 'prefilled subject is at most 80 characters').to.be.at.most(80);
    expect(subject.value).to.match(new RegExp(`^Hello, my ${word} order arrived broken.*…$`));
    const topics = [...labelled<HTMLSelectElement>(d, 'Topic').options].map((o) => text(o));
    expect(topics).to.include.members(['Question', 'Complaint']);
    expect(topics, 'no employee-only topic for a website visitor').to.not.include('Suggestion box');
    expect(text(labelled<HTMLSelectElement>(d, 'Priority').selectedOptions[0])).to.equal('Normal');
    const email = labelled<HTMLInputElement>(d, 'Visitor’s email');
    const hint = d.getElementById(email.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(text(hint)).to.contain('private link is sent to this address');
    await expect(el).to.be.accessible();

    // Without an email address: said in the dialog, focus on the field.
    const wanted = `Replacement for ${word}`;
    type(subject, wanted);
    choose(labelled<HTMLSelectElement>(d, 'Topic'), 'Question');
    choose(labelled<HTMLSelectElement>(d, 'Priority'), 'High');
    button(d, 'Create ticket')!.click();
    await waitUntil(() => text(d.querySelector('[role="alert"]')).includes('email address'), 'no message about the missing email', WAIT);
    expect(deepActive()?.id).to.equal('ticket-email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');

    // The server refuses a malformed address: its words in the dialog, everything typed kept.
    type(email, 'not-an-email');
    type(labelled<HTMLInputElement>(d, 'Visitor’s name (optional)'), 'Ana Silva');
    button(d, 'Create ticket')!.click();
    await waitUntil(() => text(d.querySelector('[role="alert"]')).startsWith('Ticket not created:'), 'no server error shown', WAIT);
    expect(text(d.querySelector('[role="alert"]'))).to.contain('not an email address');
    expect(dialogOf(el)!.open, 'dialog stays open').to.equal(true);
    expect(subject.value).to.equal(wanted);
    expect(email.value).to.equal('not-an-email');

    const address = `buyer.${word}@example.test`;
    type(email, address);
    button(d, 'Create ticket')!.click();
    await waitUntil(() => !dialogOf(el)!.open, 'the dialog did not close', WAIT);
    await waitUntil(() => /^Ticket T-\d{4}-\d+ created$/.test(consoleAnnounced(el)), `not announced (${consoleAnnounced(el)})`, WAIT);
    await waitUntil(() => text(deepActive()) === 'Create ticket', 'focus did not return to Create ticket', WAIT);
    const number = /^Ticket (\S+) created$/.exec(consoleAnnounced(el))![1]!;

    // The server holds it: from the chat, linked to it, with the email, and the chat as its first entry.
    const found = await consoleApi<{ tickets: TicketSummary[] }>('alice', 'GET', `?view=all&q=${encodeURIComponent(number)}`);
    expect(found.body.tickets.map((t) => t.number)).to.deep.equal([number]);
    const row = found.body.tickets[0]!;
    expect(row.source).to.equal('chat');
    expect(row.subject).to.equal(wanted);
    expect(row.priority).to.equal('high');
    const detail = (await consoleApi<{ ticket: TicketDetail }>('alice', 'GET', `/${row.id}`)).body.ticket;
    expect(detail.conversationId).to.equal(conversationId);
    expect(detail.contactEmail).to.equal(address);
    expect(detail.contactName).to.equal('Ana Silva');
    expect(detail.entries[0]!.body).to.contain(first);

    // The chat says so, to the agent and the visitor; the private link never goes into it.
    const line = `Ticket ${number} opened from this chat`;
    await waitUntil(() => [...conv(el).querySelectorAll('.msg.system')].some((m) => text(m) === line), 'no system line in the conversation', WAIT);
    await waitUntil(() => visitor.received.some((m) => m.meta?.system?.kind === 'ticket_opened'), 'the visitor was not told', WAIT);
    expect(visitor.received.some((m) => m.body.includes('/t/')), 'no ticket link in the chat').to.equal(false);

    // Open ticket: the Tickets view, with that ticket.
    expect(text(fromChat(el).querySelector('.created p'))).to.equal(`Ticket ${number} created.`);
    button(fromChat(el), 'Open ticket')!.click();
    await waitUntil(() => text(openedTicket(el)?.querySelector('#ticket-heading')) === wanted, 'the ticket did not open', WAIT);
    expect(button(shadow(el).querySelector('nav.views')!, 'Tickets')!.getAttribute('aria-current')).to.equal('page');
    expect(text(ticketRoot(el)!.querySelector('header .number'))).to.equal(number);
    await waitUntil(() => deepActive()?.id === 'ticket-heading', 'focus not on the ticket heading', WAIT);
  });

  it('speaks 繁體中文 with lang="zh-TW"', async () => {
    const el = await signedIn('alice', 'zh-TW');
    await waitUntil(() => !shadow(el).querySelector('.banner.info'), 'console did not connect', WAIT);
    const info = await server();
    const visitor = await visitors.start('https://shop.example/tw');
    await visitor.say('請問退貨流程');
    await visitor.handoff(info.departments.sales.id);
    const queued = () => shadow(el).querySelector<HTMLElement>(`section.queue li[data-id="${visitor.conversationId}"]`);
    await waitUntil(queued, 'the chat never reached the Queue', WAIT);
    button(queued()!, '接手')!.click();
    await waitUntil(() => button(conv(el), '建立工單') && !button(conv(el), '建立工單')!.disabled, 'no 建立工單 button', WAIT);
    button(conv(el), '建立工單')!.click();
    await waitUntil(() => dialogOf(el)?.open, 'the dialog did not open', WAIT);
    const d = fromChat(el);
    expect(text(d.querySelector('h3'))).to.equal('從此對話建立工單');
    await waitUntil(() => labelled<HTMLInputElement>(d, '主旨').value === '請問退貨流程', 'subject not prefilled from the first message', WAIT);
    await waitUntil(() => labelled<HTMLSelectElement>(d, '類別').options.length > 1, 'topics did not load', WAIT);
    expect([...labelled<HTMLSelectElement>(d, '類別').options].map((o) => text(o))).to.include('諮詢');
    expect(text(labelled<HTMLSelectElement>(d, '優先順序').selectedOptions[0])).to.equal('一般');
    button(d, '取消')!.click();
    await waitUntil(() => !dialogOf(el)!.open, 'Cancel did not close the dialog', WAIT);
  });
});

describe('<parley-console> #ticket= links', () => {
  it('opens the linked ticket once signed in (through the sign-in form), and follows a changed link', async () => {
    const word = unique('link');
    const subject = `Escalated ${word} invoice`;
    await fileTicket({ slug: 'complaint', subject });
    const other = `Second ${word} invoice`;
    await fileTicket({ slug: 'complaint', subject: other });
    const [t] = (await consoleApi<{ tickets: TicketSummary[] }>('admin', 'GET', `?view=all&q=${encodeURIComponent(subject)}`)).body.tickets;
    const [t2] = (await consoleApi<{ tickets: TicketSummary[] }>('admin', 'GET', `?view=all&q=${encodeURIComponent(other)}`)).body.tickets;

    history.replaceState(null, '', `${location.pathname}${location.search}#ticket=${t!.id}`);
    const info = await server();
    const el = await fixture<ParleyConsole>(html`<parley-console server=${info.url} lang="en"></parley-console>`);
    const root = shadow(el);
    (root.getElementById('email') as HTMLInputElement).value = info.accounts.alice.email;
    (root.getElementById('password') as HTMLInputElement).value = info.accounts.alice.password;
    button(root, 'Sign in')!.click();
    await waitUntil(() => text(openedTicket(el)?.querySelector('#ticket-heading')) === subject, 'the linked ticket did not open', WAIT);
    expect(button(root.querySelector('nav.views')!, 'Tickets')!.getAttribute('aria-current')).to.equal('page');
    await waitUntil(() => deepActive()?.id === 'ticket-heading', 'focus not on the ticket heading', WAIT);

    location.hash = `ticket=${t2!.id}`;
    await waitUntil(() => text(openedTicket(el)?.querySelector('#ticket-heading')) === other, 'a changed link was not followed', WAIT);
    await expect(el).to.be.accessible();
  });

  it('shows the ticket view’s not-found error for an unknown id, and for one the agent may not see', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#ticket=00000000-0000-4000-8000-000000000000`);
    const el = await signedIn('alice');
    await waitUntil(() => openedTicket(el)?.querySelector('[role="alert"]'), 'no error for an unknown ticket', WAIT);
    expect(text(ticketRoot(el)!.querySelector('[role="alert"]'))).to.equal('Could not load the ticket: no such ticket');
    fixtureCleanup();

    // Bob works in Support only: a Sales question is not his to see, and says no more than "no such ticket".
    const subject = `Sales ${unique('hidden')} quote`;
    await fileTicket({ slug: 'inquiry', subject });
    const [q] = (await consoleApi<{ tickets: TicketSummary[] }>('admin', 'GET', `?view=all&q=${encodeURIComponent(subject)}`)).body.tickets;
    history.replaceState(null, '', `${location.pathname}${location.search}#ticket=${q!.id}`);
    const bob = await signedIn('bob');
    await waitUntil(() => openedTicket(bob)?.querySelector('[role="alert"]'), 'no error for a forbidden ticket', WAIT);
    expect(text(ticketRoot(bob)!.querySelector('[role="alert"]'))).to.equal('Could not load the ticket: no such ticket');
    expect(text(ticketRoot(bob)), 'nothing of the ticket shown').to.not.contain(subject);
    await expect(bob).to.be.accessible();
  });
});
