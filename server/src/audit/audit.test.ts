/**
 * The audit log's reading side: who may read it, every filter, keyset pages that neither repeat nor
 * skip while entries keep arriving, and the CSV a spreadsheet opens safely.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { AuditPage } from '@parley/protocol';
import { api, codeOf, fixture, otherSite, staff } from '../kb/test-kit.js';
import { startTestServer } from '../testing.js';
import { auditChanges } from './diff.js';
import { recordAudit } from './record.js';

const env = fixture(async () => {
  // Admins here have no authenticator: two-factor is auth's to test.
  const server = await startTestServer({ config: { admin2fa: 'optional' } });
  const tokens = await staff(server);
  const site = await otherSite(server);
  const db = server.database.db;
  const admin = server.accounts.admin.id;
  const alice = server.accounts.alice.id;
  // 30 entries on the other site, one a minute from 1 Oct 2026 00:00 UTC, plus one company-wide and one on the demo site.
  const base = Date.parse('2026-10-01T00:00:00Z');
  for (let i = 0; i < 30; i++) {
    await recordAudit(db, {
      siteId: site.id,
      actorId: i % 3 === 0 ? null : i % 3 === 1 ? admin : alice,
      action: i % 2 ? 'webhook.endpoint_updated' : 'announcement.published',
      targetType: i % 2 ? 'webhook' : 'announcement',
      targetId: `t-${i}`,
      before: { name: `old ${i}` },
      after: { name: i === 7 ? '=HYPERLINK("http://evil")' : i === 8 ? '100% 促销_活动' : `new ${i}` },
      at: new Date(base + i * 60_000),
    });
  }
  await recordAudit(db, { actorId: admin, action: 'agent.role_changed', targetType: 'agent', targetId: alice, before: { role: 'agent' }, after: { role: 'supervisor' }, at: new Date(base + 100 * 60_000) });
  return { server, tokens, site, admin, alice };
});
after(async () => (await env()).server.close());

async function page(query: string): Promise<AuditPage> {
  const { server, tokens, site } = await env();
  const r = await api<AuditPage>(server, `/api/console/audit?site=${site.id}&${query}`, { token: tokens.admin });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}
/** RFC 4180 rows (quoted fields, doubled quotes, CRLF), enough to read back what csv-stringify wrote. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

const ids = (p: AuditPage) => p.entries.map((e) => e.targetId ?? '');

test('only admins read the audit log: agents and supervisors 403, no token 401', async () => {
  const { server, tokens } = await env();
  for (const who of ['alice', 'bob', 'supervisor'] as const) {
    assert.equal((await api(server, '/api/console/audit', { token: tokens[who] })).status, 403, who);
    assert.equal((await api(server, '/api/console/audit?format=csv', { token: tokens[who] })).status, 403, who);
  }
  assert.equal((await api(server, '/api/console/audit')).status, 401);
  assert.equal((await api(server, '/api/console/audit', { token: tokens.admin })).status, 200);
});

test('filters: actor, action prefix, target type, dates, text; a site sees its own and company-wide entries', async () => {
  const { admin, alice } = await env();
  const all = await page('limit=200');
  assert.equal(all.entries.length, 31, 'the site\'s 30 and the company-wide one');
  assert.equal(all.entries[0]!.action, 'agent.role_changed');
  assert.equal(ids(await page(`actor=${alice}&limit=200`)).length, 10);
  const byAdmin = await page(`actor=${admin}&limit=200`);
  assert.ok(byAdmin.entries.every((e) => e.actor?.id === admin && e.actor.name.length > 0));
  assert.equal(byAdmin.entries.length, 10 + 1);
  assert.equal((await page('action=webhook.&limit=200')).entries.length, 15);
  assert.equal((await page('action=announcement.published&limit=200')).entries.length, 15);
  assert.equal((await page('action=announce&limit=200')).entries.length, 15, 'a prefix of the verb');
  assert.equal((await page('targetType=agent')).entries.length, 1);
  // 00:10 up to (not including) 00:20: entries 10..19, newest first.
  assert.deepEqual(ids(await page('from=2026-10-01T00:10:00Z&to=2026-10-01T00:20:00Z')), Array.from({ length: 10 }, (_, i) => `t-${19 - i}`));
  // A day includes all of it.
  assert.equal((await page('from=2026-10-01&to=2026-10-01&limit=200')).entries.length, 31);
  assert.equal((await page('from=2026-10-02&limit=200')).entries.length, 0);
  // Text: in the changed values, and % and _ are literal.
  assert.deepEqual(ids(await page(`q=${encodeURIComponent('100%')}`)), ['t-8']);
  assert.deepEqual(ids(await page(`q=${encodeURIComponent('促销_活')}`)), ['t-8']);
  assert.deepEqual(ids(await page(`q=${encodeURIComponent('%')}`)), ['t-8']);
  assert.deepEqual(ids(await page('q=hyperlink')), ['t-7']);
  // System entries have no actor.
  assert.equal(all.entries.find((e) => e.targetId === 't-0')!.actor, null);
});

test('pages: newest first, no entry twice or missed, even when new ones arrive between pages', async () => {
  const { server, site } = await env();
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const p: AuditPage = await page(`action=announcement.&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(...ids(p));
    cursor = p.nextCursor;
    pages++;
    // A newer entry written mid-way must not shift later pages.
    if (pages === 2) await recordAudit(server.database.db, { siteId: site.id, actorId: null, action: 'announcement.withdrawn', targetType: 'announcement', targetId: 'late', at: new Date('2026-10-05T00:00:00Z') });
  } while (cursor);
  assert.equal(pages, 4);
  assert.deepEqual(seen, Array.from({ length: 15 }, (_, i) => `t-${28 - 2 * i}`));
  assert.equal(codeOf(await api(server, `/api/console/audit?cursor=nonsense`, { token: (await env()).tokens.admin })), 'invalid');
});

test('bad filters are 400s that name the field', async () => {
  const { server, tokens } = await env();
  for (const q of ['actor=alice', 'from=yesterday', 'limit=0', 'limit=1000', 'format=xml', 'sort=asc', 'from=2026-10-05&to=2026-10-01']) {
    const r = await api<{ error: { code: string; message: string } }>(server, `/api/console/audit?${q}`, { token: tokens.admin });
    assert.equal(r.status, 400, q);
  }
});

test('CSV: BOM, localised header, system actor, JSON values, formulas neutralised', async () => {
  const { server, tokens, site } = await env();
  const r = await api<Uint8Array>(server, `/api/console/audit?site=${site.id}&format=csv&locale=zh-CN&action=webhook.`, { token: tokens.admin });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type') ?? '', /text\/csv/);
  assert.match(r.headers.get('content-disposition') ?? '', /attachment; filename="parley-audit-/);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(r.body);
  assert.equal(text.charCodeAt(0), 0xfeff);
  const rows: string[][] = parse(text.slice(1));
  assert.deepEqual(rows[0], ['时间 (UTC)', '操作人', '操作人邮箱', '操作', '对象类型', '对象 ID', '修改前', '修改后', 'IP 地址']);
  assert.equal(rows.length, 16);
  const t7 = rows.find((row) => row[5] === 't-7')!;
  assert.equal(t7[3], 'webhook.endpoint_updated');
  assert.deepEqual(JSON.parse(t7[7]!), { name: '=HYPERLINK("http://evil")' });
  const t3 = rows.find((row) => row[5] === 't-3')!;
  assert.equal(t3[1], '系统');
  // A target id that looks like a formula is prefixed, not run.
  await (await import('./record.js')).recordAudit(server.database.db, { siteId: site.id, actorId: null, action: 'x.y', targetType: 'x', targetId: '=1+1', at: new Date('2026-10-03T00:00:00Z') });
  const f = await api<Uint8Array>(server, `/api/console/audit?site=${site.id}&format=csv&action=x.`, { token: tokens.admin });
  const frows: string[][] = parse(new TextDecoder().decode(f.body));
  assert.equal(frows[1]![5], "'=1+1");
  assert.equal(frows[1]![1], 'System');
});

test('auditChanges keeps only changed fields and never a secret', () => {
  assert.deepEqual(auditChanges({ a: 1, b: [1, 2], secret: 'x', when: new Date('2026-01-01T00:00:00Z') }, { a: 1, b: [1, 3], secret: 'y', when: new Date('2026-01-01T00:00:00Z') }), { before: { b: [1, 2] }, after: { b: [1, 3] } });
  assert.equal(auditChanges({ a: 1, passwordHash: 'x' }, { a: 1, passwordHash: 'y' }), null);
  assert.deepEqual(auditChanges({ o: { y: 1, x: 2 } }, { o: { x: 2, y: 1 } }), null);
});
