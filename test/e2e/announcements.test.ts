/**
 * Intranet announcements end to end, as the people involved click through them: Sam, supervisor of
 * Support (售后服务), writes an urgent announcement for Support in the console and publishes it; on the
 * demo intranet (/intranet, under its strict CSP) the two Support employees get it live as an alert
 * dialog while the Sales employee gets nothing; one acknowledges, and the console's receipts show who
 * has not, remind them, and download the CSV for audit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { ACCOUNTS, console_, newContext, useServerAndBrowser, waitFor, watchErrors } from './harness.js';

// The demo's token endpoint is the intranet page's stand-in for a company sign-in.
process.env.DEMO_INTRANET = 'on';
const env = useServerAndBrowser();

const TITLE = 'Payment system down until 16:00';
const TITLE_ZH = '支付系统故障，16:00 前暂停退款';
const BODY = 'Do not promise refunds today. Tell customers we will call them back.';
const BODY_ZH = '今天请勿承诺退款，告诉客户我们会回电。';

/** One employee's browser on the demo intranet, signed in through "View the intranet as". */
async function intranetAs(who: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const res = await page.goto(`${env.server.url}/intranet?as=${who}`);
  assert.match(res?.headers()['content-security-policy'] ?? '', /require-trusted-types-for 'script'/, 'the demo intranet runs under the strict CSP');
  await page.getByRole('heading', { name: /Suggestion box/ }).waitFor();
  return { context, page, errors };
}

/**
 * The banner shows nothing while there is nothing for the person, so its loaded state is read from
 * its live region (present once the announcements are loaded): it must be connected before publishing,
 * for the alert to prove it arrives live rather than on load.
 */
async function bannerLoaded(page: Page): Promise<void> {
  await waitFor(() => page.locator('parley-banner').evaluate((el) => !!el.shadowRoot?.querySelector('[role="status"]')), Boolean, 15_000, 'the banner to load');
}

