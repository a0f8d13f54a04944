import { isIP } from 'node:net';

/**
 * The address a per-IP limit is keyed on. Behind `trustProxy` reverse proxies the socket's peer is the
 * proxy, so the client is the entry that many hops from the right of X-Forwarded-For (entries further
 * left were written by the client and can be forged). IPv6 clients are keyed by their /64: one
 * subscriber usually holds a whole /64, so per-address keys would give an attacker 2^64 buckets.
 */
export function clientIp(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: number): string {
  let address = remoteAddress ?? '';
  if (trustProxy > 0 && forwardedFor) {
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    // Too few entries means a request that bypassed a proxy: the leftmost is as good as it gets.
    const pick = hops[Math.max(0, hops.length - trustProxy)];
    if (pick) address = pick;
  }
  return ipKey(address);
}

/** `::ffff:1.2.3.4` -> `1.2.3.4`; IPv6 -> its /64 prefix; anything unparsable is kept as is (one bucket). */
export function ipKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) !== 6) return address || 'unknown';
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
