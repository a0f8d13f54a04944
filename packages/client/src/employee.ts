/**
 * The employee's side of intranet announcements, for `<parley-banner>`: a Server-Sent Events stream
 * (`GET /api/employee/stream`) read with fetch(), and receipts over REST (`POST /api/employee/receipts`).
 *
 * Why not EventSource: it cannot send headers, and the employee token would then travel in the URL,
 * where proxies and access logs keep it. Why not Socket.IO: socket.io-client alone is about 12 KB gzip,
 * most of the banner's 15 KB budget. So: fetch() with `Authorization: Bearer`, the body read as a
 * stream, ./sse.ts for the framing. This module must not import socket.io-client (it is in the banner's
 * bundle); `import type` from connection.ts is erased.
 */
import type { EmployeeAnnouncement, EmployeeReceipt, EmployeeStreamEvents, Locale, ProtocolError } from '@parley/protocol';
import type { ConnectionState } from './connection.js';
import { sseReader } from './sse.js';
import { readJson, safeStore, type KeyValueStore } from './storage.js';

export { memoryStore, type KeyValueStore } from './storage.js';

export interface EmployeeState {
  /** `refused`: the server turned the token down for good (see `error`); nothing should be shown. */
  connection: ConnectionState | 'refused';
  /** Active, not dismissed: urgent first, then important, then normal; newest first within a priority. */
  announcements: EmployeeAnnouncement[];
  /** Whether the first list has arrived (before it, "no announcements" is not yet known). */
  loaded: boolean;
  error: ProtocolError | null;
}

export interface EmployeeClientOptions {
  /** Server origin, e.g. `https://chat.example.com`. */
  server: string;
  siteKey: string;
  /** The intranet's signed employee token, when the page has it already. */
  token?: string;
  /**
   * Gets a fresh token: called when there is none yet and when the server refuses the one held as
   * expired. Typically a fetch of the intranet's token URL with the page's cookies ({@link tokenFromUrl}).
   */
  fetchToken?: () => Promise<string>;
  /** Texts in this language rather than the token's. */
  locale?: Locale;
  /** Where unconfirmed acknowledgements wait; defaults to localStorage (memory where unavailable). */
  storage?: KeyValueStore;
  /** The fetch to use (tests cut the network with it); defaults to the global one. */
  fetch?: typeof fetch;
}

type ReceiptCommand = 'seen' | 'ack' | 'dismiss';
interface Pending {
  kind: ReceiptCommand;
  id: string;
}
type Result<T> = { ok: true; data: T } | { ok: false; error: ProtocolError; retryAfterMs?: number };

const RANK = { urgent: 0, important: 1, normal: 2 } as const;
const RETRY_MS = 3000;
/** The server comments every 25 s: this long without a byte means the stream is dead (a proxy ate it). */
const SILENCE_MS = 60_000;
/** Reconnects back off from 0.5 s to this, with jitter, so a restart is not met by every tab at once. */
const BACKOFF_MAX_MS = 8000;
/** Refusals after which retrying cannot help; anything else (503, 429, network) is retried. */
const REFUSED = ['unauthorized', 'forbidden', 'not_found'];

/** Sort order of the banner: priority, then newest first. */
export function byUrgency(a: EmployeeAnnouncement, b: EmployeeAnnouncement): number {
  return RANK[a.priority] - RANK[b.priority] || Date.parse(b.startsAt) - Date.parse(a.startsAt);
}

/** The intranet's token endpoint answers `{token}` for the signed-in employee (sent with the page's cookies). */
export function tokenFromUrl(url: string): () => Promise<string> {
  return async () => {
    const res = await fetch(url, { credentials: 'include', headers: { accept: 'application/json' } });
    const body = (await res.json().catch(() => null)) as { token?: unknown } | null;
    if (!res.ok || typeof body?.token !== 'string' || !body.token) throw new Error(`the employee token URL answered HTTP ${res.status}`);
    return body.token;
  };
}

