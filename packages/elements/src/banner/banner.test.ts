/// <reference types="mocha" />
/**
 * <parley-banner> in real Chromium against the REAL server: announcements are written and published over
 * the console API as the seeded admin, each test for employees of its own (audience: named people), whose
 * tokens the page fetches from the test intranet's /__parley__/employee-token.json?sub=. Each test
 * withdraws what it published.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Announcement, AnnouncementInput, AnnouncementReceipts } from '@parley/protocol';
import './banner.js';
import type { ParleyBanner } from './banner.component.js';

const WAIT = { timeout: 15000, interval: 30 };
const server = { url: '', siteKey: '', accounts: { admin: { email: '', password: '' } } };
let admin = '';
const made: string[] = [];
let people = 0;

before(async () => {
  Object.assign(server, (await (await fetch('/__parley__/server.json')).json()) as typeof server);
  if (!server.url) throw new Error('the test server did not start (see web-test-runner.config.mjs)');
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(server.accounts.admin) });
  admin = ((await res.json()) as { token: string }).token;
});
afterEach(async () => {
  fixtureCleanup();
  while (made.length) await consoleApi('POST', `/${made.pop()}/withdraw`);
});

async function consoleApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}/api/console/announcements${path}`, {
    method,
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Publishes an announcement for the named people (so tests never see each other's). */
async function publish(to: string, title: string, input: Partial<AnnouncementInput> = {}): Promise<Announcement> {
  const { announcement } = await consoleApi<{ announcement: Announcement }>('POST', '', {
    versions: [{ locale: 'en', title, body: `Details in [the handbook](https://example.com/handbook). **${title}**` }],
    priority: 'normal',
    audience: { kind: 'employees', employees: [to] },
    ...input,
  });
  made.push(announcement.id);
  await consoleApi('POST', `/${announcement.id}/publish`);
  return announcement;
}

const receiptOf = async (id: string, sub: string) =>
  (await consoleApi<{ receipts: AnnouncementReceipts }>('GET', `/${id}/receipts`)).receipts.rows.find((r) => r.subject === sub);

const person = () => `banner-emp-${++people}-${Date.now()}`;
const tokenUrl = (sub: string) => `/__parley__/employee-token.json?sub=${encodeURIComponent(sub)}&departments=Support`;
const root = (el: ParleyBanner): ShadowRoot => el.shadowRoot!;
const text = (n: Node | null | undefined): string => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const notices = (el: ParleyBanner) => [...root(el).querySelectorAll<HTMLLIElement>('li.notice')];
const notice = (el: ParleyBanner, title: string) => notices(el).find((li) => text(li.querySelector('h2')) === title);
const buttonIn = (scope: ParentNode, name: RegExp) => [...scope.querySelectorAll('button')].find((b) => name.test(text(b)) || name.test(b.getAttribute('aria-label') ?? ''));

async function mount(sub: string, lang = 'en'): Promise<ParleyBanner> {
  const el = await fixture<ParleyBanner>(html`<parley-banner server=${server.url} site=${server.siteKey} employee-token-url=${tokenUrl(sub)} lang=${lang}></parley-banner>`);
  await waitUntil(() => root(el).querySelector('[role="status"]'), 'the banner did not load', WAIT);
  return el;
}

