/**
 * The Service levels tab of Settings against the REAL server: an admin sees the site's targets and
 * escalation steps, changes them with the keyboard and the server holds the change; an out-of-range
 * value and steps out of order are refused with the server's reason next to the form; a supervisor
 * reads the values without a form; an agent has no such tab; a department gets targets of its own and
 * goes back to the site's. Every test puts the defaults back: other files' tickets are planned with them.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AgentClient } from '@parley/client';
import type { SlaSettings, TicketSettings } from '@parley/protocol';
import type { ParleyConsole } from '../console.component.js';
import { TOKEN_KEY } from '../console.session.js';
import { tabsFor } from '../settings/settings-tabs.js';
import { freshAgent } from '../two-factor/totp-test-kit.js';
import { button, choose, consoleApi, deepActive, labelled, server, shadow, signedIn, tabTo, text, tokenOf, type, WAIT } from '../tickets/tickets-test-kit.js';
import type { ParleyConsoleServiceLevels } from './console-service-levels.component.js';
import '../console.js';
import './service-levels.js';

type Hook = (fn: () => unknown) => void;
const { describe, it, afterEach } = globalThis as unknown as { describe: (n: string, fn: () => void) => void; it: (n: string, fn: () => unknown) => void; afterEach: Hook };

const DEFAULTS = { escalationMinutes: [24 * 60, 48 * 60, 72 * 60], priorityTargets: { urgent: 30 } };
const slaNow = async (): Promise<SlaSettings> => (await consoleApi<{ settings: TicketSettings }>('admin', 'GET', '/settings')).body.settings.sla;

const departmentsNow = async () => (await consoleApi<{ settings: TicketSettings }>('admin', 'GET', '/settings')).body.settings.calendars;

afterEach(async () => {
  fixtureCleanup();
  sessionStorage.removeItem(TOKEN_KEY);
  expect((await consoleApi('admin', 'PUT', '/settings/sla', DEFAULTS)).status).to.equal(200);
  for (const d of await departmentsNow()) if (d.targets) expect((await consoleApi('admin', 'PUT', `/settings/sla/departments/${d.departmentId}`, null)).status).to.equal(200);
});

const settingsOf = (el: ParleyConsole) => shadow(el).querySelector('parley-console-settings');
const viewOf = (el: ParleyConsole) => shadow(settingsOf(el)!).querySelector('parley-console-service-levels') as ParleyConsoleServiceLevels | null;
const root = (el: ParleyConsole) => shadow(viewOf(el)!);
const tabNames = (el: ParleyConsole) => [...shadow(settingsOf(el)!).querySelectorAll('[role="tab"]')].map((t) => text(t));

const NAMES = { en: ['Settings', 'Service levels'], 'zh-CN': ['设置', '服务级别'] } as const;

/** Settings → Service levels, as `el` (already signed in), waiting for the values. */
async function openTab(el: ParleyConsole, lang: keyof typeof NAMES = 'en'): Promise<ParleyConsole> {
  button(shadow(el).querySelector('nav.views')!, NAMES[lang][0])!.click();
  await waitUntil(() => settingsOf(el)?.shadowRoot?.querySelector('[role="tab"]'), 'settings did not open', WAIT);
  button(shadow(settingsOf(el)!), NAMES[lang][1])!.click();
  await waitUntil(() => viewOf(el)?.shadowRoot?.querySelector('form, dl.values'), 'the service levels did not load', WAIT);
  return el;
}

