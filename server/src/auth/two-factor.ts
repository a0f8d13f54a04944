/**
 * Two-factor sign-in: enrolment, the login challenge between password and code, turning it off, new
 * recovery codes, and the company's policy. A code is accepted once: the last accepted time step is
 * stored per person and moved forward by a conditional UPDATE, so a replay (same or earlier step) is
 * refused even when another process sees it at the same moment.
 */
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { RecoveryCodes, SessionResult, SignInPolicy, TwoFactorChallenge, TwoFactorEnrolment, TwoFactorStatus } from '@parley/protocol';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/client.js';
import { agentSessions, agents } from '../db/schema.js';
import { recordAudit } from '../audit/record.js';
import { AppError } from '../lib/errors.js';
import { randomToken, sha256, verifyPassword } from './password.js';
import { agentRecoveryCodes, agentTwoFactor, authSettings, loginChallenges } from './schema.js';
import { createSession } from './sessions.js';
import { checkThrottle, recordFailure, THROTTLE } from './service.js';
import { matchingStep, newRecoveryCodes, newTotpSecret, qrDataUrl, recoveryCodeHash, totpUri } from './totp.js';

/** How long the step between password and code may take, and how many wrong codes one challenge allows. */
export const CHALLENGE = { ttlMs: 5 * 60_000, maxAttempts: 5 } as const;
const CHALLENGE_EXPIRED = 'This sign-in has expired; enter your email and password again.';
const WRONG_CODE = 'The code is not correct, or was already used.';

export async function signInPolicy(ctx: AppContext, db: Executor = ctx.db): Promise<SignInPolicy> {
  const [row] = await db.select({ all: authSettings.requireTwoFactorForAll }).from(authSettings).where(eq(authSettings.id, 1));
  return { requireTwoFactorForAll: row?.all ?? false, adminTwoFactor: ctx.config.admin2fa };
}

/** Whether this person must use two-factor (and so may not turn it off). */
export function mustUseTwoFactor(policy: SignInPolicy, role: string): boolean {
  return policy.requireTwoFactorForAll || (role === 'admin' && policy.adminTwoFactor === 'required');
}

export async function twoFactorStatus(ctx: AppContext, agentId: string, role: string): Promise<TwoFactorStatus> {
  const [row] = await ctx.db.select({ enabledAt: agentTwoFactor.enabledAt }).from(agentTwoFactor).where(eq(agentTwoFactor.agentId, agentId));
  const enabledAt = row?.enabledAt ?? null;
  const [left] = enabledAt
    ? await ctx.db.select({ n: sql<number>`count(*)::int` }).from(agentRecoveryCodes).where(and(eq(agentRecoveryCodes.agentId, agentId), isNull(agentRecoveryCodes.usedAt)))
    : [{ n: 0 }];
  return { enabled: enabledAt !== null, enabledAt: enabledAt?.toISOString() ?? null, recoveryCodesLeft: left?.n ?? 0, required: mustUseTwoFactor(await signInPolicy(ctx), role) };
}

/** True when two-factor is on for this person. */
export async function hasTwoFactor(db: Executor, agentId: string): Promise<boolean> {
  const [row] = await db.select({ on: agentTwoFactor.agentId }).from(agentTwoFactor).where(and(eq(agentTwoFactor.agentId, agentId), sql`${agentTwoFactor.enabledAt} is not null`));
  return row !== undefined;
}

/**
 * Accepts a code once: the stored step moves forward only if this code's step is later than the last
 * accepted one. `pending` checks the secret of an enrolment not yet confirmed (and confirms it).
 */
async function acceptCode(db: Executor, ctx: AppContext, agentId: string, code: string, pending = false): Promise<boolean> {
  const [row] = await db.select().from(agentTwoFactor).where(eq(agentTwoFactor.agentId, agentId));
  if (!row || (row.enabledAt === null) !== pending) return false;
  const step = matchingStep(row.secret, code, ctx.clock());
  if (step === null) return false;
  const updated = await db
    .update(agentTwoFactor)
    .set(pending ? { lastStep: step, enabledAt: ctx.clock() } : { lastStep: step })
    .where(and(eq(agentTwoFactor.agentId, agentId), eq(agentTwoFactor.secret, row.secret), or(isNull(agentTwoFactor.lastStep), lt(agentTwoFactor.lastStep, step))))
    .returning({ id: agentTwoFactor.agentId });
  return updated.length === 1;
}

