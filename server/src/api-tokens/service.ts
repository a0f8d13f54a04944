/**
 * Scoped API tokens: admins create them for integrations (the secret shown once), list and revoke
 * them. auth/service.ts authenticate() resolves a `pat_` bearer through resolveApiToken(), and
 * agents/access.ts holds each request to the token's scopes (./scopes.ts).
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ApiTokenCreated, ApiTokenScope, ApiTokenView } from '@parley/protocol';
import { auditEvent } from '../audit/wiring.js';
import { randomToken, sha256 } from '../auth/password.js';
import type { AppContext } from '../context.js';
import { agents } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { API_TOKEN_PREFIX } from './scopes.js';
import { apiTokens } from './schema.js';

/** lastUsedAt is written at most this often per token: a busy integration must not write on every call. */
const LAST_USED_REFRESH_MS = 60_000;

type Row = typeof apiTokens.$inferSelect;

const view = (r: Row, creator: { id: string; name: string } | null): ApiTokenView => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  scopes: r.scopes,
  createdAt: r.createdAt.toISOString(),
  createdBy: creator,
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
});

export async function listApiTokens(ctx: AppContext, siteId: string): Promise<ApiTokenView[]> {
  const rows = await ctx.db
    .select({ token: apiTokens, creatorName: agents.name })
    .from(apiTokens)
    .leftJoin(agents, eq(agents.id, apiTokens.createdBy))
    .where(eq(apiTokens.siteId, siteId))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((r) => view(r.token, r.token.createdBy ? { id: r.token.createdBy, name: r.creatorName ?? '' } : null));
}

export async function createApiToken(ctx: AppContext, siteId: string, actor: { id: string; name: string }, input: { name: string; scopes: ApiTokenScope[] }): Promise<ApiTokenCreated> {
  const secret = `${API_TOKEN_PREFIX}${randomToken(32)}`;
  const row = await ctx.db.transaction(async (tx) => {
    const [r] = await tx
      .insert(apiTokens)
      .values({ siteId, name: input.name, prefix: secret.slice(0, API_TOKEN_PREFIX.length + 6), tokenHash: sha256(secret), scopes: input.scopes, createdBy: actor.id, createdAt: ctx.clock() })
      .returning();
    await auditEvent(tx, { siteId, actorId: actor.id, at: ctx.clock() }, 'api_token.created', { type: 'api_token', id: r!.id }, { after: { name: r!.name, prefix: r!.prefix, scopes: r!.scopes } });
    return r!;
  });
  return { token: view(row, actor), secret };
}

export async function revokeApiToken(ctx: AppContext, siteId: string, actorId: string, id: string): Promise<ApiTokenView> {
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx
      .update(apiTokens)
      .set({ revokedAt: ctx.clock() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.siteId, siteId), isNull(apiTokens.revokedAt)))
      .returning();
    if (!r) {
      const [exists] = await tx.select({ id: apiTokens.id }).from(apiTokens).where(and(eq(apiTokens.id, id), eq(apiTokens.siteId, siteId)));
      throw exists ? new AppError('conflict', 'the token is already revoked') : new AppError('not_found', 'no such token');
    }
    await auditEvent(tx, { siteId, actorId, at: ctx.clock() }, 'api_token.revoked', { type: 'api_token', id: r.id }, { before: { name: r.name, prefix: r.prefix, scopes: r.scopes } });
    return view(r, null);
  });
}

/**
 * The live token behind a `pat_` secret: not revoked, and made by someone who is still an active
 * agent (a deactivated admin's tokens stop with them). Null for anything else.
 */
export async function resolveApiToken(ctx: AppContext, secret: string): Promise<{ id: string; agentId: string; siteId: string; scopes: ApiTokenScope[] } | null> {
  const [r] = await ctx.db
    .select({ id: apiTokens.id, agentId: apiTokens.createdBy, siteId: apiTokens.siteId, scopes: apiTokens.scopes, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(agents, eq(agents.id, apiTokens.createdBy))
    .where(and(eq(apiTokens.tokenHash, sha256(secret)), isNull(apiTokens.revokedAt), eq(agents.status, 'active')));
  if (!r?.agentId) return null;
  const now = ctx.clock();
  if (!r.lastUsedAt || now.getTime() - r.lastUsedAt.getTime() > LAST_USED_REFRESH_MS) await ctx.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, r.id));
  return { id: r.id, agentId: r.agentId, siteId: r.siteId, scopes: r.scopes };
}
