import type { AppContext } from '../context.js';
import { sweepPresence } from '../conversations/presence.js';
import { runAsLeader } from './leader.js';
import type { Leadership } from './leader.js';
import { attachRedisAdapter } from './redis.js';

export interface Cluster {
  leadership: Leadership;
  /** Stops the background jobs (first step of a shutdown). */
  stopJobs(): Promise<void>;
  /** Closes the Redis connection (last step, after Socket.IO closed). */
  close(): Promise<void>;
}

/** Arbitrary, fixed: every process of one database must agree on it. */
export const JOBS_LOCK_KEY = 727003;

/**
 * A node that just joined does not know its peers yet (they answer its first heartbeat), so for a
 * moment `fetchSockets()` sees only local sockets: presence is not judged from it before then.
 */
const ADAPTER_WARM_UP_MS = 3000;

export async function startCluster(ctx: AppContext): Promise<Cluster> {
  const redis = ctx.config.redisUrl ? await attachRedisAdapter(ctx, ctx.config.redisUrl, ctx.config.redisPrefix) : null;
  const startedAt = Date.now();
  // Often enough that a short grace period (tests) is honoured closely, at most every 5 s.
  const intervalMs = Math.min(5000, Math.max(50, (ctx.config.agentGraceSeconds * 1000) / 4));
  const leadership = runAsLeader({
    lock: ctx.database.sessionLock(JOBS_LOCK_KEY),
    intervalMs,
    logger: ctx.logger,
    job: async () => {
      await sweepPresence(ctx, { checkSockets: !redis || Date.now() - startedAt > ADAPTER_WARM_UP_MS });
      if (!ctx.state.closing) await ctx.jobs.runDue({ shouldStop: () => ctx.state.closing });
    },
  });
  return {
    leadership,
    stopJobs: () => leadership.stop(),
    async close() {
      await leadership.stop();
      await redis?.close();
    },
  };
}
