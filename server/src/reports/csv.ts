/**
 * Report tables as CSV for spreadsheets: UTF-8 with a byte-order mark (without it Excel reads UTF-8 as
 * the local code page and Chinese turns to mojibake), CRLF line ends, fields quoted when they hold a
 * comma, a quote, any line break (csv-stringify quotes only the CRLF record delimiter by itself, and a
 * bare LF in a comment would split Excel's row) or edge spaces. A text cell that starts like a formula (= + - @) gets a
 * leading apostrophe, so a customer's comment cannot run as a formula when the file is opened.
 */
import { stringify } from 'csv-stringify/sync';
import type { Locale, MonthlyReport, MonthlyReportRow, ReportComment, ReportSection, ReportValue } from '@parley/protocol';
import { metricHeader, REPORT_STRINGS, type ReportTable } from './strings.js';

type Cell = string | number | null;

/** Neutralises spreadsheet formulas in text that came from people. */
export function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function toCsv(rows: Cell[][]): string {
  return stringify(
    rows.map((r) => r.map((c) => (c === null ? '' : typeof c === 'number' ? String(c) : safeText(c)))),
    { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]|^\s|\s$/ },
  );
}

type Section = ReportSection<string> & { comments?: ReportComment[] };
type Names = { department(id: string | null): string; agent(id: string | null): string };

function tableRows(section: Section, table: Exclude<ReportTable, 'all'>, locale: Locale, names: Names): Cell[][] {
  const s = REPORT_STRINGS[locale];
  if (table === 'comments') {
    const c = s.comments;
    return [
      [c.createdAt, c.kind, c.score, c.comment, c.department, c.agent, c.channel],
      ...(section.comments ?? []).map((r) => [r.createdAt, r.kind.toUpperCase(), r.score, r.comment, names.department(r.departmentId), names.agent(r.agentId), r.channel ? s.channel[r.channel] : '']),
    ];
  }
  const header = [s.column[table], ...section.metrics.map((m) => metricHeader(s, m))];
  const line = (label: string, values: Record<string, ReportValue>): Cell[] => [label, ...section.metrics.map((m) => values[m] ?? null)];
  if (table === 'summary') return [header, line(s.period, section.total), ...(section.previous ? [line(s.previous, section.previous)] : [])];
  const label = (key: string, fallback: string) => (table === 'byChannel' && key in s.channel ? s.channel[key as keyof typeof s.channel] : fallback);
  return [header, ...section[table].map((r) => line(label(r.key, r.label), r.values))];
}

/**
 * One table of a report section (its summary, a breakdown, the survey comments), or `all` of them one
 * after the other, each under a title line and followed by an empty line. Breakdowns a section does
 * not have (a help-center vote has no agent) are left out of `all`.
 */
export function sectionCsv(section: Section, table: ReportTable | 'all', locale: Locale, names: Names): string {
  if (table !== 'all') return toCsv(tableRows(section, table, locale, names));
  const titles = REPORT_STRINGS[locale].table;
  const tables: Array<Exclude<ReportTable, 'all'>> = ['summary', 'series', 'byDepartment', 'byAgent', 'byChannel'];
  if (section.comments) tables.push('comments');
  const rows: Cell[][] = [];
  for (const t of tables) {
    if (t !== 'summary' && t !== 'comments' && section[t].length === 0) continue;
    rows.push([titles[t]], ...tableRows(section, t, locale, names), []);
  }
  return toCsv(rows);
}

const change = (now: ReportValue, before: ReportValue): ReportValue => (now === null || before === null ? null : Math.round((now - before) * 10) / 10);

/** The monthly report: a line per channel and one for all, rates with their change from the month before. */
export function monthlyCsv(report: MonthlyReport, locale: Locale): string {
  const s = REPORT_STRINGS[locale];
  const m = s.monthly;
  const line = (label: string, r: Omit<MonthlyReportRow, 'channel'>): Cell[] => [
    label,
    r.items,
    r.inTarget,
    r.late,
    r.missed,
    r.inTargetRate,
    change(r.inTargetRate, r.previousInTargetRate),
    r.csatInternalRate,
    change(r.csatInternalRate, r.previousCsatInternalRate),
    r.csatExternalRate,
    change(r.csatExternalRate, r.previousCsatExternalRate),
  ];
  return toCsv([
    [m.title(report.month)],
    [
      m.channel,
      m.items,
      m.inTarget,
      m.late,
      m.missed,
      `${m.inTargetRate} [%]`,
      `${m.change} [%]`,
      `${m.csatInternal} [%]`,
      `${m.change} [%]`,
      `${m.csatExternal} [%]`,
      `${m.change} [%]`,
    ],
    ...report.channels.map((r) => line(s.channel[r.channel], r)),
    line(m.total, report.total),
    [],
    [m.nps, report.nps, `${m.change}`, change(report.nps, report.previousNps)],
  ]);
}
