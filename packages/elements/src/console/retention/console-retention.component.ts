import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { RetentionCounts, RetentionPreview, RetentionSettingsView } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { ParleyConsoleSubview } from '../console-subview.js';
import { kbBase } from '../kb/kb.styles.js';
import { RetentionApi } from './retention-api.js';
import { retentionStrings } from './retention.strings.js';

const COUNT_KEYS: Array<keyof RetentionCounts> = ['conversations', 'messages', 'tickets', 'ticketEntries', 'ticketHistory', 'files', 'fileBytes', 'emails'];
const months = (raw: string): number | null => (/^\d{1,3}$/.test(raw.trim()) && +raw >= 1 && +raw <= 120 ? +raw : null);

/**
 * The Settings view's Retention tab (admins): how many months closed chats and finished tickets are
 * kept, a dry run of what a run now would delete, switching the daily deletion on (only after a
 * confirmation that shows those counts) and off, and what the last run deleted.
 *
 * @summary The console's retention settings (internal; a tab of the Settings view).
 * @fires parley-settings-unauthorized - The server refused the token: the console signs out.
 */
export class ParleyConsoleRetention extends ParleyConsoleSubview {
  static override styles = [
    kbBase,
    css`
      .periods {
        display: flex;
        flex-wrap: wrap;
        gap: 12px 24px;
        margin: 12px 0;
      }
      .periods input {
        width: 6em;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        margin: 12px 0;
      }
      dl.counts {
        display: grid;
        grid-template-columns: max-content auto;
        gap: 2px 16px;
        margin: 8px 0;
      }
      dl.counts dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      .confirm {
        border: 2px solid var(--_danger, #b91c1c);
        border-radius: 8px;
        padding: 8px 12px;
        margin: 12px 0;
      }
      section + section {
        margin-top: 16px;
      }
    `,
  ];

  @state() private settings: RetentionSettingsView | null = null;
  @state() private chat = '';
  @state() private ticket = '';
  @state() private preview: RetentionPreview | null = null;
  /** The preview is shown as the confirmation before retention deletes: switching on, or new periods while on. */
  @state() private confirming: 'enable' | 'change' | null = null;
  @state() private invalid = false;
  @state() private busy = false;
  @state() private error = '';
  @state() private said = '';

  private api: RetentionApi | null = null;
  private readonly l10n = new LocaleController(this, retentionStrings);

  protected override sessionChanged(): void {
    this.api = this.token && this.server ? new RetentionApi(this.server, this.token, this.site, () => this.emit('parley-settings-unauthorized', {})) : null;
    void this.load();
  }

  private fail(err: unknown): void {
    this.error = this.l10n.s.failed(err instanceof Error ? err.message : String(err));
  }

  async load(): Promise<void> {
    if (!this.api) return;
    this.error = '';
    this.settings = null;
    try {
      this.show(await this.api.get());
    } catch (err) {
      this.fail(err);
    }
  }

  private show(v: RetentionSettingsView): void {
    this.settings = v;
    this.chat = String(v.chatMonths);
    this.ticket = String(v.ticketMonths);
  }

  /** Both periods, or null (and the fields marked) when one is not 1..120. */
  private periods(): { chatMonths: number; ticketMonths: number } | null {
    const chatMonths = months(this.chat);
    const ticketMonths = months(this.ticket);
    this.invalid = chatMonths === null || ticketMonths === null;
    return this.invalid ? null : { chatMonths: chatMonths!, ticketMonths: ticketMonths! };
  }

