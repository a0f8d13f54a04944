import type { Ack } from '@parley/protocol';
import type { AppContext } from '../context.js';
import type { Metrics } from './registry.js';

type Packet = unknown[];

/**
 * A per-socket packet middleware that times each command from receipt to ack by wrapping the ack
 * callback Socket.IO appends to the packet. Done here rather than in every handler, so handlers stay
 * unaware of metrics and the count covers every command, refusals included.
 */
export function instrumentPackets(metrics: Metrics, author: 'visitor' | 'agent', handles: (event: string) => boolean) {
  return (packet: Packet, next: (err?: Error) => void) => {
    const last = packet.length - 1;
    const ack = packet[last];
    const event = packet[0];
    // Only events with a handler count: made-up names from a client must neither grow the label set
    // nor leave the in-flight gauge raised by an ack that nobody will call.
    if (typeof ack !== 'function' || typeof event !== 'string' || !handles(event)) return next();
    const t0 = performance.now();
    metrics.dbInFlight.inc({ source: 'socket' });
    let done = false;
    packet[last] = (response: Ack<unknown>) => {
      if (!done) {
        done = true;
        metrics.dbInFlight.dec({ source: 'socket' });
        const result = response && typeof response === 'object' && 'ok' in response ? (response.ok ? 'ok' : response.error.code) : 'ok';
        metrics.acks.inc({ event, result });
        if (result !== 'rate_limited') metrics.ackLatency.observe({ event }, (performance.now() - t0) / 1000);
        if (result === 'ok' && event === 'message:send') metrics.messages.inc({ author });
        if (result === 'unavailable') metrics.dbErrors.inc({ source: 'socket' });
      }
      (ack as (r: unknown) => void)(response);
    };
    next();
  };
}

/** Registers the packet middleware on every socket of both namespaces; call before the handlers. */
export function instrumentSockets(ctx: AppContext): void {
  ctx.visitors.on('connection', (socket) => socket.use(instrumentPackets(ctx.metrics, 'visitor', (e) => socket.listeners(e as 'message:send').length > 0)));
  ctx.agents.on('connection', (socket) => socket.use(instrumentPackets(ctx.metrics, 'agent', (e) => socket.listeners(e as 'message:send').length > 0)));
}
