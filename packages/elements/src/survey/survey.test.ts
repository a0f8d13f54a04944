/// <reference types="mocha" />
/**
 * <parley-survey> in real Chromium against the REAL server. The test server offers no way to create a
 * CSAT invitation from the browser, so every invitation here is an NPS one, asked for through the public
 * API with a fresh visitor (each visitor is asked once per interval, so each test has its own).
 */
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { visitorKeys } from '@parley/client';
import type { Locale, NpsRequestResult, SurveyInvitation, VisitorSession } from '@parley/protocol';
import './survey.js';
import type { ParleySurvey } from './survey.component.js';

const WAIT = { timeout: 15000, interval: 30 };
const server = { url: '', siteKey: '' };

before(async () => {
  Object.assign(server, (await (await fetch('/__parley__/server.json')).json()) as typeof server);
  if (!server.url) throw new Error('the test server did not start (see web-test-runner.config.mjs)');
});
afterEach(() => {
  fixtureCleanup();
  localStorage.removeItem(visitorKeys(server.siteKey).session);
});

async function newVisitor(): Promise<VisitorSession> {
  const res = await fetch(`${server.url}/api/visitor/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ siteKey: server.siteKey }) });
  if (!res.ok) throw new Error(`visitor session: HTTP ${res.status}`);
  return (await res.json()) as VisitorSession;
}

/** An NPS invitation for a fresh visitor, as the widget would get it. */
async function npsToken(locale: Locale = 'en'): Promise<string> {
  const v = await newVisitor();
  const res = await fetch(`${server.url}/api/surveys/sites/${server.siteKey}/nps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ visitorToken: v.token, locale }),
  });
  const r = (await res.json()) as NpsRequestResult;
  if (!r.asked) throw new Error(`a fresh visitor was not asked: ${JSON.stringify(r)}`);
  return r.token;
}

async function invitation(token: string): Promise<SurveyInvitation> {
  return ((await (await fetch(`${server.url}/api/surveys/invitations/${token}`)).json()) as { invitation: SurveyInvitation }).invitation;
}

