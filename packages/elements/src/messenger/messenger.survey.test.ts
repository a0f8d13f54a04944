/// <reference types="mocha" />
/**
 * `Parley('survey', 'nps')` as the loader calls it (`messenger.survey('nps')`), in real Chromium against
 * the real server: asked once, in the panel; not asked again within the site's interval.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { visitorKeys } from '@parley/client';
import type { SurveyInvitation } from '@parley/protocol';
import './messenger.js';
import type { ParleyMessenger } from './messenger.component.js';
import type { ParleySurveySkippedDetail } from '../survey/survey.component.js';

const WAIT = { timeout: 15000, interval: 50 };
const info = { url: '', siteKey: '' };

before(async () => {
  Object.assign(info, (await (await fetch('/__parley__/server.json')).json()) as typeof info);
});
beforeEach(() => localStorage.clear());
afterEach(() => fixtureCleanup());

const mount = (lang = 'en') => fixture<ParleyMessenger>(html`<parley-messenger server=${info.url} site=${info.siteKey} lang=${lang}></parley-messenger>`);
const root = (el: Element): ShadowRoot => el.shadowRoot!;
const text = (n: Node | null | undefined): string => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const card = (el: ParleyMessenger) => root(el).querySelector<HTMLElement>('.survey-card');
const survey = (el: ParleyMessenger) => card(el)?.querySelector('parley-survey') ?? null;
const surveyRoot = (el: ParleyMessenger) => survey(el)?.shadowRoot ?? null;
const question = (el: ParleyMessenger) => surveyRoot(el)?.querySelector('legend') ?? null;
const buttonIn = (scope: ParentNode | null | undefined, name: string) => [...(scope?.querySelectorAll('button') ?? [])].find((b) => text(b) === name);

async function invitation(token: string): Promise<SurveyInvitation> {
  return ((await (await fetch(`${info.url}/api/surveys/invitations/${token}`)).json()) as { invitation: SurveyInvitation }).invitation;
}

describe('Parley("survey", "nps") through <parley-messenger>', () => {
  it('asks once, in the panel, without starting a chat; the second call shows nothing and says why', async () => {
    const el = await mount();
    expect(el.open).to.equal(false);
    await el.survey('nps');
    expect(el.open, 'the panel opens on the question').to.equal(true);
    await waitUntil(() => question(el), 'the NPS question did not show', WAIT);
    expect(text(question(el))).to.equal('How likely are you to recommend us to a friend or colleague?');
    expect(surveyRoot(el)!.querySelectorAll('input[type=radio]')).to.have.length(11);
    expect(card(el)!.getAttribute('aria-label')).to.equal('Survey');
    // The tabs wait behind the card; the chat was not opened, so no conversation was started.
    expect(getComputedStyle(root(el).querySelector('[role=tablist]')!).display).to.equal('none');
    expect(root(el).querySelector('parley-chat')!.client).to.equal(null);
    // The visitor the server remembers the asking by is kept where the chat will find it.
    expect(localStorage.getItem(visitorKeys(info.siteKey).session)).to.not.equal(null);
    await expect(el).to.be.accessible();

    surveyRoot(el)!.querySelector<HTMLLabelElement>('label[for="score-9"]')!.click();
    const box = surveyRoot(el)!.querySelector<HTMLTextAreaElement>('#comment')!;
    box.value = 'Easy to reach';
    box.dispatchEvent(new InputEvent('input'));
    const answered = oneEvent(el, 'parley-survey-answered');
    buttonIn(surveyRoot(el), 'Send')!.click();
    expect((await answered).detail).to.deep.equal({ kind: 'nps', score: 9 });
    const token = survey(el)!.getAttribute('token')!;
    expect([(await invitation(token)).answer?.score, (await invitation(token)).answer?.comment]).to.deep.equal([9, 'Easy to reach']);

    // "Close the survey": the panel was closed before, so it closes again.
    buttonIn(card(el), 'Close the survey')!.click();
    await el.updateComplete;
    expect(card(el)).to.equal(null);
    expect(el.open).to.equal(false);

    // Asked again the same day: nothing is shown, and the event says why.
    const skipped = oneEvent(el, 'parley-survey-skipped');
    await el.survey('nps');
    expect(((await skipped) as CustomEvent<ParleySurveySkippedDetail>).detail).to.deep.equal({ reason: 'recently_asked' });
    expect(el.open).to.equal(false);
    expect(card(el)).to.equal(null);
  });

  it('asks in the page language, and closing the card leaves an open panel on its tab', async () => {
    const el = await mount('zh-TW');
    el.show('help');
    await el.survey('nps');
    await waitUntil(() => question(el), 'the NPS question did not show', WAIT);
    expect(text(question(el))).to.equal('您有多大可能向朋友或同事推薦我們？');
    expect(card(el)!.getAttribute('aria-label')).to.equal('問卷');
    buttonIn(card(el), '關閉問卷')!.click();
    await el.updateComplete;
    expect([el.open, el.tab, card(el)]).to.deep.equal([true, 'help', null]);
    await expect(el).to.be.accessible();
  });

  it('refuses a survey type it does not ask on request', async () => {
    const el = await mount();
    let error: unknown = null;
    await el.survey('csat').catch((e: unknown) => (error = e));
    expect(String(error)).to.match(/only "nps"/);
  });
});
