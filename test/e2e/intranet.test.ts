/**
 * Announcements as employees meet them on the demo intranet (/intranet, its strict CSP and Trusted Types
 * included), with the demo's stand-in sign-in (DEMO_INTRANET=on): an urgent one published in the console
 * API opens as an alert dialog on every open tab and is acknowledged once; "View the intranet as" switches
 * the person and with them what the banner shows; parley.js's Parley('boot') mounts the banner on a page
 * that only has the script tag.
 */
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Announcement, AnnouncementInput, AnnouncementReceipts } from '../../packages/protocol/src/index.js';
import { ACCOUNTS, newContext, useServerAndBrowser, waitFor, watchErrors } from './harness.js';

// The demo's token endpoint is what the intranet page signs in with.
process.env.DEMO_INTRANET = 'on';
const env = useServerAndBrowser();
let admin = '';
const made: string[] = [];
// A test that fails half-way must not leave its urgent dialog over the next test's page.
afterEach(async () => {
  while (made.length) await consoleApi('POST', `/${made.pop()}/withdraw`);
});

async function consoleApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  if (!admin) {
    const res = await fetch(`${env.server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ACCOUNTS.admin.email, password: ACCOUNTS.admin.password }) });
    admin = ((await res.json()) as { token: string }).token;
  }
  const res = await fetch(`${env.server.url}/api/console/announcements${path}`, {
    method,
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  assert.ok(res.ok, `${method} ${path}: HTTP ${res.status} ${await res.clone().text()}`);
  return (await res.json()) as T;
}

async function publish(input: AnnouncementInput): Promise<Announcement> {
  const { announcement } = await consoleApi<{ announcement: Announcement }>('POST', '', input);
  made.push(announcement.id);
  await consoleApi('POST', `/${announcement.id}/publish`);
  return announcement;
}

test('an urgent announcement opens as an alert dialog on every open intranet tab; acknowledged in one, it closes in both', async () => {
  const context = await newContext(env.browser);
  const [one, two] = [await context.newPage(), await context.newPage()];
  const errors = [...watchErrors(one), ...watchErrors(two)];
  for (const page of [one, two]) {
    await page.goto(`${env.server.url}/intranet`);
    await page.getByRole('heading', { name: /Suggestion box/ }).waitFor();
  }
  // Both banners are connected before it is published: it must arrive live, not on load.
  await waitFor(() => Promise.all([one, two].map((p) => p.locator('parley-banner').evaluate((el) => !!el.shadowRoot?.querySelector('[role="status"]')))), (v) => v.every(Boolean), 15_000, 'both banners connected');

  const started = Date.now();
  const a = await publish({
    versions: [
      { locale: 'zh-CN', title: '今天 15:00 消防演练', body: '听到警报后请从最近的楼梯撤离。' },
      { locale: 'en', title: 'Fire drill at 15:00 today', body: 'Leave by the nearest stairs when the alarm sounds.' },
    ],
    priority: 'urgent',
    ackRequired: true,
    audience: { kind: 'everyone' },
  });
  for (const page of [one, two]) await page.getByRole('alertdialog', { name: '今天 15:00 消防演练' }).waitFor({ timeout: 5000 });
  assert.ok(Date.now() - started < 5000, 'within seconds');
  const dialog = one.getByRole('alertdialog', { name: '今天 15:00 消防演练' });
  // The text arrives a moment later than the title: the sanitiser loads with the first announcement.
  await dialog.getByText('听到警报后请从最近的楼梯撤离。').waitFor();
  // 王芳's token says zh-CN: the banner's own words follow.
  await one.getByRole('button', { name: '我已阅读' }).click();
  await waitFor(() => two.getByRole('alertdialog').count(), (n) => n === 0, 10_000, 'the other tab to close its dialog');
  assert.equal(await one.getByRole('alertdialog').count(), 0);
  const receipts = (await consoleApi<{ receipts: AnnouncementReceipts }>('GET', `/${a.id}/receipts`)).receipts;
  assert.deepEqual(
    receipts.rows.map((r) => [r.subject, !!r.acknowledgedAt]),
    [['demo-emp-wangfang', true]],
    'one person, one acknowledgement, however many tabs',
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('"View the intranet as" switches the employee, and the banner shows what is theirs', async () => {
  await publish({
    versions: [{ locale: 'en', title: 'New returns process', body: 'Read the [guide](https://example.com/returns).' }],
    priority: 'important',
    ackRequired: true,
    audience: { kind: 'employees', employees: ['demo-emp-zhangwei'] },
  });
  const context = await newContext(env.browser);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.server.url}/intranet`);
  await page.getByRole('heading', { name: /Suggestion box/ }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'New returns process' }).count(), 0, '王芳 does not see it');

  await page.getByLabel('View the intranet as').selectOption('support');
  await page.getByRole('button', { name: /Switch/ }).click();
  await page.waitForURL(/\?as=support$/);
  await page.getByRole('heading', { name: 'New returns process' }).waitFor();
  assert.equal(await page.getByLabel('View the intranet as').inputValue(), 'support');
  assert.match((await page.locator('[data-signed-in-as]').textContent()) ?? '', /张伟/);
  await page.getByRole('region', { name: '公告' }).getByRole('button', { name: '我已阅读' }).click();
  await page.getByText('已确认阅读').waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'New returns process' }).waitFor();
  await page.getByText('已确认阅读').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('Parley("boot", {employeeTokenUrl}) mounts the banner at the top of a page that only has parley.js', async () => {
  await publish({
    versions: [{ locale: 'en', title: 'Sales kick-off on Monday', body: 'Room 4, 9:00.' }],
    priority: 'normal',
    audience: { kind: 'employees', employees: ['demo-emp-emilychen'] },
  });
  const context = await newContext(env.browser);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.server.url}/`);
  await page.getByRole('button', { name: 'Open chat' }).waitFor();
  await page.evaluate(() => (window as unknown as { Parley: (...a: unknown[]) => void }).Parley('boot', { employeeTokenUrl: '/api/demo/employee-token?as=sales' }));
  await page.getByRole('heading', { name: 'Sales kick-off on Monday' }).waitFor();
  assert.equal(await page.evaluate(() => document.body.firstElementChild?.tagName), 'PARLEY-BANNER');
  await page.getByRole('button', { name: 'Dismiss “Sales kick-off on Monday”' }).click();
  await waitFor(() => page.getByRole('heading', { name: 'Sales kick-off on Monday' }).count(), (n) => n === 0, 10_000, 'dismissed');
  assert.deepEqual(errors, []);
  await context.close();
});
