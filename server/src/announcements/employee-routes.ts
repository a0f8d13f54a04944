/**
 * The employee's API, for `<parley-banner>` on intranet pages (on another origin; no cookies):
 *   GET  /api/employee/stream?site=<siteKey>&locale=   Server-Sent Events: `list` first, then live pushes
 *   POST /api/employee/receipts  {site, kind: seen|ack|dismiss, id}  -> {receipt}
 * Both take the intranet's signed employee token as `Authorization: Bearer <token>`
 * (identity/employee-token.ts), never in the URL, where proxies and logs would keep it. A refusal comes
 * before any stream, as JSON with its status: 401 `unauthorized` with the reason (expired, not signed,
 * wrong key or algorithm, missing claims), 404 `not_found` (unknown site), 403 `forbidden` (an origin the
 * site does not allow), 429 `rate_limited` with Retry-After. Event shapes: protocol EmployeeStreamEvents.
 *
 * Why Server-Sent Events and not Socket.IO: the banner has a 15 KB gzip budget and socket.io-client is
 * about 12 KB by itself; a fetch() stream and a REST call need no library beyond a 1 KB SSE parser.
 *
 * Flood limits count per employee, not per IP: a whole office connects from behind one NAT address (the
 * same choice as the employee survey API). Opening a stream takes from `connectionsPerIp`, receipts
 * from `kbReadsPerIp`, both keyed by a hash of site and subject. Refused requests (bad tokens, unknown
 * sites) are what an attacker can send without a token, so those alone are counted per IP, and an IP
 * over that budget is turned away before any work until its time is up.
 */
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { ServerResponse } from 'node:http';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { streamSSE } from 'hono/streaming';
import type { EmployeeAnnouncement } from '@parley/protocol';
import { employeeReceiptInputSchema } from '@parley/protocol/schemas';
import type { AppContext } from '../context.js';
import { matchDepartments, siteDepartments, type SiteDepartment } from '../identity/departments.js';
import { verifyEmployeeToken } from '../identity/employee-token.js';
import { parseLocale } from '../kb/access.js';
import { AppError, toProtocolError } from '../lib/errors.js';
import { parseInput } from '../lib/http.js';
import { requestIp } from '../limits/http.js';
import { originAllowed, siteByKey, type SiteRow } from '../sites/service.js';
import { activeFor, recordReceipt, rememberEmployee } from './employee.js';
import { cached, turnstile } from './gate.js';
import { hubOf, sseFrame, type EmployeeStream } from './hub.js';
import type { EmployeeViewer } from './push.js';

