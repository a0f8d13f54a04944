/** Import and export: JSON and a zip of markdown, round trips, and imports that must write nothing. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { ArticleSummary, KbCategory, KbExport, KbImportResult } from '@parley/protocol';
import { useTestServer } from '../test-clients.js';
import { kbArticles, kbCategories } from './schema.js';
import { api, createArticle, createCategory, fixture, otherSite, postAlone, siteIdOf, staff } from './test-kit.js';
import { groupIdFor } from './transfer.js';

const env = useTestServer();

const setup = fixture(async () => {
  const s = env.server;
  const t = await staff(s);
  const site = await siteIdOf(s);
  const source = await otherSite(s);
  const target = await otherSite(s);
  const zipTarget = await otherSite(s);
  // A small knowledge base on `source`, with every feature the formats must carry.
  const cat = await createCategory(s, t.admin, 'accounts', 'Accounts', source.id);
  await createCategory(s, t.admin, 'empty-one', 'Empty', source.id);
  const en = await createArticle(s, t.admin, { locale: 'en', title: 'Resetting a password', body: '## Steps\n\n1. Click **Forgot password**\n2. Check your email: "quotes" & ampersands', categoryId: cat.id, keywords: ['password', 'login'], status: 'published' }, source.id);
  await createArticle(s, t.admin, { groupId: en.groupId, locale: 'zh-CN', title: '重置密码', body: '点击“忘记密码”。\n\n---\n\n分隔线之后的内容', status: 'published' }, source.id);
  await createArticle(s, t.admin, { groupId: en.groupId, locale: 'zh-TW', title: '重設密碼：草稿', body: '點擊「忘記密碼」。', status: 'draft' }, source.id);
  await createArticle(s, t.admin, { locale: 'en', title: 'No category here', body: 'Plain.', status: 'published' }, source.id);
  return { t, site, source, target, zipTarget };
});

const kb = <T = any>(path: string, token: string, site: string, opts: { method?: string; json?: unknown; raw?: BodyInit; type?: string } = {}) =>
  api<T>(env.server, `/api/console/kb${path}${path.includes('?') ? '&' : '?'}site=${site}`, { token, ...opts });
const counts = async () => ({
  articles: (await env.server.database.db.select({ n: count() }).from(kbArticles))[0]!.n,
  categories: (await env.server.database.db.select({ n: count() }).from(kbCategories))[0]!.n,
});
/** An export without what legitimately differs between two sites. */
const comparable = (e: KbExport) => ({ categories: e.categories, articles: [...e.articles].sort((a, b) => `${a.group}${a.locale}`.localeCompare(`${b.group}${b.locale}`)) });

test('JSON: export, import into another site, import again: same content, updated not duplicated', async () => {
  const { t, source, target } = await setup();
  const exported = await kb<KbExport>('/export', t.admin, source.id);
  assert.equal(exported.status, 200);
  assert.match(exported.headers.get('content-disposition') ?? '', /attachment; filename="parley-kb-\d{4}-\d{2}-\d{2}\.json"/);
  const data = exported.body;
  assert.equal(data.format, 'parley-kb');
  assert.equal(data.articles.length, 4);
  assert.deepEqual(data.categories.map((c) => c.slug), ['accounts', 'empty-one']);
  const reset = data.articles.find((a) => a.locale === 'en' && a.category === 'accounts')!;
  assert.deepEqual(reset.keywords, ['password', 'login']);

  const first = await kb<KbImportResult>('/import', t.admin, target.id, { json: data });
  assert.equal(first.status, 200);
  assert.deepEqual(first.body, { categories: { created: 2, updated: 0 }, articles: { created: 4, updated: 0 } });
  const second = await kb<KbImportResult>('/import', t.admin, target.id, { json: data });
  assert.deepEqual(second.body, { categories: { created: 0, updated: 2 }, articles: { created: 0, updated: 4 } });
  const back = (await kb<KbExport>('/export', t.admin, target.id)).body;
  assert.deepEqual(comparable(back), comparable(data));
  // Imported published articles are live on the target site, drafts are not.
  const listed = await api<{ articles: ArticleSummary[] }>(env.server, `/api/kb/${target.key}/articles?locale=zh-TW`);
  assert.deepEqual(listed.body.articles.map((a) => a.title).sort(), ['No category here', '重置密码']);
});

