/**
 * Enforces ./access-rules.ts: one Hono middleware in front of every route, and one packet middleware
 * on every agent socket. A staff route is answered 401 without a live session and 403 for a role the
 * rule leaves out, before the route's own code (and any lookup of what it names) runs.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { eq } from 'drizzle-orm';
import type { Namespace, Socket } from 'socket.io';
import type { AgentRole, ApiTokenScope } from '@parley/protocol';
import { scopeNeeded, scopesAllow } from '../api-tokens/scopes.js';
import type { AppContext } from '../context.js';
import { authenticate } from '../auth/service.js';
import { agents } from '../db/schema.js';
import { AppError, toProtocolError } from '../lib/errors.js';
import { jsonError } from '../lib/http.js';
import { AGENT_EVENT_RULES, isStaffRule, ROUTE_RULES, STAFF_RULES, type AccessRule } from './access-rules.js';

/** `app.use` registers middleware under the method ALL; everything else is a route with a handler. */
const MIDDLEWARE = 'ALL';

/**
 * The route that will answer, as `METHOD /pattern`, or null when none matches (a 404). Matches come
 * in registration order, so the first real route is the one Hono runs (later ones are fallbacks
 * such as the web app's `GET /*`).
 */
export function routeKey(c: Context): string | null {
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  const route = matchedRoutes(c).find((r) => r.method !== MIDDLEWARE && (r.method === method || (method === 'GET' && r.method === 'HEAD')));
  return route ? `${method} ${route.path}` : null;
}

async function roleOf(ctx: AppContext, agentId: string): Promise<AgentRole> {
  const [row] = await ctx.db.select({ role: agents.role }).from(agents).where(eq(agents.id, agentId));
  if (!row) throw new AppError('unauthorized', 'agent not found');
  return row.role;
}

const RULE_WORDS: Record<'staff' | 'supervisor' | 'admin', string> = {
  staff: 'a signed-in agent',
  supervisor: 'a supervisor or an admin',
  admin: 'an admin',
};

/** A scoped API token reaches its domains' console routes (read: GET) on its own site, nothing else. */
function holdToScopes(c: Context, key: string, token: { siteId: string; scopes: ApiTokenScope[] }): void {
  const [method, path] = key.split(' ') as [string, string];
  const need = scopeNeeded(method, path);
  if (!need) throw new AppError('forbidden', 'API tokens cannot call this route');
  if (!scopesAllow(token.scopes, need)) throw new AppError('forbidden', `this API token lacks the ${need.domain}:${need.write ? 'write' : 'read'} scope`);
  const site = c.req.query('site');
  if (site && site.toLowerCase() !== token.siteId) throw new AppError('forbidden', 'this API token belongs to another site');
}

/** Mount with `app.use('*', ...)` before the domain routes. */
export function accessGuard(ctx: AppContext): MiddlewareHandler {
  return async (c, next) => {
    // Preflights carry no credentials; the route's CORS middleware answers them.
    if (c.req.method === 'OPTIONS') return next();
    const key = routeKey(c);
    if (key === null) return next();
    const rule: AccessRule | undefined = ROUTE_RULES[key];
    try {
      if (rule === undefined) {
        // Fail closed: a new route is unreachable until someone decides who may call it.
        ctx.logger.error({ route: key }, 'route has no access rule (server/src/agents/access-rules.ts)');
        throw new AppError('forbidden', `no access rule for ${key}`);
      }
      if (!isStaffRule(rule)) return await next();
      const token = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
      // Enrol-only sessions (two-factor still to set up) pass here: the route's own requireAgent decides
      // whether it is one of the few they may use. This check is about the role alone.
      const session = await authenticate(ctx, token, { allowEnrolOnly: true, apiToken: true });
      if (session.apiToken) holdToScopes(c, key, session.apiToken);
      const role = await roleOf(ctx, session.agentId);
      if (!STAFF_RULES[rule].includes(role)) throw new AppError('forbidden', `only ${RULE_WORDS[rule]} may do this`);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // The route's CORS middleware never ran: without this a browser on another origin would see a
      // network error instead of the 401/403. Bearer-only routes, so reflecting the origin is harmless.
      const origin = c.req.header('origin');
      if (origin) {
        c.header('Access-Control-Allow-Origin', origin);
        c.header('Vary', 'Origin');
      }
      return jsonError(c, err);
    }
    return next();
  };
}

type Packet = unknown[];

function refuse(packet: Packet, err: AppError): void {
  const ack = packet[packet.length - 1];
  if (typeof ack === 'function') ack({ ok: false, error: toProtocolError(err).error });
}

/**
 * Checks every agent command against AGENT_EVENT_RULES before its handler. `staff` needs no lookup:
 * the handshake authenticated the session, and revoking it drops the socket. Call after the flood
 * limits and before the namespaces register their handlers.
 */
export function installAgentEventRules(ctx: AppContext): void {
  const nsp = ctx.agents as unknown as Namespace;
  nsp.on('connection', (socket: Socket) => {
    socket.use((packet: Packet, next: (err?: Error) => void) => {
      const event = packet[0];
      const rule = typeof event === 'string' ? AGENT_EVENT_RULES[event] : undefined;
      if (rule === undefined) {
        ctx.logger.warn({ event }, 'agent event has no access rule (server/src/agents/access-rules.ts)');
        return refuse(packet, new AppError('forbidden', `no access rule for ${String(event)}`));
      }
      if (rule === 'staff') return next();
      // A known command refused by its rule is counted in the metrics, as its handler would have been.
      const refuseKnown = (err: AppError) => {
        ctx.metrics.commands.agent.refused(event as string, err.code);
        refuse(packet, err);
      };
      roleOf(ctx, (socket.data as { agentId: string }).agentId).then(
        (role) => (STAFF_RULES[rule].includes(role) ? next() : refuseKnown(new AppError('forbidden', `only ${RULE_WORDS[rule]} may do this`))),
        (err: unknown) => refuseKnown(err instanceof AppError ? err : new AppError('internal', 'access check failed')),
      );
    });
  });
}
