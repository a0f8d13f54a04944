/**
 * Where pushes meet the open employee streams (employee-routes.ts), on every process.
 *
 * Each process keeps its own open streams, indexed by site and by person. A push (push.ts) is a plain
 * object: the announcement already rendered in each language and its audience rule, a removal, or one
 * person's receipt. It is delivered to this process's streams at once, and with a cluster (REDIS_URL)
 * also sent to the other processes with Socket.IO's `serverSideEmit` on a namespace no client may join:
 * the Redis streams adapter carries it, and each process matches the audience against its own streams
 * (audience.ts `inAudience`). serverSideEmit does not come back to the process that sent it, so nothing
 * arrives twice. One mechanism, whatever the number of processes.
 *
 * Until a stream has written its first event (the list), pushes for it wait in its queue: a push that
 * raced the list query is then applied after the list, never overwritten by it.
 *
 * Metrics (this process): `parley_employee_streams` open streams, `parley_employee_pushes_total` events
 * written to streams by event, on the app's own registry.
 */
import { Counter, Gauge } from 'prom-client';
import { SUPPORTED_LOCALES, type EmployeeAnnouncement, type EmployeeReceipt, type EmployeeStreamEvents, type Locale } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { inAudience, type AudienceRule } from './audience.js';

/** The server-to-server namespace: Socket.IO clients are refused there (the banner uses SSE). */
const FANOUT_NAMESPACE = '/employee';
const FANOUT_EVENT = 'announcement:push';
/** A comment line this often keeps proxies from closing an idle stream and lets clients spot a dead one. */
export const HEARTBEAT_MS = 25_000;

export type Push =
  | { kind: 'new'; siteId: string; rule: AudienceRule; views: Record<Locale, EmployeeAnnouncement> }
  | { kind: 'gone'; siteId: string; event: 'announcement:withdrawn' | 'announcement:ended'; id: string }
  | { kind: 'receipt'; siteId: string; subject: string; receipt: EmployeeReceipt };

/** What a stream writes: SSE frames, already encoded (a push's bytes are encoded once for all its streams). */
export interface StreamSink {
  write(frame: string | Uint8Array): void;
  close(): void;
}

/** One open employee stream. */
export interface EmployeeStream {
  siteId: string;
  subject: string;
  departmentIds: string[];
  locale: Locale;
  /** Frames waiting for the first event; null once it is written. */
  queue: Array<string | Uint8Array> | null;
  sink: StreamSink | null;
}

export const sseFrame = <E extends keyof EmployeeStreamEvents>(event: E, data: EmployeeStreamEvents[E] | string): string =>
  `event: ${event}\ndata: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

export interface Hub {
  open(stream: EmployeeStream): void;
  /** Writes the first event, then what waited for it. */
  start(stream: EmployeeStream, sink: StreamSink, first: string): void;
  close(stream: EmployeeStream): void;
  publish(push: Push): void;
  /** Ends every open stream of this process (clients reconnect): shutdown, and tests of a network drop. */
  dropAll(): number;
  size(): number;
}

const hubs = new WeakMap<AppContext, Hub>();

/** The context's hub, made on first use (employee-routes.ts asks at app creation, so remote pushes are heard). */
export function hubOf(ctx: AppContext): Hub {
  let hub = hubs.get(ctx);
  if (!hub) {
    hub = createHub(ctx);
    hubs.set(ctx, hub);
  }
  return hub;
}

function createHub(ctx: AppContext): Hub {
  const bySite = new Map<string, Set<EmployeeStream>>();
  const byPerson = new Map<string, Set<EmployeeStream>>();
  const personKey = (siteId: string, subject: string) => `${siteId}\n${subject}`;
  const registry = ctx.metrics.registry;
  const pushes = new Counter({ name: 'parley_employee_pushes_total', help: 'Events written to open employee announcement streams in this process, by event.', labelNames: ['event'] as const, registers: [registry] });
  for (const event of ['list', 'announcement:new', 'announcement:withdrawn', 'announcement:ended', 'announcement:receipt']) pushes.inc({ event }, 0);
  new Gauge({
    name: 'parley_employee_streams',
    help: 'Open employee announcement streams (Server-Sent Events) in this process.',
    registers: [registry],
    collect() {
      this.set(size());
    },
  });

  const add = <K>(map: Map<K, Set<EmployeeStream>>, key: K, s: EmployeeStream) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(s);
  };
  const remove = <K>(map: Map<K, Set<EmployeeStream>>, key: K, s: EmployeeStream) => {
    const set = map.get(key);
    if (!set) return;
    set.delete(s);
    if (set.size === 0) map.delete(key);
  };
  function size(): number {
    let n = 0;
    for (const set of bySite.values()) n += set.size;
    return n;
  }
  const send = (s: EmployeeStream, event: string, frame: Uint8Array) => {
    if (s.queue) return void s.queue.push(frame);
    s.sink?.write(frame);
    pushes.inc({ event });
  };

  function deliver(push: Push): void {
    if (push.kind === 'receipt') {
      const frame = Buffer.from(sseFrame('announcement:receipt', push.receipt));
      for (const s of byPerson.get(personKey(push.siteId, push.subject)) ?? []) send(s, 'announcement:receipt', frame);
      return;
    }
    if (push.kind === 'gone') {
      const frame = Buffer.from(sseFrame(push.event, { id: push.id }));
      for (const s of bySite.get(push.siteId) ?? []) send(s, push.event, frame);
      return;
    }
    // Each language's text is encoded once, however many streams get it.
    const frames = Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, Buffer.from(sseFrame('announcement:new', push.views[l]))])) as Record<Locale, Buffer>;
    // Named people: their own streams only; otherwise the site's, each checked against the rule.
    const candidates =
      push.rule.audienceKind === 'employees' ? push.rule.employees.flatMap((sub) => [...(byPerson.get(personKey(push.siteId, sub)) ?? [])]) : (bySite.get(push.siteId) ?? []);
    for (const s of candidates) if (inAudience(push.rule, s.subject, s.departmentIds)) send(s, 'announcement:new', frames[s.locale]);
  }

  const nsp = ctx.io.of(FANOUT_NAMESPACE);
  nsp.use((_socket, next) => next(Object.assign(new Error('announcements are served over GET /api/employee/stream'), { data: { code: 'not_found' } })));
  nsp.on(FANOUT_EVENT, (push: Push) => deliver(push));

  // One timer for every stream of the process, not one per stream.
  const ping = Buffer.from(': ping\n\n');
  const heartbeat = setInterval(() => {
    for (const set of bySite.values()) for (const s of set) if (!s.queue) s.sink?.write(ping);
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    open(s) {
      add(bySite, s.siteId, s);
      add(byPerson, personKey(s.siteId, s.subject), s);
    },
    start(s, sink, first) {
      s.sink = sink;
      const waiting = s.queue ?? [];
      s.queue = null;
      sink.write(first);
      pushes.inc({ event: 'list' });
      for (const frame of waiting) sink.write(frame);
    },
    close(s) {
      remove(bySite, s.siteId, s);
      remove(byPerson, personKey(s.siteId, s.subject), s);
      s.sink = null;
    },
    publish(push) {
      deliver(push);
      // Without Redis there is no other process; the in-memory adapter would only warn.
      if (ctx.config.redisUrl) nsp.serverSideEmit(FANOUT_EVENT, push);
    },
    dropAll() {
      let n = 0;
      for (const set of [...bySite.values()]) for (const s of [...set]) (s.sink?.close(), n++);
      return n;
    },
    size,
  };
}
