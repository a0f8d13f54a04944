/**
 * Announcements end to end on a real server: the console's REST API by role, the employee API (real
 * streams read over fetch as the banner reads them, and receipt POSTs: audience matching, live pushes,
 * receipts exactly once under concurrent acknowledgements from several tabs), employee token refusals,
 * the body as a safe node tree, receipts, remind and CSV.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { SignJWT, UnsecuredJWT } from 'jose';
import type { Ack, Announcement, AnnouncementPreview, AnnouncementReceipts, BodyNode, EmployeeReceipt } from '@parley/protocol';
import { api, codeOf, staff, type Staff } from '../kb/test-kit.js';
import { startTestServer, type TestServer } from '../testing.js';
import { announcementReceipts, announcements } from './schema.js';
import { bodyTree } from './body-tree.js';
import { closeEmployeeSockets, connectEmployee, createAnnouncement, employeeToken, input, publish, sendReceipt, siteSecret, type EmployeeStream } from './test-kit.js';

let server: TestServer;
let s: Staff;
let secret: string;
const base = '/api/console/announcements';

before(async () => {
  server = await startTestServer();
  s = await staff(server);
  secret = await siteSecret(server);
});
after(async () => {
  closeEmployeeSockets();
  await server.close();
});

const now = () => server.app.ctx.clock();
const tokenFor = (sub: string, departments: string[], locale = 'en', name = sub) => employeeToken(secret, { sub, name, departments, locale }, now());
const employee = async (sub: string, departments: string[], locale = 'en', name = sub) => connectEmployee(server.url, { siteKey: server.siteKey, token: await tokenFor(sub, departments, locale, name) });
/** The list a new stream of this person starts with (as a reload would get). */
const list = async (tab: EmployeeStream) => {
  const fresh = await connectEmployee(server.url, { siteKey: server.siteKey, token: tab.auth.token });
  fresh.close();
  return fresh.list;
};
/** The text of a body tree, for assertions. */
const textOf = (nodes: BodyNode[]): string => nodes.map((n) => (typeof n === 'string' ? n : textOf(n.slice(2) as BodyNode[]))).join('');

test('roles: agents are refused, supervisors reach only their departments, bad input changes nothing', async () => {
  assert.equal((await api(server, base, { token: s.alice })).status, 403, 'an agent may not list');
  assert.equal((await api(server, base, { token: s.alice, json: input() })).status, 403, 'nor write');
  assert.equal(codeOf(await api(server, base, { token: s.supervisor, json: input() })), 'forbidden', 'a supervisor cannot announce to everyone');
  assert.equal(codeOf(await api(server, base, { token: s.supervisor, json: input({ audience: { kind: 'departments', departmentIds: [server.departments.sales.id] } }) })), 'forbidden', 'nor to a department not theirs');
  assert.equal(codeOf(await api(server, base, { token: s.supervisor, json: input({ audience: { kind: 'employees', employees: ['e-1'] } }) })), 'forbidden', 'nor to named people');

  const before = await server.database.db.select().from(announcements);
  const bad: unknown[] = [
    { ...input(), versions: [] },
    { ...input(), versions: [{ locale: 'en', title: ' ', body: 'x' }] },
    { ...input(), versions: [{ locale: 'en', title: 'a', body: 'x' }, { locale: 'en', title: 'b', body: 'y' }] },
    { ...input(), priority: 'critical' },
    { ...input(), audience: { kind: 'departments' } },
    { ...input(), audience: { kind: 'departments', departmentIds: ['00000000-0000-4000-8000-000000000000'] } },
    { ...input(), startsAt: '2026-12-02T10:00:00Z', endsAt: '2026-12-02T09:00:00Z' },
    { ...input(), startsAt: 'tomorrow' },
    { ...input(), extra: 1 },
  ];
  for (const body of bad) assert.equal(codeOf(await api(server, base, { token: s.admin, json: body })), 'invalid', JSON.stringify(body));
  assert.deepEqual(await server.database.db.select().from(announcements), before, 'nothing was written');

  const mine = await createAnnouncement(server, s.supervisor, input({ audience: { kind: 'departments', departmentIds: [server.departments.support.id] } }));
  assert.equal(mine.status, 'draft');
  assert.equal(mine.author?.name, 'Sam Supervisor');
  const theirs = await createAnnouncement(server, s.admin, input());
  assert.equal((await api(server, `${base}/${theirs.id}`, { token: s.supervisor })).status, 404, "the admin's everyone-announcement is out of the supervisor's reach");
  assert.equal((await api(server, `${base}/${theirs.id}/publish`, { token: s.supervisor, method: 'POST' })).status, 404);
  const listed = (await api<{ announcements: Announcement[] }>(server, base, { token: s.supervisor })).body.announcements.map((a) => a.id);
  assert.ok(listed.includes(mine.id) && !listed.includes(theirs.id));
  assert.equal((await api(server, `${base}/${mine.id}`, { token: s.admin })).status, 200, 'admins see everything');
  // Drafts only are deleted; a published one is withdrawn instead.
  assert.equal((await api(server, `${base}/${theirs.id}`, { token: s.admin, method: 'DELETE' })).status, 204);
  assert.equal((await api(server, `${base}/${theirs.id}`, { token: s.admin })).status, 404);
});

