/**
 * The API tokens tab against the REAL server: an admin creates a token with an access level per area,
 * sees the secret once and the token works exactly within its scopes on the server; revoking asks
 * first and ends it; Chinese; an unreachable server.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { button, choose, deepActive, labelled, server, shadow, text, tokenOf, type, WAIT } from '../kb/kb-test-kit.js';
import type { ParleyConsoleApiTokens } from './console-api-tokens.component.js';
import './api-tokens.js';

type Hook = (fn: () => unknown) => void;
const { describe, it, afterEach } = globalThis as unknown as { describe: (n: string, fn: () => void) => void; it: (n: string, fn: () => unknown) => void; afterEach: Hook };

afterEach(() => fixtureCleanup());

async function mount(lang = 'en', url?: string): Promise<ParleyConsoleApiTokens> {
  const s = await server();
  return fixture<ParleyConsoleApiTokens>(html`<parley-console-api-tokens lang=${lang} .server=${url ?? s.url} .token=${await tokenOf('admin')}></parley-console-api-tokens>`);
}
const loaded = (el: ParleyConsoleApiTokens) => waitUntil(() => !shadow(el).querySelector('.state[role="status"]') && shadow(el).querySelector('#token-name'), 'did not load', WAIT);
const statusOf = async (secret: string, path: string) => (await fetch(`${(await server()).url}${path}`, { headers: { authorization: `Bearer ${secret}` } })).status;

describe('<parley-console-api-tokens>', () => {
  it('creates a token with per-area access, shows it once, and the server holds it to that access', async () => {
    const el = await mount();
    expect(text(shadow(el).querySelector('.state[role="status"]'))).to.equal('Loading API tokens…');
    await loaded(el);
    const root = shadow(el);
    await expect(el).to.be.accessible();

    // No access at all is refused in the form's words, with focus on the message.
    type(labelled<HTMLInputElement>(root, 'Name (what uses it)'), 'CRM sync');
    button(root, 'Create token')!.click();
    await waitUntil(() => root.querySelector('#form-error'), 'no refusal', WAIT);
    expect(text(root.querySelector('#form-error'))).to.equal('Give the token access to at least one area.');
    expect(deepActive()).to.equal(root.querySelector('#form-error'));

    choose(labelled<HTMLSelectElement>(root, 'Tickets: access'), 'Read');
    // Keyboard: the Contacts select, ArrowDown twice to "Read and write".
    labelled<HTMLSelectElement>(root, 'Contacts: access').focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(labelled<HTMLSelectElement>(root, 'Contacts: access').value).to.equal('write');
    button(root, 'Create token')!.click();
    await waitUntil(() => root.querySelector('#created-heading'), 'not created', WAIT);
    expect(deepActive()).to.equal(root.querySelector('#created-heading'));
    expect(text(root.querySelector('#created-heading'))).to.equal('Token “CRM sync” created');
    const secret = labelled<HTMLInputElement>(root, 'The token').value;
    expect(secret).to.match(/^pat_/);
    await expect(el).to.be.accessible();

    // What the server lets it do: read tickets, read and write contacts, nothing else.
    expect(await statusOf(secret, '/api/console/tickets')).to.equal(200);
    expect(await statusOf(secret, '/api/console/contacts')).to.equal(200);
    expect(await statusOf(secret, '/api/console/reports')).to.equal(403);
    expect(await statusOf(secret, '/api/console/api-tokens')).to.equal(403);

    button(root, 'Done')!.click();
    await waitUntil(() => !root.querySelector('#created-heading'), 'the secret stayed on screen', WAIT);
    expect(text(root)).to.not.contain(secret);
    expect(deepActive()).to.equal(root.querySelector('#token-name'));
    const row = [...root.querySelectorAll('tbody tr')].find((r) => text(r.querySelector('th')).startsWith('CRM sync'))!;
    expect(text(row.querySelectorAll('td')[0])).to.equal('Tickets: Read; Contacts: Read and write');
    expect(text(row.querySelector('code'))).to.equal(`${secret.slice(0, 10)}…`);
  });

  it('revoking asks first; Cancel keeps it; Revoke ends it on the server', async () => {
    const s = await server();
    const res = await fetch(`${s.url}/api/console/api-tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenOf('admin')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Nightly export', scopes: ['reports:read'] }),
    });
    const { secret } = (await res.json()) as { secret: string };
    expect(await statusOf(secret, '/api/console/reports/monthly')).to.equal(200);

    const el = await mount();
    await loaded(el);
    const root = shadow(el);
    const revoke = () => root.querySelector<HTMLButtonElement>('button[aria-label="Revoke Nightly export"]');
    await waitUntil(() => revoke(), 'no revoke button', WAIT);
    revoke()!.click();
    await waitUntil(() => [...root.querySelectorAll('[role="group"] p')].some((p) => text(p) === 'Revoke “Nightly export”? Whatever uses it stops working at once.'), 'no confirmation', WAIT);
    await expect(el).to.be.accessible();
    button(root.querySelector('[role="group"]')!, 'Cancel')!.click();
    await waitUntil(() => deepActive() === revoke(), 'focus did not return', WAIT);
    expect(await statusOf(secret, '/api/console/reports/monthly')).to.equal(200);

    revoke()!.click();
    await waitUntil(() => root.querySelector('[role="group"]'), 'no confirmation', WAIT);
    button(root.querySelector('[role="group"]')!, 'Revoke')!.click();
    await waitUntil(() => text(root.querySelector('.visually-hidden[role="status"]')) === 'Token “Nightly export” revoked.', 'not revoked', WAIT);
    expect(await statusOf(secret, '/api/console/reports/monthly')).to.equal(401);
    const row = [...root.querySelectorAll('tbody tr')].find((r) => text(r.querySelector('th')).startsWith('Nightly export'))!;
    expect(text(row.querySelectorAll('td')[3])).to.match(/^Revoked /);
  });

  it('speaks Chinese; an unreachable server is an error state with a retry', async () => {
    const el = await mount('zh-CN');
    await loaded(el);
    const root = shadow(el);
    expect(text(root.querySelector('h3'))).to.equal('API 令牌');
    expect(labelled<HTMLSelectElement>(root, '工单：权限')).to.exist;
    expect(button(root, '创建令牌')).to.exist;
    await expect(el).to.be.accessible();
    fixtureCleanup();

    const down = await mount('en', 'http://127.0.0.1:9');
    await waitUntil(() => shadow(down).querySelector('.error'), 'no error state', WAIT);
    expect(text(shadow(down).querySelector('.error'))).to.equal('Could not load the API tokens: Cannot reach the server.');
    expect(button(shadow(down), 'Try again')).to.exist;
    await expect(down).to.be.accessible();
  });
});