test('zip of markdown: one file per version with front matter, and it imports back to the same content', async () => {
  const { t, source, zipTarget } = await setup();
  const res = await kb<Uint8Array>('/export?format=markdown', t.admin, source.id);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/zip');
  const files = unzipSync(res.body);
  const names = Object.keys(files).sort();
  const json = (await kb<KbExport>('/export', t.admin, source.id)).body;
  const group = json.articles.find((a) => a.category === 'accounts')!.group;
  const loose = json.articles.find((a) => a.category === null)!.group;
  assert.deepEqual(names, ['_uncategorized/' + loose + '.en.md', `accounts/${group}.en.md`, `accounts/${group}.zh-CN.md`, `accounts/${group}.zh-TW.md`, 'categories.json'].sort());
  const zhTw = strFromU8(files[`accounts/${group}.zh-TW.md`]!);
  assert.equal(zhTw, `---\ntitle: "重設密碼：草稿"\ngroup: "${group}"\nlocale: zh-TW\ncategory: "accounts"\nstatus: draft\nkeywords: []\n---\n\n點擊「忘記密碼」。`);

  const imported = await kb<KbImportResult>('/import', t.admin, zipTarget.id, { raw: res.body as Uint8Array<ArrayBuffer>, type: 'application/zip' });
  assert.equal(imported.status, 200, JSON.stringify(imported.body));
  assert.deepEqual(imported.body, { categories: { created: 2, updated: 0 }, articles: { created: 4, updated: 0 } });
  const back = (await kb<KbExport>('/export', t.admin, zipTarget.id)).body;
  assert.deepEqual(comparable(back), comparable(json), 'bodies with --- rules, quotes and CJK survive the round trip');
});

