/**
 * Real socket.io-client connections for tests (server tests here, end-to-end helpers elsewhere).
 * Sockets are untyped on purpose: tests also send payloads the protocol forbids.
 */
import { after, before } from 'node:test';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { Ack, LoginResult, VisitorSession } from '@parley/protocol';
import { startTestServer } from './testing.js';
import type { TestAccount, TestServer, TestServerOptions } from './testing.js';

export type { Socket };

const open = new Set<Socket>();

export function connect(url: string, nsp: '/visitor' | '/agent', auth: Record<string, unknown>, headers?: Record<string, string>): Promise<Socket> {
  const socket = io(url + nsp, { auth, transports: ['websocket'], forceNew: true, reconnection: false, ...(headers ? { extraHeaders: headers } : {}) });
  open.add(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      open.delete(socket);
      socket.close();
      reject(err);
    });
  });
}

/** Disconnects every socket opened through this module (after each test file). */
export function closeAllSockets(): void {
  for (const s of open) s.close();
  open.clear();
}

export function call<T = unknown>(socket: Socket, event: string, ...args: unknown[]): Promise<Ack<T>> {
  return socket.timeout(5000).emitWithAck(event, ...args) as Promise<Ack<T>>;
}

/** Resolves with the first `event` whose payload passes `match`. */
export function nextEvent<T = any>(socket: Socket, event: string, match: (payload: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    const handler = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      resolve(payload);
    };
    socket.on(event, handler);
  });
}

/** Everything `event` delivers from now on, in arrival order. */
export function record<T = any>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (p: T) => seen.push(p));
  return seen;
}

export async function createVisitorSession(url: string, siteKey: string, headers: Record<string, string> = {}): Promise<VisitorSession> {
  const res = await fetch(`${url}/api/visitor/session`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ siteKey }) });
  if (!res.ok) throw new Error(`visitor session: ${res.status} ${await res.text()}`);
  return (await res.json()) as VisitorSession;
}

export async function connectVisitor(server: { url: string; siteKey: string }): Promise<{ socket: Socket; session: VisitorSession }> {
  const session = await createVisitorSession(server.url, server.siteKey);
  const socket = await connect(server.url, '/visitor', { siteKey: server.siteKey, token: session.token });
  return { socket, session };
}

export async function login(url: string, account: Pick<TestAccount, 'email' | 'password'>): Promise<LoginResult> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: account.email, password: account.password }) });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  return (await res.json()) as LoginResult;
}

export async function connectAgent(server: { url: string }, account: TestAccount): Promise<{ socket: Socket; token: string }> {
  const { token } = await login(server.url, account);
  const socket = await connect(server.url, '/agent', { token });
  return { socket, token };
}

export function unwrap<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}: ${ack.error.message}`);
  return ack.data;
}

/**
 * One real server for a test file: started before its tests; closed, with every socket the tests
 * opened, after them. Read `env.server` inside tests (it is set once `before` has run).
 */
export function useTestServer(opts: TestServerOptions = {}): { server: TestServer } {
  const env = {} as { server: TestServer };
  before(async () => {
    env.server = await startTestServer(opts);
  });
  after(async () => {
    closeAllSockets();
    await env.server?.close();
  });
  return env;
}

/**
 * A fresh server per call, all closed after the file: for tests whose server-side state (rate-limit
 * budgets, metrics) must not leak from one test into the next.
 */
export function useTestServers(): (config?: TestServerOptions['config']) => Promise<TestServer> {
  const servers: TestServer[] = [];
  after(async () => {
    closeAllSockets();
    for (const s of servers) await s.close();
  });
  return async (config = {}) => {
    const server = await startTestServer({ config });
    servers.push(server);
    return server;
  };
}