async function consumeRecoveryCode(db: Executor, ctx: AppContext, agentId: string, code: string): Promise<boolean> {
  const used = await db
    .update(agentRecoveryCodes)
    .set({ usedAt: ctx.clock() })
    .where(and(eq(agentRecoveryCodes.agentId, agentId), eq(agentRecoveryCodes.codeHash, recoveryCodeHash(code)), isNull(agentRecoveryCodes.usedAt)))
    .returning({ id: agentRecoveryCodes.id });
  return used.length === 1;
}

async function replaceRecoveryCodes(db: Executor, ctx: AppContext, agentId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await db.delete(agentRecoveryCodes).where(eq(agentRecoveryCodes.agentId, agentId));
  await db.insert(agentRecoveryCodes).values(codes.map((c) => ({ agentId, codeHash: recoveryCodeHash(c), createdAt: ctx.clock() })));
  return codes;
}

// ---------- enrolment ----------

export async function startEnrolment(ctx: AppContext, agentId: string): Promise<TwoFactorEnrolment> {
  const [agent] = await ctx.db.select({ email: agents.email }).from(agents).where(eq(agents.id, agentId));
  if (!agent) throw new AppError('unauthorized', 'agent not found');
  if (await hasTwoFactor(ctx.db, agentId)) throw new AppError('invalid', 'Two-factor sign-in is already on. Turn it off first to set up another app.');
  const secret = newTotpSecret();
  // A new start replaces an unconfirmed one: the QR code last shown is the one that works.
  await ctx.db
    .insert(agentTwoFactor)
    .values({ agentId, secret, createdAt: ctx.clock() })
    .onConflictDoUpdate({ target: agentTwoFactor.agentId, set: { secret, lastStep: null, createdAt: ctx.clock() }, where: isNull(agentTwoFactor.enabledAt) });
  const uri = totpUri(secret, agent.email);
  return { secret, uri, qrDataUrl: await qrDataUrl(uri) };
}

/** The first code turns two-factor on; the session stops being enrol-only; ten recovery codes, shown once. */
export async function confirmEnrolment(ctx: AppContext, who: { agentId: string; sessionId: string; ip: string }, code: string): Promise<RecoveryCodes> {
  throttleOrThrow(ctx, who.agentId, who.ip);
  return ctx.db.transaction(async (tx) => {
    if (!(await acceptCode(tx, ctx, who.agentId, code, true))) {
      failed(ctx, who.agentId, who.ip);
      throw new AppError('invalid', 'The code is not correct. Check the time on your phone and enter the code the app shows now.');
    }
    const recoveryCodes = await replaceRecoveryCodes(tx, ctx, who.agentId);
    await tx.update(agentSessions).set({ enrolOnly: false }).where(eq(agentSessions.id, who.sessionId));
    await recordAudit(tx, { actorId: who.agentId, action: 'auth.two_factor_enabled', targetType: 'agent', targetId: who.agentId, after: { twoFactor: true }, ip: who.ip, at: ctx.clock() });
    return { recoveryCodes };
  });
}

/** Turning it off, or new recovery codes, needs the current code or the password. */
async function checkProof(ctx: AppContext, db: Executor, who: { agentId: string; ip: string }, proof: { code?: string | undefined; password?: string | undefined }): Promise<void> {
  throttleOrThrow(ctx, who.agentId, who.ip);
  let ok = false;
  if (proof.code !== undefined) ok = await acceptCode(db, ctx, who.agentId, proof.code);
  else if (proof.password !== undefined) {
    const [a] = await db.select({ hash: agents.passwordHash }).from(agents).where(eq(agents.id, who.agentId));
    ok = a ? await verifyPassword(a.hash, proof.password) : false;
  }
  if (!ok) {
    failed(ctx, who.agentId, who.ip);
    throw new AppError('invalid', proof.code !== undefined ? WRONG_CODE : 'The password is not correct.');
  }
  ctx.state.loginFailures.delete(accountKey(who.agentId, who.ip));
}