describe('<parley-banner>', () => {
  it('shows my announcements most urgent first, each with its controls, rendered safely; axe clean', async () => {
    const sub = person();
    await publish(sub, 'Canteen menu');
    await publish(sub, 'New expense policy', { priority: 'important', ackRequired: true });
    await publish(sub, 'Office closed Monday', { priority: 'important' });
    await publish(person(), 'For someone else');
    const el = await mount(sub);
    await waitUntil(() => notices(el).length === 3 && root(el).querySelector('.body a'), 'three notices with their bodies', WAIT);
    expect(notices(el).map((li) => text(li.querySelector('.tag')))).to.deep.equal(['Important', 'Important', 'Notice']);
    expect(notice(el, 'For someone else')).to.equal(undefined);
    const policy = notice(el, 'New expense policy')!;
    expect(buttonIn(policy, /^I have read this$/), 'acknowledgement asked').to.not.equal(undefined);
    expect(policy.querySelector('.dismiss'), 'not dismissible until acknowledged').to.equal(null);
    expect(text(policy)).to.contain('Please confirm that you have read this.');
    const canteen = notice(el, 'Canteen menu')!;
    expect(canteen.querySelector('.dismiss')!.getAttribute('aria-label')).to.equal('Dismiss “Canteen menu”');
    const link = canteen.querySelector('.body a')!;
    expect(link.getAttribute('href')).to.equal('https://example.com/handbook');
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(root(el).querySelector('section')!.getAttribute('aria-label')).to.equal('Announcements');
    await expect(el).to.be.accessible();
  });

  it('is used with the keyboard alone: dismissing keeps focus in the banner, and a dismissal is remembered', async () => {
    const sub = person();
    const a = await publish(sub, 'Parking closed Friday');
    await publish(sub, 'New coffee machine');
    const wrap = await fixture<HTMLDivElement>(
      html`<div><button id="outside">Before</button><parley-banner server=${server.url} site=${server.siteKey} employee-token-url=${tokenUrl(sub)} lang="en"></parley-banner></div>`,
    );
    const el = wrap.querySelector('parley-banner')!;
    await waitUntil(() => notices(el).length === 2, 'two notices', WAIT);
    await waitUntil(async () => !!(await receiptOf(a.id, sub))?.seenAt, 'shown means seen', WAIT);
    const before = notices(el).map((li) => text(li.querySelector('h2')));
    wrap.querySelector<HTMLButtonElement>('#outside')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(text(root(el).activeElement), 'the text first: its link').to.equal('the handbook');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.getAttribute('aria-label')).to.equal(`Dismiss “${before[0]}”`);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => notices(el).length === 1, 'dismissed', WAIT);
    expect(root(el).activeElement?.getAttribute('aria-label'), 'focus on the next notice').to.equal(`Dismiss “${before[1]}”`);
    fixtureCleanup();
    const again = await mount(sub);
    await waitUntil(() => notices(again).length >= 1, 'reloaded', WAIT);
    expect(notices(again).map((li) => text(li.querySelector('h2')))).to.deep.equal([before[1]]);
  });

  it('acknowledges with "I have read this", and it stays acknowledged after a reload', async () => {
    const sub = person();
    const a = await publish(sub, 'Read the security policy', { priority: 'important', ackRequired: true });
    const el = await mount(sub);
    await waitUntil(() => notice(el, 'Read the security policy'), 'shown', WAIT);
    buttonIn(notice(el, 'Read the security policy')!, /^I have read this$/)!.click();
    await waitUntil(() => text(notice(el, 'Read the security policy')!.querySelector('.done')) === '✓ Acknowledged', 'acknowledged', WAIT);
    await waitUntil(async () => !!(await receiptOf(a.id, sub))?.acknowledgedAt, 'the server has it', WAIT);
    fixtureCleanup();
    const again = await mount(sub);
    await waitUntil(() => notice(again, 'Read the security policy'), 'shown again', WAIT);
    const li = notice(again, 'Read the security policy')!;
    expect(text(li.querySelector('.done'))).to.equal('✓ Acknowledged');
    expect(buttonIn(li, /^I have read this$/)).to.equal(undefined);
    expect(li.querySelector('.dismiss'), 'dismissible once acknowledged').to.not.equal(null);
  });

  it('an urgent one arrives live as an alert dialog with focus; Escape does not close it while owed; focus goes back after', async () => {
    const sub = person();
    const wrap = await fixture<HTMLDivElement>(
      html`<div><button id="outside">Before</button><parley-banner server=${server.url} site=${server.siteKey} employee-token-url=${tokenUrl(sub)} lang="en"></parley-banner></div>`,
    );
    const el = wrap.querySelector('parley-banner')!;
    await waitUntil(() => root(el).querySelector('[role="status"]'), 'loaded', WAIT);
    const outside = wrap.querySelector<HTMLButtonElement>('#outside')!;
    outside.focus();
    const a = await publish(sub, 'Evacuate building B', { priority: 'urgent', ackRequired: true });
    await waitUntil(() => root(el).querySelector('dialog[open]'), 'the dialog opened live', WAIT);
    const dialog = root(el).querySelector('dialog')!;
    expect(dialog.getAttribute('role')).to.equal('alertdialog');
    expect(text(root(el).getElementById(dialog.getAttribute('aria-labelledby')!))).to.equal('Evacuate building B');
    expect(text(root(el).getElementById(dialog.getAttribute('aria-describedby')!))).to.contain('Details in the handbook');
    expect(text(root(el).activeElement)).to.equal('I have read this');
    expect(text(root(el).querySelector('[role="status"]'))).to.equal('New announcement (Urgent): Evacuate building B');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await new Promise((r) => setTimeout(r, 100));
    expect(root(el).querySelector('dialog[open]'), 'still open: an acknowledgement is owed').to.not.equal(null);
    await sendKeys({ press: 'Tab' });
    expect(text(root(el).activeElement), 'from the last control to the first: the link in the text').to.equal('the handbook');
    await sendKeys({ press: 'Shift+Tab' });
    expect(text(root(el).activeElement), 'and back round').to.equal('I have read this');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(text(root(el).activeElement), 'focus never leaves the dialog').to.equal('I have read this');

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !root(el).querySelector('dialog'), 'closed by the acknowledgement', WAIT);
    expect(document.activeElement, 'focus back where it was').to.equal(outside);
    expect(text(notice(el, 'Evacuate building B')?.querySelector('.done'))).to.equal('✓ Acknowledged');
    await waitUntil(async () => !!(await receiptOf(a.id, sub))?.acknowledgedAt, 'the server has it', WAIT);
  });

  it('an urgent one without acknowledgement closes with Escape and stays in the list; a withdrawn one disappears', async () => {
    const sub = person();
    const el = await mount(sub);
    const a = await publish(sub, 'Network maintenance tonight', { priority: 'urgent' });
    await waitUntil(() => root(el).querySelector('dialog[open]'), 'the dialog opened live', WAIT);
    expect(text(root(el).activeElement)).to.equal('Close');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !root(el).querySelector('dialog'), 'closed', WAIT);
    expect(text(notice(el, 'Network maintenance tonight')?.querySelector('.tag'))).to.equal('Urgent');
    await consoleApi('POST', `/${a.id}/withdraw`);
    await waitUntil(() => !notice(el, 'Network maintenance tonight'), 'withdrawn live', WAIT);
  });

  it('shows nothing for a refused token and says why in parley-banner-error', async () => {
    const el = await fixture<ParleyBanner>(html`<parley-banner server=${server.url} site=${server.siteKey} employee-token="e30.e30.forged"></parley-banner>`);
    const { detail } = await oneEvent(el, 'parley-banner-error');
    expect(detail.code).to.equal('unauthorized');
    await el.updateComplete;
    expect(root(el).children.length, 'no output').to.equal(0);
    expect(el.getBoundingClientRect().height).to.equal(0);
  });

  it('speaks 简体中文: its own words and the Chinese version of the announcement', async () => {
    const sub = person();
    await publish(sub, 'Holiday schedule', {
      priority: 'important',
      ackRequired: true,
      versions: [
        { locale: 'en', title: 'Holiday schedule', body: 'Closed on the 1st.' },
        { locale: 'zh-CN', title: '假期安排', body: '1 日休息。' },
      ],
    });
    const el = await mount(sub, 'zh-CN');
    await waitUntil(() => notice(el, '假期安排'), 'the zh-CN version', WAIT);
    const li = notice(el, '假期安排')!;
    expect(text(li.querySelector('.tag'))).to.equal('重要');
    expect(buttonIn(li, /^我已阅读$/)).to.not.equal(undefined);
    expect(root(el).querySelector('section')!.getAttribute('aria-label')).to.equal('公告');
    await expect(el).to.be.accessible();
  });
});
