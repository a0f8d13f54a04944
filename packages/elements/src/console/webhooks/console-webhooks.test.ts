/**
 * The console's Integrations view against the REAL server: an admin adds an endpoint on a local port
 * nothing listens on; its secret is shown once; a test event reports the refused connection; a filed
 * ticket shows in the delivery log; a delivery opens with its tries and can be resent; a bad URL shows
 * the server's message and makes nothing; agents have no such view.
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import type { WebhookDelivery, WebhookEndpoint } from '@parley/protocol';
import type { ParleyConsole } from '../console.component.js';
import { TOKEN_KEY } from '../console.session.js';
import { button, deepActive, fileTicket, labelled, server, shadow, signedIn, text, tokenOf, type, unique, WAIT } from '../tickets/tickets-test-kit.js';
import type { ParleyConsoleWebhooks } from './console-webhooks.component.js';
import '../console.js';

type Hook = (fn: () => unknown) => void;
const { describe, it, afterEach } = globalThis as unknown as {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => unknown) => void;
  afterEach: Hook;
};

const realConfirm = window.confirm;
afterEach(() => {
  fixtureCleanup();
  sessionStorage.removeItem(TOKEN_KEY);
  window.confirm = realConfirm;
});

/** Port 9 (discard) is closed on the test machine: every call is refused at once. */
const UNREACHABLE = 'http://127.0.0.1:9/hook';

const viewOf = (el: ParleyConsole) => shadow(el).querySelector('parley-console-webhooks') as ParleyConsoleWebhooks | null;
const root = (el: ParleyConsole) => shadow(viewOf(el)!);
const editorRoot = (el: ParleyConsole) => shadow(root(el).querySelector('parley-console-webhook-editor')!);
const logRoot = (el: ParleyConsole) => shadow(root(el).querySelector('parley-console-webhook-log')!);
const announced = (el: ParleyConsole) => text(root(el).querySelector('.visually-hidden[role="status"]'));

async function webhooksApi<T>(path: string): Promise<T> {
  const s = await server();
  const res = await fetch(`${s.url}/api/console/webhooks${path}`, { headers: { authorization: `Bearer ${await tokenOf('admin')}` } });
  expect(res.status, `GET webhooks${path}`).to.equal(200);
  return (await res.json()) as T;
}
const endpoints = () => webhooksApi<{ endpoints: WebhookEndpoint[] }>('').then((r) => r.endpoints);
const deliveriesOf = (id: string) => webhooksApi<{ deliveries: WebhookDelivery[] }>(`/deliveries?endpoint=${id}`).then((r) => r.deliveries);

async function openIntegrations(): Promise<ParleyConsole> {
  const el = await signedIn('admin');
  button(shadow(el).querySelector('nav.views')!, 'Integrations')!.click();
  await waitUntil(() => viewOf(el)?.shadowRoot?.querySelector('#webhooks-heading'), 'the integrations view did not load', WAIT);
  await waitUntil(() => deepActive()?.id === 'webhooks-heading', 'focus did not move to the heading', WAIT);
  await waitUntil(() => root(el).querySelector('parley-console-webhook-log')?.shadowRoot?.querySelector('#log-heading'), 'no delivery log', WAIT);
  return el;
}

async function newEndpoint(el: ParleyConsole): Promise<ShadowRoot> {
  button(root(el), 'New endpoint')!.click();
  await waitUntil(() => root(el).querySelector('parley-console-webhook-editor')?.shadowRoot?.querySelector('h3'), 'no editor', WAIT);
  return editorRoot(el);
}