test('audience and live push: the department by any of its names, named people, each in their language; none to outsiders', async () => {
  // Support by its Chinese name, two tabs; Sales; nobody's department; a named person.
  const [wang1, wang2] = [await employee('wang', ['售后服务'], 'zh-CN', '王芳'), await employee('wang', ['售后服务'], 'zh-CN', '王芳')];
  const li = await employee('li', ['Sales']);
  const zhao = await employee('zhao', []);
  const named = await employee('named-1', ['Marketing']);

  const a = await createAnnouncement(server, s.supervisor, input({ priority: 'urgent', ackRequired: true, audience: { kind: 'departments', departmentIds: [server.departments.support.id] } }));
  const arrivals = [wang1.next('announcement:new'), wang2.next('announcement:new')];
  const outsiders = [li.collect('announcement:new', 800), zhao.collect('announcement:new', 800), named.collect('announcement:new', 800)];
  const published = await publish(server, s.supervisor, a.id);
  assert.equal(published.status, 'live');
  for (const got of await Promise.all(arrivals)) {
    assert.equal(got.id, a.id);
    assert.equal(got.locale, 'zh-CN');
    assert.equal(got.title, '下午三点消防演习');
    assert.equal(got.priority, 'urgent');
    assert.equal(got.ackRequired, true);
    assert.equal(got.acknowledgedAt, null);
  }
  for (const got of await Promise.all(outsiders)) assert.deepEqual(got, [], 'nothing for people outside the audience');

  assert.deepEqual((await list(wang1)).map((x) => x.id), [a.id]);
  assert.deepEqual(await list(li), []);
  assert.deepEqual(await list(zhao), []);

  // Named people (admins only): exactly them, whatever their departments.
  const b = await createAnnouncement(server, s.admin, input({ audience: { kind: 'employees', employees: ['named-1'] } }));
  const toNamed = named.next('announcement:new');
  const notToWang = wang1.collect('announcement:new', 800);
  await publish(server, s.admin, b.id);
  const got = await toNamed;
  assert.equal(got.locale, 'en');
  // The body is a node tree of the sanitised markdown: the typed <script> is text, never an element.
  assert.deepEqual(got.body, [['p', {}, 'Please leave by the ', ['strong', {}, 'nearest'], ' exit.<script>alert(1)</script>']]);
  assert.equal((got as unknown as { html?: string }).html, undefined, 'no HTML string for the banner to parse');
  assert.deepEqual(await notToWang, []);

  // Everyone: all of them, ordered urgent first for Wang.
  const c = await createAnnouncement(server, s.admin, input({ priority: 'important' }));
  const toAll = [wang1, li, zhao, named].map((x) => x.next('announcement:new', (p) => p.id === c.id));
  await publish(server, s.admin, c.id);
  await Promise.all(toAll);
  assert.deepEqual((await list(wang1)).map((x) => x.id), [a.id, c.id], 'urgent before important');
  assert.deepEqual((await list(named)).map((x) => x.id), [c.id, b.id], 'important before normal');

  // Preview as a department: what a Sales employee would see (not in the audience) and a Support one.
  const asSales = await api<{ preview: AnnouncementPreview }>(server, `${base}/${a.id}/preview?locale=zh-TW&departmentId=${server.departments.sales.id}`, { token: s.admin });
  assert.equal(asSales.body.preview.inAudience, false);
  assert.equal(asSales.body.preview.announcement.title, '下午三点消防演习', 'zh-TW falls back to the zh-CN version');
  const asSupport = await api<{ preview: AnnouncementPreview }>(server, `${base}/${a.id}/preview?departmentId=${server.departments.support.id}`, { token: s.admin });
  assert.equal(asSupport.body.preview.inAudience, true);

  // Withdrawn: gone from every banner at once.
  const gone = wang2.next('announcement:withdrawn');
  assert.equal((await api<{ announcement: Announcement }>(server, `${base}/${c.id}/withdraw`, { token: s.admin, method: 'POST' })).body.announcement.status, 'withdrawn');
  assert.deepEqual(await gone, { id: c.id });
  assert.deepEqual((await list(wang1)).map((x) => x.id), [a.id]);
  assert.equal(codeOf(await api(server, `${base}/${c.id}/publish`, { token: s.admin, method: 'POST' })), 'closed');
  assert.equal(codeOf(await api(server, `${base}/${a.id}`, { token: s.supervisor, method: 'PUT', json: input({ audience: { kind: 'departments', departmentIds: [server.departments.support.id] } }) })), 'closed', 'a live announcement is not edited');
  for (const x of [wang1, wang2, li, zhao, named]) x.close();
});

