/**
 * The Departments tab of Settings against the REAL server: an admin creates a department (it reaches
 * the console's own agent directory at once, pushed by the server), renames it, sets its business
 * hours, is refused deleting one with an open chat (the server's reason shown) and deletes an empty
 * one through a confirmation dialog; agents have no such tab; the unreachable server is an error state.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BusinessCalendar, DepartmentAdmin, TicketSettings } from '@parley/protocol';
import { VisitorClient } from '@parley/client';
import type { ParleyConsole } from '../console.component.js';
import { TOKEN_KEY } from '../console.session.js';
import { button, choose, deepActive, labelled, server, shadow, signedIn, text, tokenOf, type, unique, WAIT } from '../tickets/tickets-test-kit.js';
import type { ParleyConsoleDepartments } from './console-departments.component.js';
import '../console.js';
import './departments.js';

type Hook = (fn: () => unknown) => void;
const { describe, it, afterEach } = globalThis as unknown as { describe: (n: string, fn: () => void) => void; it: (n: string, fn: () => unknown) => void; afterEach: Hook };

afterEach(() => {
  fixtureCleanup();
  sessionStorage.removeItem(TOKEN_KEY);
});

async function rest<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const s = await server();
  const res = await fetch(`${s.url}${path}`, { method, headers: { authorization: `Bearer ${await tokenOf('admin')}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: (await res.json().catch(() => null)) as T };
}
const departmentsNow = async () => (await rest<{ departments: DepartmentAdmin[] }>('GET', '/api/console/departments')).body.departments;

const viewOf = (el: ParleyConsole) => shadow(shadow(el).querySelector('parley-console-settings')!).querySelector('parley-console-departments') as ParleyConsoleDepartments | null;
const root = (el: ParleyConsole) => shadow(viewOf(el)!);
const announced = (el: ParleyConsole) => text(root(el).querySelector('.visually-hidden[role="status"]'));
const rowOf = (el: ParleyConsole, name: string) => [...root(el).querySelectorAll<HTMLTableRowElement>('tbody tr')].find((r) => text(r.querySelector('button.open')) === name);

async function openDepartments(lang = 'en'): Promise<ParleyConsole> {
  const el = await signedIn('admin', lang);
  const nav = shadow(el).querySelector('nav.views')!;
  button(nav, lang === 'en' ? 'Settings' : '设置')!.click();
  const settings = () => shadow(el).querySelector('parley-console-settings');
  await waitUntil(() => settings()?.shadowRoot?.querySelector('[role="tab"]'), 'settings did not open', WAIT);
  button(shadow(settings()!), lang === 'en' ? 'Departments' : '部门')!.click();
  await waitUntil(() => viewOf(el)?.shadowRoot?.querySelector('tbody tr'), 'the department list did not load', WAIT);
  return el;
}

describe('<parley-console> settings: departments', () => {
  it('an admin creates a department that reaches the agent directory at once, renames it, sets its hours and deletes it', async () => {
    const el = await openDepartments();
    expect(rowOf(el, 'Sales'), 'Sales listed').to.exist;
    expect(text(rowOf(el, 'Support')!.children[1])).to.equal('Automatic');
    await expect(viewOf(el)).to.be.accessible();

    const name = unique('Billing ');
    button(root(el), 'New department')!.click();
    await waitUntil(() => deepActive()?.id === 'edit-heading', 'focus did not move to the form', WAIT);
    // Saving with no name shows the server's reason.
    button(root(el), 'Save')!.click();
    await waitUntil(() => text(root(el).querySelector('.error')).includes('at least one language'), 'no refusal shown', WAIT);
    type(labelled<HTMLInputElement>(root(el), 'English'), name);
    type(labelled<HTMLInputElement>(root(el), 'Simplified Chinese'), '账务');
    labelled<HTMLInputElement>(root(el), 'Automatic').click();
    await expect(viewOf(el)).to.be.accessible();
    button(root(el), 'Save')!.click();
    await waitUntil(() => rowOf(el, name), `the new department is not listed (${text(root(el).querySelector('.error'))} / ${root(el).querySelector('h3')?.textContent})`, WAIT);
    expect(announced(el)).to.equal(`${name} created. Agents see it now.`);
    expect(text(rowOf(el, name)!.children[1])).to.equal('Automatic');
    expect(text(rowOf(el, name)!.children[4])).to.equal('Around the clock');
    // Pushed to agents' sockets: the console's own directory (transfer targets) has it without a reload.
    const client = viewOf(el)!.client!;
    await waitUntil(() => client.state.directory?.departments.some((d) => d.name.en === name), 'the agent directory did not get it', WAIT);

    // Rename with the keyboard: the row's name button opens the form.
    rowOf(el, name)!.querySelector<HTMLButtonElement>('button.open')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive()?.id === 'edit-heading', 'the edit form did not open', WAIT);
    type(labelled<HTMLInputElement>(root(el), 'English'), `${name} EU`);
    button(root(el), 'Save')!.click();
    await waitUntil(() => rowOf(el, `${name} EU`), 'not renamed', WAIT);
    await waitUntil(() => client.state.directory?.departments.some((d) => d.name.en === `${name} EU`), 'the directory kept the old name', WAIT);

    // Business hours: a zone, Sunday closed, Saturday 10-16, one holiday.
    rowOf(el, `${name} EU`)!.querySelector<HTMLButtonElement>('button.hours')!.click();
    const hours = () => shadow(root(el).querySelector('parley-console-department-hours')!);
    await waitUntil(() => root(el).querySelector('parley-console-department-hours')?.shadowRoot?.querySelector('#zone'), 'no hours editor', WAIT);
    await waitUntil(() => deepActive()?.id === 'hours-heading', 'focus did not move to the hours editor', WAIT);
    choose(labelled<HTMLSelectElement>(hours(), 'Time zone'), 'Asia/Shanghai');
    const sat = hours().querySelector<HTMLInputElement>('input[aria-label="Open on Saturday"]')!;
    sat.click();
    type(hours().querySelector<HTMLInputElement>('input[aria-label="Saturday opens"]')!, '10:00');
    type(hours().querySelector<HTMLInputElement>('input[aria-label="Saturday closes"]')!, '16:00');
    type(labelled<HTMLInputElement>(hours(), 'Date'), '2027-02-06');
    button(hours(), 'Add holiday')!.click();
    await waitUntil(() => button(hours(), 'Remove 2027-02-06'), 'holiday not listed', WAIT);
    await expect(root(el).querySelector('parley-console-department-hours')).to.be.accessible();
    button(hours(), 'Save hours')!.click();
    await waitUntil(() => rowOf(el, `${name} EU`) && text(rowOf(el, `${name} EU`)!.children[4]) === 'Set', 'hours not shown as set', WAIT);
    const id = rowOf(el, `${name} EU`)!.dataset.id!;
    const settings = (await rest<{ settings: TicketSettings }>('GET', '/api/console/tickets/settings')).body.settings;
    const cal = settings.calendars.find((c) => c.departmentId === id)!.calendar as BusinessCalendar;
    expect(cal.timeZone).to.equal('Asia/Shanghai');
    expect(cal.week.sat).to.deep.equal([['10:00', '16:00']]);
    expect(cal.week.sun).to.deep.equal([]);
    expect(cal.week.mon).to.deep.equal([['09:00', '18:00']]);
    expect(cal.holidays).to.deep.equal(['2027-02-06']);

    // Delete through the confirmation dialog.
    rowOf(el, `${name} EU`)!.querySelector<HTMLButtonElement>('button.delete')!.click();
    const dialog = root(el).querySelector('dialog')!;
    await waitUntil(() => dialog.open, 'no confirmation', WAIT);
    expect(text(dialog.querySelector('h3'))).to.equal(`Delete ${name} EU?`);
    button(dialog, 'Delete')!.click();
    await waitUntil(() => !rowOf(el, `${name} EU`), 'still listed', WAIT);
    expect(announced(el)).to.equal(`${name} EU deleted.`);
    expect((await departmentsNow()).some((d) => d.id === id)).to.equal(false);
  });

  it('deleting a department with an open chat is refused with the server’s reason; Escape cancels the dialog', async () => {
    const name = unique('Returns ');
    const dep = (await rest<{ department: DepartmentAdmin }>('POST', '/api/console/departments', { names: { en: name } })).body.department;
    const s = await server();
    const visitor = new VisitorClient({ server: s.url, siteKey: s.siteKey, locale: 'en' });
    await visitor.connect();
    await visitor.start({ departmentId: dep.id });
    try {
      const el = await openDepartments();
      await waitUntil(() => rowOf(el, name), 'not listed', WAIT);
      expect(text(rowOf(el, name)!.children[3])).to.equal('1 chat, 0 tickets');
      const del = rowOf(el, name)!.querySelector<HTMLButtonElement>('button.delete')!;
      del.click();
      const dialog = root(el).querySelector('dialog')!;
      await waitUntil(() => dialog.open, 'no confirmation', WAIT);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'Escape did not close it', WAIT);
      await waitUntil(() => deepActive() === rowOf(el, name)!.querySelector('button.delete'), 'focus did not return to Delete', WAIT);
      rowOf(el, name)!.querySelector<HTMLButtonElement>('button.delete')!.click();
      await waitUntil(() => dialog.open, 'no confirmation', WAIT);
      button(dialog, 'Delete')!.click();
      await waitUntil(() => root(el).querySelector('.error'), 'no refusal shown', WAIT);
      expect(text(root(el).querySelector('.error'))).to.contain(`${name} still has 1 open conversation: close or transfer them before deleting it.`);
      expect(rowOf(el, name), 'still listed').to.exist;
      await expect(viewOf(el)).to.be.accessible();
    } finally {
      await visitor.close().catch(() => undefined);
      visitor.disconnect();
      await rest('DELETE', `/api/console/departments/${dep.id}`);
    }
  });

  it('speaks Chinese; agents have no Departments tab; an unreachable server is an error with a retry', async () => {
    const zh = await openDepartments('zh-CN');
    expect(text(root(zh).querySelector('h3'))).to.equal('部门');
    expect(button(root(zh), '新建部门')).to.exist;
    expect(text(rowOf(zh, '售后服务')!.children[1])).to.equal('自动');
    fixtureCleanup();

    const agent = await signedIn('alice');
    button(shadow(agent).querySelector('nav.views')!, 'Settings')!.click();
    await waitUntil(() => shadow(agent).querySelector('parley-console-settings')?.shadowRoot?.querySelector('h2'), 'settings did not open', WAIT);
    const tabs = [...shadow(shadow(agent).querySelector('parley-console-settings')!).querySelectorAll('[role="tab"]')].map((t) => text(t));
    expect(tabs).to.not.include('Departments');
    expect(tabs).to.not.include('Site');
    fixtureCleanup();

    const view = await fixture<ParleyConsoleDepartments>(html`<parley-console-departments server="http://127.0.0.1:9" .token=${'t'} lang="en"></parley-console-departments>`);
    expect(text(shadow(view).querySelector('[role="status"]'))).to.equal('Loading departments…');
    await waitUntil(() => shadow(view).querySelector('.error'), 'no error state', WAIT);
    expect(text(shadow(view).querySelector('.error'))).to.equal('Could not load or save: Cannot reach the server.');
    expect(button(shadow(view), 'Try again')).to.exist;
    await expect(view).to.be.accessible();
  });
});
