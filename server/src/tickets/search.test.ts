/**
 * Ticket search in the console through the REST API of a real server: ranked by the help center's
 * engine (typos, prefixes, stems, 简/繁, Chinese without spaces, numbers), filtered by the view and
 * the agent's departments, and fresh across two apps sharing one database.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import type { TicketSummary } from '@parley/protocol';
import { createApp, type ParleyApp } from '../app.js';
import { api, codeOf, fixture, staff } from '../kb/test-kit.js';
import { startTestServer } from '../testing.js';
import { tickets } from './schema.js';
import { categories, movableClock, submit } from './test-kit.js';

const clock = movableClock('2026-12-04T09:00:00Z');
const env = fixture(async () => {
  const server = await startTestServer({ clock: clock.now, config: { rateTicketsPerIp: null, rateTicketReplies: null } });
  return { server, staff: await staff(server), cats: await categories(server) };
});
after(async () => (await env()).server.close());

type Where = { url: string };

async function file(slug: 'complaint' | 'inquiry', subject: string, message: string, who: { name?: string; email?: string } = {}): Promise<{ id: string; number: string }> {
  const { server, cats } = await env();
  // A minute apart: equal scores list the latest change first.
  clock.advance(60_000);
  const r = await submit(server, { categoryId: cats[slug]!.id, subject, message, email: who.email ?? 'customer@example.com', name: who.name ?? 'Customer' });
  if (r.status !== 201) throw new Error(`submit: ${r.status} ${JSON.stringify(r.body)}`);
  const [row] = await server.database.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.number, r.body.ticket.number));
  return { id: row!.id, number: r.body.ticket.number };
}

async function search(token: string, q: string, extra = '', where?: Where): Promise<TicketSummary[]> {
  const { server } = await env();
  const r = await api<{ tickets: TicketSummary[] }>(where ?? server, `/api/console/tickets?view=all&q=${encodeURIComponent(q)}${extra}`, { token });
  assert.equal(r.status, 200, `search ${q}: ${JSON.stringify(r.body)}`);
  return r.body.tickets;
}
const subjects = (rows: TicketSummary[]) => rows.map((t) => t.subject);

test('results come by relevance, every word must match in some form: stems, typos and prefixes', async () => {
  const { staff: s } = await env();
  const subject = await file('complaint', 'Zanzibarite refund not received', 'I returned the zanzibarite teapot two weeks ago.');
  const mention = await file('complaint', 'Parcel left at the wrong door', 'The courier left it outside. I may want a zanzibarite refund later.');
  const other = await file('complaint', 'Zanzibarite lid cracked', 'The lid of the teapot arrived cracked.');

  const ranked = await search(s.admin, 'zanzibarite refund');
  assert.deepEqual(subjects(ranked), ['Zanzibarite refund not received', 'Parcel left at the wrong door'], 'in the subject before in the thread, though not the latest');
  assert.deepEqual((await search(s.admin, 'zanzibarite teapot')).map((t) => t.id).sort(), [subject.id, other.id].sort(), 'one more word narrows the list');

  assert.equal((await search(s.admin, 'zanzibarite refunds'))[0]?.id, subject.id, 'refunds -> refund');
  assert.equal((await search(s.admin, 'zanzibarite refnud'))[0]?.id, subject.id, 'swapped letters');
  assert.equal((await search(s.admin, 'zanzibarit refund'))[0]?.id, subject.id, 'a letter missing');
  assert.equal((await search(s.admin, 'refund zanzib'))[0]?.id, subject.id, 'the word being typed is a prefix');
  // What the engine cannot find (a piece inside a word), the plain substring match still does.
  assert.deepEqual((await search(s.admin, 'anzibari')).map((t) => t.id).sort(), [mention.id, subject.id, other.id].sort());

  // Paging a search goes by rank, not by time.
  const first = await search(s.admin, 'zanzibarite', '&limit=2');
  const next = await search(s.admin, 'zanzibarite', '&limit=2&offset=2');
  assert.equal(first.length, 2);
  assert.deepEqual([...first, ...next].map((t) => t.id).sort(), [mention.id, subject.id, other.id].sort());
  assert.equal(codeOf(await api((await env()).server, '/api/console/tickets?q=x&offset=-1', { token: s.admin })), 'invalid');
});

test('Chinese: a word inside a longer one without spaces, 简体 and 繁體 find each other', async () => {
  const { staff: s } = await env();
  const refund = await file('complaint', '退款申请：订单一直没有到账', '我上周申请了退款，到现在还没收到。');
  const account = await file('complaint', '帳號無法登入', '輸入密碼以後一直顯示錯誤。', { name: '林小姐' });
  assert.equal((await search(s.admin, '退款'))[0]?.id, refund.id, '退款 finds 退款申请');
  assert.equal((await search(s.admin, '退款申請'))[0]?.id, refund.id, '繁體 finds 简体');
  assert.equal((await search(s.admin, '账号登录'))[0]?.id, account.id, '简体 finds 繁體 (账号/帳號, 登录/登入)');
  assert.equal((await search(s.admin, '密码错误'))[0]?.id, account.id, 'the thread, in the other script');
  assert.equal((await search(s.admin, '林小姐'))[0]?.id, account.id, 'the contact');
});

test('the number first: whole, without dashes, or only its sequence', async () => {
  const { staff: s } = await env();
  const target = await file('complaint', 'Blender noise', 'It rattles.');
  const seq = target.number.slice(-6);
  // Another ticket that quotes the number in its text still ranks after the ticket itself.
  await file('complaint', `About ${target.number}`, `Same as ${target.number}, and ${seq}.`);
  for (const q of [target.number, target.number.toLowerCase(), target.number.replaceAll('-', ''), seq, String(Number(seq))]) {
    assert.equal((await search(s.admin, q))[0]?.id, target.id, q);
  }
  assert.deepEqual(await search(s.admin, 'T-2026-999999'), [], 'a number no ticket has');
});

test("a search shows only what the agent may see, and only what the view and filters let through", async () => {
  const { staff: s } = await env();
  const sales = await file('inquiry', 'Quokkaberry wholesale prices', 'Do you sell quokkaberry jam by the crate?');
  const support = await file('complaint', 'Quokkaberry jar broken', 'The quokkaberry jar broke.');
  const ids = (rows: TicketSummary[]) => rows.map((t) => t.id).sort();
  assert.deepEqual(ids(await search(s.admin, 'quokkaberry')), [sales.id, support.id].sort());
  assert.deepEqual(ids(await search(s.alice, 'quokkaberry')), [sales.id, support.id].sort(), 'Alice works in Sales and Support');
  assert.deepEqual(ids(await search(s.bob, 'quokkaberry')), [support.id], 'Bob (Support only) never sees the Sales question');
  assert.deepEqual(await search(s.bob, 'quokkaberry wholesale prices'), [], 'the only match is a ticket Bob may not see');
  assert.deepEqual(await search(s.bob, 'wholesale crate'), []);
  assert.ok(!(await search(s.bob, sales.number)).some((t) => t.id === sales.id), 'not by its number either');

  const { server } = await env();
  const patched = await api(server, `/api/console/tickets/${support.id}`, { token: s.admin, method: 'PATCH', json: { status: 'resolved' } });
  assert.equal(patched.status, 200);
  assert.deepEqual(ids(await search(s.admin, 'quokkaberry', '&status=resolved')), [support.id], 'status filter');
  const inDepartments = await api<{ tickets: TicketSummary[] }>(server, `/api/console/tickets?view=departments&q=quokkaberry`, { token: s.admin });
  assert.deepEqual(ids(inDepartments.body.tickets), [sales.id], 'the "my departments" view shows active tickets only');
});

test('an edit is found by the very next search; a ticket removed from the table never comes back', async () => {
  const { server, staff: s } = await env();
  const t = await file('complaint', 'Kettle whistle', 'It whistles too early.');
  assert.deepEqual(await search(s.admin, 'platypusine'), [], 'nothing yet (and the index is built)');
  const reply = await api(server, `/api/console/tickets/${t.id}/replies`, { token: s.bob, json: { message: 'Sent a platypusine replacement part.' } });
  assert.equal(reply.status, 201);
  assert.deepEqual((await search(s.admin, 'platypusine')).map((r) => r.id), [t.id], 'a public reply');
  await api(server, `/api/console/tickets/${t.id}/replies`, { token: s.bob, json: { message: 'Checked with the numbatware warehouse.', kind: 'note' } });
  assert.deepEqual((await search(s.admin, 'numbatware')).map((r) => r.id), [t.id], 'an internal note');
  await api(server, `/api/console/tickets/${t.id}`, { token: s.admin, method: 'PATCH', json: { subject: 'Kettle whistles at 60 degrees' } });
  assert.equal((await search(s.admin, 'degrees'))[0]?.subject, 'Kettle whistles at 60 degrees', 'a new subject');

  await server.database.db.delete(tickets).where(eq(tickets.id, t.id));
  assert.deepEqual(await search(s.admin, 'platypusine'), []);
});

test('two apps on one database: ticket changes on one are found at once by searches on the other', async () => {
  const { server, staff: s, cats } = await env();
  const second: ParleyApp = createApp({ db: server.database, config: server.app.ctx.config, logger: pino({ level: 'silent' }), clock: clock.now });
  const { url } = await second.listen(0);
  const other = { url, siteKey: server.siteKey };
  try {
    assert.deepEqual(await search(s.admin, 'wallabyfern', '', other), [], 'the second app builds its index');
    const t = await file('complaint', 'Wallabyfern seeds missing', 'Half the packet was empty.');
    assert.deepEqual((await search(s.admin, 'wallabyfern', '', other)).map((r) => r.id), [t.id], 'filed through the first, found on the second');
    await api(other, `/api/console/tickets/${t.id}/replies`, { token: s.bob, json: { message: 'Posted a bilbyroot sample too.' } });
    assert.deepEqual((await search(s.admin, 'bilbyroot')).map((r) => r.id), [t.id], 'replied on the second, found on the first');

    // Writers on both apps at once: each app ends up with every ticket.
    const made = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api<{ ticket: { number: string } }>(i % 2 ? server : other, `/api/tickets/sites/${server.siteKey}`, {
          json: { categoryId: cats.complaint!.id, subject: `Dingowort order ${i}`, message: `Dingowort problem number ${i}.`, email: 'd@example.com', name: 'D' },
        }),
      ),
    );
    assert.ok(made.every((m) => m.status === 201));
    const want = made.map((m) => m.body.ticket.number).sort();
    for (const where of [server, other]) assert.deepEqual((await search(s.admin, 'dingowort', '&limit=50', where)).map((r) => r.number).sort(), want);
  } finally {
    await second.close();
  }
});

test(
  'a transaction that commits after a later one is not skipped',
  { skip: process.env.TEST_DATABASE_URL ? false : 'PGlite has one connection: two transactions never overlap there' },
  async () => {
    const { server, staff: s } = await env();
    const early = await file('complaint', 'Slow writer', 'First.');
    const late = await file('complaint', 'Fast writer', 'Second.');
    assert.deepEqual(await search(s.admin, 'echidnafox'), []);
    let release!: () => void;
    let started!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const begun = new Promise<void>((r) => (started = r));
    // Takes its transaction id first, commits last.
    const slow = server.database.db.transaction(async (tx) => {
      await tx.update(tickets).set({ subject: 'Slow echidnafox writer' }).where(eq(tickets.id, early.id));
      started();
      await gate;
    });
    await begun;
    await api(server, `/api/console/tickets/${late.id}`, { token: s.admin, method: 'PATCH', json: { subject: 'Fast echidnafox writer' } });
    assert.deepEqual((await search(s.admin, 'echidnafox')).map((t) => t.id), [late.id], 'the uncommitted change is not there yet');
    release();
    await slow;
    assert.deepEqual((await search(s.admin, 'echidnafox')).map((t) => t.id).sort(), [early.id, late.id].sort(), 'and is found once committed');
  },
);
