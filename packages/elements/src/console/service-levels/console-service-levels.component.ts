import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { DepartmentTargets, SlaSettings, TicketPriority, TicketSettings } from '@parley/protocol';
import { LocaleController, localized } from '../../internal/i18n.js';
import { editorStyles } from '../console-editor.js';
import { ParleyConsoleSubview, subviewHost } from '../console-subview.js';
import { kbBase } from '../kb/kb.styles.js';
import { ServiceLevelsApi } from './service-levels-api.js';
import { serviceLevelsStrings, type DurationUnit } from './service-levels.strings.js';

const PRIORITIES: readonly TicketPriority[] = ['urgent', 'high', 'normal', 'low'];
const LEVELS = [1, 2, 3] as const;
/** The server's bounds (server/src/sla/policy.ts): whole minutes, 1 minute to 365 days. */
const MAX_MINUTES = 60 * 24 * 365;
const PER: Record<DurationUnit, number> = { h: 60, min: 1 };

interface Duration {
  value: string;
  unit: DurationUnit;
}
interface Draft {
  targets: Record<TicketPriority, Duration>;
  escalation: [Duration, Duration, Duration];
}

/** Whole hours show as hours; anything else (the internal urgent 30) in minutes, so no value is rounded. */
const durationOf = (minutes: number | undefined): Duration =>
  minutes === undefined ? { value: '', unit: 'h' } : minutes % 60 === 0 ? { value: String(minutes / 60), unit: 'h' } : { value: String(minutes), unit: 'min' };

const draftOf = (sla: DepartmentTargets): Draft => ({
  targets: Object.fromEntries(PRIORITIES.map((p) => [p, durationOf(sla.priorityTargets[p])])) as Record<TicketPriority, Duration>,
  escalation: sla.escalationMinutes.map((m) => durationOf(m)) as Draft['escalation'],
});

/** Minutes as sent; hours are rounded to the minute (1.1 h is 66, not 66.00000000000001). Out-of-range values go to the server, which says why. */
const minutesOf = (d: Duration): number => (d.unit === 'h' ? Math.round(Number(d.value) * 60) : Number(d.value));

/** The field ids a server message's path (`priorityTargets.low: …`, `escalationMinutes.1: …`) is about. */
function fieldsOf(message: string): { ids: string[]; rest: string } | null {
  const m = /^(priorityTargets|escalationMinutes)(?:\.(\w+))?: (.*)$/s.exec(message);
  if (!m) return null;
  const [, key, sub, rest] = m;
  if (key === 'priorityTargets') return sub && (PRIORITIES as readonly string[]).includes(sub) ? { ids: [`target-${sub}`], rest: rest! } : null;
  // The whole tuple (the steps out of order) or one step of it.
  const ids = sub !== undefined && /^[012]$/.test(sub) ? [`level-${Number(sub) + 1}`] : LEVELS.map((l) => `level-${l}`);
  return { ids, rest: rest! };
}

/**
 * The Service levels tab of Settings: the first-response target per priority and the three escalation
 * steps, in hours or minutes of business time (department business hours are the Departments tab's),
 * for the site or, picked above the form, for one department that has targets of its own (which replace
 * the site's, whole). Admins edit; supervisors see the values read-only (the server lets any staff read
 * them and only admins change them). A refusal names the field, marks it invalid and takes focus.
 *
 * @summary Service levels of the agent console (internal; a Settings tab for admins and supervisors).
 * @fires parley-settings-unauthorized - The server refused the token: the console signs out.
 */
