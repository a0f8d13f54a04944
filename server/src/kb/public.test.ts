/** The public help-center API: what a visitor's browser can read and vote on. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Article, ArticleAdmin, ArticleSummary, KbCategory } from '@parley/protocol';
import { createVisitorSession, useTestServer, useTestServers } from '../test-clients.js';
import { api, codeOf, createArticle, createCategory, fixture, otherSite, siteIdOf, staff } from './test-kit.js';
import type { Staff } from './test-kit.js';
import { kbArticles, kbVotes } from './schema.js';

const env = useTestServer();
let tokens: Staff;
let site: string;
let orders: KbCategory;
let tri: { en: ArticleAdmin; cn: ArticleAdmin; tw: ArticleAdmin };
let cnOnly: { en: ArticleAdmin; cn: ArticleAdmin };
let draft: ArticleAdmin;
let foreign: ArticleAdmin;

const pub = <T>(path: string, headers?: Record<string, string>) => api<T>(env.server, `/api/kb/${env.server.siteKey}${path}`, headers ? { headers } : {});

const setup = fixture(async () => {
  const s = env.server;
  tokens = await staff(s);
  site = await siteIdOf(s);
  orders = await createCategory(s, tokens.admin, 'orders-test', 'Orders', site);
  const en = await createArticle(s, tokens.admin, { locale: 'en', title: 'Tracking a parcel', body: 'Open **My orders** to track it.', categoryId: orders.id, status: 'published' }, site);
  const cn = await createArticle(s, tokens.admin, { groupId: en.groupId, locale: 'zh-CN', title: '查询包裹物流', body: '在“我的订单”中查询。', status: 'published' }, site);
  const tw = await createArticle(s, tokens.admin, { groupId: en.groupId, locale: 'zh-TW', title: '查詢包裹物流', body: '在「我的訂單」中查詢。', status: 'published' }, site);
  tri = { en, cn, tw };
  const en2 = await createArticle(s, tokens.admin, { locale: 'en', title: 'Changing the address', body: 'Before it ships.', categoryId: orders.id, status: 'published' }, site);
  const cn2 = await createArticle(s, tokens.admin, { groupId: en2.groupId, locale: 'zh-CN', title: '修改收货地址', body: '发货前可以修改。', status: 'published' }, site);
  cnOnly = { en: en2, cn: cn2 };
  draft = await createArticle(s, tokens.admin, { locale: 'en', title: 'Unreleased plans', body: 'secret', categoryId: orders.id }, site);
  const other = await otherSite(s);
  foreign = await createArticle(s, tokens.admin, { locale: 'en', title: 'Another company', body: 'not yours', status: 'published' }, other.id);
});

test('categories show published articles counted once per article, in every locale', async () => {
  await setup();
  const r = await pub<{ categories: KbCategory[] }>('/categories?locale=zh-TW');
  assert.equal(r.status, 200);
  const mine = r.body.categories.find((c) => c.slug === 'orders-test');
  assert.ok(mine, 'the category is listed');
  assert.equal(mine.articleCount, 2, 'two published articles; the draft and the locale versions do not count');
  assert.equal(mine.names['zh-TW'], 'Orders (繁)');
});

test('the list gives one version per article, in the reader locale or the nearest one', async () => {
  await setup();
  const titles = async (locale: string) => (await pub<{ articles: ArticleSummary[] }>(`/articles?locale=${locale}&category=orders-test`)).body.articles.map((a) => [a.locale, a.title]);
  assert.deepEqual(await titles('en'), [
    ['en', 'Tracking a parcel'],
    ['en', 'Changing the address'],
  ]);
  assert.deepEqual(await titles('zh-CN'), [
    ['zh-CN', '查询包裹物流'],
    ['zh-CN', '修改收货地址'],
  ]);
  // No zh-TW version of the second article: the zh-CN one stands in before English.
  assert.deepEqual(await titles('zh-TW'), [
    ['zh-TW', '查詢包裹物流'],
    ['zh-CN', '修改收货地址'],
  ]);
  // Without ?locale the browser's language decides.
  const byHeader = await pub<{ articles: ArticleSummary[] }>(`/articles?category=${orders.id}`, { 'accept-language': 'zh-TW,zh;q=0.8' });
  assert.equal(byHeader.body.articles[0]!.title, '查詢包裹物流');
});

test('drafts and other sites\' articles are invisible, and look exactly like unknown ones', async () => {
  await setup();
  const all = (await pub<{ articles: ArticleSummary[] }>('/articles?locale=en')).body.articles;
  assert.ok(!all.some((a) => a.id === draft.id || a.id === foreign.id));
  for (const id of [draft.id, foreign.id, crypto.randomUUID(), 'not-a-uuid', '1%00']) {
    const r = await pub(`/articles/${id}`);
    assert.equal(r.status, 404, id);
    assert.deepEqual(r.body, { error: { code: 'not_found', message: 'no such article' } });
  }
  assert.equal((await api(env.server, `/api/kb/site_nope/articles`)).status, 404);
  assert.equal((await api(env.server, `/api/kb/site%00/articles`)).status, 404);
  assert.equal((await pub('/articles?category=nope')).status, 404);
  assert.equal(codeOf(await pub('/articles?locale=fr')), 'invalid');
  const [row] = await env.server.database.db.select().from(kbArticles).where(eq(kbArticles.id, draft.id));
  assert.equal(row!.views, 0, 'a refused read counts no view');
});

test('reading an article counts a view and gives sanitised HTML and the published versions', async () => {
  await setup();
  const first = await pub<{ article: Article }>(`/articles/${tri.en.id}`);
  assert.equal(first.status, 200);
  assert.equal(first.body.article.html, '<p>Open <strong>My orders</strong> to track it.</p>\n');
  assert.deepEqual(first.body.article.versions, [
    { id: tri.cn.id, locale: 'zh-CN', title: '查询包裹物流', status: 'published' },
    { id: tri.tw.id, locale: 'zh-TW', title: '查詢包裹物流', status: 'published' },
  ]);
  assert.equal((first.body.article as Partial<ArticleAdmin>).views, undefined, 'the public never sees counters');
  await pub(`/articles/${tri.en.id}`);
  const [row] = await env.server.database.db.select().from(kbArticles).where(eq(kbArticles.id, tri.en.id));
  assert.equal(row!.views, 2);
  // A draft version of a group is not offered to the public.
  const tr = await createArticle(env.server, tokens.admin, { groupId: cnOnly.en.groupId, locale: 'zh-TW', title: '修改地址（草稿）', body: '…' }, site);
  const second = await pub<{ article: Article }>(`/articles/${cnOnly.en.id}`);
  assert.deepEqual(
    second.body.article.versions.map((v) => v.id),
    [cnOnly.cn.id],
  );
  assert.ok(tr.id);
});

test('a visitor has one vote per article: a second one replaces the first, counters stay right', async () => {
  await setup();
  const visitor = await createVisitorSession(env.server.url, env.server.siteKey);
  const path = `/api/kb/${env.server.siteKey}/articles/${tri.cn.id}/votes`;
  const yes = await api(env.server, path, { json: { helpful: true, visitorToken: visitor.token } });
  assert.deepEqual(yes.body, { ok: true, helpful: { yes: 1, no: 0 } });
  const no = await api(env.server, path, { json: { helpful: false, comment: '  没说清楚运费  ', visitorToken: visitor.token } });
  assert.deepEqual(no.body, { ok: true, helpful: { yes: 0, no: 1 } });
  const again = await api(env.server, path, { json: { helpful: false, visitorToken: visitor.token } });
  assert.deepEqual(again.body, { ok: true, helpful: { yes: 0, no: 1 } });
  const rows = await env.server.database.db.select().from(kbVotes).where(eq(kbVotes.articleId, tri.cn.id));
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.visitorId, visitor.visitorId);
  assert.equal(rows[0]!.comment, null, 'the replacing vote carried no comment');
  // Anonymous votes all count.
  await api(env.server, path, { json: { helpful: true } });
  const anon = await api(env.server, path, { json: { helpful: true, comment: 'Clear, thanks' } });
  assert.deepEqual(anon.body, { ok: true, helpful: { yes: 2, no: 1 } });
  const comments = await api<{ comments: Array<{ helpful: boolean; comment: string }> }>(env.server, `/api/console/kb/articles/${tri.cn.id}/comments?site=${site}`, { token: tokens.admin });
  assert.deepEqual(
    comments.body.comments.map((c) => [c.helpful, c.comment]),
    [[true, 'Clear, thanks']],
  );
});

test('votes: bad input changes nothing', async () => {
  await setup();
  const path = (id: string) => `/api/kb/${env.server.siteKey}/articles/${id}/votes`;
  const before = (await env.server.database.db.select().from(kbArticles).where(eq(kbArticles.id, tri.tw.id)))[0]!;
  const long = await api(env.server, path(tri.tw.id), { json: { helpful: true, comment: 'x'.repeat(1001) } });
  assert.equal(long.status, 400);
  assert.match(long.body.error.message, /comment is longer than 1000 characters/);
  assert.equal((await api(env.server, path(tri.tw.id), { json: { helpful: 'yes' } })).status, 400);
  assert.equal((await api(env.server, path(tri.tw.id), { json: { helpful: true, comment: 'a\u0000b' } })).status, 400);
  assert.equal((await api(env.server, path(tri.tw.id), { raw: 'not json', type: 'application/json' })).status, 400);
  assert.equal((await api(env.server, path(draft.id), { json: { helpful: true } })).status, 404);
  assert.equal((await api(env.server, path(foreign.id), { json: { helpful: true } })).status, 404);
  assert.equal((await api(env.server, path('zzz'), { json: { helpful: true } })).status, 404);
  const ok = await api(env.server, path(tri.tw.id), { json: { helpful: true, comment: 'y'.repeat(1000) } });
  assert.equal(ok.status, 200);
  const after = (await env.server.database.db.select().from(kbArticles).where(eq(kbArticles.id, tri.tw.id)))[0]!;
  assert.equal(after.helpfulYes, before.helpfulYes + 1, 'only the valid vote counted');
  const draftVotes = await env.server.database.db.select().from(kbVotes).where(and(eq(kbVotes.articleId, draft.id)));
  assert.equal(draftVotes.length, 0);
});

test('a site\'s allowlist applies to the help-center API too', async () => {
  await setup();
  const r = await pub('/categories', { origin: 'https://shop.example' });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('access-control-allow-origin'), 'https://shop.example');
});

const serve = useTestServers();

test('votes and reads are rate-limited per IP with a 429 that says when to retry', async () => {
  const server = await serve({ rateKbVotesPerIp: { points: 2, seconds: 60 }, rateKbReadsPerIp: { points: 3, seconds: 60 } });
  const s = await siteIdOf(server);
  const t = await staff(server);
  const a = await createArticle(server, t.admin, { locale: 'en', title: 'Rate', body: 'limits', status: 'published' }, s);
  const path = `/api/kb/${server.siteKey}/articles/${a.id}/votes`;
  assert.equal((await api(server, path, { json: { helpful: true } })).status, 200);
  assert.equal((await api(server, path, { json: { helpful: true } })).status, 200);
  const third = await api(server, path, { json: { helpful: true } });
  assert.equal(third.status, 429);
  assert.equal(third.body.error.code, 'rate_limited');
  assert.ok(Number(third.headers.get('retry-after')) >= 1);
  const [row] = await server.database.db.select().from(kbArticles).where(eq(kbArticles.id, a.id));
  assert.equal(row!.helpfulYes, 2, 'the refused vote was not counted');
  const reads = [];
  for (let i = 0; i < 4; i++) reads.push((await api(server, `/api/kb/${server.siteKey}/categories`)).status);
  assert.deepEqual(reads, [200, 200, 200, 429]);
});

test('a fresh database is seeded with the demo help center, every version published and linked', async () => {
  await setup();
  const { DEMO_KB_ARTICLES, DEMO_KB_CATEGORIES } = await import('./demo-content.js');
  const cats = (await pub<{ categories: KbCategory[] }>('/categories')).body.categories;
  for (const c of DEMO_KB_CATEGORIES) assert.ok(cats.some((x) => x.slug === c.slug && x.names.en === c.names.en), c.slug);
  for (const a of DEMO_KB_ARTICLES) {
    const rows = await env.server.database.db.select().from(kbArticles).where(eq(kbArticles.title, a.versions.en.title));
    assert.equal(rows.length, 1, a.key);
    const group = await env.server.database.db.select().from(kbArticles).where(eq(kbArticles.groupId, rows[0]!.groupId));
    assert.deepEqual(group.map((r) => r.locale).sort(), Object.keys(a.versions).sort(), a.key);
    assert.ok(group.every((r) => r.status === 'published' && r.categoryId === cats.find((c) => c.slug === a.category)!.id), a.key);
  }
  const zhTw = (await pub<{ articles: ArticleSummary[] }>('/articles?locale=zh-TW')).body.articles;
  assert.ok(zhTw.filter((x) => x.locale === 'zh-TW').length >= DEMO_KB_ARTICLES.length);
});
