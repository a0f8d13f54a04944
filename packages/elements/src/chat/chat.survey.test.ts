/// <reference types="mocha" />
/**
 * The chat's "how did we do?" (CSAT) in real Chromium against the real server: an agent (the seeded
 * admin, over a real /agent socket) takes the visitor's chat and closes it, and the chat asks inline.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { io, type Socket } from 'socket.io-client';
import type { Ack, LoginResult, SurveyInvitation, VisitorConversation } from '@parley/protocol';
import './chat.js';
import type { ParleyChat } from './chat.component.js';

interface ServerInfo {
  url: string;
  siteKey: string;
  accounts: Record<'admin', { email: string; password: string }>;
}

const WAIT = { timeout: 15000, interval: 50 };
let info: ServerInfo;
let agent: Socket | null = null;

before(async () => {
  info = (await (await fetch('/__parley__/server.json')).json()) as ServerInfo;
  if (!info.url) throw new Error('the test server did not start (see web-test-runner.config.mjs)');
});
beforeEach(() => localStorage.clear());
afterEach(() => {
  fixtureCleanup();
  agent?.disconnect();
  agent = null;
});

const mount = (): Promise<ParleyChat> => fixture<ParleyChat>(html`<parley-chat server=${info.url} site=${info.siteKey} lang="en"></parley-chat>`);
const root = (el: ParleyChat): ShadowRoot => el.shadowRoot!;
const text = (n: Node | null | undefined): string => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const buttonNamed = (scope: ParentNode, name: string) => [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === name);
const survey = (el: ParleyChat) => root(el).querySelector('parley-survey');
/** The survey's own shadow root, once the lazily loaded element has upgraded and rendered. */
const surveyRoot = (el: ParleyChat): ShadowRoot | null => survey(el)?.shadowRoot ?? null;
const question = (el: ParleyChat) => surveyRoot(el)?.querySelector('legend') ?? null;
const thanked = (el: ParleyChat) => surveyRoot(el)?.querySelector('#done-title') ?? null;

async function agentSocket(): Promise<Socket> {
  const res = await fetch(`${info.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(info.accounts.admin),
  });
  const { token } = (await res.json()) as LoginResult;
  const socket = io(`${info.url}/agent`, { auth: { token }, transports: ['websocket'], forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

async function agentDoes(event: string, payload: object): Promise<void> {
  const ack = (await agent!.timeout(5000).emitWithAck(event, payload)) as Ack<unknown>;
  if (!ack.ok && ack.error.code !== 'already_claimed') throw new Error(`${event}: ${ack.error.message}`);
}

/** Opens the chat, asks for a person, and lets the admin take the chat, answer and close it. */
async function chatClosedByAgent(el: ParleyChat): Promise<VisitorConversation> {
  el.show();
  await waitUntil(() => buttonNamed(root(el), 'Talk to a person'), 'no greeting', WAIT);
  buttonNamed(root(el), 'Talk to a person')!.click();
  await waitUntil(() => el.client?.state.conversation?.status === 'queued', 'not queued', WAIT);
  const conversationId = el.client!.state.conversation!.id;
  agent = await agentSocket();
  // An admin may take any chat; with automatic routing it may already be theirs.
  await agentDoes('conversation:claim', { conversationId });
  await agentDoes('message:send', { conversationId, clientId: crypto.randomUUID(), body: 'Glad to help. Anything else?' });
  await agentDoes('conversation:close', { conversationId });
  await waitUntil(() => buttonNamed(root(el), 'Start a new chat'), 'the chat did not end', WAIT);
  return el.client!.state.conversation!;
}

async function invitation(token: string): Promise<SurveyInvitation> {
  return ((await (await fetch(`${info.url}/api/surveys/invitations/${token}`)).json()) as { invitation: SurveyInvitation }).invitation;
}

describe('<parley-chat> after a person helped', () => {
  it('asks "how did we do?" in the chat when the agent closes it, takes the answer, and offers to change it', async () => {
    const el = await mount();
    const closed = await chatClosedByAgent(el);
    expect(closed.survey, 'the closed conversation offers the survey').to.not.equal(null);
    await waitUntil(() => question(el), 'the survey did not show in the chat', WAIT);
    expect(root(el).querySelector('.ended')!.contains(survey(el)), 'where the composer was').to.equal(true);
    expect(text(question(el))).to.equal('How satisfied are you with the help you received?');
    // Faces for the eye, words for screen readers.
    const labels = [...surveyRoot(el)!.querySelectorAll('label[part=option] .visually-hidden')].map(text);
    expect(labels).to.deep.equal(['1 – Very dissatisfied', '2 – Dissatisfied', '3 – Neutral', '4 – Satisfied', '5 – Very satisfied']);
    await expect(el).to.be.accessible();

    surveyRoot(el)!.querySelector<HTMLLabelElement>('label[for="score-5"]')!.click();
    const box = surveyRoot(el)!.querySelector<HTMLTextAreaElement>('#comment')!;
    box.value = 'Quick and kind';
    box.dispatchEvent(new InputEvent('input'));
    buttonNamed(surveyRoot(el)!, 'Send')!.click();
    await waitUntil(() => thanked(el), 'no thanks after sending', WAIT);
    expect(text(surveyRoot(el)!.querySelector('.answer'))).to.equal('Your answer: 5 – Very satisfied');
    expect(buttonNamed(surveyRoot(el)!, 'Change my answer')).to.not.equal(undefined);
    const stored = await invitation(closed.survey!.token);
    expect([stored.answer?.score, stored.answer?.comment]).to.deep.equal([5, 'Quick and kind']);
    await expect(el).to.be.accessible();
  });

  it('still asks after a reload until answered; once answered, opening the chat greets anew', async () => {
    const first = await mount();
    const closed = await chatClosedByAgent(first);
    await waitUntil(() => question(first), 'the survey did not show', WAIT);
    first.remove();

    // A reload: the closed chat comes back with its question, instead of a new greeting.
    const again = await mount();
    again.show();
    await waitUntil(() => question(again), 'the survey did not come back after a reload', WAIT);
    expect(again.client!.state.conversation!.id).to.equal(closed.id);
    expect(buttonNamed(root(again), 'Start a new chat')).to.not.equal(undefined);
    surveyRoot(again)!.querySelector<HTMLLabelElement>('label[for="score-4"]')!.click();
    buttonNamed(surveyRoot(again)!, 'Send')!.click();
    await waitUntil(() => thanked(again), 'no thanks', WAIT);
    expect((await invitation(closed.survey!.token)).answer?.score).to.equal(4);
    again.remove();

    // Answered: the next visit starts a new chat (the answer stays changeable from its link for a day).
    const later = await mount();
    later.show();
    await waitUntil(() => later.client?.state.conversation && later.client.state.conversation.id !== closed.id, 'no new chat', WAIT);
    expect(later.client!.state.conversation!.status).to.equal('bot');
    expect(survey(later)).to.equal(null);
  });

  it('asks nothing after a chat only the assistant answered', async () => {
    const el = await mount();
    el.show();
    await waitUntil(() => buttonNamed(root(el), 'End chat'), 'no greeting', WAIT);
    buttonNamed(root(el), 'End chat')!.click();
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('.tools .danger')!.click();
    await waitUntil(() => buttonNamed(root(el), 'Start a new chat'), 'the chat did not end', WAIT);
    expect(el.client!.state.conversation!.survey).to.equal(null);
    expect(survey(el)).to.equal(null);
  });
});