/**
 * The token's claims, read without verifying (the server verifies): the subject names this person's
 * pending receipts, the locale the language of the banner's own words.
 */
function claimsOf(token: string): { sub?: unknown; locale?: unknown } {
  try {
    const part = token.split('.')[1] ?? '';
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    return (JSON.parse(new TextDecoder().decode(bytes)) as { sub?: unknown; locale?: unknown }) ?? {};
  } catch {
    return {};
  }
}
const LOCALES: readonly string[] = ['en', 'zh-CN', 'zh-TW'];

/** A REST or stream refusal as the server words it (`{error: {code, message}}`), or a status-based stand-in. */
async function errorOf(res: Response): Promise<{ error: ProtocolError; retryAfterMs?: number }> {
  const body = (await res.json().catch(() => null)) as { error?: ProtocolError } | null;
  const error = body?.error?.code ? body.error : { code: res.status >= 500 ? 'unavailable' : 'internal', message: `HTTP ${res.status}` };
  const after = Number(res.headers.get('retry-after'));
  return after > 0 ? { error: error as ProtocolError, retryAfterMs: after * 1000 } : { error: error as ProtocolError };
}
const unreachable = (): ProtocolError => ({ code: 'unavailable', message: 'The server could not be reached.' });

/**
 * An employee's announcements: the list on every (re)connect, live pushes, and receipts (seen,
 * acknowledged, dismissed) that are never lost. A receipt waits in storage until the server confirms it
 * and is re-sent after every reconnect, also after a reload (the server keeps the first of each, so
 * re-sending is harmless). UI code reads `state` (replaced on every change) and listens for `change`;
 * `arrived` (CustomEvent<EmployeeAnnouncement>) fires for each live push.
 */
export class EmployeeClient extends EventTarget {
  state: EmployeeState = { connection: 'idle', announcements: [], loaded: false, error: null };

  private readonly server: string;
  private readonly siteKey: string;
  private readonly locale: Locale | undefined;
  private readonly fetchToken: (() => Promise<string>) | undefined;
  private readonly store: KeyValueStore;
  private readonly fetch: typeof fetch;
  private token: string;
  /** The announcements as the server last told us (receipts included); `state` adds what is pending. */
  private held: EmployeeAnnouncement[] = [];
  /** The open (or opening) stream's request; aborting it ends the stream. */
  private stream: AbortController | null = null;
  private started = false;
  private failures = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private silenceTimer: ReturnType<typeof setTimeout> | null = null;
  private listed: Array<() => void> = [];
  private pending: Pending[] = [];
  private pendingKey = '';
  private flushing: Promise<void> | null = null;
  private flushAgain = false;
  /** Seen receipts the server answered for good: the UI marks on every render, which must not re-send a refused one forever. */
  private readonly seenSettled = new Set<string>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** A fresh token was fetched after a refusal and has not been listed with yet: a second refusal is final. */
  private refetched = false;
  private renewing: Promise<boolean> | null = null;
  private closed = false;

  constructor(options: EmployeeClientOptions) {
    super();
    this.server = options.server.replace(/\/+$/, '');
    this.siteKey = options.siteKey;
    this.locale = options.locale;
    this.fetchToken = options.fetchToken;
    this.store = safeStore(options.storage);
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.token = options.token ?? '';
    // Receipts can be given before connecting (or while the token is fetched): they wait in storage.
    if (this.token) this.adoptPending();
  }

  /** Connects (once). Resolves when the stream is opening, or after a refusal. */
  async connect(): Promise<void> {
    if (this.started || this.closed) return;
    this.started = true;
    this.publish({ connection: 'connecting', error: null });
    if (!this.token && !(await this.renew(true))) return;
    if (this.closed) return;
    this.adoptPending();
    void this.open();
  }

