/**
 * The Retention tab against the REAL server: the company defaults, a dry run whose counts are the
 * server's, switching on only through a confirmation that shows them (and Cancel changing nothing),
 * switching off, periods out of range refused before any request, an unreachable server and an agent.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { RetentionPreview, RetentionSettingsView } from '@parley/protocol';
import { button, deepActive, labelled, server, shadow, text, tokenOf, type, WAIT } from '../kb/kb-test-kit.js';
import type { ParleyConsoleRetention } from './console-retention.component.js';
import './retention.js';

type Hook = (fn: () => unknown) => void;
const { describe, it, afterEach } = globalThis as unknown as {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => unknown) => void;
  afterEach: Hook;
};

async function rest<T>(path: string, init: RequestInit = {}): Promise<T> {
  const s = await server();
  const res = await fetch(`${s.url}/api/console/retention${path}`, { ...init, headers: { authorization: `Bearer ${await tokenOf('admin')}`, 'content-type': 'application/json' } });
  expect(res.status, await res.clone().text()).to.equal(200);
  return (await res.json()) as T;
}

afterEach(async () => {
  fixtureCleanup();
  // Leave retention off with the defaults: the daily run must never delete the shared server's data.
  await rest('', { method: 'PUT', body: JSON.stringify({ enabled: false, chatMonths: 6, ticketMonths: 24 }) });
});

async function mount(who: 'admin' | 'alice' = 'admin', opts: { lang?: string; url?: string } = {}): Promise<ParleyConsoleRetention> {
  const s = await server();
  const el = await fixture<ParleyConsoleRetention>(html`<parley-console-retention lang=${opts.lang ?? 'en'} .server=${opts.url ?? s.url} .token=${await tokenOf(who)}></parley-console-retention>`);
  return el;
}
const ready = (el: ParleyConsoleRetention) => waitUntil(() => shadow(el).querySelector('#retention-status') || shadow(el).querySelector('[role="alert"]'), 'did not load', WAIT);
const counts = (scope: Element) => Object.fromEntries([...scope.querySelectorAll('dd[data-count]')].map((d) => [(d as HTMLElement).dataset.count, text(d)]));

describe('<parley-console-retention>', () => {
  it('shows the defaults and a dry run with the server\'s counts', async () => {
    const el = await mount();
    expect(text(shadow(el).querySelector('.state[role="status"]'))).to.equal('Loading the retention settings…');
    await ready(el);
    await expect(el).to.be.accessible();
    const root = shadow(el);
    expect(text(root.querySelector('#retention-status'))).to.equal('Retention is off: nothing is deleted.');
    expect(labelled<HTMLInputElement>(root, 'Keep closed chats for').value).to.equal('6');
    expect(labelled<HTMLInputElement>(root, 'Keep resolved and closed tickets for').value).to.equal('24');
    expect(text(root.querySelector('#last-run-heading + .state.empty'))).to.equal('Retention has not run yet.');

    type(labelled<HTMLInputElement>(root, 'Keep closed chats for'), '1');
    button(root, 'Show what would be deleted')!.click();
    await waitUntil(() => root.querySelector('#preview-heading'), 'no dry run', WAIT);
    expect(deepActive()).to.equal(root.querySelector('#preview-heading'));
    const expected = await rest<RetentionPreview>('/preview?chatMonths=1&ticketMonths=24');
    const shown = root.querySelector('section.preview')!;
    if (Object.values(expected.counts).every((n) => n === 0)) expect(text(shown.querySelector('.state.empty'))).to.equal('Nothing is old enough to be deleted.');
    else expect(counts(shown).conversations).to.equal(new Intl.NumberFormat('en').format(expected.counts.conversations));
    await expect(el).to.be.accessible();
  });

  it('switches on only after a confirmation with the counts; Cancel changes nothing; then off', async () => {
    const el = await mount();
    await ready(el);
    const root = shadow(el);
    button(root, 'Turn on…')!.click();
    await waitUntil(() => root.querySelector('#confirm-heading'), 'no confirmation', WAIT);
    expect(deepActive()).to.equal(root.querySelector('#confirm-heading'));
    expect(text(root.querySelector('#confirm-heading'))).to.equal('Delete this history for good?');
    await expect(el).to.be.accessible();
    button(root, 'Cancel')!.click();
    await waitUntil(() => !root.querySelector('#confirm-heading'), 'still confirming', WAIT);
    expect(deepActive()).to.equal(button(root, 'Turn on…'));
    expect((await rest<RetentionSettingsView>('')).enabled).to.equal(false);

    button(root, 'Turn on…')!.click();
    await waitUntil(() => button(root, 'Delete on schedule'), 'no confirmation', WAIT);
    button(root, 'Delete on schedule')!.click();
    await waitUntil(() => text(root.querySelector('#retention-status')).startsWith('Retention is on'), 'not on', WAIT);
    expect(text(root.querySelector('#retention-status'))).to.match(/Next run: /);
    expect(text(root.querySelector('.visually-hidden[role="status"]'))).to.equal('Retention is on.');
    expect((await rest<RetentionSettingsView>('')).enabled).to.equal(true);

    button(root, 'Turn off')!.click();
    await waitUntil(() => text(root.querySelector('#retention-status')) === 'Retention is off: nothing is deleted.', 'not off', WAIT);
    expect((await rest<RetentionSettingsView>('')).enabled).to.equal(false);
  });

  it('refuses a period out of range before asking the server, and saves a good one', async () => {
    const el = await mount();
    await ready(el);
    const root = shadow(el);
    const chat = labelled<HTMLInputElement>(root, 'Keep closed chats for');
    type(chat, '0');
    button(root, 'Save periods')!.click();
    await waitUntil(() => root.querySelector('#range-error'), 'no error', WAIT);
    expect(text(root.querySelector('#range-error'))).to.equal('Enter a whole number of months from 1 to 120.');
    expect(chat.getAttribute('aria-invalid')).to.equal('true');
    expect(deepActive()).to.equal(chat);
    await expect(el).to.be.accessible();
    type(chat, '12');
    button(root, 'Save periods')!.click();
    await waitUntil(() => text(root.querySelector('.visually-hidden[role="status"]')) === 'The periods were saved.', 'not saved', WAIT);
    expect((await rest<RetentionSettingsView>('')).chatMonths).to.equal(12);
  });

  it('shows errors with a retry, the refusal an agent gets, and speaks Traditional Chinese', async () => {
    const down = await mount('admin', { url: 'http://127.0.0.1:9' });
    await ready(down);
    expect(text(shadow(down).querySelector('[role="alert"]'))).to.equal('That did not work: Cannot reach the server.');
    expect(button(shadow(down), 'Try again')).to.exist;
    await expect(down).to.be.accessible();
    fixtureCleanup();

    const agent = await mount('alice');
    await ready(agent);
    expect(text(shadow(agent).querySelector('[role="alert"]'))).to.match(/only an admin/);
    fixtureCleanup();

    const tw = await mount('admin', { lang: 'zh-TW' });
    await ready(tw);
    expect(text(shadow(tw).querySelector('h3'))).to.equal('資料保留');
    expect(text(shadow(tw).querySelector('#retention-status'))).to.equal('資料保留已關閉：不會刪除任何內容。');
    await expect(tw).to.be.accessible();
  });
});
