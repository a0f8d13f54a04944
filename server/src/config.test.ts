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
});

test('values are parsed from the environment', () => {
  const c = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@db:5432/parley', AGENT_GRACE_SECONDS: '0.5', LOG_LEVEL: 'debug', PUBLIC_URL: 'https://chat.example.com/' });
  assert.equal(c.port, 8080);
  assert.equal(c.databaseUrl, 'postgres://u@db:5432/parley');
  assert.equal(c.agentGraceSeconds, 0.5);
  assert.equal(c.logLevel, 'debug');
  assert.equal(c.publicUrl, 'https://chat.example.com');
});

const bad: Array<[string, string, RegExp]> = [
  ['PORT', 'abc', /^PORT must be an integer 1-65535, got "abc"$/],
  ['PORT', '70000', /^PORT must be an integer 1-65535, got "70000"$/],
  ['DATABASE_URL', 'mysql://x', /^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL, got "mysql:\/\/x"$/],
  ['LOG_LEVEL', 'loud', /^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"$/],
  ['AGENT_GRACE_SECONDS', '-1', /^AGENT_GRACE_SECONDS must be/],
  ['SESSION_TTL_HOURS', '0', /^SESSION_TTL_HOURS must be/],
  ['PUBLIC_URL', 'chat.example.com', /^PUBLIC_URL must be an http\(s\) URL/],
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
  assert.deepEqual(names, ['PORT', 'HOST', 'DATABASE_URL', 'PARLEY_DATA_DIR', 'PARLEY_DIST_DIR', 'LOG_LEVEL', 'AGENT_GRACE_SECONDS', 'SESSION_TTL_HOURS', 'PUBLIC_URL']);
  for (const v of CONFIG_VARS) assert.ok(v.description.length > 5, `${v.name} has a description`);
});