  /** Asks for the list again (a new stream; the client does this on every reconnect by itself). Resolves once it is in. */
  refresh(): Promise<void> {
    if (!this.started || this.closed || this.state.connection === 'refused') return Promise.resolve();
    const listed = new Promise<void>((resolve) => this.listed.push(resolve));
    this.stream?.abort();
    this.stream = null;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    void this.open();
    return listed;
  }

  /** Marks an announcement seen (shown on screen). Idempotent. */
  seen(id: string): void {
    const a = this.held.find((x) => x.id === id);
    if (!a || a.seenAt || this.has('seen', id) || this.has('ack', id) || this.seenSettled.has(id)) return;
    this.enqueue('seen', id);
  }

  /** "I have read this": kept and re-sent until the server has it. Shown as acknowledged at once. */
  acknowledge(id: string): void {
    if (this.has('ack', id)) return;
    this.enqueue('ack', id);
  }

  /** Closes an announcement for good (not while it awaits an acknowledgement). */
  dismiss(id: string): void {
    const a = this.state.announcements.find((x) => x.id === id);
    if (!a || (a.ackRequired && !a.acknowledgedAt)) return;
    if (!this.has('dismiss', id)) this.enqueue('dismiss', id);
  }

  /** The employee's language as their token states it (null before a token is known, or without one). */
  get employeeLocale(): Locale | null {
    const locale = this.token ? claimsOf(this.token).locale : null;
    return typeof locale === 'string' && LOCALES.includes(locale) ? (locale as Locale) : null;
  }

  /** Receipts not yet confirmed by the server (for tests and for a "saving…" hint). */
  get unconfirmed(): ReadonlyArray<Readonly<Pending>> {
    return this.pending;
  }

  disconnect(): void {
    this.closed = true;
    for (const t of [this.retryTimer, this.reconnectTimer, this.silenceTimer]) if (t) clearTimeout(t);
    this.stream?.abort();
    this.stream = null;
    this.settleListed();
    this.publish({ connection: 'idle' });
  }

  // ---------- the stream ----------