const root = (el: ParleySurvey): ShadowRoot => el.shadowRoot!;
const text = (el: ParleySurvey): string => (root(el).textContent ?? '').replace(/\s+/g, ' ').trim();
const radios = (el: ParleySurvey) => [...root(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')];
const labelOf = (el: ParleySurvey, input: HTMLInputElement): string => root(el).querySelector(`label[for="${input.id}"]`)!.textContent!.trim();
const button = (el: ParleySurvey, name: string) => [...root(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === name);
const shown = (el: ParleySurvey) => !!root(el).querySelector('legend');
const thanked = (el: ParleySurvey) => !!root(el).querySelector('#done-title');
const status = (el: ParleySurvey) => root(el).querySelector('[role="status"]')!.textContent!.trim();

async function mount(token: string, lang: string | null = 'en'): Promise<ParleySurvey> {
  const el = await fixture<ParleySurvey>(html`<parley-survey server=${server.url} token=${token} lang=${lang ?? undefined}></parley-survey>`);
  await waitUntil(() => shown(el) || thanked(el) || root(el).querySelector('[role="alert"]'), 'the survey did not load', WAIT);
  return el;
}

function typeComment(el: ParleySurvey, value: string): void {
  const box = root(el).querySelector<HTMLTextAreaElement>('#comment')!;
  box.value = value;
  box.dispatchEvent(new InputEvent('input'));
}

describe('<parley-survey>', () => {
  it('answers 9 with a comment, thanks the person, then changes the answer to 10', async () => {
    const token = await npsToken();
    const el = await mount(token);
    const options = radios(el);
    expect(options.map((r) => r.value)).to.deep.equal(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(labelOf(el, options[0])).to.contain('0 – Not at all likely');
    expect(labelOf(el, options[10])).to.contain('10 – Extremely likely');
    expect(root(el).querySelector('legend')!.textContent!.trim()).to.not.equal('');

    root(el).querySelector<HTMLLabelElement>('label[for="score-9"]')!.click();
    typeComment(el, 'Quick answers, <b>kind</b> people');
    const answered = oneEvent(el, 'parley-survey-answered');
    button(el, 'Send')!.click();
    const event = await answered;
    expect(event.detail).to.deep.equal({ kind: 'nps', score: 9 });
    expect(event.bubbles && event.composed).to.equal(true);
    await waitUntil(() => thanked(el), 'no thank-you', WAIT);
    expect(root(el).activeElement?.id).to.equal('done-title');
    expect(text(el)).to.contain('Thank you for your answer!');
    expect(text(el)).to.contain('Your answer: 9');
    expect(text(el)).to.contain('Quick answers, <b>kind</b> people');
    await waitUntil(() => status(el).includes('Thank you'), 'the answer was not announced', WAIT);

    const held = await invitation(token);
    expect(held.answer).to.include({ score: 9, comment: 'Quick answers, <b>kind</b> people' });

    button(el, 'Change my answer')!.click();
    await el.updateComplete;
    expect(radios(el).find((r) => r.checked)?.value).to.equal('9');
    expect(root(el).activeElement?.id).to.equal('score-9');
    root(el).querySelector<HTMLLabelElement>('label[for="score-10"]')!.click();
    button(el, 'Send')!.click();
    await waitUntil(() => thanked(el), 'no thank-you after the change', WAIT);
    expect(text(el)).to.contain('Your answer: 10 – Extremely likely');
    expect((await invitation(token)).answer?.score).to.equal(10);
  });

  it('starts on the thank-you view when the invitation was already answered', async () => {
    const token = await npsToken();
    await fetch(`${server.url}/api/surveys/invitations/${token}/answer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ score: 7, comment: 'Fine' }) });
    const el = await mount(token);
    expect(thanked(el)).to.equal(true);
    expect(text(el)).to.contain('Your answer: 7');
    expect(text(el)).to.contain('Fine');
    expect(button(el, 'Change my answer')).to.not.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('asks once in type="nps" mode with the stored visitor, then is skipped', async () => {
    const v = await newVisitor();
    localStorage.setItem(visitorKeys(server.siteKey).session, JSON.stringify({ token: v.token, visitorId: v.visitorId }));
    const first = await fixture<ParleySurvey>(html`<parley-survey server=${server.url} type="nps" site=${server.siteKey} lang="en"></parley-survey>`);
    await waitUntil(() => shown(first), 'the NPS question was not shown', WAIT);
    expect(radios(first)).to.have.length(11);
    fixtureCleanup();

    const second = document.createElement('parley-survey');
    second.setAttribute('server', server.url);
    second.setAttribute('type', 'nps');
    second.setAttribute('site', server.siteKey);
    const skipped = oneEvent(second, 'parley-survey-skipped');
    document.body.append(second);
    try {
      expect((await skipped).detail).to.deep.equal({ reason: 'recently_asked' });
      await second.updateComplete;
      expect(text(second)).to.equal('');
      expect(second.getBoundingClientRect().height).to.equal(0);
    } finally {
      second.remove();
    }
  });

  it('says so when the link is unknown or expired', async () => {
    const el = await mount('not-a-real-survey-token-000000000000');
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('This survey link is unknown or has expired.');
    expect(radios(el)).to.have.length(0);
  });

  it('asks for a score before sending', async () => {
    const el = await mount(await npsToken());
    button(el, 'Send')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('Please choose a score.');
    expect(root(el).activeElement?.getAttribute('name')).to.equal('score');
    expect(thanked(el)).to.equal(false);
  });

  it('speaks 简体中文 with lang="zh-CN"', async () => {
    const el = await mount(await npsToken(), 'zh-CN');
    expect(labelOf(el, radios(el)[0])).to.contain('0 – 完全不可能');
    expect(labelOf(el, radios(el)[10])).to.contain('10 – 极有可能');
    expect(button(el, '提交')).to.not.equal(undefined);
  });

  it('without a lang anywhere, reads in the invitation\'s language', async function () {
    if (document.documentElement.hasAttribute('lang')) this.skip();
    const el = await mount(await npsToken('zh-TW'), null);
    await el.updateComplete;
    expect(button(el, '送出')).to.not.equal(undefined);
    expect(root(el).querySelector('legend')!.getAttribute('lang')).to.equal('zh-TW');
  });

  it('passes axe on the question', async () => {
    const el = await mount(await npsToken());
    await expect(el).to.be.accessible();
  });

  it('can be answered with the keyboard alone: Tab, arrows, Enter', async () => {
    const token = await npsToken();
    const el = await mount(token);
    const start = document.createElement('button');
    start.textContent = 'before';
    el.before(start);
    start.focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('score-0');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(radios(el).find((r) => r.checked)?.value).to.equal('3');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => thanked(el), 'Enter did not send', WAIT);
    expect(root(el).activeElement?.id).to.equal('done-title');
    expect((await invitation(token)).answer?.score).to.equal(3);
    start.remove();
  });
});
