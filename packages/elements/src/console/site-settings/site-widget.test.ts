/**
 * What the Site tab's launcher settings do for visitors, in real Chromium against the real server:
 * parley.js (the budgeted loader, from source) colours and places its placeholder launcher from
 * GET /api/sites/:key/widget before any chat code loads, and a <parley-chat> on its own greets with the
 * site's greeting and takes its colour and side on open. The site is put back afterwards.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { SiteInfo, SiteSettings } from '@parley/protocol';
import { server, shadow, text, tokenOf, WAIT } from '../tickets/tickets-test-kit.js';
import '../../chat/chat.js';

type Hook = (fn: () => unknown) => void;
const { describe, it, before, after } = globalThis as unknown as { describe: (n: string, fn: () => void) => void; it: (n: string, fn: () => unknown) => void; before: Hook; after: Hook };

async function patchSite(body: unknown): Promise<void> {
  const s = await server();
  const headers = { authorization: `Bearer ${await tokenOf('admin')}`, 'content-type': 'application/json' };
  const { sites } = (await (await fetch(`${s.url}/api/console/sites`, { headers })).json()) as { sites: SiteSettings[] };
  const res = await fetch(`${s.url}/api/console/sites/${sites[0]!.id}`, { method: 'PATCH', headers, body: JSON.stringify(body) });
  expect(res.status).to.equal(200);
}

const OFFLINE = 'We are closed. Leave a message and we will reply by email.';

describe('the site widget settings reach the visitor', () => {
  before(() => patchSite({ widget: { colour: '#7c2d12', position: 'left', offset: 32, greeting: { en: 'Welcome to Acme! How can we help?' }, offlineMessage: { en: OFFLINE } } }));
  after(async () => {
    fixtureCleanup();
    await patchSite({ widget: { colour: '#2f5bd3', position: 'right', offset: 20, greeting: { en: '' }, offlineMessage: { en: '' } } });
  });

  it('parley.js colours and places its launcher from the site before loading any chat code', async () => {
    const s = await server();
    // The loader finds its own tag by `src*="parley.js"` and `data-site`; this one is never fetched.
    const tag = document.createElement('script');
    tag.type = 'text/x-parley-test';
    tag.src = `${s.url}/parley.js`;
    tag.dataset.site = s.siteKey;
    tag.dataset.lang = 'en';
    document.head.append(tag);
    await import('../../../../embed/src/parley.js');
    const host = await waitUntil(() => document.querySelector('parley-messenger'), 'parley.js mounted nothing', WAIT).then(() => document.querySelector('parley-messenger') as HTMLElement);
    await waitUntil(() => host.getAttribute('position') === 'left', 'the launcher was not moved left', WAIT);
    expect(host.style.getPropertyValue('--parley-accent')).to.equal('#7c2d12');
    expect(host.style.getPropertyValue('--parley-offset')).to.equal('32px');
    const launcher = shadow(host).querySelector('button')!;
    const box = launcher.getBoundingClientRect();
    expect(box.left).to.equal(32);
    expect(getComputedStyle(launcher).backgroundColor).to.equal('rgb(124, 45, 18)');
    expect(customElements.get('parley-messenger'), 'no chat code loaded').to.equal(undefined);
    host.remove();
    tag.remove();
  });

  it('<parley-chat> greets with the site greeting, shows its offline message and takes its colour and side', async () => {
    const s = await server();
    const el = await fixture<HTMLElement>(html`<parley-chat server=${s.url} site=${s.siteKey} lang="en" open></parley-chat>`);
    const root = shadow(el);
    await waitUntil(() => root.querySelector('[data-author="bot"] .bubble'), 'no greeting', WAIT);
    expect(text(root.querySelector('[data-author="bot"] .bubble'))).to.equal('Welcome to Acme! How can we help?');
    await waitUntil(() => el.getAttribute('position') === 'left', 'the chat did not take the site side', WAIT);
    expect(getComputedStyle(root.querySelector('.panel')!).left).to.equal('32px');
    expect(el.style.getPropertyValue('--parley-accent')).to.equal('#7c2d12');
    const info = (await (await fetch(`${s.url}/api/sites/${s.siteKey}`)).json()) as SiteInfo;
    if (info.agentsOnline === 0) await waitUntil(() => text(root.querySelector('.status')) === OFFLINE, 'the offline message is not shown', WAIT);
    await expect(el).to.be.accessible();
  });
});
