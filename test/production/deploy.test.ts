/**
 * The deployment files, checked where this machine cannot run Docker: the compose file parses and
 * wires two Parley processes to PostgreSQL and Redis behind nginx with health checks; every variable
 * it passes is one the server knows (server/src/config.ts), so a renamed setting cannot silently stop
 * applying; everything `deploy/.env.example` must provide is there; nginx proxies WebSockets and
 * unbuffered event streams to both processes; the Dockerfile runs the built server as a non-root
 * user with a health check, and copies only paths that exist.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CONFIG_VARS } from '../../server/src/config.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const read = (p: string) => readFileSync(join(root, p), 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string };
  ports?: string[];
  volumes?: string[];
}

test('docker-compose: two Parley processes on PostgreSQL and Redis behind nginx, each setting known to the server', () => {
  const compose = parse(read('deploy/docker-compose.yml'), { merge: true }) as { services: Record<string, Service> };
  const { services } = compose;
  assert.deepEqual(Object.keys(services).sort(), ['nginx', 'parley-1', 'parley-2', 'postgres', 'redis']);
  for (const name of ['postgres', 'redis']) assert.ok(services[name]!.healthcheck, `${name} has a health check`);

  const known = new Set(CONFIG_VARS.map((v) => v.name));
  for (const name of ['parley-1', 'parley-2']) {
    const s = services[name]!;
    assert.equal(s.build?.dockerfile, 'Dockerfile');
    assert.ok(existsSync(resolve(root, 'deploy', s.build!.context, s.build!.dockerfile)), 'the build context holds the Dockerfile');
    assert.equal(s.depends_on?.postgres?.condition, 'service_healthy');
    assert.equal(s.depends_on?.redis?.condition, 'service_healthy');
    const env = s.environment ?? {};
    assert.match(env.DATABASE_URL ?? '', /^postgres:\/\/parley:.*@postgres:5432\/parley$/);
    assert.equal(env.REDIS_URL, 'redis://redis:6379', 'both processes share Redis: the Socket.IO adapter and the limits');
    assert.equal(env.TRUST_PROXY, '1', 'one proxy (nginx) in front');
    for (const key of Object.keys(env)) assert.ok(known.has(key), `${name} sets ${key}, which the server does not read`);
  }
  assert.deepEqual(services['parley-1']!.environment, services['parley-2']!.environment, 'both processes are configured alike');
  assert.equal(services.nginx!.depends_on?.['parley-1']?.condition, 'service_healthy');
  assert.ok(services.nginx!.volumes?.some((v) => v.startsWith('./nginx.conf:')));

  // Every ${VAR:?...} the file demands is in the example env file.
  const required = [...read('deploy/docker-compose.yml').matchAll(/\$\{(\w+):\?/g)].map((m) => m[1]!);
  const example = new Set([...read('deploy/.env.example').matchAll(/^(\w+)=/gm)].map((m) => m[1]!));
  for (const v of new Set(required)) assert.ok(example.has(v), `deploy/.env.example provides ${v}`);
});

test('nginx: both processes, WebSocket upgrade, unbuffered streams, sticky polling, no public /metrics', () => {
  const conf = read('deploy/nginx.conf');
  assert.match(conf, /upstream parley \{[^}]*ip_hash;[^}]*server parley-1:3000[^}]*server parley-2:3000/s);
  assert.match(conf, /proxy_set_header Upgrade \$http_upgrade;/);
  assert.match(conf, /proxy_set_header Connection \$connection_upgrade;/);
  assert.match(conf, /proxy_buffering off;/);
  assert.match(conf, /proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
  assert.match(conf, /location = \/metrics \{\s*return 404;/);
});

test('Dockerfile: non-root, health check, the bundled server, and only existing paths copied', () => {
  const dockerfile = read('Dockerfile');
  assert.match(dockerfile, /^USER node$/m);
  assert.match(dockerfile, /^HEALTHCHECK .*\n?.*\/health/m);
  assert.match(dockerfile, /^CMD \["node", "server\/dist\/main\.js"\]$/m);
  assert.match(dockerfile, /^FROM node:20-/m, 'the Node version the project supports');
  for (const m of dockerfile.matchAll(/^COPY (?!--from)(.+) (\S+)$/gm)) {
    for (const src of m[1]!.split(/\s+/).filter((p) => p !== '.')) assert.ok(existsSync(join(root, src)), `COPY ${src} exists`);
  }
  const scripts = (JSON.parse(read('server/package.json')) as { scripts: Record<string, string> }).scripts;
  assert.equal(scripts.build, 'node scripts/build.mjs', 'the image builds the server bundle it runs');
  assert.match(read('.dockerignore'), /^node_modules$/m);
});
