/**
 * For browser tests only: a fresh agent of the test's own (/__parley__/fresh-agent.json), two-factor
 * enrolment through the real REST API, and TOTP codes computed with WebCrypto (RFC 6238: HMAC-SHA1,
 * 30-second steps, 6 digits), as an authenticator app would.
 */
export interface ServerInfo {
  url: string;
}
export interface FreshAgent {
  id: string;
  email: string;
  password: string;
  name: string;
}

export const serverInfo = async (): Promise<ServerInfo> => (await (await fetch('/__parley__/server.json')).json()) as ServerInfo;

export async function freshAgent(role: 'agent' | 'supervisor' | 'admin' = 'agent'): Promise<FreshAgent> {
  return (await (await fetch(`/__parley__/fresh-agent.json?role=${role}&n=${Math.random()}`, { cache: 'no-store' })).json()) as FreshAgent;
}

function base32(secret: string): Uint8Array<ArrayBuffer> {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of secret.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const bytes = new Uint8Array(new ArrayBuffer(Math.floor(bits.length / 8)));
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  return bytes;
}

/** The code an app shows at `at` (ms), or `steps` 30-second steps from now. */
export async function totp(secret: string, steps = 0, at = Date.now()): Promise<string> {
  const counter = Math.floor(at / 30_000) + steps;
  const message = new DataView(new ArrayBuffer(8));
  message.setUint32(0, Math.floor(counter / 2 ** 32));
  message.setUint32(4, counter >>> 0);
  const key = await crypto.subtle.importKey('raw', base32(secret), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const h = new Uint8Array(await crypto.subtle.sign('HMAC', key, message.buffer));
  const o = h[19]! & 15;
  const n = (((h[o]! & 0x7f) << 24) | (h[o + 1]! << 16) | (h[o + 2]! << 8) | h[o + 3]!) % 1_000_000;
  return String(n).padStart(6, '0');
}

async function post<T>(url: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${url}/api/auth${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function signInToken(url: string, a: FreshAgent): Promise<string> {
  return (await post<{ token: string }>(url, '/login', { email: a.email, password: a.password })).token;
}

/** A fresh agent with two-factor on; the current step's code is spent by the enrolment. */
export async function enrolledAgent(url: string): Promise<FreshAgent & { secret: string; recoveryCodes: string[] }> {
  const agent = await freshAgent();
  const token = await signInToken(url, agent);
  const { secret } = await post<{ secret: string }>(url, '/two-factor/start', {}, token);
  const { recoveryCodes } = await post<{ recoveryCodes: string[] }>(url, '/two-factor/confirm', { code: await totp(secret) }, token);
  return { ...agent, secret, recoveryCodes };
}