test('a plain folder of markdown files imports: folders become categories, headings titles, file names locales', async () => {
  const { t } = await setup();
  const fresh = await otherSite(env.server);
  const zip = zipSync({
    'help/Billing & Payments/refunds.en.md': strToU8('# How refunds work\n\nWithin **5 days**.'),
    'help/Billing & Payments/refunds.zh-CN.md': strToU8('# 退款说明\n\n5 天内退款。'),
    'help/Billing & Payments/invoices.md': strToU8('---\nkeywords: vat, receipt\nstatus: draft\n---\n# Invoices\n\nDownload them.'),
    'help/__MACOSX/._refunds.en.md': strToU8('junk'),
    'help/.DS_Store': strToU8('junk'),
  });
  const r = await kb<KbImportResult>('/import', t.admin, fresh.id, { raw: zip, type: 'application/zip' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.deepEqual(r.body, { categories: { created: 1, updated: 0 }, articles: { created: 3, updated: 0 } });
  const data = (await kb<KbExport>('/export', t.admin, fresh.id)).body;
  assert.deepEqual(data.categories, [{ slug: 'billing-payments', names: { en: 'Billing & Payments' }, position: 0 }]);
  const byTitle = new Map(data.articles.map((a) => [a.title, a]));
  assert.equal(byTitle.get('How refunds work')!.body, 'Within **5 days**.');
  assert.equal(byTitle.get('How refunds work')!.status, 'published');
  assert.equal(byTitle.get('退款说明')!.locale, 'zh-CN');
  assert.equal(byTitle.get('退款说明')!.group, byTitle.get('How refunds work')!.group, 'same file stem, same article');
  assert.equal(byTitle.get('How refunds work')!.group, groupIdFor(fresh.id, 'refunds'));
  assert.deepEqual(byTitle.get('Invoices')!.keywords, ['vat', 'receipt']);
  assert.equal(byTitle.get('Invoices')!.status, 'draft');
  assert.equal(byTitle.get('Invoices')!.category, 'billing-payments');
});

test('one bad article refuses the whole import, names it, and writes nothing', async () => {
  const { t, source } = await setup();
  const fresh = await otherSite(env.server);
  const data = (await kb<KbExport>('/export', t.admin, source.id)).body;
  const before = await counts();
  const cases: Array<[string, (d: KbExport) => void, RegExp]> = [
    ['NUL in a body', (d) => (d.articles[2]!.body = 'bad\u0000'), /^articles\[2\] ".*": body: contains a character that cannot be stored.*; nothing was imported$/],
    ['oversize body', (d) => (d.articles[1]!.body = 'x'.repeat(20_001)), /^articles\[1\] ".*": body: the article is longer than 20,000 characters/],
    ['empty title', (d) => (d.articles[3]!.title = ''), /^articles\[3\]: title: title is empty|^articles\[3\] "": title/],
    ['unknown category', (d) => (d.articles[0]!.category = 'nowhere'), /^articles\[0\] ".*": no category has the slug "nowhere"/],
    ['duplicate version', (d) => d.articles.push({ ...d.articles[0]! }), /^articles\[4\] ".*": the en version of group ".*" is also articles\[0\]/],
    ['duplicate slug', (d) => d.categories.push({ ...d.categories[0]! }), /^categories\[2\]: the slug "accounts" appears twice/],
    ['wrong format', (d) => ((d as { format: string }).format = 'other'), /^format:/],
    ['split category', (d) => (d.articles.find((a) => a.locale === 'zh-CN')!.category = 'empty-one'), /share a category/],
  ];
  for (const [name, spoil, message] of cases) {
    const bad = structuredClone(data);
    spoil(bad);
    const r = await kb('/import', t.admin, fresh.id, { json: bad });
    assert.equal(r.status, 400, name);
    assert.match(r.body.error.message, message, name);
    assert.deepEqual(await counts(), before, `${name}: nothing written`);
  }
  // The same in a zip names the file.
  const zip = zipSync({ 'faq/good.en.md': strToU8('# Good\n\nfine'), 'faq/bad.en.md': strToU8(`# Bad\n\n${'x'.repeat(20_001)}`) });
  const z = await kb('/import', t.admin, fresh.id, { raw: zip, type: 'application/zip' });
  assert.equal(z.status, 400);
  assert.match(z.body.error.message, /^faq\/bad\.en\.md: body: the article is longer than 20,000 characters/);
  assert.deepEqual(await counts(), before);
  for (const [raw, type] of [['not a zip', 'application/zip'], ['{"format":', 'application/json'], ['x', 'text/plain']] as const) {
    const r = await kb('/import', t.admin, fresh.id, { raw, type });
    assert.equal(r.status, 400, type);
  }
  assert.deepEqual(await counts(), before);
});

test('import is for supervisors and admins; a large import passes the body limit', async () => {
  const { t, site } = await setup();
  const data: KbExport = {
    format: 'parley-kb',
    version: 1,
    exportedAt: new Date().toISOString(),
    categories: [{ slug: 'bulk', names: { en: 'Bulk' }, position: 0 }],
    // ~1.2 MB of JSON: far over the API's usual 64 KiB.
    articles: Array.from({ length: 60 }, (_, i) => ({ group: `bulk-${i}`, locale: 'zh-CN' as const, title: `批量文章 ${i}`, body: '批量导入的正文内容。'.repeat(1000), category: 'bulk', keywords: [], status: 'published' as const })),
  };
  const body = JSON.stringify(data);
  assert.ok(Buffer.byteLength(body) > 1_000_000);
  const refused = await postAlone(env.server, `/api/console/kb/import?site=${site}`, body, { authorization: `Bearer ${t.alice}` });
  assert.equal(refused.status, 403);
  const ok = await postAlone(env.server, `/api/console/kb/import?site=${site}`, body, { authorization: `Bearer ${t.supervisor}` });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.deepEqual(ok.body, { categories: { created: 1, updated: 0 }, articles: { created: 60, updated: 0 } });
  const [row] = await env.server.database.db.select().from(kbArticles).where(eq(kbArticles.groupId, groupIdFor(site, 'bulk-7')));
  assert.equal(row!.title, '批量文章 7');
  const tooBig = await postAlone(env.server, `/api/console/kb/import?site=${site}`, JSON.stringify({ pad: 'x'.repeat(6 * 1024 * 1024) }), { authorization: `Bearer ${t.supervisor}` });
  assert.equal(tooBig.status, 413);
});

test('importing updates an existing article in place, keeping its counters', async () => {
  const { t } = await setup();
  const fresh = await otherSite(env.server);
  const a = await createArticle(env.server, t.admin, { locale: 'en', title: 'Old title', body: 'old', status: 'published' }, fresh.id);
  await api(env.server, `/api/kb/${fresh.key}/articles/${a.id}`);
  const data: KbExport = { format: 'parley-kb', version: 1, exportedAt: new Date().toISOString(), categories: [], articles: [{ group: a.groupId, locale: 'en', title: 'New title', body: 'new', category: null, keywords: [], status: 'published' }] };
  const r = await kb<KbImportResult>('/import', t.admin, fresh.id, { json: data });
  assert.deepEqual(r.body.articles, { created: 0, updated: 1 });
  const [row] = await env.server.database.db.select().from(kbArticles).where(eq(kbArticles.id, a.id));
  assert.equal(row!.title, 'New title');
  assert.equal(row!.views, 1);
  const cats = await kb<{ categories: KbCategory[] }>('/categories', t.admin, fresh.id);
  assert.deepEqual(cats.body.categories, []);
});
