/**
 * An announcement's receipts as the server counts them: seen and acknowledged out of the known
 * audience (words and numbers, not a chart), then who has not acknowledged, one table per department,
 * each with its own "remind" so a supervisor can chase one team.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Announcement, AnnouncementReceipts } from '@parley/protocol';
import { localized, type Locale } from '../../internal/i18n.js';
import type { AnnouncementsStrings } from './announcements.strings.js';

export interface ReceiptsView {
  s: AnnouncementsStrings;
  locale: Locale;
  announcement: Announcement;
  receipts: AnnouncementReceipts;
  busy: boolean;
  remind(departmentId?: string): void;
}

export const percent = (locale: Locale, rate: number | null): string =>
  rate === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate);

export function renderReceipts(v: ReceiptsView): TemplateResult {
  const { s, locale, announcement: a, receipts: r } = v;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const missing = r.notAcknowledged.reduce((n, g) => n + g.employees.length, 0);
  const canRemind = a.status === 'live' && a.ackRequired && missing > 0;
  return html`<dl class="summary">
      <div>
        <dt>${s.audienceSize}</dt>
        <dd>${r.audienceKnown}</dd>
      </div>
      <div>
        <dt>${s.seen}</dt>
        <dd>${s.ofTotal(r.seen, r.audienceKnown, percent(locale, r.seenRate))}</dd>
      </div>
      ${a.ackRequired
        ? html`<div>
            <dt>${s.acknowledged}</dt>
            <dd>${s.ofTotal(r.acknowledged, r.audienceKnown, percent(locale, r.acknowledgedRate))}</dd>
          </div>`
        : nothing}
    </dl>
    <p class="hint">${s.knownHint(r.knownWindowDays)}</p>
    <h4>${s.notAcknowledged}</h4>
    ${!a.ackRequired
      ? html`<p class="notice">${s.noAckRequired}</p>`
      : missing === 0
        ? html`<p class="notice empty">${s.allAcknowledged}</p>`
        : html`${canRemind ? html`<div class="buttons"><button type="button" class="primary" ?disabled=${v.busy} @click=${() => v.remind()}>${s.remind}</button></div>` : nothing}
            <div class="missing">
              ${r.notAcknowledged.map((g) => {
                const name = g.name ? localized(g.name, locale) : s.noDepartment;
                return html`<div class="table-wrap">
                  <table>
                    <caption>${s.missingIn(name, g.employees.length)}</caption>
                    <thead>
                      <tr>
                        <th scope="col">${s.colPerson}</th>
                        <th scope="col">${s.colSeen}</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${g.employees.map(
                        (e) => html`<tr>
                          <th scope="row">${e.name} <span class="muted">${e.subject}</span></th>
                          <td>${e.seenAt ? when.format(new Date(e.seenAt)) : s.notSeen}</td>
                        </tr>`,
                      )}
                    </tbody>
                  </table>
                  ${canRemind && g.departmentId
                    ? html`<button type="button" ?disabled=${v.busy} @click=${() => v.remind(g.departmentId!)}>${s.remindIn(name)}</button>`
                    : nothing}
                </div>`;
              })}
            </div>`}`;
}
