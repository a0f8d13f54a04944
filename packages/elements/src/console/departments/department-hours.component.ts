import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BusinessCalendar, Weekday } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import { editorStyles } from '../console-editor.js';
import { kbBase } from '../kb/kb.styles.js';
import type { CalendarsApi } from './departments-api.js';
import { departmentsStrings } from './departments.strings.js';
import { departmentsStyles } from './departments.styles.js';

const DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

interface Day {
  open: boolean;
  from: string;
  to: string;
  /** The stored day had several intervals (this editor keeps one). */
  split: boolean;
}

/** Every IANA zone the browser knows; a few if it cannot list them. */
function zones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  const list = intl.supportedValuesOf?.('timeZone') ?? ['Asia/Shanghai', 'Asia/Taipei', 'Asia/Hong_Kong', 'Europe/London', 'America/New_York'];
  return list.includes('UTC') ? list : ['UTC', ...list];
}

/** `<input type=time>` cannot show 24:00: midnight at the end of the day is shown and entered as 00:00. */
const toInput = (clock: string) => (clock === '24:00' ? '00:00' : clock);
const fromInput = (clock: string) => (clock === '00:00' ? '24:00' : clock);

/**
 * A department's business hours: time zone, one opening per weekday, holidays. Saved through the ticket
 * settings route (PUT /api/console/tickets/calendars/:id), which checks the calendar and answers what is
 * wrong; "Open around the clock" removes it.
 *
 * @summary Business-hours editor of the console's Departments tab (internal).
 * @fires parley-hours-changed - Saved; `detail`: `{message}` for the tab's live region.
 * @fires parley-hours-back - The person wants the department list again.
 */
export class ParleyConsoleDepartmentHours extends ParleyElement {
  static override styles = [kbBase, editorStyles, departmentsStyles];

  @property({ attribute: false }) api: CalendarsApi | null = null;
  @property() departmentId = '';
  /** The department's name in the console's language, for headings and messages. */
  @property() name = '';

  @state() private status: 'loading' | 'ready' | 'failed' = 'loading';
  @state() private error = '';
  @state() private busy = false;
  @state() private zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  @state() private week: Record<Weekday, Day> = Object.fromEntries(DAYS.map((d) => [d, { open: !['sat', 'sun'].includes(d), from: '09:00', to: '18:00', split: false }])) as Record<Weekday, Day>;
  @state() private holidays: string[] = [];
  @state() private newHoliday = '';

