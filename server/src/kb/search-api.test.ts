/**
 * Search through the public API: language handling end to end, and freshness: a write is visible to
 * the very next search, on this app and on another app sharing the database.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import type { ArticleAdmin, SearchResponse } from '@parley/protocol';
import { createApp } from '../app.js';
import type { ParleyApp } from '../app.js';
import { useTestServer } from '../test-clients.js';
import { api, codeOf, createArticle, createCategory, fixture, siteIdOf, staff } from './test-kit.js';

const env = useTestServer();

const setup = fixture(async () => {
  const s = env.server;
  const t = await staff(s);
  const site = await siteIdOf(s);
  const cat = await createCategory(s, t.supervisor, 'pets', 'Pets');
  const points = await createArticle(s, t.supervisor, { locale: 'zh-CN', title: '宠物寄养服务怎么预约', body: '登录后在服务中心选择宠物寄养，填写宠物品种和日期即可预约。', categoryId: cat.id, status: 'published' });
  const gift = await createArticle(s, t.supervisor, { locale: 'en', title: 'Checking a gift card balance', body: 'Enter the card number on the balance page.', status: 'published' });
  return { t, site, cat, points, gift };
});

const search = (server: { url: string; siteKey: string }, q: string, locale = 'en') => api<SearchResponse>(server, `/api/kb/${server.siteKey}/search?q=${encodeURIComponent(q)}&locale=${locale}`);
const ids = (r: { body: SearchResponse }) => r.body.hits.map((h) => h.id);

test('a Chinese query on an English page finds the Chinese article, in either script', async () => {
  const { points, cat } = await setup();
  for (const q of ['宠物寄养', '寵物寄養', '怎么预约宠物寄养']) {
    const r = await search(env.server, q, 'en');
    assert.equal(r.status, 200, q);
    assert.equal(r.body.query, q);
    assert.equal(r.body.hits[0]?.id, points.id, q);
  }
  const hit = (await search(env.server, '宠物寄养')).body.hits[0]!;
  assert.equal(hit.title, '宠物寄养服务怎么预约');
  assert.equal(hit.categoryId, cat.id);
  assert.equal(hit.locale, 'zh-CN');
  assert.equal(hit.updatedAt, points.updatedAt);
  assert.ok(hit.score > 0);
  assert.ok(hit.excerpt.length > 0 && hit.excerpt.length <= 400);
});

test('an edit is found by the very next search; an unpublished or deleted article disappears at once', async () => {
  const { gift, t } = await setup();
  assert.deepEqual(ids(await search(env.server, 'zebracorn')), [], 'nothing yet (and the index is now built)');
  const kb = (path: string, opts: { method?: string; json?: unknown } = {}) => api<{ article: ArticleAdmin }>(env.server, `/api/console/kb${path}`, { token: t.supervisor, ...opts });
  await kb(`/articles/${gift.id}`, { method: 'PATCH', json: { body: 'Enter the card number on the zebracorn balance page.' } });
  assert.deepEqual(ids(await search(env.server, 'zebracorn')), [gift.id]);
  await kb(`/articles/${gift.id}`, { method: 'PATCH', json: { title: 'Gift card balance and expiry' } });
  assert.equal((await search(env.server, 'zebracorn')).body.hits[0]!.title, 'Gift card balance and expiry', 'hits carry the new title');
  await kb(`/articles/${gift.id}`, { method: 'PATCH', json: { status: 'draft' } });
  assert.deepEqual(ids(await search(env.server, 'zebracorn')), []);
  // The console still finds the draft; the public never does.
  const consoleHits = await kb('/articles?q=zebracorn');
  assert.deepEqual((consoleHits.body as unknown as { articles: ArticleAdmin[] }).articles.map((a) => a.id), [gift.id]);
  await kb(`/articles/${gift.id}`, { method: 'PATCH', json: { status: 'published' } });
  assert.deepEqual(ids(await search(env.server, 'zebracorn')), [gift.id]);
  const extra = await createArticle(env.server, t.supervisor, { locale: 'en', title: 'Zebracorn stickers', body: 'Free with every order.', status: 'published' });
  assert.ok(ids(await search(env.server, 'zebracorn')).includes(extra.id), 'a new article is found at once');
  await kb(`/articles/${extra.id}`, { method: 'DELETE' });
  assert.deepEqual(ids(await search(env.server, 'zebracorn')), [gift.id]);
});

test('search input is checked', async () => {
  await setup();
  const base = `/api/kb/${env.server.siteKey}/search`;
  for (const [q, why] of [['', 'empty'], ['%20%20', 'blank'], ['x'.repeat(501), 'too long'], ['a%00b', 'NUL']] as const) {
    assert.equal(codeOf(await api(env.server, `${base}?q=${q}`)), 'invalid', why);
  }
  assert.equal(codeOf(await api(env.server, base)), 'invalid');
  assert.equal(codeOf(await api(env.server, `${base}?q=ok&limit=0`)), 'invalid');
  assert.equal(codeOf(await api(env.server, `${base}?q=ok&limit=abc`)), 'invalid');
  assert.equal(codeOf(await api(env.server, `${base}?q=ok&locale=xx`)), 'invalid');
  assert.equal((await api(env.server, `${base}?q=${'退'.repeat(500)}`)).status, 200, '500 characters are fine');
  assert.equal((await api(env.server, `/api/kb/site_nope/search?q=x`)).status, 404);
});

test('two apps on one database: writes on one are found at once by searches on the other', async () => {
  const { t, site } = await setup();
  const second: ParleyApp = createApp({ db: env.server.database, config: env.server.app.ctx.config, logger: pino({ level: 'silent' }) });
  const { url } = await second.listen(0);
  const other = { url, siteKey: env.server.siteKey };
  try {
    assert.deepEqual(ids(await search(other, 'quokkafish')), [], 'the second app builds its index');
    const a = await createArticle(env.server, t.supervisor, { locale: 'en', title: 'Quokkafish returns', body: 'Send it back within 30 days.', status: 'published' });
    assert.deepEqual(ids(await search(other, 'quokkafish')), [a.id], 'created on the first, found on the second');
    await api(env.server, `/api/console/kb/articles/${a.id}`, { token: t.supervisor, method: 'PATCH', json: { status: 'draft' } });
    assert.deepEqual(ids(await search(other, 'quokkafish')), [], 'unpublished on the first, gone on the second');

    // Writers on both apps at once: each app ends up with every article, none lost between revisions.
    const made = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        api<{ article: ArticleAdmin }>(i % 2 ? env.server : other, `/api/console/kb/articles?site=${site}`, {
          token: t.supervisor,
          json: { locale: 'en', title: `Wombatberry tip ${i}`, body: `Wombatberry advice number ${i}.`, status: 'published' },
        }),
      ),
    );
    assert.ok(made.every((m) => m.status === 201));
    const want = made.map((m) => m.body.article.id).sort();
    for (const server of [env.server, other]) {
      const r = await api<SearchResponse>(server, `/api/kb/${env.server.siteKey}/search?q=wombatberry&limit=50`);
      assert.deepEqual(ids(r).sort(), want);
    }
    await api(other, `/api/console/kb/articles/${made[0]!.body.article.id}`, { token: t.supervisor, method: 'DELETE' });
    const after = await api<SearchResponse>(env.server, `/api/kb/${env.server.siteKey}/search?q=wombatberry&limit=50`);
    assert.equal(after.body.hits.length, 11, 'deleted on the second, gone on the first');
  } finally {
    await second.close();
  }
});
