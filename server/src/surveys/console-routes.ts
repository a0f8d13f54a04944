/**
 * The console's survey API, at /api/console/surveys (Bearer agent token; `?site=` for people on
 * several sites): the responses list (supervisors and admins) and the per-site settings (admins change them).
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Context } from 'hono';
import type { SurveyKind } from '@parley/protocol';
import { requireAgent } from '../auth/routes.js';
import type { AppContext } from '../context.js';
import { kbScope, requireUuid } from '../kb/access.js';
import { intParam } from '../kb/routes.js';
import { AppError } from '../lib/errors.js';
import type { AgentVars } from '../lib/http.js';
import { isManager, staffOf } from '../tickets/access.js';
import { listResponses } from './responses.js';
import { DEFAULT_SURVEY_SETTINGS, readSurveySettings, updateSurveySettings } from './settings.js';

type C = Context<{ Variables: AgentVars }>;

function dateParam(raw: string | undefined, name: string): Date | undefined {
  if (raw === undefined || raw === '') return undefined;
  const d = new Date(raw);
  if (Number.isNaN(d.getTime())) throw new AppError('invalid', `${name} must be an ISO date`);
  return d;
}

function kindParam(raw: string | undefined): SurveyKind | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'csat' || raw === 'nps') return raw;
  throw new AppError('invalid', 'kind must be csat or nps');
}

export function surveyConsoleRoutes(ctx: AppContext) {
  const app = new Hono<{ Variables: AgentVars }>();
  app.use('*', cors({ origin: (origin) => origin, allowHeaders: ['Content-Type', 'Authorization'], allowMethods: ['GET', 'PUT'], maxAge: 600 }));
  app.use('*', requireAgent(ctx));
  const who = async (c: C) => {
    const scope = await kbScope(ctx, c.get('agentId'), c.req.query('site'));
    return { siteId: scope.siteId, staff: await staffOf(ctx, c.get('agentId')) };
  };

  app.get('/responses', async (c) => {
    const { siteId, staff } = await who(c);
    const q = c.req.query();
    const responses = await listResponses(ctx, staff, siteId, {
      kind: kindParam(q.kind),
      from: dateParam(q.from, 'from'),
      to: dateParam(q.to, 'to'),
      departmentId: q.department ? requireUuid(q.department, 'department') : undefined,
      before: dateParam(q.before, 'before'),
      limit: intParam(q.limit, 'limit', 1, 200, 50),
    });
    return c.json({ responses });
  });

  app.get('/settings', async (c) => {
    const { siteId, staff } = await who(c);
    if (!isManager(staff)) throw new AppError('forbidden', 'only a supervisor or an admin may read the survey settings');
    return c.json({ settings: await readSurveySettings(ctx.db, siteId), defaults: DEFAULT_SURVEY_SETTINGS });
  });

  app.put('/settings', async (c) => {
    const { siteId, staff } = await who(c);
    const raw: unknown = await c.req.json().catch(() => {
      throw new AppError('invalid', 'the request body must be JSON');
    });
    return c.json({ settings: await updateSurveySettings(ctx.db, staff, siteId, raw) });
  });

  return app;
}
