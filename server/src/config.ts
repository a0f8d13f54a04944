import { sep } from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from './paths.js';

/**
 * One row per environment variable. README's configuration table is generated from this list,
 * so the documentation cannot drift from what the server accepts.
 */
export interface ConfigVar {
  name: string;
  /** Shown in docs; `undefined` means "unset". */
  default: string | undefined;
  description: string;
  /** What a valid value looks like; completes "<NAME> must be ...". */
  expect: string;
  schema: z.ZodType;
}

const repoRoot = REPO_ROOT + sep;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const intIn = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const nonEmpty = z.string().trim().min(1);
const url = (protocols: string[]) =>
  z.string().refine((s) => {
    try {
      return protocols.includes(new URL(s).protocol);
    } catch {
      return false;
    }
  });

/** A flood limit: at most `points` actions per `seconds`, counted in fixed windows per key. */
export interface Rate {
  points: number;
  seconds: number;
}
// `30/5` = 30 per 5 s; `off` turns a limit off (benchmarks, or a proxy that already limits).
const rate = z
  .string()
  .trim()
  .regex(/^(off|[1-9]\d{0,6}\/[1-9]\d{0,4})$/)
  .transform((s): Rate | null => {
    if (s === 'off') return null;
    const [points, seconds] = s.split('/').map(Number) as [number, number];
    return { points, seconds };
  });
const RATE_EXPECT = 'POINTS/SECONDS such as 30/5, or off';