test('receipts: concurrent acknowledgements from several tabs write one row, once; the first time is kept', async () => {
  const tabs = await Promise.all([1, 2, 3, 4].map(() => employee('chen', ['Support'])));
  const other = await employee('lin', ['Support']);
  const a = await createAnnouncement(server, s.admin, input({ priority: 'important', ackRequired: true, audience: { kind: 'departments', departmentIds: [server.departments.support.id] } }));
  await publish(server, s.admin, a.id);

  const dismissEarly = await tabs[0]!.receipt('dismiss', a.id);
  assert.equal(!dismissEarly.ok && dismissEarly.error.code, 'invalid', 'an announcement needing acknowledgement cannot be closed before it');

  const otherTabs = tabs[3]!.next('announcement:receipt', (r) => r.acknowledgedAt !== null);
  const acks = await Promise.all(tabs.flatMap((t) => [1, 2, 3, 4, 5].map(() => t.receipt('ack', a.id))));
  assert.ok(acks.every((r) => r.ok), JSON.stringify(acks.find((r) => !r.ok)));
  const times = new Set(acks.map((r) => (r as Extract<Ack<EmployeeReceipt>, { ok: true }>).data.acknowledgedAt));
  assert.equal(times.size, 1, 'every tab gets the same, first acknowledgement');
  assert.ok((await otherTabs).acknowledgedAt, 'the other tabs hear of it');
  const rows = await server.database.db.select().from(announcementReceipts).where(and(eq(announcementReceipts.announcementId, a.id), eq(announcementReceipts.subject, 'chen')));
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.acknowledgedAt!.toISOString(), [...times][0]);
  assert.ok(rows[0]!.seenAt, 'acknowledging is seeing');

  // A later ack (a reconnect) returns the first one; then it may be closed.
  const again = await employee('chen', ['Support']);
  const later = await again.receipt('ack', a.id);
  assert.equal(later.ok && later.data.acknowledgedAt, [...times][0]);
  const dismissed = await again.receipt('dismiss', a.id);
  assert.ok(dismissed.ok && dismissed.data.dismissedAt);
  assert.ok(!(await list(tabs[1]!)).some((x) => x.id === a.id), 'dismissed: no longer listed');

  // Not theirs / unknown: not_found, nothing written.
  const outsider = await employee('wu', ['Sales']);
  const refused = await outsider.receipt('ack', a.id);
  assert.equal(!refused.ok && refused.error.code, 'not_found');
  const token = outsider.auth.token;
  for (const [body, why] of [
    [{ site: server.siteKey, kind: 'seen', id: 'nope' }, /id must be an announcement id/],
    [{ site: server.siteKey, kind: 'read', id: a.id }, /kind must be seen, ack or dismiss/],
    [{ site: server.siteKey, kind: 'ack', id: a.id, extra: 1 }, /extra/],
    [{ kind: 'ack', id: a.id }, /site/],
    ['{oops', /must be JSON/],
  ] as const) {
    const bad = await sendReceipt(server.url, body, token);
    assert.deepEqual([bad.status, !bad.ok && bad.error.code], [400, 'invalid'], JSON.stringify(body));
    assert.match(!bad.ok ? bad.error.message : '', why);
  }

  const seen = await other.receipt('seen', a.id);
  assert.ok(seen.ok && seen.data.seenAt && !seen.data.acknowledgedAt);

  // The console: chen and lin seen, chen acknowledged; wu is known but outside the audience.
  const r = (await api<{ receipts: AnnouncementReceipts }>(server, `${base}/${a.id}/receipts`, { token: s.admin })).body.receipts;
  const supportKnown = r.audienceKnown;
  assert.ok(supportKnown >= 2);
  assert.equal(r.seen, 2);
  assert.equal(r.acknowledged, 1);
  assert.equal(r.acknowledgedRate, Math.round((1 / supportKnown) * 10_000) / 10_000);
  const support = r.notAcknowledged.find((g) => g.departmentId === server.departments.support.id)!;
  assert.equal(support.name?.en, 'Support');
  assert.ok(support.employees.some((e) => e.subject === 'lin' && e.seenAt));
  assert.ok(!r.notAcknowledged.flatMap((g) => g.employees).some((e) => e.subject === 'chen' || e.subject === 'wu'));
  assert.deepEqual(r.rows.map((x) => x.subject).sort(), ['chen', 'lin']);

  // Remind: pushed again to lin only.
  const toLin = other.next('announcement:new');
  const notChen = again.collect('announcement:new', 800);
  const reminded = await api<{ reminded: number }>(server, `${base}/${a.id}/remind`, { token: s.admin, json: {} });
  assert.equal(reminded.body.reminded, supportKnown - 1);
  assert.equal((await toLin).reminder, true);
  assert.deepEqual(await notChen, []);

  // The CSV for audit: a BOM, a header, everyone known in the audience.
  const csv = await api(server, `${base}/${a.id}/receipts.csv`, { token: s.admin });
  assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.body as Uint8Array);
  assert.ok(text.startsWith('\uFEFFannouncement_id,title,subject,name'));
  assert.match(text, /,chen,chen,Support,Support,\d{4}-[^,]+,\d{4}-[^,]+,/);
  assert.equal(codeOf(await api(server, `${base}/${a.id}/receipts`, { token: s.alice })), 'forbidden');
});

