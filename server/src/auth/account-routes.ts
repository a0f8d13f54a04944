/**
 * `/api/auth/...` beyond sign-in and sign-out: the code step of a two-factor sign-in, enrolment, turning
 * it off, recovery codes, the person's password and sessions, and (admins) the company's sign-in policy.
 * Each route names who may call it: enrol-only sessions reach only what enrolment needs.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { changePasswordSchema, loginVerifySchema, signInPolicySchema, twoFactorConfirmSchema, twoFactorProofSchema } from '@parley/protocol/schemas';
import type { AppContext } from '../context.js';
import { eq } from 'drizzle-orm';
import { agents } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { parseInput, readJson } from '../lib/http.js';
import { requestIp } from '../limits/http.js';
import { requireAgent, type SelfVars } from './routes.js';
import { accountOverview, changePassword, endSessions, listSessions } from './sessions.js';
import { confirmEnrolment, disableTwoFactor, regenerateRecoveryCodes, setSignInPolicy, signInPolicy, startEnrolment, verifyChallenge } from './two-factor.js';

type C = Context<{ Variables: SelfVars }>;
const who = (ctx: AppContext, c: C) => ({ agentId: c.get('agentId'), sessionId: c.get('sessionId'), ip: requestIp(ctx, c) });

async function requireAdmin(ctx: AppContext, agentId: string): Promise<void> {
  const [a] = await ctx.db.select({ role: agents.role }).from(agents).where(eq(agents.id, agentId));
  if (a?.role !== 'admin') throw new AppError('forbidden', 'Only an admin may change the sign-in policy.');
}

export function accountRoutes(ctx: AppContext) {
  const app = new Hono<{ Variables: SelfVars }>();
  const enrolling = requireAgent(ctx, { allowEnrolOnly: true });
  const signedIn = requireAgent(ctx);

  app.post('/login/verify', async (c) => {
    const input = await readJson(c, loginVerifySchema);
    return c.json(await verifyChallenge(ctx, { ...input, ip: requestIp(ctx, c), userAgent: c.req.header('user-agent') }));
  });

  app.get('/account', enrolling, async (c) => c.json(await accountOverview(ctx, { agentId: c.get('agentId'), enrolOnly: c.get('enrolOnly') })));

  app.post('/two-factor/start', enrolling, async (c) => c.json(await startEnrolment(ctx, c.get('agentId'))));
  app.post('/two-factor/confirm', enrolling, async (c) => {
    const { code } = await readJson(c, twoFactorConfirmSchema);
    return c.json(await confirmEnrolment(ctx, who(ctx, c), code));
  });
  app.post('/two-factor/disable', signedIn, async (c) => {
    await disableTwoFactor(ctx, who(ctx, c), await readJson(c, twoFactorProofSchema));
    return c.json({ ok: true });
  });
  app.post('/two-factor/recovery-codes', signedIn, async (c) => c.json(await regenerateRecoveryCodes(ctx, who(ctx, c), await readJson(c, twoFactorProofSchema))));

  app.post('/password', signedIn, async (c) => c.json(await changePassword(ctx, who(ctx, c), await readJson(c, changePasswordSchema))));

  app.get('/sessions', signedIn, async (c) => c.json(await listSessions(ctx, who(ctx, c))));
  app.post('/sessions/end-others', signedIn, async (c) => c.json({ ended: await endSessions(ctx, who(ctx, c), 'others') }));
  app.delete('/sessions/:id', signedIn, async (c) => {
    const id = parseInput(z.string().uuid('id must be a session id'), c.req.param('id'));
    return c.json({ ended: await endSessions(ctx, who(ctx, c), { id }) });
  });

  app.get('/policy', signedIn, async (c) => {
    await requireAdmin(ctx, c.get('agentId'));
    return c.json(await signInPolicy(ctx));
  });
  app.put('/policy', signedIn, async (c) => {
    await requireAdmin(ctx, c.get('agentId'));
    const { requireTwoFactorForAll } = await readJson(c, signInPolicySchema);
    return c.json(await setSignInPolicy(ctx, who(ctx, c), requireTwoFactorForAll));
  });

  return app;
}
