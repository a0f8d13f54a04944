/**
 * One ticket in the console against the REAL server: what an agent writes reaches the customer's
 * private view (or, for a note, never does), properties change with the server's rules, attachments
 * travel both ways, and supervisors and admins read the email log.
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { TOKEN_KEY } from '../console.session.js';
import {
  announced,
  button,
  choose,
  composerRoot,
  consoleApi,
  customerView,
  deepActive,
  fileTicket,
  historyTexts,
  labelled,
  listRoot,
  mailRoot,
  openTicket,
  rowFor,
  rowSubjects,
  server,
  showView,
  text,
  ticketRoot,
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

afterEach(() => {
  fixtureCleanup();
  sessionStorage.removeItem(TOKEN_KEY);
});

async function findRow(el: Parameters<typeof listRoot>[0], view: string, word: string, subject: string): Promise<void> {
  showView(el, view);
  await waitUntil(() => text(listRoot(el).querySelector('#list-heading')) === view && listRoot(el).querySelector('tbody tr, .state.empty'), `${view} did not load`, WAIT);
  type(labelled<HTMLInputElement>(listRoot(el), 'Search tickets'), word);
  // Only this test's tickets left: the search has been applied.
  await waitUntil(() => rowFor(el, subject) && rowSubjects(el).every((x) => x.includes(word)), `"${subject}" not in ${view}`, WAIT);
}

/** The smallest valid PNG: what the server's content sniffing accepts as an image. */
function png(name: string): File {
  const b64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return new File([bytes.buffer as ArrayBuffer], name, { type: 'image/png' });
}

