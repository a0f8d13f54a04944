/**
 * SLA timers and escalation with a moved clock, never real hours: the first-response breach, three
 * escalation levels recorded and notified once each across a restart and with two runners at once,
 * the pause while waiting on the customer, and numbering under 500 concurrent tickets.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { agents } from '../db/schema.js';
import { mailOutbox } from '../mail/schema.js';
import { surveyInvitations } from '../surveys/schema.js';
import { api, codeOf, siteIdOf, staff } from '../kb/test-kit.js';
import { startTestServer } from '../testing.js';
import { createTicket } from './create.js';
import { ticketHistory, tickets } from './schema.js';
import { categories, complaint, HOUR, movableClock, submit } from './test-kit.js';

const quiet = pino({ level: 'silent' });

test('an unanswered complaint breaches at its due time, then escalates supervisor -> executive -> executive deadline, once each, across a restart', async () => {
  // Monday 7 December 2026, 10:00 in Shanghai.
  const clock = movableClock('2026-12-07T02:00:00Z');
  const server = await startTestServer({ clock: clock.now, config: { rateTicketsPerIp: null } });
  try {
    const created = await complaint(server);
    const db = server.database.db;
    const [row] = await db.select().from(tickets).where(eq(tickets.number, created.number));
    const history = async () => (await db.select().from(ticketHistory).where(eq(ticketHistory.ticketId, row!.id))).map((h) => `${h.action}:${h.to ?? ''}`);
    const staffMail = async () => (await db.select().from(mailOutbox).where(and(eq(mailOutbox.ticketId, row!.id), eq(mailOutbox.template, 'ticket.escalated')))).map((m) => m.to).sort();

    clock.set('2026-12-07T03:59:00Z'); // 11:59, a minute early
    await server.app.ctx.jobs.runDue();
    assert.equal((await db.select().from(tickets).where(eq(tickets.id, row!.id)))[0]!.breachedAt, null);
    clock.set('2026-12-07T04:00:00Z'); // 12:00: two business hours later
    await server.app.ctx.jobs.runDue();
    assert.ok((await history()).includes('breached:2026-12-07T04:00:00.000Z'), JSON.stringify(await history()));
    const { admin, supervisorId } = await staff(server);
    const supervisorEmail = (await db.select({ email: agents.email }).from(agents).where(eq(agents.id, supervisorId)))[0]!.email;
    const breached = await api<{ tickets: Array<{ number: string; breached: boolean }> }>(server, '/api/console/tickets?view=breached', { token: admin });
    assert.ok(breached.body.tickets.some((t) => t.number === created.number && t.breached));

    // 24 business hours (Support keeps 9-18 weekdays in Shanghai): Monday 8 + Tuesday 9 + Wednesday 7, so Wednesday 16:00.
    clock.set('2026-12-09T07:59:00Z');
    await server.app.ctx.jobs.runDue();
    assert.ok(!(await history()).some((h) => h.startsWith('escalated')));
    clock.set('2026-12-09T08:00:00Z');
    await server.app.ctx.jobs.runDue();
    assert.deepEqual((await history()).filter((h) => h.startsWith('escalated')), ['escalated:1']);
    // Level 1 goes to the department's supervisors: the demo's Sam and the one staff() made for Support.
    const supervisors = [supervisorEmail, 'sam@parley.test'].sort();
    assert.deepEqual(await staffMail(), supervisors);

    // A restart: a new process on the same database finds the next step where the last one left it.
    await server.app.close();
    const again = createApp({ db: server.database, config: { ...loadConfig({}), host: '127.0.0.1', port: 0 }, logger: quiet, clock: clock.now });
    try {
      await again.ctx.jobs.runDue();
      assert.deepEqual((await history()).filter((h) => h.startsWith('escalated')), ['escalated:1'], 'nothing early after a restart');
      clock.advance(14 * 24 * HOUR); // two weeks on: both remaining steps are overdue
      await Promise.all([again.ctx.jobs.runDue(), again.ctx.jobs.runDue()]);
      assert.deepEqual((await history()).filter((h) => h.startsWith('escalated')), ['escalated:1', 'escalated:2', 'escalated:3']);
      // Levels 2 and 3 go to the executives (the admins).
      assert.deepEqual(await staffMail(), ['admin@parley.test', 'admin@parley.test', ...supervisors].sort());
      await again.ctx.jobs.runDue();
      assert.equal((await history()).filter((h) => h.startsWith('escalated')).length, 3, 'never doubled');
      const [final] = await db.select().from(tickets).where(eq(tickets.id, row!.id));
      assert.equal(final!.escalationLevel, 3);
    } finally {
      await again.close();
    }
  } finally {
    await server.close();
  }
});

test('waiting on the customer stops escalation; their answer restarts it; resolving ends it', async () => {
  const clock = movableClock('2026-12-07T02:00:00Z');
  const server = await startTestServer({ clock: clock.now, config: { rateTicketsPerIp: null } });
  try {
    const { bob } = await staff(server);
    const created = await complaint(server);
    const db = server.database.db;
    const [row] = await db.select().from(tickets).where(eq(tickets.number, created.number));
    const escalations = async () => (await db.select().from(ticketHistory).where(and(eq(ticketHistory.ticketId, row!.id), eq(ticketHistory.action, 'escalated')))).length;
    await api(server, `/api/console/tickets/${row!.id}/replies`, { token: bob, json: { message: 'Photo please?', status: 'pending' } });
    clock.advance(30 * 24 * HOUR);
    await server.app.ctx.jobs.runDue();
    assert.equal(await escalations(), 0, 'a month waiting on the customer escalates nothing');

    await api(server, `/api/tickets/link/${created.token}/replies`, { json: { message: 'Here it is' } });
    clock.advance(2 * 24 * HOUR); // Friday 10:00: 18 business hours since Wednesday 10:00, under the 24-hour step
    await server.app.ctx.jobs.runDue();
    assert.equal(await escalations(), 0);
    clock.advance(24 * HOUR);
    await server.app.ctx.jobs.runDue();
    assert.equal(await escalations(), 1, 'the clock restarted when the customer answered');

    // Signed in again: a month of moved clock expired the morning's session.
    const resolved = await api(server, `/api/console/tickets/${row!.id}`, { token: (await staff(server)).bob, method: 'PATCH', json: { status: 'resolved' } });
    assert.equal(resolved.status, 200);
    clock.advance(60 * 24 * HOUR);
    await server.app.ctx.jobs.runDue();
    assert.equal(await escalations(), 1, 'resolved tickets do not escalate');
    const resolvedMail = await db.select().from(mailOutbox).where(and(eq(mailOutbox.ticketId, row!.id), eq(mailOutbox.template, 'ticket.resolved')));
    assert.equal(resolvedMail.length, 1);
    // The mail asks how we did: a CSAT invitation about this ticket, answerable on the survey page.
    const surveyToken = resolvedMail[0]!.text.match(/\/s\/([A-Za-z0-9_-]{43})/)?.[1];
    assert.ok(surveyToken, `a survey link in: ${resolvedMail[0]!.text}`);
    const [invitation] = await db.select().from(surveyInvitations).where(eq(surveyInvitations.ticketId, row!.id));
    assert.equal(invitation?.kind, 'csat', 'a CSAT invitation about this ticket');
  } finally {
    await server.close();
  }
});

test('500 tickets at once: 500 distinct consecutive numbers, no deadlock', async () => {
  const server = await startTestServer();
  try {
    const siteId = await siteIdOf(server);
    const cats = await categories(server);
    const ids = Object.values(cats).map((c) => c.id);
    const made = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        createTicket(server.app.ctx, {
          siteId,
          categoryId: ids[i % ids.length]!,
          subject: `Load ${i}`,
          message: 'x',
          locale: 'en',
          source: 'api',
          author: { kind: 'customer', id: null, name: null },
          contactName: null,
          contactEmail: `c${i}@example.com`,
          audience: 'customer',
        }),
      ),
    );
    const numbers = made.map((m) => Number(m.number.split('-')[2])).sort((a, b) => a - b);
    assert.equal(new Set(numbers).size, 500);
    assert.equal(numbers[499]! - numbers[0]!, 499, 'no holes');
  } finally {
    await server.close();
  }
});

test('targets and business hours are configurable: admins set the escalation steps, supervisors their department hours; new tickets follow, bad input changes nothing', async () => {
  const clock = movableClock('2026-12-07T02:00:00Z'); // Monday 10:00 in Shanghai
  const server = await startTestServer({ clock: clock.now, config: { rateTicketsPerIp: null } });
  try {
    const s = await staff(server);
    const settings = async () => (await api<{ settings: { sla: { escalationMinutes: number[] }; calendars: Array<{ departmentId: string; calendar: { timeZone: string } | null }> } }>(server, '/api/console/tickets/settings', { token: s.bob })).body.settings;
    const before = await settings();
    assert.deepEqual(before.sla.escalationMinutes, [1440, 2880, 4320]);
    assert.equal(before.calendars.find((c) => c.departmentId === server.departments.support.id)!.calendar!.timeZone, 'Asia/Shanghai');
    assert.equal(before.calendars.find((c) => c.departmentId === server.departments.sales.id)!.calendar, null, 'Sales counts around the clock');

    assert.equal((await api(server, '/api/console/tickets/settings/sla', { token: s.supervisor, method: 'PUT', json: { escalationMinutes: [60, 120, 180] } })).status, 403);
    assert.equal(codeOf(await api(server, '/api/console/tickets/settings/sla', { token: s.admin, method: 'PUT', json: { escalationMinutes: [120, 60, 180] } })), 'invalid');
    assert.equal(codeOf(await api(server, '/api/console/tickets/settings/sla', { token: s.admin, method: 'PUT', json: { chatFirstResponse: 60 } })), 'invalid', 'unknown keys are refused');
    assert.equal((await api(server, '/api/console/tickets/settings/sla', { token: s.admin, method: 'PUT', json: { escalationMinutes: [60, 120, 180] } })).status, 200);

    // The supervisor of Support sets 24/7 hours in Berlin; Bob (an agent) may not, nor anyone for Sales.
    const always = { timeZone: 'Europe/Berlin', week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])), holidays: [] };
    const support = `/api/console/tickets/calendars/${server.departments.support.id}`;
    assert.equal((await api(server, support, { token: s.bob, method: 'PUT', json: always })).status, 403);
    assert.equal((await api(server, `/api/console/tickets/calendars/${server.departments.sales.id}`, { token: s.supervisor, method: 'PUT', json: always })).status, 403);
    const badZone = await api<{ error: { message: string } }>(server, support, { token: s.supervisor, method: 'PUT', json: { ...always, timeZone: 'Mars/Olympus' } });
    assert.match(badZone.body.error.message, /unknown time zone/);
    assert.equal((await api(server, support, { token: s.supervisor, method: 'PUT', json: always })).status, 200);
    assert.equal((await settings()).calendars.find((c) => c.departmentId === server.departments.support.id)!.calendar!.timeZone, 'Europe/Berlin');

    // A complaint now: 2 hours of wall time, and escalation after one hour.
    const created = await complaint(server);
    assert.equal(created.firstResponseDueAt, '2026-12-07T04:00:00.000Z');
    const [row] = await server.database.db.select().from(tickets).where(eq(tickets.number, created.number));
    clock.set('2026-12-07T03:00:00Z');
    await server.app.ctx.jobs.runDue();
    const escalated = await server.database.db.select().from(ticketHistory).where(and(eq(ticketHistory.ticketId, row!.id), eq(ticketHistory.action, 'escalated')));
    assert.equal(escalated.length, 1);

    assert.equal((await api(server, support, { token: s.admin, method: 'PUT', json: null })).status, 200, 'null: around the clock');
    assert.equal((await settings()).calendars.find((c) => c.departmentId === server.departments.support.id)!.calendar, null);
  } finally {
    await server.close();
  }
});

test("a department's own targets: its new tickets follow them, other departments the site's; admins only; bad input changes nothing; null follows the site again", async () => {
  const clock = movableClock('2026-12-07T02:00:00Z'); // Monday 10:00 in Shanghai, inside Support's hours
  const server = await startTestServer({ clock: clock.now, config: { rateTicketsPerIp: null } });
  try {
    const s = await staff(server);
    type Row = { departmentId: string; targets: { priorityTargets: Record<string, number>; escalationMinutes: number[] } | null };
    const rows = async () => (await api<{ settings: { calendars: Row[] } }>(server, '/api/console/tickets/settings', { token: s.supervisor })).body.settings.calendars;
    const targetsOf = async (id: string) => (await rows()).find((r) => r.departmentId === id)!.targets;
    const support = `/api/console/tickets/settings/sla/departments/${server.departments.support.id}`;
    const own = { priorityTargets: { normal: 60 }, escalationMinutes: [120, 240, 480] };

    // Supervisors (even Support's own) and agents may not; bad input is refused with nothing stored.
    assert.equal((await api(server, support, { token: s.supervisor, method: 'PUT', json: own })).status, 403);
    assert.equal((await api(server, support, { token: s.bob, method: 'PUT', json: own })).status, 403);
    for (const bad of [
      { priorityTargets: { normal: 60 } },
      { ...own, escalationMinutes: [240, 120, 480] },
      { ...own, priorityTargets: { medium: 60 } },
      { ...own, priorityTargets: { normal: 0 } },
      { ...own, linkDays: 30 },
      'sixty',
    ]) {
      assert.equal(codeOf(await api(server, support, { token: s.admin, method: 'PUT', json: bad })), 'invalid', JSON.stringify(bad));
    }
    assert.equal((await api(server, '/api/console/tickets/settings/sla/departments/00000000-0000-4000-8000-000000000000', { token: s.admin, method: 'PUT', json: own })).status, 404);
    assert.equal(codeOf(await api(server, '/api/console/tickets/settings/sla/departments/support', { token: s.admin, method: 'PUT', json: own })), 'invalid');
    assert.equal(await targetsOf(server.departments.support.id), null);

    const saved = await api<{ targets: unknown }>(server, support, { token: s.admin, method: 'PUT', json: own });
    assert.equal(saved.status, 200);
    assert.deepEqual(saved.body.targets, own);
    assert.deepEqual(await targetsOf(server.departments.support.id), own);
    assert.equal(await targetsOf(server.departments.sales.id), null);

    // A Support complaint (category target 2 h): Support's own 1 h for normal priority, escalation after 2 business hours.
    const created = await complaint(server);
    assert.equal(created.firstResponseDueAt, '2026-12-07T03:00:00.000Z');
    const [row] = await server.database.db.select().from(tickets).where(eq(tickets.number, created.number));
    const escalations = async () => (await server.database.db.select().from(ticketHistory).where(and(eq(ticketHistory.ticketId, row!.id), eq(ticketHistory.action, 'escalated')))).length;
    clock.set('2026-12-07T03:59:00Z');
    await server.app.ctx.jobs.runDue();
    assert.equal(await escalations(), 0);
    clock.set('2026-12-07T04:00:00Z');
    await server.app.ctx.jobs.runDue();
    assert.equal(await escalations(), 1, 'level 1 after Support’s 2 hours, not the site’s 24');

    // A Sales question follows the site: its category's 4 hours (around the clock).
    const cats = await categories(server);
    const question = await submit(server, { categoryId: cats.inquiry!.id, subject: 'Bulk price?', message: 'For 40 seats.', email: 'li@example.com', name: 'Li' });
    assert.equal(question.body.ticket.firstResponseDueAt, '2026-12-07T08:00:00.000Z');

    assert.equal((await api(server, support, { token: s.admin, method: 'PUT', json: null })).status, 200);
    assert.equal(await targetsOf(server.departments.support.id), null);
    const audit = await api<{ entries: Array<{ action: string }> }>(server, `/api/console/audit?action=department.targets_changed&targetId=${server.departments.support.id}`, { token: s.admin });
    assert.equal(audit.body.entries.length, 2, 'set, then back to the site’s');
    clock.set('2026-12-07T05:00:00Z'); // 13:00; a complaint has its category's 2 hours again
    assert.equal((await complaint(server)).firstResponseDueAt, '2026-12-07T07:00:00.000Z');
  } finally {
    await server.close();
  }
});