test('an urgent announcement for Support reaches Support live, not Sales; the receipts show who has not acknowledged, and export', async () => {
  const zhang = await intranetAs('support'); // 张伟, Support, reads 简体中文
  const maria = await intranetAs('support2'); // Maria Santos, Support, reads English
  const emily = await intranetAs('sales'); // Emily Chen, Sales
  assert.match((await zhang.page.locator('[data-signed-in-as]').textContent()) ?? '', /张伟/);
  for (const p of [zhang, maria, emily]) await bannerLoaded(p.page);

  // Sam writes it in the console: English and 简体中文, urgent, for Support, to be acknowledged.
  const sam = await newContext(env.browser);
  const consolePage = await sam.newPage();
  const consoleErrors = watchErrors(consolePage);
  await consolePage.goto(`${env.server.url}/console`);
  await console_(consolePage).signIn(ACCOUNTS.sam);
  await consolePage.getByRole('navigation', { name: 'Console views' }).getByRole('button', { name: 'Announcements' }).click();
  await consolePage.getByRole('heading', { name: 'Announcements', level: 2 }).waitFor();
  await consolePage.getByRole('button', { name: 'New announcement' }).click();
  await consolePage.getByRole('textbox', { name: 'Title · English' }).fill(TITLE);
  await consolePage.getByRole('textbox', { name: 'Text · English' }).fill(BODY);
  await consolePage.getByRole('textbox', { name: 'Title · 简体中文' }).fill(TITLE_ZH);
  await consolePage.getByRole('textbox', { name: 'Text · 简体中文' }).fill(BODY_ZH);
  await consolePage.getByRole('radio', { name: 'Urgent' }).check();
  // A supervisor addresses their own departments only: no "everyone", no named people.
  assert.equal(await consolePage.getByRole('radio', { name: 'Everyone on the intranet' }).count(), 0);
  await consolePage.getByRole('group', { name: 'Some departments' }).getByRole('checkbox', { name: 'Support' }).check();
  await consolePage.getByRole('checkbox', { name: 'Employees must acknowledge it' }).check();
  const started = Date.now();
  await consolePage.getByRole('button', { name: 'Publish now' }).click();

  // Live on both Support pages, each in its reader's language, focus on the dialog's action.
  const zhangDialog = zhang.page.getByRole('alertdialog', { name: TITLE_ZH });
  const mariaDialog = maria.page.getByRole('alertdialog', { name: TITLE });
  await Promise.all([zhangDialog.waitFor({ timeout: 5000 }), mariaDialog.waitFor({ timeout: 5000 })]);
  assert.ok(Date.now() - started < 5000, 'within seconds of Publish now');
  await consolePage.getByText('The announcement is live.').waitFor();
  // The text follows the title: the sanitiser loads with the first announcement.
  await zhangDialog.getByText(BODY_ZH).waitFor();
  await mariaDialog.getByText(BODY).waitFor();
  const ack = zhangDialog.getByRole('button', { name: '我已阅读' });
  assert.ok(await ack.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el), 'focus is on "我已阅读"');
  // Acknowledgement is required: Escape does not get rid of it.
  await zhang.page.keyboard.press('Escape');
  assert.equal(await zhangDialog.isVisible(), true, 'Escape leaves a dialog that needs an acknowledgement open');
  await ack.click();
  await waitFor(() => zhangDialog.count(), (n) => n === 0, 10_000, 'the dialog to close');
  // It stays in 张伟's banner, marked acknowledged, also after a reload (and does not pop up again).
  const zhangBanner = zhang.page.getByRole('region', { name: '公告' });
  await zhangBanner.getByText('已确认阅读').waitFor();
  await zhang.page.reload();
  await zhang.page.getByRole('region', { name: '公告' }).getByRole('heading', { name: TITLE_ZH }).waitFor();
  await zhang.page.getByRole('region', { name: '公告' }).getByText('已确认阅读').waitFor();
  assert.equal(await zhang.page.getByRole('alertdialog').count(), 0);

  // The receipts, reopened from the list as a supervisor would to see the latest.
  const view = consolePage.locator('parley-console-announcements');
  const receipts = view.getByRole('region', { name: new RegExp(TITLE) });
  const openReceipts = async () => {
    await view.getByRole('button', { name: 'Back to announcements' }).click();
    await view.getByRole('button', { name: TITLE }).click();
    await receipts.getByRole('heading', { name: 'Not acknowledged yet' }).waitFor();
    return ((await receipts.locator('dl').innerText()) ?? '').replace(/\s+/g, ' ');
  };
  const summary = await waitFor(openReceipts, (t) => /Seen 2 of 2/.test(t), 15_000, 'both Support employees to have seen it');
  assert.match(summary, /Reached 2 Seen 2 of 2 \(100%\) Acknowledged 1 of 2 \(50%\)/, 'Emily of Sales is not in the audience');
  const missing = receipts.getByRole('table', { name: 'Support: 1 not acknowledged' });
  assert.deepEqual(
    (await missing.getByRole('rowheader').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()),
    ['Maria Santos demo-emp-mariasantos'],
  );
  assert.notEqual(await missing.getByRole('cell').first().innerText(), 'Not seen', 'she saw it');

  await receipts.getByRole('button', { name: 'Remind them' }).click();
  await view.getByRole('status').getByText('Reminder sent to 1 person.').waitFor();

  const [download] = await Promise.all([consolePage.waitForEvent('download'), receipts.getByRole('button', { name: 'Download CSV' }).click()]);
  assert.match(download.suggestedFilename(), /^announcement-.+-receipts\.csv$/);
  const csv = Buffer.concat((await (await download.createReadStream()).toArray()) as Buffer[]);
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM, for Excel');
  const lines = csv.toString('utf8').slice(1).trim().split(/\r?\n/);
  assert.equal(lines[0], 'announcement_id,title,subject,name,token_departments,parley_departments,seen_at,acknowledged_at,dismissed_at');
  const row = (subject: string) => lines.filter((l) => l.includes(`,${subject},`)).map((l) => l.split(','));
  const [zhangRow, ...zhangMore] = row('demo-emp-zhangwei');
  assert.equal(zhangMore.length, 0, '张伟 once');
  assert.equal(zhangRow?.[3], '张伟');
  assert.ok(zhangRow?.[7], 'with the time of the acknowledgement');
  const [mariaRow] = row('demo-emp-mariasantos');
  assert.ok(mariaRow?.[6] && !mariaRow[7], 'Maria Santos: seen, not acknowledged');
  assert.equal(row('demo-emp-emilychen').length, 0, 'nobody of Sales');
  assert.equal(lines.length, 3);

  // By now the push reached everyone it was going to: Emily of Sales has nothing, not even a notice.
  assert.equal(await emily.page.getByRole('alertdialog').count(), 0);
  assert.equal(await emily.page.getByRole('region', { name: 'Announcements' }).count(), 0);
  assert.equal(await emily.page.getByText(TITLE).count(), 0);
  // Maria's dialog is still there, waiting for her.
  assert.equal(await mariaDialog.isVisible(), true);

  assert.deepEqual([...zhang.errors, ...maria.errors, ...emily.errors], []);
  assert.deepEqual(consoleErrors, []);
  for (const c of [zhang.context, maria.context, emily.context, sam]) await c.close();
});
