/**
 * Settings → Account against the REAL server, as a fresh agent of the test's own: the password change
 * (errors in the form, other sessions signed out), setting up two-factor (QR image, setup key, first
 * code, recovery codes shown once), the sessions table, and for an admin the sign-in policy switch.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AgentClient } from '@parley/client';
import { freshAgent, serverInfo, signInToken, totp, type ServerInfo } from '../two-factor/totp-test-kit.js';
import type { ParleyConsoleAccount } from './console-account.component.js';
import './account.js';

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
afterEach(() => fixtureCleanup());

const shadow = (el: Element): ShadowRoot => el.shadowRoot as ShadowRoot;
const text = (el: Node | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (scope: ParentNode, name: string): HTMLButtonElement | undefined => [...scope.querySelectorAll('button')].find((b) => text(b) === name);
function labelled(scope: ShadowRoot, label: string): HTMLInputElement {
  const l = [...scope.querySelectorAll('label')].find((x) => text(x) === label);
  const control = l?.htmlFor ? scope.getElementById(l.htmlFor) : null;
  if (!control) throw new Error(`no control labelled "${label}"`);
  return control as HTMLInputElement;
}
async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.value = '';
  await sendKeys({ type: value });
}
const me = (url: string, token: string) => fetch(`${url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);

/** Who the console says is signed in: only `state.me.role` is read by the tab. */
const clientAs = (role: string): AgentClient => Object.assign(new EventTarget(), { state: { me: { role } } }) as unknown as AgentClient;

async function mount(token: string, role = 'agent', lang = 'en'): Promise<{ el: ParleyConsoleAccount; root: ShadowRoot }> {
  const el = await fixture<ParleyConsoleAccount>(html`<parley-console-account lang=${lang} .server=${server.url} .token=${token} .client=${clientAs(role)}></parley-console-account>`);
  const root = shadow(el);
  await waitUntil(() => root.querySelector('#sessions-heading'), 'the account did not load', WAIT);
  return { el, root };
}

