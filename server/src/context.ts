import type { Namespace, Server } from 'socket.io';
import type { Logger } from 'pino';
import type { AgentClientEvents, AgentServerEvents, VisitorClientEvents, VisitorServerEvents } from '@parley/protocol';
import type { Config } from './config.js';
import type { Database, Db } from './db/client.js';

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
  visitors: VisitorNamespace;
  agents: AgentNamespace;
  /** In-process state that is only an optimisation or a timer; PostgreSQL stays the source of truth. */
  state: {
    graceTimers: Map<string, NodeJS.Timeout>;
    /** Round robin among equally busy agents: who got an auto-assigned conversation last, in ms. */
    lastAutoAssigned: Map<string, number>;
    loginFailures: Map<string, { count: number; firstAt: number }>;
    /** Tail of the auto-routing chain: routing runs one decision at a time per process. */
    routing: Promise<void>;
    distWarned: boolean;
    closing: boolean;
  };
}
