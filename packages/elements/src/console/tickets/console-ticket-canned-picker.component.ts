import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { CannedReply, Locale } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import type { TicketsApi } from './tickets-api.js';
import { cannedStrings } from './tickets-canned.strings.js';
import { ticketsBase } from './tickets.styles.js';

export interface CannedChosenDetail {
  reply: CannedReply;
}

declare global {
  interface HTMLElementEventMap {
    'parley-canned-chosen': CustomEvent<CannedChosenDetail>;
  }
}

/** The ticket's language first, then the replies for any language, then the rest; by title within each. */
export function orderCanned(replies: readonly CannedReply[], locale: Locale): CannedReply[] {
  const rank = (r: CannedReply) => (r.locale === locale ? 0 : r.locale === null ? 1 : 2);
  return [...replies].sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title));
}

const PREVIEW_CHARS = 90;

/**
 * A menu button that opens the site's saved replies as a listbox. Not a `<select>`: Chromium changes a
 * closed select's value on every arrow key, which would insert a reply per key press. Arrow keys, Home
 * and End move, Enter or Space choose, Escape closes, a letter jumps to the next title starting with it.
 *
 * @summary Saved-reply picker of the ticket composer (internal).
 * @fires parley-canned-chosen - The agent chose a reply; `detail.reply` is it.
 */
export class ParleyConsoleTicketCannedPicker extends ParleyElement {
  static override styles = [
    ticketsBase,
    css`
      :host {
        position: relative;
        display: inline-block;
      }
      .popup {
        position: absolute;
        z-index: 2;
        inset-inline-end: 0;
        top: calc(100% + 4px);
        width: min(420px, 80vw);
        max-height: 320px;
        overflow-y: auto;
        border: 1px solid var(--_border);
        border-radius: var(--_radius-small);
        background: var(--_surface);
        box-shadow: var(--_shadow);
        padding: 4px;
      }
      .popup .state {
        padding: 8px;
      }
      [role='listbox'] {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      [role='listbox']:focus-visible {
        outline: none;
      }
      [role='option'] {
        display: flex;
        flex-direction: column;
        gap: 2px;
        padding: 6px 8px;
        border-radius: var(--_radius-small);
        cursor: pointer;
      }
      [role='option'] .title {
        font-weight: 600;
      }
      [role='option'] .lang {
        font-weight: 400;
        color: var(--_text-muted);
        font-size: 12px;
        margin-inline-start: 6px;
      }
      [role='option'] .preview {
        color: var(--_text-muted);
        font-size: 13px;
      }
      [role='option'][aria-selected='true'] {
        background: color-mix(in srgb, var(--_accent) 14%, var(--_surface));
        outline: 2px solid var(--_accent);
        outline-offset: -2px;
      }
    `,
  ];

  @property({ attribute: false }) api: TicketsApi | null = null;
  /** The ticket's language: its replies come first. */
  @property({ attribute: false }) locale: Locale = 'en';

  @state() private open = false;
  @state() private replies: CannedReply[] | null = null;
  @state() private error = '';
  @state() private active = 0;

  @query('button.toggle') private toggleEl?: HTMLButtonElement;
  @query('[role="listbox"]') private listEl?: HTMLElement;

  private readonly l10n = new LocaleController(this, cannedStrings);
  private loading: Promise<void> | null = null;

  private get ordered(): CannedReply[] {
    return orderCanned(this.replies ?? [], this.locale);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api')) this.replies = null;
    // A refreshed list may be shorter than the one the active option was picked from.
    const n = this.replies?.length ?? 0;
    if (this.active >= n) this.active = Math.max(0, n - 1);
  }

  protected override updated(): void {
    if (this.open) this.listEl?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }

  /** Reads the list on every opening: a supervisor may have changed it since. */
  private load(): Promise<void> {
    const api = this.api;
    if (!api) return Promise.resolve();
    this.error = '';
    this.loading ??= api
      .cannedReplies()
      .then((r) => {
        if (this.api === api) this.replies = r;
      })
      .catch((err: Error) => {
        if (this.api === api) this.error = err.message;
      })
      .finally(() => (this.loading = null));
    return this.loading;
  }

