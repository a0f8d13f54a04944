/**
 * The Audit log tab against the REAL server: an admin's retention changes appear newest first, a page
 * at a time, each with its before and after on request (by keyboard too); the filters narrow and can
 * come up empty; the CSV is the server's file; an unreachable server and an agent get clear errors.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { button, deepActive, labelled, server, shadow, signedIn, text, tokenOf, WAIT } from '../kb/kb-test-kit.js';
import { TOKEN_KEY } from '../console.session.js';
import '../console.js';
import type { ParleyConsoleAudit } from './console-audit.component.js';
import './audit.js';

type Hook = (fn: () => unknown) => void;
const { describe, it, afterEach } = globalThis as unknown as {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => unknown) => void;
  afterEach: Hook;
};
afterEach(() => {
  fixtureCleanup();
  sessionStorage.removeItem(TOKEN_KEY);
});

async function retentionPut(body: unknown): Promise<void> {
  const s = await server();
  const res = await fetch(`${s.url}/api/console/retention`, { method: 'PUT', headers: { authorization: `Bearer ${await tokenOf('admin')}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).to.equal(200);
}

async function mount(who: 'admin' | 'alice' = 'admin', opts: { lang?: string; url?: string; pageSize?: number } = {}): Promise<ParleyConsoleAudit> {
  const s = await server();
  return fixture<ParleyConsoleAudit>(html`<parley-console-audit lang=${opts.lang ?? 'en'} .server=${opts.url ?? s.url} .token=${await tokenOf(who)} .pageSize=${opts.pageSize ?? 50}></parley-console-audit>`);
}

const rows = (el: ParleyConsoleAudit) => [...shadow(el).querySelectorAll<HTMLTableRowElement>('tbody tr[data-id]')];
const loaded = (el: ParleyConsoleAudit) => waitUntil(() => rows(el).length > 0 || shadow(el).querySelector('.state.empty') || shadow(el).querySelector('[role="alert"]'), 'the log did not load', WAIT);

async function filterRetention(el: ParleyConsoleAudit): Promise<void> {
  const root = shadow(el);
  const select = labelled<HTMLSelectElement>(root, 'Kind of change');
  select.value = 'retention.';
  button(root, 'Apply filters')!.click();
  // The first page shown may already be all retention entries: wait for the filtered load itself.
  await el.updateComplete;
  await waitUntil(() => rows(el).length > 0 && rows(el).every((r) => text(r.querySelector('code')).startsWith('retention.')), 'the filter did not apply', WAIT);
}

describe('<parley-console-audit>', () => {
  it('is a Settings tab for admins (with Retention), and not for agents', async () => {
    const el = await signedIn('admin');
    button(shadow(el).querySelector('nav.views')!, 'Settings')!.click();
    const settings = () => shadow(el).querySelector('parley-console-settings')?.shadowRoot;
    await waitUntil(() => settings()?.querySelector('[role="tab"][data-tab="audit"]'), 'no Audit log tab', WAIT);
    expect(text(settings()!.querySelector('[data-tab="retention"]'))).to.equal('Retention');
    settings()!.querySelector<HTMLButtonElement>('[data-tab="audit"]')!.click();
    await waitUntil(() => settings()!.querySelector('parley-console-audit')?.shadowRoot?.querySelector('#audit-heading'), 'the tab did not open', WAIT);
    fixtureCleanup();

    const agent = await signedIn('alice');
    button(shadow(agent).querySelector('nav.views')!, 'Settings')!.click();
    await waitUntil(() => shadow(agent).querySelector('parley-console-settings')?.shadowRoot?.querySelector('h2'), 'no settings', WAIT);
    expect(shadow(agent).querySelector('parley-console-settings')!.shadowRoot!.querySelector('[data-tab="audit"]')).to.equal(null);
  });

  it('shows changes newest first, a page at a time, with before and after on request, by keyboard', async () => {
    // Three changes of our own, on top of whatever else the server has logged.
    for (const chatMonths of [7, 8, 9]) await retentionPut({ chatMonths });
    await retentionPut({ chatMonths: 6 });
    const el = await mount('admin', { pageSize: 2 });
    expect(text(shadow(el).querySelector('[role="status"].state'))).to.equal('Loading the audit log…');
    await loaded(el);
    await filterRetention(el);
    await expect(el).to.be.accessible();
    expect(rows(el)).to.have.length(2);
    const first = rows(el)[0]!;
    expect(text(first.querySelector('code'))).to.equal('retention.settings_changed');
    expect(text(first.children[1])).to.contain('admin@parley.test');

    // Enter on the first row's toggle shows 9 -> 6.
    const toggle = first.querySelector<HTMLButtonElement>('button.toggle')!;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => toggle.getAttribute('aria-expanded') === 'true', 'did not expand', WAIT);
    const changes = shadow(el).querySelector(`#changes-${first.dataset.id}`)!;
    const cells = [...changes.querySelectorAll('table.changes > tbody > tr')].map((r) => [...r.children].map((c) => text(c)));
    expect(cells).to.deep.equal([['chatMonths', '9', '6']]);
    await expect(el).to.be.accessible();

    // Load more: the next two, and the keyboard lands on the first new row.
    button(shadow(el), 'Load more')!.click();
    await waitUntil(() => rows(el).length === 4, 'no more rows', WAIT);
    expect(deepActive()).to.equal(rows(el)[2]!.querySelector('button.toggle'));
    rows(el)[2]!.querySelector<HTMLButtonElement>('button.toggle')!.click();
    await waitUntil(() => shadow(el).querySelector(`#changes-${rows(el)[2]!.dataset.id} table.changes > tbody > tr`), 'no changes', WAIT);
    expect([...shadow(el).querySelectorAll(`#changes-${rows(el)[2]!.dataset.id} table.changes > tbody td`)].map((c) => text(c))).to.deep.equal(['7', '8']);
  });

  it('downloads the filtered log as the server\'s CSV', async () => {
    await retentionPut({ ticketMonths: 30 });
    await retentionPut({ ticketMonths: 24 });
    const el = await mount('admin');
    await loaded(el);
    await filterRetention(el);
    let saved: { blob: Blob; name: string } | null = null;
    el.save = (blob, name) => (saved = { blob, name });
    const download = button(shadow(el), 'Download CSV')!;
    expect(download.disabled, 'download enabled').to.equal(false);
    download.click();
    await waitUntil(() => saved || shadow(el).querySelector('[role="alert"]'), `nothing was saved (${text(shadow(el).querySelector('.visually-hidden[role="status"]'))})`, WAIT);
    expect(text(shadow(el).querySelector('[role="alert"]'))).to.equal('');
    expect(saved!.name).to.match(/^parley-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await saved!.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).to.equal('Time (UTC),Actor,Actor email,Action,Target type,Target id,Before,After,IP address');
    expect(lines.slice(1, -1).every((l) => l.includes(',retention.'))).to.equal(true);
    await waitUntil(() => text(shadow(el).querySelector('.visually-hidden[role="status"]')) === 'The CSV file was downloaded.', 'not announced', WAIT);
  });

  it('says so when nothing matches, and in Chinese', async () => {
    const el = await mount('admin', { lang: 'zh-CN' });
    await loaded(el);
    expect(text(shadow(el).querySelector('h3'))).to.equal('审计日志');
    const q = labelled<HTMLInputElement>(shadow(el), '包含');
    q.value = `no-such-thing-${Math.random().toString(36).slice(2)}`;
    button(shadow(el), '应用筛选')!.click();
    await waitUntil(() => shadow(el).querySelector('.state.empty'), 'no empty state', WAIT);
    expect(text(shadow(el).querySelector('.state.empty'))).to.equal('没有符合筛选条件的记录。');
    expect(button(shadow(el), '下载 CSV')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry when the server cannot be reached, and the refusal an agent gets', async () => {
    const down = await mount('admin', { url: 'http://127.0.0.1:9' });
    await waitUntil(() => shadow(down).querySelector('[role="alert"]'), 'no error', WAIT);
    expect(text(shadow(down).querySelector('[role="alert"]'))).to.equal('The audit log could not be loaded: Cannot reach the server.');
    expect(button(shadow(down), 'Try again')).to.exist;
    await expect(down).to.be.accessible();
    fixtureCleanup();

    const agent = await mount('alice');
    await waitUntil(() => shadow(agent).querySelector('[role="alert"]'), 'no refusal', WAIT);
    expect(text(shadow(agent).querySelector('[role="alert"]'))).to.match(/only an admin/);
  });
});
