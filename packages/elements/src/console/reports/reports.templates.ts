/**
 * How one report section renders: its headline figures with the change against the previous period,
 * a chart of what matters most in it over time, and a table (over time, or by department, agent or
 * channel) holding every figure the chart and the CSV hold.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ReportComment, ReportResponse, ReportRow, ReportSection, ReportSectionName } from '@parley/protocol';
import type { Locale } from '../../internal/i18n.js';
import { bucketLabel, change, formatValue, unitOf } from './reports.format.js';
import type { AnyMetric, Breakdown, ReportsStrings } from './reports.strings.js';

/** Per section: the figures on its cards, and the chart's kind and lines (all in one unit). */
export const SECTION_VIEW: Record<ReportSectionName, { cards: AnyMetric[]; chart: 'bar' | 'line'; lines: AnyMetric[] }> = {
  volume: { cards: ['conversations', 'tickets'], chart: 'bar', lines: ['conversations', 'tickets'] },
  responseTimes: {
    cards: ['chatFirstResponseMedian', 'queueWaitMedian', 'ticketFirstResponseMedian', 'ticketResolutionMedian'],
    chart: 'line',
    lines: ['chatFirstResponseMedian', 'queueWaitMedian', 'ticketFirstResponseMedian'],
  },
  sla: { cards: ['slaCompliance', 'slaBreached', 'chatCompliance', 'escalated'], chart: 'line', lines: ['slaCompliance', 'chatCompliance'] },
  bot: { cards: ['containmentRate', 'botClosed', 'botHandedOff'], chart: 'line', lines: ['containmentRate'] },
  kb: { cards: ['helpfulRate', 'kbVotes'], chart: 'line', lines: ['helpfulRate'] },
  satisfaction: { cards: ['csatRate', 'csatAverage', 'nps', 'csatResponses', 'npsResponses'], chart: 'line', lines: ['csatRate', 'csatInternalRate', 'csatExternalRate'] },
};

export interface SectionView {
  s: ReportsStrings;
  locale: Locale;
  report: ReportResponse;
  breakdown: Breakdown;
  setBreakdown(b: Breakdown): void;
  downloadCsv(): void;
  /** A department's name in the reader's language, when the directory knows it. */
  departmentName(id: string): string | null;
}

type AnySection = ReportSection<AnyMetric>;

function card(v: SectionView, section: AnySection, metric: AnyMetric): TemplateResult {
  const { s, locale } = v;
  const value = section.total[metric] ?? null;
  const previous = section.previous?.[metric] ?? null;
  const delta = section.previous ? change(s, locale, metric, value, previous) : null;
  return html`<div class="card">
    <dt>${s.metric[metric]}</dt>
    <dd class="value">${formatValue(s, locale, metric, value)}</dd>
    ${section.previous
      ? html`<dd class="previous">
          ${s.previous(formatValue(s, locale, metric, previous))}${delta ? html` · <span class="change ${delta.tone}">${delta.text}</span>` : nothing}
        </dd>`
      : nothing}
  </div>`;
}

function rowLabel(v: SectionView, breakdown: Breakdown, row: ReportRow<string>): string {
  if (row.key === 'none') return v.s.none;
  if (breakdown === 'series') return bucketLabel(v.locale, row.key, v.report.request.granularity);
  if (breakdown === 'byDepartment') return v.departmentName(row.key) ?? row.label;
  if (breakdown === 'byChannel') return v.s.channelName[row.key as keyof ReportsStrings['channelName']] ?? row.label;
  return row.label;
}

function table(v: SectionView, name: ReportSectionName, section: AnySection): TemplateResult {
  const { s, locale, breakdown } = v;
  const rows = section[breakdown] as ReportRow<AnyMetric>[];
  const available = (['series', 'byDepartment', 'byAgent', 'byChannel'] as const).filter((b) => b === 'series' || section[b].length > 0);
  return html`
    <div class="breakdowns" role="group" aria-label=${`${s.section[name]}: ${s.breakdownLabel}`}>
      ${available.map(
        (b) => html`<button type="button" class="tab" aria-pressed=${b === breakdown ? 'true' : 'false'} @click=${() => v.setBreakdown(b)}>${s.breakdown[b]}</button>`,
      )}
    </div>
    <div class="table-wrap" tabindex="0" role="region" aria-label=${`${s.section[name]} · ${s.breakdown[breakdown]}`}>
      <table>
        <caption class="visually-hidden">${s.section[name]} · ${s.breakdown[breakdown]}</caption>
        <thead>
          <tr>
            <th scope="col">${s.breakdown[breakdown]}</th>
            ${section.metrics.map((m) => html`<th scope="col" class="num">${s.metric[m]}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.length === 0
            ? html`<tr><td colspan=${section.metrics.length + 1} class="muted">${s.noData}</td></tr>`
            : rows.map(
                (row) => html`<tr>
                  <th scope="row">${rowLabel(v, breakdown, row)}</th>
                  ${section.metrics.map((m) => html`<td class="num">${formatValue(s, locale, m, row.values[m] ?? null)}</td>`)}
                </tr>`,
              )}
        </tbody>
      </table>
    </div>
  `;
}

function comments(v: SectionView, items: readonly ReportComment[]): TemplateResult {
  const { s, locale } = v;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return html`<h4>${s.comments}</h4>
    ${items.length === 0
      ? html`<p class="muted">${s.noComments}</p>`
      : html`<ul class="comments">
          ${items.slice(0, 20).map(
            (c) => html`<li>
              <span class="badge">${s.scoreOf(c.kind === 'nps' ? s.nps : s.csat, c.score)}</span>
              <span class="muted">${date.format(new Date(c.createdAt))}</span>
              <p>${c.comment}</p>
            </li>`,
          )}
        </ul>`}`;
}

export function renderSection(v: SectionView, name: ReportSectionName): TemplateResult | typeof nothing {
  const section = v.report.sections[name] as AnySection | undefined;
  if (!section) return nothing;
  const { s, locale } = v;
  const view = SECTION_VIEW[name];
  const lines = view.lines.filter((m) => section.metrics.includes(m));
  const unitMetric = lines[0];
  return html`<section class="report-section" aria-labelledby=${`section-${name}`}>
    <div class="section-head">
      <h3 id=${`section-${name}`}>${s.section[name]}</h3>
      <button type="button" class="link" @click=${() => v.downloadCsv()}>${s.downloadCsv}</button>
    </div>
    <dl class="cards">${view.cards.filter((m) => section.metrics.includes(m)).map((m) => card(v, section, m))}</dl>
    ${lines.length && section.series.length
      ? html`<parley-report-chart
          .kind=${view.chart}
          .caption=${s.chartOf(s.section[name])}
          .labels=${section.series.map((r) => bucketLabel(locale, r.key, v.report.request.granularity))}
          .series=${lines.map((m) => ({ label: s.metric[m], data: section.series.map((r) => r.values[m] ?? null) }))}
          .format=${(n: number) => (unitOf(unitMetric) === 'count' ? String(n) : formatValue(s, locale, unitMetric, n))}
        ></parley-report-chart>`
      : nothing}
    ${table(v, name, section)}
    ${name === 'satisfaction' && v.report.sections.satisfaction ? comments(v, v.report.sections.satisfaction.comments) : nothing}
  </section>`;
}
