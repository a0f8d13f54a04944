/**
 * The monthly report's mail to the admins: the table itself (so it reads without signing in) and a
 * link to the console, where the CSV and the printable page are. Written to the outbox inside the
 * report job's transaction. English and 简体中文 in one mail: admins have no language setting yet.
 */
import { and, eq } from 'drizzle-orm';
import type { Locale, MonthlyReport } from '@parley/protocol';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/client.js';
import { agents } from '../db/schema.js';
import { queueMail } from '../mail/service.js';
import { publicBase } from '../tickets/notify.js';
import { escapeHtml } from '../lib/html.js';
import { monthlyTable } from './monthly-page.js';
import { REPORT_STRINGS } from './strings.js';

const LOCALES: Locale[] = ['en', 'zh-CN'];
const CELL = 'border:1px solid #d0d7de;padding:4px 6px;text-align:right';

export function renderMonthlyMail(report: MonthlyReport, siteName: string, consoleLink: string): { subject: string; text: string; html: string } {
  const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  const subject = oneLine(`${siteName}: ${LOCALES.map((l) => REPORT_STRINGS[l].monthly.title(report.month)).join(' / ')}`);
  const text = LOCALES.map((l) => {
    const s = REPORT_STRINGS[l];
    const m = s.monthly;
    const rate = (v: number | null) => (v === null ? '—' : `${v}%`);
    const lines = [...report.channels.map((r) => ({ label: s.channel[r.channel], r })), { label: m.total, r: report.total }].map(
      ({ label, r }) => `- ${label}: ${m.items} ${r.items}, ${m.inTargetRate} ${rate(r.inTargetRate)}, ${m.late} ${r.late}, ${m.missed} ${r.missed}, ${m.csatInternal} ${rate(r.csatInternalRate)}, ${m.csatExternal} ${rate(r.csatExternalRate)}`,
    );
    return [m.mailIntro(siteName, report.month), '', ...lines, '', `${m.mailCsv} / ${m.mailPage}: ${consoleLink}`].join('\n');
  }).join('\n\n---\n\n');
  const html = [
    '<!doctype html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px 12px;background:#f5f6f8">',
    '<div style="max-width:760px;margin:0 auto;padding:24px;background:#ffffff;border-radius:8px;color:#1f2328;font-family:-apple-system,BlinkMacSystemFont,\'Segoe UI\',Roboto,\'PingFang SC\',\'Microsoft YaHei\',\'Noto Sans CJK SC\',sans-serif;font-size:14px;line-height:1.5">',
    ...LOCALES.map((l) => {
      const m = REPORT_STRINGS[l].monthly;
      return [
        `<div lang="${l}">`,
        `<h2 style="font-size:18px;margin:0 0 12px">${escapeHtml(m.title(report.month))}</h2>`,
        `<p style="margin:0 0 12px">${escapeHtml(m.mailIntro(siteName, report.month))}</p>`,
        report.channels.length === 0 ? `<p>${escapeHtml(m.empty)}</p>` : monthlyTable(report, l, { table: 'border-collapse:collapse;margin:0 0 12px;font-size:13px', th: CELL, td: CELL }),
        `<p style="margin:0 0 24px"><a href="${escapeHtml(consoleLink)}" style="color:#0b5cad">${escapeHtml(`${m.mailCsv} / ${m.mailPage}`)}</a></p>`,
        '</div>',
      ].join('\n');
    }),
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
  return { subject, text, html };
}

/** One mail per admin; returns how many were written. */
export async function mailMonthlyReport(tx: Executor, ctx: AppContext, input: { siteId: string; siteName: string; report: MonthlyReport }, now: Date): Promise<number> {
  const admins = await tx.select({ email: agents.email }).from(agents).where(and(eq(agents.role, 'admin'), eq(agents.status, 'active')));
  const mail = renderMonthlyMail(input.report, input.siteName, `${publicBase(ctx)}/console#reports=monthly:${input.report.id}`);
  for (const { email } of admins) {
    await queueMail(tx, { siteId: input.siteId, template: 'report.monthly', to: email, ...mail }, { delivering: !!ctx.config.smtpUrl, now });
  }
  return admins.length;
}
