/**
 * EmployeeClient against a real Parley server (in-process, PGlite; PostgreSQL with TEST_DATABASE_URL):
 * announcements created and published over the console API as an admin, received over the employee
 * stream (Server-Sent Events), receipts sent over REST.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Announcement, AnnouncementInput, AnnouncementReceipts } from '@parley/protocol';
import { dropEmployeeStreams } from '../../../server/src/announcements/employee-routes.js';
import { startTestServer, type TestServer } from '../../../server/src/testing.js';
import { employeeToken, siteSecret } from '../../../server/src/tickets/test-kit.js';
import { AgentClient } from './agent.js';
import { EmployeeClient, byUrgency } from './employee.js';
import { memoryStore, type KeyValueStore } from './storage.js';

let server: TestServer;
let admin = '';

before(async () => {
  server = await startTestServer();
  admin = (await AgentClient.login(server.url, server.accounts.admin.email, server.accounts.admin.password)).token;
});
after(() => server.close());

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}/api/console/announcements${path}`, {
    method,
    headers: { authorization: `Bearer ${admin}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  assert.ok(res.ok, `${method} ${path}: ${JSON.stringify(json)}`);
  return json;
}

/** A live announcement for everyone (or the named people). */
async function publish(title: string, input: Partial<AnnouncementInput> = {}): Promise<Announcement> {
  const { announcement } = await call<{ announcement: Announcement }>('POST', '', {
    versions: [{ locale: 'en', title, body: `**${title}** body` }],
    priority: 'normal',
    audience: { kind: 'everyone' },
    ...input,
  });
  return (await call<{ announcement: Announcement }>('POST', `/${announcement.id}/publish`)).announcement;
}

const receipts = async (id: string) => (await call<{ receipts: AnnouncementReceipts }>('GET', `/${id}/receipts`)).receipts;

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

let people = 0;
/** A new employee each time, so tests do not share receipts. */
async function employee(opts: { store?: KeyValueStore; fetchToken?: () => Promise<string>; token?: string; sub?: string; fetch?: typeof fetch } = {}) {
  const sub = opts.sub ?? `client-emp-${++people}-${Date.now()}`;
  const token = opts.token ?? (opts.fetchToken ? undefined : await server.signEmployeeToken({ sub, name: sub, departments: ['Support'], locale: 'en' }));
  const client = new EmployeeClient({
    server: server.url,
    siteKey: server.siteKey,
    ...(token ? { token } : {}),
    ...(opts.fetchToken ? { fetchToken: opts.fetchToken } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    storage: opts.store ?? memoryStore(),
  });
  return { client, sub };
}

const titles = (c: EmployeeClient) => c.state.announcements.map((a) => a.title);

test('lists the active announcements most urgent first, receives new ones live, and drops withdrawn ones', async () => {
  await publish('Canteen menu');
  await publish('New expense policy', { priority: 'important', ackRequired: true });
  const { client } = await employee();
  try {
    await client.connect();
    await until('the list', () => client.state.loaded);
    assert.equal(client.state.connection, 'online');
    const mine = titles(client).filter((t) => ['Canteen menu', 'New expense policy'].includes(t));
    assert.deepEqual(mine, ['New expense policy', 'Canteen menu'], 'important before normal');

    const arrived: string[] = [];
    client.addEventListener('arrived', (e) => arrived.push((e as CustomEvent<{ title: string }>).detail.title));
    const urgent = await publish('Fire drill at 15:00', { priority: 'urgent' });
    await until('the live push', () => titles(client).includes('Fire drill at 15:00'));
    assert.deepEqual(arrived, ['Fire drill at 15:00']);
    assert.equal(titles(client)[0], 'Fire drill at 15:00', 'urgent goes first');
    assert.deepEqual([...client.state.announcements].sort(byUrgency), client.state.announcements, 'kept sorted');

    await call('POST', `/${urgent.id}/withdraw`);
    await until('the withdrawal', () => !titles(client).includes('Fire drill at 15:00'));
  } finally {
    client.disconnect();
  }
});

test('seen, acknowledged and dismissed are recorded once; dismissing what still needs an acknowledgement is refused', async () => {
  const a = await publish('Read the handbook', { priority: 'important', ackRequired: true });
  const n = await publish('Parking closed Friday');
  const { client, sub } = await employee();
  try {
    await client.connect();
    await until('the list', () => client.state.loaded);
    client.seen(n.id);
    client.dismiss(a.id);
    assert.ok(titles(client).includes('Read the handbook'), 'not dismissible before the acknowledgement');
    client.acknowledge(a.id);
    assert.ok(client.state.announcements.find((x) => x.id === a.id)?.acknowledgedAt, 'shown as acknowledged at once');
    await until('confirmation', () => client.unconfirmed.length === 0);
    const r = await receipts(a.id);
    const row = r.rows.find((x) => x.subject === sub);
    assert.ok(row?.acknowledgedAt && row.seenAt, 'the server holds the acknowledgement (and seen with it)');
    client.acknowledge(a.id);
    await until('confirmation', () => client.unconfirmed.length === 0);
    assert.equal((await receipts(a.id)).rows.find((x) => x.subject === sub)?.acknowledgedAt, row.acknowledgedAt, 'the first acknowledgement is kept');

    client.dismiss(n.id);
    assert.ok(!titles(client).includes('Parking closed Friday'), 'hidden at once');
    await until('confirmation', () => client.unconfirmed.length === 0);
    await client.refresh();
    assert.ok(!titles(client).includes('Parking closed Friday'), 'and stays dismissed on the next list');
  } finally {
    client.disconnect();
  }
});

test('an acknowledgement given while the connection is down is sent after it comes back', async () => {
  const a = await publish('Security training', { priority: 'important', ackRequired: true });
  const store = memoryStore();
  // The network, as this client sees it: while `down`, every request fails as a dropped connection does.
  let down = false;
  const net: typeof fetch = (input, init) => (down ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init));
  const { client, sub } = await employee({ store, fetch: net });
  try {
    await client.connect();
    await until('the list', () => client.state.loaded);
    down = true;
    assert.equal(dropEmployeeStreams(server.app.ctx) >= 1, true, 'the server ended the stream');
    await until('the drop noticed', () => client.state.connection === 'connecting');
    client.acknowledge(a.id);
    assert.equal(client.unconfirmed.length, 1);
    assert.deepEqual(JSON.parse(store.getItem(`parley:${server.siteKey}:employee:${sub}:receipts`) ?? '[]'), [{ kind: 'ack', id: a.id }], 'kept in storage meanwhile');
    assert.ok(client.state.announcements.find((x) => x.id === a.id)?.acknowledgedAt, 'shown as acknowledged meanwhile');
    await new Promise((r) => setTimeout(r, 700)); // a reconnect attempt or two fail
    assert.equal((await receipts(a.id)).rows.find((x) => x.subject === sub), undefined, 'nothing reached the server while down');
    down = false;
    await until('the reconnect and the re-send', () => client.unconfirmed.length === 0 && client.state.connection === 'online');
    assert.ok((await receipts(a.id)).rows.find((x) => x.subject === sub)?.acknowledgedAt);
  } finally {
    client.disconnect();
  }
});

