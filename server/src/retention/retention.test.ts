/**
 * Retention through the console API and the job runner: who may touch it, validation, the dry run
 * against what a run deletes, batch boundaries, what is never touched, the two periods, a run that
 * survives a restart, and what the reports show before and after.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { and, count, eq, inArray } from 'drizzle-orm';
import { pino } from 'pino';
import type { AuditPage, RetentionPreview, RetentionSettingsView } from '@parley/protocol';
import { createApp } from '../app.js';
import { auditLog, conversations, files, jobs, mailOutbox, messages, surveyInvitations, surveyResponses, ticketEntries, ticketHistory, tickets } from '../db/schema.js';
import { api, codeOf, fixture, otherSite, staff } from '../kb/test-kit.js';
import { computeMonthlyReport } from '../reports/monthly.js';
import { monthlyReports } from '../reports/schema.js';
import { buildReport } from '../reports/service.js';
import { startTestServer } from '../testing.js';
import { movableClock } from '../tickets/test-kit.js';
import { startRetentionRun } from './jobs.js';
import { settingsView } from './settings.js';
import { BATCH_JOB } from './service.js';
import { chat, ticket } from './test-kit.js';

// Now: Monday 2 Nov 2026, 10:00 UTC. Chats older than 2 May 2026 10:00 go (6 months); tickets older than 2 Nov 2024 (24).
const clock = movableClock('2026-11-02T10:00:00Z');
const env = fixture(async () => {
  // Admins here have no authenticator: two-factor is auth's to test.
  const server = await startTestServer({ clock: clock.now, config: { admin2fa: 'optional' } });
  return { server, tokens: await staff(server) };
});
after(async () => (await env()).server.close());

/** A site of its own with the standard world: what must go and what must stay. */
async function world() {
  const { server } = await env();
  const db = server.database.db;
  const site = await otherSite(server);
  const gone = {
    chats: [
      await chat(db, site.id, { createdAt: '2026-03-01T08:00:00Z', closedAt: '2026-03-01T09:00:00Z' }),
      await chat(db, site.id, { createdAt: '2025-12-24T08:00:00Z', closedAt: '2025-12-24T09:00:00Z', messages: 5 }),
      // A minute before the cut-off.
      await chat(db, site.id, { createdAt: '2026-05-02T09:00:00Z', closedAt: '2026-05-02T09:59:00Z' }),
      // Older than the chat period but inside the ticket period: chats follow their own period.
      await chat(db, site.id, { createdAt: '2025-01-10T08:00:00Z', closedAt: '2025-01-10T09:00:00Z' }),
    ],
    tickets: [
      await ticket(db, site.id, { createdAt: '2024-05-01T08:00:00Z', status: 'resolved', resolvedAt: '2024-06-01T08:00:00Z', entries: 3, withFile: true, mails: 2 }),
      await ticket(db, site.id, { createdAt: '2023-01-01T08:00:00Z', status: 'closed', resolvedAt: '2023-01-02T08:00:00Z', closedAt: '2023-01-09T08:00:00Z' }),
    ],
  };
  const kept = {
    chats: [
      // Exactly at the cut-off: not older than six months.
      await chat(db, site.id, { createdAt: '2026-05-02T09:00:00Z', closedAt: '2026-05-02T10:00:00Z' }),
      await chat(db, site.id, { createdAt: '2026-06-01T08:00:00Z', closedAt: '2026-06-01T09:00:00Z' }),
      // Old but never closed.
      await chat(db, site.id, { createdAt: '2025-01-01T08:00:00Z', status: 'assigned' }),
      // Closed long ago but changed last week (its last word matters to someone).
      await chat(db, site.id, { createdAt: '2025-01-01T08:00:00Z', closedAt: '2025-01-01T09:00:00Z', updatedAt: '2026-10-26T09:00:00Z' }),
    ],
    tickets: [
      // Resolved 22 months ago: inside the ticket period although far outside the chat period.
      await ticket(db, site.id, { createdAt: '2025-01-01T08:00:00Z', status: 'resolved', resolvedAt: '2025-01-05T08:00:00Z', withFile: true }),
      // Old but still open or waiting.
      await ticket(db, site.id, { createdAt: '2022-01-01T08:00:00Z', status: 'open' }),
      await ticket(db, site.id, { createdAt: '2022-01-01T08:00:00Z', status: 'pending' }),
    ],
  };
  return { site, gone, kept };
}

