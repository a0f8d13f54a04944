/**
 * Employee survey results (the threshold of 5, results only once closed, CSV), drafts, closing and the
 * survey's window, through a real server.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { EmployeeSurveyAdmin } from '@parley/protocol';
import { api } from '../kb/test-kit.js';
import { HOUR } from '../tickets/test-kit.js';
import { resultsOf } from './employee/results.js';
import { answer, clock, create, employee, env, good, mine, opened, results, stored, survey } from './employee/test-kit.js';

after(async () => (await env()).server.close());

test('results: nothing below 5 answers; while open only the count; at close by department, small ones pooled; CSV', async () => {
  const { server, tokens } = await env();
  const s = await opened(survey(), { audienceSize: 40 });
  const ask = async (departments: string[], a: Record<string, unknown>) => assert.equal((await answer((await employee({ departments })).token, s.id, a)).status, 201);
  for (const q1 of [5, 4, 4, 2]) await ask(['Support'], { q1, q2: 'o1', q3: ['o1'], q4: `support ${q1}` });
  let r = await results(s.id);
  assert.deepEqual([r.final, r.overall, r.groups, r.responses, r.responseRate], [false, null, [], null, null], 'four answers: nothing, not even the count');

  await ask(['Support'], { q1: 5, q2: 'o2', q4: '=HYPERLINK("http://x")' });
  r = await results(s.id);
  assert.deepEqual([r.final, r.overall, r.groups, r.responses, r.responseRate], [false, null, [], 5, 0.125], 'while open: the count and the rate, no answers');
  const early = new TextDecoder().decode((await api(server, `/api/console/employee-surveys/${s.id}/results.csv`, { token: tokens.admin })).body as Uint8Array);
  assert.match(early, /5 answers so far: results are shown when the survey closes/);

  await ask(['Sales'], { q1: 1, q2: 'o3' });
  await ask(['Sales'], { q1: 1, q2: 'o3' });
  for (let i = 0; i < 3; i++) await ask(['售前咨询'], { q1: 3, q2: 'o3' });
  await ask(['Finance'], { q1: 3, q2: 'o1' });
  assert.equal((await api(server, `/api/console/employee-surveys/${s.id}/close`, { method: 'POST', token: tokens.admin })).status, 200);
  r = await results(s.id);
  assert.deepEqual([r.final, r.responses, r.responseRate], [true, 11, 0.275]);
  const q1 = r.overall!.questions[0]!;
  assert.deepEqual([q1.answered, q1.distribution, q1.average], [11, { '1': 2, '2': 1, '3': 4, '4': 2, '5': 2 }, 3.09]);
  assert.deepEqual(
    r.overall!.questions[1]!.options!.map((o) => [o.id, o.count]),
    [
      ['o1', 5],
      ['o2', 1],
      ['o3', 5],
    ],
  );
  assert.deepEqual(r.overall!.questions[2]!.options!.map((o) => o.count), [4, 0, 0]);
  assert.equal(r.overall!.questions[3]!.texts!.length, 5);
  // Support 5 and Sales 5 (by its Chinese name too); Finance matches no department and is alone in the pool, so a department joins it.
  assert.deepEqual(
    r.groups.map((g) => [g.group === 'other' ? 'other' : 'department', g.responses]),
    [
      ['department', 5],
      ['other', 6],
    ],
  );
  assert.equal(r.groups[1]!.name.en, 'Other departments');

  const csv = await api(server, `/api/console/employee-surveys/${s.id}/results.csv`, { token: tokens.admin });
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type')!, /text\/csv; charset=utf-8/);
  const bytes = csv.body as Uint8Array;
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const text = new TextDecoder().decode(bytes);
  assert.match(text, /^group,responses,question,question_text,type,answer,count,average\n/);
  assert.match(text, /Everyone,11,q1,How well are you informed\?,rating,5,2,3\.09\n/);
  assert.match(text, /'=HYPERLINK/, 'a formula answer is defused');
  const zh = new TextDecoder().decode((await api(server, `/api/console/employee-surveys/${s.id}/results.csv?locale=zh-CN`, { token: tokens.admin })).body as Uint8Array);
  assert.match(zh, /全体,11,q1,您获得信息的程度如何？,rating/);
});

test('the threshold rules: a department alone from 5; a pool of 1-4 takes in the smallest department; nothing below 5 in all', () => {
  const row = { id: 's', audienceSize: null, questions: [{ id: 'q1', type: 'rating' as const, text: { en: 'Rate' }, required: true }] };
  const names = new Map([
    ['sup', { en: 'Support' }],
    ['sal', { en: 'Sales' }],
    ['fin', { en: 'Finance' }],
  ]);
  const of = (counts: Record<string, number>) =>
    Object.entries(counts).flatMap(([d, n]) => Array.from({ length: n }, () => ({ departmentId: d === 'none' ? null : d, answers: { q1: 3 } })));
  const shape = (counts: Record<string, number>) => {
    const r = resultsOf(row, of(counts), names, true);
    return [r.overall?.responses ?? null, r.groups.map((g) => `${g.group}:${g.responses}`)];
  };
  assert.deepEqual(shape({ sup: 4 }), [null, []]);
  assert.deepEqual(shape({ sup: 5 }), [5, ['sup:5']]);
  assert.deepEqual(shape({ sup: 5, sal: 2 }), [7, []], 'Sales 2 would be everyone minus Support');
  assert.deepEqual(shape({ sup: 6, sal: 5, fin: 1 }), [12, ['sup:6', 'other:6']], 'the smallest department joins the pool');
  assert.deepEqual(shape({ sup: 5, sal: 5, fin: 3, none: 2 }), [15, ['sup:5', 'sal:5', 'other:5']], 'small departments and the unmatched pooled: 5 is enough');
  assert.deepEqual(shape({ sup: 7, sal: 6, fin: 5 }), [18, ['sup:7', 'sal:6', 'fin:5']]);
  const open = resultsOf(row, of({ sup: 7 }), names, false);
  assert.deepEqual([open.final, open.overall, open.groups, open.responses], [false, null, [], 7]);
});

test('drafts are edited and deleted; an opened survey is not; closing ends answering and keeps the answers', async () => {
  const { server, tokens } = await env();
  const base = `/api/console/employee-surveys`;
  const s = await create(survey());
  const edited = await api<{ survey: EmployeeSurveyAdmin }>(server, `${base}/${s.id}`, { method: 'PUT', token: tokens.admin, json: survey({ title: { en: 'Edited' }, questions: [{ type: 'rating', text: { en: 'Rate' } }] }) });
  assert.equal(edited.status, 200);
  assert.deepEqual([edited.body.survey.title, edited.body.survey.questions.length, edited.body.survey.state], [{ en: 'Edited' }, 1, 'draft']);
  const bad = await api(server, base, { token: tokens.admin, json: survey({ questions: [{ type: 'single', text: { en: 'Pick' }, options: [{ en: 'Only one' }] }] }) });
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.message, /questions\.0\.options: a choice question needs at least 2 options/);
  assert.equal((await api(server, base, { token: tokens.admin, json: survey({ audience: { kind: 'departments', departmentIds: [] } }) })).status, 400);
  assert.equal((await api(server, base, { token: tokens.admin, json: survey({ opensAt: '2026-12-05T00:00:00Z', closesAt: '2026-12-04T00:00:00Z' }) })).status, 400);

  const draft = await create(survey());
  assert.equal((await api(server, `${base}/${draft.id}`, { method: 'DELETE', token: tokens.admin })).status, 204);
  assert.equal((await api(server, `${base}/${draft.id}`, { token: tokens.admin })).status, 404);

  assert.equal((await api(server, `${base}/${s.id}/open`, { method: 'POST', token: tokens.admin })).status, 200, 'opening needs no body');
  assert.equal((await api(server, `${base}/${s.id}/open`, { method: 'POST', token: tokens.admin })).status, 409);
  assert.equal((await api(server, `${base}/${s.id}`, { method: 'PUT', token: tokens.admin, json: survey() })).status, 409);
  assert.equal((await api(server, `${base}/${s.id}`, { method: 'DELETE', token: tokens.admin })).status, 409);

  for (let i = 0; i < 6; i++) assert.equal((await answer((await employee()).token, s.id, { q1: 3 })).status, 201);
  const before = (await stored(s.id)).answers.map((a) => JSON.stringify(a.answers)).sort();
  const closed = await api<{ survey: EmployeeSurveyAdmin }>(server, `${base}/${s.id}/close`, { method: 'POST', token: tokens.admin });
  assert.deepEqual([closed.status, closed.body.survey.state], [200, 'closed']);
  assert.equal((await api(server, `${base}/${s.id}/close`, { method: 'POST', token: tokens.admin })).status, 200, 'closing twice is fine');
  const after = await stored(s.id);
  assert.deepEqual(after.answers.map((a) => JSON.stringify(a.answers)).sort(), before, 'the answers survive the reshuffle');
  assert.equal(after.markers.length, 6);
  const late = await employee();
  assert.ok(!(await mine(late.token)).some((x) => x.id === s.id));
  assert.equal((await answer(late.token, s.id, { q1: 3 })).status, 404);
  assert.equal((await results(s.id)).responses, 6);
});

test('the window: a survey opens at opensAt and closes at closesAt by itself', async () => {
  const opensAt = new Date(clock.now().getTime() + 2 * HOUR).toISOString();
  const closesAt = new Date(clock.now().getTime() + 4 * HOUR).toISOString();
  const s = await opened(survey({ opensAt, closesAt }));
  assert.equal(s.state, 'scheduled');
  const p = await employee();
  assert.ok(!(await mine(p.token)).some((x) => x.id === s.id));
  clock.advance(2 * HOUR);
  const fresh = await employee();
  assert.equal((await mine(fresh.token)).find((x) => x.id === s.id)?.closesAt, closesAt);
  clock.advance(2 * HOUR);
  const later = await employee();
  assert.ok(!(await mine(later.token)).some((x) => x.id === s.id));
  assert.equal((await answer(later.token, s.id, good)).status, 404);
  const { server, tokens } = await env();
  const read = (await api<{ survey: EmployeeSurveyAdmin }>(server, `/api/console/employee-surveys/${s.id}`, { token: tokens.admin })).body.survey;
  assert.deepEqual([read.status, read.state, read.closedAt], ['closed', 'closed', closesAt], 'closed for good when first read after closesAt');
  assert.equal((await results(s.id)).final, true);
});
