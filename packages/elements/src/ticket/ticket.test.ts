/// <reference types="mocha" />
/**
 * <parley-ticket> in real Chromium against the REAL server: tickets are filed through the public API as
 * a customer does, the element follows them by their private link, and the team answers through the
 * console API. Nothing is mocked; one test makes the network fail for one request to prove the reply
 * typed survives it.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './ticket.js';
import type { ParleyTicket } from './ticket.component.js';
import {
  WAIT,
  adminSession,
  alerts,
  announced,
  button,
  composer,
  consoleApi,
  entries,
  fileTicket,
  focused,
  linkView,
  loadServer,
  loaded,
  mount,
  pickFiles,
  pngBytes,
  root,
  server,
  statusWord,
  text,
  ticketId,
  typeInto,
} from './ticket.test-kit.js';

const XSS = '<img src=x onerror=alert(1)>';
const draftKey = (token: string) => `parley:ticket:${token}:draft`;

before(loadServer);
afterEach(() => {
  fixtureCleanup();
  sessionStorage.clear();
});

async function opened(token: string, lang?: string | null): Promise<ParleyTicket> {
  const el = await mount(token, { lang });
  await waitUntil(() => loaded(el), 'the ticket did not load', WAIT);
  return el;
}

async function sendFromBox(el: ParleyTicket, message: string): Promise<void> {
  const before = entries(el).length;
  typeInto(el, message);
  button(el, 'Send reply')!.click();
  await waitUntil(() => entries(el).length > before, 'the reply did not appear in the thread', WAIT);
}

describe('<parley-ticket>', () => {
  it('shows the number, subject, category, status and the message as text, never as markup', async () => {
    const message = `My order has not arrived.\nSecond line ${XSS}`;
    const t = await fileTicket({ subject: 'Where is my parcel?', message });
    const el = await mount(t.token);
    // Until the server answers, the page says it is loading.
    expect(text(root(el).querySelector('.base > [role=status]:first-child'))).to.equal('Loading your request…');
    await waitUntil(() => loaded(el), 'the ticket did not load', WAIT);
    const r = root(el);
    expect(text(r.querySelector('.number'))).to.equal(`Request ${t.number}`);
    expect(text(r.querySelector('h2'))).to.equal('Where is my parcel?');
    expect(text(r.querySelector('.category'))).to.equal('Category: Question');
    expect(statusWord(el)).to.equal('Submitted');
    expect(r.querySelector('[aria-current=step]')?.textContent?.trim()).to.equal('Submitted');
    // The promised first answer, in the reader's time zone.
    const due = text(r.querySelector('.due'));
    expect(due).to.match(/^We aim to reply by .+\.$/);
    const shown = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(new Date(t.firstResponseDueAt));
    expect(due).to.contain(shown);
    // The thread: the customer's message, as typed.
    const [first] = entries(el);
    expect(text(first.querySelector('.author'))).to.equal('You');
    const body = first.querySelector<HTMLElement>('.body')!;
    expect(body.textContent).to.equal(message);
    expect(getComputedStyle(body).whiteSpace).to.equal('pre-wrap');
    expect(r.querySelector('img')).to.equal(null);
    expect(first.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    await expect(el).to.be.accessible();
  });

  it('a reply from the box appears in the thread and the server holds it; the draft is cleared', async () => {
    const t = await fileTicket({ subject: 'Reply test', message: 'First message' });
    const el = await opened(t.token);
    typeInto(el, 'Here is the order number: 12345');
    expect(sessionStorage.getItem(draftKey(t.token))).to.equal('Here is the order number: 12345');
    button(el, 'Send reply')!.click();
    await waitUntil(() => entries(el).length === 2, 'the reply did not appear', WAIT);
    expect(text(entries(el)[1].querySelector('.body'))).to.equal('Here is the order number: 12345');
    expect(text(entries(el)[1].querySelector('.author'))).to.equal('You');
    expect(composer(el).value).to.equal('');
    expect(sessionStorage.getItem(draftKey(t.token))).to.equal(null);
    await waitUntil(() => announced(el).includes('Your reply was sent.'), 'the reply was not announced', WAIT);
    const held = await linkView(t.token);
    expect(held.entries.map((e) => e.body)).to.deep.equal(['First message', 'Here is the order number: 12345']);
  });

  it('an empty reply is refused in the page, with the box marked', async () => {
    const t = await fileTicket({ subject: 'Empty reply', message: 'Hello' });
    const el = await opened(t.token);
    typeInto(el, '   ');
    button(el, 'Send reply')!.click();
    await waitUntil(() => alerts(el).includes('Write a message first.'), 'no message for an empty reply', WAIT);
    expect(composer(el).getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)).to.equal(composer(el));
    expect((await linkView(t.token)).entries.length).to.equal(1);
  });

  it('attaches a PNG: sent as multipart, then listed as a download link', async () => {
    const t = await fileTicket({ subject: 'Screenshot', message: 'See attached' });
    const el = await opened(t.token);
    const bytes = pngBytes();
    pickFiles(el, [new File([bytes], 'screen shot.png', { type: 'image/png' })]);
    await waitUntil(() => root(el).querySelector('.chosen li') !== null, 'the file was not listed', WAIT);
    expect(button(el, 'Remove screen shot.png')).to.not.equal(undefined);
    await sendFromBox(el, 'The screenshot');
    const link = entries(el)[1].querySelector<HTMLAnchorElement>('.files a')!;
    expect(text(link)).to.match(/^screen shot\.png \(.+\)$/);
    const held = await linkView(t.token);
    const file = held.entries[1].files[0];
    expect(file.type).to.equal('image/png');
    expect(file.size).to.equal(bytes.byteLength);
    // A plain link (the server answers `attachment`): no script, no CORS involved in the download.
    expect(link.href).to.equal(`${server.url}/api/tickets/link/${t.token}/files/${file.id}`);
    expect(link.hasAttribute('download')).to.equal(true);
    expect(root(el).querySelector('.chosen')).to.equal(null);
  });

  it('checks attachments before sending: type by content, size, count', async () => {
    const t = await fileTicket({ subject: 'Files', message: 'Files' });
    const el = await opened(t.token);
    pickFiles(el, [new File(['just text'], 'notes.png', { type: 'image/png' })]);
    await waitUntil(() => alerts(el).some((a) => a.includes('“notes.png” is not an image')), 'a renamed text file was accepted', WAIT);
    pickFiles(el, [new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'huge.pdf')]);
    await waitUntil(() => alerts(el).some((a) => a.includes('“huge.pdf” is larger than 10 MB.')), 'a huge file was accepted', WAIT);
    const six = Array.from({ length: 6 }, (_, i) => new File([pngBytes()], `p${i}.png`, { type: 'image/png' }));
    pickFiles(el, six);
    await waitUntil(() => alerts(el).some((a) => a.includes('at most 5 files')), 'a sixth file was accepted', WAIT);
    expect(root(el).querySelectorAll('.chosen li').length).to.equal(5);
    // Removing one puts focus on the file picker, the next place to act.
    button(el, 'Remove p0.png')!.click();
    await waitUntil(() => root(el).querySelectorAll('.chosen li').length === 4, 'the file was not removed', WAIT);
    expect(focused(el)?.id).to.equal('files');
    await expect(el).to.be.accessible();
  });

  it('"This is solved" asks first, then shows Resolved; writing again reopens the request', async () => {
    const t = await fileTicket({ subject: 'Solved', message: 'Help' });
    const el = await opened(t.token);
    button(el, 'This is solved')!.click();
    await waitUntil(() => button(el, 'Yes, it is solved') !== undefined, 'no confirmation', WAIT);
    expect(focused(el)).to.equal(button(el, 'Yes, it is solved'));
    // Cancel keeps it open.
    button(el, 'Cancel')!.click();
    await waitUntil(() => focused(el) === button(el, 'This is solved'), 'focus did not return', WAIT);
    button(el, 'This is solved')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    button(el, 'Yes, it is solved')!.click();
    await waitUntil(() => statusWord(el) === 'Resolved', 'not resolved', WAIT);
    expect((await linkView(t.token)).status).to.equal('resolved');
    expect(button(el, 'This is solved')).to.equal(undefined);
    expect(text(root(el).querySelector('.note.resolved'))).to.equal('This request is resolved. If you write to us again here, it reopens.');
    expect(focused(el)?.id).to.equal('status');
    await waitUntil(() => announced(el).includes('marked as resolved'), 'not announced', WAIT);
    await sendFromBox(el, 'Actually it broke again');
    await waitUntil(() => statusWord(el) === 'In progress', 'writing did not reopen it', WAIT);
    expect(button(el, 'This is solved')).to.not.equal(undefined);
  });

  it('a closed request says so and asks for a new one mentioning its number; the text stays', async () => {
    const t = await fileTicket({ subject: 'Closed', message: 'Hello' });
    await consoleApi('PATCH', `/${await ticketId(t.number)}`, { status: 'closed' });
    const el = await opened(t.token);
    typeInto(el, 'One more thing');
    button(el, 'Send reply')!.click();
    await waitUntil(() => root(el).querySelector('.closed') !== null, 'closed not shown', WAIT);
    expect(text(root(el).querySelector('.closed'))).to.equal(
      `This request is closed and cannot take new replies. Please send us a new request and mention ${t.number}.`,
    );
    expect(root(el).querySelector('.closed')!.getAttribute('role')).to.equal('alert');
    expect(composer(el).value).to.equal('One more thing');
  });

  it('an unknown link shows a clear page instead of the request', async () => {
    const el = await mount('x'.repeat(43));
    await waitUntil(() => root(el).querySelector('.gone') !== null, 'no gone page', WAIT);
    expect(text(root(el).querySelector('.gone [role=alert]'))).to.equal(
      'This link no longer opens your request (it may have expired or been replaced). Check your latest email from us.',
    );
    expect(root(el).querySelector('textarea')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a network failure keeps the typed reply (in the box and across a reload); it sends once back', async () => {
    const t = await fileTicket({ subject: 'Network', message: 'Hello' });
    let el = await opened(t.token);
    typeInto(el, 'Please call me back');
    const realFetch = window.fetch;
    // The network drops for the reply only: the browser's own failure, no server involved.
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).endsWith('/replies') ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init);
    try {
      button(el, 'Send reply')!.click();
      await waitUntil(() => alerts(el).some((a) => a.startsWith('Your reply was not sent: we could not reach the server.')), 'no network error', WAIT);
    } finally {
      window.fetch = realFetch;
    }
    expect(composer(el).value).to.equal('Please call me back');
    expect(entries(el).length).to.equal(1);
    // The page is reloaded (the element made anew): the draft is still there.
    fixtureCleanup();
    el = await opened(t.token);
    expect(composer(el).value).to.equal('Please call me back');
    button(el, 'Send reply')!.click();
    await waitUntil(() => entries(el).length === 2, 'the reply was not sent', WAIT);
    expect(sessionStorage.getItem(draftKey(t.token))).to.equal(null);
    expect(alerts(el).filter((a) => a.startsWith('Your reply'))).to.deep.equal([]);
  });

  it('an agent reply arrives when the tab is shown again: announced, without losing the draft or focus', async () => {
    const t = await fileTicket({ subject: 'Agent reply', message: 'Is it in stock?' });
    const el = await opened(t.token);
    expect(root(el).querySelector('.due')).to.not.equal(null);
    composer(el).focus();
    typeInto(el, 'Half-typed answ');
    const { name } = await adminSession();
    await consoleApi('POST', `/${await ticketId(t.number)}/replies`, { message: 'Yes, it is.\nWhich size do you need?', status: 'pending' });
    expect(document.visibilityState).to.equal('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => entries(el).length === 2, 'the agent reply did not arrive', WAIT);
    const reply = entries(el)[1];
    expect(text(reply.querySelector('.author'))).to.equal(name);
    expect(reply.querySelector('.body')!.textContent).to.equal('Yes, it is.\nWhich size do you need?');
    await waitUntil(() => announced(el) === `New reply from ${name}`, 'the reply was not announced', WAIT);
    expect(statusWord(el)).to.equal('Waiting for you');
    expect(root(el).querySelector('.due')).to.equal(null);
    expect(focused(el)).to.equal(composer(el));
    expect(composer(el).value).to.equal('Half-typed answ');
    // A refresh with nothing new says nothing new.
    await el.refresh();
    expect(entries(el).length).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('speaks 简体中文 when asked', async () => {
    const t = await fileTicket({ subject: '订单问题', message: '我的订单还没到' });
    const el = await opened(t.token, 'zh-CN');
    expect(statusWord(el)).to.equal('已提交');
    expect(text(root(el).querySelector('.number'))).to.equal(`请求编号 ${t.number}`);
    expect(text(root(el).querySelector('#thread-title'))).to.equal('沟通记录');
    expect(button(el, '发送回复')).to.not.equal(undefined);
    expect(button(el, '问题已解决')).to.not.equal(undefined);
    expect(text(root(el).querySelector('label[for=message]'))).to.equal('您的留言');
    expect(text(root(el).querySelector('.due'))).to.match(/^我们将在 .+ 前回复您。$/);
    expect(root(el).querySelector('.base')!.getAttribute('lang')).to.equal('zh-CN');
    await expect(el).to.be.accessible();
  });

  it('without a lang anywhere, speaks the language the request was written in', async () => {
    const t = await fileTicket({ subject: '訂單問題', message: '我的訂單還沒到', locale: 'zh-TW' });
    const page = document.documentElement;
    const saved = page.getAttribute('lang');
    page.removeAttribute('lang');
    try {
      const el = await opened(t.token, null);
      await waitUntil(() => statusWord(el) === '已提交', 'not in the ticket locale', WAIT);
      expect(button(el, '傳送回覆')).to.not.equal(undefined);
      expect(button(el, '問題已解決')).to.not.equal(undefined);
    } finally {
      if (saved !== null) page.setAttribute('lang', saved);
    }
    // A lang on an ancestor wins over the ticket's.
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><parley-ticket server=${server.url} token=${t.token}></parley-ticket></div>`);
    const inner = wrapper.querySelector('parley-ticket')!;
    await waitUntil(() => loaded(inner), 'did not load', WAIT);
    expect(statusWord(inner)).to.equal('Submitted');
  });

  it('keyboard only: Tab to the box, type, Tab to Send, Enter', async () => {
    const t = await fileTicket({ subject: 'Keyboard', message: 'Hello' });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><button id="start">start</button><parley-ticket server=${server.url} token=${t.token} lang="en"></parley-ticket></div>`,
    );
    const el = wrapper.querySelector('parley-ticket')!;
    await waitUntil(() => loaded(el), 'did not load', WAIT);
    wrapper.querySelector<HTMLButtonElement>('#start')!.focus();
    for (let i = 0; i < 30 && focused(el) !== composer(el); i++) await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(composer(el));
    await sendKeys({ type: 'Typed with the keyboard' });
    const send = button(el, 'Send reply')!;
    for (let i = 0; i < 10 && focused(el) !== send; i++) await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(send);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => entries(el).length === 2, 'the reply was not sent', WAIT);
    expect(text(entries(el)[1].querySelector('.body'))).to.equal('Typed with the keyboard');
    // Ctrl+Enter in the box sends too.
    composer(el).focus();
    await sendKeys({ type: 'Second, by shortcut' });
    await sendKeys({ press: 'Control+Enter' });
    await waitUntil(() => entries(el).length === 3, 'Ctrl+Enter did not send', WAIT);
    expect(focused(el)).to.equal(composer(el));
  });
});
