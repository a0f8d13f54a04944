/**
 * The employee survey API, for `<parley-survey employee-token-url>` on an intranet page. The employee
 * is the intranet's signed token (identity/employee-token.ts) in `Authorization: Bearer <token>`;
 * nothing else about them is asked.
 *   GET  /api/surveys/employee/:siteKey                  open surveys for me, not yet answered, in my audience / sample
 *   GET  /api/surveys/employee/:siteKey/:id              one, in my language (`?locale=` or the token's); 409 once answered
 *   POST /api/surveys/employee/:siteKey/:id/answers      {answers: {q1: 4, q2: "o1", q3: ["o1","o3"], q4: "text"}} -> 201; 409 the second time
 * Not mine, not open, unknown: 404 alike. Cross-origin calls follow the site's origin allowlist.
 * Flood limits count per employee, not per IP: a whole office answering from behind one NAT address
 * after the survey's email must not be throttled as one client.
 */
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { Locale } from '@parley/protocol';
import type { AppContext } from '../../context.js';
import { verifyEmployeeToken, type Employee } from '../../identity/employee-token.js';
import { parseLocale, requireUuid } from '../../kb/access.js';
import { siteFromKey } from '../../kb/routes.js';
import { AppError } from '../../lib/errors.js';
import type { LimitName } from '../../limits/limiters.js';
import { siteCors } from '../../sites/cors.js';
import { answerSurvey, openSurveysFor, surveyForEmployee, type EmployeeSite } from './answers.js';
import { ensureDemoSurvey } from './demo.js';

export function employeeSurveyRoutes(ctx: AppContext) {
  const app = new Hono();
  const cors = siteCors(ctx, (c) => c.req.param('siteKey') ?? '');
  // siteCors answers preflights for Content-Type only; this API also needs Authorization.
  const corsWithAuth = async (c: Context, next: () => Promise<void>) => {
    if (c.req.method !== 'OPTIONS') return cors(c, next);
    const origin = c.req.header('origin');
    if (origin) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
    }
    c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    c.header('Access-Control-Allow-Headers', 'Content-Type, Authorization');
    c.header('Access-Control-Max-Age', '600');
    return c.body(null, 204);
  };
  app.use('/:siteKey', corsWithAuth);
  app.use('/:siteKey/*', corsWithAuth);

  const who = async (c: Context, limit: LimitName): Promise<{ site: EmployeeSite; employee: Employee; locale: Locale }> => {
    const site = await siteFromKey(ctx, c.req.param('siteKey'));
    const token = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
    if (!token) throw new AppError('unauthorized', 'send the intranet\'s employee token as "Authorization: Bearer <token>"');
    const employee = await verifyEmployeeToken(token, site, ctx.clock());
    await ctx.limits.take(limit, `employee:${createHash('sha256').update(`${site.id}:${employee.id}`).digest('hex')}`);
    c.header('Cache-Control', 'private, no-store');
    return { site: { id: site.id, secret: site.secret }, employee, locale: parseLocale(c.req.query('locale'), employee.locale) };
  };

  app.get('/:siteKey', async (c) => {
    const { site, employee, locale } = await who(c, 'kbReadsPerIp');
    await ensureDemoSurvey(ctx, site.id);
    return c.json({ surveys: await openSurveysFor(ctx, site, employee, locale) });
  });

  app.get('/:siteKey/:id', async (c) => {
    const { site, employee, locale } = await who(c, 'kbReadsPerIp');
    return c.json({ survey: await surveyForEmployee(ctx, site, employee, requireUuid(c.req.param('id'), 'id'), locale) });
  });

  app.post('/:siteKey/:id/answers', async (c) => {
    const { site, employee } = await who(c, 'kbVotesPerIp');
    const id = requireUuid(c.req.param('id'), 'id');
    const raw: unknown = await c.req.json().catch(() => {
      throw new AppError('invalid', 'the request body must be JSON');
    });
    await answerSurvey(ctx, site, employee, id, raw);
    return c.json({ ok: true }, 201);
  });

  return app;
}
