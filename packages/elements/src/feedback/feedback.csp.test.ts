/// <reference types="mocha" />
/**
 * <parley-feedback> under the demo's strict CSP (Trusted Types enforced with only the `lit-html` and
 * `parley` policies, no inline styles), against the real server. A file of its own: each test file runs
 * in its own page, and this one turns enforcement on for the rest of its page's life.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ParleyFeedback } from './feedback.component.js';

interface ServerInfo {
  url: string;
  siteKey: string;
}
let info: ServerInfo;
const WAIT = { timeout: 15000, interval: 30 };
const violations: string[] = [];

before(async () => {
  info = (await (await fetch('/__parley__/server.json')).json()) as ServerInfo;
  document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample} ${e.sourceFile}:${e.lineNumber}`));
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "require-trusted-types-for 'script'; trusted-types parley lit-html; style-src 'self'";
  document.head.append(meta);
  // The element (and Lit) load only once the policy is in force, as on a page that sends the header.
  await import('./feedback.js');
});

describe('<parley-feedback> under a strict CSP', () => {
  it('the page really enforces it (else this file proves nothing)', async () => {
    expect(() => {
      document.createElement('div').innerHTML = '<b>x</b>';
    }).to.throw(TypeError);
    // The report arrives as a later task; wait for it so it is not counted against the element.
    await waitUntil(() => violations.length === 1, 'no violation reported', WAIT);
    violations.length = 0;
  });

  it('loads, validates and sends a ticket, with no violation and no inline style', async () => {
    const el = await fixture<ParleyFeedback>(html`<parley-feedback server=${info.url} site=${info.siteKey} lang="en" category="inquiry"></parley-feedback>`);
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelectorAll('#category option').length > 1, 'categories did not load', WAIT);
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => root.querySelector('#email-error') !== null, 'no field error', WAIT);
    for (const [id, value] of [
      ['subject', 'Invoice copy'],
      ['message', 'Please send last month’s invoice again.'],
      ['email', 'csp@example.com'],
    ]) {
      const box = root.querySelector<HTMLInputElement>(`#${id}`)!;
      box.value = value;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => root.querySelector('#done-title') !== null, 'not sent', WAIT);
    expect(root.querySelector('#done-title')!.textContent).to.match(/^Your request T-\d{4}-\d{6} was received$/);
    // Styles come from adopted style sheets; a style attribute would be refused by style-src 'self'.
    expect(root.querySelectorAll('[style]').length).to.equal(0);
    expect(getComputedStyle(root.querySelector('.primary')!).fontWeight).to.equal('600');
    expect(violations).to.deep.equal([]);
  });
});
