/**
 * The console's knowledge base against the REAL server: the seeded demo help center, real role
 * checks, the real markdown renderer and the real search engine the visitors use.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { ParleyConsole } from '../console.component.js';
import { TOKEN_KEY } from '../console.session.js';
import {
  announced,
  badges,
  button,
  choose,
  createArticle,
  deepActive,
  editorRoot,
  findArticles,
  kbConsole,
  kbOf,
  labelled,
  listRoot,
  openEditor,
  patchArticle,
  publicSearch,
  readArticle,
  rowTitled,
  rowTitles,
  server,
  shadow,
  text,
  tokenOf,
  type,
  vote,
  WAIT,
} from './kb-test-kit.js';
import '../console.js';

type Hook = (fn: () => unknown) => void;
const { describe, it, afterEach } = globalThis as unknown as {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => unknown) => void;
  afterEach: Hook;
};

afterEach(() => {
  fixtureCleanup();
  sessionStorage.removeItem(TOKEN_KEY);
});

describe('<parley-console> knowledge base', () => {
  it('lists the seeded help center by article, with versions, helpfulness, filters and search', async () => {
    const reset = (await publicSearch('reset password')).find((h) => h.title === 'How do I reset my password?')!;
    for (const helpful of [true, true, true, false]) await vote(reset.id, helpful);

    const el = await kbConsole('admin');
    const nav = shadow(el).querySelector('nav.views') as HTMLElement;
    expect(button(nav, 'Knowledge base')?.getAttribute('aria-current')).to.equal('page');
    expect(button(nav, /^Conversations/)?.getAttribute('aria-current')).to.equal('false');
    expect(deepActive()?.id, 'focus on the new view heading').to.equal('kb-heading');
    expect(shadow(el).querySelector('.panels')?.hasAttribute('hidden'), 'conversations hidden, not destroyed').to.equal(true);

    const row = rowTitled(el, 'How do I reset my password?')!;
    expect(row, 'one row per article, titled in the console language').to.exist;
    expect(badges(row)).to.deep.equal(['en:published', 'zh-CN:published', 'zh-TW:published']);
    expect(text(row.querySelector('.badge[data-locale="zh-TW"]'))).to.contain('繁');
    expect(text(row.querySelector('.helpful'))).to.contain('75% helpful');
    expect(text(row.querySelector('.helpful'))).to.contain('3 yes · 1 no');
    expect(text(row.querySelector('.cat'))).to.equal('Account & security');
    expect(row.querySelector('time')?.getAttribute('datetime')).to.match(/^\d{4}-/);
    const titles = rowTitles(el);
    expect(new Set(titles).size, 'no article listed twice').to.equal(titles.length);
    expect(titles.length).to.be.at.least(30);
    await expect(el).to.be.accessible();

    const list = listRoot(el);
    choose(labelled<HTMLSelectElement>(list, 'Category'), 'Account & security');
    await waitUntil(() => rowTitles(el).length === 6, 'category filter', WAIT);
    expect(rowTitles(el)).to.include('How do I reset my password?');

    choose(labelled<HTMLSelectElement>(list, 'Language'), '繁體中文');
    await waitUntil(() => rowTitles(el).includes('如何重設密碼？'), 'locale filter shows the 繁體 versions', WAIT);
    expect(badges(rowTitled(el, '如何重設密碼？')!), 'other versions keep their status').to.deep.equal(['en:published', 'zh-CN:published', 'zh-TW:published']);

    choose(labelled<HTMLSelectElement>(list, 'Status'), 'Draft');
    await waitUntil(() => text(list).includes('No articles match these filters.'), 'filtered empty state', WAIT);
    button(list, 'Clear filters')!.click();
    await waitUntil(() => rowTitles(el).length >= 30, 'filters cleared', WAIT);
    for (const label of ['Status', 'Category', 'Language']) expect(labelled<HTMLSelectElement>(list, label).value, `${label} shows cleared`).to.equal('');

    type(labelled<HTMLInputElement>(list, 'Search articles'), 'forgot my password');
    await waitUntil(() => rowTitles(el)[0] === 'How do I reset my password?', 'search ranks the reset article first', WAIT);
    type(labelled<HTMLInputElement>(list, 'Search articles'), 'xyzzyplugh');
    await waitUntil(() => text(list).includes('No articles match these filters.'), 'a search with no match', WAIT);
    // Rows are articles, titled in the console's language, whatever script the question was in.
    type(labelled<HTMLInputElement>(list, 'Search articles'), '忘记密码');
    await waitUntil(() => rowTitles(el)[0] === 'How do I reset my password?', 'Chinese search', WAIT);
  });

  it('writes an article with a live preview (script inert), saves a draft, publishes it, and visitors find it at once', async () => {
    const el = await kbConsole('admin');
    const editor = await openEditor(el, () => button(listRoot(el), 'New article')!.click());
    await waitUntil(() => deepActive()?.id === 'editor-heading', 'focus on the editor heading', WAIT);
    expect(text(editor.querySelector('#editor-heading'))).to.equal('New article');

    type(labelled<HTMLInputElement>(editor, 'Title'), 'How Zorblax loyalty points work');
    choose(labelled<HTMLSelectElement>(editor, 'Category'), 'Payment & invoices');
    type(labelled<HTMLInputElement>(editor, 'Keywords (optional)'), 'rewards, 积分');
    type(
      labelled<HTMLTextAreaElement>(editor, 'Article (Markdown)'),
      'Earn **Zorblax points** on every order.\n\n<script>window.__kbPwned = 1</script>\n\n<img src="x" onerror="window.__kbPwned = 2">\n\n[Terms](javascript:alert(1))',
    );
    const preview = () => editor.querySelector('.beside .rendered');
    await waitUntil(() => preview()?.querySelector('strong'), 'preview never rendered the markdown', WAIT);
    expect(text(preview()!.querySelector('strong'))).to.equal('Zorblax points');
    expect(preview()!.querySelector('script, [onerror]'), 'no script, no handler').to.equal(null);
    expect(preview()!.querySelector('a[href^="javascript"]')).to.equal(null);
    await new Promise((r) => setTimeout(r, 200));
    expect((window as unknown as { __kbPwned?: number }).__kbPwned).to.equal(undefined);
    await expect(el).to.be.accessible();

    button(editor, 'Save draft')!.click();
    await waitUntil(() => announced(el) === 'Draft saved.', 'no "Draft saved." announcement', WAIT);
    expect(text(editor.querySelector('button.version[aria-pressed="true"]'))).to.contain('Draft');
    expect(text(editor.querySelector('#editor-heading'))).to.equal('How Zorblax loyalty points work');
    expect((await publicSearch('Zorblax loyalty')).map((h) => h.title), 'a draft is not public').to.not.include('How Zorblax loyalty points work');

    button(editor, 'Publish')!.click();
    await waitUntil(() => announced(el) === 'Published. Visitors can find it now.', 'no "Published" announcement', WAIT);
    const hits = await publicSearch('Zorblax loyalty points');
    expect(hits[0]?.title, 'the public search finds it at once').to.equal('How Zorblax loyalty points work');
    const saved = await readArticle(hits[0]!.id);
    expect(saved.keywords).to.deep.equal(['rewards', '积分']);
    expect(saved.status).to.equal('published');
    expect(saved.categoryId).to.be.a('string');

    // Unpublish takes it away from visitors at once; Publish brings it back.
    button(editor, 'Unpublish')!.click();
    await waitUntil(() => announced(el) === 'Unpublished. It is a draft again.', 'no "Unpublished" announcement', WAIT);
    expect((await publicSearch('Zorblax loyalty points')).map((h) => h.title)).to.not.include('How Zorblax loyalty points work');
    button(editor, 'Publish')!.click();
    await waitUntil(() => announced(el) === 'Published. Visitors can find it now.', 'not published again', WAIT);

    button(editor, 'Back to articles')!.click();
    await waitUntil(() => rowTitled(el, 'How Zorblax loyalty points work'), 'not listed', WAIT);
    expect(badges(rowTitled(el, 'How Zorblax loyalty points work')!)).to.deep.equal(['en:published']);
    expect(deepActive()?.id).to.equal('list-heading');
  });

  it('adds a 繁體 version beside the English one; both are listed; unsaved changes are guarded', async () => {
    const en = await createArticle('admin', { locale: 'en', title: 'Caring for your Quokka kettle', body: 'Descale it **monthly**.', status: 'published' });
    const el = await kbConsole('admin');
    type(labelled<HTMLInputElement>(listRoot(el), 'Search articles'), 'Quokka kettle');
    await waitUntil(() => rowTitled(el, 'Caring for your Quokka kettle'), 'article not found in the list', WAIT);
    const editor = await openEditor(el, () => rowTitled(el, 'Caring for your Quokka kettle')!.querySelector('button')!.click());

    button(editor, '+ Add 繁體中文 version')!.click();
    await waitUntil(() => deepActive()?.id === 'kb-title', 'focus goes to the new version title', WAIT);
    expect(labelled<HTMLInputElement>(editor, 'Title').lang).to.equal('zh-TW');
    await waitUntil(() => text(editor.querySelector('.beside .reference')).includes('Caring for your Quokka kettle'), 'English version not beside', WAIT);
    expect(text(editor.querySelector('#beside-heading'))).to.equal('English version');
    expect(editor.querySelector('.beside .reference strong')).to.exist;

    type(labelled<HTMLInputElement>(editor, 'Title'), '如何保養 Quokka 水壺');
    type(labelled<HTMLTextAreaElement>(editor, 'Article (Markdown)'), '每**月**除垢一次。');

    // Leaving with unsaved text asks first; "Keep editing" keeps everything.
    button(editor, 'Back to articles')!.click();
    const leave = editor.querySelector('dialog.leave') as HTMLDialogElement;
    await waitUntil(() => leave.open, 'no unsaved-changes dialog', WAIT);
    expect(text(leave)).to.contain('Discard unsaved changes?');
    button(leave, 'Keep editing')!.click();
    await waitUntil(() => !leave.open, 'dialog stayed open', WAIT);
    expect(labelled<HTMLInputElement>(editor, 'Title').value).to.equal('如何保養 Quokka 水壺');

    button(editor, 'Save draft')!.click();
    await waitUntil(() => announced(el) === 'Draft saved.', 'not saved', WAIT);
    const tw = (await readArticle(en.id)).versions.find((v) => v.locale === 'zh-TW');
    expect(tw?.title).to.equal('如何保養 Quokka 水壺');
    expect((await readArticle(tw!.id)).groupId).to.equal(en.groupId);
    const versionButtons = [...editor.querySelectorAll('button.version')].map((b) => text(b));
    expect(versionButtons).to.deep.equal(['English Published', '繁體中文 Draft']);

    // Switching the console to Conversations keeps the editor, unsaved text and all: an agent may
    // have to answer a chat mid-article.
    type(labelled<HTMLInputElement>(editor, 'Title'), 'changed and not saved');
    const views = shadow(el).querySelector('nav.views')!;
    button(views, /^Conversations/)!.click();
    await waitUntil(() => deepActive()?.id === 'queue-heading', 'focus on the conversations heading', WAIT);
    expect(leave.open, 'no question asked').to.equal(false);
    expect(kbOf(el).hidden).to.equal(true);
    button(views, 'Knowledge base')!.click();
    await waitUntil(() => !kbOf(el).hidden && deepActive()?.id === 'kb-heading', 'kb not shown again', WAIT);
    expect(labelled<HTMLInputElement>(editorRoot(el)!, 'Title').value).to.equal('changed and not saved');

    // Leaving the editor itself asks; Discard drops the change.
    button(editor, 'Back to articles')!.click();
    await waitUntil(() => leave.open, 'no guard on Back', WAIT);
    button(leave, 'Discard changes')!.click();
    await waitUntil(() => !editorRoot(el) && rowTitled(el, 'Caring for your Quokka kettle'), 'not back on the list', WAIT);
    await waitUntil(() => deepActive()?.id === 'list-heading', 'focus on the list heading', WAIT);
    expect((await readArticle(tw!.id)).title, 'the discarded title never reached the server').to.equal('如何保養 Quokka 水壺');
    expect(badges(rowTitled(el, 'Caring for your Quokka kettle')!)).to.deep.equal(['en:published', 'zh-TW:draft']);
  });

  it('an agent writes drafts but cannot publish: the control says why, and the server refuses if forced', async () => {
    const el = await kbConsole('alice');
    const editor = await openEditor(el, () => button(listRoot(el), 'New article')!.click());
    type(labelled<HTMLInputElement>(editor, 'Title'), 'Alice draft about Wombat delivery');
    type(labelled<HTMLTextAreaElement>(editor, 'Article (Markdown)'), 'Wombats deliver on Tuesdays.');
    button(editor, 'Save draft')!.click();
    await waitUntil(() => announced(el) === 'Draft saved.', 'agent draft not saved', WAIT);

    const publish = button(editor, 'Publish')!;
    expect(publish.getAttribute('aria-disabled')).to.equal('true');
    const why = editor.getElementById(publish.getAttribute('aria-describedby')!);
    expect(text(why)).to.equal('Only supervisors and admins can publish or unpublish. Save a draft and ask one of them to publish it.');
    expect(!!button(editor.querySelector('.actions')!, 'Delete'), 'no Delete for an agent').to.equal(false);
    publish.click();
    await new Promise((r) => setTimeout(r, 300));
    const [mine] = (await publicSearch('Wombat delivery Tuesdays')).filter((h) => h.title.includes('Wombat'));
    expect(mine, 'not published by the click').to.equal(undefined);

    const draft = (await findArticles('Wombat delivery')).find((a) => a.title === 'Alice draft about Wombat delivery')!;
    expect(draft.status).to.equal('draft');
    const forced = await patchArticle('alice', draft.id, { status: 'published' });
    expect(forced.status).to.equal(403);
    expect((await readArticle(draft.id)).status).to.equal('draft');

    // A published article is read-only for an agent, and says so.
    button(editor, 'Back to articles')!.click();
    await waitUntil(() => rowTitled(el, 'How do I reset my password?'), 'list not back', WAIT);
    const pub = await openEditor(el, () => rowTitled(el, 'How do I reset my password?')!.querySelector('button')!.click());
    expect(labelled<HTMLInputElement>(pub, 'Title').readOnly).to.equal(true);
    expect(text(pub)).to.contain('This version is published: only supervisors and admins can change it.');
    expect(button(pub, 'Unpublish')?.getAttribute('aria-disabled')).to.equal('true');
  });

  it('shows the server refusing a save next to the form and keeps what was typed', async () => {
    const el = await kbConsole('admin');
    const editor = await openEditor(el, () => button(listRoot(el), 'New article')!.click());
    button(editor, 'Save draft')!.click();
    await waitUntil(() => text(editor.querySelector('[role="alert"]')) === 'Give the article a title.', 'no title message', WAIT);
    expect(deepActive()?.id).to.equal('kb-title');

    const long = 'x'.repeat(20_001);
    type(labelled<HTMLInputElement>(editor, 'Title'), 'Too long to keep');
    type(labelled<HTMLTextAreaElement>(editor, 'Article (Markdown)'), long);
    button(editor, 'Save draft')!.click();
    const alert = editor.querySelector('#save-error') as HTMLElement;
    await waitUntil(() => text(alert).startsWith('Not saved:'), 'server refusal not shown', WAIT);
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.contain('20,000');
    const body = labelled<HTMLTextAreaElement>(editor, 'Article (Markdown)');
    expect(body.getAttribute('aria-invalid')).to.equal('true');
    expect(body.getAttribute('aria-describedby')).to.contain('save-error');
    expect(body.value.length, 'nothing lost').to.equal(20_001);
    expect(labelled<HTMLInputElement>(editor, 'Title').value).to.equal('Too long to keep');
    expect((await findArticles('Too long to keep')).some((a) => a.title === 'Too long to keep'), 'nothing stored').to.equal(false);
  });

  it('says when the list cannot be loaded, with Retry', async () => {
    sessionStorage.setItem(TOKEN_KEY, await tokenOf('admin'));
    const info = await server();
    // A site the admin cannot have: the server refuses, the list says so.
    const el = await fixture<ParleyConsole>(html`<parley-console server=${info.url} site="00000000-0000-4000-8000-000000000000"></parley-console>`);
    await waitUntil(() => shadow(el).querySelector('nav.views'), 'not signed in', WAIT);
    button(shadow(el).querySelector('nav.views')!, 'Knowledge base')!.click();
    await waitUntil(() => kbOf(el) && text(listRoot(el).querySelector('[role="alert"]')), 'no error shown', WAIT);
    expect(text(listRoot(el).querySelector('[role="alert"]'))).to.equal('Could not load the articles: no such site');
    button(listRoot(el), 'Retry')!.click();
    await waitUntil(() => text(listRoot(el).querySelector('[role="alert"]')), 'Retry lost the message', WAIT);
    await expect(el).to.be.accessible();
  });

  it('speaks 简体中文 with lang="zh-CN"', async () => {
    const el = await kbConsole('admin', 'zh-CN');
    const list = listRoot(el);
    expect(text(shadow(kbOf(el)).querySelector('#kb-heading'))).to.equal('知识库');
    expect(button(list, '新建文章')).to.exist;
    expect(labelled(list, '搜索文章')).to.exist;
    const row = rowTitled(el, '如何重置密码？')!;
    expect(row, 'titles in the console language').to.exist;
    expect(text(row.querySelector('.badge[data-locale="en"]'))).to.contain('已发布');
    expect(text(row.querySelector('.cat'))).to.equal('账户与安全');
  });
});
