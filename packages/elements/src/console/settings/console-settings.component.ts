import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { LocaleController } from '../../internal/i18n.js';
import { ParleyConsoleSubview, subviewHost } from '../console-subview.js';
import { settingsStrings } from './settings.strings.js';
import { tabsFor, type SettingsTab } from './settings-tabs.js';

declare global {
  interface HTMLElementEventMap {
    'parley-settings-unauthorized': CustomEvent<Record<string, never>>;
  }
}

/**
 * The console's Settings view: a tab list (WAI-ARIA tabs, arrow keys move between them) over the
 * sections this person's role may use, each a lazily fetched element from SETTINGS_TABS. A tab whose
 * REST call is refused emits `parley-settings-unauthorized`, which the console answers by signing out.
 *
 * @summary Settings of the agent console (internal; rendered by `<parley-console>`).
 * @fires parley-settings-unauthorized - The server refused the token.
 */
export class ParleyConsoleSettings extends ParleyConsoleSubview {
  static override styles = [
    subviewHost,
    css`
      .layout {
        display: flex;
        gap: 20px;
        align-items: flex-start;
      }
      [role='tablist'] {
        display: flex;
        flex-direction: column;
        min-width: 160px;
        gap: 2px;
      }
      [role='tab'] {
        text-align: start;
        font: inherit;
        padding: 8px 12px;
        border: 1px solid transparent;
        border-radius: 6px;
        background: none;
        color: inherit;
        cursor: pointer;
      }
      [role='tab'][aria-selected='true'] {
        background: var(--parley-surface-2, #eef2f7);
        border-color: var(--parley-border, #cbd5e1);
        font-weight: 600;
      }
      [role='tab']:focus-visible {
        outline: 2px solid var(--parley-focus, #2563eb);
        outline-offset: 2px;
      }
      [role='tabpanel'] {
        flex: 1;
        min-width: 0;
      }
      @media (max-width: 720px) {
        .layout {
          flex-direction: column;
        }
        [role='tablist'] {
          flex-direction: row;
          flex-wrap: wrap;
        }
      }
    `,
  ];

  @state() private selected = '';
  /** Tab id -> 'loading' | 'ready' | 'failed'. */
  @state() private loaded: Record<string, 'loading' | 'ready' | 'failed'> = {};

  private readonly l10n = new LocaleController(this, settingsStrings);

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#settings-heading')?.focus();
  }

  private get tabs(): SettingsTab[] {
    return tabsFor(this.client?.state.me?.role);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const tabs = this.tabs;
    if (tabs.length && !tabs.some((t) => t.id === this.selected)) void this.select(tabs[0]!);
  }

  /** Opens a tab, fetching its element first; `focus` moves focus to the tab button (keyboard). */
  async select(tab: SettingsTab, focus = false): Promise<void> {
    this.selected = tab.id;
    if (focus) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-tab="${tab.id}"]`)?.focus();
    }
    if (this.loaded[tab.id] === 'ready' || this.loaded[tab.id] === 'loading') return;
    this.loaded = { ...this.loaded, [tab.id]: 'loading' };
    try {
      await tab.load();
      this.loaded = { ...this.loaded, [tab.id]: 'ready' };
    } catch {
      this.loaded = { ...this.loaded, [tab.id]: 'failed' };
    }
  }

  private onKey(e: KeyboardEvent, index: number): void {
    const tabs = this.tabs;
    const vertical = !matchMedia('(max-width: 720px)').matches;
    const next = vertical ? 'ArrowDown' : 'ArrowRight';
    const prev = vertical ? 'ArrowUp' : 'ArrowLeft';
    let to = -1;
    if (e.key === next) to = (index + 1) % tabs.length;
    else if (e.key === prev) to = (index - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = tabs.length - 1;
    if (to < 0) return;
    e.preventDefault();
    void this.select(tabs[to]!, true);
  }

  private renderPanel(tab: SettingsTab): TemplateResult {
    const s = this.l10n.s;
    const status = this.loaded[tab.id];
    if (status === 'failed') {
      return html`<p role="alert">${s.loadFailed}</p>
        <button type="button" @click=${() => { this.loaded = { ...this.loaded, [tab.id]: undefined! }; void this.select(tab); }}>${s.retry}</button>`;
    }
    if (status !== 'ready') return html`<p role="status">${s.loading}</p>`;
    const tag = unsafeStatic(tab.tag);
    // A tab emits `parley-settings-unauthorized` itself (bubbling, composed): the console signs out.
    return staticHtml`<${tag} .server=${this.server} .token=${this.token} .site=${this.site} .client=${this.client}></${tag}>`;
  }

  override render(): TemplateResult {
    const s = this.l10n.s;
    const tabs = this.tabs;
    const locale = this.l10n.locale;
    const current = tabs.find((t) => t.id === this.selected);
    return html`
      <h2 id="settings-heading" tabindex="-1">${s.heading}</h2>
      ${tabs.length === 0
        ? html`<p>${s.empty}</p>`
        : html`<div class="layout">
            <div role="tablist" aria-label=${s.tabs} aria-orientation="vertical">
              ${tabs.map(
                (t, i) => html`<button
                  type="button"
                  role="tab"
                  id="tab-${t.id}"
                  data-tab=${t.id}
                  aria-selected=${t.id === this.selected ? 'true' : 'false'}
                  aria-controls="panel-${t.id}"
                  tabindex=${t.id === this.selected ? 0 : -1}
                  @click=${() => void this.select(t)}
                  @keydown=${(e: KeyboardEvent) => this.onKey(e, i)}
                >
                  ${t.label[locale]}
                </button>`,
              )}
            </div>
            ${current ? html`<div role="tabpanel" id="panel-${current.id}" aria-labelledby="tab-${current.id}">${this.renderPanel(current)}</div>` : nothing}
          </div>`}
    `;
  }
}
