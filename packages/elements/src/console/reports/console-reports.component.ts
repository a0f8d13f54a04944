import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { MonthlyReportSummary, ReportChannel, ReportGranularity, ReportRequest, ReportResponse, ReportSectionName } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { saveBlob } from '../console-rest.js';
import { ParleyConsoleSubview, subviewHost } from '../console-subview.js';
import { kbBase } from '../kb/kb.styles.js';
import { ReportsApi } from './reports-api.js';
import { presetRange } from './reports.format.js';
import { reportsStrings, type Breakdown, type Preset } from './reports.strings.js';
import { reportsStyles } from './reports.styles.js';
import { renderSection } from './reports.templates.js';

declare global {
  interface HTMLElementEventMap {
    'parley-reports-unauthorized': CustomEvent<Record<string, never>>;
  }
}

const SECTIONS: ReportSectionName[] = ['volume', 'responseTimes', 'sla', 'bot', 'kb', 'satisfaction'];
const CHANNELS: ReportChannel[] = ['chat', 'feedback', 'offline', 'email', 'intranet', 'api'];
const PRESETS: Preset[] = ['7d', '30d', '90d', 'thisMonth', 'lastMonth', 'custom'];

/**
 * The console's Reports view, for supervisors (their departments) and admins: volumes, response
 * times, targets, the bot, the help center and satisfaction over a chosen period, compared with the
 * period before; every table downloadable as CSV; the stored monthly communication reports. Its code
 * (and the charting library) loads the first time someone opens Reports.
 *
 * @summary Reports of the agent console (internal; rendered by `<parley-console>`).
 * @fires parley-reports-unauthorized - The server refused the token: the console signs the agent out.
 */
export class ParleyConsoleReports extends ParleyConsoleSubview {
  static override styles = [kbBase, subviewHost, reportsStyles];

  @state() private preset: Preset = '30d';
  @state() private from = '';
  @state() private to = '';
  @state() private granularity: ReportGranularity = 'day';
  @state() private departmentId = '';
  @state() private channel: ReportChannel | '' = '';
  @state() private compare = true;
  @state() private loading = false;
  @state() private error = '';
  @state() private report: ReportResponse | null = null;
  @state() private breakdowns: Partial<Record<ReportSectionName, Breakdown>> = {};
  @state() private monthly: MonthlyReportSummary[] | null = null;

