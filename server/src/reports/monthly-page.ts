/**
 * The monthly report as a page a person prints (or saves as PDF from the print dialog): server-rendered,
 * every value escaped, no script and nothing loaded from elsewhere. The same table, with inline styles,
 * is the body of the admins' mail.
 */
import type { Locale, MonthlyReport, MonthlyReportRow, ReportValue } from '@parley/protocol';
import { REPORT_STRINGS } from './strings.js';
import { escapeHtml } from '../lib/html.js';


const rate = (v: ReportValue) => (v === null ? '—' : `${v}%`);
const delta = (now: ReportValue, before: ReportValue) => {
  if (now === null || before === null) return '—';
  const d = Math.round((now - before) * 10) / 10;
  return d > 0 ? `+${d}` : d === 0 ? '±0' : `${d}`;
};

export function formatInstant(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** The report's table; `cell` styles (inline for mail, none for the page, which has a stylesheet). */
export function monthlyTable(report: MonthlyReport, locale: Locale, style: { table?: string; th?: string; td?: string } = {}): string {
  const s = REPORT_STRINGS[locale];
  const m = s.monthly;
  const th = (t: string) => `<th scope="col"${style.th ? ` style="${style.th}"` : ''}>${escapeHtml(t)}</th>`;
  const td = (t: string | number) => `<td${style.td ? ` style="${style.td}"` : ''}>${escapeHtml(String(t))}</td>`;
  const row = (label: string, r: Omit<MonthlyReportRow, 'channel'>, total = false) =>
    `<tr${total ? ' class="total"' : ''}><th scope="row"${style.th ? ` style="${style.th}"` : ''}>${escapeHtml(label)}</th>${[
      r.items,
      r.inTarget,
      r.late,
      r.missed,
      rate(r.inTargetRate),
      delta(r.inTargetRate, r.previousInTargetRate),
      rate(r.csatInternalRate),
      delta(r.csatInternalRate, r.previousCsatInternalRate),
      rate(r.csatExternalRate),
      delta(r.csatExternalRate, r.previousCsatExternalRate),
    ]
      .map(td)
      .join('')}</tr>`;
  return [
    `<table${style.table ? ` style="${style.table}"` : ''}>`,
    `<thead><tr>${[m.channel, m.items, m.inTarget, m.late, m.missed, m.inTargetRate, m.change, m.csatInternal, m.change, m.csatExternal, m.change].map(th).join('')}</tr></thead>`,
    '<tbody>',
    ...report.channels.map((r) => row(s.channel[r.channel], r)),
    row(m.total, report.total, true),
    '</tbody>',
    '</table>',
    `<p>${escapeHtml(m.nps)}: ${escapeHtml(report.nps === null ? '—' : String(report.nps))} (${escapeHtml(m.change)} ${escapeHtml(delta(report.nps, report.previousNps))})</p>`,
  ].join('\n');
}

const PRINT_CSS = `
  body { margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1f2328; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
  .meta { color: #59636e; margin: 0 0 1.5rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #d0d7de; padding: .35rem .5rem; text-align: right; }
  th[scope="row"], thead th:first-child { text-align: left; }
  thead th { background: #f5f6f8; }
  tr.total th, tr.total td { font-weight: 600; border-top: 2px solid #1f2328; }
  @media print {
    @page { size: A4 landscape; margin: 15mm; }
    body { margin: 0; max-width: none; font-size: 11pt; }
    thead { display: table-header-group; }
    tr { page-break-inside: avoid; }
  }`;

/** The whole printable page. */
export function monthlyPage(report: MonthlyReport, locale: Locale, siteName: string): string {
  const m = REPORT_STRINGS[locale].monthly;
  const title = m.title(report.month);
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${siteName} · ${title}`)}</title>`,
    `<style>${PRINT_CSS}</style></head>`,
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(siteName)} · ${escapeHtml(m.zone(report.timeZone, report.chatTargetSeconds))} ${escapeHtml(m.generated(formatInstant(report.generatedAt, locale, report.timeZone)))}</p>`,
    report.channels.length === 0 ? `<p>${escapeHtml(m.empty)}</p>` : monthlyTable(report, locale),
    '</body>',
    '</html>',
  ].join('\n');
}
