/// <reference types="mocha" />
/**
 * <parley-feedback> in real Chromium against the REAL server and its seeded ticket categories: the
 * customer form, attachments, refusals (the form's and the server's), a dropped connection, the
 * intranet form with a signed employee token, and keyboard-only use. Nothing is mocked; a few tests
 * watch fetch (every call still reaches the server) and one cuts the connection.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ParleyFeedback, ParleyTicketCreatedDetail } from './feedback.component.js';
import {
  $,
  WAIT,
  announced,
  button,
  categoriesFor,
  categoryOptions,
  choose,
  chosenFiles,
  fieldError,
  fill,
  focused,
  formReady,
  labelOf,
  mount,
  net,
  pngFile,
  posts,
  root,
  server,
  shownToken,
  submit,
  text,
  ticketByLink,
  useFeedbackServer,
} from './feedback.test-kit.js';

useFeedbackServer();

const done = (el: HTMLElement) => () => el.shadowRoot!.querySelector('#done-title') !== null;

describe('<parley-feedback> customer form', () => {
  it('lists the customer categories in the UI language (en, zh-CN), and only customers need an email', async () => {
    const cats = await categoriesFor('customer');
    expect(cats.map((c) => c.slug)).to.include.members(['complaint', 'inquiry', 'suggestion', 'praise']);
    const en = await mount();
    await waitUntil(formReady(en), 'categories did not load', WAIT);
    expect(categoryOptions(en)).to.deep.equal(cats.map((c) => c.names.en));
    expect(text($(en, 'h2'))).to.equal('Send us feedback');
    expect(labelOf(en, 'email')).to.equal('Email *');
    expect($(en, '#anonymous'), 'no anonymous option without an employee token').to.equal(null);
    await expect(en).to.be.accessible();
    fixtureCleanup();
    const zh = await mount({ lang: 'zh-CN' });
    await waitUntil(formReady(zh), 'categories did not load', WAIT);
    expect(categoryOptions(zh)).to.deep.equal(cats.map((c) => c.names['zh-CN']));
    expect(categoryOptions(zh)).to.include('投诉');
    expect(labelOf(zh, 'subject')).to.equal('主题 *');
  });

  it('as the offline form: preselects a category by slug and prefills a known user', async () => {
    const el = await mount({ category: 'praise', name: 'Li Lei', email: 'li@example.com', source: 'offline' });
    await waitUntil(formReady(el), 'categories did not load', WAIT);
    expect(text($(el, 'h2'))).to.equal('Leave us a message');
    expect(text($(el, '.intro'))).to.equal('Nobody can chat right now. Leave a message and we will answer by email.');
    const select = $<HTMLSelectElement>(el, '#category')!;
    expect(text(select.selectedOptions[0])).to.equal('Praise');
    expect($<HTMLInputElement>(el, '#name')!.value).to.equal('Li Lei');
    expect($<HTMLInputElement>(el, '#email')!.value).to.equal('li@example.com');
  });

  it('a complaint with a PNG: number, promised time, private link; the server holds the entry and the file', async () => {
    const el = await mount();
    await waitUntil(formReady(el), 'categories did not load', WAIT);
    const png = await pngFile('broken-blender.png');
    await fill(el, { category: 'Complaint', subject: 'Blender broke', message: 'It stopped after two days.', name: 'Zhang Wei', email: 'zhang@example.com' });
    await choose(el, [png]);
    expect(chosenFiles(el)).to.deep.equal(['broken-blender.png']);
    const created = oneEvent(el, 'parley-ticket-created');
    submit(el);
    await waitUntil(() => $(el, 'form')?.getAttribute('aria-busy') === 'true' || done(el)(), 'never busy', WAIT);
    const { detail } = (await created) as CustomEvent<ParleyTicketCreatedDetail>;
    await waitUntil(done(el), 'no success view', WAIT);
    expect(detail.number).to.match(/^T-\d{4}-\d{6}$/);
    const heading = $(el, '#done-title')!;
    expect(text(heading)).to.equal(`Your request ${detail.number} was received`);
    expect(focused(el)).to.equal(heading);
    const promise = text($(el, '.promise'));
    const due = new Date(detail.firstResponseDueAt);
    expect(promise).to.include('within 2 hours');
    expect(promise).to.include(due.toLocaleTimeString('en', { hour: 'numeric', minute: '2-digit' }));
    expect(promise).to.include(due.toLocaleDateString('en', { month: 'short', day: 'numeric' }));
    expect($<HTMLInputElement>(el, '#link')!.value).to.equal(`${server.url}/t/${detail.token}`);
    expect(text($(el, '.note'))).to.equal('We also emailed this link to zhang@example.com.');
    await waitUntil(() => announced(el).startsWith(`Your request ${detail.number} was received`), 'success not announced', WAIT);
    await expect(el).to.be.accessible();
    // It went as multipart (payload + files), and the server has exactly that.
    const ticket = await ticketByLink(shownToken(el));
    expect(ticket.number).to.equal(detail.number);
    expect(ticket.subject).to.equal('Blender broke');
    expect(ticket.category?.slug).to.equal('complaint');
    expect(ticket.entries[0].body).to.equal('It stopped after two days.');
    expect(ticket.entries[0].authorName).to.equal('Zhang Wei');
    expect(ticket.entries[0].files.map((f) => [f.name, f.type, f.size])).to.deep.equal([['broken-blender.png', 'image/png', png.size]]);
    // The stored file is the picture that was drawn (an <img> needs no CORS read, as the ticket page's would not).
    const img = new Image();
    img.src = `${server.url}/api/tickets/link/${detail.token}/files/${ticket.entries[0].files[0].id}`;
    await img.decode();
    expect([img.naturalWidth, img.naturalHeight]).to.deep.equal([12, 8]);
    // Copy announces; "Send another" returns to an empty form, contact details kept.
    button(el, 'Copy')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => announced(el) === 'Copied', `copy not announced (${announced(el)})`, WAIT);
    button(el, 'Send another')!.click();
    await waitUntil(formReady(el), 'form did not come back', WAIT);
    expect($<HTMLInputElement>(el, '#subject')!.value).to.equal('');
    expect($<HTMLInputElement>(el, '#email')!.value).to.equal('zhang@example.com');
    expect(chosenFiles(el)).to.deep.equal([]);
  });

  it('missing email, subject and message are refused next to their fields; nothing is sent', async () => {
    const el = await mount();
    await waitUntil(formReady(el), 'categories did not load', WAIT);
    await fill(el, { category: 'Question' });
    submit(el);
    await waitUntil(() => fieldError(el, 'email') !== '', 'no email error', WAIT);
    expect(fieldError(el, 'email')).to.equal('Enter your email address so we can answer you.');
    expect(fieldError(el, 'subject')).to.equal('Enter a subject.');
    expect(fieldError(el, 'message')).to.equal('Write your message.');
    expect(fieldError(el, 'category')).to.equal('');
    expect(focused(el)?.id).to.equal('subject');
    await waitUntil(() => announced(el) === 'Please check the 3 highlighted fields.', 'not announced', WAIT);
    await expect(el).to.be.accessible();
    await fill(el, { subject: 'Opening hours', message: 'When do you open?', email: 'not-an-address' });
    expect(fieldError(el, 'subject')).to.equal('');
    submit(el);
    await waitUntil(() => fieldError(el, 'email') === 'Enter a valid email address, such as name@example.com.', 'bad email accepted', WAIT);
    expect(posts()).to.have.length(0);
  });

  it('files: wrong type, too big and a sixth are refused by name next to the picker; Remove works; nothing is sent', async () => {
    const el = await mount();
    await waitUntil(formReady(el), 'categories did not load', WAIT);
    await choose(el, [new File(['just text'], 'notes.txt', { type: 'text/plain' }), new File([new Uint8Array(11 * 1024 * 1024)], 'huge.png', { type: 'image/png' })]);
    expect(fieldError(el, 'files')).to.equal('“notes.txt” is not an image (PNG, JPEG, GIF or WebP) or a PDF. “huge.png” is 11 MB; a file can be at most 10 MB.');
    expect(chosenFiles(el)).to.deep.equal([]);
    const six = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => pngFile(`shot-${i}.png`)));
    await choose(el, six);
    expect(chosenFiles(el)).to.deep.equal(['shot-1.png', 'shot-2.png', 'shot-3.png', 'shot-4.png', 'shot-5.png']);
    expect(fieldError(el, 'files')).to.equal('“shot-6.png” was not added: at most 5 files can be attached.');
    await waitUntil(() => announced(el).includes('shot-6.png'), 'not announced', WAIT);
    await expect(el).to.be.accessible();
    button(el, 'Remove shot-2.png')!.click();
    await el.updateComplete;
    expect(chosenFiles(el)).to.deep.equal(['shot-1.png', 'shot-3.png', 'shot-4.png', 'shot-5.png']);
    expect(focused(el)?.getAttribute('aria-label')).to.equal('Remove shot-3.png');
    expect(fieldError(el, 'files')).to.equal('');
    expect(posts()).to.have.length(0);
  });

  it('a server refusal is shown in its own words, next to the field it names; nothing typed is lost', async () => {
    const el = await mount();
    await waitUntil(formReady(el), 'categories did not load', WAIT);
    // Named .png and claimed as one, but not one: only the server, reading the bytes, can tell.
    await fill(el, { category: 'Suggestion', subject: 'Idea', message: 'Longer hours', email: 'ideas@example.com' });
    await choose(el, [new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'fake.png', { type: 'image/png' })]);
    submit(el);
    await waitUntil(() => $(el, '#form-error') !== null, 'no refusal shown', WAIT);
    expect(text($(el, '#form-error'))).to.equal('“fake.png” is not an image (PNG, JPEG, GIF or WebP) or a PDF: its content was checked, not its name.');
    expect(focused(el)?.id).to.equal('form-error');
    expect($<HTMLInputElement>(el, '#subject')!.value).to.equal('Idea');
    expect(chosenFiles(el)).to.deep.equal(['fake.png']);
    button(el, 'Remove fake.png')!.click();
    // An address the form lets through and the server does not: its words go next to the email field.
    await fill(el, { email: 'a..b@example.com' });
    submit(el);
    await waitUntil(() => fieldError(el, 'email') !== '', 'server refusal not on the field', WAIT);
    expect(fieldError(el, 'email')).to.equal('That is not an email address');
    expect(focused(el)?.id).to.equal('email');
    expect(posts()).to.have.length(2);
  });

  it('a dropped connection keeps everything, across a reload too; the draft goes once the ticket exists', async () => {
    const el = await mount();
    await waitUntil(formReady(el), 'categories did not load', WAIT);
    await fill(el, { category: 'Question', subject: 'Delivery to Macau?', message: 'Do you ship there?', name: 'Ho', email: 'ho@example.com' });
    net.cut = (c) => c.method === 'POST';
    submit(el);
    await waitUntil(() => $(el, '#form-error') !== null, 'no network error', WAIT);
    expect(text($(el, '#form-error'))).to.equal('We could not reach the server. Nothing you wrote is lost: try again when you are back online.');
    expect(button(el, 'Send')!.disabled).to.equal(false);
    fixtureCleanup();
    // "Reload": a new element on the same tab's session.
    const again = await mount();
    await waitUntil(formReady(again), 'categories did not load', WAIT);
    expect(text($<HTMLSelectElement>(again, '#category')!.selectedOptions[0])).to.equal('Question');
    expect($<HTMLInputElement>(again, '#subject')!.value).to.equal('Delivery to Macau?');
    expect($<HTMLTextAreaElement>(again, '#message')!.value).to.equal('Do you ship there?');
    expect($<HTMLInputElement>(again, '#email')!.value).to.equal('ho@example.com');
    net.cut = () => false;
    submit(again);
    await waitUntil(done(again), 'no success after reconnecting', WAIT);
    expect(Object.keys(sessionStorage).filter((k) => k.includes('feedback-draft'))).to.deep.equal([]);
  });

  it('categories that cannot load show an error with Retry', async () => {
    net.cut = (c) => c.url.includes('/categories');
    const el = await mount();
    await waitUntil(() => button(el, 'Retry'), 'no Retry', WAIT);
    expect(text($(el, '[role=alert]'))).to.include('The form could not be loaded.');
    net.cut = () => false;
    button(el, 'Retry')!.click();
    await waitUntil(formReady(el), 'Retry did not load the categories', WAIT);
  });

  it('speaks Chinese on success: the target as 2 小时内', async () => {
    const el = await mount({ lang: 'zh-CN', category: 'complaint' });
    await waitUntil(formReady(el), 'categories did not load', WAIT);
    await fill(el, { subject: '质量问题', message: '用了两天就坏了。', email: 'wang@example.com' });
    submit(el);
    await waitUntil(done(el), 'no success view', WAIT);
    expect(text($(el, '#done-title'))).to.match(/^您的请求 T-\d{4}-\d{6} 已收到$/);
    expect(text($(el, '.promise'))).to.include('2 小时内');
  });

  it('keyboard only: fill and send, then "Send another"', async () => {
    const el = await mount({ category: 'inquiry' });
    await waitUntil(formReady(el), 'categories did not load', WAIT);
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('category');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Gift wrap' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('message');
    await sendKeys({ type: 'Can you wrap it?' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Kim' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('email');
    await sendKeys({ type: 'kim@example.com' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(done(el), 'Enter did not send', WAIT);
    expect(focused(el)?.id).to.equal('done-title');
    for (let i = 0; i < 6 && text(focused(el)) !== 'Send another'; i++) await sendKeys({ press: 'Tab' });
    expect(text(focused(el))).to.equal('Send another');
    await sendKeys({ press: 'Enter' });
    await waitUntil(formReady(el), 'form did not come back', WAIT);
    expect(focused(el)?.id).to.equal('title');
  });
});

describe('<parley-feedback> intranet form', () => {
  it('fetches the employee token from the intranet (employee-token-url) before showing the employee form; a failing URL offers Retry', async () => {
    const el = await fixture<ParleyFeedback>(html`<parley-feedback server=${server.url} site=${server.siteKey} lang="en" employee-token-url="/__parley__/employee-token.json"></parley-feedback>`);
    await waitUntil(formReady(el), 'the employee form did not load', WAIT);
    expect(el.employeeToken).to.equal(server.employeeToken);
    expect(el.shadowRoot!.querySelector('#anonymous'), 'the anonymous option').to.not.equal(null);
    const options = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#category option')].map((o) => o.textContent?.trim());
    expect(options).to.include('Suggestion box');
    expect(options).to.not.include('Complaint');

    const broken = await fixture<ParleyFeedback>(html`<parley-feedback server=${server.url} site=${server.siteKey} lang="en" employee-token-url="/__parley__/no-such-endpoint"></parley-feedback>`);
    await waitUntil(() => broken.shadowRoot!.querySelector('[role=alert]'), 'no error for a failing token URL', WAIT);
    expect(broken.shadowRoot!.querySelector('#category'), 'no customer form in the meantime').to.equal(null);
    expect([...broken.shadowRoot!.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Retry')).to.equal(true);
  });

  it('with a signed employee token: employee categories, no email needed, anonymous keeps nothing of the sender', async () => {
    // The test server signs one (web-test-runner.config.mjs), as a company intranet would.
    expect(server.employeeToken, 'the test server provides an employee token').to.be.a('string');
    const el = await mount({ employeeToken: server.employeeToken });
    await waitUntil(formReady(el), 'categories did not load', WAIT);
    const cats = await categoriesFor('employee');
    expect(categoryOptions(el)).to.deep.equal(cats.map((c) => c.names.en));
    expect($(el, '#name')).to.equal(null);
    expect(labelOf(el, 'email')).to.equal('Email me updates (optional)');
    expect(labelOf(el, 'anonymous')).to.equal('Send anonymously');
    expect(text($(el, '#anonymous-hint'))).to.include('the only way back');
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, '#anonymous')!.click();
    await el.updateComplete;
    expect($(el, '#email'), 'no email field when anonymous').to.equal(null);
    await fill(el, { category: 'Suggestion box', subject: 'Canteen', message: 'More vegetarian dishes, please.' });
    submit(el);
    await waitUntil(done(el), 'no success view', WAIT);
    expect(text($(el, '.note'))).to.include('it is the only way back to your message');
    const ticket = await ticketByLink(shownToken(el));
    expect(ticket.anonymous).to.equal(true);
    expect(ticket.entries[0].authorName).to.equal(null);
    expect(ticket.category?.slug).to.equal('suggestion-box');
    await expect(el).to.be.accessible();
  });

  it('a token the server does not accept: its 401 message is shown, the text stays', async () => {
    const el = await mount({ employeeToken: 'not-a-signed-token' });
    await waitUntil(formReady(el), 'categories did not load', WAIT);
    expect($(el, '#anonymous')).to.not.equal(null);
    await fill(el, { category: 'Message to the team', subject: 'Printer', message: 'The 3rd floor printer jams.' });
    submit(el);
    await waitUntil(() => $(el, '#form-error') !== null, 'no refusal shown', WAIT);
    expect(text($(el, '#form-error'))).to.equal('employee token is not a JWT');
    expect($<HTMLInputElement>(el, '#subject')!.value).to.equal('Printer');
    expect(root(el).querySelector('#done-title')).to.equal(null);
  });
});
