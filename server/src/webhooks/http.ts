/**
 * One webhook POST: a hard deadline, no redirects followed, a capped answer, and (WEBHOOK_PRIVATE=deny)
 * no connection to loopback, private, link-local or otherwise internal addresses. That check runs on the
 * addresses the name actually resolves to, in the socket's own lookup, so a name that resolves to a
 * public address when saved and to 127.0.0.1 when called (DNS rebinding) is still refused.
 */
import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Enough for any robot's JSON answer; the rest of a large body is not read. */
const MAX_ANSWER_BYTES = 64 * 1024;

const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  internal.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  internal.addSubnet(net, prefix, 'ipv6');

/** True for addresses that are not on the public internet (IPv4-mapped IPv6 judged by its IPv4). */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return internal.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return false;
  return internal.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** A URL's host when it is a literal address or a name that always means this machine; else null. */
export function literalInternalHost(url: string): string | null {
  // `localhost.` is `localhost`; brackets only wrap an IPv6 literal.
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return host;
  return isIP(host) && isInternalAddress(host) ? host : null;
}

export class InternalAddressError extends Error {
  override name = 'InternalAddressError';
  readonly code = 'EINTERNAL';
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that refuses to hand the socket an internal address. */
function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const bad = addresses.find((a) => isInternalAddress(a.address));
    if (bad) return callback(new InternalAddressError(`${hostname} resolves to ${bad.address}, an internal address (WEBHOOK_PRIVATE=deny)`), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

export interface PostResult {
  /** The HTTP status, or null when there was none (refused, timed out, blocked). */
  status: number | null;
  body: string;
  error: string | null;
  ms: number;
  /** The call can never succeed as configured (blocked address): not worth a retry. */
  permanent: boolean;
}

export function postJson(url: string, headers: Record<string, string>, body: string, opts: { allowInternal: boolean; timeoutMs?: number }): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timeoutMs = opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return new Promise((resolve) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (r: Omit<PostResult, 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, ms: elapsed() });
    };
    if (!opts.allowInternal) {
      // A literal address never goes through the lookup, so it is judged here.
      const host = literalInternalHost(url);
      if (host) return done({ status: null, body: '', error: `${host} is an internal address (WEBHOOK_PRIVATE=deny)`, permanent: true });
    }
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = send(url, {
      method: 'POST',
      // No pooling: a webhook is one request, and an idle kept-alive socket would hold the receiver open.
      agent: false,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      ...(opts.allowInternal ? {} : { lookup: publicOnlyLookup as never }),
    });
    timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < MAX_ANSWER_BYTES) chunks.push(c);
        size += c.length;
      });
      res.on('end', () => done({ status: res.statusCode ?? null, body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_ANSWER_BYTES), error: null, permanent: false }));
      res.on('error', (err) => done({ status: res.statusCode ?? null, body: '', error: err.message, permanent: false }));
    });
    req.on('error', (err) => {
      const internalRefused = err instanceof InternalAddressError || (err as { cause?: unknown }).cause instanceof InternalAddressError;
      done({ status: null, body: '', error: err.message || String(err), permanent: internalRefused });
    });
    req.end(body);
  });
}
