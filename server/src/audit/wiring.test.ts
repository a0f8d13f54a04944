/**
 * Each audited admin or supervisor action of the existing domains writes one entry with who, what and
 * only the changed fields, and never a secret: webhooks, announcements, response targets and business
 * hours, survey settings, help-center publishing and deleting, employee surveys.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { AuditEntryView, AuditPage } from '@parley/protocol';
import { input as announcementInput } from '../announcements/test-kit.js';
import { api, fixture, siteIdOf, staff } from '../kb/test-kit.js';
import { NY_CALENDAR } from '../reports/fixtures.js';
import { survey } from '../surveys/employee/test-kit.js';
import { startTestServer } from '../testing.js';

const env = fixture(async () => {
  // Admins here have no authenticator: two-factor is auth's to test.
  const server = await startTestServer({ config: { admin2fa: 'optional' } });
  return { server, tokens: await staff(server), siteId: await siteIdOf(server) };
});
after(async () => (await env()).server.close());

async function entries(query: string): Promise<AuditEntryView[]> {
  const { server, tokens } = await env();
  const r = await api<AuditPage>(server, `/api/console/audit?${query}&limit=200`, { token: tokens.admin });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.entries;
}

async function ok<T = any>(path: string, opts: { method?: string; json?: unknown; token?: 'admin' | 'supervisor' } = {}): Promise<T> {
  const { server, tokens } = await env();
  const r = await api<T>(server, path, { method: opts.method, json: opts.json, token: tokens[opts.token ?? 'admin'] });
  assert.ok(r.status < 300, `${opts.method ?? 'GET'} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

test('webhooks: created, changed, secret shown and rotated, deleted; no secret and no robot key in the log', async () => {
  const { server } = await env();
  const { endpoint } = await ok('/api/console/webhooks', { json: { name: 'CRM', url: 'https://crm.example.com/hook?key=robot-key-123', events: ['ticket.created'] } });
  const rotated = await ok(`/api/console/webhooks/${endpoint.id}`, { method: 'PATCH', json: { name: 'CRM (prod)', rotateSecret: true } });
  await ok(`/api/console/webhooks/${endpoint.id}`, { method: 'DELETE' });
  const log = await entries(`targetType=webhook&targetId=${endpoint.id}`);
  assert.deepEqual(log.map((e) => e.action).sort(), ['webhook.endpoint_created', 'webhook.endpoint_deleted', 'webhook.endpoint_updated', 'webhook.secret_shown', 'webhook.secret_shown']);
  const updated = log.find((e) => e.action === 'webhook.endpoint_updated')!;
  assert.deepEqual([updated.before, updated.after], [{ name: 'CRM' }, { name: 'CRM (prod)' }]);
  assert.equal(updated.actor?.id, server.accounts.admin.id);
  const created = log.find((e) => e.action === 'webhook.endpoint_created')!;
  assert.equal((created.after as { url: string }).url, 'https://crm.example.com/hook?…');
  const text = JSON.stringify(log);
  for (const secret of [endpoint.secret, rotated.endpoint.secret, 'robot-key-123']) assert.ok(!text.includes(secret), 'no secret in the log');
});

test('announcements: created, edited (changed fields only), published, withdrawn, by whom', async () => {
  const { server } = await env();
  const { announcement } = await ok('/api/console/announcements', { json: announcementInput() });
  await ok(`/api/console/announcements/${announcement.id}`, { method: 'PUT', json: announcementInput({ priority: 'important' }) });
  await ok(`/api/console/announcements/${announcement.id}/publish`, { method: 'POST' });
  await ok(`/api/console/announcements/${announcement.id}/withdraw`, { method: 'POST' });
  const log = await entries(`action=announcement.&targetId=${announcement.id}`);
  assert.deepEqual(log.map((e) => e.action).sort(), ['announcement.created', 'announcement.edited', 'announcement.published', 'announcement.withdrawn']);
  const edit = log.find((e) => e.action === 'announcement.edited')!;
  assert.deepEqual([edit.before, edit.after], [{ priority: 'normal' }, { priority: 'important' }]);
  assert.ok(log.every((e) => e.actor?.id === server.accounts.admin.id));
  assert.deepEqual((log.find((e) => e.action === 'announcement.published')!.after as { titles: unknown }).titles, { en: 'Fire drill at 3 pm', 'zh-CN': '下午三点消防演习' });
});

test('response targets and business hours: before and after of what changed', async () => {
  const { server, siteId } = await env();
  await ok('/api/console/tickets/settings/sla', { method: 'PUT', json: { linkDays: 45 } });
  const [sla] = await entries(`action=ticket.sla_settings_changed&site=${siteId}`);
  assert.equal(typeof (sla!.before as { linkDays: number }).linkDays, 'number');
  assert.deepEqual(Object.keys(sla!.after as object), ['linkDays']);
  assert.deepEqual((sla!.after as { linkDays: number }).linkDays, 45);

  await ok(`/api/console/tickets/calendars/${server.departments.support.id}`, { method: 'PUT', json: NY_CALENDAR, token: 'supervisor' });
  const [cal] = await entries(`action=department.calendar_changed&targetId=${server.departments.support.id}`);
  assert.deepEqual((cal!.after as { calendar: { timeZone: string } }).calendar.timeZone, 'America/New_York');
  assert.equal(cal!.actor?.name, 'Sam Supervisor');
  // Saving the same hours again changes nothing and writes nothing.
  await ok(`/api/console/tickets/calendars/${server.departments.support.id}`, { method: 'PUT', json: NY_CALENDAR, token: 'supervisor' });
  assert.equal((await entries(`action=department.calendar_changed&targetId=${server.departments.support.id}`)).length, 1);
});

test('ticket categories: created, target changed, archived', async () => {
  const input = { slug: `audit-${Date.now().toString(36)}`, names: { en: 'Audit' }, audience: 'customer', departmentId: null, targetMinutes: 120 };
  const { category } = await ok('/api/console/tickets/categories', { json: input });
  await ok(`/api/console/tickets/categories/${category.id}`, { method: 'PUT', json: { ...input, targetMinutes: 60 } });
  await ok(`/api/console/tickets/categories/${category.id}`, { method: 'DELETE' });
  const log = await entries(`targetType=ticket_category&targetId=${category.id}`);
  assert.deepEqual(log.map((e) => e.action).sort(), ['ticket.category_archived', 'ticket.category_changed', 'ticket.category_created']);
  const changed = log.find((e) => e.action === 'ticket.category_changed')!;
  assert.deepEqual([changed.before, changed.after], [{ targetMinutes: 120 }, { targetMinutes: 60 }]);
});

test('survey settings: only the changed question text', async () => {
  const { siteId } = await env();
  await ok('/api/console/surveys/settings', { method: 'PUT', json: { questions: { csat: { en: 'How did we do today?' } } } });
  const [e] = await entries(`action=survey.settings_changed&site=${siteId}`);
  assert.deepEqual(Object.keys(e!.after as object), ['questions']);
  assert.equal((e!.after as { questions: { csat: { en: string } } }).questions.csat.en, 'How did we do today?');
});

test('help center: publishing and deleting an article', async () => {
  const { article } = await ok('/api/console/kb/articles', { json: { locale: 'en', title: 'Audit me', body: 'Body text.', status: 'draft' } });
  assert.equal((await entries(`targetType=kb_article&targetId=${article.id}`)).length, 0, 'a draft is nobody\'s business yet');
  await ok(`/api/console/kb/articles/${article.id}`, { method: 'PATCH', json: { status: 'published' } });
  await ok(`/api/console/kb/articles/${article.id}`, { method: 'DELETE' });
  const log = await entries(`targetType=kb_article&targetId=${article.id}`);
  assert.deepEqual(log.map((e) => e.action).sort(), ['kb.article_deleted', 'kb.article_published']);
  assert.deepEqual(log.find((e) => e.action === 'kb.article_deleted')!.before, { title: 'Audit me', locale: 'en', status: 'published' });
});

test('employee surveys: created, opened and closed', async () => {
  const { survey: s } = await ok('/api/console/employee-surveys', { json: survey() });
  await ok(`/api/console/employee-surveys/${s.id}/open`, { method: 'POST', json: {} });
  await ok(`/api/console/employee-surveys/${s.id}/close`, { method: 'POST' });
  const log = await entries(`targetType=employee_survey&targetId=${s.id}`);
  assert.deepEqual(log.map((e) => e.action).sort(), ['employee_survey.closed', 'employee_survey.created', 'employee_survey.opened']);
  assert.equal((log[0]!.after as { title: { en: string } }).title.en, 'Communication channels');
});
