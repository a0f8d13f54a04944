/**
 * Employee surveys end to end through a real server: built and opened over the console API, answered
 * over the employee API with tokens an intranet would sign. Results, drafts and the window are in
 * employee-results.test.ts.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import type { EmployeeSurveyAdmin, EmployeeSurveySummary } from '@parley/protocol';
import { api, codeOf } from '../kb/test-kit.js';
import { startTestServer } from '../testing.js';
import { employeeToken } from '../tickets/test-kit.js';
import { siteDepartments } from '../identity/departments.js';
import { drawSample, memberHash } from './employee/audience.js';
import { employeeSurveys, employeeSurveySample } from './employee/schema.js';
import { answer, clock, create, employee, env, good, mine, one, opened, results, stored, survey } from './employee/test-kit.js';

after(async () => (await env()).server.close());

test('an employee sees an open survey in their language, answers once, and the answer holds nothing about them', async () => {
  const s = await opened(survey());
  const wang = await employee({ locale: 'zh-TW', departments: ['Support'] });

  const listed = await mine(wang.token);
  const found = listed.find((x) => x.id === s.id);
  assert.ok(found, 'the open survey is listed');
  assert.deepEqual([found.title, found.intro, found.locale, found.questionCount], ['溝通管道調查', '匿名，约两分钟。', 'zh-TW', 4], 'zh-TW falls back to zh-CN before English');
  assert.equal((await mine(wang.token, 'en')).find((x) => x.id === s.id)?.title, 'Communication channels', '?locale= wins over the token');

  const view = (await one(wang.token, s.id)).body.survey;
  assert.deepEqual(
    view.questions.map((q) => [q.id, q.type, q.text, q.required]),
    [
      ['q1', 'rating', '您獲得資訊的程度如何？', true],
      ['q2', 'single', 'Main channel?', true],
      ['q3', 'multiple', 'Which do you read?', false],
      ['q4', 'text', 'Anything else?', false],
    ],
  );
  assert.deepEqual(view.questions[1]!.options, [
    { id: 'o1', text: '邮件' },
    { id: 'o2', text: 'Intranet' },
    { id: 'o3', text: 'Meetings' },
  ]);

  assert.equal((await answer(wang.token, s.id, good)).status, 201);
  const twice = await answer(wang.token, s.id, { q1: 1, q2: 'o1' });
  assert.equal(twice.status, 409, 'a second answer is refused');
  assert.equal(codeOf(twice), 'closed');
  assert.equal((await one(wang.token, s.id)).status, 409, 'the form is not offered again');
  assert.ok(!(await mine(wang.token)).some((x) => x.id === s.id), 'an answered survey is no longer listed');

  const { answers, markers } = await stored(s.id);
  assert.equal(answers.length, 1);
  assert.equal(markers.length, 1);
  const [row] = answers;
  assert.deepEqual(Object.keys(row!).sort(), ['answers', 'departmentId', 'id', 'surveyId'], 'no employee, no time on the answer');
  assert.deepEqual(row!.answers, { q1: 4, q2: 'o2', q3: ['o1', 'o3'], q4: 'More town halls.' });
  assert.equal(row!.departmentId, (await env()).server.departments.support.id, 'the group is the department');
  assert.ok(!JSON.stringify(row).includes(wang.sub));
  assert.deepEqual(Object.keys(markers[0]!).sort(), ['memberHash', 'surveyId'], 'the marker holds no time and no answer');
  assert.notEqual(markers[0]!.memberHash, wang.sub);
  assert.equal(markers[0]!.memberHash, memberHash((await env()).secret, s.id, wang.sub), 'a keyed hash of the person, per survey');
  // Nothing but the survey id is shared by the two tables: there is no column to join an answer to its marker.
  const columns = async (table: string) => {
    const r = await (await env()).server.database.db.execute(sql`select column_name from information_schema.columns where table_name = ${table}`);
    const rows = (Array.isArray(r) ? r : (r as unknown as { rows: unknown[] }).rows) as Array<{ column_name: string }>;
    return new Set(rows.map((c) => c.column_name));
  };
  const markerColumns = await columns('employee_survey_respondents');
  const shared = [...(await columns('employee_survey_answers'))].filter((c) => markerColumns.has(c));
  assert.deepEqual(shared, ['survey_id']);
});

test('two answers at once from one person: one is stored, the other is 409', async () => {
  const s = await opened(survey());
  const p = await employee();
  const both = await Promise.all([answer(p.token, s.id, good), answer(p.token, s.id, { q1: 1, q2: 'o1' })]);
  assert.deepEqual(both.map((r) => r.status).sort(), [201, 409]);
  const { answers, markers } = await stored(s.id);
  assert.deepEqual([answers.length, markers.length], [1, 1]);
});

test('bad answers are refused with a clear error and nothing is written', async () => {
  const s = await opened(survey());
  const p = await employee();
  const cases: Array<[Record<string, unknown>, RegExp]> = [
    [{ q2: 'o1' }, /q1 \(question 1\): this question must be answered/],
    [{ q1: 6, q2: 'o1' }, /rating is a whole number from 1 to 5/],
    [{ q1: 3.5, q2: 'o1' }, /rating is a whole number from 1 to 5/],
    [{ q1: '4', q2: 'o1' }, /rating is a whole number/],
    [{ q1: 4, q2: 'o9' }, /choose one of the options/],
    [{ q1: 4, q2: ['o1'] }, /choose one of the options/],
    [{ q1: 4, q2: 'o1', q3: 'o1' }, /a list of the options/],
    [{ q1: 4, q2: 'o1', q3: ['o1', 'o7'] }, /a list of the options/],
    [{ q1: 4, q2: 'o1', q4: 5 }, /a text answer is a string/],
    [{ q1: 4, q2: 'o1', q4: 'x'.repeat(2001) }, /longer than 2000 characters/],
    [{ q1: 4, q2: 'o1', q9: 'hi' }, /q9: this survey has no such question/],
    [{ q1: 4, q2: 'o1', q4: 'nul\u0000' }, /cannot be stored/],
  ];
  for (const [body, message] of cases) {
    const r = await answer(p.token, s.id, body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.match((r.body as { error: { message: string } }).error.message, message);
  }
  const { server } = await env();
  const notJson = await api(server, `/api/surveys/employee/${server.siteKey}/${s.id}/answers`, { raw: 'nope', type: 'application/json', headers: { authorization: `Bearer ${p.token}` } });
  assert.equal(notJson.status, 400);
  assert.deepEqual(await stored(s.id), { answers: [], markers: [] }, 'nothing written');
  assert.equal((await answer(p.token, s.id, { q1: 2, q2: 'o3' })).status, 201, 'and the person can still answer');
});

test('no token, a forged token or another site: refused; a survey not open is 404', async () => {
  const { server } = await env();
  const s = await create(survey());
  const p = await employee();
  assert.equal((await api(server, `/api/surveys/employee/${server.siteKey}`)).status, 401);
  const forged = await employeeToken('not-the-site-secret', { sub: 'x' }, clock.now());
  assert.equal((await api(server, `/api/surveys/employee/${server.siteKey}`, { headers: { authorization: `Bearer ${forged}` } })).status, 401);
  assert.equal((await one(p.token, s.id)).status, 404, 'a draft is not offered');
  assert.equal((await answer(p.token, s.id, good)).status, 404);
  assert.equal((await one(p.token, 'not-a-uuid')).status, 400);
});

test('a department audience: matched by the department id or any of its names, the answer counted in that department', async () => {
  const { server } = await env();
  const s = await opened(survey({ audience: { kind: 'departments', departmentIds: [server.departments.support.id] } }));
  const byName = await employee({ departments: ['support'] });
  const byChinese = await employee({ departments: ['Finance', '售后服务'] });
  const byId = await employee({ departments: [server.departments.support.id] });
  const outsider = await employee({ departments: ['Finance', 'Sales'] });
  for (const p of [byName, byChinese, byId]) assert.ok((await mine(p.token)).some((x) => x.id === s.id));
  assert.ok(!(await mine(outsider.token)).some((x) => x.id === s.id));
  assert.equal((await one(outsider.token, s.id)).status, 404);
  assert.equal((await answer(outsider.token, s.id, good)).status, 404);
  assert.equal((await answer(byChinese.token, s.id, good)).status, 201);
  const { answers } = await stored(s.id);
  assert.deepEqual(
    answers.map((a) => a.departmentId),
    [server.departments.support.id],
  );
});

test('a random sample is drawn once from the roster: exactly N of the audience, reproducibly, and only they may answer', async () => {
  const { server, tokens, secret, siteId } = await env();
  const s = await create(survey({ audience: { kind: 'departments', departmentIds: [server.departments.support.id], sampleSize: 3 } }));
  const noRoster = await api(server, `/api/console/employee-surveys/${s.id}/open`, { token: tokens.admin, json: {} });
  assert.equal(noRoster.status, 400);
  assert.match(noRoster.body.error.message, /roster/);

  const support = await Promise.all(Array.from({ length: 6 }, () => employee({ departments: ['Support'] })));
  const finance = await Promise.all(Array.from({ length: 4 }, () => employee({ departments: ['Finance'] })));
  const roster = [...support, ...finance].map((p, i) => ({ subject: p.sub, departments: i < 6 ? ['Support'] : ['Finance'] }));
  roster.push({ subject: support[0]!.sub, departments: ['Support'] });
  const r = await api<{ survey: EmployeeSurveyAdmin }>(server, `/api/console/employee-surveys/${s.id}/open`, { token: tokens.admin, json: { roster } });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.survey.audienceSize, 3);

  const db = server.database.db;
  const sample = (await db.select().from(employeeSurveySample).where(eq(employeeSurveySample.surveyId, s.id))).map((x) => x.memberHash).sort();
  assert.equal(sample.length, 3, 'only the drawn are kept, not the roster');
  const [row] = await db.select().from(employeeSurveys).where(eq(employeeSurveys.id, s.id));
  const again = drawSample(row!, roster, await siteDepartments(db, siteId), { seed: row!.sampleSeed!, siteSecret: secret, surveyId: s.id });
  assert.deepEqual(again.members!.sort(), sample, 'the same seed and roster draw the same people');

  const drawn = support.filter((p) => sample.includes(memberHash(secret, s.id, p.sub)));
  const left = support.filter((p) => !drawn.includes(p));
  assert.equal(drawn.length, 3, 'all drawn from the audience (Support), none from Finance');
  for (const p of drawn) assert.ok((await mine(p.token)).some((x) => x.id === s.id));
  for (const p of [...left, ...finance]) {
    assert.ok(!(await mine(p.token)).some((x) => x.id === s.id));
    assert.equal((await answer(p.token, s.id, good)).status, 404);
  }
  assert.equal((await answer(drawn[0]!.token, s.id, good)).status, 201);
  assert.equal((await results(s.id)).responseRate, null, 'below 5 answers not even the rate is shown');
});

test('a monthly sample of 100 from a roster of 3,000 (a body past the usual 64 KiB)', async () => {
  const { server, tokens } = await env();
  const s = await create(survey({ audience: { kind: 'everyone', sampleSize: 100 } }));
  const roster = Array.from({ length: 3000 }, (_, i) => ({ subject: `bulk-${String(i).padStart(5, '0')}@acme.example`, departments: [i % 2 ? 'Support' : 'Sales'] }));
  assert.ok(JSON.stringify({ roster }).length > 64 * 1024);
  const r = await api<{ survey: EmployeeSurveyAdmin }>(server, `/api/console/employee-surveys/${s.id}/open`, { token: tokens.admin, json: { roster } });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.survey.audienceSize, 100);
  assert.equal((await server.database.db.select().from(employeeSurveySample).where(eq(employeeSurveySample.surveyId, s.id))).length, 100);
  const tooMany = await api(server, `/api/console/employee-surveys/${s.id}/open`, { token: tokens.admin, json: { roster: Array.from({ length: 50_001 }, (_, i) => ({ subject: `x${i}` })) } });
  assert.equal(tooMany.status, 400, 'more than 50,000 people is refused');
});

test('supervisors survey only their own departments; agents have no access', async () => {
  const { server, tokens } = await env();
  const own = await create(survey({ audience: { kind: 'departments', departmentIds: [server.departments.support.id] } }), 'supervisor');
  assert.equal(own.createdBy?.name, 'Sam Supervisor');
  for (const audience of [{ kind: 'everyone' as const }, { kind: 'departments' as const, departmentIds: [server.departments.sales.id] }, { kind: 'departments' as const, departmentIds: [server.departments.sales.id, server.departments.support.id] }]) {
    const r = await api(server, '/api/console/employee-surveys', { token: tokens.supervisor, json: survey({ audience }) });
    assert.equal(r.status, 403, JSON.stringify(audience));
  }
  const sales = await create(survey({ audience: { kind: 'departments', departmentIds: [server.departments.sales.id] } }));
  const everyone = await create(survey());
  const list = (await api<{ surveys: EmployeeSurveyAdmin[] }>(server, '/api/console/employee-surveys', { token: tokens.supervisor })).body.surveys.map((x) => x.id);
  assert.ok(list.includes(own.id));
  assert.ok(!list.includes(sales.id) && !list.includes(everyone.id), "others' surveys are not listed");
  for (const path of [`/${sales.id}`, `/${sales.id}/results`, `/${everyone.id}/results.csv`]) assert.equal((await api(server, `/api/console/employee-surveys${path}`, { token: tokens.supervisor })).status, 404, path);
  assert.equal((await api(server, `/api/console/employee-surveys/${sales.id}/open`, { token: tokens.supervisor, json: {} })).status, 404);
  assert.equal((await api(server, `/api/console/employee-surveys/${own.id}/open`, { token: tokens.supervisor, json: {} })).status, 200);
  assert.equal((await results(own.id, 'supervisor')).overall, null);

  for (const [method, path] of [['GET', ''], ['POST', ''], ['GET', `/${own.id}`], ['GET', `/${own.id}/results`], ['POST', `/${own.id}/close`]] as const) {
    const r = await api(server, `/api/console/employee-surveys${path}`, { token: tokens.alice, method, ...(method === 'POST' ? { json: survey() } : {}) });
    assert.equal(r.status, 403, `${method} ${path}`);
  }
  assert.equal((await api(server, '/api/console/employee-surveys')).status, 401);
});

test('the demo intranet (DEMO_INTRANET=on) opens its communication survey on first use, once; flood limits count per employee', async () => {
  const demo = await startTestServer({ config: { demoIntranet: true, rateKbVotesPerIp: { points: 2, seconds: 60 } } });
  try {
    const token = async (as = 'hr') => (await api<{ token: string }>(demo, `/api/demo/employee-token?as=${as}`)).body.token;
    const list = async () => (await api<{ surveys: EmployeeSurveySummary[] }>(demo, `/api/surveys/employee/${demo.siteKey}`, { headers: { authorization: `Bearer ${await token()}` } })).body.surveys;
    const [first, second] = await Promise.all([list(), list()]);
    assert.deepEqual([first!.length, second!.length], [1, 1]);
    assert.equal(first![0]!.title, '溝通管道調查', "in the demo employee's language (zh-TW)");
    assert.equal((await demo.database.db.select().from(employeeSurveys)).length, 1, 'two first visits wrote one survey');

    const post = async (as: string) => (await api(demo, `/api/surveys/employee/${demo.siteKey}/${first![0]!.id}/answers`, { json: { answers: {} }, headers: { authorization: `Bearer ${await token(as)}` } })).status;
    assert.deepEqual([await post('hr'), await post('hr'), await post('hr')], [400, 400, 429], 'one employee: two tries a minute here');
    assert.equal(await post('finance'), 400, 'a colleague on the same address is not throttled with them');
  } finally {
    await demo.close();
  }
});
