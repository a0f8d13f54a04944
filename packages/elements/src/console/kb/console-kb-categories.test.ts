/// <reference types="mocha" />
/**
 * Help-center categories in the console, against the real server: a supervisor-level admin adds a
 * category with names in three languages, renames it, and deletes it; visitors' topic list follows;
 * an agent sees the categories read-only.
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import type { KbCategory } from '@parley/protocol';
import { TOKEN_KEY } from '../console.session.js';
import '../console.js';
import { WAIT, button, kbConsole, kbOf, server, shadow, text } from './kb-test-kit.js';
import type { ParleyConsole } from '../console.component.js';

afterEach(() => {
  fixtureCleanup();
  sessionStorage.removeItem(TOKEN_KEY);
});

async function openCategories(el: ParleyConsole): Promise<ShadowRoot> {
  button(shadow(kbOf(el)), 'Categories')!.click();
  await waitUntil(() => shadow(kbOf(el)).querySelector('parley-console-kb-categories')?.shadowRoot?.querySelector('tbody tr'), 'categories not shown', WAIT);
  return shadow(shadow(kbOf(el)).querySelector('parley-console-kb-categories')!);
}
const publicTopics = async (locale: string): Promise<KbCategory[]> => {
  const s = await server();
  return ((await (await fetch(`${s.url}/api/kb/${s.siteKey}/categories?locale=${locale}`)).json()) as { categories: KbCategory[] }).categories;
};
function fill(row: Element, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const input = row.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

describe('<parley-console> knowledge base categories', () => {
  it('adds, renames and deletes a category in three languages; visitors see the change', async () => {
    const el = await kbConsole('admin');
    const root = await openCategories(el);
    expect(text(root.querySelector('tbody tr'))).to.not.equal('');
    fill(root.querySelector('tr.new')!, { slug: 'smart-home', en: 'Smart home', 'zh-CN': '智能家居', 'zh-TW': '智慧家庭', position: '7' });
    button(root, 'Add category')!.click();
    await waitUntil(() => text(root.querySelector('.outcome')) === 'Category saved.', `not added: ${text(root.querySelector('.outcome'))}`, WAIT);
    const row = () => [...root.querySelectorAll('tbody tr[data-id]')].find((r) => r.querySelector<HTMLInputElement>('input[name=slug]')?.value === 'smart-home');
    await waitUntil(() => row(), 'the new category is not listed', WAIT);
    const created = (await publicTopics('zh-TW')).length;

    fill(row()!, { 'zh-TW': '智慧居家' });
    button(row()!, 'Save changes')!.click();
    const s = await server();
    const stored = async () =>
      ((await (await fetch(`${s.url}/api/console/kb/categories`, { headers: { authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY)}` } })).json()) as { categories: KbCategory[] }).categories.find((c) => c.slug === 'smart-home');
    await waitUntil(async () => (await stored())?.names['zh-TW'] === '智慧居家', 'the rename was not stored', WAIT);
    expect((await stored())?.names).to.deep.equal({ en: 'Smart home', 'zh-CN': '智能家居', 'zh-TW': '智慧居家' });
    expect((await stored())?.position).to.equal(7);

    button(row()!, 'Delete')!.click();
    await waitUntil(() => button(row()!, 'Confirm delete'), 'no confirmation step', WAIT);
    button(row()!, 'Confirm delete')!.click();
    await waitUntil(() => !row(), 'the category stayed', WAIT);
    expect((await publicTopics('zh-TW')).length).to.be.at.most(created);
    expect((await publicTopics('en')).some((c) => c.slug === 'smart-home')).to.equal(false);

    // A slug that is taken: the server's reason is shown, nothing is added.
    const taken = root.querySelector<HTMLInputElement>('tbody tr[data-id] input[name=slug]')!.value;
    fill(root.querySelector('tr.new')!, { slug: taken, en: 'Duplicate' });
    button(root, 'Add category')!.click();
    await waitUntil(() => root.querySelector('.outcome[role=alert]'), 'no error for a taken slug', WAIT);
    await expect(shadow(kbOf(el)).querySelector('parley-console-kb-categories')!).to.be.accessible();
  });

  it('shows an agent the categories read-only', async () => {
    const el = await kbConsole('alice');
    const root = await openCategories(el);
    expect(button(root, 'Add category')).to.equal(undefined);
    expect(root.querySelector<HTMLInputElement>('tbody input[name=en]')!.readOnly).to.equal(true);
    expect(text(root)).to.contain('Only supervisors and admins can change the categories.');
  });
});