function attach(composer: ShadowRoot, files: File[]): void {
  const input = labelled<HTMLInputElement>(composer, 'Attach files');
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<parley-console> one ticket', () => {
  it('alice takes a ticket, replies (the customer sees it), adds a note (the customer does not), and waits on the customer', async () => {
    const word = unique('reply');
    const subject = `Missing ${word} voucher`;
    const created = await fileTicket({ slug: 'complaint', subject, message: 'My voucher never arrived.', name: 'Lin Wei' });
    const el = await ticketsConsole('alice');
    await findRow(el, 'Unassigned', word, subject);
    const t = await openTicket(el, subject);
    await waitUntil(() => deepActive()?.id === 'ticket-heading', 'focus on the ticket heading', WAIT);
    expect(text(t.querySelector('header .number'))).to.equal(created.number);
    expect(text(t.querySelector('.contact'))).to.contain('Lin Wei');
    expect(text(t.querySelector('.contact'))).to.contain('mei.chen@example.test');
    const first = t.querySelector('.entry')!;
    expect(text(first.querySelector('.kind'))).to.equal('From the customer');
    expect(text(first.querySelector('.body'))).to.equal('My voucher never arrived.');
    expect(historyTexts(el)[0]).to.equal('Lin Wei opened the ticket');
    await expect(el).to.be.accessible();

    // Agents take tickets for themselves; there is no picker of colleagues.
    expect(!!t.querySelector('#ticket-assignee'), 'no assignee picker for an agent').to.equal(false);
    button(t, 'Assign to me')!.click();
    await waitUntil(() => announced(el) === 'Assigned to you.', 'not announced', WAIT);
    expect(text(t.querySelector('.assignee'))).to.equal('Alice');
    expect(labelled<HTMLSelectElement>(t, 'Status').value, 'taking a new ticket opens it').to.equal('open');
    expect(historyTexts(el)).to.include.members(['Alice assigned it to Alice', 'Alice changed the status from New to Open']);
    expect(deepActive()?.textContent?.trim(), 'focus stays where the button was').to.equal('Unassign me');

    // A public reply: emailed, and on the customer's page.
    const composer = composerRoot(el);
    expect(composer.querySelector<HTMLInputElement>('input[value="public"]')!.checked, 'replies by default').to.equal(true);
    type(labelled<HTMLTextAreaElement>(composer, 'Message'), `We are sending a new ${word} voucher today.`);
    button(composer, 'Send reply')!.click();
    await waitUntil(() => announced(el) === 'Reply sent.', 'no "Reply sent."', WAIT);
    expect(labelled<HTMLTextAreaElement>(composer, 'Message').value, 'composer emptied').to.equal('');
    const reply = [...t.querySelectorAll('.entry')].at(-1)!;
    expect(reply.getAttribute('data-kind')).to.equal('public');
    expect(text(reply.querySelector('.kind'))).to.equal('Reply to customer');
    let seen = await customerView(created.token);
    expect(seen.entries.map((e) => e.body)).to.include(`We are sending a new ${word} voucher today.`);
    expect(seen.status).to.equal('in_progress');

    // An internal note: labelled as such, never in the customer's view.
    composer.querySelector<HTMLInputElement>('input[value="note"]')!.click();
    await waitUntil(() => button(composer, 'Add note'), 'the button did not say Add note', WAIT);
    expect(composer.querySelector('form')!.classList.contains('note'), 'the composer looks like a note').to.equal(true);
    type(labelled<HTMLTextAreaElement>(composer, 'Message'), `Voucher ${word} checked with finance.`);
    button(composer, 'Add note')!.click();
    await waitUntil(() => announced(el) === 'Note added.' || text(composer.querySelector('[role="alert"]')), 'no "Note added."', WAIT);
    expect(text(composer.querySelector('[role="alert"]')), 'no error').to.equal('');
    const note = [...t.querySelectorAll('.entry')].at(-1)!;
    expect(note.getAttribute('data-kind')).to.equal('note');
    expect(note.classList.contains('note')).to.equal(true);
    expect(text(note.querySelector('.kind'))).to.equal('Internal note');
    seen = await customerView(created.token);
    expect(seen.entries.map((e) => e.body).join('\n')).to.not.contain('checked with finance');

    // Waiting on the customer: the customer's page says it is their turn.
    choose(labelled<HTMLSelectElement>(t, 'Status'), 'Waiting on customer');
    button(t, 'Save changes')!.click();
    await waitUntil(() => announced(el) === 'Changes saved.', 'no "Changes saved."', WAIT);
    seen = await customerView(created.token);
    expect(seen.status).to.equal('waiting_for_you');
    expect(historyTexts(el)).to.include.members(['Alice replied', 'Alice added an internal note', 'Alice changed the status from Open to Waiting on customer']);
    await expect(el).to.be.accessible();

    // Back to Unassigned, which it has left (it is Alice's now): focus goes to the list's heading.
    button(t, /Back to tickets/)!.click();
    await waitUntil(() => !ticketRoot(el) && deepActive()?.id === 'list-heading', 'focus not on the list heading', WAIT);
    expect(!!rowFor(el, subject), 'no longer unassigned').to.equal(false);
  });

  it('sends files both ways, shows them as downloads, and shows the server refusing a reply to a closed ticket', async () => {
    const word = unique('files');
    const subject = `Scratched ${word} table`;
    const created = await fileTicket({ slug: 'complaint', subject });
    const el = await ticketsConsole('alice');
    await findRow(el, 'All', word, subject);
    const t = await openTicket(el, subject);
    const composer = composerRoot(el);

    attach(composer, [png('photo.png')]);
    await waitUntil(() => text(composer.querySelector('ul.chosen')).includes('photo.png'), 'chosen file not listed', WAIT);
    attach(composer, [new File(['<svg/>'], 'x.svg', { type: 'image/svg+xml' })]);
    await waitUntil(() => text(composer.querySelector('[role="alert"]')) === '“x.svg” is not an image or a PDF file.', 'an SVG was not refused', WAIT);
    type(labelled<HTMLTextAreaElement>(composer, 'Message'), `Photo of the ${word} fix attached.`);
    button(composer, 'Send reply')!.click();
    await waitUntil(() => announced(el) === 'Reply sent.', 'reply with a file not sent', WAIT);

    const link = [...t.querySelectorAll<HTMLAnchorElement>('a.file')].at(-1)!;
    expect(text(link)).to.match(/^photo\.png \(\d+ (byte|B)\)$/);
    const info = await server();
    expect(link.href).to.match(new RegExp(`^${info.url}/api/console/tickets/[0-9a-f-]{36}/files/[0-9a-f-]{36}$`));
    // A plain link carries no token: the click downloads through fetch with it instead.
    const saved: string[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      saved.push((b as Blob).type);
      return original.call(URL, b);
    };
    try {
      link.click();
      await waitUntil(() => saved.length === 1, 'no download', WAIT);
    } finally {
      URL.createObjectURL = original;
    }
    expect(saved[0]).to.equal('image/png');
    const seen = await customerView(created.token);
    expect(seen.entries.at(-1)!.files.map((f) => f.name)).to.deep.equal(['photo.png']);

    // Closed: the server refuses a public reply and the composer says why, keeping the text.
    choose(labelled<HTMLSelectElement>(t, 'Status'), 'Closed');
    button(t, 'Save changes')!.click();
    await waitUntil(() => announced(el) === 'Changes saved.', 'not closed', WAIT);
    type(labelled<HTMLTextAreaElement>(composer, 'Message'), 'One more thing.');
    button(composer, 'Send reply')!.click();
    await waitUntil(() => text(composer.querySelector('[role="alert"]')).startsWith('Not sent:'), 'refusal not shown', WAIT);
    expect(text(composer.querySelector('[role="alert"]'))).to.contain('closed');
    expect(labelled<HTMLTextAreaElement>(composer, 'Message').value).to.equal('One more thing.');
  });

  it('an admin assigns through a picker of the department, and reads the email log', async () => {
    const word = unique('mail');
    const subject = `Invoice ${word} wrong`;
    const email = `${word}@example.test`;
    const created = await fileTicket({ slug: 'complaint', subject, email });
    const info = await server();
    const el = await ticketsConsole('admin');
    await findRow(el, 'All', word, subject);
    const t = await openTicket(el, subject);

    const picker = labelled<HTMLSelectElement>(t, 'Assignee');
    const names = [...picker.options].map((o) => text(o));
    expect(names[0]).to.equal('Unassigned');
    expect(names, 'Support people').to.include.members(['Alice', 'Bob']);
    choose(picker, 'Bob');
    button(t, 'Save changes')!.click();
    await waitUntil(() => announced(el) === 'Changes saved.', 'not saved', WAIT);
    const [row] = (await consoleApi<{ tickets: Array<{ assigneeId: string | null }> }>('admin', 'GET', `?view=all&q=${created.number}`)).body.tickets;
    expect(row!.assigneeId).to.equal(info.accounts.bob.id);
    expect(historyTexts(el)).to.include('Ada Admin assigned it to Bob');

    // The email log: the customer's confirmation, stored (no SMTP in tests), opens to its text.
    button(ticketsRoot(el).querySelector('nav')!, 'Email log')!.click();
    const mailRow = () => [...mailRoot(el).querySelectorAll('tbody tr')].find((r) => text(r.querySelector('.to')) === email);
    await waitUntil(() => mailRow(), 'the mail is not in the log', WAIT);
    expect(deepActive()?.id).to.equal('mail-heading');
    expect(text(mailRow()!.querySelector('.badge'))).to.equal('Stored (not sent)');
    await expect(el).to.be.accessible();
    const open = mailRow()!.querySelector<HTMLButtonElement>('button.open')!;
    const mailSubject = text(open);
    expect(mailSubject).to.contain(created.number);
    open.click();
    await waitUntil(() => deepActive()?.id === 'mail-subject', 'mail did not open', WAIT);
    expect(text(mailRoot(el).querySelector('pre.text'))).to.contain(created.number);
    button(mailRoot(el), /Back to the email log/)!.click();
    await waitUntil(() => text(deepActive()) === mailSubject, 'focus not back on the mail row', WAIT);

    // Agents have no email log, and the server agrees.
    expect((await consoleApi('alice', 'GET', '/mail')).status).to.equal(403);
  });
});
