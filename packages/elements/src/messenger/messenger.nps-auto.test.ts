/// <reference types="mocha" />
/**
 * NPS asked "after a number of days as a contact", in real Chromium against the real server: parley.js's
 * daily check (embed/src/nps-auto.ts, the function the loader runs once the page is idle) and the
 * messenger showing what it got (`survey('nps', token)`), as the loader hands it over.
 *
 * The site's `npsAfterDays` is set over the console API as the seeded admin. A browser cannot move the
 * server's clock, so a returning visitor is made by backdating its first visit through the test runner
 * (/__parley__/visitor-age.json, web-test-runner.config.mjs), which holds the test server's database.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { visitorKeys } from '@parley/client';
import type { SurveyInvitation, VisitorSession } from '@parley/protocol';
import { checkNps, npsKeys, NPS_CHECK_EVERY_MS } from '../../../embed/src/nps-auto.js';
import './messenger.js';
import type { ParleyMessenger } from './messenger.component.js';

const WAIT = { timeout: 15000, interval: 50 };
const info = { url: '', siteKey: '', accounts: { admin: { email: '', password: '' } } };
let admin = '';

/** The requests the page makes to the survey API, passed through to the real server. */
const surveyCalls: string[] = [];
const realFetch = window.fetch.bind(window);

before(async () => {
  Object.assign(info, (await (await fetch('/__parley__/server.json')).json()) as typeof info);
  const res = await fetch(`${info.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(info.accounts.admin) });
  admin = ((await res.json()) as { token: string }).token;
  window.fetch = (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.includes('/api/surveys/sites/')) surveyCalls.push(url);
    return realFetch(input, init);
  };
});
after(async () => {
  window.fetch = realFetch;
  await setAfterDays(null);
});
beforeEach(() => {
  localStorage.clear();
  surveyCalls.length = 0;
});
afterEach(() => fixtureCleanup());

async function setAfterDays(days: number | null): Promise<void> {
  const res = await realFetch(`${info.url}/api/console/surveys/settings`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ npsAfterDays: days }),
  });
  if (!res.ok) throw new Error(`settings: HTTP ${res.status} ${await res.text()}`);
}

/** A browser that became a visitor `days` ago, with its session where the chat keeps it. */
async function returningVisitor(days: number): Promise<VisitorSession> {
  const res = await realFetch(`${info.url}/api/visitor/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ siteKey: info.siteKey }) });
  const session = (await res.json()) as VisitorSession;
  const aged = (await (await realFetch(`/__parley__/visitor-age.json?token=${encodeURIComponent(session.token)}&days=${days}`)).json()) as { found: boolean };
  expect(aged.found, 'the visitor was backdated').to.equal(true);
  localStorage.setItem(visitorKeys(info.siteKey).session, JSON.stringify(session));
  return session;
}

const keys = () => npsKeys(info.siteKey);
/** What parley.js passes: busy while the panel is open. */
const check = (el?: ParleyMessenger) => checkNps({ server: info.url, site: info.siteKey, locale: 'en', busy: () => Boolean(el?.open) });
/** The next day, as far as this browser's daily check knows. */
const aDayLater = () => localStorage.setItem(keys().checked, String(Date.now() - NPS_CHECK_EVERY_MS - 1));

const mount = () => fixture<ParleyMessenger>(html`<parley-messenger server=${info.url} site=${info.siteKey} lang="en"></parley-messenger>`);
const root = (el: Element): ShadowRoot => el.shadowRoot!;
const text = (n: Node | null | undefined): string => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const card = (el: ParleyMessenger) => root(el).querySelector<HTMLElement>('.survey-card');
const surveyRoot = (el: ParleyMessenger) => card(el)?.querySelector('parley-survey')?.shadowRoot ?? null;
const question = (el: ParleyMessenger) => surveyRoot(el)?.querySelector('legend') ?? null;
const buttonIn = (scope: ParentNode | null | undefined, name: string) => [...(scope?.querySelectorAll('button') ?? [])].find((b) => text(b) === name);

async function invitation(token: string): Promise<SurveyInvitation> {
  return ((await (await realFetch(`${info.url}/api/surveys/invitations/${token}`)).json()) as { invitation: SurveyInvitation }).invitation;
}

