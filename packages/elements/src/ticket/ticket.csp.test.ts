/// <reference types="mocha" />
/**
 * <parley-ticket> under the demo page's strict policy (Trusted Types with only `parley` and `lit-html`,
 * no inline styles), against the real server. A file of its own: each test file runs in its own page,
 * and this one turns enforcement on for the rest of its page's life.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ParleyTicket } from './ticket.component.js';
import { WAIT, entries, fileTicket, loadServer, loaded, root, server, typeInto, button } from './ticket.test-kit.js';

const violations: string[] = [];

before(async () => {
  await loadServer();
  document.addEventListener('securitypolicyviolation', (e) => {
    // The first test breaks the rule on purpose from this file; its report arrives later, asynchronously.
    if (e.sourceFile.includes('ticket.csp.test.ts')) return;
    violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample} ${e.sourceFile}:${e.lineNumber}`);
  });
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "require-trusted-types-for 'script'; trusted-types parley lit-html; style-src 'self'";
  document.head.append(meta);
  // The element (and Lit) load only once the policy is in force, as on a page that sends the header.
  await import('./ticket.js');
});

describe('<parley-ticket> under the strict CSP', () => {
  it('the page really enforces the policy (else this file proves nothing)', () => {
    expect(() => {
      document.createElement('div').innerHTML = '<b>x</b>';
    }).to.throw(TypeError);
  });

  it('loads, shows the thread and sends a reply without a single violation', async () => {
    const t = await fileTicket({ subject: 'Under CSP', message: 'Line one\nLine <b>two</b>' });
    const el = await fixture<ParleyTicket>(html`<parley-ticket server=${server.url} token=${t.token} lang="en"></parley-ticket>`);
    await waitUntil(() => loaded(el), 'the ticket did not load', WAIT);
    expect(root(el).querySelector('b')).to.equal(null);
    typeInto(el, 'A reply under CSP');
    button(el, 'Send reply')!.click();
    await waitUntil(() => entries(el).length === 2, 'the reply did not appear', WAIT);
    expect(violations).to.deep.equal([]);
  });
});
