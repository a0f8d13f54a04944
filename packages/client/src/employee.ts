import type { Socket } from 'socket.io-client';
import type { EmployeeAnnouncement, EmployeeClientEvents, EmployeeReceipt, EmployeeServerEvents, Locale, ProtocolError } from '@parley/protocol';
import { closeSocket, openSocket, request, type ConnectionState } from './connection.js';
import { isConnectionProblem } from './errors.js';
import { readJson, safeStore, type KeyValueStore } from './storage.js';

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
}

type EmployeeSocket = Socket<EmployeeServerEvents, EmployeeClientEvents>;
type ReceiptCommand = 'seen' | 'ack' | 'dismiss';
interface Pending {
  kind: ReceiptCommand;
  id: string;
}

const RANK = { urgent: 0, important: 1, normal: 2 } as const;
const RETRY_MS = 3000;

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

/**
 * An employee's announcements over `/employee`: the list on every (re)connect, live pushes, and
 * receipts (seen, acknowledged, dismissed) that are never lost. A receipt waits in storage until the
 * server confirms it and is re-sent after every reconnect, also after a reload (the server keeps the
 * first of each, so re-sending is harmless). UI code reads `state` (replaced on every change) and
 * listens for `change`; `arrived` (CustomEvent<EmployeeAnnouncement>) fires for each live push.
 */
export class EmployeeClient extends EventTarget {
  state: EmployeeState = { connection: 'idle', announcements: [], loaded: false, error: null };

  private readonly server: string;
  private readonly siteKey: string;
  private readonly locale: Locale | undefined;
  private readonly fetchToken: (() => Promise<string>) | undefined;
  private readonly store: KeyValueStore;
  private token: string;
  /** The announcements as the server last told us (receipts included); `state` adds what is pending. */
  private held: EmployeeAnnouncement[] = [];
  private socket: EmployeeSocket | null = null;
  private pending: Pending[] = [];
  private pendingKey = '';
  private flushing: Promise<void> | null = null;
  private flushAgain = false;
  /** Seen receipts the server answered for good: the UI marks on every render, which must not re-send a refused one forever. */
  private readonly seenSettled = new Set<string>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** A fresh token was fetched after a refusal and has not connected yet: a second refusal is final. */
  private refetched = false;
  private closed = false;

  constructor(options: EmployeeClientOptions) {
    super();
    this.server = options.server.replace(/\/+$/, '');
    this.siteKey = options.siteKey;
    this.locale = options.locale;
    this.fetchToken = options.fetchToken;
    this.store = safeStore(options.storage);
    this.token = options.token ?? '';
    // Receipts can be given before connecting (or while the token is fetched): they wait in storage.
    if (this.token) this.adoptPending();
  }

  /** Connects (once). Resolves when the socket is opening, or after a refusal. */
  async connect(): Promise<void> {
    if (this.socket || this.closed) return;
    this.publish({ connection: 'connecting', error: null });
    if (!this.token) {
      const fresh = await this.freshToken();
      if (!fresh) return;
    }
    if (this.closed) return;
    this.adoptPending();
    const socket = openSocket<EmployeeSocket>(`${this.server}/employee`, this.auth(), {
      onState: (connection) => this.publish(this.state.connection === 'refused' ? {} : { connection }),
      onRefused: (error) => void this.onRefused(error),
    });
    socket.on('connect', () => {
      this.refetched = false;
      void this.refresh();
    });
    socket.on('announcement:new', (a) => {
      const held = this.held.find((x) => x.id === a.id);
      const merged = held ? { ...a, seenAt: held.seenAt, acknowledgedAt: held.acknowledgedAt, dismissedAt: held.dismissedAt } : a;
      this.setAnnouncements([...this.held.filter((x) => x.id !== a.id), merged]);
      const shown = this.state.announcements.find((x) => x.id === a.id);
      if (shown) this.dispatchEvent(new CustomEvent<EmployeeAnnouncement>('arrived', { detail: shown }));
    });
    const remove = ({ id }: { id: string }) => this.setAnnouncements(this.held.filter((x) => x.id !== id));
    socket.on('announcement:withdrawn', remove);
    socket.on('announcement:ended', remove);
    socket.on('announcement:receipt', (r) => this.applyReceipt(r));
    this.socket = socket;
  }

  /** Re-fetches the list (the client does this on every reconnect by itself). */
  async refresh(): Promise<void> {
    const ack = await request<EmployeeAnnouncement[]>(this.socket, 'announcement:list', {});
    if (!ack.ok) {
      this.publish({ error: ack.error });
      // Throttled or the database briefly away: ask again while connected (a reconnect asks anyway).
      if (isConnectionProblem(ack.error) || ack.error.code === 'internal') setTimeout(() => this.socket?.connected && void this.refresh(), RETRY_MS);
      return;
    }
    this.setAnnouncements(ack.data, true);
    if (this.state.error) this.publish({ error: null });
    void this.flush();
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
    if (this.retryTimer) clearTimeout(this.retryTimer);
    closeSocket(this.socket);
    this.socket = null;
    this.publish({ connection: 'idle' });
  }

  // ---------- internals ----------

  private auth() {
    return { siteKey: this.siteKey, token: this.token, ...(this.locale ? { locale: this.locale } : {}) };
  }

  /** Fetches a token; on failure the client is refused (the page's sign-in is gone, or its URL broken). */
  private async freshToken(): Promise<boolean> {
    if (!this.fetchToken) {
      this.refuse({ code: 'unauthorized', message: 'no employee token' });
      return false;
    }
    try {
      this.token = await this.fetchToken();
      return true;
    } catch (err) {
      this.refuse({ code: 'unauthorized', message: err instanceof Error ? err.message : String(err) });
      return false;
    }
  }

  /**
   * A refused handshake. An expired token is normal on a page left open past its expiry: fetch a fresh
   * one once and try again. Anything else (forged, wrong site, refused again) is final.
   */
  private async onRefused(error: ProtocolError): Promise<void> {
    const socket = this.socket;
    if (!socket || this.closed) return;
    if (error.code === 'unauthorized' && this.fetchToken && !this.refetched && /expired/i.test(error.message)) {
      this.refetched = true;
      if (!(await this.freshToken())) return;
      // Another person's token (the intranet's sign-in changed): their receipts are not this one's.
      this.adoptPending();
      socket.auth = this.auth();
      socket.connect();
      return;
    }
    this.refuse(error);
  }

  private refuse(error: ProtocolError): void {
    closeSocket(this.socket);
    this.socket = null;
    this.held = [];
    this.publish({ connection: 'refused', error, announcements: [], loaded: true });
  }

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

  private async flushPass(): Promise<void> {
    for (;;) {
      const next = this.pending[0];
      if (!next || !this.socket?.connected || this.closed) return;
      const event = next.kind === 'ack' ? 'announcement:ack' : next.kind === 'seen' ? 'announcement:seen' : 'announcement:dismiss';
      const ack = await request<EmployeeReceipt>(this.socket, event, { id: next.id });
      if (!ack.ok && (isConnectionProblem(ack.error) || ack.error.code === 'internal')) {
        // Kept: re-sent on the next reconnect, or after a pause if the socket stays up.
        if (this.retryTimer) clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => void this.flush(), RETRY_MS);
        return;
      }
      this.pending = this.pending.filter((p) => p !== next);
      this.save();
      if (next.kind === 'seen') this.seenSettled.add(next.id);
      if (ack.ok) this.applyReceipt(ack.data);
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
