import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { AgentRole, KbCategory } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import type { KbAnnounceDetail, KbEditorTarget, KbSavedDetail, ParleyConsoleKbEditor } from './console-kb-editor.component.js';
import type { KbWriteDetail, ParleyConsoleKbGaps } from './console-kb-gaps.component.js';
import type { KbOpenDetail, ParleyConsoleKbList } from './console-kb-list.component.js';
import { KbConsoleApi } from './kb-console-api.js';
import { kbStrings } from './kb.strings.js';
import { kbBase } from './kb.styles.js';

declare global {
  interface HTMLElementEventMap {
    'parley-kb-unauthorized': CustomEvent<Record<string, never>>;
  }
}

type Section = 'articles' | 'gaps' | 'categories';

/**
 * The console's knowledge-base view: the article list, the editor, and the gap report of questions
 * the bot could not answer. Talks to `/api/console/kb` with the agent's token.
 *
 * @summary Knowledge base of the agent console (internal; rendered by `<parley-console>`).
 * @fires parley-kb-unauthorized - The server refused the token: the console signs the agent out.
 */
export class ParleyConsoleKb extends ParleyElement {
  static override styles = [
    kbBase,
    css`
      :host {
        overflow-y: auto;
        padding: 16px 20px 32px;
      }
      .kb-head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 20px;
        margin-bottom: 16px;
      }
      h2 {
        font-size: 20px;
        margin: 0;
      }
      nav ul {
        display: flex;
        gap: 4px;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav button[aria-current='page'] {
        border-color: var(--_accent);
        box-shadow: inset 0 -3px 0 var(--_accent);
        font-weight: 600;
      }
    `,
  ];

  /** Origin of the Parley server, without a trailing slash. */
  @property() server = '';
  @property({ attribute: false }) token = '';
  /** Site id; needed only when the agent works on several sites. */
  @property() site = '';
  @property({ attribute: false }) agentRole: AgentRole = 'agent';

  @state() private section: Section = 'articles';
  @state() private editing: KbEditorTarget | null = null;
  /** null until the server answers: the list then leaves category names blank instead of saying "No category". */
  @state() private categories: KbCategory[] | null = null;
  @state() private announcement = '';
  @state() private api: KbConsoleApi | null = null;

  @query('parley-console-kb-list') private listEl?: ParleyConsoleKbList;
  @query('parley-console-kb-gaps') private gapsEl?: ParleyConsoleKbGaps;
  @query('parley-console-kb-editor') private editorEl?: ParleyConsoleKbEditor;

  private readonly l10n = new LocaleController(this, kbStrings);
  /** Each opening of the editor is a fresh element: no state carried over from the last article. */
  private editorSeq = 0;
  private gapsLoaded = false;

  /** Unsaved edits in the open editor. */
  get dirty(): boolean {
    return this.editorEl?.dirty ?? false;
  }

  /** Resolves true when the view may be left (the editor has nothing unsaved, or the agent discards it). */
  confirmLeave(): Promise<boolean> {
    return this.editorEl?.confirmLeave() ?? Promise.resolve(true);
  }

