import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { KbGap } from '@parley/protocol';
import { LocaleController, relativeTime, sharedStrings } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import type { KbConsoleApi } from './kb-console-api.js';
import { kbStrings } from './kb.strings.js';
import { kbBase } from './kb.styles.js';

export interface KbWriteDetail {
  gap: KbGap;
}

declare global {
  interface HTMLElementEventMap {
    'parley-kb-write': CustomEvent<KbWriteDetail>;
  }
}

/**
 * The gap report: questions visitors asked that the knowledge base did not answer, most asked first,
 * each with "Write an article from this".
 *
 * @summary Knowledge-base gap report of the agent console (internal).
 * @fires parley-kb-write - The agent chose to answer a question with a new article.
 */
export class ParleyConsoleKbGaps extends ParleyElement {
  static override styles = [
    kbBase,
    css`
      .intro {
        margin: 0 0 12px;
        color: var(--_text-muted);
      }
      q {
        display: block;
        margin-bottom: 6px;
        overflow-wrap: anywhere;
      }
      q::before,
      q::after {
        content: none;
      }
      button.write {
        font-size: 13px;
      }
    `,
  ];

  @property({ attribute: false }) api: KbConsoleApi | null = null;

  @state() private gaps: KbGap[] | null = null;
  @state() private error = '';
  @state() private loading = false;

  private readonly l10n = new LocaleController(this, kbStrings);
  private abort: AbortController | null = null;

  /** Fetches the report again (each time the view is shown: questions keep arriving). */
  reload(): void {
    void this.load();
  }

  /** Drops a gap the agent just answered without waiting for the next fetch. */
  forget(key: string): void {
    if (this.gaps) this.gaps = this.gaps.filter((g) => g.key !== key);
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#gaps-heading')?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  private async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.loading = true;
    this.error = '';
    try {
      const gaps = await api.gaps(abort.signal);
      if (!abort.signal.aborted) this.gaps = gaps;
    } catch (err) {
      if (!abort.signal.aborted) this.error = (err as Error).message;
    } finally {
      if (this.abort === abort) this.loading = false;
    }
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    return html`
      <section aria-labelledby="gaps-heading">
        <div class="head"><h3 id="gaps-heading" tabindex="-1">${s.gapsTab}</h3></div>
        <p class="intro">${s.gapsIntro}</p>
        ${this.renderBody()}
      </section>
    `;
  }

  private renderBody(): TemplateResult | typeof nothing {
    const s = this.l10n.s;
    if (this.error) {
      return html`<div class="state">
        <p class="error" role="alert">${s.loadFailed(this.error)}</p>
        <button type="button" @click=${() => void this.load()}>${s.retry}</button>
      </div>`;
    }
    if (!this.gaps) return html`<div class="state"><p class="notice" role="status">${s.gapsLoading}</p></div>`;
    if (this.gaps.length === 0) return html`<div class="state"><p>${s.gapsEmpty}</p></div>`;
    const locale = this.l10n.locale;
    return html`
      <div class="table-wrap">
        <table aria-labelledby="gaps-heading" aria-busy=${this.loading ? 'true' : 'false'}>
          <thead>
            <tr>
              <th scope="col">${s.colQuestion}</th>
              <th scope="col" class="num">${s.colAsked}</th>
              <th scope="col">${s.language}</th>
              <th scope="col">${s.colLastAsked}</th>
              <th scope="col">${s.colReason}</th>
            </tr>
          </thead>
          <tbody>
            ${repeat(
              this.gaps,
              (g) => g.key,
              (g, i) => html`
                <tr data-key=${g.key}>
                  <th scope="row">
                    <q id=${`gap-${i}`} lang=${g.locale}>${g.example}</q>
                    <button type="button" class="write" aria-describedby=${`gap-${i}`} @click=${() => this.emit('parley-kb-write', { gap: g }, { bubbles: false, composed: false })}>
                      ${s.writeFromGap}
                    </button>
                  </th>
                  <td class="num count" data-count=${g.count}>${s.askedTimes(g.count)}</td>
                  <td lang=${g.locale}>${s.localeName[g.locale]}</td>
                  <td>
                    <time datetime=${g.lastAskedAt} title=${new Date(g.lastAskedAt).toLocaleString(locale)}>${relativeTime(sharedStrings[locale], g.lastAskedAt)}</time>
                  </td>
                  <td>${s.reason[g.reason]}</td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}