describe('NPS after a number of days as a contact (parley.js daily check + <parley-messenger>)', () => {
  it('asks nothing while the site has it off, and never makes a visitor for it', async () => {
    expect(await check(), 'no visitor in this browser').to.equal(null);
    expect(surveyCalls, 'not even asked').to.deep.equal([]);
    expect(localStorage.getItem(visitorKeys(info.siteKey).session), 'no visitor made').to.equal(null);

    await returningVisitor(400);
    expect(await check()).to.equal(null);
    expect(surveyCalls).to.have.length(1);
    expect(await check(), 'again today').to.equal(null);
    expect(surveyCalls, 'checked once a day').to.have.length(1);
  });

  it('asks a visitor known long enough once, on the NPS card, never over the open panel', async () => {
    await setAfterDays(30);
    const el = await mount();

    // Known for 29 days: not yet; the browser checks again tomorrow, not on every page.
    await returningVisitor(29);
    expect(await check(el)).to.equal(null);
    expect(await check(el)).to.equal(null);
    expect(surveyCalls).to.have.length(1);

    // The panel open: no check at all.
    await returningVisitor(31);
    aDayLater();
    el.show('help');
    expect(await check(el)).to.equal(null);
    expect(surveyCalls, 'not asked while busy').to.have.length(1);
    el.hide();

    // Panel closed, known for 31 days: asked, and the invitation kept until shown.
    const token = await check(el);
    expect(token).to.be.a('string');
    expect(localStorage.getItem(keys().pending)).to.equal(token);

    // The visitor opened the panel meanwhile: nothing is shown over it; it waits for a later page.
    el.show('chat');
    await el.survey('nps', token!);
    expect(card(el)).to.equal(null);
    expect(localStorage.getItem(keys().pending)).to.equal(token);
    el.hide();

    // The next page: the kept invitation, without asking the server again, on the same card as Parley('survey', 'nps').
    const calls = surveyCalls.length;
    expect(await check(el)).to.equal(token);
    expect(surveyCalls).to.have.length(calls);
    await el.survey('nps', token!);
    expect(el.open, 'the panel opens on the question').to.equal(true);
    await waitUntil(() => question(el), 'the NPS question did not show', WAIT);
    expect(text(question(el))).to.equal('How likely are you to recommend us to a friend or colleague?');
    expect(getComputedStyle(root(el).querySelector('[role=tablist]')!).display, 'the tabs wait behind the card').to.equal('none');
    expect(localStorage.getItem(keys().pending), 'shown: no longer kept').to.equal(null);
    await expect(el).to.be.accessible();

    surveyRoot(el)!.querySelector<HTMLLabelElement>('label[for="score-8"]')!.click();
    const answered = oneEvent(el, 'parley-survey-answered');
    buttonIn(surveyRoot(el), 'Send')!.click();
    expect((await answered).detail).to.deep.equal({ kind: 'nps', score: 8 });
    expect((await invitation(token!)).answer?.score).to.equal(8);
    buttonIn(card(el), 'Close the survey')!.click();
    await el.updateComplete;
    expect([el.open, card(el)]).to.deep.equal([false, null]);

    // Tomorrow: asked within the site's frequency, so nothing.
    aDayLater();
    expect(await check(el)).to.equal(null);
    expect(surveyCalls).to.have.length(calls + 1);
    expect(localStorage.getItem(keys().pending)).to.equal(null);
    // On request, the same rule: the automatic question was the asking.
    const skipped = oneEvent(el, 'parley-survey-skipped');
    await el.survey('nps');
    expect((await skipped).detail).to.deep.equal({ reason: 'recently_asked' });
  });

  it('keeps the question back while the visitor waits for a person with the panel minimized', async () => {
    await setAfterDays(30);
    await returningVisitor(45);
    const token = await check();
    expect(token).to.be.a('string');
    const el = await mount();
    el.show('chat');
    const chat = root(el).querySelector('parley-chat')!;
    await waitUntil(() => buttonIn(chat.shadowRoot, 'Talk to a person'), 'no greeting', WAIT);
    buttonIn(chat.shadowRoot, 'Talk to a person')!.click();
    await waitUntil(() => chat.client?.state.conversation?.status === 'queued', 'not queued', WAIT);
    el.hide();
    try {
      await el.survey('nps', token!);
      expect([el.open, card(el), localStorage.getItem(keys().pending)]).to.deep.equal([false, null, token]);
    } finally {
      // Every element test file shares the server's queue: this visitor must not stay in it.
      await chat.client!.close();
    }
    await waitUntil(() => chat.client?.state.conversation?.status === 'closed', 'not closed', WAIT);
    await el.survey('nps', token!);
    await waitUntil(() => question(el), 'the NPS question did not show once the chat ended', WAIT);
    expect(localStorage.getItem(keys().pending)).to.equal(null);
  });

  it('drops a kept invitation that has expired or was answered elsewhere, showing nothing', async () => {
    await setAfterDays(30);
    await returningVisitor(60);
    const token = await check();
    expect(token).to.be.a('string');
    // Answered on another page of this browser before this one showed it.
    const res = await realFetch(`${info.url}/api/surveys/invitations/${token}/answer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ score: 10 }) });
    expect(res.status).to.equal(201);
    const el = await mount();
    await el.survey('nps', token!);
    expect([el.open, card(el), localStorage.getItem(keys().pending)]).to.deep.equal([false, null, null]);

    localStorage.setItem(keys().pending, 'no-such-invitation-token-0123456789abcdef');
    await el.survey('nps', 'no-such-invitation-token-0123456789abcdef');
    expect([el.open, card(el), localStorage.getItem(keys().pending)]).to.deep.equal([false, null, null]);
  });
});
