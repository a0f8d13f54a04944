import { css, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { KbImportResult } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import type { KbConsoleApi } from './kb-console-api.js';
import { kbStrings } from './kb.strings.js';
import { kbBase } from './kb.styles.js';

declare global {
  interface HTMLElementEventMap {
    'parley-kb-imported': CustomEvent<KbImportResult>;
  }
}

/**
 * Export and import of the whole knowledge base, so a company can bring its existing FAQ (a JSON
 * export, or a zip of markdown files, one per article version) and keep a copy of its own.
 *
 * @summary Knowledge-base import and export of the agent console (internal).
 * @fires parley-kb-imported - An import went through; lists should reload.
 */
export class ParleyConsoleKbTransfer extends ParleyElement {
  static override styles = [
    kbBase,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
      }
      .outcome {
        flex-basis: 100%;
        margin: 0;
        font-size: 13px;
      }
      .outcome:empty {
        display: none;
      }
      .error {
        color: var(--_danger);
      }
      /* The file input is hidden but focusable: its label looks like a button and shows its focus. */
      label.button {
        display: inline-flex;
        align-items: center;
        padding: 6.4px 13.6px;
        border: 1px solid var(--_border);
        border-radius: var(--_radius-small);
        background: var(--_surface);
        cursor: pointer;
      }
      label.button:focus-within {
        box-shadow: var(--_focus-ring);
      }
    `,
  ];

  @property({ attribute: false }) api: KbConsoleApi | null = null;
  /** Supervisors and admins may import; everyone may export what they can read anyway. */
  @property({ type: Boolean }) manager = false;

  @state() private busy = false;
  @state() private outcome = '';
  @state() private failed = false;

  @query('input[type=file]') private fileEl?: HTMLInputElement;

  private readonly l10n = new LocaleController(this, kbStrings);

  private async download(format: 'json' | 'markdown'): Promise<void> {
    if (!this.api || this.busy) return;
    await this.run(async () => {
      const { blob, name } = await this.api!.exportFile(format);
      // An object URL, not a data: URL: the export can be megabytes; revoked once the click is handled.
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.hidden = true;
      this.renderRoot.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.outcome = this.l10n.s.exported(name);
    });
  }

  private async onFile(): Promise<void> {
    const file = this.fileEl?.files?.[0];
    if (!file || !this.api) return;
    await this.run(async () => {
      const result = await this.api!.importFile(file, file.name);
      this.outcome = this.l10n.s.imported(file.name, result.articles.created, result.articles.updated, result.categories.created);
      this.emit('parley-kb-imported', result);
    });
    if (this.fileEl) this.fileEl.value = '';
  }

  private async run(task: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.failed = false;
    this.outcome = '';
    try {
      await task();
    } catch (err) {
      this.failed = true;
      this.outcome = this.l10n.s.transferFailed((err as Error).message);
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    return html`<div class="row">
      <button type="button" ?disabled=${this.busy || !this.api} @click=${() => void this.download('json')}>${s.exportJson}</button>
      <button type="button" ?disabled=${this.busy || !this.api} @click=${() => void this.download('markdown')}>${s.exportMarkdown}</button>
      ${this.manager
        ? html`<label class="button">
            <span>${s.importLabel}</span>
            <input type="file" class="visually-hidden" accept=".json,.zip,application/json,application/zip" ?disabled=${this.busy || !this.api} @change=${this.onFile} />
          </label>`
        : nothing}
      <p class="outcome ${this.failed ? 'error' : ''}" role=${this.failed ? 'alert' : 'status'}>${this.outcome}</p>
    </div>`;
  }
}
