/**
 * The API description: every API route of the app is in it with a summary and who may call it; the
 * request bodies are the schemas the routes validate with (a body the description forbids is refused
 * by the route); /api/docs renders it without script under a strict CSP.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ROUTE_RULES } from '../agents/access-rules.js';
import { api, staff } from '../kb/test-kit.js';
import { startTestServer, type TestServer } from '../testing.js';
import { isApiRoute, openApiPath } from './document.js';
import { ROUTE_DOCS } from './route-docs.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

type Op = { summary: string; description: string; security?: Array<Record<string, string[]>>; requestBody?: { content: Record<string, { schema: { required?: string[]; properties?: Record<string, unknown>; additionalProperties?: boolean } }> } };
type Doc = { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, Op>>; components: { securitySchemes: Record<string, unknown> } };
const fetchDoc = async () => (await api<Doc>(server, '/api/openapi.json')).body;

test('every API route of the app has a summary in route-docs.ts, and every entry there is a route', () => {
  const routes = [...new Set(server.app.app.routes.filter((r) => r.method !== 'ALL' && isApiRoute(r.path)).map((r) => `${r.method} ${openApiPath(r.path)}`))];
  assert.ok(routes.length > 100, `only ${routes.length} API routes found`);
  const missing = routes.filter((k) => !ROUTE_DOCS[k]);
  assert.deepEqual(missing, [], 'routes without a description in openapi/route-docs.ts');
  const stale = Object.keys(ROUTE_DOCS).filter((k) => !routes.includes(k));
  assert.deepEqual(stale, [], 'entries in openapi/route-docs.ts with no such route');
});

test('/api/openapi.json is OpenAPI 3.1 with every route, its access, and the request bodies of its zod schemas', async () => {
  const res = await fetch(`${server.url}/api/openapi.json`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const doc = (await res.json()) as Doc;
  assert.equal(doc.openapi, '3.1.0');
  assert.equal(doc.info.title, 'Parley REST API');
  assert.match(doc.info.version, /^\d+\.\d+\.\d+/);
  const ops = Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`));
  const apiRules = Object.keys(ROUTE_RULES).filter((k) => isApiRoute(k.split(' ')[1]!)).map((k) => `${k.split(' ')[0]} ${openApiPath(k.split(' ')[1]!)}`);
  assert.deepEqual(ops.sort(), apiRules.sort());
  assert.ok(!ops.some((o) => o.includes('/console') && !o.includes('/api/')), 'web pages are not in it');

  const login = doc.paths['/api/auth/login']!.post!;
  assert.equal(login.security, undefined, 'sign-in needs no credential');
  assert.deepEqual(login.requestBody!.content['application/json']!.schema.required!.sort(), ['email', 'password']);
  const people = doc.paths['/api/console/people']!.post!;
  assert.deepEqual(people.security, [{ session: [] }]);
  assert.equal(people.description, 'Admins only.');
  const ticket = doc.paths['/api/tickets/sites/{siteKey}']!.post!;
  assert.ok(ticket.requestBody!.content['multipart/form-data'], 'a ticket with files is multipart');
  assert.ok(ticket.requestBody!.content['application/json']!.schema.properties!.subject);
  assert.deepEqual(doc.paths['/api/employee/receipts']!.post!.security, [{ employee: [] }]);
  assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['employee', 'session', 'visitor']);
});

test('a body the description forbids is refused by the route, and one it allows is taken', async () => {
  const doc = await fetchDoc();
  const { admin } = await staff(server);
  const schema = doc.paths['/api/console/departments']!.post!.requestBody!.content['application/json']!.schema;
  assert.equal(schema.additionalProperties, false, 'strict schemas say so');
  const refused = await api<{ error: { code: string } }>(server, '/api/console/departments', { token: admin, method: 'POST', json: { names: { en: 'Billing' }, colour: 'red' } });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.error.code, 'invalid');
  const withoutRequired = Object.fromEntries((schema.required ?? []).slice(1).map((k) => [k, 'x']));
  assert.equal((await api(server, '/api/console/departments', { token: admin, method: 'POST', json: withoutRequired })).status, 400);
  const taken = await api(server, '/api/console/departments', { token: admin, method: 'POST', json: { names: { en: 'Billing', 'zh-CN': '账务' } } });
  assert.equal(taken.status, 201, JSON.stringify(taken.body));
});

test('/api/docs: every operation on one page, no script, strict CSP, text escaped', async () => {
  const res = await fetch(`${server.url}/api/docs`);
  assert.equal(res.status, 200);
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(csp, /script-src/);
  const html = await res.text();
  assert.doesNotMatch(html, /<script/i);
  assert.match(html, /<html lang="en">/);
  assert.match(html, /<span class="method post">POST<\/span> <code>\/api\/auth\/login<\/code>/);
  assert.match(html, /Sign in with email and password/);
  assert.match(html, /href="\/api\/openapi.json"/);
  const doc = await fetchDoc();
  const count = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  assert.equal((html.match(/<section class="op"/g) ?? []).length, count);
  assert.match(html, /The site&#39;s targets/, 'apostrophes in summaries are escaped');
});
