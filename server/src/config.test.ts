import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONFIG_VARS, ConfigError, loadConfig } from './config.js';

test('defaults apply when nothing is set', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.host, '0.0.0.0');
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.dataDir, './.parley-data');
  assert.match(c.distDir, /dist$/);
  assert.equal(c.logLevel, 'info');
  assert.equal(c.agentGraceSeconds, 60);
  assert.equal(c.sessionTtlHours, 12);
  assert.equal(c.publicUrl, undefined);
  assert.equal(c.redisUrl, undefined);
  assert.equal(c.redisPrefix, 'parley');
});

test('values are parsed from the environment', () => {
  const c = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@db:5432/parley', AGENT_GRACE_SECONDS: '0.5', LOG_LEVEL: 'debug', PUBLIC_URL: 'https://chat.example.com/' });
  assert.equal(c.port, 8080);
  assert.equal(c.databaseUrl, 'postgres://u@db:5432/parley');
  assert.equal(c.agentGraceSeconds, 0.5);
  assert.equal(c.logLevel, 'debug');
  assert.equal(c.publicUrl, 'https://chat.example.com');
  const clustered = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/0', REDIS_PREFIX: 'parley-eu' });
  assert.equal(clustered.redisUrl, 'redis://127.0.0.1:6379/0');
  assert.equal(clustered.redisPrefix, 'parley-eu');
});

const bad: Array<[string, string, RegExp]> = [
  ['PORT', 'abc', /^PORT must be an integer 1-65535, got "abc"$/],
  ['PORT', '70000', /^PORT must be an integer 1-65535, got "70000"$/],
  ['DATABASE_URL', 'mysql://x', /^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL, got "mysql:\/\/x"$/],
  ['LOG_LEVEL', 'loud', /^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"$/],
  ['AGENT_GRACE_SECONDS', '-1', /^AGENT_GRACE_SECONDS must be/],
  ['SESSION_TTL_HOURS', '0', /^SESSION_TTL_HOURS must be/],
  ['PUBLIC_URL', 'chat.example.com', /^PUBLIC_URL must be an http\(s\) URL/],
  ['REDIS_URL', 'localhost:6379', /^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL, got "localhost:6379"$/],
  ['REDIS_PREFIX', 'has space', /^REDIS_PREFIX must be/],
  ['RATE_VISITOR_MESSAGES', '30 per 5', /^RATE_VISITOR_MESSAGES must be POINTS\/SECONDS such as 30\/5, or off, got "30 per 5"$/],
  ['RATE_CONNECTIONS_PER_IP', '0/60', /^RATE_CONNECTIONS_PER_IP must be POINTS\/SECONDS/],
  ['TRUST_PROXY', 'yes', /^TRUST_PROXY must be an integer 0-10/],
  ['METRICS_TOKEN', 'short', /^METRICS_TOKEN must be at least 16 characters/],
  ['WEBHOOK_PRIVATE', 'no', /^WEBHOOK_PRIVATE must be allow or deny, got "no"$/],
];
for (const [name, value, message] of bad) {
  test(`${name}=${value} stops with one line naming ${name}`, () => {
    assert.throws(
      () => loadConfig({ [name]: value }),
      (err: unknown) => err instanceof ConfigError && message.test(err.message) && !err.message.includes('\n'),
    );
  });
}

test('the config table documents every variable the loader reads', () => {
  const names = CONFIG_VARS.map((v) => v.name);
  assert.deepEqual(names, ['PORT', 'HOST', 'DATABASE_URL', 'PARLEY_DATA_DIR', 'PARLEY_DIST_DIR', 'LOG_LEVEL', 'AGENT_GRACE_SECONDS', 'SESSION_TTL_HOURS', 'PUBLIC_URL', 'REDIS_URL', 'REDIS_PREFIX', 'TRUST_PROXY', 'RATE_VISITOR_MESSAGES', 'RATE_AGENT_MESSAGES', 'RATE_CONNECTIONS_PER_IP', 'RATE_CONVERSATIONS_PER_IP', 'RATE_VISITOR_SESSIONS_PER_IP', 'RATE_KB_READS_PER_IP', 'RATE_KB_VOTES_PER_IP', 'METRICS_TOKEN', 'RATE_TICKETS_PER_IP', 'RATE_TICKETS_PER_SITE', 'RATE_TICKET_REPLIES', 'SMTP_URL', 'MAIL_FROM', 'MAIL_REPLY_TO', 'PARLEY_ADMIN_EMAIL', 'PARLEY_ADMIN_PASSWORD', 'PARLEY_SITE_NAME', 'DEMO_INTRANET', 'DEMO_HISTORY', 'INBOUND_MAIL_TOKEN', 'ADMIN_2FA', 'WEBHOOK_PRIVATE']);
  // The README's table is generated from CONFIG_VARS: a variable missing there is undocumented.
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  for (const name of names) assert.ok(readme.includes(`| \`${name}\` |`), `README documents ${name}`);
  for (const v of CONFIG_VARS) assert.ok(v.description.length > 5, `${v.name} has a description`);
});

test('flood limits parse as points per seconds, and off turns one off', () => {
  const d = loadConfig({});
  assert.deepEqual(d.rateVisitorMessages, { points: 30, seconds: 5 });
  assert.deepEqual(d.rateConnectionsPerIp, { points: 120, seconds: 60 });
  assert.equal(d.trustProxy, 0);
  assert.equal(d.metricsToken, undefined);
  const c = loadConfig({ RATE_AGENT_MESSAGES: 'off', RATE_CONVERSATIONS_PER_IP: '5/10', TRUST_PROXY: '1', METRICS_TOKEN: 'a-long-enough-secret' });
  assert.equal(c.rateAgentMessages, null);
  assert.deepEqual(c.rateConversationsPerIp, { points: 5, seconds: 10 });
  assert.equal(c.trustProxy, 1);
  assert.equal(c.metricsToken, 'a-long-enough-secret');
});

test('PARLEY_ADMIN_EMAIL and PARLEY_ADMIN_PASSWORD come together, the password long enough', () => {
  assert.equal(loadConfig({}).bootstrap, undefined, 'unset: the demo seed');
  assert.deepEqual(loadConfig({ PARLEY_ADMIN_EMAIL: ' Ops@Example.com ', PARLEY_ADMIN_PASSWORD: 'twelve chars!' }).bootstrap, {
    adminEmail: 'ops@example.com',
    adminPassword: 'twelve chars!',
    siteName: 'Parley',
  });
  assert.throws(() => loadConfig({ PARLEY_ADMIN_EMAIL: 'ops@example.com' }), /PARLEY_ADMIN_EMAIL and PARLEY_ADMIN_PASSWORD must be set together/);
  assert.throws(() => loadConfig({ PARLEY_ADMIN_EMAIL: 'ops@example.com', PARLEY_ADMIN_PASSWORD: 'short' }), /PARLEY_ADMIN_PASSWORD must be at least 12 characters/);
  assert.throws(() => loadConfig({ PARLEY_ADMIN_EMAIL: 'not an address', PARLEY_ADMIN_PASSWORD: 'twelve chars!' }), /PARLEY_ADMIN_EMAIL must be an email address/);
});
