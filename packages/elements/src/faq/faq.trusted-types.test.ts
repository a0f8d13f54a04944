/// <reference types="mocha" />
/**
 * <parley-faq> under the strict CSP company sites are told to use (Trusted Types enforced, only the
 * `parley` and `lit-html` policies allowed), against the real server. A file of its own: each test file
 * runs in its own page, and this one turns enforcement on for the rest of its page's life.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ArticleSummary } from '@parley/protocol';
import type { ParleyFaq } from './faq.component.js';

interface ServerInfo {
  url: string;
  siteKey: string;
}
let info: ServerInfo;
const WAIT = { timeout: 15000, interval: 30 };

before(async () => {
  info = (await (await fetch('/__parley__/server.json')).json()) as ServerInfo;
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "require-trusted-types-for 'script'; trusted-types parley lit-html";
  document.head.append(meta);
  // The element (and Lit) load only once the policy is in force, as on a page that sends the header.
  await import('./faq.js');
});

describe('<parley-faq> under Trusted Types', () => {
  it('the page really enforces Trusted Types (else this file proves nothing)', () => {
    expect(() => {
      document.createElement('div').innerHTML = '<b>x</b>';
    }).to.throw(TypeError);
  });

  it('renders an article through the parley policy, which no one else can then create', async () => {
    const { hits } = (await (await fetch(`${info.url}/api/kb/${info.siteKey}/search?q=shipping&locale=en`)).json()) as { hits: ArticleSummary[] };
    const el = await fixture<ParleyFaq>(html`<parley-faq server=${info.url} site=${info.siteKey} lang="en" article=${hits[0].id}></parley-faq>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.body') !== null, 'the article did not render', WAIT);
    const body = el.shadowRoot!.querySelector('.body')!;
    // Real HTML (not the markdown shown as text, the fallback when the policy is refused).
    expect(body.classList.contains('plain')).to.equal(false);
    expect(body.querySelectorAll('p').length).to.be.greaterThan(0);
    expect(body.querySelector('strong, ul, a')).to.not.equal(null);
    // The name is taken (no allow-duplicates): nobody else can create a `parley` policy of their own.
    const tt = (window as unknown as { trustedTypes: { createPolicy(name: string, rules: object): unknown } }).trustedTypes;
    expect(() => tt.createPolicy('parley', { createHTML: (s: string) => s })).to.throw();
  });
});
