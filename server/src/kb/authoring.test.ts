/** The console's authoring API: roles, sites, and bad input that must change nothing. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import type { ArticleAdmin, KbCategory } from '@parley/protocol';
import { useTestServer } from '../test-clients.js';
import { api, codeOf, createArticle, createCategory, fixture, otherSite, postAlone, siteIdOf, staff } from './test-kit.js';
import type { Staff } from './test-kit.js';
import { kbArticles, kbCategories } from './schema.js';

const env = useTestServer();
let t: Staff;
let site: string;
let other: { id: string; key: string };

const kb = (path: string, token: string, opts: { method?: string; json?: unknown; raw?: string; type?: string } = {}) => api(env.server, `/api/console/kb${path}`, { token, ...opts });
const articleCount = async () => (await env.server.database.db.select({ n: count() }).from(kbArticles))[0]!.n;
const row = async (id: string) => (await env.server.database.db.select().from(kbArticles).where(eq(kbArticles.id, id)))[0];

const setup = fixture(async () => {
  t = await staff(env.server);
  site = await siteIdOf(env.server);
  other = await otherSite(env.server);
});

test('every route needs a signed-in agent', async () => {
  await setup();
  for (const [method, path] of [['GET', '/articles'], ['POST', '/articles'], ['GET', '/categories'], ['GET', '/export'], ['POST', '/import'], ['GET', '/gaps']] as const) {
    const r = await api(env.server, `/api/console/kb${path}`, { method, headers: { authorization: 'Bearer nope-nope-nope-nope' } });
    assert.equal(r.status, 401, `${method} ${path}`);
  }
});

test('sites: an agent works on the sites of their departments; an admin must pick one when there are several', async () => {
  await setup();
  assert.equal((await kb('/articles', t.alice)).status, 200, 'one site: no ?site needed');
  const forbidden = await kb(`/articles?site=${other.id}`, t.alice);
  assert.equal(forbidden.status, 403);
  assert.match(forbidden.body.error.message, /no department on this site/);
  const ambiguous = await kb('/articles', t.admin);
  assert.equal(ambiguous.status, 400);
  assert.match(ambiguous.body.error.message, /give \?site=/);
  assert.equal((await kb(`/articles?site=${other.id}`, t.admin)).status, 200);
  assert.equal(codeOf(await kb('/articles?site=nope', t.admin)), 'invalid');
  assert.equal(codeOf(await kb(`/articles?site=${crypto.randomUUID()}`, t.admin)), 'not_found');
});

test('an agent writes drafts but cannot publish: 403, and nothing changes', async () => {
  await setup();
  const before = await articleCount();
  const publish = await kb('/articles', t.alice, { json: { locale: 'en', title: 'Published by an agent?', body: 'no', status: 'published' } });
  assert.equal(publish.status, 403);
  assert.match(publish.body.error.message, /only a supervisor or an admin may publish/);
  assert.equal(await articleCount(), before);

  const draft = await createArticle(env.server, t.alice, { locale: 'en', title: 'Agent draft', body: 'first' });
  assert.equal(draft.status, 'draft');
  const edited = await kb(`/articles/${draft.id}`, t.alice, { method: 'PATCH', json: { body: 'second', keywords: ['a', 'A', ' b '] } });
  assert.equal(edited.status, 200);
  assert.equal(edited.body.article.body, 'second');
  assert.deepEqual(edited.body.article.keywords, ['a', 'b']);

  const up = await kb(`/articles/${draft.id}`, t.bob, { method: 'PATCH', json: { status: 'published', title: 'Sneaky' } });
  assert.equal(up.status, 403);
  const still = await row(draft.id);
  assert.equal(still!.status, 'draft');
  assert.equal(still!.title, 'Agent draft');
  assert.equal((await api(env.server, `/api/kb/${env.server.siteKey}/articles/${draft.id}`)).status, 404);

  assert.equal((await kb(`/articles/${draft.id}`, t.alice, { method: 'DELETE' })).status, 403);
  assert.ok(await row(draft.id), 'an agent cannot delete');

  // A supervisor publishes; from then on the agent may not edit or unpublish it.
  const pub = await kb(`/articles/${draft.id}`, t.supervisor, { method: 'PATCH', json: { status: 'published' } });
  assert.equal(pub.status, 200);
  assert.equal(pub.body.article.status, 'published');
  for (const patch of [{ body: 'vandal' }, { status: 'draft' }]) {
    const r = await kb(`/articles/${draft.id}`, t.alice, { method: 'PATCH', json: patch });
    assert.equal(r.status, 403, JSON.stringify(patch));
  }
  const live = await row(draft.id);
  assert.equal(live!.body, 'second');
  assert.equal(live!.status, 'published');
  assert.equal((await kb(`/articles/${draft.id}`, t.supervisor, { method: 'DELETE' })).status, 200);
  assert.equal(await row(draft.id), undefined);
});

test('categories are managed by supervisors and admins only', async () => {
  await setup();
  const body = { slug: 'agents-cannot', names: { en: 'Nope' } };
  assert.equal((await kb('/categories', t.alice, { json: body })).status, 403);
  const created = await kb('/categories', t.supervisor, { json: { slug: 'billing', names: { en: 'Billing', 'zh-CN': '账单', 'zh-TW': '帳單' } } });
  assert.equal(created.status, 201);
  const cat = created.body.category as KbCategory;
  assert.equal((await kb(`/categories/${cat.id}`, t.bob, { method: 'PATCH', json: { position: 9 } })).status, 403);
  assert.equal((await kb(`/categories/${cat.id}`, t.bob, { method: 'DELETE' })).status, 403);
  const dup = await kb('/categories', t.supervisor, { json: { slug: 'billing', names: { en: 'Again' } } });
  assert.equal(dup.status, 400);
  assert.match(dup.body.error.message, /slug "billing" already exists/);
  const renamed = await kb(`/categories/${cat.id}`, t.supervisor, { method: 'PATCH', json: { names: { en: 'Billing & invoices' }, position: 3 } });
  assert.equal(renamed.body.category.names.en, 'Billing & invoices');
  assert.equal(renamed.body.category.position, 3);
  for (const bad of [{ slug: 'Has Space', names: { en: 'x' } }, { slug: 'ok', names: {} }, { slug: 'ok', names: { en: '' } }, { slug: 'ok', names: { en: 'x', fr: 'y' } }]) {
    assert.equal(codeOf(await kb('/categories', t.admin, { json: bad })), 'invalid', JSON.stringify(bad));
  }
  // Deleting a category keeps its articles, uncategorised.
  const a = await createArticle(env.server, t.alice, { locale: 'en', title: 'In billing', body: 'x', categoryId: cat.id });
  assert.equal((await kb(`/categories/${cat.id}`, t.supervisor, { method: 'DELETE' })).status, 200);
  assert.equal((await row(a.id))!.categoryId, null);
  assert.equal((await kb(`/categories/${cat.id}`, t.supervisor, { method: 'DELETE' })).status, 404);
});

test('locale versions: a new version joins its group and category; a second version in one locale is refused', async () => {
  await setup();
  const cat = await createCategory(env.server, t.supervisor, 'shipping-v', 'Shipping');
  const en = await createArticle(env.server, t.alice, { locale: 'en', title: 'Delivery times', body: '2-5 days', categoryId: cat.id });
  const cn = await createArticle(env.server, t.alice, { groupId: en.groupId, locale: 'zh-CN', title: '配送时间', body: '2-5 天' });
  assert.equal(cn.groupId, en.groupId);
  assert.equal(cn.categoryId, cat.id, 'inherits the group category');
  assert.deepEqual(cn.versions, [{ id: en.id, locale: 'en', title: 'Delivery times', status: 'draft' }]);
  const before = await articleCount();
  const dup = await kb('/articles', t.alice, { json: { groupId: en.groupId, locale: 'zh-CN', title: '又一个', body: '…' } });
  assert.equal(dup.status, 400);
  assert.equal(dup.body.error.message, `locale: this article already has a zh-CN version (${cn.id}); edit that version instead of adding another`);
  const orphan = await kb('/articles', t.alice, { json: { groupId: crypto.randomUUID(), locale: 'en', title: 'x', body: 'y' } });
  assert.equal(orphan.status, 400);
  assert.match(orphan.body.error.message, /groupId: no article of this site has this group/);
  assert.equal(await articleCount(), before);
  // Moving one version moves the whole article.
  const cat2 = await createCategory(env.server, t.supervisor, 'shipping-w', 'Shipping 2');
  await kb(`/articles/${cn.id}`, t.alice, { method: 'PATCH', json: { categoryId: cat2.id } });
  assert.equal((await row(en.id))!.categoryId, cat2.id);
});

test('bad input gets a clear 4xx and changes nothing', async () => {
  await setup();
  const before = await articleCount();
  const good = { locale: 'en', title: 'Title', body: 'Body' };
  const cases: Array<[string, unknown, RegExp]> = [
    ['oversize markdown', { ...good, body: 'x'.repeat(20_001) }, /body: the article is longer than 20,000 characters/],
    ['NUL in a title', { ...good, title: 'a\u0000b' }, /title: contains a character that cannot be stored/],
    ['lone surrogate', { ...good, body: 'a\ud800b' }, /body: contains a character that cannot be stored/],
    ['blank title', { ...good, title: '   ' }, /title: title is empty/],
    ['unknown locale', { ...good, locale: 'fr' }, /^locale:/],
    ['unknown category', { ...good, categoryId: crypto.randomUUID() }, /categoryId: no such category on this site/],
    ['malformed category', { ...good, categoryId: 'billing' }, /categoryId: must be a UUID/],
    ['unknown field', { ...good, views: 99 }, /views|unrecognized/i],
    ['too many keywords', { ...good, keywords: Array.from({ length: 31 }, (_, i) => `k${i}`) }, /at most 30 keywords/],
  ];
  for (const [name, payload, message] of cases) {
    const s = await kb('/articles', t.alice, { json: payload });
    assert.equal(s.status, 400, name);
    assert.equal(s.body.error.code, 'invalid', name);
    assert.match(s.body.error.message, message, name);
  }
  // A category of another site is as unknown as a made-up one.
  const theirs = await createCategory(env.server, t.admin, 'theirs', 'Theirs', other.id);
  assert.match((await kb('/articles', t.alice, { json: { ...good, categoryId: theirs.id } })).body.error.message, /no such category on this site/);
  assert.equal((await kb('/articles', t.alice, { raw: '{not json', type: 'application/json' })).status, 400);
  assert.equal(await articleCount(), before);

  for (const path of ['/articles/not-a-uuid', `/articles/${crypto.randomUUID()}`, '/articles/%00']) {
    assert.equal((await kb(path, t.alice)).status, 404, path);
    assert.equal((await kb(path, t.alice, { method: 'PATCH', json: { title: 'x' } })).status, 404, path);
    assert.equal((await kb(path, t.supervisor, { method: 'DELETE' })).status, 404, path);
  }
  assert.equal((await kb('/categories/%00', t.supervisor, { method: 'PATCH', json: { position: 1 } })).status, 404);
  assert.equal(codeOf(await kb('/articles?status=archived', t.alice)), 'invalid');
  assert.equal(codeOf(await kb('/articles?limit=0', t.alice)), 'invalid');
  const empty = await createArticle(env.server, t.alice, good as never);
  assert.match((await kb(`/articles/${empty.id}`, t.alice, { method: 'PATCH', json: {} })).body.error.message, /nothing to change/);
  assert.match((await kb(`/articles/${empty.id}`, t.alice, { method: 'PATCH', json: { locale: 'zh-CN' } })).body.error.message, /locale|unrecognized/i);
});

test('article bodies: 20,000 CJK characters are accepted; a request over 256 KiB is 413', async () => {
  await setup();
  const body = '退货流程说明'.repeat(3334).slice(0, 20_000);
  const big = await kb('/articles', t.alice, { json: { locale: 'zh-CN', title: '很长的文章', body } });
  assert.equal(big.status, 201);
  assert.equal((big.body.article as ArticleAdmin).body.length, 20_000);
  const before = await articleCount();
  const huge = await postAlone(env.server, '/api/console/kb/articles', JSON.stringify({ locale: 'en', title: 'x', body: 'y', pad: 'z'.repeat(300 * 1024) }), { authorization: `Bearer ${t.alice}` });
  assert.equal(huge.status, 413);
  assert.equal(huge.body.error.code, 'too_large');
  assert.equal(await articleCount(), before);
  // Elsewhere the API keeps its 64 KiB cap.
  const elsewhere = await postAlone(env.server, '/api/visitor/session', JSON.stringify({ siteKey: env.server.siteKey, pad: 'x'.repeat(70 * 1024) }), {});
  assert.equal(elsewhere.status, 413);
});

test('preview renders with the article renderer, inert', async () => {
  await setup();
  const r = await kb('/preview', t.bob, { json: { markdown: '# Hi\n\nSee <script>alert(1)</script> [x](javascript:alert(1))' } });
  assert.equal(r.status, 200);
  assert.equal(r.body.html, '<h1>Hi</h1>\n<p>See &lt;script&gt;alert(1)&lt;/script&gt; <a rel="noopener noreferrer" target="_blank">x</a></p>\n');
  assert.equal(codeOf(await kb('/preview', t.bob, { json: { markdown: 'x'.repeat(20_001) } })), 'invalid');
});

test('the console lists drafts and published articles with their numbers, filtered', async () => {
  await setup();
  const cat = await createCategory(env.server, t.supervisor, 'listing', 'Listing');
  const a = await createArticle(env.server, t.supervisor, { locale: 'zh-TW', title: '列表測試', body: '內容', categoryId: cat.id, status: 'published' });
  const d = await createArticle(env.server, t.alice, { groupId: a.groupId, locale: 'en', title: 'Listing test', body: 'content' });
  const list = await kb(`/articles?category=listing`, t.bob);
  assert.deepEqual(
    (list.body.articles as ArticleAdmin[]).map((x) => [x.id, x.status]).sort(),
    [
      [a.id, 'published'],
      [d.id, 'draft'],
    ].sort(),
  );
  const drafts = await kb(`/articles?category=${cat.id}&status=draft`, t.bob);
  assert.deepEqual((drafts.body.articles as ArticleAdmin[]).map((x) => x.id), [d.id]);
  const tw = await kb(`/articles?category=listing&locale=zh-TW`, t.bob);
  const only = (tw.body.articles as ArticleAdmin[])[0]!;
  assert.equal(only.id, a.id);
  assert.deepEqual(only.helpful, { yes: 0, no: 0 });
  assert.equal(only.views, 0);
  assert.deepEqual(only.versions, [{ id: d.id, locale: 'en', title: 'Listing test', status: 'draft' }], 'the console sees draft versions, with their status');
  const cats = await kb('/categories', t.bob);
  assert.equal((cats.body.categories as KbCategory[]).find((c) => c.slug === 'listing')!.articleCount, 1);
  assert.ok((await env.server.database.db.select().from(kbCategories).where(eq(kbCategories.slug, 'listing'))).length === 1);
});