  /** Runs `fn` with the buttons disabled; failures go to the alert. */
  private async act(fn: () => Promise<void>): Promise<void> {
    if (this.busy || !this.api) return;
    this.busy = true;
    this.error = '';
    try {
      await fn();
    } catch (err) {
      this.fail(err);
    } finally {
      this.busy = false;
    }
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private dryRun(mode: 'enable' | 'change' | null): Promise<void> {
    return this.act(async () => {
      const p = this.periods();
      if (!p) return void (await this.focusOn('[aria-invalid="true"]'));
      this.preview = await this.api!.preview(p);
      this.confirming = mode;
      await this.focusOn(mode ? '#confirm-heading' : '#preview-heading');
    });
  }

  private save(): Promise<void> {
    const p = this.periods();
    if (!p) return this.focusOn('[aria-invalid="true"]');
    const s = this.settings;
    // While on, new periods delete on the next run: the same confirmation as switching on.
    if (s?.enabled && (p.chatMonths !== s.chatMonths || p.ticketMonths !== s.ticketMonths)) return this.dryRun('change');
    return this.act(async () => {
      this.show(await this.api!.update(p));
      this.said = this.l10n.s.saved;
    });
  }

  private confirm(): Promise<void> {
    return this.act(async () => {
      const p = this.preview!;
      this.show(await this.api!.update({ enabled: true, chatMonths: p.chatMonths, ticketMonths: p.ticketMonths, previewToken: p.previewToken }));
      this.confirming = null;
      this.preview = null;
      this.said = this.l10n.s.enabled;
      await this.focusOn('#retention-status');
    });
  }

  private async cancel(): Promise<void> {
    const mode = this.confirming;
    this.confirming = null;
    await this.focusOn(mode === 'enable' ? 'button.turn-on' : 'button.save');
  }

  private turnOff(): Promise<void> {
    return this.act(async () => {
      this.show(await this.api!.update({ enabled: false }));
      this.said = this.l10n.s.disabled;
      await this.focusOn('button.turn-on');
    });
  }

  private date(iso: string, withTime = true): string {
    return new Intl.DateTimeFormat(this.l10n.locale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(new Date(iso));
  }

  private renderCounts(c: RetentionCounts): TemplateResult {
    const s = this.l10n.s;
    const nf = new Intl.NumberFormat(this.l10n.locale);
    return html`<dl class="counts">
      ${COUNT_KEYS.map((k) => html`<dt>${s.counts[k]}</dt><dd data-count=${k}>${k === 'fileBytes' ? s.bytes(c[k]) : nf.format(c[k])}</dd>`)}
    </dl>`;
  }

  override render(): TemplateResult {
    const s = this.l10n.s;
    const v = this.settings;
    return html`
      <h3 id="retention-heading" tabindex="-1">${s.heading}</h3>
      <p class="hint">${s.intro}</p>
      <p class="visually-hidden" role="status">${this.said}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${v === null
        ? this.error
          ? html`<div class="state"><button type="button" @click=${() => void this.load()}>${s.retry}</button></div>`
          : html`<p class="state" role="status">${s.loading}</p>`
        : this.renderSettings(v)}
    `;
  }

  private renderSettings(v: RetentionSettingsView): TemplateResult {
    const s = this.l10n.s;
    const field = (id: string, label: string, hint: string, value: string, set: (x: string) => void) =>
      html`<div>
        <label for=${id}>${label}</label>
        <input
          id=${id}
          type="number"
          inputmode="numeric"
          min="1"
          max="120"
          step="1"
          required
          .value=${value}
          aria-invalid=${this.invalid && months(value) === null ? 'true' : 'false'}
          aria-describedby="${id}-hint${this.invalid ? ' range-error' : ''}"
          @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
        />
        ${s.months}
        <p class="hint" id="${id}-hint">${hint}</p>
      </div>`;
    return html`
      <p id="retention-status" tabindex="-1"><strong>${v.enabled ? s.statusOn(this.date(v.enabledAt ?? new Date().toISOString(), false)) : s.statusOff}</strong>
        ${v.enabled && v.nextRunAt ? s.nextRun(this.date(v.nextRunAt)) : nothing}</p>
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), void this.save())}>
        <div class="periods">
          ${field('chat-months', s.chatMonths, s.chatHint, this.chat, (x) => (this.chat = x))}
          ${field('ticket-months', s.ticketMonths, s.ticketHint, this.ticket, (x) => (this.ticket = x))}
        </div>
        ${this.invalid ? html`<p class="error" id="range-error">${s.rangeError}</p>` : nothing}
        <div class="buttons">
          <button type="button" class="preview" ?disabled=${this.busy} @click=${() => void this.dryRun(null)}>${s.preview}</button>
          <button type="submit" class="save" ?disabled=${this.busy}>${s.save}</button>
          ${v.enabled
            ? html`<button type="button" class="turn-off" ?disabled=${this.busy} @click=${() => void this.turnOff()}>${s.turnOff}</button>`
            : html`<button type="button" class="turn-on" ?disabled=${this.busy} @click=${() => void this.dryRun('enable')}>${s.turnOn}</button>`}
        </div>
      </form>
      ${this.preview ? this.renderPreview(this.preview) : nothing}
      <section aria-labelledby="last-run-heading">
        <h4 id="last-run-heading">${s.lastRunHeading}</h4>
        ${v.lastRun ? html`<p>${s.lastRun(this.date(v.lastRun.finishedAt))}</p>${this.renderCounts(v.lastRun.deleted)}` : html`<p class="state empty">${s.neverRun}</p>`}
      </section>
    `;
  }

  private renderPreview(p: RetentionPreview): TemplateResult {
    const s = this.l10n.s;
    const empty = COUNT_KEYS.every((k) => p.counts[k] === 0);
    const body = html`<p class="hint">${s.cutoffs(this.date(p.chatCutoff), this.date(p.ticketCutoff))}</p>
      ${empty ? html`<p class="state empty">${s.nothing}</p>` : this.renderCounts(p.counts)}`;
    if (!this.confirming) {
      return html`<section class="preview" aria-labelledby="preview-heading">
        <h4 id="preview-heading" tabindex="-1">${s.previewHeading}</h4>
        ${body}
      </section>`;
    }
    return html`<section class="confirm" role="group" aria-labelledby="confirm-heading" aria-describedby="confirm-text">
      <h4 id="confirm-heading" tabindex="-1">${s.confirmHeading}</h4>
      <p class="hint">${s.previewHeading}</p>
      ${body}
      <p id="confirm-text">${this.confirming === 'enable' ? s.confirmText : s.confirmChange}</p>
      <div class="buttons">
        <button type="button" class="danger confirm-delete" ?disabled=${this.busy} @click=${() => void this.confirm()}>${s.confirm}</button>
        <button type="button" ?disabled=${this.busy} @click=${() => void this.cancel()}>${s.cancel}</button>
      </div>
    </section>`;
  }
}