describe('<parley-console-account>', () => {
  it('changes the password: mistakes are said in the form, and the other sessions are signed out', async () => {
    const agent = await freshAgent();
    const token = await signInToken(server.url, agent);
    const other = await signInToken(server.url, agent);
    const { el, root } = await mount(token);
    await expect(el).to.be.accessible();
    // Both sessions are listed, this one marked.
    await waitUntil(() => root.querySelectorAll('tbody tr').length >= 2, 'sessions not listed', WAIT);
    expect(text(root.querySelector('tbody'))).to.contain('This session');

    await typeInto(labelled(root, 'Current password'), agent.password);
    await typeInto(labelled(root, 'New password'), 'correct horse battery');
    await typeInto(labelled(root, 'New password again'), 'correct horse battery!');
    button(root, 'Change password')!.click();
    await waitUntil(() => text(root.querySelector('#password-error')), 'no mismatch error', WAIT);
    expect(text(root.querySelector('#password-error'))).to.equal('The two new passwords are not the same.');

    await typeInto(labelled(root, 'Current password'), 'not my password');
    await typeInto(labelled(root, 'New password again'), 'correct horse battery');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(root.querySelector('#password-error')) === 'The current password is not correct.', 'no wrong-password error', WAIT);
    expect(root.activeElement).to.equal(labelled(root, 'Current password'));

    await typeInto(labelled(root, 'Current password'), agent.password);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => /Password changed/.test(text(root)), 'no confirmation', WAIT);
    expect(text(root)).to.contain('One other session was signed out.');
    expect(await me(server.url, other)).to.equal(401);
    expect(await me(server.url, token)).to.equal(200);
    await expect(el).to.be.accessible();
  });

  it('sets up two-factor: QR image and setup key, the first code, then recovery codes shown once', async () => {
    const agent = await freshAgent();
    const token = await signInToken(server.url, agent);
    const { el, root } = await mount(token, 'agent', 'zh-TW');
    expect(text(root)).to.contain('未開啟');
    button(root, '設定兩步驟驗證')!.click();
    await waitUntil(() => root.querySelector('parley-two-factor-enrol')?.shadowRoot?.querySelector('.secret'), 'no enrolment', WAIT);
    const er = shadow(root.querySelector('parley-two-factor-enrol')!);
    const img = er.querySelector('img.qr') as HTMLImageElement;
    expect(img.src).to.match(/^data:image\/svg\+xml;base64,/);
    expect(img.alt).to.equal('將 Parley 加入驗證器應用程式的 QR 碼');
    const secret = (er.querySelector('.secret') as HTMLElement).textContent!.replace(/\s+/g, '');
    expect(secret).to.match(/^[A-Z2-7]{32}$/);
    await expect(el).to.be.accessible();

    const code = er.querySelector('#enrol-code') as HTMLInputElement;
    expect(code.getAttribute('autocomplete')).to.equal('one-time-code');
    await typeInto(code, await totp(secret));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => er.querySelectorAll('ul.codes li').length === 10, 'no recovery codes', WAIT);
    expect(text(er.querySelector('h2'))).to.equal('儲存您的復原碼');
    expect(er.activeElement).to.equal(er.querySelector('h2'));
    await expect(el).to.be.accessible();
    button(er, '我已儲存')!.click();
    await waitUntil(() => /已於 .* 開啟/.test(text(root)), 'status did not turn on', WAIT);
    expect(text(root)).to.contain('還剩 10 組未使用的復原碼');

    // A wrong proof is said in the form; a password makes new codes (and shows them once).
    await typeInto(labelled(root, '您的密碼，或應用程式中的驗證碼'), 'wrong password here');
    button(root, '產生新的復原碼')!.click();
    await waitUntil(() => text(root.querySelector('#twoFactor-error')), 'no error for a wrong password', WAIT);
    expect(text(root.querySelector('#twoFactor-error'))).to.equal('密碼或驗證碼不正確（每組驗證碼只能使用一次）。');
    await typeInto(labelled(root, '您的密碼，或應用程式中的驗證碼'), agent.password);
    button(root, '產生新的復原碼')!.click();
    await waitUntil(() => root.querySelectorAll('ul.codes li').length === 10, 'no new codes', WAIT);
    await waitUntil(() => text(root).includes('舊的復原碼已失效'), 'no word on the old codes', WAIT);
    // And turning it off.
    await typeInto(labelled(root, '您的密碼，或應用程式中的驗證碼'), agent.password);
    button(root, '關閉兩步驟驗證')!.click();
    await waitUntil(() => text(root).includes('兩步驟驗證已關閉。'), 'not turned off', WAIT);
  });

  it('ends another session from the table, and (admins) saves the sign-in policy', async () => {
    const admin = await freshAgent('admin');
    const token = await signInToken(server.url, admin);
    const other = await signInToken(server.url, admin);
    const { el, root } = await mount(token, 'admin');
    await waitUntil(() => root.querySelector('#require-all'), 'no policy for an admin', WAIT);
    const end = [...root.querySelectorAll<HTMLButtonElement>('tbody button')];
    expect(end.length).to.equal(1);
    expect(end[0]!.getAttribute('aria-label')).to.match(/^Sign out .+, signed in /);
    end[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(root).includes('That session is signed out.'), 'no confirmation', WAIT);
    expect(await me(server.url, other)).to.equal(401);
    expect(text(root)).to.contain('You are signed in nowhere else.');

    const box = labelled(root, 'Require two-factor sign-in for everyone');
    expect(box.checked).to.equal(false);
    await expect(el).to.be.accessible();
    // Saved unchanged: the switch is shared by every test on this server, so it stays off.
    button(root, 'Save policy')!.click();
    await waitUntil(() => text(root).includes('Sign-in policy saved.'), 'not saved', WAIT);
  });
});
