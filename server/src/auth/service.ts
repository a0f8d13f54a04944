import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { ApiTokenScope, AgentProfile, LoginResponse } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { agentDepartments, agentSessions, agents, agentTwoFactor, authSettings } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { hashPassword, randomToken, sha256, verifyPassword } from './password.js';
import { mustUseTwoFactor, passwordAccepted } from './two-factor.js';
import { API_TOKEN_PREFIX } from '../api-tokens/scopes.js';
import { resolveApiToken } from '../api-tokens/service.js';

/** One message for unknown and wrong accounts: the answer must not reveal which emails exist. */
export const LOGIN_FAILED = 'Email or password is incorrect.';
/**
 * Failed sign-ins allowed per window: per address and account (guessing one password), and per address
 * across accounts (spraying one password over many emails). Both answer 429 before any password is
 * checked, the same for known and unknown accounts.
 */
export const THROTTLE = { maxFailures: 5, maxFailuresPerIp: 20, windowMs: 15 * 60_000, maxKeys: 10_000 } as const;

// Verifying against a real hash for unknown emails keeps both answers equally slow.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(randomToken()));

/** The throttle keys of one attempt with their limits: the address with the account, and the address alone. */
function throttleKeys(ip: string, email: string): Array<[key: string, max: number]> {
  return [
    [`${ip}|${email.trim().toLowerCase()}`, THROTTLE.maxFailures],
    [`ip|${ip}`, THROTTLE.maxFailuresPerIp],
  ];
}

export function checkThrottle(ctx: AppContext, key: string, max: number): void {
  const entry = ctx.state.loginFailures.get(key);
  if (!entry) return;
  const now = ctx.clock().getTime();
  if (now - entry.firstAt > THROTTLE.windowMs) {
    ctx.state.loginFailures.delete(key);
    return;
  }
  if (entry.count >= max) {
    throw new AppError('rate_limited', 'Too many failed sign-in attempts; try again later.', entry.firstAt + THROTTLE.windowMs - now);
  }
}

export function recordFailure(ctx: AppContext, key: string): void {
  const failures = ctx.state.loginFailures;
  const now = ctx.clock().getTime();
  const entry = failures.get(key);
  if (entry && now - entry.firstAt <= THROTTLE.windowMs) entry.count++;
  else failures.set(key, { count: 1, firstAt: now });
  // Bounded memory under a spray of distinct emails: drop the oldest keys.
  if (failures.size > THROTTLE.maxKeys) failures.delete(failures.keys().next().value!);
}

export async function agentProfile(ctx: AppContext, agentId: string): Promise<AgentProfile> {
  const [a] = await ctx.db.select().from(agents).where(eq(agents.id, agentId));
  if (!a) throw new AppError('unauthorized', 'agent not found');
  const depts = await ctx.db.select({ id: agentDepartments.departmentId }).from(agentDepartments).where(eq(agentDepartments.agentId, agentId));
  return { id: a.id, email: a.email, name: a.name, role: a.role, presence: a.presence, capacity: a.capacity, departmentIds: depts.map((d) => d.id) };
}

export async function login(ctx: AppContext, input: { email: string; password: string; ip: string; userAgent?: string | undefined }): Promise<LoginResponse> {
  const keys = throttleKeys(input.ip, input.email);
  for (const [key, max] of keys) checkThrottle(ctx, key, max);
  const [agent] = await ctx.db.select().from(agents).where(eq(agents.email, input.email.trim().toLowerCase()));
  const ok = await verifyPassword(agent?.passwordHash ?? (await dummy()), input.password);
  if (!agent || !ok || agent.status !== 'active') {
    for (const [key] of keys) recordFailure(ctx, key);
    throw new AppError('unauthorized', LOGIN_FAILED);
  }
  // Success clears this account's count only: one good password must not reset an address's spraying count.
  ctx.state.loginFailures.delete(keys[0]![0]);
  // With two-factor on: a challenge for the code, not yet a session (auth/two-factor.ts).
  return passwordAccepted(ctx, agent, input);
}