test('token refusals: expired, wrong key, alg none, missing sub or exp, unknown site', async () => {
  const refusal = async (auth: { siteKey?: string; token?: string }) => {
    const err = await connectEmployee(server.url, auth).then(
      () => assert.fail('connected'),
      (e: Error & { data?: { code: string }; status?: number }) => e,
    );
    return { code: err.data?.code, message: err.message, status: err.status };
  };
  const iat = Math.floor(now().getTime() / 1000);
  const enc = new TextEncoder();
  const expired = await employeeToken(secret, { sub: 'x' }, new Date(now().getTime() - 3 * 3_600_000));
  const wrongKey = await employeeToken('another-secret-entirely-0123456789', { sub: 'x' }, now());
  const none = new UnsecuredJWT({ departments: ['Support'] }).setSubject('x').setIssuedAt(iat).setExpirationTime(iat + 600).encode();
  const noSub = await employeeToken(secret, { name: 'Nobody' }, now());
  const noExp = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuedAt(iat).sign(enc.encode(secret));
  const hs512 = await new SignJWT({}).setProtectedHeader({ alg: 'HS512' }).setSubject('x').setIssuedAt(iat).setExpirationTime(iat + 600).sign(enc.encode(secret));

  const r1 = await refusal({ siteKey: server.siteKey, token: expired });
  assert.deepEqual([r1.status, r1.code, /expired/.test(r1.message)], [401, 'unauthorized', true], r1.message);
  const r2 = await refusal({ siteKey: server.siteKey, token: wrongKey });
  assert.deepEqual([r2.code, /not valid for this site/.test(r2.message)], ['unauthorized', true], r2.message);
  const r3 = await refusal({ siteKey: server.siteKey, token: none });
  assert.deepEqual([r3.code, /not signed/.test(r3.message)], ['unauthorized', true], r3.message);
  const r4 = await refusal({ siteKey: server.siteKey, token: noSub });
  assert.equal(r4.code, 'unauthorized', r4.message);
  const r5 = await refusal({ siteKey: server.siteKey, token: noExp });
  assert.equal(r5.code, 'unauthorized', r5.message);
  const r6 = await refusal({ siteKey: server.siteKey, token: hs512 });
  assert.deepEqual([r6.code, /HS512/.test(r6.message)], ['unauthorized', true], r6.message);
  assert.equal((await refusal({ siteKey: 'no-such-site', token: await tokenFor('x', []) })).code, 'not_found');
  assert.equal((await refusal({ siteKey: server.siteKey })).code, 'unauthorized');
  assert.equal((await refusal({ token: await tokenFor('x', []) })).code, 'unauthorized', 'no site key');
  // The intranet is another origin: the refusal is readable there (CORS), and no stream was opened.
  const cross = await fetch(`${server.url}/api/employee/stream?site=${server.siteKey}`, { headers: { origin: 'https://intranet.example', authorization: `Bearer ${expired}` } });
  assert.deepEqual([cross.status, cross.headers.get('access-control-allow-origin'), cross.headers.get('content-type')?.split(';')[0]], [401, 'https://intranet.example', 'application/json']);
  const preflight = await fetch(`${server.url}/api/employee/stream`, { method: 'OPTIONS', headers: { origin: 'https://intranet.example', 'access-control-request-headers': 'authorization' } });
  assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
  // Receipts are refused alike.
  const late = await sendReceipt(server.url, { site: server.siteKey, kind: 'ack', id: '00000000-0000-4000-8000-000000000000' }, expired);
  assert.deepEqual([late.status, !late.ok && late.error.code], [401, 'unauthorized']);
  // A valid one for comparison.
  (await employee('valid', [])).close();
});