test('an acknowledgement not yet confirmed survives a reload: the next page sends it', async () => {
  const a = await publish('Sign the code of conduct', { priority: 'important', ackRequired: true });
  const store = memoryStore();
  const sub = `client-reload-${Date.now()}`;
  const token = await server.signEmployeeToken({ sub, name: sub, departments: [], locale: 'en' });
  const first = new EmployeeClient({ server: server.url, siteKey: server.siteKey, token, storage: store });
  first.acknowledge(a.id); // never connected: the page closed at once
  first.disconnect();
  assert.equal((await receipts(a.id)).rows.find((x) => x.subject === sub), undefined, 'nothing reached the server');

  const second = new EmployeeClient({ server: server.url, siteKey: server.siteKey, token, storage: store });
  try {
    await second.connect();
    await until('the re-send', async () => !!(await receipts(a.id)).rows.find((x) => x.subject === sub)?.acknowledgedAt);
    await until('confirmation', () => second.unconfirmed.length === 0);
    assert.equal(store.getItem(`parley:${server.siteKey}:employee:${sub}:receipts`), null, 'storage cleared once confirmed');
    assert.ok(second.state.announcements.find((x) => x.id === a.id)?.acknowledgedAt);
  } finally {
    second.disconnect();
  }
});

test('an expired token is replaced from fetchToken once; a forged one is refused and nothing is listed', async () => {
  await publish('Quarterly results');
  const sub = `client-exp-${Date.now()}`;
  // An expired token signed with the real secret: what a page left open overnight still holds.
  const fresh = await server.signEmployeeToken({ sub, name: sub, departments: [], locale: 'zh-CN' });
  const expired = await employeeToken(await siteSecret(server), { sub, name: sub }, new Date(Date.now() - 7_200_000), 3600);
  let fetched = 0;
  const renewing = new EmployeeClient({ server: server.url, siteKey: server.siteKey, token: expired, fetchToken: async () => (fetched++, fresh), storage: memoryStore() });
  try {
    await renewing.connect();
    await until('the list after renewal', () => renewing.state.loaded && renewing.state.connection === 'online');
    assert.equal(fetched, 1);
    assert.ok(titles(renewing).includes('Quarterly results'));
    assert.equal(renewing.employeeLocale, 'zh-CN', 'the fresh token names the language');
  } finally {
    renewing.disconnect();
  }

  const forged = await employeeToken('not-the-site-secret-0123456789ab', { sub: 'mallory', name: 'Mallory' }, new Date());
  const refused = new EmployeeClient({ server: server.url, siteKey: server.siteKey, token: forged, fetchToken: async () => forged, storage: memoryStore() });
  await refused.connect();
  await until('the refusal', () => refused.state.connection === 'refused');
  assert.equal(refused.state.error?.code, 'unauthorized');
  assert.match(refused.state.error?.message ?? '', /not valid/);
  assert.deepEqual(refused.state.announcements, []);
  refused.disconnect();

  const noUrl = new EmployeeClient({ server: server.url, siteKey: server.siteKey, fetchToken: async () => Promise.reject(new Error('HTTP 401')), storage: memoryStore() });
  await noUrl.connect();
  assert.equal(noUrl.state.connection, 'refused', 'the intranet would not give a token: nothing is shown');
  noUrl.disconnect();
});
