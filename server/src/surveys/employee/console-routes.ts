/**
 * The console's employee survey API, at /api/console/employee-surveys (Bearer agent token; `?site=<id>`
 * for people on several sites). Admins: every survey of the site. Supervisors: surveys for their own
 * departments only (they cannot survey everyone). Agents: 403 on every route.
 *
 *   GET    /                     {surveys: EmployeeSurveyAdmin[]}, newest first
 *   POST   /                     EmployeeSurveyInput -> 201 {survey} (a draft)
 *   GET    /:id                  {survey}
 *   PUT    /:id                  EmployeeSurveyInput -> {survey}; drafts only (409 `closed` once opened)
 *   DELETE /:id                  drafts only -> 204
 *   POST   /:id/open             EmployeeSurveyOpenInput -> {survey}; a sampled survey needs `roster`
 *                                [{subject, departments}] (the sample is drawn from it; only keyed hashes of
 *                                those drawn are kept), others may send `roster` or `audienceSize` for the
 *                                response rate. The roster may be up to 4 MiB.
 *   POST   /:id/close            -> {survey}; closing twice is fine
 *   GET    /:id/results          {results: EmployeeSurveyResults} (groups and totals below 5 answers are withheld)
 *   GET    /:id/results.csv      the same as CSV, UTF-8 with BOM (`?locale=` for the texts, default en)
 *
 * Questions get ids by position (q1, q2, ...; options o1, o2, ...): the employee side answers by them.
 */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { requireAgent } from '../../auth/routes.js';
import type { AppContext } from '../../context.js';
import { kbScope, parseLocale, requireUuid } from '../../kb/access.js';
import { AppError } from '../../lib/errors.js';
import type { AgentVars } from '../../lib/http.js';
import { staffOf } from '../../tickets/access.js';
import { closeSurvey, createSurvey, deleteDraft, listSurveys, openSurvey, requireManager, surveyFor, updateSurvey, viewSurvey } from './manage.js';
import { resultsCsv, surveyResults } from './results.js';

type C = Context<{ Variables: AgentVars }>;

/** The open route takes a roster: 50,000 people at ~80 bytes each. */
export const EMPLOYEE_SURVEY_BODY_LIMITS: ReadonlyArray<{ prefix: string; maxSize: number }> = [{ prefix: '/api/console/employee-surveys/', maxSize: 4 * 1024 * 1024 }];

async function body(c: C): Promise<unknown> {
  return c.req.json().catch(() => {
    throw new AppError('invalid', 'the request body must be JSON');
  });
}

export function employeeSurveyConsoleRoutes(ctx: AppContext) {
  const app = new Hono<{ Variables: AgentVars }>();
  app.use('*', cors({ origin: (origin) => origin, allowHeaders: ['Content-Type', 'Authorization'], allowMethods: ['GET', 'POST', 'PUT', 'DELETE'], maxAge: 600 }));
  app.use('*', requireAgent(ctx));
  const who = async (c: C) => {
    const scope = await kbScope(ctx, c.get('agentId'), c.req.query('site'));
    const staff = await staffOf(ctx, c.get('agentId'));
    requireManager(staff);
    return { siteId: scope.siteId, staff };
  };
  const idOf = (c: C) => requireUuid(c.req.param('id'), 'id');

  app.get('/', async (c) => {
    const { siteId, staff } = await who(c);
    return c.json({ surveys: await listSurveys(ctx, staff, siteId) });
  });

  app.post('/', async (c) => {
    const { siteId, staff } = await who(c);
    return c.json({ survey: await createSurvey(ctx, staff, siteId, await body(c)) }, 201);
  });

  app.get('/:id', async (c) => {
    const { siteId, staff } = await who(c);
    return c.json({ survey: await viewSurvey(ctx, await surveyFor(ctx, staff, siteId, idOf(c))) });
  });

  app.put('/:id', async (c) => {
    const { siteId, staff } = await who(c);
    return c.json({ survey: await updateSurvey(ctx, staff, siteId, idOf(c), await body(c)) });
  });

  app.delete('/:id', async (c) => {
    const { siteId, staff } = await who(c);
    await deleteDraft(ctx, staff, siteId, idOf(c));
    return c.body(null, 204);
  });

  app.post('/:id/open', async (c) => {
    const { siteId, staff } = await who(c);
    const raw = c.req.header('content-type')?.includes('json') ? await body(c) : {};
    return c.json({ survey: await openSurvey(ctx, staff, siteId, idOf(c), raw) });
  });

  app.post('/:id/close', async (c) => {
    const { siteId, staff } = await who(c);
    return c.json({ survey: await closeSurvey(ctx, staff, siteId, idOf(c)) });
  });

  app.get('/:id/results', async (c) => {
    const { siteId, staff } = await who(c);
    const row = await surveyFor(ctx, staff, siteId, idOf(c));
    c.header('Cache-Control', 'private, no-store');
    return c.json({ results: await surveyResults(ctx, row) });
  });

  app.get('/:id/results.csv', async (c) => {
    const { siteId, staff } = await who(c);
    const row = await surveyFor(ctx, staff, siteId, idOf(c));
    const csv = resultsCsv(await surveyResults(ctx, row), parseLocale(c.req.query('locale'), 'en'));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="employee-survey-${row.id}.csv"`);
    c.header('Cache-Control', 'private, no-store');
    return c.body(csv);
  });

  return app;
}
