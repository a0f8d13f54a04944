/**
 * NPS asked "after a number of days as a contact": the site's `npsAfterDays`, the daily check parley.js
 * makes (`POST /api/surveys/sites/:siteKey/nps` with `auto: true`), the frequency rule after it, and the
 * setting through the console's settings API. A real server with a clock the test moves.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { eq, like } from 'drizzle-orm';
import type { NpsAutoResult, NpsRequestResult, SurveyInvitation, SurveySettings } from '@parley/protocol';
import { api, fixture, staff } from '../kb/test-kit.js';
import { createVisitorSession } from '../test-clients.js';
import { startTestServer, type TestServer } from '../testing.js';
import { complaint, HOUR, movableClock } from '../tickets/test-kit.js';
import { surveyInvitations, surveyNpsAsks, surveySettings } from './schema.js';

const DAY = 24 * HOUR;
const clock = movableClock('2026-12-01T09:00:00Z');
const env = fixture(() => startTestServer({ clock: clock.now, config: { rateKbVotesPerIp: null, rateTicketsPerIp: null } }));
after(async () => (await env()).close());

const check = (server: TestServer, visitorToken: string, extra: object = {}) =>
  api<NpsAutoResult>(server, `/api/surveys/sites/${server.siteKey}/nps`, { json: { visitorToken, auto: true, ...extra } });
const settingsApi = {
  get: (server: TestServer, token: string) => api<{ settings: SurveySettings }>(server, '/api/console/surveys/settings', { token }),
  put: (server: TestServer, token: string, body: unknown) => api<{ settings: SurveySettings }>(server, '/api/console/surveys/settings', { token, method: 'PUT', json: body }),
};
const errorOf = (r: { body: unknown }) => (r.body as { error: { message: string } }).error.message;
const invitationCount = async (server: TestServer) => (await server.database.db.select({ id: surveyInvitations.id }).from(surveyInvitations)).length;

// One file, one server, one clock: the tests run in order and each leaves the setting as it found it.

test('off by default: a browser of any age is not asked, and nothing is written', async () => {
  const server = await env();
  const visitor = await createVisitorSession(server.url, server.siteKey);
  clock.advance(400 * DAY);
  const s = await staff(server);
  assert.equal((await settingsApi.get(server, s.admin)).body.settings.npsAfterDays, null);
  const r = await check(server, visitor.token);
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, { asked: false, reason: 'off' });
  assert.equal((await server.database.db.select().from(surveyNpsAsks)).length, 0);
  assert.equal(await invitationCount(server), 0);
  // Asked on request, the same browser still is: `auto` is only the daily check.
  assert.equal((await api<NpsRequestResult>(server, `/api/surveys/sites/${server.siteKey}/nps`, { json: { visitorToken: visitor.token } })).body.asked, true);
});

test('not due before N days as a visitor, due after; then the frequency rule', async () => {
  const server = await env();
  const s = await staff(server);
  const set = await settingsApi.put(server, s.admin, { npsAfterDays: 30 });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  assert.equal(set.body.settings.npsAfterDays, 30);
  try {
    const visitor = await createVisitorSession(server.url, server.siteKey);
    assert.deepEqual((await check(server, visitor.token)).body, { asked: false, reason: 'not_due' });
    clock.advance(30 * DAY - 60_000);
    assert.deepEqual((await check(server, visitor.token)).body, { asked: false, reason: 'not_due' }, 'a minute short of 30 days');
    assert.equal(await invitationCount(server), 1, 'only the earlier test’s invitation: not-due writes nothing');

    clock.advance(60_000);
    const asked = await check(server, visitor.token, { locale: 'zh-TW' });
    assert.equal(asked.status, 201);
    assert.ok(asked.body.asked);
    const shown = (await api<{ invitation: SurveyInvitation }>(server, `/api/surveys/invitations/${asked.body.token}`)).body.invitation;
    assert.deepEqual([shown.kind, shown.locale, shown.question], ['nps', 'zh-TW', '您有多大可能向朋友或同事推薦我們？']);

    // Tomorrow's check, and the day after the site's 90 days less one: asked within the frequency.
    clock.advance(DAY);
    assert.deepEqual((await check(server, visitor.token)).body, { asked: false, reason: 'recently_asked' });
    clock.advance(88 * DAY);
    assert.deepEqual((await check(server, visitor.token)).body, { asked: false, reason: 'recently_asked' });
    // On request it is the same rule: the automatic question counted as the asking.
    assert.deepEqual((await api(server, `/api/surveys/sites/${server.siteKey}/nps`, { json: { visitorToken: visitor.token } })).body, { asked: false, reason: 'recently_asked' });
    clock.advance(DAY);
    assert.equal((await check(server, visitor.token)).body.asked, true, '90 days after the first question');
  } finally {
    await settingsApi.put(server, (await staff(server)).admin, { npsAfterDays: null });
  }
});

test('two tabs checking at once ask once', async () => {
  const server = await env();
  const s = await staff(server);
  await settingsApi.put(server, s.admin, { npsAfterDays: 7 });
  try {
    const visitor = await createVisitorSession(server.url, server.siteKey);
    clock.advance(7 * DAY);
    const before = await invitationCount(server);
    const both = await Promise.all([check(server, visitor.token), check(server, visitor.token), check(server, visitor.token)]);
    assert.deepEqual(both.map((r) => r.status).sort(), [200, 200, 201]);
    assert.equal(both.filter((r) => r.body.asked).length, 1);
    assert.ok(both.every((r) => r.body.asked || r.body.reason === 'recently_asked'));
    assert.equal(await invitationCount(server), before + 1);
  } finally {
    await settingsApi.put(server, (await staff(server)).admin, { npsAfterDays: null });
  }
});

test('per contact: a browser that filed a ticket is that contact; their other browser is not asked again', async () => {
  const server = await env();
  const s = await staff(server);
  await settingsApi.put(server, s.admin, { npsAfterDays: 10 });
  try {
    const laptop = await createVisitorSession(server.url, server.siteKey);
    const phone = await createVisitorSession(server.url, server.siteKey);
    await complaint(server, { email: 'Ning@Example.com', visitorToken: laptop.token });
    await complaint(server, { email: 'ning@example.com', visitorToken: phone.token });
    clock.advance(10 * DAY);
    assert.equal((await check(server, laptop.token)).body.asked, true);
    assert.deepEqual((await check(server, phone.token)).body, { asked: false, reason: 'recently_asked' }, 'the same person on another browser');
    const asks = await server.database.db.select().from(surveyNpsAsks).where(like(surveyNpsAsks.subject, 'email:%'));
    assert.deepEqual(
      asks.map((a) => a.subject),
      ['email:ning@example.com'],
    );
    const [invited] = await server.database.db.select().from(surveyInvitations).where(eq(surveyInvitations.contactEmail, 'ning@example.com'));
    assert.ok(invited, 'the invitation says who was asked');
  } finally {
    await settingsApi.put(server, (await staff(server)).admin, { npsAfterDays: null });
  }
});

test('the setting: admins only, 1 to 3650 days or null, clear refusals that change nothing', async () => {
  const server = await env();
  const s = await staff(server);
  const stored = async () => (await server.database.db.select().from(surveySettings))[0]?.settings ?? {};
  assert.equal((await settingsApi.put(server, s.admin, { npsFrequencyDays: 60, npsAfterDays: 14 })).status, 200);
  const initial = (await settingsApi.get(server, s.admin)).body.settings;
  const initialRow = await stored();
  assert.equal(initial.npsAfterDays, 14);

  const bad: Array<[unknown, RegExp]> = [
    [{ npsAfterDays: 0 }, /npsAfterDays must be at least 1 \(null turns it off\)/],
    [{ npsAfterDays: 3651 }, /npsAfterDays must be at most 3650/],
    [{ npsAfterDays: 2.5 }, /npsAfterDays must be a whole number of days/],
    [{ npsAfterDays: '30' }, /npsAfterDays must be a number of days, or null for off/],
    [{ npsAfterDays: 30, npsFrequencyDays: 0 }, /npsFrequencyDays must be at least 1/],
  ];
  for (const [body, message] of bad) {
    const r = await settingsApi.put(server, s.admin, body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.match(errorOf(r), message, JSON.stringify(body));
  }
  assert.equal((await settingsApi.put(server, s.supervisor, { npsAfterDays: 30 })).status, 403);
  assert.equal((await settingsApi.put(server, s.alice, { npsAfterDays: 30 })).status, 403);
  assert.deepEqual((await settingsApi.get(server, s.admin)).body.settings, initial, 'refusals changed nothing');
  assert.deepEqual(await stored(), initialRow);

  assert.equal((await settingsApi.put(server, s.admin, { npsAfterDays: 3650 })).body.settings.npsAfterDays, 3650);
  // Bad checks (while on: off answers before looking at the visitor): the same clear 400 as a request.
  const visitor = await createVisitorSession(server.url, server.siteKey);
  const notBool = await check(server, visitor.token, { auto: 'yes' });
  assert.equal(notBool.status, 400);
  assert.match(errorOf(notBool), /auto must be true or false/);
  const stranger = await check(server, 'x'.repeat(43));
  assert.equal(stranger.status, 400);
  assert.match(errorOf(stranger), /not a visitor of this site/);
  const later = await settingsApi.put(server, s.admin, { questions: { nps: { en: 'Would you recommend us?' } } });
  assert.equal(later.body.settings.npsAfterDays, 3650, 'another change keeps it');
  const off = await settingsApi.put(server, s.admin, { npsAfterDays: null, npsFrequencyDays: 90, questions: { nps: { en: null } } });
  assert.equal(off.status, 200);
  assert.equal(off.body.settings.npsAfterDays, null);
  assert.deepEqual(await stored(), { npsFrequencyDays: 90 }, 'off is the default: not stored');

});

test('the daily check is flood-limited per address like requests', async () => {
  const server = await startTestServer({ config: { rateKbVotesPerIp: { points: 2, seconds: 60 } } });
  try {
    const visitor = await createVisitorSession(server.url, server.siteKey);
    assert.deepEqual((await check(server, visitor.token)).body, { asked: false, reason: 'off' });
    assert.equal((await check(server, visitor.token)).status, 200);
    const limited = await check(server, visitor.token);
    assert.equal(limited.status, 429);
    assert.ok(limited.headers.get('retry-after'));
  } finally {
    await server.close();
  }
});
