import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { AppContext } from '../context.js';

/**
 * Several processes share rooms through Redis streams: a broadcast to `conv:<id>` on one process
 * reaches the sockets of every process, and `fetchSockets()` asks them all. The stream name and the
 * pub/sub channel prefix both come from REDIS_PREFIX, so separate clusters (or test runs) can share
 * one Redis without hearing each other.
 */
export async function attachRedisAdapter(ctx: AppContext, url: string, prefix: string): Promise<{ close(): Promise<void> }> {
  const client = createClient({ url });
  // Without a listener an 'error' event kills the process; node-redis reconnects by itself.
  client.on('error', (err: unknown) => ctx.logger.warn({ err }, 'redis connection error'));
  await client.connect();
  ctx.io.adapter(createAdapter(client, { streamName: prefix, channelPrefix: prefix }));
  ctx.logger.info({ prefix }, 'socket.io redis streams adapter attached');
  return {
    async close() {
      await client.close().catch(() => undefined);
    },
  };
}
