/**
 * A person's own sessions and password: sign-in makes a session (createSession); Settings → Account
 * lists them, ends one or all others, and changes the password (which ends every other session).
 * Ending a session also drops the sockets opened with it, on every process (Socket.IO rooms).
 */
import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { AccountOverview, AccountSession, SessionResult } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { agentSessions, agents } from '../db/schema.js';
import { recordAudit } from '../audit/record.js';
import { AppError } from '../lib/errors.js';
import { hashPassword, randomToken, sha256, verifyPassword } from './password.js';
import { agentProfile, checkThrottle, recordFailure, THROTTLE } from './service.js';
import { twoFactorStatus } from './two-factor.js';

const USER_AGENT_CHARS = 300;

export async function createSession(ctx: AppContext, agentId: string, opts: { enrolOnly: boolean; userAgent?: string | undefined }): Promise<SessionResult> {
  const token = randomToken();
  const now = ctx.clock();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000);
  await ctx.db.insert(agentSessions).values({
    agentId,
    tokenHash: sha256(token),
    expiresAt,
    createdAt: now,
    lastUsedAt: now,
    enrolOnly: opts.enrolOnly,
    userAgent: opts.userAgent?.slice(0, USER_AGENT_CHARS) || null,
  });
  const result: SessionResult = { token, expiresAt: expiresAt.toISOString(), agent: await agentProfile(ctx, agentId) };
  if (opts.enrolOnly) result.enrolOnly = true;
  return result;
}

export async function accountOverview(ctx: AppContext, who: { agentId: string; enrolOnly: boolean }): Promise<AccountOverview> {
  const [a] = await ctx.db.select({ id: agents.id, email: agents.email, name: agents.name, role: agents.role }).from(agents).where(eq(agents.id, who.agentId));
  if (!a) throw new AppError('unauthorized', 'agent not found');
  return { id: a.id, email: a.email, name: a.name, twoFactor: await twoFactorStatus(ctx, a.id, a.role), enrolOnly: who.enrolOnly };
}

export async function listSessions(ctx: AppContext, who: { agentId: string; sessionId: string }): Promise<AccountSession[]> {
  const rows = await ctx.db
    .select()
    .from(agentSessions)
    .where(and(eq(agentSessions.agentId, who.agentId), isNull(agentSessions.revokedAt), gt(agentSessions.expiresAt, ctx.clock())))
    .orderBy(desc(agentSessions.createdAt));
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    lastUsedAt: s.lastUsedAt?.toISOString() ?? null,
    expiresAt: s.expiresAt.toISOString(),
    userAgent: s.userAgent,
    current: s.id === who.sessionId,
  }));
}

/** Ends sessions of this person (one, or all but the current) and drops their sockets. Returns how many. */
export async function endSessions(ctx: AppContext, who: { agentId: string; sessionId: string; ip: string }, which: { id: string } | 'others'): Promise<number> {
  const ended = await ctx.db.transaction(async (tx) => {
    const mine = and(eq(agentSessions.agentId, who.agentId), isNull(agentSessions.revokedAt));
    const rows = await tx
      .update(agentSessions)
      .set({ revokedAt: ctx.clock() })
      .where(and(mine, which === 'others' ? ne(agentSessions.id, who.sessionId) : eq(agentSessions.id, which.id)))
      .returning({ id: agentSessions.id });
    if (which !== 'others' && rows.length === 0) throw new AppError('not_found', 'No such session of yours is open.');
    if (rows.length > 0) {
      await recordAudit(tx, { actorId: who.agentId, action: 'auth.sessions_ended', targetType: 'agent', targetId: who.agentId, after: { sessions: rows.length }, ip: who.ip, at: ctx.clock() });
    }
    return rows.map((r) => r.id);
  });
  dropSockets(ctx, ended);
  return ended.length;
}

function dropSockets(ctx: AppContext, sessionIds: string[]): void {
  for (const id of sessionIds) ctx.agents.in(`session:${id}`).disconnectSockets(true);
}

/** The current password proves it is them; every other session of theirs ends (a thief's included). */
export async function changePassword(ctx: AppContext, who: { agentId: string; sessionId: string; ip: string }, input: { currentPassword: string; newPassword: string }): Promise<{ endedSessions: number }> {
  // Throttled like sign-in: a stolen session must not become a way to guess the password.
  const key = `${who.ip}|password|${who.agentId}`;
  checkThrottle(ctx, key, THROTTLE.maxFailures);
  const [a] = await ctx.db.select({ hash: agents.passwordHash }).from(agents).where(eq(agents.id, who.agentId));
  if (!a || !(await verifyPassword(a.hash, input.currentPassword))) {
    recordFailure(ctx, key);
    throw new AppError('invalid', 'The current password is not correct.');
  }
  if (input.currentPassword === input.newPassword) throw new AppError('invalid', 'The new password must differ from the current one.');
  ctx.state.loginFailures.delete(key);
  const passwordHash = await hashPassword(input.newPassword);
  const ended = await ctx.db.transaction(async (tx) => {
    await tx.update(agents).set({ passwordHash }).where(eq(agents.id, who.agentId));
    const rows = await tx
      .update(agentSessions)
      .set({ revokedAt: ctx.clock() })
      .where(and(eq(agentSessions.agentId, who.agentId), isNull(agentSessions.revokedAt), ne(agentSessions.id, who.sessionId)))
      .returning({ id: agentSessions.id });
    await recordAudit(tx, { actorId: who.agentId, action: 'auth.password_changed', targetType: 'agent', targetId: who.agentId, after: { otherSessionsEnded: rows.length }, ip: who.ip, at: ctx.clock() });
    return rows.map((r) => r.id);
  });
  dropSockets(ctx, ended);
  return { endedSessions: ended.length };
}