  private async show(at: 'first' | 'last'): Promise<void> {
    const cached = this.replies !== null;
    this.open = true;
    const pending = this.load();
    if (!cached) await pending;
    if (!this.open) return;
    const n = this.ordered.length;
    this.active = at === 'last' ? Math.max(0, n - 1) : 0;
    await this.updateComplete;
    // With nothing to choose from, focus stays on the button and the popup's message is read instead.
    this.listEl?.focus();
  }

  private hide(refocus: boolean): void {
    this.open = false;
    if (refocus) this.toggleEl?.focus();
  }

  private choose(reply: CannedReply | undefined): void {
    if (!reply) return;
    this.open = false;
    this.emit('parley-canned-chosen', { reply }, { bubbles: false, composed: false });
  }

  private onToggleKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      void this.show(e.key === 'ArrowUp' ? 'last' : 'first');
    } else if (e.key === 'Escape' && this.open) {
      e.preventDefault();
      this.hide(true);
    }
  }

  private onListKey(e: KeyboardEvent): void {
    const items = this.ordered;
    const last = items.length - 1;
    const move = (i: number) => {
      e.preventDefault();
      this.active = Math.min(Math.max(i, 0), last);
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(this.active + 1);
      case 'ArrowUp':
        return move(this.active - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(last);
      case 'Enter':
      case ' ':
        e.preventDefault();
        return this.choose(items[this.active]);
      case 'Escape':
        e.preventDefault();
        return this.hide(true);
      case 'Tab':
        return this.hide(false);
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const k = e.key.toLocaleLowerCase();
      const next = [...items.slice(this.active + 1), ...items.slice(0, this.active + 1)].find((r) => r.title.toLocaleLowerCase().startsWith(k));
      if (next) move(items.indexOf(next));
    }
  }

  private onFocusOut(e: FocusEvent): void {
    const to = e.relatedTarget as Node | null;
    if (this.open && (!to || !this.renderRoot.contains(to))) this.open = false;
  }

  private languageOf(r: CannedReply): string {
    const s = this.l10n.s;
    return r.locale ? s.localeName[r.locale] : s.anyLanguage;
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    return html`
      <div @focusout=${this.onFocusOut}>
        <button
          type="button"
          class="toggle"
          id="canned-toggle"
          aria-haspopup="listbox"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls=${this.open ? 'canned-popup' : nothing}
          @click=${() => (this.open ? this.hide(true) : void this.show('first'))}
          @keydown=${this.onToggleKey}
        >
          ${s.insert} <span aria-hidden="true">▾</span>
        </button>
        ${this.open ? html`<div class="popup" id="canned-popup">${this.renderPopup()}</div>` : nothing}
      </div>
    `;
  }

  private renderPopup(): TemplateResult {
    const s = this.l10n.s;
    if (this.replies === null) {
      return this.error
        ? html`<div class="state"><p class="error" role="alert">${s.loadFailed(this.error)}</p><button type="button" @click=${() => void this.show('first')}>${s.retry}</button></div>`
        : html`<div class="state"><p class="notice" role="status">${s.loading}</p></div>`;
    }
    const items = this.ordered;
    if (items.length === 0) return html`<div class="state"><p class="notice" role="status">${s.empty}</p></div>`;
    const activeId = items[this.active] ? `canned-${items[this.active]!.id}` : nothing;
    return html`
      <ul role="listbox" tabindex="-1" aria-labelledby="canned-toggle" aria-activedescendant=${activeId} @keydown=${this.onListKey}>
        ${items.map(
          (r, i) => html`<li
            role="option"
            id=${`canned-${r.id}`}
            aria-selected=${i === this.active ? 'true' : 'false'}
            @click=${() => this.choose(r)}
            @mousemove=${() => (this.active = i)}
          >
            <span><span class="title" lang=${r.locale ?? nothing}>${r.title}</span><span class="lang">${this.languageOf(r)}</span></span>
            <span class="preview" lang=${r.locale ?? nothing}>${r.body.length > PREVIEW_CHARS ? `${r.body.slice(0, PREVIEW_CHARS - 1)}…` : r.body}</span>
          </li>`,
        )}
      </ul>
    `;
  }
}
