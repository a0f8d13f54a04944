/**
 * The console's Reports view against the REAL server: who sees it, what it shows for what happened
 * (a ticket filed now is counted today), CSV downloads with a BOM, Chinese, keyboard use and axe.
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import type { ParleyConsole } from '../console.component.js';
import { TOKEN_KEY } from '../console.session.js';
import { button, deepActive, fileTicket, server, shadow, signedIn, tabTo, text, tokenOf, unique, WAIT } from '../tickets/tickets-test-kit.js';
import type { ParleyConsoleReports } from './console-reports.component.js';
import '../console.js';

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

const reportsOf = (el: ParleyConsole) => shadow(el).querySelector('parley-console-reports') as ParleyConsoleReports | null;
const root = (el: ParleyConsole) => shadow(reportsOf(el)!);
const nav = (el: ParleyConsole) => shadow(el).querySelector('nav.views')!;

/** The value on a section's card, by the card's visible name. */
function card(el: ParleyConsole, name: string): string {
  const dt = [...root(el).querySelectorAll('.card dt')].find((d) => text(d) === name);
  return text(dt?.parentElement?.querySelector('.value'));
}

async function openReports(el: ParleyConsole, name = 'Reports'): Promise<ShadowRoot> {
  button(nav(el), name)!.click();
  await waitUntil(() => reportsOf(el)?.shadowRoot?.querySelector('#section-volume'), 'the reports did not load', WAIT);
  return root(el);
}

describe('<parley-console> reports', () => {
  it('shows supervisors and admins the figures of what happened, each section with a chart and a table; agents have no Reports', async () => {
    const subject = unique('Report count ');
    const before = await signedIn('admin');
    let r = await openReports(before);
    const ticketsBefore = Number(card(before, 'Tickets').replace(/\D/g, '')) || 0;
    fixtureCleanup();

    await fileTicket({ slug: 'complaint', subject });
    const el = await signedIn('admin');
    r = await openReports(el);
    await waitUntil(() => Number(card(el, 'Tickets').replace(/\D/g, '')) === ticketsBefore + 1, `the ticket filed now is not counted (shows ${card(el, 'Tickets')})`, WAIT);
    const headings = [...r.querySelectorAll('.report-section h3')].map(text);
    expect(headings).to.include.members(['Volume', 'Response times', 'Targets (SLA)', 'Bot', 'Help center', 'Satisfaction', 'Monthly communication reports']);
    // Every section's figures are in a table too (the chart is an image with a name, not the only copy).
    for (const chart of r.querySelectorAll('parley-report-chart')) {
      expect(shadow(chart).querySelector('canvas')?.getAttribute('role')).to.equal('img');
      expect(shadow(chart).querySelector('canvas')?.getAttribute('aria-label')).to.match(/^Chart of /);
    }
    expect(r.querySelectorAll('.report-section table').length).to.be.greaterThanOrEqual(6);
    // Compared with the period before by default: each card says what it was.
    expect(text(r.querySelector('.card .previous'))).to.match(/^before: /);

    // The volume table by channel has the feedback form's line.
    const volume = r.querySelector('[aria-labelledby="section-volume"]')!;
    button(volume, 'By channel')!.click();
    await waitUntil(() => [...volume.querySelectorAll('tbody th')].some((th) => text(th) === 'Feedback form'), 'no Feedback form line by channel', WAIT);

    await expect(reportsOf(el)).to.be.accessible();

    fixtureCleanup();
    const agent = await signedIn('alice');
    expect(button(nav(agent), 'Reports')).to.equal(undefined);
  });

  it('downloads a section as CSV with a BOM, and the server refuses agents', async () => {
    const s = await server();
    const today = new Date().toISOString().slice(0, 10);
    const url = `${s.url}/api/console/reports?from=${today}&to=${today}&format=csv&section=volume`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${await tokenOf('admin')}` } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);

    const refused = await fetch(url, { headers: { authorization: `Bearer ${await tokenOf('alice')}` } });
    expect(refused.status).to.equal(403);

    const el = await signedIn('admin');
    const r = await openReports(el);
    button(r.querySelector('[aria-labelledby="section-volume"]')!, 'Download CSV')!.click();
    await waitUntil(() => /\.csv downloaded\.$/.test(text(r.querySelector('[role="status"]'))), 'the download was not announced', WAIT);
  });

  it('works by keyboard alone and reads in Chinese', async () => {
    const el = await signedIn('admin', 'zh-CN');
    await tabTo((e) => text(e) === '报表', 'the Reports view button');
    const { sendKeys } = await import('@web/test-runner-commands');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => reportsOf(el)?.shadowRoot?.querySelector('#section-volume'), 'the reports did not load', WAIT);
    await waitUntil(() => deepActive()?.id === 'reports-heading', 'focus did not move to the Reports heading', WAIT);
    const r = root(el);
    expect(text(r.querySelector('#reports-heading'))).to.equal('报表');
    expect([...r.querySelectorAll('.report-section h3')].map(text)).to.include.members(['业务量', '响应时间', '满意度']);
    // Changing the period and pressing Show (Enter in the form) loads the new period.
    const preset = r.querySelector<HTMLSelectElement>('#preset')!;
    preset.focus();
    preset.value = '7d';
    preset.dispatchEvent(new Event('change'));
    r.querySelector<HTMLButtonElement>('button[type="submit"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => /已显示 .* 至 .* 的报表/.test(text(r.querySelector('[role="status"]'))), 'the new period was not announced', WAIT);
  });
});