  private async open(): Promise<void> {
    if (this.closed) return;
    const controller = new AbortController();
    this.stream = controller;
    const query = `site=${encodeURIComponent(this.siteKey)}${this.locale ? `&locale=${encodeURIComponent(this.locale)}` : ''}`;
    let res: Response;
    try {
      res = await this.fetch(`${this.server}/api/employee/stream?${query}`, {
        headers: { authorization: `Bearer ${this.token}`, accept: 'text/event-stream' },
        cache: 'no-store',
        signal: controller.signal,
      });
    } catch {
      return this.ended(controller);
    }
    if (this.stream !== controller) return void res.body?.cancel().catch(() => undefined);
    if (!res.ok) {
      const { error, retryAfterMs } = await errorOf(res);
      if (this.stream !== controller) return;
      // A page left open past its token's expiry: fetch a fresh one once and try again.
      if (error.code === 'unauthorized' && /expired/i.test(error.message) && this.fetchToken && !this.refetched) {
        this.refetched = true;
        if (await this.renew(true)) void this.open();
        return;
      }
      if (REFUSED.includes(error.code)) return this.refuse(error);
      this.publish({ error });
      return this.ended(controller, retryAfterMs);
    }
    const feed = sseReader((event, data) => this.onEvent(event, data));
    const decoder = new TextDecoder();
    const reader = res.body!.getReader();
    this.heard(controller);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || this.stream !== controller) break;
        this.heard(controller);
        feed(decoder.decode(value, { stream: true }));
      }
    } catch {
      // Aborted (silence, refresh, disconnect) or the network went: reconnect below unless replaced.
    }
    reader.cancel().catch(() => undefined);
    this.ended(controller);
  }

  /** Bytes arrived: the stream is alive for another SILENCE_MS. */
  private heard(controller: AbortController): void {
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => controller.abort(), SILENCE_MS);
  }

  /** The stream of `controller` ended or could not open: try again after a backoff, unless it was replaced. */
  private ended(controller: AbortController, retryAfterMs?: number): void {
    if (this.stream !== controller || this.closed) return;
    this.stream = null;
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    this.publish({ connection: 'connecting' });
    const backoff = Math.min(BACKOFF_MAX_MS, 500 * 2 ** this.failures++) * (0.5 + Math.random() / 2);
    this.reconnectTimer = setTimeout(() => void this.open(), Math.max(backoff, retryAfterMs ?? 0));
  }

  private onEvent(event: string, data: string): void {
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    switch (event as keyof EmployeeStreamEvents) {
      case 'list':
        this.failures = 0;
        this.refetched = false;
        this.setAnnouncements(payload as EmployeeAnnouncement[], true);
        this.publish({ connection: 'online', error: null });
        this.settleListed();
        void this.flush();
        return;
      case 'announcement:new': {
        const a = payload as EmployeeAnnouncement;
        const held = this.held.find((x) => x.id === a.id);
        const merged = held ? { ...a, seenAt: held.seenAt, acknowledgedAt: held.acknowledgedAt, dismissedAt: held.dismissedAt } : a;
        this.setAnnouncements([...this.held.filter((x) => x.id !== a.id), merged]);
        const shown = this.state.announcements.find((x) => x.id === a.id);
        if (shown) this.dispatchEvent(new CustomEvent<EmployeeAnnouncement>('arrived', { detail: shown }));
        return;
      }
      case 'announcement:withdrawn':
      case 'announcement:ended': {
        const { id } = payload as { id: string };
        return this.setAnnouncements(this.held.filter((x) => x.id !== id));
      }
      case 'announcement:receipt':
        return this.applyReceipt(payload as EmployeeReceipt);
    }
  }

  private settleListed(): void {
    for (const resolve of this.listed.splice(0)) resolve();
  }

  // ---------- the token ----------

  /**
   * Fetches a fresh token (one fetch at a time, however many callers). `refuseOnFailure`: the stream
   * cannot start without one, so nothing is shown; a receipt only waits for the next page.
   */
  private renew(refuseOnFailure: boolean): Promise<boolean> {
    this.renewing ??= (async () => {
      if (!this.fetchToken) {
        if (refuseOnFailure) this.refuse({ code: 'unauthorized', message: 'no employee token' });
        return false;
      }
      try {
        this.token = await this.fetchToken();
        // Another person's token (the intranet's sign-in changed): their receipts are not this one's.
        this.adoptPending();
        return true;
      } catch (err) {
        if (refuseOnFailure) this.refuse({ code: 'unauthorized', message: err instanceof Error ? err.message : String(err) });
        return false;
      }
    })().finally(() => (this.renewing = null));
    return this.renewing;
  }

  private refuse(error: ProtocolError): void {
    this.stream?.abort();
    this.stream = null;
    for (const t of [this.reconnectTimer, this.silenceTimer]) if (t) clearTimeout(t);
    this.held = [];
    this.publish({ connection: 'refused', error, announcements: [], loaded: true });
    this.settleListed();
  }

  // ---------- receipts ----------

  /** Loads the pending receipts of the token's person. */
  private adoptPending(): void {
    const sub = claimsOf(this.token).sub;
    const key = `parley:${this.siteKey}:employee:${typeof sub === 'string' ? sub : ''}:receipts`;
    if (key === this.pendingKey) return;
    this.pendingKey = key;
    this.pending = (readJson<Pending[]>(this.store, key) ?? []).filter((p) => p && typeof p.id === 'string' && ['seen', 'ack', 'dismiss'].includes(p.kind));
  }

  private has(kind: ReceiptCommand, id: string): boolean {
    return this.pending.some((p) => p.kind === kind && p.id === id);
  }

  private enqueue(kind: ReceiptCommand, id: string): void {
    this.pending.push({ kind, id });
    this.save();
    this.setAnnouncements(this.held);
    void this.flush();
  }

  private save(): void {
    if (!this.pendingKey) return;
    if (this.pending.length) this.store.setItem(this.pendingKey, JSON.stringify(this.pending));
    else this.store.removeItem(this.pendingKey);
  }

  /**
   * Sends pending receipts one at a time, oldest first. A call while a pass runs asks for one more pass
   * after it: the running one may already be past its last look at the queue.
   */
  private flush(): Promise<void> {
    if (this.flushing) {
      this.flushAgain = true;
      return this.flushing;
    }
    this.flushing = this.flushPass().finally(() => {
      this.flushing = null;
      if (this.flushAgain) {
        this.flushAgain = false;
        void this.flush();
      }
    });
    return this.flushing;
  }

  private async post(p: Pending): Promise<Result<EmployeeReceipt>> {
    try {
      const res = await this.fetch(`${this.server}/api/employee/receipts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ site: this.siteKey, kind: p.kind, id: p.id }),
        signal: AbortSignal.timeout(15_000),
      });
      if (res.ok) return { ok: true, data: ((await res.json()) as { receipt: EmployeeReceipt }).receipt };
      return { ok: false, ...(await errorOf(res)) };
    } catch {
      return { ok: false, error: unreachable() };
    }
  }

  private async flushPass(): Promise<void> {
    let renewed = false;
    for (;;) {
      const next = this.pending[0];
      // Sent while the stream is up: then the server is reachable, and the list has our receipts' announcements.
      if (!next || this.state.connection !== 'online' || this.closed) return;
      const result = await this.post(next);
      if (!result.ok) {
        const { code, message } = result.error;
        // The token expired while the stream stayed open: renew once and send again.
        if (code === 'unauthorized' && /expired/i.test(message) && !renewed) {
          renewed = true;
          if (await this.renew(false)) continue;
        }
        // Kept in storage. Passing trouble: sent again after a pause (and on the next reconnect). A token
        // that cannot be renewed: on the next page, which will have a fresh one.
        if (code === 'unauthorized') return;
        if (!['invalid', 'not_found', 'forbidden', 'closed'].includes(code)) {
          if (this.retryTimer) clearTimeout(this.retryTimer);
          this.retryTimer = setTimeout(() => void this.flush(), Math.max(RETRY_MS, result.retryAfterMs ?? 0));
          return;
        }
      }
      this.pending = this.pending.filter((p) => p !== next);
      this.save();
      if (next.kind === 'seen') this.seenSettled.add(next.id);
      if (result.ok) this.applyReceipt(result.data);
      // Refused for good (withdrawn meanwhile, or dismissing what still needs an acknowledgement): shown as the server has it.
      else this.setAnnouncements(this.held);
    }
  }

  private applyReceipt(r: EmployeeReceipt): void {
    this.setAnnouncements(this.held.map((a) => (a.id === r.id ? { ...a, seenAt: r.seenAt, acknowledgedAt: r.acknowledgedAt, dismissedAt: r.dismissedAt } : a)));
  }

  /** Applies what is still pending on top of what the server said, hides the dismissed, sorts. */
  private setAnnouncements(list: EmployeeAnnouncement[], loaded = this.state.loaded): void {
    this.held = list;
    const now = new Date().toISOString();
    const shown = list
      .map((a) => ({
        ...a,
        seenAt: a.seenAt ?? (this.has('seen', a.id) || this.has('ack', a.id) ? now : null),
        acknowledgedAt: a.acknowledgedAt ?? (this.has('ack', a.id) ? now : null),
        dismissedAt: a.dismissedAt ?? (this.has('dismiss', a.id) ? now : null),
      }))
      .filter((a) => !a.dismissedAt)
      .sort(byUrgency);
    this.publish({ announcements: shown, loaded });
  }

  private publish(patch: Partial<EmployeeState>): void {
    this.state = { ...this.state, ...patch };
    this.dispatchEvent(new Event('change'));
  }
}