export async function disableTwoFactor(ctx: AppContext, who: { agentId: string; ip: string }, proof: { code?: string | undefined; password?: string | undefined }): Promise<void> {
  const [agent] = await ctx.db.select({ role: agents.role }).from(agents).where(eq(agents.id, who.agentId));
  if (!agent) throw new AppError('unauthorized', 'agent not found');
  if (mustUseTwoFactor(await signInPolicy(ctx), agent.role)) throw new AppError('forbidden', 'Two-factor sign-in is required for your account and cannot be turned off.');
  if (!(await hasTwoFactor(ctx.db, who.agentId))) throw new AppError('invalid', 'Two-factor sign-in is not on.');
  await ctx.db.transaction(async (tx) => {
    await checkProof(ctx, tx, who, proof);
    await tx.delete(agentTwoFactor).where(eq(agentTwoFactor.agentId, who.agentId));
    await tx.delete(agentRecoveryCodes).where(eq(agentRecoveryCodes.agentId, who.agentId));
    await recordAudit(tx, { actorId: who.agentId, action: 'auth.two_factor_disabled', targetType: 'agent', targetId: who.agentId, before: { twoFactor: true }, after: { twoFactor: false }, ip: who.ip, at: ctx.clock() });
  });
}

export async function regenerateRecoveryCodes(ctx: AppContext, who: { agentId: string; ip: string }, proof: { code?: string | undefined; password?: string | undefined }): Promise<RecoveryCodes> {
  if (!(await hasTwoFactor(ctx.db, who.agentId))) throw new AppError('invalid', 'Two-factor sign-in is not on.');
  return ctx.db.transaction(async (tx) => {
    await checkProof(ctx, tx, who, proof);
    const recoveryCodes = await replaceRecoveryCodes(tx, ctx, who.agentId);
    await recordAudit(tx, { actorId: who.agentId, action: 'auth.recovery_codes_regenerated', targetType: 'agent', targetId: who.agentId, ip: who.ip, at: ctx.clock() });
    return { recoveryCodes };
  });
}

// ---------- login ----------

/** After a right password: a challenge if two-factor is on; else a session, enrol-only if it is required. */
export async function passwordAccepted(ctx: AppContext, agent: { id: string; role: string }, meta: { userAgent?: string | undefined }): Promise<SessionResult | TwoFactorChallenge> {
  if (await hasTwoFactor(ctx.db, agent.id)) {
    const challenge = randomToken();
    const expiresAt = new Date(ctx.clock().getTime() + CHALLENGE.ttlMs);
    // Spent and expired challenges are worthless: each sign-in clears them out (indexed on expires_at).
    await ctx.db.delete(loginChallenges).where(lt(loginChallenges.expiresAt, ctx.clock()));
    await ctx.db.insert(loginChallenges).values({ agentId: agent.id, tokenHash: sha256(challenge), expiresAt, createdAt: ctx.clock() });
    return { twoFactor: 'required', challenge, expiresAt: expiresAt.toISOString() };
  }
  const enrolOnly = mustUseTwoFactor(await signInPolicy(ctx), agent.role);
  return createSession(ctx, agent.id, { enrolOnly, userAgent: meta.userAgent });
}

