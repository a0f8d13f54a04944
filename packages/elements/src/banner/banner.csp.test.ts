/// <reference types="mocha" />
/**
 * <parley-banner> under a strict CSP (Trusted Types enforced with the `lit-html` policy alone: the banner
 * parses no HTML, so it needs no policy of its own; no inline styles) and under host-page CSS that tries
 * to break it, against the real
 * server. A file of its own: each test file runs in its own page, and this one turns enforcement on for
 * the rest of its page's life.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Announcement } from '@parley/protocol';
import type { ParleyBanner } from './banner.component.js';

const server = { url: '', siteKey: '', accounts: { admin: { email: '', password: '' } } };
const WAIT = { timeout: 15000, interval: 30 };
const violations: string[] = [];
let admin = '';
let made = '';

before(async () => {
  Object.assign(server, (await (await fetch('/__parley__/server.json')).json()) as typeof server);
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(server.accounts.admin) });
  admin = ((await res.json()) as { token: string }).token;
  document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample} ${e.sourceFile}:${e.lineNumber}`));
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "require-trusted-types-for 'script'; trusted-types lit-html; style-src 'self'";
  document.head.append(meta);
  // A host theme at its worst: every rule it can aim at the banner.
  const hostile = new CSSStyleSheet();
  hostile.replaceSync('* { all: unset !important; } html { font-size: 40px; } button { display: none !important; } parley-banner { color: transparent !important; font-size: 2px !important; }');
  document.adoptedStyleSheets = [hostile];
  await import('./banner.js');
});
after(async () => {
  if (!made) return;
  await fetch(`${server.url}/api/console/announcements/${made}/withdraw`, { method: 'POST', headers: { authorization: `Bearer ${admin}` } });
});

describe('<parley-banner> under a strict CSP and hostile page CSS', () => {
  it('the page really enforces Trusted Types (else this file proves nothing)', async () => {
    expect(() => {
      document.createElement('div').innerHTML = '<b>x</b>';
    }).to.throw(TypeError);
    await waitUntil(() => violations.length === 1, 'no violation reported', WAIT);
    violations.length = 0;
  });

  it('renders the announcement\'s body from its node tree, with its buttons and type intact, and no violation', async () => {
    const sub = `banner-csp-${Date.now()}`;
    const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
    const created = await fetch(`${server.url}/api/console/announcements`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        versions: [{ locale: 'en', title: 'Badge renewal', body: 'Renew your badge at **reception**. <img src=x onerror=alert(1)>' }],
        priority: 'important',
        ackRequired: true,
        audience: { kind: 'employees', employees: [sub] },
      }),
    });
    const { announcement } = (await created.json()) as { announcement: Announcement };
    made = announcement.id;
    await fetch(`${server.url}/api/console/announcements/${made}/publish`, { method: 'POST', headers });
    const el = await fixture<ParleyBanner>(
      html`<parley-banner server=${server.url} site=${server.siteKey} employee-token-url=${`/__parley__/employee-token.json?sub=${sub}`} lang="en"></parley-banner>`,
    );
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('.body strong'), 'the body did not render', WAIT);
    expect(root.querySelector('.body strong')!.textContent).to.equal('reception');
    expect(root.querySelector('.body img'), 'typed HTML is text, never an element').to.equal(null);
    expect(root.querySelector('.body')!.textContent).to.contain('<img src=x onerror=alert(1)>');
    const ack = root.querySelector<HTMLButtonElement>('button.primary')!;
    expect(getComputedStyle(ack).display, 'host CSS cannot hide our buttons').to.not.equal('none');
    expect(getComputedStyle(root.querySelector('h2')!).fontSize).to.equal('16px');
    expect(getComputedStyle(root.querySelector('h2')!).color).to.not.equal('rgba(0, 0, 0, 0)');
    expect(root.querySelectorAll('[style]').length).to.equal(0);
    expect(violations).to.deep.equal([]);
  });
});
