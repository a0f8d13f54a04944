import { io, type Socket } from 'socket.io-client';
import type { Ack, ConnectErrorData, ProtocolError } from '@parley/protocol';
import { offlineError, timeoutError } from './errors.js';

export type ConnectionState = 'idle' | 'connecting' | 'online' | 'offline';

/** How long a command may wait for its ack before the caller treats it as not delivered (and retries). */
export const ACK_TIMEOUT_MS = 10_000;

// Socket.IO's typed `timeout().emit()` loses the payload types (socket.io-client#1555), so commands
// go through this one untyped seam and every caller states the ack type it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySocket = Socket<any, any>;

/**
 * Emits a command and resolves with its ack, never rejects. Refuses while disconnected instead of
 * letting Socket.IO buffer the packet: a buffered command could be delivered after our own retry and
 * the caller must stay the only one deciding what is re-sent.
 */
export function request<T>(socket: AnySocket | null, event: string, payload: unknown, timeoutMs = ACK_TIMEOUT_MS): Promise<Ack<T>> {
  if (!socket?.connected) return Promise.resolve({ ok: false, error: offlineError() });
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(event, payload, (err: Error | null, response?: Ack<T>) => {
      if (err || !response) resolve({ ok: false, error: timeoutError() });
      else resolve(response);
    });
  });
}

export interface SocketHooks {
  onState(state: ConnectionState): void;
  /** The server refused the handshake (bad token, unknown site). Automatic reconnection stops for these. */
  onRefused(error: ProtocolError): void;
}

/**
 * Opens a namespace socket and maps its life cycle onto our four connection states. WebSocket first:
 * a widget lives on third-party pages where long-polling needs CORS round trips on every poll.
 */
export function openSocket<S extends AnySocket>(url: string, auth: Record<string, unknown>, hooks: SocketHooks): S {
  const socket = io(url, {
    auth,
    transports: ['websocket', 'polling'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    timeout: 10_000,
  }) as S;
  socket.on('connect', () => hooks.onState('online'));
  socket.on('disconnect', (reason) => {
    // A server shutting down (deploy, SIGTERM) disconnects us on purpose, and Socket.IO does not
    // reconnect after that by itself. Another process, or this one restarted, will take us: come back,
    // spread over a few seconds so a restart is not met by every client at the same instant. A revoked
    // session is refused at the handshake, which onRefused handles.
    if (reason === 'io server disconnect') {
      hooks.onState('connecting');
      setTimeout(() => closedByApp.has(socket) || socket.connect(), 500 + Math.random() * 2500);
      return;
    }
    hooks.onState(socket.active ? 'connecting' : 'offline');
  });
  socket.io.on('reconnect_attempt', () => hooks.onState('connecting'));
  socket.on('connect_error', (err: Error & { data?: ConnectErrorData }) => {
    const code = err.data?.code;
    // Refusals that retrying cannot change; two_factor_enrolment_required: the console must enrol first.
    if (code === 'unauthorized' || code === 'forbidden' || code === 'not_found' || code === 'two_factor_enrolment_required') {
      hooks.onState('offline');
      hooks.onRefused({ code, message: err.message });
      return;
    }
    // A middleware refusal for a passing reason (database briefly down) leaves the socket inactive;
    // transport errors keep it active and Socket.IO retries by itself.
    hooks.onState(socket.active ? 'connecting' : 'offline');
    // A throttled handshake says when to come back; coming back sooner only burns more of the budget.
    if (!socket.active) setTimeout(() => socket.connect(), Math.max(2000, err.data?.retryAfterMs ?? 0));
  });
  return socket;
}

/**
 * Sockets the app itself closed. A socket already disconnected by the server emits no second
 * `disconnect` when the app closes it too, so the intent is recorded here, where the delayed
 * reconnect above can see it.
 */
const closedByApp = new WeakSet<object>();

/** Closes a socket for good: no reconnect, whatever its state. */
export function closeSocket(socket: AnySocket | null): void {
  if (!socket) return;
  closedByApp.add(socket);
  socket.disconnect();
}

/** Resolves once the socket is connected, or false after the timeout. */
export function whenConnected(socket: AnySocket | null, timeoutMs = 15_000): Promise<boolean> {
  if (!socket) return Promise.resolve(false);
  if (socket.connected) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.off('connect', onConnect);
      resolve(ok);
    };
    const onConnect = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('connect', onConnect);
  });
}

/**
 * Typing signals without flooding: `true` goes out on the first keystroke and again every few seconds
 * while typing continues, `false` after a pause or when the message is sent.
 */
export class TypingSignal {
  private typing = false;
  private lastSent = 0;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly emit: (typing: boolean) => void,
    private readonly idleMs = 3000,
    private readonly refreshMs = 2500,
  ) {}

  set(typing: boolean): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (!typing) {
      if (this.typing) this.emit(false);
      this.typing = false;
      return;
    }
    const now = Date.now();
    if (!this.typing || now - this.lastSent > this.refreshMs) {
      this.emit(true);
      this.lastSent = now;
    }
    this.typing = true;
    this.idleTimer = setTimeout(() => this.set(false), this.idleMs);
  }

  dispose(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
  }
}