export function employeeRoutes(ctx: AppContext) {
  const app = new Hono();
  const hub = hubOf(ctx);
  const log = ctx.logger.child({ api: 'employee' });
  const siteOf = cached<SiteRow>((key) => siteByKey(ctx, key));
  const departmentsOf = cached<SiteDepartment[]>((siteId) => siteDepartments(ctx.db, siteId));
  const personKey = (siteId: string, subject: string) => `employee:${createHash('sha256').update(`${siteId}:${subject}`).digest('hex')}`;
  // IPs whose refused requests ran over their budget, and until when (ms): checked before any work.
  const blocked = new Map<string, number>();
  const gate = turnstile(10);

  // CORS: the intranet is another origin. Every answer (errors too) names the caller's origin so the
  // banner can read why it was refused; whether that origin may use the site is checked per request below.
  app.use('*', async (c, next) => {
    const origin = c.req.header('origin');
    if (origin) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
      c.header('Access-Control-Expose-Headers', 'Retry-After');
    }
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      c.header('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    c.header('Cache-Control', 'private, no-store');
    await next();
  });

  /** The verified employee of this request, or a refusal (counted against the caller's IP). */
  async function viewer(c: Context, siteKey: string | undefined, limit: 'connectionsPerIp' | 'kbReadsPerIp', locale?: string): Promise<EmployeeViewer> {
    const ip = requestIp(ctx, c);
    const until = blocked.get(ip);
    if (until !== undefined) {
      if (Date.now() < until) throw new AppError('rate_limited', 'Too many refused requests from your network; try again shortly.', until - Date.now());
      blocked.delete(ip);
    }
    try {
      if (!siteKey) throw new AppError('unauthorized', 'missing site key (?site=)');
      const token = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
      if (!token) throw new AppError('unauthorized', 'send the intranet\'s employee token as "Authorization: Bearer <token>"');
      const site = await siteOf(siteKey).catch(() => {
        throw new AppError('not_found', 'unknown site key');
      });
      if (!originAllowed(site, c.req.header('origin'))) throw new AppError('forbidden', 'this origin may not use this site');
      const employee = await verifyEmployeeToken(token, site, ctx.clock());
      await ctx.limits.take(limit, personKey(site.id, employee.id));
      return { siteId: site.id, employee, departmentIds: matchDepartments(employee.departments, await departmentsOf(site.id)), locale: parseLocale(locale, employee.locale) };
    } catch (err) {
      const { error, unexpected } = toProtocolError(err);
      if (unexpected) log.error({ err, ip }, 'employee request failed');
      if (error.code === 'unauthorized' || error.code === 'not_found' || error.code === 'forbidden') {
        ctx.limits.take('connectionsPerIp', `employee-refused:${ip}`).catch((limited: unknown) => {
          if (blocked.size > 10_000) blocked.clear();
          if (limited instanceof AppError && limited.retryAfterMs) blocked.set(ip, Date.now() + limited.retryAfterMs);
        });
      }
      throw err;
    }
  }

  app.get('/stream', async (c) => {
    const who = await viewer(c, c.req.query('site'), 'connectionsPerIp', c.req.query('locale'));
    await gate(() => rememberEmployee(ctx, who));
    // Listed before the list is read: a push that races the query waits in the stream's queue and is
    // written after the list, so it is never lost under it.
    const s: EmployeeStream = { siteId: who.siteId, subject: who.employee.id, departmentIds: who.departmentIds, locale: who.locale, queue: [], sink: null };
    hub.open(s);
    let list: EmployeeAnnouncement[];
    try {
      list = await gate(() => activeFor(ctx, who));
    } catch (err) {
      hub.close(s);
      throw err;
    }
    // nginx and similar proxies buffer responses unless told not to: an event must not wait there.
    c.header('X-Accel-Buffering', 'no');
    const first = sseFrame('list', list);
    const res = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (res) {
      // On the Node server the stream is written straight to the response. Hono's streamSSE goes
      // through a web TransformStream, several promises per event: an announcement to 10,000 open
      // streams then held the event loop for 3 s and delivery p99 was 2.3 s (docs/benchmarks.md);
      // res.write is one call per stream. The headers are the ones streamSSE sends, plus ours.
      const headers: Record<string, string> = { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' };
      c.res.headers.forEach((value, name) => {
        if (name !== 'content-type' && name !== 'cache-control') headers[name] = value;
      });
      res.writeHead(200, headers);
      res.on('close', () => hub.close(s));
      hub.start(s, { write: (frame) => void res.write(frame), close: () => void res.end() }, first);
      return RESPONSE_ALREADY_SENT;
    }
    // Elsewhere (app.request in tests, another runtime): Hono's streaming helper.
    return streamSSE(c, async (stream) => {
      const ended = new Promise<void>((resolve) => {
        stream.onAbort(resolve);
        hub.start(s, { write: (frame) => void stream.write(frame), close: () => resolve() }, first);
      });
      try {
        await ended;
      } finally {
        hub.close(s);
      }
    });
  });

  app.post('/receipts', async (c) => {
    const raw: unknown = await c.req.json().catch(() => {
      throw new AppError('invalid', 'the request body must be JSON: {site, kind, id}');
    });
    const input = parseInput(employeeReceiptInputSchema, raw);
    const who = await viewer(c, input.site, 'kbReadsPerIp');
    return c.json({ receipt: await gate(() => recordReceipt(ctx, who, input.id, input.kind)) });
  });

  return app;
}

/** Ends every open employee stream of this process (clients reconnect by themselves): shutdown and tests. */
export const dropEmployeeStreams = (ctx: AppContext): number => hubOf(ctx).dropAll();