  /** Focus to the heading of what is shown: where a screen-reader user learns where they are. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#kb-heading')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('server') || changed.has('token') || changed.has('site')) {
      this.api = this.token
        ? new KbConsoleApi(this.server, this.token, this.site, () => this.emit('parley-kb-unauthorized', {}, { bubbles: false, composed: false }))
        : null;
      if (this.api) void this.loadCategories(this.api);
    }
  }

  private async loadCategories(api: KbConsoleApi): Promise<void> {
    try {
      const categories = await api.categories();
      if (this.api === api) this.categories = [...categories].sort((a, b) => a.position - b.position);
    } catch {
      // The list reports the server's trouble with its own Retry; the filters simply offer no categories.
      if (this.api === api) this.categories ??= [];
    }
  }

  private announce(text: string): void {
    // A live region speaks on change: the same sentence twice in a row needs a nudge to be read again.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  private async show(section: Section, editing: KbEditorTarget | null): Promise<void> {
    if (this.editing && !(await this.confirmLeave())) return;
    const leftEditor = !!this.editing && !editing;
    if (editing) this.editorSeq++;
    this.section = section;
    this.editing = editing;
    if (section === 'gaps' && !editing) {
      // Questions keep arriving: fetch on every visit, the first one included.
      this.gapsLoaded = true;
      await this.updateComplete;
      this.gapsEl?.reload();
    }
    if (leftEditor && section === 'articles') this.listEl?.reload();
    await this.updateComplete;
    if (editing) this.editorEl?.focusHeading();
    else if (section === 'gaps') this.gapsEl?.focusHeading();
    else this.listEl?.focusHeading();
  }

  private onOpen(e: CustomEvent<KbOpenDetail>): void {
    void this.show('articles', e.detail.articleId ? { articleId: e.detail.articleId } : {});
  }

  private onWrite(e: CustomEvent<KbWriteDetail>): void {
    const { gap } = e.detail;
    void this.show('gaps', { locale: gap.locale, title: gap.example, gap });
  }

  private async onSaved(e: CustomEvent<KbSavedDetail>): Promise<void> {
    const { article, gap } = e.detail;
    this.listEl?.noteSaved(article);
    if (!gap || !this.api) return;
    try {
      await this.api.resolveGap(gap.key, article.id);
      this.gapsEl?.forget(gap.key);
      // Said together with the editor's "Draft saved." (just announced): a second message would cut it off.
      this.announce(`${this.announcement.trim()} ${this.l10n.s.gapResolved}`);
    } catch (err) {
      this.announce(this.l10n.s.failed((err as Error).message));
    }
  }

  private async onEditorClose(): Promise<void> {
    const back = this.section;
    this.editing = null;
    this.editorSeq++;
    if (back === 'articles') this.listEl?.reload();
    else this.gapsEl?.reload();
    await this.updateComplete;
    if (back === 'gaps') this.gapsEl?.focusHeading();
    else this.listEl?.focusHeading();
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    const tab = (section: Section, label: string) => html`
      <li>
        <button type="button" class="section" data-section=${section} aria-current=${this.section === section ? 'page' : 'false'} @click=${() => void this.show(section, null)}>${label}</button>
      </li>
    `;
    return html`
      <div class="kb-head">
        <h2 id="kb-heading" tabindex="-1">${s.heading}</h2>
        <nav aria-label=${s.sections}>
          <ul>
            ${tab('articles', s.articlesTab)} ${tab('gaps', s.gapsTab)} ${tab('categories', s.categoriesTab)}
          </ul>
        </nav>
      </div>
      <parley-console-kb-transfer
        ?hidden=${this.section !== 'articles' || !!this.editing}
        .api=${this.api}
        ?manager=${this.agentRole === 'admin' || this.agentRole === 'supervisor'}
        @parley-kb-imported=${() => {
          this.listEl?.reload();
          if (this.api) void this.loadCategories(this.api);
        }}
      ></parley-console-kb-transfer>
      <parley-console-kb-list
        ?hidden=${this.section !== 'articles' || !!this.editing}
        .api=${this.api}
        .categories=${this.categories}
        @parley-kb-open=${this.onOpen}
      ></parley-console-kb-list>
      ${this.gapsLoaded || this.section === 'gaps'
        ? html`<parley-console-kb-gaps ?hidden=${this.section !== 'gaps' || !!this.editing} .api=${this.api} @parley-kb-write=${this.onWrite}></parley-console-kb-gaps>`
        : nothing}
      ${this.section === 'categories' && !this.editing
        ? html`<parley-console-kb-categories
            .api=${this.api}
            .categories=${this.categories ?? []}
            ?manager=${this.agentRole === 'admin' || this.agentRole === 'supervisor'}
            @parley-kb-categories-changed=${() => {
              if (this.api) void this.loadCategories(this.api);
              this.listEl?.reload();
            }}
          ></parley-console-kb-categories>`
        : nothing}
      ${this.editing
        ? keyed(
            this.editorSeq,
            html`<parley-console-kb-editor
              .api=${this.api}
              .categories=${this.categories ?? []}
              .target=${this.editing}
              ?manager=${this.agentRole === 'admin' || this.agentRole === 'supervisor'}
              @parley-kb-saved=${this.onSaved}
              @parley-kb-close=${this.onEditorClose}
              @parley-kb-announce=${(e: CustomEvent<KbAnnounceDetail>) => this.announce(e.detail.text)}
            ></parley-console-kb-editor>`,
          )
        : nothing}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }
}
