/**
 * The article editor's preview under the strict CSP the console page is served with (Trusted Types
 * enforced, only the `parley` and `lit-html` policies allowed). A file of its own: each test file runs
 * in its own page, and this one turns enforcement on for the rest of its page's life.
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { TOKEN_KEY } from '../console.session.js';
import { button, kbConsole, labelled, listRoot, openEditor, type, WAIT } from './kb-test-kit.js';

type Hook = (fn: () => unknown) => void;
const { describe, it, before, after } = globalThis as unknown as {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => unknown) => void;
  before: Hook;
  after: Hook;
};

before(async () => {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "require-trusted-types-for 'script'; trusted-types parley lit-html";
  document.head.append(meta);
  // The elements load only once the policy is in force, as on a page that sends the header.
  await import('../console.js');
});

after(() => {
  fixtureCleanup();
  sessionStorage.removeItem(TOKEN_KEY);
});

describe('<parley-console> knowledge base under Trusted Types', () => {
  it('the page really enforces Trusted Types (else this file proves nothing)', () => {
    expect(() => {
      document.createElement('div').innerHTML = '<b>x</b>';
    }).to.throw(TypeError);
  });

  it('renders the live preview as HTML through the parley policy, with script still inert', async () => {
    const el = await kbConsole('admin');
    const editor = await openEditor(el, () => button(listRoot(el), 'New article')!.click());
    type(labelled<HTMLTextAreaElement>(editor, 'Article (Markdown)'), 'Under **strict CSP**.\n\n<img src="x" onerror="window.__kbTT = 1">');
    await waitUntil(() => editor.querySelector('.beside .rendered strong'), 'no HTML preview under Trusted Types', WAIT);
    const rendered = editor.querySelector('.beside .rendered')!;
    expect(rendered.classList.contains('plain'), 'not the text fallback').to.equal(false);
    expect(rendered.querySelector('[onerror]')).to.equal(null);
    expect((window as unknown as { __kbTT?: number }).__kbTT).to.equal(undefined);
  });
});
