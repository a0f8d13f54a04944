import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import type { Logger } from 'pino';
import type { Config, Rate } from '../config.js';
import { AppError } from '../lib/errors.js';

/** Every flood limit, each keyed by the id or address named in its `key`. */
export const FLOOD_LIMITS = {
  visitorMessages: { key: 'visitor id', message: 'You are sending messages too quickly; wait a moment and they will go through.' },
  agentMessages: { key: 'agent id', message: 'You are sending messages too quickly; wait a moment and they will go through.' },
  connectionsPerIp: { key: 'client IP', message: 'Too many connections from your network; try again shortly.' },
  conversationsPerIp: { key: 'client IP', message: 'Too many new conversations from your network; try again shortly.' },
  visitorSessionsPerIp: { key: 'client IP', message: 'Too many new visitors from your network; try again shortly.' },
  kbReadsPerIp: { key: 'client IP', message: 'Too many help-center requests from your network; try again shortly.' },
  kbVotesPerIp: { key: 'client IP', message: 'Too many votes from your network; try again shortly.' },
  ticketsPerIp: { key: 'client IP', message: 'Too many requests sent from your network; try again later.' },
  ticketsPerSite: { key: 'site id', message: 'We are receiving unusually many requests; try again later.' },
  ticketReplies: { key: 'ticket id', message: 'Too many replies on this request in a short time; wait a few minutes.' },
} as const;
export type LimitName = keyof typeof FLOOD_LIMITS;

const CONFIG_KEY: Record<LimitName, keyof Config> = {
  visitorMessages: 'rateVisitorMessages',
  agentMessages: 'rateAgentMessages',
  connectionsPerIp: 'rateConnectionsPerIp',
  conversationsPerIp: 'rateConversationsPerIp',
  visitorSessionsPerIp: 'rateVisitorSessionsPerIp',
  kbReadsPerIp: 'rateKbReadsPerIp',
  kbVotesPerIp: 'rateKbVotesPerIp',
  ticketsPerIp: 'rateTicketsPerIp',
  ticketsPerSite: 'rateTicketsPerSite',
  ticketReplies: 'rateTicketReplies',
};

export interface Limiters {
  backend: 'memory' | 'redis';
  /** Takes one point; throws AppError `rate_limited` with `retryAfterMs` when the key is over its limit. */
  take(name: LimitName, key: string): Promise<void>;
  /** Resolves once Redis answers (at once for memory); false if it did not within `timeoutMs`. */
  ready(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface LimiterOptions {
  config: Config;
  logger: Logger;
  /** Counts refusals (metrics); kept as a callback so limits do not depend on metrics. */
  onLimited?: (name: LimitName) => void;
}

/**
 * Builds the limiters from config: in memory by default, shared through Redis when REDIS_URL is set so
 * that a flood spread over several processes still meets one budget. Every check is one in-memory
 * counter or one Redis round trip, never a database query.
 */
export function createLimiters({ config, logger, onLimited }: LimiterOptions): Limiters {
  const redis = config.redisUrl
    ? createClient({
        url: config.redisUrl,
        // Fail fast while Redis is away, so the in-memory insurance limiter answers instead of a chat
        // message waiting on a reconnect.
        disableOfflineQueue: true,
        socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000) },
      })
    : undefined;
  let warned = false;
  redis?.on('error', (err: unknown) => {
    // node-redis emits one error per failed reconnect: say it once, then again after a recovery.
    if (!warned) logger.warn({ err }, 'rate-limit Redis unavailable; limiting per process until it is back');
    warned = true;
  });
  redis?.on('ready', () => (warned = false));
  const connected = redis?.connect().then(
    () => true,
    () => false,
  );

  const limiters = new Map<LimitName, RateLimiterAbstract>();
  for (const name of Object.keys(FLOOD_LIMITS) as LimitName[]) {
    const rate = config[CONFIG_KEY[name]] as Rate | null;
    if (!rate) continue;
    const base = { points: rate.points, duration: rate.seconds, keyPrefix: `${config.redisPrefix}:rl:${name}` };
    limiters.set(
      name,
      redis
        ? new RateLimiterRedis({ ...base, storeClient: redis, useRedisPackage: true, insuranceLimiter: new RateLimiterMemory(base) })
        : new RateLimiterMemory(base),
    );
  }

  return {
    backend: redis ? 'redis' : 'memory',
    async take(name, key) {
      const limiter = limiters.get(name);
      if (!limiter) return;
      try {
        await limiter.consume(key);
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res;
        onLimited?.(name);
        throw new AppError('rate_limited', FLOOD_LIMITS[name].message, Math.max(1, Math.ceil(res.msBeforeNext)));
      }
    },
    async ready(timeoutMs) {
      if (!redis) return true;
      if (redis.isReady) return true;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      const result = await Promise.race([connected!.then(() => redis.isReady), timeout]);
      clearTimeout(timer);
      return result;
    },
    async close() {
      if (!redis) return;
      if (redis.isOpen) await redis.close().catch(() => redis.destroy());
      else redis.destroy();
    },
  };
}
