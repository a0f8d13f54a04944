/// <reference types="mocha" />
/**
 * "How did we do?" on <parley-ticket>'s page, in real Chromium against the real server: the team resolves
 * the request through the console API (or the customer says it is solved), and the page asks inline, with
 * the same invitation as the resolution email.
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import type { SurveyInvitation } from '@parley/protocol';
import './ticket.js';
import type { ParleyTicket } from './ticket.component.js';
import { WAIT, button, consoleApi, fileTicket, linkView, loadServer, loaded, mount, root, server, statusWord, text, ticketId } from './ticket.test-kit.js';

before(loadServer);
afterEach(() => fixtureCleanup());

const survey = (el: ParleyTicket) => root(el).querySelector('parley-survey');
const surveyRoot = (el: ParleyTicket): ShadowRoot | null => survey(el)?.shadowRoot ?? null;
const question = (el: ParleyTicket) => surveyRoot(el)?.querySelector('legend') ?? null;
const thanked = (el: ParleyTicket) => surveyRoot(el)?.querySelector('#done-title') ?? null;
const surveyButton = (el: ParleyTicket, name: string) => [...(surveyRoot(el)?.querySelectorAll('button') ?? [])].find((b) => text(b) === name);

async function invitation(token: string): Promise<SurveyInvitation> {
  return ((await (await fetch(`${server.url}/api/surveys/invitations/${token}`)).json()) as { invitation: SurveyInvitation }).invitation;
}

describe('<parley-ticket> once resolved', () => {
  it('asks how we did when the team resolves the request, and takes the answer there', async () => {
    const created = await fileTicket({ subject: 'Parcel never came', message: 'Ordered two weeks ago.' });
    const el = await mount(created.token);
    await waitUntil(() => loaded(el), 'the page did not load', WAIT);
    expect(survey(el), 'nothing to rate while it is open').to.equal(null);

    await consoleApi('PATCH', `/${await ticketId(created.number)}`, { status: 'resolved' });
    await el.refresh();
    await waitUntil(() => statusWord(el) === 'Resolved', 'not resolved on the page', WAIT);
    await waitUntil(() => question(el), 'the survey did not show on the page', WAIT);
    expect(text(question(el))).to.equal('How satisfied are you with the help you received?');
    const { survey: offer } = await linkView(created.token);
    expect(survey(el)!.getAttribute('token')).to.equal(offer!.token);
    await expect(el).to.be.accessible();

    surveyRoot(el)!.querySelector<HTMLLabelElement>('label[for="score-2"]')!.click();
    surveyButton(el, 'Send')!.click();
    await waitUntil(() => thanked(el), 'no thanks', WAIT);
    expect(text(surveyRoot(el)!.querySelector('.answer'))).to.equal('Your answer: 2 – Dissatisfied');
    expect((await invitation(offer!.token)).answer?.score).to.equal(2);

    // The minute's refresh keeps the answer on screen (the same invitation, still changeable today).
    await el.refresh();
    await el.updateComplete;
    expect(thanked(el)).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('asks right after the customer says "This is solved"', async () => {
    const created = await fileTicket({ subject: 'Wrong size', message: 'The shoes are too small.', locale: 'zh-CN' });
    const el = await mount(created.token, { lang: null });
    await waitUntil(() => loaded(el), 'the page did not load', WAIT);
    button(el, '问题已解决')!.click();
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('#confirm-yes')!.click();
    await waitUntil(() => question(el), 'the survey did not show', WAIT);
    // The request's language, for the survey's words and the server's question alike.
    expect(text(question(el))).to.equal('您对本次获得的帮助满意吗？');
    expect(text(surveyRoot(el)!.querySelector('h2'))).to.equal('您的反馈');
    await expect(el).to.be.accessible();
  });
});
