/// <reference types="mocha" />
/**
 * Import and export of the knowledge base from the console, against the real server: an admin imports a
 * company's FAQ as a JSON file and visitors find it at once; a bad file changes nothing; an agent is not
 * offered the import.
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import type { KbExport } from '@parley/protocol';
import { TOKEN_KEY } from '../console.session.js';
import '../console.js';
import { WAIT, button, findArticles, kbConsole, kbOf, publicSearch, rowTitled, shadow, text } from './kb-test-kit.js';

afterEach(() => {
  fixtureCleanup();
  sessionStorage.removeItem(TOKEN_KEY);
});

const transferRoot = (el: Element): ShadowRoot => shadow(shadow(el as HTMLElement).querySelector('parley-console-kb-transfer')!);

/** Puts a file in the (hidden, focusable) file input the way a browser's file picker does. */
function pick(root: ShadowRoot, file: File): void {
  const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function faqFile(title: string, body: string): File {
  const data: KbExport = {
    format: 'parley-kb',
    version: 1,
    exportedAt: new Date().toISOString(),
    categories: [{ slug: 'gifts', names: { en: 'Gifts', 'zh-CN': '礼品', 'zh-TW': '禮品' }, position: 9 }],
    articles: [{ group: 'imported-wrapping', locale: 'en', title, body, category: 'gifts', keywords: [], status: 'published' }],
  };
  return new File([JSON.stringify(data)], 'our-faq.json', { type: 'application/json' });
}

describe('<parley-console> knowledge base import and export', () => {
  it('imports a JSON FAQ: the console lists it and visitors find it at once; a bad file writes nothing', async () => {
    const el = await kbConsole('admin');
    const root = transferRoot(kbOf(el));
    const title = 'Can you wrap my order as a present?';
    await waitUntil(() => !root.querySelector<HTMLInputElement>('input[type=file]')?.disabled, 'import never enabled', WAIT);
    pick(root, faqFile(title, 'Yes: choose **present wrapping** at checkout, US$4 per parcel.'));
    await waitUntil(() => text(root.querySelector('.outcome')).startsWith('Imported our-faq.json: 1 new'), `no outcome: ${text(root.querySelector('.outcome'))}`, WAIT);
    await waitUntil(() => rowTitled(el, title), 'the list did not show the imported article', WAIT);
    expect((await publicSearch('present wrapping')).some((h) => h.title === title), 'visitors find it').to.equal(true);

    const before = (await findArticles('')).length;
    const broken: KbExport = { format: 'parley-kb', version: 1, exportedAt: new Date().toISOString(), categories: [], articles: [{ group: 'x', locale: 'en', title: '', body: 'no title', category: null, keywords: [], status: 'published' }] };
    pick(root, new File([JSON.stringify(broken)], 'broken.json', { type: 'application/json' }));
    await waitUntil(() => root.querySelector('.outcome[role=alert]'), 'no error shown', WAIT);
    expect(text(root.querySelector('.outcome'))).to.match(/^Nothing was imported or exported: /);
    expect((await findArticles('')).length, 'nothing written').to.equal(before);
    await expect(kbOf(el)).to.be.accessible();
  });

  it('exports the knowledge base as JSON and as a markdown zip', async () => {
    const el = await kbConsole('admin');
    const root = transferRoot(kbOf(el));
    await waitUntil(() => button(root, 'Export (JSON)') && !button(root, 'Export (JSON)')!.disabled, 'export never enabled', WAIT);
    button(root, 'Export (JSON)')!.click();
    await waitUntil(() => /^Exported: parley-kb-\d{4}-\d{2}-\d{2}\.json$/.test(text(root.querySelector('.outcome'))), `no export: ${text(root.querySelector('.outcome'))}`, WAIT);
    button(root, 'Export (Markdown zip)')!.click();
    await waitUntil(() => /\.zip$/.test(text(root.querySelector('.outcome'))), 'no zip export', WAIT);
  });

  it('does not offer the import to an agent', async () => {
    const el = await kbConsole('alice');
    const root = transferRoot(kbOf(el));
    expect(root.querySelector('input[type=file]')).to.equal(null);
    expect(button(root, 'Export (JSON)')).to.exist;
  });
});
