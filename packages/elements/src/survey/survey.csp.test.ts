/// <reference types="mocha" />
/**
 * <parley-survey> under the demo page's strict policy (Trusted Types with only `parley` and `lit-html`,
 * no inline styles), against the real server. A file of its own: enforcement stays on for the page's life.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { NpsRequestResult, VisitorSession } from '@parley/protocol';
import type { ParleySurvey } from './survey.component.js';

const violations: string[] = [];
const server = { url: '', siteKey: '' };

before(async () => {
  Object.assign(server, (await (await fetch('/__parley__/server.json')).json()) as typeof server);
  document.addEventListener('securitypolicyviolation', (e) => {
    if (e.sourceFile.includes('survey.csp.test.ts')) return;
    violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample} ${e.sourceFile}:${e.lineNumber}`);
  });
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "require-trusted-types-for 'script'; trusted-types parley lit-html; style-src 'self'";
  document.head.append(meta);
  await import('./survey.js');
});

describe('<parley-survey> under the strict CSP', () => {
  it('the page really enforces the policy (else this file proves nothing)', () => {
    expect(() => {
      document.createElement('div').innerHTML = '<b>x</b>';
    }).to.throw(TypeError);
  });

  it('shows the question and sends an answer without a single violation', async () => {
    const post = (path: string, body: unknown) => fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const v = (await (await post('/api/visitor/session', { siteKey: server.siteKey })).json()) as VisitorSession;
    const r = (await (await post(`/api/surveys/sites/${server.siteKey}/nps`, { visitorToken: v.token })).json()) as NpsRequestResult;
    if (!r.asked) throw new Error('a fresh visitor was not asked');
    const el = await fixture<ParleySurvey>(html`<parley-survey server=${server.url} token=${r.token} lang="en"></parley-survey>`);
    await waitUntil(() => el.shadowRoot!.querySelector('legend'), 'the question did not load', { timeout: 15000 });
    el.shadowRoot!.querySelector<HTMLLabelElement>('label[for="score-8"]')!.click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('#done-title'), 'no thank-you', { timeout: 15000 });
    expect(violations).to.deep.equal([]);
  });
});
