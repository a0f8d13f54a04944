import { fileURLToPath } from 'node:url';
import { z } from 'zod';

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

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
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
  return {
    port: values.PORT as number,
    host: values.HOST as string,
    databaseUrl: values.DATABASE_URL as string | undefined,
    dataDir: values.PARLEY_DATA_DIR as string,
    distDir: values.PARLEY_DIST_DIR as string,
    logLevel: values.LOG_LEVEL as Config['logLevel'],
    agentGraceSeconds: values.AGENT_GRACE_SECONDS as number,
    sessionTtlHours: values.SESSION_TTL_HOURS as number,
    publicUrl: (values.PUBLIC_URL as string | undefined)?.replace(/\/+$/, ''),
  };
}
