/**
 * The People tab against the REAL server: the list with roles, departments and status, filtering,
 * inviting (the server holds the invited row), editing in a modal dialog, deactivating after a dialog
 * that says what happens, reactivating; loading, empty and error states; Chinese; the Settings tab.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PeopleList } from '@parley/protocol';
import { TOKEN_KEY } from '../console.session.js';
import { button, deepActive, labelled, server, shadow, signedIn, text, tokenOf, type, WAIT } from '../kb/kb-test-kit.js';
import type { ParleyConsolePeople } from './console-people.component.js';
import './people.js';
import '../console.js';

type Hook = (fn: () => unknown) => void;
const { describe, it, afterEach } = globalThis as unknown as {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => unknown) => void;
  afterEach: Hook;
};
const realFetch = window.fetch;
afterEach(() => {
  window.fetch = realFetch;
  fixtureCleanup();
  sessionStorage.removeItem(TOKEN_KEY);
});

const unique = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 8)}`;

async function mount(opts: { lang?: string; url?: string; who?: 'admin' | 'alice' } = {}): Promise<ParleyConsolePeople> {
  const s = await server();
  return fixture<ParleyConsolePeople>(html`<parley-console-people lang=${opts.lang ?? 'en'} .server=${opts.url ?? s.url} .token=${await tokenOf(opts.who ?? 'admin')}></parley-console-people>`);
}

const root = (el: ParleyConsolePeople) => shadow(el);
const rowOf = (el: ParleyConsolePeople, email: string) => [...root(el).querySelectorAll<HTMLTableRowElement>('tbody tr')].find((r) => text(r.querySelector('.email')) === email);
const listed = (el: ParleyConsolePeople) => waitUntil(() => root(el).querySelector('tbody tr') || root(el).querySelector('[role="alert"]'), 'the list did not load', WAIT);
const announced = (el: ParleyConsolePeople) => text(root(el).querySelector('.visually-hidden[role="status"]'));

async function people(): Promise<PeopleList> {
  const s = await server();
  const res = await fetch(`${s.url}/api/console/people`, { headers: { authorization: `Bearer ${await tokenOf('admin')}` } });
  return (await res.json()) as PeopleList;
}

describe('<parley-console-people>', () => {
  it('lists people, invites, edits in a dialog, deactivates after saying what happens, reactivates', async () => {
    const el = await mount();
    await listed(el);
    const s = await server();
    const alice = rowOf(el, s.accounts.alice.email)!;
    expect(text(alice)).to.contain('Alice').and.contain('Agent').and.contain('Sales').and.contain('Support').and.contain('Active');
    await expect(el).to.be.accessible();

    // Invite, by keyboard focus order: the form opens with focus in its first field.
    const email = `${unique('new-')}@parley.test`;
    button(root(el), 'Invite someone')!.click();
    await waitUntil(() => deepActive()?.id === 'invite-email', 'focus did not move into the form', WAIT);
    type(labelled<HTMLInputElement>(root(el), 'Email'), email);
    type(labelled<HTMLInputElement>(root(el), 'Name'), 'Nova');
    labelled<HTMLInputElement>(root(el), 'Support').click();
    await expect(el).to.be.accessible();
    button(root(el), 'Send invitation')!.click();
    await waitUntil(() => announced(el) === `Invitation sent to ${email}.`, 'the invitation was not announced', WAIT);
    const held = (await people()).people.find((p) => p.email === email)!;
    expect(held).to.include({ name: 'Nova', role: 'agent', status: 'invited', capacity: 5 });
    expect(held.departmentIds).to.deep.equal([s.departments.support.id]);
    await waitUntil(() => rowOf(el, email), 'the invited person is not listed', WAIT);
    expect(text(rowOf(el, email))).to.contain('Invited');
    expect(button(rowOf(el, email)!, 'Resend invitation')).to.exist;

    // Edit: a modal dialog; Save closes it and focus returns to the Edit button.
    const edit = rowOf(el, email)!.querySelector<HTMLButtonElement>('button.edit')!;
    expect(edit.getAttribute('aria-label')).to.equal('Edit Nova');
    edit.click();
    await waitUntil(() => root(el).querySelector('dialog')?.open, 'no dialog', WAIT);
    const dialog = root(el).querySelector('dialog')!;
    expect(text(dialog.querySelector('h4'))).to.equal('Edit Nova');
    const capacity = labelled<HTMLInputElement>(root(el), 'Chats at once');
    type(capacity, '2');
    await expect(el).to.be.accessible();
    button(dialog, 'Save')!.click();
    await waitUntil(() => !root(el).querySelector('dialog')?.open, 'the dialog did not close', WAIT);
    await waitUntil(() => text(rowOf(el, email)?.querySelectorAll('td')[2]) === '2', 'the capacity did not change', WAIT);
    await waitUntil(() => deepActive()?.classList.contains('edit'), 'focus did not return to Edit', WAIT);

    // Deactivate: the dialog says what happens; Escape keeps them, the button deactivates.
    rowOf(el, email)!.querySelector<HTMLButtonElement>('button.deactivate')!.click();
    await waitUntil(() => root(el).querySelector('dialog')?.open, 'no confirmation', WAIT);
    const confirm = root(el).querySelector('dialog')!;
    expect(text(confirm.querySelector('h4'))).to.equal('Deactivate Nova?');
    expect(text(confirm.querySelector('#deactivate-what'))).to.contain('signed out at once').and.contain('0 conversations go back to the queue').and.contain('0 open tickets are left unassigned');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !root(el).querySelector('dialog')?.open, 'Escape did not close it', WAIT);
    expect((await people()).people.find((p) => p.email === email)!.status).to.equal('invited');

    rowOf(el, email)!.querySelector<HTMLButtonElement>('button.deactivate')!.click();
    await waitUntil(() => root(el).querySelector('dialog')?.open, 'no confirmation', WAIT);
    button(root(el).querySelector('dialog')!, 'Deactivate')!.click();
    await waitUntil(() => announced(el) === 'Nova deactivated: 0 conversations requeued, 0 tickets unassigned.', `not announced: ${announced(el)}`, WAIT);
    expect(rowOf(el, email)!.dataset.status).to.equal('deactivated');

    // Filter by status, then reactivate (back to invited: no password was ever set).
    const filter = labelled<HTMLSelectElement>(root(el), 'Show');
    filter.value = 'deactivated';
    filter.dispatchEvent(new Event('change'));
    await waitUntil(() => [...root(el).querySelectorAll('tbody tr')].every((r) => (r as HTMLElement).dataset.status === 'deactivated'), 'the filter did not apply', WAIT);
    button(rowOf(el, email)!, 'Reactivate')!.click();
    await waitUntil(() => announced(el) === 'Nova reactivated.', 'reactivation not announced', WAIT);
    await waitUntil(() => !rowOf(el, email), 'the row should leave the Deactivated filter', WAIT);
    expect((await people()).people.find((p) => p.email === email)!.status).to.equal('invited');
  });

  it('shows loading, then the empty filter; in Chinese', async () => {
    await server();
    await tokenOf('admin');
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      await gate;
      return realFetch(...args);
    };
    const el = await mount({ lang: 'zh-CN' });
    expect(text(root(el).querySelector('.state[role="status"]'))).to.equal('正在加载人员…');
    await expect(el).to.be.accessible();
    release();
    await listed(el);
    expect(text(root(el).querySelector('h3'))).to.equal('人员');
    const filter = labelled<HTMLSelectElement>(root(el), '显示');
    filter.value = 'deactivated';
    filter.dispatchEvent(new Event('change'));
    // Nobody may be deactivated yet, or someone from another test: either the empty text or only such rows.
    await el.updateComplete;
    const empty = root(el).querySelector('.state.empty');
    if (empty) expect(text(empty)).to.equal('没有符合筛选条件的人员。');
    else expect([...root(el).querySelectorAll('tbody tr')].every((r) => text(r).includes('已停用'))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry when the server cannot be reached, and the refusal an agent gets', async () => {
    const down = await mount({ url: 'http://127.0.0.1:9' });
    await waitUntil(() => root(down).querySelector('[role="alert"]'), 'no error', WAIT);
    expect(text(root(down).querySelector('[role="alert"]'))).to.equal('Could not load people: Cannot reach the server.');
    expect(button(root(down), 'Try again')).to.exist;
    await expect(down).to.be.accessible();
    fixtureCleanup();

    const agent = await mount({ who: 'alice' });
    await waitUntil(() => root(agent).querySelector('[role="alert"]'), 'no refusal', WAIT);
    expect(text(root(agent).querySelector('[role="alert"]'))).to.match(/only an admin/);
  });

  it('is the People tab of Settings for admins', async () => {
    const el = await signedIn('admin');
    button(shadow(el).querySelector('nav.views')!, 'Settings')!.click();
    const settings = () => shadow(el).querySelector('parley-console-settings');
    await waitUntil(() => settings()?.shadowRoot?.querySelector('[data-tab="people"]'), 'no People tab', WAIT);
    (shadow(settings()!).querySelector('[data-tab="people"]') as HTMLButtonElement).click();
    await waitUntil(() => shadow(settings()!).querySelector('parley-console-people')?.shadowRoot?.querySelector('tbody tr'), 'the People tab did not load', WAIT);
    await expect(settings()).to.be.accessible();
  });
});