describe('<parley-console> integrations', () => {
  it('an admin adds an endpoint, sees its secret once, tests it, and follows deliveries in the log', async () => {
    const name = unique('Ops hook ');
    const el = await openIntegrations();
    await expect(viewOf(el)).to.be.accessible();

    const ed = await newEndpoint(el);
    expect(text(ed.querySelector('h3'))).to.equal('New endpoint');
    await waitUntil(() => deepActive() === ed.querySelector('h3'), 'focus did not move to the editor', WAIT);
    type(labelled<HTMLInputElement>(ed, 'Name'), name);
    type(labelled<HTMLInputElement>(ed, 'URL'), UNREACHABLE);
    expect(labelled<HTMLInputElement>(ed, 'Parley JSON (signed)').checked).to.equal(true);
    expect(labelled<HTMLInputElement>(ed, 'An announcement is published')).to.exist;
    labelled<HTMLInputElement>(ed, 'A ticket is filed').click();
    await expect(root(el).querySelector('parley-console-webhook-editor')).to.be.accessible();
    button(ed, 'Save')!.click();

    await waitUntil(() => ed.querySelector<HTMLInputElement>('#secret-once'), 'the secret was not shown', WAIT);
    const secret = labelled<HTMLInputElement>(ed, 'Secret').value;
    expect(secret).to.match(/^whsec_/);
    expect(labelled<HTMLInputElement>(ed, 'Secret').readOnly).to.equal(true);
    expect(text(ed.querySelector('.secret-once'))).to.contain('it will not be shown again');
    expect(button(ed, 'Copy')).to.exist;
    expect(text(ed.querySelector('h3'))).to.equal('Edit endpoint');
    await waitUntil(() => announced(el) === 'Endpoint created.', 'creating was not announced', WAIT);
    const made = (await endpoints()).find((e) => e.name === name)!;
    expect(made).to.include({ url: UNREACHABLE, format: 'parley', active: true, locale: 'en' });
    expect(made.events).to.deep.equal(['ticket.created']);
    expect(made.secretHint).to.equal(`…${secret.slice(-4)}`);
    await expect(root(el).querySelector('parley-console-webhook-editor')).to.be.accessible();

    button(ed, 'Send test event')!.click();
    await waitUntil(() => /^Test event failed: .*ECONNREFUSED/.test(text(ed.querySelector('.test-result[role="status"]'))), `the refusal was not reported: "${text(ed.querySelector('.test-result'))}"`, WAIT);

    // Back in the list the secret is only a hint, and reopening does not show it again.
    button(root(el), 'Back to integrations')!.click();
    await waitUntil(() => root(el).querySelector(`table.endpoints tr[data-id="${made.id}"]`), 'the endpoint is not listed', WAIT);
    const row = root(el).querySelector(`table.endpoints tr[data-id="${made.id}"]`)!;
    expect(text(row)).to.contain(name).and.contain('Parley JSON (signed)').and.contain(UNREACHABLE).and.contain('1 event').and.contain(`••••${secret.slice(-4)}`);
    expect(deepActive()).to.equal(row.querySelector('button.open'));

    // The test is in the log, failed after its one try.
    await waitUntil(() => logRoot(el).querySelector('tbody tr[data-status="failed"]'), 'the test delivery is not in the log', WAIT);
    const failed = logRoot(el).querySelector('tbody tr[data-status="failed"]')!;
    expect(text(failed)).to.contain('A ticket is filed').and.contain(name).and.contain('Failed').and.contain('ECONNREFUSED');

    // A real event: the delivery is made when the ticket is; the job runner tries it on its own tick.
    await fileTicket({ slug: 'complaint', subject: unique('Webhook ticket ') });
    await waitUntil(async () => (await deliveriesOf(made.id)).length === 2, 'no delivery for the filed ticket', WAIT);
    const log = logRoot(el);
    const filter = labelled<HTMLSelectElement>(log, 'Endpoint');
    filter.value = made.id;
    filter.dispatchEvent(new Event('change'));
    await waitUntil(() => log.querySelectorAll('tbody tr').length === 2, 'the filtered log does not show both deliveries', WAIT);
    const newest = log.querySelector('tbody tr')!;
    expect(text(newest)).to.contain('A ticket is filed');
    expect(newest.getAttribute('data-status')).to.be.oneOf(['pending', 'failed']);
    expect(text(newest.querySelector('.badge'))).to.be.oneOf(['Pending', 'Failed']);
    await expect(viewOf(el)).to.be.accessible();

    // The test delivery opens with its try; a resend is a new delivery of the same event.
    (log.querySelectorAll<HTMLButtonElement>('tbody tr button.open')[1] ?? failed.querySelector('button.open'))!.click();
    await waitUntil(() => log.querySelector('#delivery-heading') && deepActive()?.id === 'delivery-heading', 'the delivery did not open', WAIT);
    expect(text(log.querySelector('#delivery-heading'))).to.contain('A ticket is filed').and.contain('Failed').and.contain('test');
    const tries = log.querySelectorAll('table.tries tbody tr');
    expect(tries.length).to.equal(1);
    expect(text(tries[0])).to.contain('ECONNREFUSED');
    expect(text(log.querySelector('pre.payload'))).to.contain('"type": "ticket.created"');
    await expect(root(el).querySelector('parley-console-webhook-log')).to.be.accessible();
    button(log, 'Resend')!.click();
    await waitUntil(() => announced(el) === 'Resent: a new delivery is queued.', 'the resend was not announced', WAIT);
    await waitUntil(() => text(log.querySelector('.hint')) === 'Resend of an earlier delivery', 'the new delivery did not open', WAIT);
    expect(await deliveriesOf(made.id)).to.have.length(3);
    button(log, 'Back to the log')!.click();
    await waitUntil(() => log.querySelectorAll('tbody tr').length === 3, 'the resend is not in the log', WAIT);
  });

  it('a bad URL shows the server’s message and makes nothing; deleting asks first', async () => {
    const name = unique('Bad hook ');
    const el = await openIntegrations();
    const ed = await newEndpoint(el);
    type(labelled<HTMLInputElement>(ed, 'Name'), name);
    type(labelled<HTMLInputElement>(ed, 'URL'), 'ftp://x');
    labelled<HTMLInputElement>(ed, 'DingTalk group robot').click();
    labelled<HTMLInputElement>(ed, 'An announcement is published').click();
    button(ed, 'Save')!.click();
    await waitUntil(() => ed.querySelector('.error[role="alert"]'), 'no error shown', WAIT);
    expect(text(ed.querySelector('.error'))).to.contain('url must start with https:// or http://');
    expect(deepActive()).to.equal(ed.querySelector('.error'));
    expect(text(ed.querySelector('h3'))).to.equal('New endpoint');
    expect((await endpoints()).some((e) => e.name === name)).to.equal(false);

    // Fixed, it saves as a robot: no secret shown, as DingTalk's is the admin's own.
    type(labelled<HTMLInputElement>(ed, 'URL'), UNREACHABLE);
    button(ed, 'Save')!.click();
    await waitUntil(() => text(ed.querySelector('h3')) === 'Edit endpoint', 'the fixed endpoint was not saved', WAIT);
    expect(ed.querySelector('#secret-once')).to.equal(null);
    expect(button(ed, 'Rotate secret')).to.equal(undefined);
    const made = (await endpoints()).find((e) => e.name === name)!;
    expect(made).to.include({ format: 'dingtalk', secretHint: null });
    expect(made.events).to.deep.equal(['announcement.published']);

    window.confirm = () => false;
    button(ed, 'Delete endpoint')!.click();
    expect((await endpoints()).some((e) => e.id === made.id)).to.equal(true);
    window.confirm = () => true;
    button(ed, 'Delete endpoint')!.click();
    await waitUntil(() => announced(el) === 'Endpoint deleted.', 'deleting was not announced', WAIT);
    await waitUntil(() => root(el).querySelector('table.endpoints, .state.empty') && !root(el).querySelector(`tr[data-id="${made.id}"]`), 'the endpoint is still listed', WAIT);
    expect((await endpoints()).some((e) => e.id === made.id)).to.equal(false);
  });

  for (const [lang, nav, heading] of [
    ['zh-CN', '集成', '集成'],
    ['zh-TW', '整合', '整合'],
  ] as const) {
    it(`reads in ${lang}`, async () => {
      const el = await signedIn('admin', lang);
      button(shadow(el).querySelector('nav.views')!, nav)!.click();
      await waitUntil(() => viewOf(el)?.shadowRoot?.querySelector('#webhooks-heading'), `no ${lang} view`, WAIT);
      await waitUntil(() => text(root(el).querySelector('#webhooks-heading')) === heading, `the heading is not in ${lang}`, WAIT);
    });
  }

  it('agents have no Integrations view', async () => {
    const agent = await signedIn('alice');
    expect(button(shadow(agent).querySelector('nav.views')!, 'Integrations')).to.equal(undefined);
    expect(button(shadow(agent).querySelector('nav.views')!, 'Tickets')).to.exist;
  });
});
