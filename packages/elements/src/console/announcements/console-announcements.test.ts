/**
 * The console's announcements against the REAL server: an admin writes an urgent announcement for
 * Support, previews it as Support and as Sales, publishes it; employees open the announcement stream
 * with tokens their intranet signs (EmployeeClient, as the banner does) and one acknowledges; the
 * receipts show one acknowledged and who is missing, by department; "remind them" pushes it again;
 * the CSV downloads; agents have no such view.
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { EmployeeClient, memoryStore } from '@parley/client/employee';
import type { Announcement, EmployeeAnnouncement } from '@parley/protocol';
import type { ParleyConsole } from '../console.component.js';
import { TOKEN_KEY } from '../console.session.js';
import { sendKeys } from '@web/test-runner-commands';
import { button, deepActive, labelled, server, shadow, signedIn, tabTo, text, tokenOf, type, unique, WAIT } from '../tickets/tickets-test-kit.js';
import type { ParleyConsoleAnnouncements } from './console-announcements.component.js';
import { percent } from './receipts.templates.js';
import '../console.js';

type Hook = (fn: () => unknown) => void;
const { describe, it, afterEach } = globalThis as unknown as {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => unknown) => void;
  afterEach: Hook;
};

const sockets: EmployeeClient[] = [];
const realConfirm = window.confirm;
afterEach(() => {
  fixtureCleanup();
  sessionStorage.removeItem(TOKEN_KEY);
  window.confirm = realConfirm;
  for (const s of sockets.splice(0)) s.disconnect();
});

const viewOf = (el: ParleyConsole) => shadow(el).querySelector('parley-console-announcements') as ParleyConsoleAnnouncements | null;
const root = (el: ParleyConsole) => shadow(viewOf(el)!);
const editorRoot = (el: ParleyConsole) => shadow(root(el).querySelector('parley-console-announcement-editor')!);
const announced = (el: ParleyConsole) => text(root(el).querySelector('[role="status"]'));

/** An employee on an intranet page with the banner: its announcement stream open, with a token their intranet signed. */
async function employee(sub: string, departments: string[]): Promise<EmployeeClient> {
  const s = await server();
  const res = await fetch(`/__parley__/employee-token.json?sub=${encodeURIComponent(sub)}&departments=${encodeURIComponent(departments.join(','))}`);
  const { token } = (await res.json()) as { token: string };
  const client = new EmployeeClient({ server: s.url, siteKey: s.siteKey, token, storage: memoryStore() });
  sockets.push(client);
  await client.connect();
  await waitUntil(() => client.state.loaded, 'the employee stream did not open', WAIT);
  return client;
}

/** Acknowledges and waits until the server has it. */
async function acknowledge(client: EmployeeClient, id: string): Promise<void> {
  client.acknowledge(id);
  await waitUntil(() => client.unconfirmed.length === 0, 'the acknowledgement was not confirmed', WAIT);
}

async function announcementTitled(title: string): Promise<Announcement | undefined> {
  const s = await server();
  const res = await fetch(`${s.url}/api/console/announcements`, { headers: { authorization: `Bearer ${await tokenOf('admin')}` } });
  return ((await res.json()) as { announcements: Announcement[] }).announcements.find((a) => a.versions[0]?.title === title);
}

