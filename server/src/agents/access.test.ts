/**
 * The access table against the real app: every route (`app.routes`) and every agent socket command
 * has a rule, and each staff rule answers 403 to exactly the roles it leaves out, before the route
 * looks anything up (ids here are random, so an allowed role gets a 4xx other than 403, or a 2xx).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { AgentRole } from '@parley/protocol';
import { api, staff, type Staff } from '../kb/test-kit.js';
import { call, closeAllSockets, connect } from '../test-clients.js';
import { startTestServer, type TestServer } from '../testing.js';
import { AGENT_EVENT_RULES, isStaffRule, ROUTE_RULES, STAFF_RULES } from './access-rules.js';

let server: TestServer;
let tokens: Staff;

before(async () => {
  // Tickets' per-IP flood limit would otherwise cut in after a few hundred calls from one address.
  server = await startTestServer({ config: { rateTicketsPerIp: null } });
  tokens = await staff(server);
});
after(async () => {
  closeAllSockets();
  await server?.close();
});

/** Every route with a handler, as `METHOD /path`; `app.use` middleware is registered as ALL. */
function appRoutes(): string[] {
  const keys = server.app.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)];
}

/** A concrete URL for a pattern: real keys where the service narrows by them, random ids elsewhere. */
function concrete(pattern: string): string {
  return pattern
    .replace(/:siteKey/g, server.siteKey)
    .replace(/:departmentId/g, server.departments.support.id)
    .replace(/:(\w+)/g, () => randomUUID())
    .replace(/\*$/, 'x');
}

test('every route of the app has an access rule, and every rule names a route', () => {
  const routes = appRoutes();
  const missing = routes.filter((k) => ROUTE_RULES[k] === undefined);
  assert.deepEqual(missing, [], `routes without a rule in server/src/agents/access-rules.ts:\n  ${missing.join('\n  ')}`);
  const stale = Object.keys(ROUTE_RULES).filter((k) => !routes.includes(k));
  assert.deepEqual(stale, [], `rules for routes that do not exist:\n  ${stale.join('\n  ')}`);
});

test('each staff, supervisor and admin route refuses exactly the roles its rule leaves out, and strangers with 401', async () => {
  const as: Record<AgentRole, string> = { agent: tokens.alice, supervisor: tokens.supervisor, admin: tokens.admin };
  const wrong: string[] = [];
  const guarded = appRoutes().filter((k) => {
    const rule = ROUTE_RULES[k];
    return rule !== undefined && isStaffRule(rule);
  });
  assert.ok(guarded.length > 50, `${guarded.length} guarded routes`);
  for (const key of guarded) {
    const rule = ROUTE_RULES[key] as keyof typeof STAFF_RULES;
    const [method, pattern] = key.split(' ') as [string, string];
    // Logout last would be nicer, but a random session is not needed: it only revokes the caller's own.
    if (key === 'POST /api/auth/logout') continue;
    const path = concrete(pattern);
    const body = method === 'GET' || method === 'DELETE' ? {} : { json: {} };
    const anonymous = await api(server, path, { method, ...body });
    if (anonymous.status !== 401) wrong.push(`${key} without a session: ${anonymous.status}, expected 401`);
    for (const role of ['agent', 'supervisor', 'admin'] as const) {
      const r = await api(server, path, { method, token: as[role], ...body });
      const denied = !STAFF_RULES[rule].includes(role);
      if (denied !== (r.status === 403)) wrong.push(`${key} as ${role}: ${r.status} (${JSON.stringify(r.body?.error ?? '')}), rule ${rule}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('a refusal comes before any lookup and carries CORS headers for the console on another origin', async () => {
  const r = await api(server, `/api/console/people/${randomUUID()}`, { method: 'PATCH', token: tokens.alice, json: { capacity: 2 }, headers: { origin: 'https://intranet.example' } });
  assert.equal(r.status, 403);
  assert.equal(r.body.error.code, 'forbidden');
  assert.equal(r.headers.get('access-control-allow-origin'), 'https://intranet.example');
  const admin = await api(server, `/api/console/people/${randomUUID()}`, { method: 'PATCH', token: tokens.admin, json: { capacity: 2 } });
  assert.equal(admin.status, 404, 'the admin gets as far as the lookup');
});

test('every command the agent namespace listens to has a rule, and a command without one is refused', async () => {
  const socket = await connect(server.url, '/agent', { token: tokens.alice });
  const serverSide = [...server.app.ctx.agents.sockets.values()].find((s) => s.id === socket.id);
  assert.ok(serverSide, 'the server side of the socket (one process)');
  const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener', 'error']);
  const events = serverSide.eventNames().map(String).filter((e) => !RESERVED.has(e));
  assert.ok(events.length >= 10, events.join(', '));
  const missing = events.filter((e) => AGENT_EVENT_RULES[e] === undefined);
  assert.deepEqual(missing, [], `agent events without a rule in server/src/agents/access-rules.ts: ${missing.join(', ')}`);
  const stale = Object.keys(AGENT_EVENT_RULES).filter((e) => !events.includes(e));
  assert.deepEqual(stale, [], `rules for agent events nobody listens to: ${stale.join(', ')}`);

  const refused = await call(socket, 'people:secret-admin-thing', {});
  assert.equal(refused.ok, false);
  assert.equal(!refused.ok && refused.error.code, 'forbidden');
  const allowed = await call(socket, 'queue:list');
  assert.equal(allowed.ok, true);
});
