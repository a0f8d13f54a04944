/**
 * An employee survey's results as the server gives them: groups of at least five (smaller ones are
 * withheld there, never here), each question as counts with bars (a table of words and
 * numbers first; the bar is a hidden <progress>, which needs no inline style under a strict CSP), and
 * written answers as a list.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { EmployeeGroupResult, EmployeeQuestionResult, EmployeeSurveyResults } from '@parley/protocol';
import { localized, type Locale } from '../../internal/i18n.js';
import type { SurveysStrings } from './surveys.strings.js';

export interface ResultsView {
  s: SurveysStrings;
  locale: Locale;
  results: EmployeeSurveyResults;
  group: string;
  pickGroup(group: string): void;
}

function bars(s: SurveysStrings, rows: Array<{ label: string; count: number }>, total: number): TemplateResult {
  return html`<table class="bars">
    <tbody>
      ${rows.map(
        (r) => html`<tr>
          <th scope="row">${r.label}</th>
          <td class="num">${s.count(r.count)}</td>
          <td class="bar-cell" aria-hidden="true"><progress max=${Math.max(total, 1)} value=${r.count}></progress></td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function question(v: ResultsView, q: EmployeeQuestionResult, i: number): TemplateResult {
  const { s, locale } = v;
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return html`<section class="question-result" aria-labelledby=${`result-q${i}`}>
    <h5 id=${`result-q${i}`}>${i + 1}. ${localized(q.text, locale)}</h5>
    <p class="muted">${s.answered(q.answered)}${q.average != null ? html` · ${s.average(nf.format(q.average))}` : nothing}</p>
    ${q.distribution
      ? bars(s, ([5, 4, 3, 2, 1] as const).map((n) => ({ label: s.ratingPoint(n), count: q.distribution![String(n) as '1'] })), q.answered)
      : nothing}
    ${q.options ? bars(s, q.options.map((o) => ({ label: localized(o.text, locale), count: o.count })), q.answered) : nothing}
    ${q.texts
      ? q.texts.length
        ? html`<ul class="texts">${q.texts.map((t) => html`<li>${t}</li>`)}</ul>`
        : html`<p class="muted">${s.noTexts}</p>`
      : nothing}
  </section>`;
}

const groupName = (v: ResultsView, g: EmployeeGroupResult) => (g.group === 'all' ? v.s.overall : g.group === 'other' ? v.s.groupOther : localized(g.name, v.locale));

export function renderResults(v: ResultsView): TemplateResult {
  const { s, results } = v;
  const rate = results.responseRate;
  const groups = [...(results.overall ? [results.overall] : []), ...results.groups];
  const shown = groups.find((g) => g.group === v.group) ?? groups[0];
  return html`
    <dl class="summary">
      <div><dt>${s.responses}</dt><dd>${results.responses ?? s.unknown}</dd></div>
      <div><dt>${s.responseRate}</dt><dd>${rate === null ? s.unknown : new Intl.NumberFormat(v.locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate)}</dd></div>
    </dl>
    ${!shown
      ? html`<p class="notice">${results.final || results.responses === null ? s.withheld(results.minGroupSize) : s.afterClose}</p>`
      : html`${groups.length > 1
            ? html`<label for="group">${s.groupPicker}</label>
                <select id="group" @change=${(e: Event) => v.pickGroup((e.target as HTMLSelectElement).value)}>
                  ${groups.map((g) => html`<option value=${g.group} ?selected=${g === shown}>${groupName(v, g)} (${g.responses})</option>`)}
                </select>`
            : nothing}
          <h4>${groupName(v, shown)}</h4>
          ${shown.questions.map((q, i) => question(v, q, i))}`}
  `;
}
