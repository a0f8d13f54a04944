/** The gap report: repeats grouped, most asked first, resolved by an article, reopened when asked again. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KbGap } from '@parley/protocol';
import { useTestServer } from '../test-clients.js';
import { gapKey, listGaps, recordGap } from './gaps.js';
import { api, codeOf, createArticle, fixture, otherSite, siteIdOf, staff } from './test-kit.js';

const env = useTestServer();
const setup = fixture(async () => ({ t: await staff(env.server), site: await siteIdOf(env.server), other: await otherSite(env.server) }));

test('repeats of one question group under one key, whatever the case, width, punctuation or script', async () => {
  const { site, other } = await setup();
  const ctx = env.server.app.ctx;
  assert.equal(gapKey('怎么退款？'), gapKey('怎麼退款'));
  assert.equal(gapKey('How do I get a REFUND?'), gapKey('how do i get a ｒｅｆｕｎｄ'));
  await recordGap(ctx, { siteId: site, locale: 'zh-CN', text: '怎么退款？', reason: 'unanswered' });
  await recordGap(ctx, { siteId: site, locale: 'zh-TW', text: '怎麼退款', reason: 'unanswered' });
  await recordGap(ctx, { siteId: site, locale: 'zh-CN', text: '怎么退款', reason: 'not_helpful' });
  await recordGap(ctx, { siteId: site, locale: 'en', text: 'Do you ship to Mars?', reason: 'unanswered' });
  await recordGap(ctx, { siteId: site, locale: 'en', text: 'do you ship to mars', reason: 'unanswered' });
  await recordGap(ctx, { siteId: site, locale: 'en', text: 'Can I pay in goats?', reason: 'unanswered' });
  await recordGap(ctx, { siteId: other.id, locale: 'en', text: 'Can I pay in goats?', reason: 'unanswered' });
  await recordGap(ctx, { siteId: site, locale: 'en', text: '   ', reason: 'unanswered' });

  const gaps = await listGaps(ctx, { siteId: site });
  assert.deepEqual(
    gaps.map((g) => [g.example, g.count, g.locale, g.reason]),
    [
      ['怎么退款', 3, 'zh-CN', 'not_helpful'],
      ['do you ship to mars', 2, 'en', 'unanswered'],
      ['Can I pay in goats?', 1, 'en', 'unanswered'],
    ],
    'most asked first; the latest wording, locale and reason; other sites and blank questions apart',
  );
  assert.equal((await listGaps(ctx, { siteId: other.id })).length, 1);
  assert.equal((await listGaps(ctx, { siteId: site, limit: 1 })).length, 1);
});

test('the console lists gaps and resolves one with an article; asked again, it reopens', async () => {
  const { t, site } = await setup();
  const ctx = env.server.app.ctx;
  await recordGap(ctx, { siteId: site, locale: 'en', text: 'Where is the zanzibar office?', reason: 'unanswered' });
  const list = await api<{ gaps: KbGap[] }>(env.server, '/api/console/kb/gaps', { token: t.bob });
  assert.equal(list.status, 200);
  const gap = list.body.gaps.find((g) => g.example === 'Where is the zanzibar office?')!;
  assert.ok(gap);
  const article = await createArticle(env.server, t.bob, { locale: 'en', title: 'Our Zanzibar office', body: 'Stone Town.' });
  const path = `/api/console/kb/gaps/${encodeURIComponent(gap.key)}/resolve`;
  assert.equal(codeOf(await api(env.server, path, { token: t.bob, json: { articleId: 'nope' } })), 'invalid');
  assert.equal(codeOf(await api(env.server, path, { token: t.bob, json: { articleId: crypto.randomUUID() } })), 'not_found');
  assert.equal(codeOf(await api(env.server, `/api/console/kb/gaps/${encodeURIComponent('never asked')}/resolve`, { token: t.bob, json: { articleId: article.id } })), 'not_found');
  assert.equal(codeOf(await api(env.server, `/api/console/kb/gaps/a%00b/resolve`, { token: t.bob, json: { articleId: article.id } })), 'not_found');
  const ok = await api(env.server, path, { token: t.bob, json: { articleId: article.id } });
  assert.deepEqual(ok.body, { ok: true });
  const after = await api<{ gaps: KbGap[] }>(env.server, '/api/console/kb/gaps', { token: t.bob });
  assert.ok(!after.body.gaps.some((g) => g.key === gap.key), 'a resolved gap leaves the report');
  await recordGap(ctx, { siteId: site, locale: 'en', text: 'where is the Zanzibar office', reason: 'unanswered' });
  const reopened = (await listGaps(ctx, { siteId: site })).find((g) => g.key === gap.key);
  assert.equal(reopened?.count, 2, 'asked again after the article: back on the report');
  assert.equal(codeOf(await api(env.server, '/api/console/kb/gaps?limit=0', { token: t.bob })), 'invalid');
});