test('metrics: open employee streams and the events written to them', async () => {
  const registry = server.app.ctx.metrics.registry;
  const value = async (name: string, label?: string) => {
    const m = (await registry.getMetricsAsJSON()).find((x) => x.name === name) as { values: Array<{ value: number; labels: Record<string, string> }> };
    return m.values.find((v) => !label || v.labels.event === label)?.value ?? 0;
  };
  // Streams the earlier tests closed may still be going away: wait until the count holds still.
  const settled = async () => {
    for (let last = -1; ; ) {
      const now = await value('parley_employee_streams');
      if (now === last) return now;
      last = now;
      await new Promise((r) => setTimeout(r, 300));
    }
  };
  const [open0, lists0] = [await settled(), await value('parley_employee_pushes_total', 'list')];
  const two = [await employee('metrics-1', []), await employee('metrics-2', [])];
  assert.equal(await value('parley_employee_streams'), open0 + 2);
  assert.equal(await value('parley_employee_pushes_total', 'list'), lists0 + 2);
  for (const t of two) t.close();
  const end = Date.now() + 5000;
  while ((await value('parley_employee_streams')) !== open0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  assert.equal(await value('parley_employee_streams'), open0, 'closed streams are counted out');
});

test('the body tree: only whitelisted tags and attributes, entities decoded, links and images as the renderer keeps them', () => {
  const tree = bodyTree(
    '<h2>Hi &amp; welcome</h2><p>Go <a href="https://x.test/a?b=1&amp;c=2" title="t" rel="noopener noreferrer" target="_blank" onclick="x()">here</a></p>' +
      '<script>alert(1)</script><p style="color:red" class="c"><span>kept text</span><img src="https://x.test/i.png" alt="i" onerror="x()"></p><ol start="3"><li>x</li></ol>',
  );
  assert.deepEqual(tree, [
    ['h2', {}, 'Hi & welcome'],
    ['p', {}, 'Go ', ['a', { href: 'https://x.test/a?b=1&c=2', title: 't' }, 'here']],
    ['p', {}, 'kept text', ['img', { src: 'https://x.test/i.png', alt: 'i' }]],
    ['ol', { start: '3' }, ['li', {}, 'x']],
  ]);
  assert.equal(textOf(tree), 'Hi & welcomeGo herekept textx');
});

test('console: preview of unsaved text, remind one department, a scheduled one brought forward goes live at once', async () => {
  const p = await api<{ preview: AnnouncementPreview }>(server, `${base}/preview?locale=zh-CN&departmentId=${server.departments.support.id}`, {
    token: s.supervisor,
    json: input({ audience: { kind: 'departments', departmentIds: [server.departments.support.id] } }),
  });
  assert.equal(p.status, 200);
  assert.equal(p.body.preview.inAudience, true);
  assert.equal(p.body.preview.announcement.title, '下午三点消防演习');
  assert.match(p.body.preview.announcement.html, /<strong>最近的<\/strong>/);
  assert.equal(codeOf(await api(server, `${base}/preview`, { token: s.supervisor, json: input() })), 'forbidden', 'the same rules as saving');

  const sales = await employee('sun', ['Sales']);
  const support = await employee('qian', ['Support']);
  const a = await createAnnouncement(server, s.admin, input({ startsAt: new Date(now().getTime() + 3_600_000).toISOString() }));
  assert.equal((await publish(server, s.admin, a.id)).status, 'scheduled');
  assert.equal(codeOf(await api(server, `${base}/${a.id}/remind`, { token: s.admin, json: {} })), 'closed', 'only a live one is reminded of');
  const arrives = sales.next('announcement:new', (x) => x.id === a.id);
  const moved = await api<{ announcement: Announcement }>(server, `${base}/${a.id}`, { token: s.admin, method: 'PUT', json: input({ startsAt: null }) });
  assert.equal(moved.body.announcement.status, 'live');
  await arrives;

  const toSales = sales.next('announcement:new', (x) => x.id === a.id && x.reminder === true);
  const notSupport = support.collect('announcement:new', 800);
  const r = await api<{ reminded: number }>(server, `${base}/${a.id}/remind`, { token: s.admin, json: { departmentId: server.departments.sales.id } });
  assert.ok(r.body.reminded >= 1);
  await toSales;
  assert.deepEqual((await notSupport).filter((x) => x.id === a.id && x.reminder), [], 'the reminder went to Sales only');
  assert.equal(codeOf(await api(server, `${base}/${a.id}/remind`, { token: s.admin, raw: '{oops', type: 'application/json' })), 'invalid');
  sales.close();
  support.close();
});