describe('<parley-console> settings: service levels', () => {
  it('an admin sees the current values, changes them with the keyboard, and the server stores them', async () => {
    const el = await openTab(await signedIn('admin'));
    const r = root(el);
    // The seeded defaults: the internal urgent 30 minutes, escalation 24 / 48 / 72 hours.
    expect(labelled<HTMLInputElement>(r, 'Urgent priority: first response').value).to.equal('30');
    expect(r.querySelector<HTMLSelectElement>('#target-urgent + select')!.value).to.equal('min');
    expect(labelled<HTMLInputElement>(r, 'High priority: first response').value).to.equal('');
    expect([1, 2, 3].map((l) => r.querySelector<HTMLInputElement>(`#level-${l}`)!.value)).to.deep.equal(['24', '48', '72']);
    expect(r.querySelector<HTMLSelectElement>('#level-1 + select')!.value).to.equal('h');
    expect(text(r.querySelector('#applies-note'))).to.contain('Changes apply to new tickets');
    await expect(viewOf(el)).to.be.accessible();

    // Keyboard only: Tab to each field, type, Tab to Save and press Enter.
    labelled<HTMLInputElement>(r, 'Urgent priority: first response').focus();
    await tabTo((a) => a.id === 'target-high', 'the high priority target');
    await sendKeys({ type: '4' });
    await tabTo((a) => a.id === 'level-1', 'escalation level 1');
    await sendKeys({ press: 'Control+A' });
    await sendKeys({ type: '12' });
    // Level 3 in minutes: the unit is a select, changed from the keyboard as well.
    await tabTo((a) => a.id === 'level-3', 'escalation level 3');
    await sendKeys({ press: 'Control+A' });
    await sendKeys({ type: '4500' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.getAttribute('aria-label')).to.equal('Level 3: executive deadline, unit');
    await sendKeys({ press: 'ArrowDown' });
    await tabTo((a) => a.tagName === 'BUTTON' && text(a) === 'Save', 'Save');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(r.querySelector('.visually-hidden[role="status"]')) === 'Service levels saved.', 'not saved', WAIT);

    // Read back from the server, not from the form.
    const stored = await slaNow();
    expect(stored.priorityTargets).to.deep.equal({ urgent: 30, high: 240 });
    expect(stored.escalationMinutes).to.deep.equal([720, 2880, 4500]);
    // The form shows what the server holds now.
    expect(r.querySelector<HTMLInputElement>('#level-1')!.value).to.equal('12');
    expect(r.querySelector<HTMLInputElement>('#level-3')!.value).to.equal('75');
    expect(r.querySelector<HTMLSelectElement>('#level-3 + select')!.value).to.equal('h');

    // Emptying a priority's target removes it: the category's target applies again.
    type(labelled<HTMLInputElement>(r, 'High priority: first response'), '');
    button(r, 'Save')!.click();
    await waitUntil(async () => (await slaNow()).priorityTargets.high === undefined, 'the target stayed', WAIT);
  });

  it('an out-of-range value and steps out of order are refused with the server’s reason, focused, nothing stored', async () => {
    const el = await openTab(await signedIn('admin'));
    const r = root(el);
    type(labelled<HTMLInputElement>(r, 'Low priority: first response'), '9000');
    button(r, 'Save')!.click();
    await waitUntil(() => r.querySelector('#save-error'), 'no refusal shown', WAIT);
    const error = r.querySelector('#save-error')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.match(/^Could not save\. Low priority: first response: .*525600/);
    await waitUntil(() => deepActive() === error, 'focus did not move to the error', WAIT);
    const low = labelled<HTMLInputElement>(r, 'Low priority: first response');
    expect(low.getAttribute('aria-invalid')).to.equal('true');
    expect(low.getAttribute('aria-describedby')).to.contain('save-error');
    expect((await slaNow()).priorityTargets).to.deep.equal({ urgent: 30 });
    await expect(viewOf(el)).to.be.accessible();

    type(low, '');
    type(r.querySelector<HTMLInputElement>('#level-2')!, '12');
    button(r, 'Save')!.click();
    await waitUntil(() => text(r.querySelector('#save-error')).includes('in order'), 'no order refusal', WAIT);
    expect([1, 2, 3].map((l) => r.querySelector(`#level-${l}`)!.getAttribute('aria-invalid'))).to.deep.equal(['true', 'true', 'true']);
    expect(low.getAttribute('aria-invalid')).to.equal('false');
    expect((await slaNow()).escalationMinutes).to.deep.equal(DEFAULTS.escalationMinutes);

    // Fixed: the error goes and the change is stored.
    type(r.querySelector<HTMLInputElement>('#level-2')!, '36');
    choose(r.querySelector<HTMLSelectElement>('#level-2 + select')!, 'hours');
    button(r, 'Save')!.click();
    await waitUntil(async () => (await slaNow()).escalationMinutes[1] === 36 * 60, 'not stored', WAIT);
    await waitUntil(() => !r.querySelector('#save-error'), 'the error stayed', WAIT);
  });

  it('an admin gives Sales targets of its own from the keyboard; steps out of order are refused; Sales then follows the site again', async () => {
    const el = await openTab(await signedIn('admin'));
    const r = root(el);
    const { sales } = (await server()).departments;
    const salesNow = async () => (await departmentsNow()).find((d) => d.departmentId === sales.id)!.targets;
    const scope = labelled<HTMLSelectElement>(r, 'Targets for');
    expect(text(scope.selectedOptions[0])).to.equal('The site (every department without its own)');
    choose(scope, 'Sales (the site’s targets)');
    await waitUntil(() => r.querySelector('#own'), 'no choice of own targets', WAIT);
    const own = labelled<HTMLInputElement>(r, 'This department has targets of its own');
    expect(own.checked).to.equal(false);
    expect(text(r.querySelector('#own-hint'))).to.equal('This department follows the site’s targets.');
    expect(r.querySelector('#level-1')).to.equal(null);
    await expect(viewOf(el)).to.be.accessible();

    // Space ticks it; the form starts from the site's values.
    own.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => r.querySelector('#level-1'), 'no fields', WAIT);
    expect(labelled<HTMLInputElement>(r, 'Urgent priority: first response').value).to.equal('30');
    expect([1, 2, 3].map((l) => r.querySelector<HTMLInputElement>(`#level-${l}`)!.value)).to.deep.equal(['24', '48', '72']);
    await expect(viewOf(el)).to.be.accessible();

    type(r.querySelector<HTMLInputElement>('#level-1')!, '60');
    button(r, 'Save')!.click();
    await waitUntil(() => text(r.querySelector('#save-error')).includes('in order'), 'no order refusal', WAIT);
    expect(await salesNow()).to.equal(null);

    await tabTo((a) => a.id === 'target-normal', 'the normal priority target', 60, 'Shift+Tab');
    await sendKeys({ type: '1' });
    type(r.querySelector<HTMLInputElement>('#level-1')!, '2');
    await tabTo((a) => a.tagName === 'BUTTON' && text(a) === 'Save', 'Save');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(r.querySelector('.visually-hidden[role="status"]')) === 'Service levels saved.', 'not saved', WAIT);
    expect(await salesNow()).to.deep.equal({ priorityTargets: { urgent: 30, normal: 60 }, escalationMinutes: [120, 2880, 4320] });
    expect((await slaNow()).escalationMinutes, 'the site keeps its own').to.deep.equal(DEFAULTS.escalationMinutes);
    expect(text(scope.selectedOptions[0])).to.equal('Sales (its own targets)');
    expect(r.querySelector('#save-error')).to.equal(null);

    // The site's form is the site's: Sales' numbers are not in it.
    choose(scope, 'The site (every department without its own)');
    await waitUntil(() => r.querySelector<HTMLInputElement>('#level-1')?.value === '24', 'the site form did not come back', WAIT);
    expect(r.querySelector('#own')).to.equal(null);

    choose(scope, 'Sales (its own targets)');
    await waitUntil(() => r.querySelector<HTMLInputElement>('#level-1')?.value === '2', 'Sales’ own values not shown', WAIT);
    labelled<HTMLInputElement>(r, 'This department has targets of its own').click();
    button(r, 'Save')!.click();
    await waitUntil(async () => (await salesNow()) === null, 'Sales kept its own targets', WAIT);
    await waitUntil(() => text(scope.selectedOptions[0]) === 'Sales (the site’s targets)', 'the option did not change', WAIT);
  });

  it('supervisors read the values without a form; agents have no Service levels tab', async () => {
    expect(tabsFor('agent').map((t) => t.id)).to.not.include('service-levels');
    expect(tabsFor('supervisor').map((t) => t.id)).to.include('service-levels');
    expect(tabsFor('admin').map((t) => t.id)).to.include('service-levels');

    const s = await server();
    const supervisor = await freshAgent('supervisor');
    // A supervisor of Support, as an admin makes one (the site is found through their department).
    const made = await fetch(`${s.url}/api/console/people/${supervisor.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${await tokenOf('admin')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ departmentIds: [s.departments.support.id] }),
    });
    expect(made.status).to.equal(200);
    sessionStorage.setItem(TOKEN_KEY, (await AgentClient.login(s.url, supervisor.email, supervisor.password)).token);
    const sup = await fixture<ParleyConsole>(html`<parley-console server=${s.url} lang="en"></parley-console>`);
    await waitUntil(() => shadow(sup).querySelector('.top .name'), 'console did not sign in', WAIT);
    await openTab(sup);
    const r = root(sup);
    expect(r.querySelector('form')).to.equal(null);
    expect(text(r.querySelector('.notice'))).to.equal('Only an admin can change these.');
    const values = [...r.querySelectorAll('dl.values dt')].map((dt) => `${text(dt)} = ${text(dt.nextElementSibling)}`);
    expect(values).to.include('Urgent priority: first response = 30 minutes');
    expect(values).to.include('Low priority: first response = Category’s target');
    expect(values).to.include('Level 1: supervisor = 24 hours');
    await expect(viewOf(sup)).to.be.accessible();
    fixtureCleanup();
    sessionStorage.removeItem(TOKEN_KEY);

    const agent = await signedIn('alice');
    button(shadow(agent).querySelector('nav.views')!, 'Settings')!.click();
    await waitUntil(() => settingsOf(agent)?.shadowRoot?.querySelector('[role="tab"]'), 'settings did not open', WAIT);
    expect(tabNames(agent)).to.not.include('Service levels');
  });

  it('speaks Chinese; an unreachable server is an error state with a retry', async () => {
    const el = await openTab(await signedIn('admin', 'zh-CN'), 'zh-CN');
    const r = root(el);
    expect(text(r.querySelector('h3'))).to.equal('服务级别');
    expect(labelled<HTMLInputElement>(r, '紧急优先级：首次响应').value).to.equal('30');
    expect(text(r.querySelector('#level-1 + select option:checked'))).to.equal('小时');
    expect(button(r, '保存')).to.exist;
    expect(text(r.querySelector('#applies-note'))).to.contain('更改仅适用于新工单');
    await expect(viewOf(el)).to.be.accessible();
    fixtureCleanup();

    const view = await fixture<ParleyConsoleServiceLevels>(html`<parley-console-service-levels server="http://127.0.0.1:9" .token=${'t'} lang="en"></parley-console-service-levels>`);
    expect(text(shadow(view).querySelector('[role="status"]'))).to.equal('Loading service levels…');
    await waitUntil(() => shadow(view).querySelector('.error'), 'no error state', WAIT);
    expect(text(shadow(view).querySelector('.error'))).to.equal('Could not load the service levels: Cannot reach the server.');
    expect(shadow(view).querySelector('.error')!.getAttribute('role')).to.equal('alert');
    expect(button(shadow(view), 'Try again')).to.exist;
    await expect(view).to.be.accessible();
  });
});
