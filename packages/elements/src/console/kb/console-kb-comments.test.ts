/// <reference types="mocha" />
/**
 * Visitors' vote comments in the console's editor, against the real server: a "No" with a comment on
 * the help center shows up under the article's numbers, as text (never as markup).
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { TOKEN_KEY } from '../console.session.js';
import '../console.js';
import { WAIT, createArticle, kbConsole, openEditor, rowTitled, server, shadow, text } from './kb-test-kit.js';

afterEach(() => {
  fixtureCleanup();
  sessionStorage.removeItem(TOKEN_KEY);
});

describe('<parley-console> knowledge base comments', () => {
  it("shows what visitors wrote when they voted, as text", async () => {
    const title = 'Do you deliver to Macau?';
    const article = await createArticle('admin', { locale: 'en', title, body: 'Yes, in 3-6 business days.', status: 'published' });
    const s = await server();
    for (const [helpful, comment] of [[false, 'I needed the <b>customs</b> fees'], [true, 'Quick and clear']] as const) {
      const res = await fetch(`${s.url}/api/kb/${s.siteKey}/articles/${article.id}/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ helpful, comment }),
      });
      expect(res.status).to.equal(200);
    }
    const el = await kbConsole('admin');
    await waitUntil(() => rowTitled(el, title), 'new article not listed', WAIT);
    const editor = await openEditor(el, () => (rowTitled(el, title)!.querySelector('button.open') as HTMLButtonElement).click());
    const comments = () => editor.querySelector('parley-console-kb-comments');
    await waitUntil(() => comments()?.shadowRoot?.querySelector('summary'), 'no comments shown', WAIT);
    const root = shadow(comments()!);
    expect(text(root.querySelector('summary'))).to.equal('What 2 visitors wrote');
    const items = [...root.querySelectorAll('li')].map((li) => text(li));
    expect(items.some((t) => t.startsWith('Not helpful') && t.includes('I needed the <b>customs</b> fees'))).to.equal(true);
    expect(items.some((t) => t.startsWith('Helpful') && t.includes('Quick and clear'))).to.equal(true);
    expect(root.querySelector('li b'), 'markup in a comment stays text').to.equal(null);
    await expect(comments()!).to.be.accessible();
  });
});
