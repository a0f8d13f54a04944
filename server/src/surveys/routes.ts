/**
 * Public survey API: what the survey element and the `Parley('survey', 'nps')` JS call use.
 *   GET  /api/surveys/invitations/:token          what to show (kind, question, scale, any answer)
 *   POST /api/surveys/invitations/:token/answer   {score, comment?}
 *   POST /api/surveys/sites/:siteKey/nps          {visitorToken, locale?, auto?} -> 201 {asked:true, token, expiresAt},
 *                                                 or 200 {asked:false, reason} (nps-auto.ts)
 * Invitation routes need no site key: the token is the key, and an unknown one answers 404 like an expired one.
 */
import { Hono } from 'hono';
import type { NpsAutoResult, NpsRequestResult } from '@parley/protocol';
import { npsRequestSchema, surveyAnswerSchema } from '@parley/protocol/schemas';
import type { AppContext } from '../context.js';
import { siteFromKey } from '../kb/routes.js';
import { AppError } from '../lib/errors.js';
import { readJson } from '../lib/http.js';
import { limitPerIp } from '../limits/http.js';
import { siteCors } from '../sites/cors.js';
import { localeFromHeader } from '../visitors/service.js';
import { answerInvitation, invitationView } from './answers.js';
import { askNps } from './nps-auto.js';

export function surveyRoutes(ctx: AppContext) {
  const app = new Hono();
  app.use('/sites/:siteKey/*', siteCors(ctx, (c) => c.req.param('siteKey') ?? ''));
  // Invitation routes: the token is the credential and no cookie is involved, so any origin may call.
  app.use('/invitations/*', async (c, next) => {
    const origin = c.req.header('origin');
    if (origin) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
    }
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      c.header('Access-Control-Allow-Headers', 'Content-Type');
      return c.body(null, 204);
    }
    await next();
  });
  // Votes and survey answers are the same kind of traffic: small, public, worth a flood limit.
  const flood = limitPerIp(ctx, 'kbVotesPerIp');

  app.get('/invitations/:token', async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json({ invitation: await invitationView(ctx, c.req.param('token')) });
  });

  app.post('/invitations/:token/answer', flood, async (c) => {
    const input = await readJson(c, surveyAnswerSchema);
    const { answer, created } = await answerInvitation(ctx, c.req.param('token') ?? '', input);
    return c.json({ answer }, created ? 201 : 200);
  });

  app.post('/sites/:siteKey/nps', flood, async (c) => {
    const site = await siteFromKey(ctx, c.req.param('siteKey'));
    const input = await readJson(c, npsRequestSchema);
    if (!input.visitorToken) throw new AppError('invalid', 'visitorToken: an NPS question needs the visitor, so that nobody is asked too often');
    const locale = input.locale ?? localeFromHeader(c.req.header('accept-language'));
    const result = await askNps(ctx, { siteId: site.id, visitorToken: input.visitorToken, locale, auto: input.auto === true });
    // Only `auto` can answer more than `recently_asked` (nps-auto.ts).
    const body: NpsRequestResult | NpsAutoResult = 'token' in result ? { asked: true, token: result.token, expiresAt: result.expiresAt.toISOString() } : result;
    return c.json(body, 'token' in result ? 201 : 200);
  });

  return app;
}
