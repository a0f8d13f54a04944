import type { Namespace, Server } from 'socket.io';
import type { Logger } from 'pino';
import type { AgentClientEvents, AgentServerEvents, VisitorClientEvents, VisitorServerEvents } from '@parley/protocol';
import type { Config } from './config.js';
import type { SharingEncoder } from './lib/wire.js';
import type { MessageWriter } from './conversations/writer.js';
import type { Database, Db } from './db/client.js';
import type { JobRunner } from './jobs/runner.js';
import type { KbIndexCache } from './kb/index-cache.js';
import type { TicketIndexCache } from './tickets/search-index.js';
import type { Limiters } from './limits/limiters.js';
import type { Metrics } from './metrics/registry.js';
import type { WebhookCache } from './webhooks/events.js';

export interface VisitorSocketData {
  visitorId: string;
  siteId: string;
}
export interface AgentSocketData {
  agentId: string;
  sessionId: string;
}
export type VisitorNamespace = Namespace<VisitorClientEvents, VisitorServerEvents, Record<string, never>, VisitorSocketData>;
export type AgentNamespace = Namespace<AgentClientEvents, AgentServerEvents, Record<string, never>, AgentSocketData>;

/** Everything a handler needs; built once by createApp, so nothing lives in module globals. */
export interface AppContext {
  db: Db;
  database: Database;
  config: Config;
  clock: () => Date;
  logger: Logger;
  io: Server;
  /** `io`'s encoder: `share()` a message before it fans out, and its JSON is made once (lib/wire.ts). */
  wire: SharingEncoder;
  visitors: VisitorNamespace;
  agents: AgentNamespace;
  /** Flood limits (memory, or Redis with REDIS_URL); see limits/. */
  limits: Limiters;
  /** This app's Prometheus registry and instruments; see metrics/. */
  metrics: Metrics;
  /** Group commit for chat messages: every appendMessage goes through it. */
  writer: MessageWriter;
  /** Durable background work (SLA steps, mail); domains register their kinds, the leader runs them. */
  jobs: JobRunner;
  /** In-process state that is only an optimisation or a timer; PostgreSQL stays the source of truth. */
  state: {
    /** Round robin among equally busy agents: who got an auto-assigned conversation last, in ms. */
    lastAutoAssigned: Map<string, number>;
    loginFailures: Map<string, { count: number; firstAt: number }>;
    /** Tail of the auto-routing chain: routing runs one decision at a time per process. */
    routing: Promise<void>;
    distWarned: boolean;
    closing: boolean;
    /** Per-site knowledge-base search indexes, kept fresh through the database's KB revision (kb/index-cache.ts). */
    kbIndexes: KbIndexCache;
    /** Per-site ticket search indexes, kept fresh through the tickets' transaction stamps (tickets/search-index.ts). */
    ticketIndexes: TicketIndexCache;
    /** Where this process listens, once it does (links in mail fall back to it without PUBLIC_URL). */
    listeningUrl?: string;
    /** Which webhook events each site's endpoints want, for a few seconds (webhooks/events.ts). */
    webhooks: WebhookCache;
  };
}
