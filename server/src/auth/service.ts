import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { AgentProfile, LoginResult } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { agentDepartments, agentSessions, agents } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { hashPassword, randomToken, sha256, verifyPassword } from './password.js';

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

function checkThrottle(ctx: AppContext, key: string, max: number): void {
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

function recordFailure(ctx: AppContext, key: string): void {
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

export async function login(ctx: AppContext, input: { email: string; password: string; ip: string }): Promise<LoginResult> {
  const keys = throttleKeys(input.ip, input.email);
  for (const [key, max] of keys) checkThrottle(ctx, key, max);
  const [agent] = await ctx.db.select().from(agents).where(eq(agents.email, input.email.trim().toLowerCase()));
  const ok = await verifyPassword(agent?.passwordHash ?? (await dummy()), input.password);
  if (!agent || !ok) {
    for (const [key] of keys) recordFailure(ctx, key);
    throw new AppError('unauthorized', LOGIN_FAILED);
  }
  // Success clears this account's count only: one good password must not reset an address's spraying count.
  ctx.state.loginFailures.delete(keys[0]![0]);
  const token = randomToken();
  const expiresAt = new Date(ctx.clock().getTime() + ctx.config.sessionTtlHours * 3_600_000);
  await ctx.db.insert(agentSessions).values({ agentId: agent.id, tokenHash: sha256(token), expiresAt, createdAt: ctx.clock() });
  return { token, expiresAt: expiresAt.toISOString(), agent: await agentProfile(ctx, agent.id) };
}

/** A live session for this bearer token, or an `unauthorized` error. */
export async function authenticate(ctx: AppContext, token: string | undefined): Promise<{ agentId: string; sessionId: string }> {
  if (!token) throw new AppError('unauthorized', 'sign in first');
  const [s] = await ctx.db
    .select({ id: agentSessions.id, agentId: agentSessions.agentId })
    .from(agentSessions)
    .where(and(eq(agentSessions.tokenHash, sha256(token)), isNull(agentSessions.revokedAt), gt(agentSessions.expiresAt, ctx.clock())));
  if (!s) throw new AppError('unauthorized', 'the session has expired or was revoked; sign in again');
  return { agentId: s.agentId, sessionId: s.id };
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