export class ParleyConsoleServiceLevels extends ParleyConsoleSubview {
  static override styles = [
    kbBase,
    subviewHost,
    editorStyles,
    css`
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
        gap: 8px 16px;
      }
      .duration {
        display: flex;
        gap: 6px;
        align-items: center;
      }
      .duration input {
        width: 10em;
      }
      [aria-invalid='true'] {
        border-color: var(--_danger);
        outline: 1px solid var(--_danger);
      }
      dl.values {
        display: grid;
        grid-template-columns: max-content auto;
        gap: 4px 16px;
        margin: 0;
      }
      dl.values dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  @state() private settings: TicketSettings | null = null;
  /** '' for the site's targets, else the department's id. */
  @state() private scope = '';
  /** For a department: whether the form holds targets of its own (else it follows the site's). */
  @state() private own = false;
  @state() private draft: Draft | null = null;
  @state() private loadError = '';
  @state() private saveError = '';
  /** Field ids the last refusal was about (aria-invalid, described by the error). */
  @state() private invalid: string[] = [];
  @state() private busy = false;

  private readonly l10n = new LocaleController(this, serviceLevelsStrings);
  private api: ServiceLevelsApi | null = null;

  protected override sessionChanged(): void {
    this.api = this.token ? new ServiceLevelsApi(this.server, this.token, this.site, () => this.emit('parley-settings-unauthorized', {})) : null;
    if (this.api) void this.load();
  }

  async load(): Promise<void> {
    this.loadError = '';
    this.settings = null;
    try {
      this.settings = await this.api!.read();
      if (this.scope && !this.department(this.scope)) this.scope = '';
      this.showScope(this.scope);
    } catch (err) {
      this.loadError = this.l10n.s.loadFailed(err instanceof Error ? err.message : String(err));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error')?.focus();
    }
  }

  private department(id: string): TicketSettings['calendars'][number] | undefined {
    return this.settings?.calendars.find((d) => d.departmentId === id);
  }

  /** The form for the site, or for a department: its own targets, or the site's to start from. */
  private showScope(scope: string): void {
    const settings = this.settings!;
    const targets = scope ? this.department(scope)?.targets : null;
    this.scope = scope;
    this.own = Boolean(targets);
    this.draft = draftOf(targets ?? settings.sla);
    this.saveError = '';
    this.invalid = [];
  }

  private label(id: string): string {
    const s = this.l10n.s;
    const p = /^target-(\w+)$/.exec(id)?.[1] as TicketPriority | undefined;
    return p ? s.firstResponse(s.priority[p]) : s.level[Number(id.slice(-1)) as 1 | 2 | 3];
  }

  private async refuse(message: string, ids: string[]): Promise<void> {
    this.saveError = message;
    this.invalid = ids;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#save-error')?.focus();
  }

  private async onSave(e: Event): Promise<void> {
    e.preventDefault();
    const d = this.draft;
    if (!d || this.busy) return;
    const s = this.l10n.s;
    this.saveError = '';
    this.invalid = [];
    // Only "not a number" is caught here; range and order are the server's to judge, in one place.
    const notNumber = (x: Duration) => x.value.trim() === '' || !Number.isFinite(Number(x.value));
    const badTarget = PRIORITIES.find((p) => d.targets[p].value.trim() !== '' && notNumber(d.targets[p]));
    const badLevel = LEVELS.find((l) => notNumber(d.escalation[l - 1]));
    const bad = badTarget ? `target-${badTarget}` : badLevel ? `level-${badLevel}` : '';
    // A department that follows the site sends no numbers: nothing of the form is checked.
    const following = this.scope !== '' && !this.own;
    if (bad && !following) return this.refuse(s.badNumber(this.label(bad)), [bad]);
    const priorityTargets: SlaSettings['priorityTargets'] = {};
    for (const p of PRIORITIES) if (d.targets[p].value.trim() !== '') priorityTargets[p] = minutesOf(d.targets[p]);
    const targets: DepartmentTargets = { priorityTargets, escalationMinutes: d.escalation.map(minutesOf) as SlaSettings['escalationMinutes'] };
    const scope = this.scope;
    this.busy = true;
    try {
      const settings = this.settings!;
      if (scope) {
        const saved = await this.api!.saveDepartment(scope, following ? null : targets);
        this.settings = { ...settings, calendars: settings.calendars.map((c) => (c.departmentId === scope ? { ...c, targets: saved } : c)) };
      } else {
        this.settings = { ...settings, sla: await this.api!.save(targets) };
      }
      this.showScope(scope);
      void this.say(s.saved);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const about = fieldsOf(message);
      // Name the field in the reader's language; the server's reason itself stays as it said it.
      if (about?.ids.length === 1) await this.refuse(s.fieldFailed(this.label(about.ids[0]!), about.rest), about.ids);
      else await this.refuse(s.saveFailed(about?.rest ?? message), about?.ids ?? []);
    } finally {
      this.busy = false;
    }
  }

  private setDuration(id: string, patch: Partial<Duration>): void {
    const d = this.draft!;
    const p = /^target-(\w+)$/.exec(id)?.[1] as TicketPriority | undefined;
    if (p) this.draft = { ...d, targets: { ...d.targets, [p]: { ...d.targets[p], ...patch } } };
    else {
      const escalation = [...d.escalation] as Draft['escalation'];
      const i = Number(id.slice(-1)) - 1;
      escalation[i] = { ...escalation[i]!, ...patch };
      this.draft = { ...d, escalation };
    }
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    return html`<h3 id="service-levels-heading" tabindex="-1">${s.heading}</h3>
      <p class="hint">${s.intro}</p>
      ${this.loadError
        ? html`<div class="state"><p class="error" role="alert" tabindex="-1">${this.loadError}</p><button type="button" @click=${() => void this.load()}>${s.retry}</button></div>`
        : !this.settings || !this.draft
          ? html`<p class="state" role="status">${s.loading}</p>`
          : html`${this.renderScope(this.settings)} ${this.isAdmin ? this.renderForm(this.draft) : this.renderValues(this.settings)}`}
      <div class="visually-hidden" role="status">${this.announcement}</div>`;
  }

  private renderDuration(id: string, label: string, d: Duration, describedBy: string): TemplateResult {
    const s = this.l10n.s;
    const invalid = this.invalid.includes(id);
    return html`<div>
      <label for=${id}>${label}</label>
      <div class="duration">
        <input
          id=${id}
          type="number"
          inputmode="decimal"
          min=${d.unit === 'h' ? '0.02' : '1'}
          max=${MAX_MINUTES / PER[d.unit]}
          step=${d.unit === 'h' ? 'any' : '1'}
          placeholder=${id.startsWith('target-') ? s.noTarget : ''}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? `save-error ${describedBy}` : describedBy}
          .value=${d.value}
          @input=${(e: Event) => this.setDuration(id, { value: (e.target as HTMLInputElement).value })}
        />
        <select aria-label=${s.unit(label)} @change=${(e: Event) => this.setDuration(id, { unit: (e.target as HTMLSelectElement).value as DurationUnit })}>
          ${(['h', 'min'] as const).map((u) => html`<option value=${u} ?selected=${d.unit === u}>${s.units[u]}</option>`)}
        </select>
      </div>
    </div>`;
  }

  private renderScope(settings: TicketSettings): TemplateResult {
    const s = this.l10n.s;
    return html`<div>
      <label for="scope">${s.scopeLabel}</label>
      <select id="scope" ?disabled=${this.busy} @change=${(e: Event) => this.showScope((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${this.scope === ''}>${s.siteScope}</option>
        ${settings.calendars.map(
          (d) => html`<option value=${d.departmentId} ?selected=${this.scope === d.departmentId}>${s.departmentScope(localized(d.names, this.l10n.locale), Boolean(d.targets))}</option>`,
        )}
      </select>
    </div>`;
  }

  private renderForm(d: Draft): TemplateResult {
    const s = this.l10n.s;
    const fields = this.scope === '' || this.own;
    // novalidate: the browser's own bubbles would stop an out-of-range value before the server can say why, in words the rest of the form uses.
    return html`<form novalidate @submit=${(e: Event) => void this.onSave(e)}>
      ${this.scope
        ? html`<label class="check"
            ><input type="checkbox" id="own" aria-describedby="own-hint" .checked=${this.own} @change=${(e: Event) => (this.own = (e.target as HTMLInputElement).checked)} />${s.ownTargets}</label
          >
          <p class="hint" id="own-hint">${this.own ? s.ownTargetsHint : s.followsSite}</p>`
        : nothing}
      ${fields ? this.renderFields(d) : nothing}
      ${this.saveError ? html`<p id="save-error" class="error" role="alert" tabindex="-1">${this.saveError}</p>` : nothing}
      <p class="notice" id="applies-note">${s.appliesNote}</p>
      <div class="buttons"><button type="submit" class="primary" aria-describedby="applies-note" ?disabled=${this.busy}>${s.save}</button></div>
    </form>`;
  }

  private renderFields(d: Draft): TemplateResult {
    const s = this.l10n.s;
    return html`<fieldset>
        <legend>${s.targetsLegend}</legend>
        <p class="hint" id="targets-hint">${s.targetsHint}</p>
        <div class="grid">${PRIORITIES.map((p) => this.renderDuration(`target-${p}`, s.firstResponse(s.priority[p]), d.targets[p], 'targets-hint'))}</div>
      </fieldset>
      <fieldset>
        <legend>${s.escalationLegend}</legend>
        <p class="hint" id="escalation-hint">${s.escalationHint}</p>
        <div class="grid">${LEVELS.map((l) => this.renderDuration(`level-${l}`, s.level[l], d.escalation[l - 1], 'escalation-hint'))}</div>
      </fieldset>`;
  }

  /** Supervisors: the values of the chosen scope as text. */
  private renderValues(settings: TicketSettings): TemplateResult {
    const s = this.l10n.s;
    const own = this.scope ? this.department(this.scope)?.targets : null;
    const sla = own ?? settings.sla;
    const shown = (minutes: number | undefined) => {
      const d = durationOf(minutes);
      return minutes === undefined ? s.noTarget : s.duration(d.value, d.unit);
    };
    return html`<p class="notice">${s.readOnly}</p>
      ${this.scope && !own ? html`<p class="hint">${s.followsSite}</p>` : nothing}
      <h4>${s.targetsLegend}</h4>
      <p class="hint">${s.targetsHint}</p>
      <dl class="values">${PRIORITIES.map((p) => html`<dt>${s.firstResponse(s.priority[p])}</dt><dd>${shown(sla.priorityTargets[p])}</dd>`)}</dl>
      <h4>${s.escalationLegend}</h4>
      <p class="hint">${s.escalationHint}</p>
      <dl class="values">${LEVELS.map((l) => html`<dt>${s.level[l]}</dt><dd>${shown(sla.escalationMinutes[l - 1])}</dd>`)}</dl>
      <p class="notice">${s.appliesNote}</p>`;
  }
}