  private readonly l10n = new LocaleController(this, departmentsStrings);
  private loadedFor = '';

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#hours-heading')?.focus();
  }

  protected override willUpdate(): void {
    if (this.api && this.departmentId && this.loadedFor !== this.departmentId) {
      this.loadedFor = this.departmentId;
      void this.load();
    }
  }

  async load(): Promise<void> {
    this.status = 'loading';
    this.error = '';
    try {
      const cal = await this.api!.calendar(this.departmentId);
      if (cal) this.fill(cal);
      this.status = 'ready';
    } catch (err) {
      this.error = this.l10n.s.failed(err instanceof Error ? err.message : String(err));
      this.status = 'failed';
    }
  }

  private fill(cal: BusinessCalendar): void {
    this.zone = cal.timeZone;
    this.week = Object.fromEntries(
      DAYS.map((d) => {
        const iv = cal.week[d];
        return [d, iv.length ? { open: true, from: iv[0]![0], to: iv[iv.length - 1]![1], split: iv.length > 1 } : { open: false, from: '09:00', to: '18:00', split: false }];
      }),
    ) as Record<Weekday, Day>;
    this.holidays = [...cal.holidays].sort();
  }

  private setDay(day: Weekday, patch: Partial<Day>): void {
    this.week = { ...this.week, [day]: { ...this.week[day], ...patch } };
  }

  private addHoliday(): void {
    const d = this.newHoliday;
    if (!d || this.holidays.includes(d)) return;
    this.holidays = [...this.holidays, d].sort();
    this.newHoliday = '';
  }

  private async save(calendar: BusinessCalendar | null): Promise<void> {
    const s = this.l10n.s;
    this.busy = true;
    this.error = '';
    try {
      await this.api!.save(this.departmentId, calendar);
      this.emit('parley-hours-changed', { message: calendar ? s.hoursSaved(this.name) : s.alwaysOpenSaved(this.name) });
    } catch (err) {
      this.error = s.failed(err instanceof Error ? err.message : String(err));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    const week = Object.fromEntries(DAYS.map((d) => [d, this.week[d].open ? [[this.week[d].from, fromInput(this.week[d].to)]] : []])) as BusinessCalendar['week'];
    void this.save({ timeZone: this.zone, week, holidays: this.holidays });
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    return html`<h3 id="hours-heading" tabindex="-1">${s.hoursHeading(this.name)}</h3>
      <p class="hint">${s.hoursIntro}</p>
      ${this.error ? html`<p class="error" role="alert" tabindex="-1">${this.error}</p>` : nothing}
      ${this.status === 'loading' ? html`<p class="state" role="status">${s.loading}</p>` : nothing}
      ${this.status === 'failed' ? html`<div class="state"><button type="button" @click=${() => void this.load()}>${s.retry}</button></div>` : nothing}
      ${this.status === 'ready' ? this.renderForm() : nothing}`;
  }

  private renderForm(): TemplateResult {
    const s = this.l10n.s;
    return html`<form @submit=${this.onSubmit}>
      <div>
        <label for="zone">${s.timeZone}</label>
        <select id="zone" .value=${this.zone} @change=${(e: Event) => (this.zone = (e.target as HTMLSelectElement).value)}>
          ${zones().map((z) => html`<option value=${z} ?selected=${z === this.zone}>${z}</option>`)}
        </select>
      </div>
      <fieldset>
        <legend>${s.weekLegend}</legend>
        <table class="week">
          <tbody>
            ${DAYS.map((d) => {
              const day = this.week[d];
              const name = s.day[d];
              return html`<tr>
                <th scope="row">
                  <label class="check"><input type="checkbox" .checked=${day.open} aria-label=${s.openDay(name)} @change=${(e: Event) => this.setDay(d, { open: (e.target as HTMLInputElement).checked })} />${name}</label>
                </th>
                <td><input type="time" aria-label=${s.opens(name)} .value=${toInput(day.from)} ?disabled=${!day.open} required @input=${(e: Event) => this.setDay(d, { from: (e.target as HTMLInputElement).value })} /></td>
                <td aria-hidden="true">–</td>
                <td><input type="time" aria-label=${s.closes(name)} .value=${toInput(day.to)} ?disabled=${!day.open} required @input=${(e: Event) => this.setDay(d, { to: (e.target as HTMLInputElement).value })} /></td>
                <td>${day.split && day.open ? html`<span class="hint">${s.splitDay(name)}</span>` : nothing}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </fieldset>
      <fieldset>
        <legend>${s.holidaysLegend}</legend>
        ${this.holidays.length === 0
          ? html`<p class="hint">${s.holidaysEmpty}</p>`
          : html`<ul class="holidays">
              ${this.holidays.map((h) => html`<li><span>${h}</span> <button type="button" class="link" @click=${() => (this.holidays = this.holidays.filter((x) => x !== h))}>${s.removeHoliday(h)}</button></li>`)}
            </ul>`}
        <div class="row">
          <div>
            <label for="holiday">${s.holidayDate}</label>
            <input id="holiday" type="date" .value=${this.newHoliday} @input=${(e: Event) => (this.newHoliday = (e.target as HTMLInputElement).value)} @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); this.addHoliday(); } }} />
          </div>
          <button type="button" @click=${() => this.addHoliday()}>${s.addHoliday}</button>
        </div>
      </fieldset>
      <div class="buttons">
        <button type="submit" class="primary" ?disabled=${this.busy}>${s.saveHours}</button>
        <button type="button" ?disabled=${this.busy} @click=${() => void this.save(null)}>${s.alwaysOpen}</button>
        <button type="button" @click=${() => this.emit('parley-hours-back', {})}>${s.back}</button>
      </div>
    </form>`;
  }
}
