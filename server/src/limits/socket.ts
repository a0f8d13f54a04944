import type { Namespace, Socket } from 'socket.io';
import type { AppContext } from '../context.js';
import { toProtocolError } from '../lib/errors.js';
import { clientIp } from './client-ip.js';
import type { LimitName } from './limiters.js';

type Packet = unknown[];

/** The per-IP key of a handshake, honouring TRUST_PROXY like the REST routes do. */
export function socketIp(ctx: AppContext, socket: Pick<Socket, 'handshake'>): string {
  return clientIp(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], ctx.config.trustProxy);
}

/**
 * Which commands cost points, and from which bucket. Only the commands that create rows: they are
 * what a flood would leave behind, in the database and in the agents' queues.
 */
function costOf(event: string, role: 'visitor' | 'agent', data: { visitorId?: string; agentId?: string }, ip: string): [LimitName, string] | undefined {
  if (event === 'message:send') return role === 'visitor' ? ['visitorMessages', data.visitorId!] : ['agentMessages', data.agentId!];
  if (event === 'conversation:start' && role === 'visitor') return ['conversationsPerIp', ip];
  return undefined;
}

/**
 * Refuses a limited command before its handler runs: the ack carries `rate_limited` with
 * `retryAfterMs` and nothing is read or written. Commands without a cost pass straight through, so
 * the limiter adds no await to them.
 */
function limitPackets(ctx: AppContext, socket: Socket, role: 'visitor' | 'agent') {
  const ip = socketIp(ctx, socket);
  return (packet: Packet, next: (err?: Error) => void) => {
    const event = packet[0];
    const cost = typeof event === 'string' ? costOf(event, role, socket.data as { visitorId?: string; agentId?: string }, ip) : undefined;
    if (!cost) return next();
    ctx.limits.take(cost[0], cost[1]).then(
      () => next(),
      (err: unknown) => {
        const ack = packet[packet.length - 1];
        const { error, unexpected } = toProtocolError(err);
        if (unexpected) ctx.logger.error({ err, event }, 'rate limit check failed');
        ctx.metrics.commands[role].refused(event as string, error.code);
        if (typeof ack === 'function') ack({ ok: false, error });
      },
    );
  };
}

/**
 * Per-IP handshake limit, registered before the namespaces' authentication so a connection flood
 * is refused without touching the database. A refusal is `connect_error` with data.code.
 */
function limitHandshakes(ctx: AppContext) {
  return (socket: Socket, next: (err?: Error) => void) => {
    ctx.limits.take('connectionsPerIp', socketIp(ctx, socket)).then(
      () => next(),
      (err: unknown) => {
        const { error } = toProtocolError(err);
        next(Object.assign(new Error(error.message), { data: error }));
      },
    );
  };
}

/** Installs every socket-side flood limit; call before the namespaces register their handlers. */
export function installSocketLimits(ctx: AppContext): void {
  // Both namespaces as the untyped Namespace: the limits read only the handshake and socket.data.
  const namespaces = [
    [ctx.visitors as unknown as Namespace, 'visitor'],
    [ctx.agents as unknown as Namespace, 'agent'],
  ] as const;
  for (const [nsp, role] of namespaces) {
    nsp.use(limitHandshakes(ctx));
    nsp.on('connection', (socket: Socket) => socket.use(limitPackets(ctx, socket, role)));
  }
}