/** The second step of signing in: a challenge and a code (or a recovery code) give a session. */
export async function verifyChallenge(
  ctx: AppContext,
  input: { challenge: string; code?: string | undefined; recoveryCode?: string | undefined; ip: string; userAgent?: string | undefined },
): Promise<SessionResult> {
  checkThrottle(ctx, `ip|${input.ip}`, THROTTLE.maxFailuresPerIp);
  const now = ctx.clock();
  const [ch] = await ctx.db
    .select()
    .from(loginChallenges)
    .where(and(eq(loginChallenges.tokenHash, sha256(input.challenge)), isNull(loginChallenges.usedAt), gt(loginChallenges.expiresAt, now), lt(loginChallenges.attempts, CHALLENGE.maxAttempts)));
  if (!ch) {
    recordFailure(ctx, `ip|${input.ip}`);
    throw new AppError('unauthorized', CHALLENGE_EXPIRED);
  }
  throttleOrThrow(ctx, ch.agentId, input.ip);
  const ok = await ctx.db.transaction(async (tx) => {
    const good = input.code !== undefined ? await acceptCode(tx, ctx, ch.agentId, input.code) : await consumeRecoveryCode(tx, ctx, ch.agentId, input.recoveryCode ?? '');
    // Used or spent atomically: two requests with one challenge cannot both get a session.
    const claimed = await tx
      .update(loginChallenges)
      .set(good ? { usedAt: now } : { attempts: sql`${loginChallenges.attempts} + 1` })
      .where(and(eq(loginChallenges.id, ch.id), isNull(loginChallenges.usedAt), lt(loginChallenges.attempts, CHALLENGE.maxAttempts)))
      .returning({ id: loginChallenges.id });
    if (good && claimed.length === 0) throw new AppError('unauthorized', CHALLENGE_EXPIRED);
    return good;
  });
  if (!ok) {
    failed(ctx, ch.agentId, input.ip);
    throw new AppError('unauthorized', input.code !== undefined ? WRONG_CODE : 'The recovery code is not correct, or was already used.');
  }
  ctx.state.loginFailures.delete(accountKey(ch.agentId, input.ip));
  return createSession(ctx, ch.agentId, { enrolOnly: false, userAgent: input.userAgent });
}

// ---------- the policy ----------

export async function setSignInPolicy(ctx: AppContext, who: { agentId: string; ip: string }, requireTwoFactorForAll: boolean): Promise<SignInPolicy> {
  const before = await signInPolicy(ctx);
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(authSettings)
      .values({ id: 1, requireTwoFactorForAll, updatedAt: ctx.clock() })
      .onConflictDoUpdate({ target: authSettings.id, set: { requireTwoFactorForAll, updatedAt: ctx.clock() } });
    if (before.requireTwoFactorForAll !== requireTwoFactorForAll) {
      await recordAudit(tx, {
        actorId: who.agentId,
        action: 'auth.policy_changed',
        targetType: 'sign_in_policy',
        before: { requireTwoFactorForAll: before.requireTwoFactorForAll },
        after: { requireTwoFactorForAll },
        ip: who.ip,
        at: ctx.clock(),
      });
    }
  });
  if (requireTwoFactorForAll && !before.requireTwoFactorForAll) {
    // Who has no two-factor yet is held to enrolment from now on (authenticate() checks the policy on
    // every request); their open sockets are dropped so the console reconnects into the enrolment screen.
    const enrolled = ctx.db.select({ id: agentTwoFactor.agentId }).from(agentTwoFactor).where(sql`${agentTwoFactor.enabledAt} is not null`);
    const rows = await ctx.db.select({ id: agents.id }).from(agents).where(sql`${agents.id} not in ${enrolled}`);
    for (const r of rows) ctx.agents.in(`agent:${r.id}`).disconnectSockets(true);
  }
  return signInPolicy(ctx);
}

// ---------- throttling of codes, like passwords ----------

const accountKey = (agentId: string, ip: string) => `${ip}|2fa|${agentId}`;

function throttleOrThrow(ctx: AppContext, agentId: string, ip: string): void {
  checkThrottle(ctx, accountKey(agentId, ip), THROTTLE.maxFailures);
  checkThrottle(ctx, `ip|${ip}`, THROTTLE.maxFailuresPerIp);
}

function failed(ctx: AppContext, agentId: string, ip: string): void {
  recordFailure(ctx, accountKey(agentId, ip));
  recordFailure(ctx, `ip|${ip}`);
}
