import type { Logger } from 'pino';
import type { SessionLock } from '../db/client.js';

export interface Leadership {
  readonly isLeader: boolean;
  /** Stops ticking, waits for a running job, and gives the lock back. */
  stop(): Promise<void>;
}

/**
 * Background jobs must run once per cluster, not once per process. Every process ticks; only the one
 * holding the advisory lock runs the job. The lock lives on a connection of its own, so a killed
 * leader loses it with its connection and the next tick of another process takes over.
 */
export function runAsLeader(opts: { lock: SessionLock; intervalMs: number; logger: Logger; job: () => Promise<void> }): Leadership {
  let leader = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    const held = await opts.lock.hold();
    if (held !== leader) opts.logger.info({ leader: held }, held ? 'took leadership for background jobs' : 'lost leadership for background jobs');
    leader = held;
    if (held && !stopped) await opts.job().catch((err: unknown) => opts.logger.error({ err }, 'background job failed'));
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    // A chain of timeouts, not an interval: a slow job never overlaps the next tick.
    timer = setTimeout(() => {
      current = tick().finally(() => schedule(opts.intervalMs));
    }, delay);
    timer.unref();
  };
  schedule(0);

  return {
    get isLeader() {
      return leader;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
      leader = false;
      await opts.lock.release();
    },
  };
}
