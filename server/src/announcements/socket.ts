/**
 * The /employee namespace: `<parley-banner>` on intranet pages. The handshake carries the site key and
 * the intranet's signed employee token (identity/employee-token.ts); a refusal is `connect_error` with
 * `data.code` (`unauthorized` with the reason as message: expired, not signed, wrong key or algorithm,
 * missing claims; `not_found` for an unknown site; `forbidden` for an origin the site does not allow;
 * `rate_limited` with `retryAfterMs`).
 *
 * Flood limits count per employee, not per IP: a whole office connects from behind one NAT address
 * (the same choice as the employee survey API). Handshakes take from `connectionsPerIp`, commands from
 * `kbReadsPerIp`, both keyed by a hash of site and subject. Refused handshakes (bad tokens, unknown
 * sites) are what an attacker can send without a token, so those alone are counted per IP, and an IP
 * over that budget is turned away before any work until its time is up. The payload cap is the server's.
 *
 * The site and its departments are cached here for a few seconds: after a deploy, 10,000 employees
 * reconnect within moments, and each handshake must not cost a lookup of either.
 */
import { createHash } from 'node:crypto';
import { announcementRefSchema, employeeHandshakeSchema } from '@parley/protocol/schemas';
import type { AppContext } from '../context.js';
import { verifyEmployeeToken } from '../identity/employee-token.js';
import { AppError, toProtocolError } from '../lib/errors.js';
import { command } from '../lib/socket.js';
import { socketIp } from '../limits/socket.js';
import { emptySchema } from '@parley/protocol/schemas';
import { originAllowed, siteByKey, type SiteRow } from '../sites/service.js';
import { matchDepartments, siteDepartments, type SiteDepartment } from '../identity/departments.js';
import { deptRoom, localeRoom, personRoom, siteRoom } from './audience.js';
import { activeFor, recordReceipt, rememberEmployee } from './employee.js';
import { employeeNamespace, type EmployeeSocketData } from './push.js';

const CACHE_MS = 10_000;

function refusal(error: unknown): Error & { data: { code: string; retryAfterMs?: number } } {
  const { error: wire } = toProtocolError(error);
  return Object.assign(new Error(wire.message), { data: wire.retryAfterMs === undefined ? { code: wire.code } : { code: wire.code, retryAfterMs: wire.retryAfterMs } });
}

/**
 * Employee database calls start here, at most `perTurn` on each turn of the event loop. Each command
 * would otherwise run to its end in the microtasks right after its socket's read callback, and libuv
 * keeps reading while sockets have data: 10,000 acknowledgements arriving together on PGlite (~2 ms of
 * synchronous WebAssembly each) kept the loop in one poll phase for 18 s, timers never ran, and
 * Socket.IO's pings came late enough to drop sockets (test/load/announcements.ts, docs/benchmarks.md).
 * Deferred, the reads only queue work, and timers and I/O run between each `perTurn` slice.
 */
function turnstile(perTurn: number): <T>(work: () => Promise<T>) => Promise<T> {
  const waiting: Array<() => void> = [];
  let scheduled = false;
  const turn = () => {
    for (const start of waiting.splice(0, perTurn)) start();
    scheduled = waiting.length > 0;
    if (scheduled) setImmediate(turn);
  };
  return async (work) => {
    await new Promise<void>((start) => {
      waiting.push(start);
      if (!scheduled) {
        scheduled = true;
        setImmediate(turn);
      }
    });
    return work();
  };
}

function cached<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return (key) => {
    const hit = entries.get(key);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
    const value = load(key);
    // A failed lookup (unknown key, database down) is not remembered.
    value.catch(() => entries.delete(key));
    if (entries.size > 1000) entries.clear();
    entries.set(key, { at: Date.now(), value });
    return value;
  };
}

export function registerEmployeeNamespace(ctx: AppContext): void {
  const nsp = employeeNamespace(ctx);
  const log = ctx.logger.child({ nsp: '/employee' });
  const siteOf = cached<SiteRow>((key) => siteByKey(ctx, key));
  const departmentsOf = cached<SiteDepartment[]>((siteId) => siteDepartments(ctx.db, siteId));
  const personKey = (siteId: string, subject: string) => `employee:${createHash('sha256').update(`${siteId}:${subject}`).digest('hex')}`;
  // IPs whose refused handshakes ran over their budget, and until when (ms): checked before any work.
  const blocked = new Map<string, number>();
  const gate = turnstile(10);

  nsp.use((socket, next) => {
    const parsed = employeeHandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(refusal(new AppError('unauthorized', 'missing site key or employee token')));
    const { siteKey, token, locale } = parsed.data;
    const ip = socketIp(ctx, socket);
    const until = blocked.get(ip);
    if (until !== undefined) {
      if (Date.now() < until) return next(refusal(new AppError('rate_limited', 'Too many refused connections from your network; try again shortly.', until - Date.now())));
      blocked.delete(ip);
    }
    (async () => {
      const site = await siteOf(siteKey).catch(() => {
        throw new AppError('not_found', 'unknown site key');
      });
      if (!originAllowed(site, socket.handshake.headers.origin)) throw new AppError('forbidden', 'this origin may not use this site');
      const employee = await verifyEmployeeToken(token, site, ctx.clock());
      await ctx.limits.take('connectionsPerIp', personKey(site.id, employee.id));
      const data: EmployeeSocketData = { siteId: site.id, employee, departmentIds: matchDepartments(employee.departments, await departmentsOf(site.id)), locale: locale ?? employee.locale };
      await gate(() => rememberEmployee(ctx, data));
      socket.data = data;
    })().then(
      () => next(),
      (err: unknown) => {
        const { error, unexpected } = toProtocolError(err);
        if (unexpected) log.error({ err, ip }, 'employee handshake failed');
        next(refusal(err));
        if (error.code !== 'unauthorized' && error.code !== 'not_found' && error.code !== 'forbidden') return;
        ctx.limits.take('connectionsPerIp', `employee-refused:${ip}`).catch((limited: unknown) => {
          if (blocked.size > 10_000) blocked.clear();
          if (limited instanceof AppError && limited.retryAfterMs) blocked.set(ip, Date.now() + limited.retryAfterMs);
        });
      },
    );
  });

  nsp.on('connection', (socket) => {
    const who = socket.data;
    // Rooms first, synchronously: a push published while the client asks for its list still reaches it.
    socket.join([siteRoom(who.siteId), personRoom(who.siteId, who.employee.id), localeRoom(who.siteId, who.locale), ...who.departmentIds.map(deptRoom)]);
    const key = personKey(who.siteId, who.employee.id);

    socket.use((packet, next) => {
      ctx.limits.take('kbReadsPerIp', key).then(
        () => next(),
        (err: unknown) => {
          const ack = packet[packet.length - 1];
          if (typeof ack === 'function') (ack as (r: unknown) => void)({ ok: false, error: toProtocolError(err).error });
        },
      );
    });

    socket.on('announcement:list', command(log, 'announcement:list', emptySchema, () => gate(() => activeFor(ctx, who))));
    socket.on('announcement:seen', command(log, 'announcement:seen', announcementRefSchema, (input) => gate(() => recordReceipt(ctx, who, input.id, 'seen'))));
    socket.on('announcement:ack', command(log, 'announcement:ack', announcementRefSchema, (input) => gate(() => recordReceipt(ctx, who, input.id, 'ack'))));
    socket.on('announcement:dismiss', command(log, 'announcement:dismiss', announcementRefSchema, (input) => gate(() => recordReceipt(ctx, who, input.id, 'dismiss'))));
  });
}
