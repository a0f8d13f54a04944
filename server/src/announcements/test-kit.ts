/** Helpers for the announcement tests: employee tokens, employee streams and receipts, console calls. Not a test file. */
import { eq } from 'drizzle-orm';
import { createParser } from 'eventsource-parser';
import { SignJWT } from 'jose';
import type { Ack, Announcement, AnnouncementInput, EmployeeAnnouncement, EmployeeReceipt, EmployeeStreamEvents, ProtocolError } from '@parley/protocol';
import { sites } from '../db/schema.js';
import { api } from '../kb/test-kit.js';
import type { TestServer } from '../testing.js';

export async function siteSecret(server: TestServer): Promise<string> {
  const [site] = await server.database.db.select({ secret: sites.secret }).from(sites).where(eq(sites.key, server.siteKey));
  return site!.secret;
}

/** What an intranet signs, valid for an hour from `now` (the server's clock, which tests move). */
export function employeeToken(secret: string, claims: { sub?: string; name?: string; departments?: string[]; locale?: string }, now: Date, opts: { expiresIn?: number } = {}): Promise<string> {
  const { sub, ...rest } = claims;
  const iat = Math.floor(now.getTime() / 1000);
  const jwt = new SignJWT(rest).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(iat).setExpirationTime(iat + (opts.expiresIn ?? 3600));
  if (sub !== undefined) jwt.setSubject(sub);
  return jwt.sign(new TextEncoder().encode(secret));
}

type StreamEvent = keyof EmployeeStreamEvents;
const open = new Set<EmployeeStream>();

/**
 * A real employee stream (GET /api/employee/stream over fetch, as the banner reads it): what a banner
 * tab would receive, in order. `open()` resolves once the first event (the list) is in, and rejects with
 * the refusal (`data.code`, the message) when the server answers with an error instead of a stream.
 */
export class EmployeeStream {
  readonly events: Array<{ event: StreamEvent; data: unknown }> = [];
  list: EmployeeAnnouncement[] = [];
  private readonly waiters = new Set<() => void>();
  private constructor(
    private readonly abort: AbortController,
    readonly auth: { url: string; siteKey: string; token: string },
  ) {}

  static async open(url: string, auth: { siteKey?: string; token?: string; locale?: string }): Promise<EmployeeStream> {
    const abort = new AbortController();
    const query = new URLSearchParams({ ...(auth.siteKey ? { site: auth.siteKey } : {}), ...(auth.locale ? { locale: auth.locale } : {}) });
    const res = await fetch(`${url}/api/employee/stream?${query}`, { headers: auth.token ? { authorization: `Bearer ${auth.token}` } : {}, signal: abort.signal });
    if (!res.ok) {
      const { error } = (await res.json()) as { error: ProtocolError };
      throw Object.assign(new Error(error.message), { data: { code: error.code }, status: res.status });
    }
    const stream = new EmployeeStream(abort, { url, siteKey: auth.siteKey ?? '', token: auth.token ?? '' });
    open.add(stream);
    const parser = createParser({
      onEvent: (m) => {
        stream.events.push({ event: (m.event ?? 'message') as StreamEvent, data: JSON.parse(m.data) });
        for (const w of stream.waiters) w();
      },
    });
    void (async () => {
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parser.feed(decoder.decode(value, { stream: true }));
        }
      } catch {
        // closed by the test
      }
    })();
    stream.list = await stream.next('list');
    return stream;
  }

  /** The first `event` matching `pick` received from now on (the list: the first event of all). */
  next<E extends StreamEvent>(event: E, pick: (data: EmployeeStreamEvents[E]) => boolean = () => true, ms = 10_000): Promise<EmployeeStreamEvents[E]> {
    const from = event === 'list' ? 0 : this.events.length;
    return new Promise((resolve, reject) => {
      const look = () => {
        const hit = this.events.slice(from).find((e) => e.event === event && pick(e.data as EmployeeStreamEvents[E]));
        if (!hit) return false;
        this.waiters.delete(look);
        clearTimeout(timer);
        resolve(hit.data as EmployeeStreamEvents[E]);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(look);
        reject(new Error(`no ${event} within ${ms} ms`));
      }, ms);
      if (!look()) this.waiters.add(look);
    });
  }

  /** Every `event` received from now for `ms` (for "nothing arrives" checks). */
  async collect<E extends StreamEvent>(event: E, ms: number): Promise<Array<EmployeeStreamEvents[E]>> {
    const from = this.events.length;
    await new Promise((r) => setTimeout(r, ms));
    return this.events.slice(from).filter((e) => e.event === event).map((e) => e.data as EmployeeStreamEvents[E]);
  }

  /** POST /api/employee/receipts with this stream's token. */
  receipt(kind: 'seen' | 'ack' | 'dismiss', id: string): Promise<Ack<EmployeeReceipt>> {
    return sendReceipt(this.auth.url, { site: this.auth.siteKey, kind, id }, this.auth.token);
  }

  close(): void {
    open.delete(this);
    this.abort.abort();
  }
}

/** A raw POST /api/employee/receipts, its answer as an Ack. */
export async function sendReceipt(url: string, body: unknown, token: string): Promise<Ack<EmployeeReceipt> & { status: number }> {
  const res = await fetch(`${url}/api/employee/receipts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const json = (await res.json()) as { receipt?: EmployeeReceipt; error?: ProtocolError };
  return res.ok ? { ok: true, data: json.receipt!, status: res.status } : { ok: false, error: json.error!, status: res.status };
}

/** Opens an employee stream; rejects with the refusal (its `data.code`). */
export const connectEmployee = (url: string, auth: { siteKey?: string; token?: string; locale?: string }): Promise<EmployeeStream> => EmployeeStream.open(url, auth);

export function closeEmployeeSockets(): void {
  for (const s of open) s.close();
  open.clear();
}

export function input(over: Partial<AnnouncementInput> = {}): AnnouncementInput {
  return {
    versions: [
      { locale: 'en', title: 'Fire drill at 3 pm', body: 'Please leave by the **nearest** exit.<script>alert(1)</script>' },
      { locale: 'zh-CN', title: '下午三点消防演习', body: '请从**最近的**出口离开。' },
    ],
    priority: 'normal',
    audience: { kind: 'everyone' },
    ...over,
  };
}

export async function createAnnouncement(server: TestServer, token: string, body: AnnouncementInput): Promise<Announcement> {
  const r = await api<{ announcement: Announcement }>(server, '/api/console/announcements', { token, json: body });
  if (r.status !== 201) throw new Error(`create announcement: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.announcement;
}

export async function publish(server: TestServer, token: string, id: string): Promise<Announcement> {
  const r = await api<{ announcement: Announcement }>(server, `/api/console/announcements/${id}/publish`, { token, method: 'POST' });
  if (r.status !== 200) throw new Error(`publish: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.announcement;
}