/** How stale `last_used_at` may get before a request refreshes it: one write per session every few minutes. */
const LAST_USED_REFRESH_MS = 5 * 60_000;

/**
 * A live session for this bearer token, or an `unauthorized` error. A session that may only enrol in
 * two-factor (marked at sign-in, or its person has none while the policy now requires it) is refused with
 * 403 `two_factor_enrolment_required` unless `allowEnrolOnly` (sign out, /me, enrolment).
 */
export async function authenticate(
  ctx: AppContext,
  token: string | undefined,
  opts: { allowEnrolOnly?: boolean; apiToken?: boolean } = {},
): Promise<{ agentId: string; sessionId: string; enrolOnly: boolean; apiToken?: { id: string; siteId: string; scopes: ApiTokenScope[] } }> {
  if (!token) throw new AppError('unauthorized', 'sign in first');
  // A scoped API token (api-tokens/): the REST routes only, never a socket; access.ts applies its scopes.
  if (token.startsWith(API_TOKEN_PREFIX)) {
    if (!opts.apiToken) throw new AppError('unauthorized', 'API tokens work with the REST API only');
    const t = await resolveApiToken(ctx, token);
    if (!t) throw new AppError('unauthorized', 'the API token is unknown or was revoked');
    return { agentId: t.agentId, sessionId: `api-token:${t.id}`, enrolOnly: false, apiToken: { id: t.id, siteId: t.siteId, scopes: t.scopes } };
  }
  const now = ctx.clock();
  const [s] = await ctx.db
    .select({
      id: agentSessions.id,
      agentId: agentSessions.agentId,
      enrolOnly: agentSessions.enrolOnly,
      lastUsedAt: agentSessions.lastUsedAt,
      role: agents.role,
      twoFactorOn: sql<boolean>`${agentTwoFactor.enabledAt} is not null`,
      requireAll: sql<boolean>`coalesce(${authSettings.requireTwoFactorForAll}, false)`,
    })
    .from(agentSessions)
    .innerJoin(agents, eq(agents.id, agentSessions.agentId))
    .leftJoin(agentTwoFactor, eq(agentTwoFactor.agentId, agentSessions.agentId))
    .leftJoin(authSettings, eq(authSettings.id, 1))
    .where(and(eq(agentSessions.tokenHash, sha256(token)), isNull(agentSessions.revokedAt), gt(agentSessions.expiresAt, now), eq(agents.status, 'active')));
  if (!s) throw new AppError('unauthorized', 'the session has expired or was revoked; sign in again');
  const enrolOnly = !s.twoFactorOn && (s.enrolOnly || mustUseTwoFactor({ requireTwoFactorForAll: s.requireAll, adminTwoFactor: ctx.config.admin2fa }, s.role));
  if (enrolOnly && !opts.allowEnrolOnly) throw new AppError('two_factor_enrolment_required', 'Set up two-factor sign-in first: it is required for your account.');
  if (!s.lastUsedAt || now.getTime() - s.lastUsedAt.getTime() > LAST_USED_REFRESH_MS) {
    await ctx.db.update(agentSessions).set({ lastUsedAt: now }).where(eq(agentSessions.id, s.id));
  }
  return { agentId: s.agentId, sessionId: s.id, enrolOnly };
}

/** Revokes the session and drops every socket opened with it. */
export async function logout(ctx: AppContext, sessionId: string): Promise<void> {
  await ctx.db.update(agentSessions).set({ revokedAt: ctx.clock() }).where(eq(agentSessions.id, sessionId));
  ctx.agents.in(`session:${sessionId}`).disconnectSockets(true);
}

/** Revokes all sessions of some agents (password change, removal). */
export async function revokeAgents(ctx: AppContext, agentIds: string[]): Promise<void> {
  if (agentIds.length === 0) return;
  await ctx.db.update(agentSessions).set({ revokedAt: ctx.clock() }).where(and(inArray(agentSessions.agentId, agentIds), isNull(agentSessions.revokedAt)));
  for (const id of agentIds) ctx.agents.in(`agent:${id}`).disconnectSockets(true);
}
