import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { KbVoteComment } from '@parley/protocol';
import { LocaleController, relativeTime, sharedStrings } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import type { KbConsoleApi } from './kb-console-api.js';
import { kbStrings } from './kb.strings.js';
import { kbBase } from './kb.styles.js';

/**
 * What visitors wrote when they voted on one article version ("What were you looking for?"): the
 * reasons behind a low helpful score, newest first, collapsed until asked for.
 *
 * @summary Visitors' vote comments on an article, in the console's editor (internal).
 */
export class ParleyConsoleKbComments extends ParleyElement {
  static override styles = [
    kbBase,
    css`
      details {
        font-size: 13px;
      }
      ul {
        margin: 6px 0 0;
        padding: 0;
        list-style: none;
        display: grid;
        gap: 6px;
      }
      li {
        padding: 6px 8px;
        border-left: 3px solid var(--_border);
        background: var(--_surface-alt);
        overflow-wrap: anywhere;
        white-space: pre-wrap;
      }
      li.no {
        border-left-color: var(--_danger);
      }
      .meta {
        display: block;
        color: var(--_text-muted);
        font-size: 12px;
      }
    `,
  ];

  @property({ attribute: false }) api: KbConsoleApi | null = null;
  @property({ attribute: 'article-id' }) articleId = '';

  @state() private comments: KbVoteComment[] | null = null;
  @state() private error = '';

  private readonly l10n = new LocaleController(this, kbStrings);
  private readonly shared = new LocaleController(this, sharedStrings);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('articleId') || changed.has('api')) && this.api && this.articleId) void this.load(this.api, this.articleId);
  }

  private async load(api: KbConsoleApi, id: string): Promise<void> {
    this.comments = null;
    this.error = '';
    try {
      const comments = await api.comments(id);
      if (id === this.articleId) this.comments = comments;
    } catch (err) {
      if (id === this.articleId) this.error = (err as Error).message;
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const s = this.l10n.s;
    if (this.error) return html`<p class="error" role="alert">${s.commentsFailed(this.error)}</p>`;
    if (!this.comments?.length) return nothing;
    return html`<details>
      <summary>${s.comments(this.comments.length)}</summary>
      <ul>
        ${this.comments.map(
          (c) => html`<li class=${c.helpful ? 'yes' : 'no'}>
            <span class="meta">${c.helpful ? s.votedYes : s.votedNo} · ${relativeTime(this.shared.s, c.createdAt)}</span>${c.comment}
          </li>`,
        )}
      </ul>
    </details>`;
  }
}