export const CONFIG_VARS: readonly ConfigVar[] = [
  { name: 'PORT', default: '3000', description: 'HTTP and Socket.IO port.', expect: 'an integer 1-65535', schema: intIn(1, 65535) },
  { name: 'HOST', default: '0.0.0.0', description: 'Interface to listen on.', expect: 'a host name or address', schema: nonEmpty },
  {
    name: 'DATABASE_URL',
    default: undefined,
    description: 'PostgreSQL connection string. Unset: embedded PGlite in PARLEY_DATA_DIR.',
    expect: 'a postgres:// or postgresql:// URL',
    schema: url(['postgres:', 'postgresql:']),
  },
  { name: 'PARLEY_DATA_DIR', default: './.parley-data', description: 'PGlite data folder (when DATABASE_URL is unset).', expect: 'a path', schema: nonEmpty },
  { name: 'PARLEY_DIST_DIR', default: `${repoRoot}dist`, description: 'Built front-end files (`pnpm build` output).', expect: 'a path', schema: nonEmpty },
  { name: 'LOG_LEVEL', default: 'info', description: 'pino log level.', expect: `one of ${LOG_LEVELS.join(', ')}`, schema: z.enum(LOG_LEVELS) },
  {
    name: 'AGENT_GRACE_SECONDS',
    default: '60',
    description: 'How long an agent who lost every connection keeps their conversations before they are requeued.',
    expect: 'a number of seconds >= 0',
    schema: z.coerce.number().min(0).max(86400),
  },
  { name: 'SESSION_TTL_HOURS', default: '12', description: 'Agent session lifetime.', expect: 'a number of hours > 0', schema: z.coerce.number().positive().max(24 * 365) },
  { name: 'PUBLIC_URL', default: undefined, description: 'Public base URL shown in the start banner (behind a proxy).', expect: 'an http(s) URL', schema: url(['http:', 'https:']) },
  {
    name: 'REDIS_URL',
    default: undefined,
    description: 'Redis for running several server processes: Socket.IO rooms are shared through the Redis streams adapter. Unset: one process.',
    expect: 'a redis:// or rediss:// URL',
    schema: url(['redis:', 'rediss:']),
  },
  {
    name: 'REDIS_PREFIX',
    default: 'parley',
    description: 'Name of the Redis stream and prefix of the pub/sub channels; processes that share it form one cluster.',
    expect: 'letters, digits, `-`, `_`, `.` or `:`',
    schema: z.string().regex(/^[\w.:-]{1,100}$/),
  },
  {
    name: 'TRUST_PROXY',
    default: '0',
    description: 'Reverse proxies in front of the server whose X-Forwarded-For entries are believed when keying per-IP limits. 0: the peer address.',
    expect: 'an integer 0-10',
    schema: intIn(0, 10),
  },
  { name: 'RATE_VISITOR_MESSAGES', default: '30/5', description: 'Messages one visitor may send (all tabs together).', expect: RATE_EXPECT, schema: rate },
  { name: 'RATE_AGENT_MESSAGES', default: '100/5', description: 'Messages one agent may send (all conversations together).', expect: RATE_EXPECT, schema: rate },
  { name: 'RATE_CONNECTIONS_PER_IP', default: '120/60', description: 'Socket.IO handshakes (visitor and agent) per client IP.', expect: RATE_EXPECT, schema: rate },
  { name: 'RATE_CONVERSATIONS_PER_IP', default: '30/60', description: 'Conversation starts per client IP.', expect: RATE_EXPECT, schema: rate },
  { name: 'RATE_VISITOR_SESSIONS_PER_IP', default: '60/60', description: 'New visitors (POST /api/visitor/session) per client IP.', expect: RATE_EXPECT, schema: rate },
  {
    name: 'RATE_KB_READS_PER_IP',
    default: '600/60',
    description: 'Help-center reads and searches (GET /api/kb/...) per client IP; search as you type sends one per pause in typing.',
    expect: RATE_EXPECT,
    schema: rate,
  },
  { name: 'RATE_KB_VOTES_PER_IP', default: '30/60', description: '"Was this helpful?" votes per client IP.', expect: RATE_EXPECT, schema: rate },
  { name: 'METRICS_TOKEN', default: undefined, description: 'When set, GET /metrics requires `Authorization: Bearer <token>`.', expect: 'at least 16 characters', schema: z.string().trim().min(16) },
  { name: 'RATE_TICKETS_PER_IP', default: '10/600', description: 'New tickets (feedback and offline form) per client IP.', expect: RATE_EXPECT, schema: rate },
  { name: 'RATE_TICKETS_PER_SITE', default: '600/600', description: 'New tickets per site, all senders together: a ceiling against a distributed flood.', expect: RATE_EXPECT, schema: rate },
  { name: 'RATE_TICKET_REPLIES', default: '30/600', description: "Customer replies per ticket (from the ticket page or by email).", expect: RATE_EXPECT, schema: rate },
  {
    name: 'SMTP_URL',
    default: undefined,
    description: 'Outgoing mail server, e.g. smtp://user:pass@mail.example:587 (smtps:// for TLS). Unset: mail is kept in the database and shown in the console\'s email log.',
    expect: 'an smtp:// or smtps:// URL',
    schema: url(['smtp:', 'smtps:']),
  },
  { name: 'MAIL_FROM', default: 'Parley <parley@localhost>', description: 'From address of outgoing mail.', expect: 'an address, optionally with a name', schema: nonEmpty },
  {
    name: 'MAIL_REPLY_TO',
    default: undefined,
    description: 'Reply address with a `+` slot, e.g. support@help.example: replies go to support+T-2026-000123@help.example and are matched to their ticket.',
    expect: 'an email address',
    schema: z.string().trim().regex(/^[^@\s+]+@[^@\s]+$/),
  },
  {
    name: 'PARLEY_ADMIN_EMAIL',
    default: undefined,
    description: 'Production start: on an empty database, create one site and this admin instead of the demo (no demo people, articles or passwords). Needs PARLEY_ADMIN_PASSWORD; the admin enrols two-factor at first sign-in. Ignored once the database holds a site.',
    expect: 'an email address',
    schema: z.string().trim().toLowerCase().email(),
  },
  {
    name: 'PARLEY_ADMIN_PASSWORD',
    default: undefined,
    description: 'The first admin\'s password for PARLEY_ADMIN_EMAIL (change it in the console afterwards).',
    expect: 'at least 12 characters',
    schema: z.string().min(12),
  },
  { name: 'PARLEY_SITE_NAME', default: 'Parley', description: 'Name of the site created with PARLEY_ADMIN_EMAIL.', expect: 'a name', schema: nonEmpty },
  {
    name: 'DEMO_INTRANET',
    default: 'off',
    description: 'on: GET /api/demo/employee-token?as=finance (or engineering, hr, support, support2, sales) signs tokens for six demo employees, standing in for a company intranet on /intranet. `pnpm start` turns it on; never in production.',
    expect: 'on or off',
    schema: z.enum(['on', 'off']),
  },
  {
    name: 'DEMO_HISTORY',
    default: 'off',
    description: 'on: the first start on an empty database also writes three months of made-up chats, tickets and survey answers, so the reports have something to show. `pnpm start` turns it on; never in production.',
    expect: 'on or off',
    schema: z.enum(['on', 'off']),
  },
  {
    name: 'INBOUND_MAIL_TOKEN',
    default: undefined,
    description: 'Bearer token your mail gateway sends with POST /api/mail/inbound (raw MIME). Unset: the endpoint is off.',
    expect: 'at least 16 characters',
    schema: z.string().trim().min(16),
  },
  {
    name: 'ADMIN_2FA',
    default: 'required',
    description: 'required: an admin without two-factor (an authenticator app) is sent to enrol at sign-in and can do nothing else until they have. optional: admins choose, like everyone else. A switch in the console can require it for everyone.',
    expect: 'required or optional',
    schema: z.enum(['required', 'optional']),
  },
  {
    name: 'WEBHOOK_PRIVATE',
    default: 'allow',
    description: 'deny: webhooks never call loopback, private or link-local addresses (checked on the resolved address at each call), for servers whose admins must not reach the internal network. allow: intranet receivers work.',
    expect: 'allow or deny',
    schema: z.enum(['allow', 'deny']),
  },
];

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  distDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
  agentGraceSeconds: number;
  sessionTtlHours: number;
  publicUrl: string | undefined;
  redisUrl: string | undefined;
  redisPrefix: string;
  trustProxy: number;
  /** Flood limits; `null` is off. Limits share REDIS_URL's Redis (under REDIS_PREFIX) when it is set. */
  rateVisitorMessages: Rate | null;
  rateAgentMessages: Rate | null;
  rateConnectionsPerIp: Rate | null;
  rateConversationsPerIp: Rate | null;
  rateVisitorSessionsPerIp: Rate | null;
  rateKbReadsPerIp: Rate | null;
  rateKbVotesPerIp: Rate | null;
  metricsToken: string | undefined;
  rateTicketsPerIp: Rate | null;
  rateTicketsPerSite: Rate | null;
  rateTicketReplies: Rate | null;
  smtpUrl: string | undefined;
  mailFrom: string;
  mailReplyTo: string | undefined;
  inboundMailToken: string | undefined;
  demoIntranet: boolean;
  /** Write three months of made-up history on the first start (DEMO_HISTORY). */
  demoHistory: boolean;
  /** Whether webhooks may call internal addresses (WEBHOOK_PRIVATE). */
  webhookPrivate: 'allow' | 'deny';
  /** Production start on an empty database: one site and this admin instead of the demo. */
  bootstrap: { adminEmail: string; adminPassword: string; siteName: string } | undefined;
  /** Whether admins must use two-factor (ADMIN_2FA). */
  admin2fa: 'required' | 'optional';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment; throws ConfigError whose message is one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const values: Record<string, unknown> = {};
  for (const v of CONFIG_VARS) {
    const raw = env[v.name];
    // An empty string counts as unset: `FOO= node main.js` should not fail on optional values.
    const input = raw === undefined || raw === '' ? v.default : raw;
    if (input === undefined) {
      values[v.name] = undefined;
      continue;
    }
    const parsed = v.schema.safeParse(input);
    if (!parsed.success) throw new ConfigError(`${v.name} must be ${v.expect}, got ${JSON.stringify(raw)}`);
    values[v.name] = parsed.data;
  }
  const adminEmail = values.PARLEY_ADMIN_EMAIL as string | undefined;
  const adminPassword = values.PARLEY_ADMIN_PASSWORD as string | undefined;
  if (!!adminEmail !== !!adminPassword) throw new ConfigError('PARLEY_ADMIN_EMAIL and PARLEY_ADMIN_PASSWORD must be set together');
  return {
    bootstrap: adminEmail && adminPassword ? { adminEmail, adminPassword, siteName: values.PARLEY_SITE_NAME as string } : undefined,
    port: values.PORT as number,
    host: values.HOST as string,
    databaseUrl: values.DATABASE_URL as string | undefined,
    dataDir: values.PARLEY_DATA_DIR as string,
    distDir: values.PARLEY_DIST_DIR as string,
    logLevel: values.LOG_LEVEL as Config['logLevel'],
    agentGraceSeconds: values.AGENT_GRACE_SECONDS as number,
    sessionTtlHours: values.SESSION_TTL_HOURS as number,
    publicUrl: (values.PUBLIC_URL as string | undefined)?.replace(/\/+$/, ''),
    redisUrl: values.REDIS_URL as string | undefined,
    redisPrefix: values.REDIS_PREFIX as string,
    trustProxy: values.TRUST_PROXY as number,
    rateVisitorMessages: values.RATE_VISITOR_MESSAGES as Rate | null,
    rateAgentMessages: values.RATE_AGENT_MESSAGES as Rate | null,
    rateConnectionsPerIp: values.RATE_CONNECTIONS_PER_IP as Rate | null,
    rateConversationsPerIp: values.RATE_CONVERSATIONS_PER_IP as Rate | null,
    rateVisitorSessionsPerIp: values.RATE_VISITOR_SESSIONS_PER_IP as Rate | null,
    rateKbReadsPerIp: values.RATE_KB_READS_PER_IP as Rate | null,
    rateKbVotesPerIp: values.RATE_KB_VOTES_PER_IP as Rate | null,
    metricsToken: values.METRICS_TOKEN as string | undefined,
    rateTicketsPerIp: values.RATE_TICKETS_PER_IP as Rate | null,
    rateTicketsPerSite: values.RATE_TICKETS_PER_SITE as Rate | null,
    rateTicketReplies: values.RATE_TICKET_REPLIES as Rate | null,
    smtpUrl: values.SMTP_URL as string | undefined,
    mailFrom: values.MAIL_FROM as string,
    mailReplyTo: values.MAIL_REPLY_TO as string | undefined,
    inboundMailToken: values.INBOUND_MAIL_TOKEN as string | undefined,
    demoIntranet: values.DEMO_INTRANET === 'on',
    demoHistory: values.DEMO_HISTORY === 'on',
    webhookPrivate: values.WEBHOOK_PRIVATE as Config['webhookPrivate'],
    admin2fa: values.ADMIN_2FA as Config['admin2fa'],
  };
}
