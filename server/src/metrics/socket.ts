import type { Counter, Histogram } from 'prom-client';
import type { Ack } from '@parley/protocol';
import type { CommandObserver } from '../lib/socket.js';
import type { Metrics } from './registry.js';

/** A namespace's command metrics: what `command` reports (lib/socket.ts), and the middlewares' refusals. */
export interface SocketMetrics extends CommandObserver {
  /**
   * A packet middleware (flood limit, access rule) refused a command before its handler ran. Counted
   * in acks, not timed. Only for events that have a handler: made-up names from a client must not
   * grow the label set.
   */
  refused(event: string, code: string): void;
}

type Instruments = Pick<Metrics, 'messages' | 'ackLatency' | 'acks' | 'dbInFlight' | 'dbErrors'>;

/**
 * Times each command from receipt to ack and counts its result. The labelled children are looked up
 * once per event and result and kept: prom-client otherwise hashes the label object on every call,
 * and this runs for every chat message.
 */
export function socketMetrics(m: Instruments, author: 'visitor' | 'agent'): SocketMetrics {
  const inFlight = m.dbInFlight.labels({ source: 'socket' });
  const dbErrors = m.dbErrors.labels({ source: 'socket' });
  const sent = m.messages.labels({ author });
  const latency = children<Histogram.Internal<'event'>>((event) => m.ackLatency.labels({ event }));
  const acks = children<Counter.Internal>((key) => {
    const [event, result] = key.split('\n') as [string, string];
    return m.acks.labels({ event, result });
  });
  const count = (event: string, result: string) => {
    acks(`${event}\n${result}`).inc();
    if (result === 'unavailable') dbErrors.inc();
  };
  return {
    started() {
      inFlight.inc();
      return performance.now();
    },
    answered(event, since, response: Ack<unknown>) {
      inFlight.dec();
      const result = response.ok ? 'ok' : response.error.code;
      count(event, result);
      // Rate-limited refusals are left out of the latency: they would flatter p50.
      if (result !== 'rate_limited') latency(event).observe((performance.now() - since) / 1000);
      if (result === 'ok' && event === 'message:send') sent.inc();
    },
    refused: count,
  };
}

function children<C>(make: (key: string) => C): (key: string) => C {
  const made = new Map<string, C>();
  return (key) => {
    let child = made.get(key);
    if (child === undefined) made.set(key, (child = make(key)));
    return child;
  };
}