const EXPECTED_GONE = { conversations: 4, messages: 14, tickets: 2, ticketEntries: 5, ticketHistory: 2, files: 1, emails: 2 };

async function enable(token: string, siteId: string, body: Record<string, unknown> = {}): Promise<RetentionSettingsView> {
  const { server } = await env();
  const p = await api<RetentionPreview>(server, `/api/console/retention/preview?site=${siteId}`, { token });
  assert.equal(p.status, 200, JSON.stringify(p.body));
  const r = await api<RetentionSettingsView>(server, `/api/console/retention?site=${siteId}`, { method: 'PUT', token, json: { enabled: true, previewToken: p.body.previewToken, ...body } });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

async function remaining(ids: { chats: string[]; tickets: string[] }) {
  const { server } = await env();
  const db = server.database.db;
  const [c] = await db.select({ n: count() }).from(conversations).where(inArray(conversations.id, ids.chats));
  const [t] = await db.select({ n: count() }).from(tickets).where(inArray(tickets.id, ids.tickets));
  return { chats: c!.n, tickets: t!.n };
}

/** Runs one site's retention now with the given batch, to the end; the batch jobs' payloads, in order. */
async function runNow(siteId: string, batch: number, maxMessages?: number) {
  const { server } = await env();
  const { db } = server.database;
  await db.transaction((tx) => startRetentionRun(tx, siteId, clock.now(), { batch, maxMessages }));
  await server.app.ctx.jobs.runDue();
  const steps = await db.select().from(jobs).where(and(eq(jobs.kind, BATCH_JOB), eq(jobs.status, 'done')));
  return steps.filter((j) => j.payload.siteId === siteId).sort((a, b) => Number(a.payload.step) - Number(b.payload.step));
}

test('only admins read, preview or change retention; agents and supervisors get 403', async () => {
  const { server, tokens } = await env();
  for (const who of ['alice', 'supervisor'] as const) {
    for (const [path, method] of [
      ['/api/console/retention', 'GET'],
      ['/api/console/retention/preview', 'GET'],
      ['/api/console/retention', 'PUT'],
    ] as const) {
      const r = await api(server, path, { method, token: tokens[who], ...(method === 'PUT' ? { json: { chatMonths: 3 } } : {}) });
      assert.equal(r.status, 403, `${who} ${method} ${path}`);
    }
  }
  assert.equal((await api(server, '/api/console/retention')).status, 401);
});

test('settings: company defaults, months 1..120, and switching on needs a fresh dry run of the same periods', async () => {
  const { server, tokens } = await env();
  const { site } = await world();
  const path = `/api/console/retention?site=${site.id}`;
  const initial = await api<RetentionSettingsView>(server, path, { token: tokens.admin });
  assert.deepEqual({ ...initial.body, nextRunAt: null }, { chatMonths: 6, ticketMonths: 24, enabled: false, enabledAt: null, lastRun: null, nextRunAt: null });

  for (const bad of [{ chatMonths: 0 }, { ticketMonths: 121 }, { chatMonths: 'six' }, { chatMonths: 2.5 }, { keepForever: true }]) {
    const r = await api(server, path, { method: 'PUT', token: tokens.admin, json: bad });
    assert.equal(codeOf(r), 'invalid', JSON.stringify(bad));
  }
  assert.equal(codeOf(await api(server, `/api/console/retention/preview?site=${site.id}&chatMonths=0`, { token: tokens.admin })), 'invalid');
  // Without a dry run, with a made-up token, or with a dry run of other periods: refused.
  assert.equal(codeOf(await api(server, path, { method: 'PUT', token: tokens.admin, json: { enabled: true } })), 'invalid');
  assert.equal(codeOf(await api(server, path, { method: 'PUT', token: tokens.admin, json: { enabled: true, previewToken: 'guess' } })), 'invalid');
  const p = await api<RetentionPreview>(server, `/api/console/retention/preview?site=${site.id}&chatMonths=12`, { token: tokens.admin });
  assert.equal(codeOf(await api(server, path, { method: 'PUT', token: tokens.admin, json: { enabled: true, previewToken: p.body.previewToken } })), 'invalid');
  // A stale dry run (over 30 minutes) is refused too.
  const stale = await api<RetentionPreview>(server, `/api/console/retention/preview?site=${site.id}`, { token: tokens.admin });
  clock.advance(31 * 60_000);
  try {
    assert.equal(codeOf(await api(server, path, { method: 'PUT', token: tokens.admin, json: { enabled: true, previewToken: stale.body.previewToken } })), 'invalid');
  } finally {
    clock.advance(-31 * 60_000);
  }
  // Only the latest dry run counts: the one for 12 months again.
  const p12 = await api<RetentionPreview>(server, `/api/console/retention/preview?site=${site.id}&chatMonths=12`, { token: tokens.admin });
  assert.equal(p12.body.chatCutoff, '2025-11-02T10:00:00.000Z');
  const on = await api<RetentionSettingsView>(server, path, { method: 'PUT', token: tokens.admin, json: { enabled: true, chatMonths: 12, previewToken: p12.body.previewToken } });
  assert.equal(on.status, 200, JSON.stringify(on.body));
  assert.equal(on.body.enabled, true);
  assert.equal(on.body.chatMonths, 12);
  assert.equal(on.body.enabledAt, clock.now().toISOString());
  // While on, shortening a period deletes more: it needs its own dry run; switching off does not.
  assert.equal(codeOf(await api(server, path, { method: 'PUT', token: tokens.admin, json: { chatMonths: 6 } })), 'invalid');
  clock.advance(1000);
  assert.equal((await api(server, path, { method: 'PUT', token: tokens.admin, json: { enabled: false } })).status, 200);
  clock.advance(-1000);

  const log = await api<AuditPage>(server, `/api/console/audit?site=${site.id}&action=retention.settings`, { token: tokens.admin });
  assert.deepEqual(
    log.body.entries.map((e) => [e.actor?.id, e.before, e.after]),
    [
      [server.accounts.admin.id, { enabled: true }, { enabled: false }],
      [server.accounts.admin.id, { chatMonths: 6, enabled: false }, { chatMonths: 12, enabled: true }],
    ],
  );
});

test('the dry run counts exactly what a run deletes; nothing newer, open or recently changed is touched; tickets keep their own period', async () => {
  const { server, tokens } = await env();
  const db = server.database.db;
  const w = await world();
  await enable(tokens.admin, w.site.id);
  const p = await api<RetentionPreview>(server, `/api/console/retention/preview?site=${w.site.id}`, { token: tokens.admin });
  assert.equal(p.body.chatCutoff, '2026-05-02T10:00:00.000Z');
  assert.equal(p.body.ticketCutoff, '2024-11-02T10:00:00.000Z');
  const fileBytes = Buffer.byteLength('%PDF-1.4 retention test');
  assert.deepEqual(p.body.counts, { ...EXPECTED_GONE, fileBytes });

  const keptFiles = await db.select({ n: count() }).from(files).where(inArray(files.ticketId, w.kept.tickets));
  const steps = await runNow(w.site.id, 500);
  assert.equal(steps.length, 1);
  assert.deepEqual(await remaining(w.gone), { chats: 0, tickets: 0 });
  assert.deepEqual(await remaining(w.kept), { chats: w.kept.chats.length, tickets: w.kept.tickets.length });
  // Everything hanging off the deleted ones went with them, and nothing of the kept ones.
  for (const [table, col, ids] of [
    [messages, messages.conversationId, w.gone.chats],
    [ticketEntries, ticketEntries.ticketId, w.gone.tickets],
    [ticketHistory, ticketHistory.ticketId, w.gone.tickets],
    [files, files.ticketId, w.gone.tickets],
    [mailOutbox, mailOutbox.ticketId, w.gone.tickets],
  ] as const) {
    const [r] = await db.select({ n: count() }).from(table).where(inArray(col, ids));
    assert.equal(r!.n, 0);
  }
  const [kf] = await db.select({ n: count() }).from(files).where(inArray(files.ticketId, w.kept.tickets));
  assert.deepEqual(kf, keptFiles[0]);
  const [km] = await db.select({ n: count() }).from(messages).where(inArray(messages.conversationId, w.kept.chats));
  assert.equal(km!.n, 12);

  // The run is on the settings and in the audit log, by the system, with the counts the dry run showed.
  const s = await api<RetentionSettingsView>(server, `/api/console/retention?site=${w.site.id}`, { token: tokens.admin });
  assert.deepEqual(s.body.lastRun?.deleted, p.body.counts);
  const log = await api<AuditPage>(server, `/api/console/audit?site=${w.site.id}&action=retention.run`, { token: tokens.admin });
  assert.equal(log.body.entries.length, 1);
  assert.equal(log.body.entries[0]!.actor, null);
  assert.deepEqual((log.body.entries[0]!.after as { deleted: unknown }).deleted, p.body.counts);
  // And a dry run now finds nothing.
  const again = await api<RetentionPreview>(server, `/api/console/retention/preview?site=${w.site.id}`, { token: tokens.admin });
  assert.deepEqual(again.body.counts, { conversations: 0, messages: 0, tickets: 0, ticketEntries: 0, ticketHistory: 0, files: 0, fileBytes: 0, emails: 0 });
});

test('batches: no transaction deletes more than its batch, and a run ends with a step that found less', async () => {
  const { server, tokens } = await env();
  const w = await world();
  await enable(tokens.admin, w.site.id);
  // 6 units (4 chats, 2 tickets) in batches of 3: 3 chats; 1 chat + 2 tickets; an empty last step.
  const steps = await runNow(w.site.id, 3);
  const units = steps.map((j) => {
    const c = j.payload.counts as { conversations: number; tickets: number };
    return c.conversations + c.tickets;
  });
  assert.deepEqual(units, [0, 3, 6], 'the counts so far each step started with');
  assert.deepEqual(await remaining(w.gone), { chats: 0, tickets: 0 });
  assert.deepEqual(await remaining(w.kept), { chats: w.kept.chats.length, tickets: w.kept.tickets.length });
  const log = await api<AuditPage>(server, `/api/console/audit?site=${w.site.id}&action=retention.run`, { token: tokens.admin });
  assert.equal((log.body.entries[0]!.after as { steps: number }).steps, 3);
  // Exactly a batch of 2 over 6 units: steps of 2, 2, 2 and an empty one.
  const w2 = await world();
  await enable(tokens.admin, w2.site.id);
  assert.equal((await runNow(w2.site.id, 2)).length, 4);
  // Long chats make small batches: at most 6 messages a step (but always one chat). Oldest first the
  // chats hold 3, 5, 3 and 3 messages: 1 chat; 1 chat; then 2 chats and both tickets.
  const w3 = await world();
  await enable(tokens.admin, w3.site.id);
  const steps3 = await runNow(w3.site.id, 500, 6);
  assert.deepEqual(
    steps3.map((j) => (j.payload.counts as { conversations: number }).conversations),
    [0, 1, 2],
  );
  assert.deepEqual(await remaining(w3.gone), { chats: 0, tickets: 0 });
});

test('a run cut short by a restart resumes on the next leader with its counts intact', async () => {
  const { server, tokens } = await env();
  const w = await world();
  await enable(tokens.admin, w.site.id);
  const expected = (await api<RetentionPreview>(server, `/api/console/retention/preview?site=${w.site.id}`, { token: tokens.admin })).body.counts;
  // Two processes of our own on the same database (this server's leader stays idle: no job is due for it
  // until we run one). The first takes one step and "dies"; the second finishes.
  const config = server.app.ctx.config;
  const first = createApp({ db: server.database, config, clock: clock.now, logger: pino({ level: 'silent' }) });
  await server.database.db.transaction((tx) => startRetentionRun(tx, w.site.id, clock.now(), { batch: 2 }));
  assert.equal(await first.ctx.jobs.runDue({ max: 1 }), 1);
  assert.deepEqual(await remaining(w.gone), { chats: 2, tickets: 2 });
  const second = createApp({ db: server.database, config, clock: clock.now, logger: pino({ level: 'silent' }) });
  await second.ctx.jobs.runDue();
  assert.deepEqual(await remaining(w.gone), { chats: 0, tickets: 0 });
  assert.deepEqual(await remaining(w.kept), { chats: w.kept.chats.length, tickets: w.kept.tickets.length });
  const s = await api<RetentionSettingsView>(server, `/api/console/retention?site=${w.site.id}`, { token: tokens.admin });
  assert.deepEqual(s.body.lastRun?.deleted, expected);
  const runs = await server.database.db.select().from(auditLog).where(and(eq(auditLog.siteId, w.site.id), eq(auditLog.action, 'retention.run')));
  assert.equal(runs.length, 1, 'one run, one entry');
});

test('the daily job runs retention for sites that switched it on, and only those', async () => {
  const { server, tokens } = await env();
  const on = await world();
  const off = await world();
  await enable(tokens.admin, on.site.id);
  const view = (await api<RetentionSettingsView>(server, `/api/console/retention?site=${on.site.id}`, { token: tokens.admin })).body;
  assert.equal(view.nextRunAt, '2026-11-03T03:00:00.000Z');
  clock.set('2026-11-03T03:00:00Z');
  try {
    await server.app.ctx.jobs.runDue();
    // Both sites' worlds were dated against 2 Nov; the chat cut-off moved by a day, which changes nothing here.
    assert.deepEqual(await remaining(on.gone), { chats: 0, tickets: 0 });
    assert.deepEqual(await remaining(off.gone), { chats: on.gone.chats.length, tickets: on.gone.tickets.length });
    // Read directly: a session idle for 17 hours has expired.
    const next = await settingsView(server.database.db, on.site.id);
    assert.equal(next.lastRun?.startedAt, '2026-11-03T03:00:00.000Z', JSON.stringify(next));
    assert.equal(next.nextRunAt, '2026-11-04T03:00:00.000Z');
  } finally {
    clock.set('2026-11-02T10:00:00Z');
  }
});

test('reports: stored figures and CSAT stay; live chat volume for the deleted months drops by exactly the chats deleted', async () => {
  const { server, tokens } = await env();
  const db = server.database.db;
  const w = await world();
  // A CSAT answer about a chat that will go.
  const [inv] = await db
    .insert(surveyInvitations)
    .values({ siteId: w.site.id, kind: 'csat', about: 'conversation', tokenHash: `h${Date.now()}`, conversationId: w.gone.chats[0]!, createdAt: new Date('2026-03-01T09:05:00Z'), expiresAt: new Date('2026-03-08T09:05:00Z') })
    .returning();
  await db.insert(surveyResponses).values({ invitationId: inv!.id, siteId: w.site.id, score: 5, createdAt: new Date('2026-03-01T09:06:00Z'), updatedAt: new Date('2026-03-01T09:06:00Z') });
  const figures = async () => {
    const r = await buildReport({ db, clock: clock.now }, { siteId: w.site.id, departmentIds: null }, { from: '2025-12-01', to: '2026-04-30', timeZone: 'UTC', granularity: 'month', sections: ['volume', 'satisfaction'], chatTargetSeconds: 60 });
    return { volume: r.sections.volume!.total, csat: { responses: r.sections.satisfaction!.total.csatResponses, rate: r.sections.satisfaction!.total.csatRate } };
  };
  const before = await figures();
  // The stored monthly report for March (made on 1 April, before any deletion).
  const march = await computeMonthlyReport(db, clock.now(), w.site.id, '2026-03', 'UTC');
  const { month: _m, timeZone: _z, ...data } = march;
  const [stored] = await db.insert(monthlyReports).values({ siteId: w.site.id, month: '2026-03', timeZone: 'UTC', data, generatedAt: new Date('2026-04-01T00:00:00Z') }).returning();
  assert.equal(march.total.items, 1);
  assert.deepEqual(before, { volume: { conversations: 2, tickets: 0 }, csat: { responses: 1, rate: 100 } });
  await enable(tokens.admin, w.site.id);
  await runNow(w.site.id, 500);
  const afterRun = await figures();
  // Chats started Dec 2025 and Mar 2026 are gone from the live volume; the CSAT answer about one stays counted.
  assert.deepEqual(afterRun, { volume: { conversations: 0, tickets: 0 }, csat: { responses: 1, rate: 100 } });
  // The stored report reads as it did; computing March afresh would now count no chat.
  const [again] = await db.select().from(monthlyReports).where(eq(monthlyReports.id, stored!.id));
  assert.deepEqual(again!.data, stored!.data);
  assert.equal((await computeMonthlyReport(db, clock.now(), w.site.id, '2026-03', 'UTC')).total.items, 0);
  const [kept] = await db.select({ conversationId: surveyInvitations.conversationId }).from(surveyInvitations).where(eq(surveyInvitations.id, inv!.id));
  assert.equal(kept!.conversationId, null, 'the answer stays, unlinked');
});
