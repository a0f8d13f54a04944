/**
 * Signing in to <parley-console> with two-factor on, against the REAL server: the code step after the
 * password (what it asks for and how), a wrong code said in the form, a right one signing in, and the
 * recovery-code way in. Each test enrols a fresh agent of its own (totp-test-kit.ts).
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ParleyConsole } from '../console.component.js';
import { TOKEN_KEY } from '../console.session.js';
import { enrolledAgent, serverInfo, totp, type ServerInfo } from './totp-test-kit.js';
import '../console.js';

type Hook = (fn: () => unknown) => void;
const { describe, it, before, afterEach } = globalThis as unknown as {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => unknown) => void;
  before: Hook;
  afterEach: Hook;
};

let server: ServerInfo;
const WAIT = { timeout: 12_000, interval: 50 };

before(async () => {
  server = await serverInfo();
});
afterEach(() => {
  fixtureCleanup();
  sessionStorage.removeItem(TOKEN_KEY);
});

const shadow = (el: Element): ShadowRoot => el.shadowRoot as ShadowRoot;
const text = (el: Node | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (scope: ParentNode, name: string): HTMLButtonElement | undefined => [...scope.querySelectorAll('button')].find((b) => text(b) === name);
const activeIn = (root: ShadowRoot): Element | null => root.activeElement;

/** Email and password typed and sent, the way a person does it. */
async function signInWithPassword(el: ParleyConsole, email: string, password: string): Promise<ShadowRoot> {
  const root = shadow(el);
  (root.querySelector('#email') as HTMLInputElement).focus();
  await sendKeys({ type: email });
  (root.querySelector('#password') as HTMLInputElement).focus();
  await sendKeys({ type: password });
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => root.querySelector('#otp-code'), 'the code step did not appear', WAIT);
  return root;
}

/** A 6-digit code the server would not accept now (none of the three steps it allows). */
async function wrongCode(secret: string): Promise<string> {
  const valid = new Set(await Promise.all([-1, 0, 1].map((s) => totp(secret, s))));
  return ['000000', '111111', '222222'].find((c) => !valid.has(c))!;
}

describe('<parley-console> two-factor sign-in', () => {
  it('asks for the code after the password: one-time-code field, errors in the form, then the console', async () => {
    const agent = await enrolledAgent(server.url);
    const el = await fixture<ParleyConsole>(html`<parley-console server=${server.url} lang="en"></parley-console>`);
    const root = await signInWithPassword(el, agent.email, agent.password);

    const input = root.querySelector('#otp-code') as HTMLInputElement;
    expect(activeIn(root)).to.equal(input, 'focus moves to the code');
    expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(input.getAttribute('inputmode')).to.equal('numeric');
    expect(text(root.querySelector('label[for="otp-code"]'))).to.equal('Code');
    expect(text(root.querySelector('#code-heading'))).to.equal('Two-factor sign-in');
    expect(sessionStorage.getItem(TOKEN_KEY), 'no session before the code').to.equal(null);
    await expect(el).to.be.accessible();

    await sendKeys({ type: '12' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(root.querySelector('#code-error')), 'no error for a short code', WAIT);
    expect(text(root.querySelector('#code-error'))).to.equal('Enter the 6 digits the app shows.');

    input.value = '';
    await sendKeys({ type: await wrongCode(agent.secret) });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => /not correct/.test(text(root.querySelector('#code-error'))), 'no error for a wrong code', WAIT);
    expect(root.querySelector('#otp-code')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    // The current step's code went to enrolment; an app a little ahead shows the next one.
    (root.querySelector('#otp-code') as HTMLInputElement).value = '';
    await sendKeys({ type: await totp(agent.secret, 1) });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root.querySelector('.top h1'), 'the console did not open', WAIT);
    expect(sessionStorage.getItem(TOKEN_KEY)).to.be.a('string');
  });

  it('signs in with a recovery code instead, by keyboard alone, in Chinese too', async () => {
    const agent = await enrolledAgent(server.url);
    const el = await fixture<ParleyConsole>(html`<parley-console server=${server.url} lang="zh-CN"></parley-console>`);
    const root = await signInWithPassword(el, agent.email, agent.password);
    expect(text(root.querySelector('#code-heading'))).to.equal('两步验证登录');

    // Tab from the code field past Verify to the switch, and press it.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(text(activeIn(root))).to.equal('改用恢复码');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => activeIn(root)?.id === 'recovery-code', 'focus did not move to the recovery code', WAIT);
    expect(text(root.querySelector('label[for="recovery-code"]'))).to.equal('恢复码');
    await expect(el).to.be.accessible();

    await sendKeys({ type: agent.recoveryCodes[0]!.toUpperCase() });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root.querySelector('.top h1'), 'the console did not open', WAIT);

    // That code is spent: the next sign-in with it is refused, in the form.
    fixtureCleanup();
    sessionStorage.removeItem(TOKEN_KEY);
    const again = await fixture<ParleyConsole>(html`<parley-console server=${server.url} lang="en"></parley-console>`);
    const root2 = await signInWithPassword(again, agent.email, agent.password);
    button(root2, 'Use a recovery code instead')!.click();
    await waitUntil(() => root2.querySelector('#recovery-code'), 'no recovery field', WAIT);
    (root2.querySelector('#recovery-code') as HTMLInputElement).focus();
    await sendKeys({ type: agent.recoveryCodes[0]! });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(root2.querySelector('#code-error')), 'no error for a spent recovery code', WAIT);
    expect(text(root2.querySelector('#code-error'))).to.equal('That recovery code is not correct, or it was already used.');
    // Back to the password form, keyboard and all.
    button(root2, 'Back to sign-in')!.click();
    await waitUntil(() => root2.querySelector('#email'), 'no way back', WAIT);
  });
});
