import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { AuditEntryView } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { saveBlob } from '../console-rest.js';
import { ParleyConsoleSubview } from '../console-subview.js';
import { kbBase } from '../kb/kb.styles.js';
import { AuditApi, type AuditFilters } from './audit-api.js';
import { ACTION_GROUPS, auditStrings } from './audit.strings.js';

/** A day picked in the reader's own zone, as the instant it starts. */
const dayStart = (day: string, plusDays = 0): string => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
};

/** One field's before and after, as text a person reads (JSON for lists and objects). */
const shown = (v: unknown, none: string): string => (v === undefined || v === null ? none : typeof v === 'string' ? v : JSON.stringify(v, null, 1));

/**
 * The Settings view's Audit log tab (admins): who changed what and when, newest first, filtered by
 * kind of change, days and text, a page at a time ("Load more"), each entry's changed fields shown on
 * request, and the whole filtered log as a CSV download.
 *
 * @summary The console's audit log (internal; a tab of the Settings view).
 * @fires parley-settings-unauthorized - The server refused the token: the console signs out.
 */
export class ParleyConsoleAudit extends ParleyConsoleSubview {
  static override styles = [
    kbBase,
    css`
      form.filters {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 12px;
        align-items: flex-end;
        margin: 12px 0;
      }
      form.filters label {
        display: block;
        font-size: 13px;
      }
      .changes {
        margin: 4px 0 8px;
      }
      .changes td,
      .changes th {
        vertical-align: top;
      }
      .changes pre {
        margin: 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        font: 12px ui-monospace, monospace;
      }
      .target {
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** Entries a page holds (tests use a small page to reach "Load more"). */
  @property({ type: Number, attribute: false }) pageSize = 50;
  /** How a download reaches the reader; tests replace it to read the file. */
  @property({ attribute: false }) save: (blob: Blob, name: string) => void = saveBlob;

  @state() private entries: AuditEntryView[] | null = null;
  @state() private cursor: string | null = null;
  @state() private error = '';
  @state() private busy = false;
  @state() private said = '';
  @state() private open = new Set<string>();
  @state() private filters: AuditFilters & { fromDay?: string; toDay?: string } = {};

  private api: AuditApi | null = null;
  private loading: AbortController | null = null;
  private readonly l10n = new LocaleController(this, auditStrings);

  protected override sessionChanged(): void {
    this.api = this.token && this.server ? new AuditApi(this.server, this.token, this.site, () => this.emit('parley-settings-unauthorized', {})) : null;
    void this.reload();
  }

  private query(): AuditFilters {
    const f = this.filters;
    return {
      action: f.action || undefined,
      q: f.q || undefined,
      from: f.fromDay ? dayStart(f.fromDay) : undefined,
      to: f.toDay ? dayStart(f.toDay, 1) : undefined,
    };
  }

  private fail(err: unknown): void {
    this.error = this.l10n.s.failed(err instanceof Error ? err.message : String(err));
  }

  /** The first page for the current filters. */
  async reload(): Promise<void> {
    if (!this.api) return;
    this.loading?.abort();
    const ctl = (this.loading = new AbortController());
    this.entries = null;
    this.error = '';
    this.open = new Set();
    try {
      const page = await this.api.page(this.query(), { limit: this.pageSize }, ctl.signal);
      if (ctl.signal.aborted) return;
      this.entries = page.entries;
      this.cursor = page.nextCursor;
      this.said = this.l10n.s.shown(page.entries.length);
    } catch (err) {
      if (!ctl.signal.aborted) this.fail(err);
    }
  }

  private async more(): Promise<void> {
    if (!this.api || !this.cursor || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const page = await this.api.page(this.query(), { cursor: this.cursor, limit: this.pageSize });
      const first = page.entries[0];
      this.entries = [...(this.entries ?? []), ...page.entries];
      this.cursor = page.nextCursor;
      this.said = this.l10n.s.shown(this.entries.length);
      await this.updateComplete;
      // The keyboard goes on where the new rows start.
      if (first) this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${first.id}"] button.toggle`)?.focus();
    } catch (err) {
      this.fail(err);
    } finally {
      this.busy = false;
    }
  }

  private async download(): Promise<void> {
    if (!this.api || this.busy) return;
    this.busy = true;
    this.error = '';
    this.said = this.l10n.s.downloading;
    try {
      const { blob, name } = await this.api.csv(this.query(), this.l10n.locale);
      this.save(blob, name);
      this.said = this.l10n.s.downloaded;
    } catch (err) {
      this.said = '';
      this.fail(err);
    } finally {
      this.busy = false;
    }
  }

  private submit(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const v = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value.trim();
    this.filters = { action: v('action'), q: v('q'), fromDay: v('from'), toDay: v('to') };
    void this.reload();
  }

  private clear(): void {
    this.filters = {};
    this.renderRoot.querySelector<HTMLFormElement>('form.filters')?.reset();
    void this.reload();
  }

  private toggle(id: string): void {
    const next = new Set(this.open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.open = next;
  }

  override render(): TemplateResult {
    const s = this.l10n.s;
    const f = this.filters;
    return html`
      <h3 id="audit-heading" tabindex="-1">${s.heading}</h3>
      <p class="hint">${s.intro}</p>
      <form class="filters" aria-label=${s.filters} @submit=${this.submit}>
        <div>
          <label for="audit-action">${s.action}</label>
          <select id="audit-action" name="action">
            <option value="" ?selected=${!f.action}>${s.actionAny}</option>
            ${ACTION_GROUPS.map((g) => html`<option value=${g} ?selected=${f.action === g}>${s.actionGroups[g] ?? g}</option>`)}
          </select>
        </div>
        <div>
          <label for="audit-from">${s.from}</label>
          <input id="audit-from" name="from" type="date" .value=${f.fromDay ?? ''} />
        </div>
        <div>
          <label for="audit-to">${s.to}</label>
          <input id="audit-to" name="to" type="date" .value=${f.toDay ?? ''} />
        </div>
        <div>
          <label for="audit-q">${s.text}</label>
          <input id="audit-q" name="q" type="search" maxlength="200" placeholder=${s.textHint} .value=${f.q ?? ''} />
        </div>
        <button type="submit">${s.apply}</button>
        <button type="button" @click=${this.clear}>${s.clear}</button>
        <button type="button" class="download" ?disabled=${this.busy || !this.entries?.length} @click=${() => void this.download()}>${s.download}</button>
      </form>
      <p class="visually-hidden" role="status">${this.said}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing} ${this.renderBody()}
    `;
  }

  private renderBody(): TemplateResult {
    const s = this.l10n.s;
    const list = this.entries;
    if (list === null) {
      return this.error ? html`<div class="state"><button type="button" @click=${() => void this.reload()}>${s.retry}</button></div>` : html`<p class="state" role="status">${s.loading}</p>`;
    }
    if (list.length === 0) return html`<p class="state empty">${s.empty}</p>`;
    const date = new Intl.DateTimeFormat(this.l10n.locale, { dateStyle: 'medium', timeStyle: 'medium' });
    return html`<div class="table-wrap">
        <table aria-labelledby="audit-heading" aria-busy=${this.busy ? 'true' : 'false'}>
          <thead>
            <tr>
              <th scope="col">${s.colTime}</th>
              <th scope="col">${s.colWho}</th>
              <th scope="col">${s.colAction}</th>
              <th scope="col">${s.colTarget}</th>
              <th scope="col">${s.colDetails}</th>
            </tr>
          </thead>
          <tbody>
            ${repeat(
              list,
              (e) => e.id,
              (e) => html`<tr data-id=${e.id}>
                  <th scope="row"><time datetime=${e.at}>${date.format(new Date(e.at))}</time></th>
                  <td>${e.actor ? html`${e.actor.name} <span class="muted">${e.actor.email}</span>` : html`<span class="muted">${s.system}</span>`}</td>
                  <td><code>${e.action}</code></td>
                  <td class="target">${e.targetType}${e.targetId ? html` <span class="muted">${e.targetId}</span>` : nothing}</td>
                  <td>
                    <button
                      type="button"
                      class="link toggle"
                      aria-expanded=${this.open.has(e.id) ? 'true' : 'false'}
                      aria-controls="changes-${e.id}"
                      @click=${() => this.toggle(e.id)}
                    >
                      ${this.open.has(e.id) ? s.hideChanges(e.action) : s.showChanges(e.action)}
                    </button>
                  </td>
                </tr>
                <tr class="changes-row" id="changes-${e.id}" ?hidden=${!this.open.has(e.id)}>
                  <td colspan="5">${this.open.has(e.id) ? this.renderChanges(e) : nothing}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.cursor
        ? html`<button type="button" class="more" ?disabled=${this.busy} @click=${() => void this.more()}>${this.busy ? s.loadingMore : s.more}</button>`
        : html`<p class="hint">${s.end}</p>`}`;
  }

  /** The changed fields side by side: each field once, its value before and after. */
  private renderChanges(e: AuditEntryView): TemplateResult {
    const s = this.l10n.s;
    const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : v === null || v === undefined ? {} : { value: v });
    const before = obj(e.before);
    const after = obj(e.after);
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return html`<table class="changes">
        <caption class="visually-hidden">${s.showChanges(e.action)}</caption>
        <thead>
          <tr>
            <th scope="col">${s.field}</th>
            <th scope="col">${s.before}</th>
            <th scope="col">${s.after}</th>
          </tr>
        </thead>
        <tbody>
          ${fields.length === 0
            ? html`<tr><td colspan="3">${s.none}</td></tr>`
            : fields.map(
                (k) => html`<tr>
                  <th scope="row">${k}</th>
                  <td><pre>${shown(before[k], s.none)}</pre></td>
                  <td><pre>${shown(after[k], s.none)}</pre></td>
                </tr>`,
              )}
        </tbody>
      </table>
      ${e.ip ? html`<p class="hint">${s.ip(e.ip)}</p>` : nothing}`;
  }
}
