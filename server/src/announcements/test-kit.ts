/** Helpers for the announcement tests: employee tokens, /employee sockets, console calls. Not a test file. */
import { eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { io, type Socket } from 'socket.io-client';
import type { Announcement, AnnouncementInput } from '@parley/protocol';
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

const open = new Set<Socket>();

/** A real socket.io-client on /employee; rejects with the connect_error (its `data.code`). */
export function connectEmployee(url: string, auth: Record<string, unknown>): Promise<Socket> {
  const socket = io(`${url}/employee`, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
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

/** Resolves to every `event` a socket receives within `ms` (for "nothing arrives" checks). */
export function collect<T = any>(socket: Socket, event: string, ms: number): Promise<T[]> {
  const got: T[] = [];
  const on = (p: T) => got.push(p);
  socket.on(event, on);
  return new Promise((resolve) =>
    setTimeout(() => {
      socket.off(event, on);
      resolve(got);
    }, ms),
  );
}