describe('<parley-console> announcements', () => {
  it('an admin writes an urgent announcement for Support, previews and publishes it; receipts, remind and CSV follow', async () => {
    const title = unique('Network maintenance ');
    const el = await signedIn('admin');
    button(shadow(el).querySelector('nav.views')!, 'Announcements')!.click();
    await waitUntil(() => viewOf(el)?.shadowRoot?.querySelector('#announcements-heading'), 'the announcements view did not load', WAIT);
    await waitUntil(() => deepActive()?.id === 'announcements-heading', 'focus did not move to the heading', WAIT);
    await waitUntil(() => root(el).querySelector('table, .state.empty'), 'the list did not load', WAIT);

    button(root(el), 'New announcement')!.click();
    await waitUntil(() => root(el).querySelector('parley-console-announcement-editor')?.shadowRoot?.querySelector('h3'), 'no editor', WAIT);
    const ed = editorRoot(el);
    expect(text(ed.querySelector('h3'))).to.equal('New announcement');
    await waitUntil(() => deepActive() === ed.querySelector('h3'), 'focus did not move to the editor', WAIT);
    type(labelled<HTMLInputElement>(ed, 'Title · English'), title);
    type(labelled<HTMLTextAreaElement>(ed, 'Text · English'), 'The VPN is down **tonight** from 22:00.\n\n<img src=x onerror="alert(1)">');
    type(labelled<HTMLInputElement>(ed, 'Title · 简体中文'), '网络维护');
    type(labelled<HTMLTextAreaElement>(ed, 'Text · 简体中文'), '今晚 22:00 起 VPN **停用**。');
    labelled<HTMLInputElement>(ed, 'Urgent').click();
    labelled<HTMLInputElement>(ed, 'Some departments').click();
    await waitUntil(() => ed.querySelector('.departments'), 'no department choice', WAIT);
    labelled<HTMLInputElement>(ed, 'Support').click();
    labelled<HTMLInputElement>(ed, 'Employees must acknowledge it').click();

    // Previews render the unsaved text on the server; the markup is sanitised again here.
    const previewAs = labelled<HTMLSelectElement>(ed, 'Preview as');
    const supportId = (await server()).departments.support.id;
    previewAs.value = supportId;
    previewAs.dispatchEvent(new Event('change'));
    button(ed, 'Show preview')!.click();
    await waitUntil(() => ed.querySelector('.preview strong'), 'no rendered preview', WAIT);
    expect(text(ed.querySelector('.preview h5'))).to.equal(title);
    expect(text(ed.querySelector('.preview strong'))).to.equal('tonight');
    expect(ed.querySelector('.preview [onerror]'), 'an event handler survived').to.equal(null);
    expect(announced(el)).to.equal('Preview updated.');
    const lang = labelled<HTMLSelectElement>(ed, 'Language');
    lang.value = 'zh-CN';
    lang.dispatchEvent(new Event('change'));
    previewAs.value = (await server()).departments.sales.id;
    previewAs.dispatchEvent(new Event('change'));
    button(ed, 'Show preview')!.click();
    await waitUntil(() => text(ed.querySelector('.preview h5')) === '网络维护', 'no Chinese preview', WAIT);
    expect(text(ed.querySelector('.preview-panel .notice'))).to.match(/^This person is not in the audience/);
    expect(await announcementTitled(title), 'a preview saved something').to.equal(undefined);

    await expect(root(el).querySelector('parley-console-announcement-editor')).to.be.accessible();

    button(ed, 'Save draft')!.click();
    await waitUntil(() => announced(el) === 'Announcement saved.', `not saved (${announced(el)})`, WAIT);
    const draft = await announcementTitled(title);
    expect(draft?.status).to.equal('draft');
    expect(draft?.priority).to.equal('urgent');
    expect(draft?.ackRequired).to.equal(true);
    expect(draft?.audience).to.deep.include({ kind: 'departments', departmentIds: [supportId] });
    expect(draft?.versions.map((v) => v.locale)).to.deep.equal(['en', 'zh-CN']);

    button(editorRoot(el), 'Publish now')!.click();
    await waitUntil(() => announced(el) === 'The announcement is live.', `not published (${announced(el)})`, WAIT);
    await waitUntil(() => text(root(el).querySelector('#announcement-heading')) === `${title} Urgent Live`, 'the receipts screen did not open', WAIT);

    // Two Support employees open the intranet; one acknowledges. A Sales employee is not in the audience.
    const a = await employee(unique('emp-sup-a-'), ['Support']);
    const bSub = unique('emp-sup-b-');
    const b = await employee(bSub, ['Support']);
    const c = await employee(unique('emp-sales-'), ['Sales']);
    const mine = a.state.announcements.find((x) => x.title === title);
    expect(mine?.priority).to.equal('urgent');
    expect(c.state.announcements.some((x) => x.title === title)).to.equal(false);
    await acknowledge(a, mine!.id);

    // The known audience is every Support employee who opened the intranet lately: on this shared test
    // server other files' people count too, so the figures are checked against the server's receipts.
    const receipts = (await (
      await fetch(`${(await server()).url}/api/console/announcements/${mine!.id}/receipts`, { headers: { authorization: `Bearer ${await tokenOf('admin')}` } })
    ).json()) as { receipts: { audienceKnown: number; acknowledged: number; acknowledgedRate: number } };
    const known = receipts.receipts.audienceKnown;
    expect(known).to.be.greaterThanOrEqual(2);
    expect(receipts.receipts.acknowledged).to.equal(1);
    const ackPct = percent('en', receipts.receipts.acknowledgedRate);

    // The list: live, urgent, one acknowledged.
    button(root(el), 'Back to announcements')!.click();
    await waitUntil(() => button(root(el), title), 'the announcement is not listed', WAIT);
    // The list is fetched again on the way back; the one loaded at publishing shows no receipts yet.
    await waitUntil(() => text(root(el).querySelector(`tr[data-id="${mine!.id}"]`)).includes(`${ackPct} acknowledged`), 'the list did not refresh', WAIT);
    const row = root(el).querySelector(`tr[data-id="${mine!.id}"]`)!;
    expect([...row.querySelectorAll('td')].map((td) => text(td))).to.deep.include.members(['Urgent', 'Live', '1 department']);
    expect(text(row)).to.contain(`${ackPct} acknowledged`);

    button(root(el), title)!.click();
    await waitUntil(() => root(el).querySelector('.summary'), 'no receipts', WAIT);
    const r = root(el);
    expect(text(r.querySelector('.summary'))).to.contain(`Acknowledged 1 of ${known} (${ackPct})`);
    expect(text(r.querySelector('.missing caption'))).to.equal(`Support: ${known - 1} not acknowledged`);
    expect([...r.querySelectorAll('.missing tbody th')].map((th) => text(th)).some((t) => t.includes(bSub))).to.equal(true);
    await expect(viewOf(el)).to.be.accessible();

    // Remind them: the one who has not acknowledged gets it pushed again.
    const pushed = new Promise<EmployeeAnnouncement>((resolve) => b.addEventListener('arrived', (e) => resolve((e as CustomEvent<EmployeeAnnouncement>).detail)));
    button(r, 'Remind them')!.click();
    const expectReminded = known - 1 === 1 ? 'Reminder sent to 1 person.' : `Reminder sent to ${known - 1} people.`;
    await waitUntil(() => announced(el) === expectReminded, `not reminded (${announced(el)})`, WAIT);
    const again = await pushed;
    expect([again.id, again.reminder]).to.deep.equal([mine!.id, true]);

    button(r, 'Download CSV')!.click();
    await waitUntil(() => /\.csv downloaded\.$/.test(announced(el)), `no CSV (${announced(el)})`, WAIT);
    const csv = await fetch(`${(await server()).url}/api/console/announcements/${mine!.id}/receipts.csv`, { headers: { authorization: `Bearer ${await tokenOf('admin')}` } });
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)], 'UTF-8 BOM').to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).to.contain(bSub);

    // Withdraw: gone from the employees' banners.
    const gone = waitUntil(() => !b.state.announcements.some((x) => x.id === mine!.id), 'not withdrawn from the banner', WAIT);
    window.confirm = () => true;
    button(r, 'Withdraw')!.click();
    await waitUntil(() => announced(el) === 'The announcement is withdrawn.', `not withdrawn (${announced(el)})`, WAIT);
    await gone;
    expect(text(root(el).querySelector('#announcement-heading'))).to.equal(`${title} Urgent Withdrawn`);
    expect(button(root(el), 'Remind them')).to.equal(undefined);

    fixtureCleanup();
    const agent = await signedIn('alice');
    expect(button(shadow(agent).querySelector('nav.views')!, 'Announcements')).to.equal(undefined);
  });

  it('by keyboard: a refusal is shown and the text kept; a later start schedules it, and a scheduled one can be edited and withdrawn', async () => {
    const title = unique('Office move ');
    const el = await signedIn('admin');
    button(shadow(el).querySelector('nav.views')!, 'Announcements')!.click();
    await waitUntil(() => deepActive()?.id === 'announcements-heading', 'focus did not move to the heading', WAIT);
    await tabTo((a) => text(a) === 'New announcement', 'New announcement');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('parley-console-announcement-editor')?.shadowRoot?.querySelector('h3'), 'no editor', WAIT);
    const ed = editorRoot(el);
    await waitUntil(() => deepActive() === ed.querySelector('h3'), 'focus did not move to the editor', WAIT);
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(labelled(ed, 'Title · English'));
    await sendKeys({ type: title });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'We move to the **fifth floor**.' });
    const starts = labelled<HTMLInputElement>(ed, 'Starts (optional)');
    starts.value = '2031-05-02T10:00';
    starts.dispatchEvent(new Event('change'));
    const ends = labelled<HTMLInputElement>(ed, 'Ends (optional)');
    ends.value = '2031-05-01T10:00';
    ends.dispatchEvent(new Event('change'));
    await waitUntil(() => button(ed, 'Schedule'), 'a future start does not offer Schedule', WAIT);
    (await tabTo((a) => text(a) === 'Save draft', 'Save draft')) as HTMLElement;
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => ed.querySelector('.error[role="alert"]'), 'no error shown', WAIT);
    expect(text(ed.querySelector('.error'))).to.match(/^Something went wrong: .*endsAt must be after startsAt/);
    expect(deepActive()).to.equal(ed.querySelector('.error'));
    expect(labelled<HTMLInputElement>(ed, 'Title · English').value).to.equal(title);
    expect(await announcementTitled(title), 'a refused save stored something').to.equal(undefined);

    ends.value = '2031-05-03T10:00';
    ends.dispatchEvent(new Event('change'));
    button(ed, 'Schedule')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => announced(el) === 'The announcement is scheduled.', `not scheduled (${announced(el)})`, WAIT);
    await waitUntil(() => text(root(el).querySelector('#announcement-heading')) === `${title} Normal Scheduled`, 'the scheduled one is not shown', WAIT);
    expect((await announcementTitled(title))?.startsAt).to.equal(new Date('2031-05-02T10:00').toISOString());

    button(root(el), 'Edit announcement')!.click();
    await waitUntil(() => root(el).querySelector('parley-console-announcement-editor')?.shadowRoot?.querySelector('h3'), 'no editor for the scheduled one', WAIT);
    const ed2 = editorRoot(el);
    expect(text(ed2.querySelector('h3'))).to.equal('Edit announcement Scheduled');
    type(labelled<HTMLInputElement>(ed2, 'Title · 繁體中文'), '辦公室搬遷');
    type(labelled<HTMLTextAreaElement>(ed2, 'Text · 繁體中文'), '我們搬到五樓。');
    button(ed2, 'Save changes')!.click();
    await waitUntil(() => announced(el) === 'Announcement saved.', `not saved (${announced(el)})`, WAIT);
    const saved = await announcementTitled(title);
    expect([saved?.status, saved?.versions.map((v) => v.locale)]).to.deep.equal(['scheduled', ['en', 'zh-TW']]);

    window.confirm = () => true;
    button(ed2, 'Withdraw')!.click();
    await waitUntil(() => announced(el) === 'The announcement is withdrawn.', `not withdrawn (${announced(el)})`, WAIT);
    expect((await announcementTitled(title))?.status).to.equal('withdrawn');
  });

  it('speaks 简体中文 and 繁體中文', async () => {
    for (const [lang, nav, empty] of [
      ['zh-CN', '公告', '新建公告'],
      ['zh-TW', '公告', '新增公告'],
    ] as const) {
      const el = await signedIn('admin', lang);
      button(shadow(el).querySelector('nav.views')!, nav)!.click();
      await waitUntil(() => viewOf(el)?.shadowRoot && button(root(el), empty), `no ${lang} view`, WAIT);
      expect(text(root(el).querySelector('#announcements-heading'))).to.equal('公告');
      fixtureCleanup();
    }
  });
});
