import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { HealthStatus } from '@parley/protocol';
import { startTestServer } from '../testing.js';
import type { TestServer } from '../testing.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server?.close();
});

const get = (path: string) => fetch(server.url + path);

test('/health reports the database; /health/live and /health/ready answer 200 on a healthy server', async () => {
  const health = await get('/health');
  assert.equal(health.status, 200);
  const body = (await health.json()) as HealthStatus;
  assert.equal(body.status, 'ok');
  assert.equal(body.database.driver, server.database.driver);
  assert.equal((await get('/health/live')).status, 200);
  const ready = await get('/health/ready');
  assert.equal(ready.status, 200);
  assert.equal(((await ready.json()) as { status: string }).status, 'ready');
});

test('/health/ready is 503 while shutting down, /health/live stays 200', async () => {
  // What close() sets first, and so what the SIGTERM handler in main.ts flips before sockets drop.
  server.app.ctx.state.closing = true;
  try {
    const ready = await get('/health/ready');
    assert.equal(ready.status, 503);
    assert.deepEqual(await ready.json(), { status: 'not_ready', reason: 'shutting down' });
    assert.equal((await get('/health/live')).status, 200);
  } finally {
    server.app.ctx.state.closing = false;
  }
  assert.equal((await get('/health/ready')).status, 200);
});

test('/health/ready is 503 when the database does not answer; liveness does not depend on it', async () => {
  await server.database.close();
  const ready = await get('/health/ready');
  assert.equal(ready.status, 503);
  assert.match(((await ready.json()) as { reason: string }).reason, /^database: /);
  assert.equal((await get('/health')).status, 503);
  assert.equal((await get('/health/live')).status, 200);
});
