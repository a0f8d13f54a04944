/** Helpers for the KB tests: REST calls, a supervisor account and a second site. Not a test file. */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { request as httpRequest } from 'node:http';
import type { ArticleAdmin, ArticleInput, KbCategory } from '@parley/protocol';
import { hashPassword } from '../auth/password.js';
import { agentDepartments, agents, departments, sites } from '../db/schema.js';
import { login } from '../test-clients.js';
import type { TestServer } from '../testing.js';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function api<T = any>(server: { url: string }, path: string, opts: { method?: string; token?: string; json?: unknown; raw?: BodyInit; type?: string; headers?: Record<string, string> } = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.json !== undefined) headers['content-type'] = 'application/json';
  if (opts.type) headers['content-type'] = opts.type;
  const res = await fetch(`${server.url}${path}`, {
    method: opts.method ?? (opts.json !== undefined || opts.raw !== undefined ? 'POST' : 'GET'),
    headers,
    ...(opts.json !== undefined ? { body: JSON.stringify(opts.json) } : {}),
    ...(opts.raw !== undefined ? { body: opts.raw } : {}),
  });
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await res.json() : new Uint8Array(await res.arrayBuffer());
  return { status: res.status, body: body as T, headers: res.headers };
}

/** Asserts-friendly: the error code of a refusal, or 'ok'. */
export const codeOf = (r: Reply) => (r.status < 300 ? 'ok' : (r.body as { error?: { code?: string } })?.error?.code);

export interface Staff {
  admin: string;
  supervisor: string;
  alice: string;
  bob: string;
  supervisorId: string;
}

/** Tokens for every role: admin, a supervisor created here (Support), and the agents alice and bob. */
export async function staff(server: TestServer): Promise<Staff> {
  const email = `sup-${randomBytes(4).toString('hex')}@parley.test`;
  const [sup] = await server.database.db
    .insert(agents)
    .values({ email, name: 'Sam Supervisor', role: 'supervisor', passwordHash: await hashPassword('parley-sup') })
    .returning();
  await server.database.db.insert(agentDepartments).values({ agentId: sup!.id, departmentId: server.departments.support.id });
  const [admin, supervisor, alice, bob] = await Promise.all([
    login(server.url, server.accounts.admin),
    login(server.url, { email, password: 'parley-sup' }),
    login(server.url, server.accounts.alice),
    login(server.url, server.accounts.bob),
  ]);
  return { admin: admin.token, supervisor: supervisor.token, alice: alice.token, bob: bob.token, supervisorId: sup!.id };
}

/** A second site (no agents but admins see it), for isolation tests. */
export async function otherSite(server: TestServer): Promise<{ id: string; key: string }> {
  const [site] = await server.database.db
    .insert(sites)
    .values({ key: `site_other_${randomBytes(6).toString('hex')}`, name: 'Other Co', secret: randomBytes(16).toString('hex'), allowedOrigins: ['*'] })
    .returning();
  await server.database.db.insert(departments).values({ siteId: site!.id, names: { en: 'Other' } });
  return { id: site!.id, key: site!.key };
}

/** The demo site's id (the one the seeded agents work on). */
export async function siteIdOf(server: TestServer): Promise<string> {
  const [site] = await server.database.db.select({ id: sites.id }).from(sites).where(eq(sites.key, server.siteKey));
  return site!.id;
}

export async function createArticle(server: TestServer, token: string, input: ArticleInput, site?: string): Promise<ArticleAdmin> {
  const r = await api<{ article: ArticleAdmin }>(server, `/api/console/kb/articles${site ? `?site=${site}` : ''}`, { token, json: input });
  if (r.status !== 201) throw new Error(`create article: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.article;
}

export async function createCategory(server: TestServer, token: string, slug: string, en: string, site?: string): Promise<KbCategory> {
  const r = await api<{ category: KbCategory }>(server, `/api/console/kb/categories${site ? `?site=${site}` : ''}`, { token, json: { slug, names: { en, 'zh-CN': `${en} (简)`, 'zh-TW': `${en} (繁)` } } });
  if (r.status !== 201) throw new Error(`create category: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.category;
}

/**
 * A fixture built once, on first use inside a test. (Node 20 runs a file's top-level `before` hooks
 * concurrently, so a `before` cannot rely on useTestServer's having finished.)
 */
export function fixture<T>(build: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= build());
}

/**
 * A POST on a connection of its own. A server that answers 413 before reading the whole body closes
 * the connection; fetch would reuse it for the next request and fail, so oversize bodies go this way.
 */
export function postAlone(server: { url: string }, path: string, body: string, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON
        }
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
        resolve({ status: res.statusCode ?? 0, body: parsed, headers: h });
      });
    });
    // The server may answer and close before it has read everything: that is the point, not an error.
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err)));
    req.end(body);
  });
}