  private readonly l10n = new LocaleController(this, reportsStrings);
  private api: ReportsApi | null = null;
  private inflight: AbortController | null = null;
  /** The request the report on screen answers: CSV downloads ask for exactly the same figures. */
  private shown: ReportRequest | null = null;
  private monthlyAsked = false;

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#reports-heading')?.focus();
  }

  protected override sessionChanged(): void {
    this.api = this.token ? new ReportsApi(this.server, this.token, this.site, () => this.emit('parley-reports-unauthorized', {})) : null;
    if (this.api) {
      if (!this.from) Object.assign(this, presetRange('30d', new Date()));
      void this.load();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The monthly reports go to admins (and are theirs to download).
    if (this.api && this.monthly === null && !this.monthlyAsked && this.isAdmin) {
      this.monthlyAsked = true;
      void this.loadMonthly();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.inflight?.abort();
  }

  /**
   * The period's days are the reader's: the presets and date fields are in the browser's zone, so the
   * server cuts days there too (its default, the site's zone, may already be on tomorrow).
   */
  private request(): ReportRequest {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return {
      from: this.from,
      to: this.to,
      granularity: this.granularity,
      ...(timeZone ? { timeZone } : {}),
      compare: this.compare,
      ...(this.departmentId ? { departmentId: this.departmentId } : {}),
      ...(this.channel ? { channel: this.channel } : {}),
    };
  }

  private async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.inflight?.abort();
    const ctl = new AbortController();
    this.inflight = ctl;
    const req = this.request();
    const s = this.l10n.s;
    this.loading = true;
    this.error = '';
    try {
      this.report = await api.report(req, ctl.signal);
      this.shown = req;
      this.announcement = s.loaded(req.from, req.to);
    } catch (err) {
      if (ctl.signal.aborted) return;
      this.error = s.failed(err instanceof Error ? err.message : String(err));
      this.announcement = this.error;
    } finally {
      if (this.inflight === ctl) {
        this.loading = false;
        this.inflight = null;
      }
    }
  }

  private async loadMonthly(): Promise<void> {
    try {
      this.monthly = (await this.api?.monthly()) ?? null;
    } catch {
      // The monthly list is a side panel: the report itself says when the server cannot be reached.
      this.monthly = [];
    }
  }

  private async save(file: Promise<{ blob: Blob; name: string }>): Promise<void> {
    try {
      const { blob, name } = await file;
      saveBlob(blob, name);
      this.announcement = this.l10n.s.downloaded(name);
    } catch (err) {
      this.announcement = this.l10n.s.failed(err instanceof Error ? err.message : String(err));
    }
  }

  private onPreset(e: Event): void {
    this.preset = (e.target as HTMLSelectElement).value as Preset;
    if (this.preset !== 'custom') Object.assign(this, presetRange(this.preset, new Date()));
  }

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    void this.load();
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    return html`
      <h2 id="reports-heading" tabindex="-1">${s.heading}</h2>
      ${this.renderControls()}
      ${this.error
        ? html`<div class="state" role="alert"><p class="error">${this.error}</p><button type="button" @click=${() => void this.load()}>${s.retry}</button></div>`
        : nothing}
      ${this.loading && !this.report ? html`<p class="state">${s.loading}</p>` : nothing}
      <div class="sections" aria-busy=${this.loading ? 'true' : 'false'}>${this.report ? SECTIONS.map((name) => this.renderSection(name)) : nothing}</div>
      ${this.isAdmin ? this.renderMonthly() : nothing}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  private renderSection(name: ReportSectionName): TemplateResult | typeof nothing {
    const report = this.report!;
    const names = new Map(this.departments(this.l10n.locale).map((d) => [d.id, d.name]));
    return renderSection(
      {
        s: this.l10n.s,
        locale: this.l10n.locale,
        report,
        breakdown: this.breakdowns[name] ?? 'series',
        setBreakdown: (b) => (this.breakdowns = { ...this.breakdowns, [name]: b }),
        downloadCsv: () => this.shown && this.api && void this.save(this.api.csv(this.shown, name)),
        departmentName: (id) => names.get(id) ?? null,
      },
      name,
    );
  }

  private renderControls(): TemplateResult {
    const s = this.l10n.s;
    const departments = this.departments(this.l10n.locale);
    return html`<form class="filters" aria-label=${s.controls} @submit=${this.onSubmit}>
      <div>
        <label for="preset">${s.period}</label>
        <select id="preset" @change=${this.onPreset}>
          ${PRESETS.map((p) => html`<option value=${p} ?selected=${p === this.preset}>${s.preset[p]}</option>`)}
        </select>
      </div>
      <div>
        <label for="from">${s.from}</label>
        <input id="from" type="date" required .value=${this.from} max=${this.to} @change=${(e: Event) => ((this.from = (e.target as HTMLInputElement).value), (this.preset = 'custom'))} />
      </div>
      <div>
        <label for="to">${s.to}</label>
        <input id="to" type="date" required .value=${this.to} min=${this.from} @change=${(e: Event) => ((this.to = (e.target as HTMLInputElement).value), (this.preset = 'custom'))} />
      </div>
      <div>
        <label for="granularity">${s.granularity}</label>
        <select id="granularity" @change=${(e: Event) => (this.granularity = (e.target as HTMLSelectElement).value as ReportGranularity)}>
          ${(['day', 'week', 'month'] as const).map((g) => html`<option value=${g} ?selected=${g === this.granularity}>${s.granularityName[g]}</option>`)}
        </select>
      </div>
      <div>
        <label for="department">${s.department}</label>
        <select id="department" @change=${(e: Event) => (this.departmentId = (e.target as HTMLSelectElement).value)}>
          <option value="">${s.allDepartments}</option>
          ${departments.map((d) => html`<option value=${d.id} ?selected=${d.id === this.departmentId}>${d.name}</option>`)}
        </select>
      </div>
      <div>
        <label for="channel">${s.channel}</label>
        <select id="channel" @change=${(e: Event) => (this.channel = (e.target as HTMLSelectElement).value as ReportChannel | '')}>
          <option value="">${s.allChannels}</option>
          ${CHANNELS.map((c) => html`<option value=${c} ?selected=${c === this.channel}>${s.channelName[c]}</option>`)}
        </select>
      </div>
      <label class="check"><input type="checkbox" .checked=${this.compare} @change=${(e: Event) => (this.compare = (e.target as HTMLInputElement).checked)} /> ${s.compare}</label>
      <button type="submit" class="primary">${s.show}</button>
    </form>`;
  }

  private renderMonthly(): TemplateResult {
    const s = this.l10n.s;
    const list = this.monthly;
    return html`<section class="report-section monthly" aria-labelledby="monthly-heading">
      <h3 id="monthly-heading">${s.monthly}</h3>
      <p class="hint">${s.monthlyHint}</p>
      ${list === null
        ? html`<p class="muted">${s.loading}</p>`
        : list.length === 0
          ? html`<p class="muted">${s.noMonthly}</p>`
          : html`<ul class="monthly-list">
              ${list.map(
                (r) => html`<li>
                  <span class="month">${r.month}</span>
                  <button type="button" class="link" @click=${() => this.api && void this.save(this.api.monthlyFile(r.id, 'csv'))}>${s.monthlyCsv}</button>
                  <button type="button" class="link" @click=${() => this.api && void this.save(this.api.monthlyFile(r.id, 'html'))}>${s.monthlyPrint}</button>
                </li>`,
              )}
            </ul>`}
    </section>`;
  }
}
