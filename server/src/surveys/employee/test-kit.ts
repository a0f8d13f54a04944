/** Helpers for the employee survey tests: a server on a movable clock, employees, surveys, REST calls. Not a test file. */
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { EmployeeSurveyAdmin, EmployeeSurveyInput, EmployeeSurveyResults, EmployeeSurveySummary, EmployeeSurveyView } from '@parley/protocol';
import { api, fixture, siteIdOf, staff } from '../../kb/test-kit.js';
import { startTestServer } from '../../testing.js';
import { employeeToken, movableClock, siteSecret } from '../../tickets/test-kit.js';
import { employeeSurveyAnswers, employeeSurveyRespondents } from './schema.js';

export const clock = movableClock('2026-12-01T09:00:00Z');
export const env = fixture(async () => {
  const server = await startTestServer({ clock: clock.now, config: { rateKbVotesPerIp: null, rateKbReadsPerIp: null } });
  return { server, tokens: await staff(server), secret: await siteSecret(server), siteId: await siteIdOf(server) };
});

let people = 0;
/** A new employee each call: every test answers with people of its own. */
export async function employee(o: { departments?: string[]; locale?: string; sub?: string } = {}): Promise<{ sub: string; token: string }> {
  const { secret } = await env();
  const sub = o.sub ?? `emp-${++people}`;
  return { sub, token: await employeeToken(secret, { sub, name: `Person ${sub}`, departments: o.departments ?? [], locale: o.locale ?? 'en' }, clock.now()) };
}

export const survey = (over: Partial<EmployeeSurveyInput> = {}): EmployeeSurveyInput => ({
  title: { en: 'Communication channels', 'zh-CN': '沟通渠道调查', 'zh-TW': '溝通管道調查' },
  intro: { en: 'Anonymous; takes two minutes.', 'zh-CN': '匿名，约两分钟。' },
  questions: [
    { type: 'rating', text: { en: 'How well are you informed?', 'zh-CN': '您获得信息的程度如何？', 'zh-TW': '您獲得資訊的程度如何？' }, required: true },
    { type: 'single', text: { en: 'Main channel?' }, required: true, options: [{ en: 'Email', 'zh-CN': '邮件' }, { en: 'Intranet' }, { en: 'Meetings' }] },
    { type: 'multiple', text: { en: 'Which do you read?' }, options: [{ en: 'Newsletter' }, { en: 'Banner' }, { en: 'Noticeboard' }] },
    { type: 'text', text: { en: 'Anything else?' } },
  ],
  audience: { kind: 'everyone' },
  ...over,
});

export async function create(input: EmployeeSurveyInput, as: 'admin' | 'supervisor' = 'admin'): Promise<EmployeeSurveyAdmin> {
  const { server, tokens } = await env();
  const r = await api<{ survey: EmployeeSurveyAdmin }>(server, '/api/console/employee-surveys', { token: tokens[as], json: input });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.survey;
}

export async function opened(input: EmployeeSurveyInput, body: unknown = {}): Promise<EmployeeSurveyAdmin> {
  const { server, tokens } = await env();
  const s = await create(input);
  const r = await api<{ survey: EmployeeSurveyAdmin }>(server, `/api/console/employee-surveys/${s.id}/open`, { token: tokens.admin, json: body });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.survey;
}

export async function mine(token: string, locale?: string): Promise<EmployeeSurveySummary[]> {
  const { server } = await env();
  const r = await api<{ surveys: EmployeeSurveySummary[] }>(server, `/api/surveys/employee/${server.siteKey}${locale ? `?locale=${locale}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.surveys;
}

export async function one(token: string, id: string) {
  const { server } = await env();
  return api<{ survey: EmployeeSurveyView }>(server, `/api/surveys/employee/${server.siteKey}/${id}`, { headers: { authorization: `Bearer ${token}` } });
}

export async function answer(token: string, id: string, answers: Record<string, unknown>) {
  const { server } = await env();
  return api(server, `/api/surveys/employee/${server.siteKey}/${id}/answers`, { json: { answers }, headers: { authorization: `Bearer ${token}` } });
}

export const good = { q1: 4, q2: 'o2', q3: ['o3', 'o1'], q4: '  More town halls.  ' };

export async function results(id: string, as: 'admin' | 'supervisor' = 'admin'): Promise<EmployeeSurveyResults> {
  const { server, tokens } = await env();
  const r = await api<{ results: EmployeeSurveyResults }>(server, `/api/console/employee-surveys/${id}/results`, { token: tokens[as] });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.results;
}

export async function stored(id: string) {
  const { server } = await env();
  const db = server.database.db;
  return {
    answers: await db.select().from(employeeSurveyAnswers).where(eq(employeeSurveyAnswers.surveyId, id)),
    markers: await db.select().from(employeeSurveyRespondents).where(eq(employeeSurveyRespondents.surveyId, id)),
  };
}
