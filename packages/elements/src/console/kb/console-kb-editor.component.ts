import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ArticleAdmin, ArticleStatus, KbCategory, KbGap, Locale } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import { editorStyles } from './console-kb-editor.styles.js';
import { articleFields, articleStats, besidePanel, deleteDialog, editorActions, leaveDialog, versionSwitcher, type Action } from './console-kb-editor.templates.js';
import { parseKeywords, type ArticlePatch, type KbConsoleApi } from './kb-console-api.js';
import { blankDraft, fieldOf, isDirty, loadGroup, localesWhere, type Field, type VersionDraft } from './kb-editor-state.js';
import { articleHtml, PreviewController } from './kb-preview.js';
import { kbStrings } from './kb.strings.js';

/** What to open: an existing version, or a new article (optionally answering a gap). */
export interface KbEditorTarget {
  articleId?: string;
  locale?: Locale;
  title?: string;
  gap?: KbGap;
}
export interface KbSavedDetail {
  article: ArticleAdmin;
  /** Set on the save that created the article answering this gap. */
  gap?: KbGap;
}
export interface KbAnnounceDetail {
  text: string;
}

declare global {
  interface HTMLElementEventMap {
    'parley-kb-saved': CustomEvent<KbSavedDetail>;
    'parley-kb-close': CustomEvent<Record<string, never>>;
    'parley-kb-announce': CustomEvent<KbAnnounceDetail>;
  }
}


/**
 * Writes one article: its locale versions one at a time with another version or the live preview
 * beside it, Save draft, Publish / Unpublish (supervisors and admins), Delete, and a guard against
 * leaving with unsaved changes.
 *
 * @summary Knowledge-base article editor of the agent console (internal).
 * @fires parley-kb-saved - A version was saved (created, edited, published or unpublished).
 * @fires parley-kb-close - The agent left the editor (after confirming unsaved changes), or deleted the last version.
 * @fires parley-kb-announce - Text for the console's live region ("Draft saved.").
 */
export class ParleyConsoleKbEditor extends ParleyElement {
  static override styles = editorStyles;

  @property({ attribute: false }) api: KbConsoleApi | null = null;
  @property({ attribute: false }) categories: KbCategory[] = [];
  @property({ attribute: false }) target: KbEditorTarget = {};
  /** Supervisors and admins publish, unpublish and delete; agents write drafts. */
  @property({ type: Boolean }) manager = false;

  @state() private versions: Partial<Record<Locale, VersionDraft>> = {};
  @state() private current: Locale = 'en';
  @state() private groupId: string | null = null;
  @state() private categoryId = '';
  @state() private savedCategoryId = '';
  @state() private beside: 'preview' | Locale = 'preview';
  @state() private reference: HTMLElement | null = null;
  @state() private loadError = '';
  @state() private ready = false;
  @state() private busy: Action | null = null;
  @state() private error = '';
  @state() private errorField: Field | null = null;
  @state() private dialog: 'delete' | 'leave' | null = null;
  @state() private gap: KbGap | null = null;

  @query('dialog.delete') private deleteDialog?: HTMLDialogElement;
  @query('dialog.leave') private leaveDialog?: HTMLDialogElement;

  private readonly l10n = new LocaleController(this, kbStrings);
  private readonly preview = new PreviewController(this, () => this.api);
  private leaving: ((leave: boolean) => void) | null = null;
  private referenceKey = '';
  private focusPending = false;
  private readonly onBeforeUnload = (e: BeforeUnloadEvent): void => {
    if (!this.dirty) return;
    e.preventDefault();
    e.returnValue = '';
  };

  /** Unsaved edits in any version, or a changed category. */
  get dirty(): boolean {
    return Object.values(this.versions).some((v) => v && isDirty(v)) || this.categoryId !== this.savedCategoryId;
  }

  /** Resolves true when the editor may go away: nothing unsaved, or the agent chose to discard it. */
  confirmLeave(): Promise<boolean> {
    if (!this.dirty) return Promise.resolve(true);
    this.leaving?.(false);
    this.dialog = 'leave';
    return new Promise((resolve) => (this.leaving = resolve));
  }

  /** Focuses the heading, or does so as soon as the article has loaded and the heading exists. */
  focusHeading(): void {
    const heading = this.renderRoot?.querySelector<HTMLElement>('#editor-heading');
    this.focusPending = !heading;
    heading?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.onBeforeUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    this.leaving?.(true);
    this.leaving = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('target') || changed.has('api')) && this.api) void this.load();
  }

  protected override updated(changed: PropertyValues): void {
    for (const [el, open] of [
      [this.deleteDialog, this.dialog === 'delete'],
      [this.leaveDialog, this.dialog === 'leave'],
    ] as const) {
      if (!el) continue;
      if (open && !el.open) el.showModal();
      else if (!open && el.open) el.close();
    }
    if (changed.has('beside') || changed.has('versions')) void this.renderReference();
    if (this.focusPending && this.ready) this.focusHeading();
  }

  private get draft(): VersionDraft {
    return this.versions[this.current] ?? blankDraft();
  }

  private announce(text: string): void {
    this.emit('parley-kb-announce', { text }, { bubbles: false, composed: false });
  }

  // ---------- loading ----------

  private async load(): Promise<void> {
    const api = this.api;
    const t = this.target;
    this.ready = false;
    this.loadError = '';
    this.gap = t.gap ?? null;
    try {
      if (!t.articleId) {
        const locale = t.locale ?? this.l10n.locale;
        this.versions = { [locale]: blankDraft(t.title ?? '') };
        this.current = locale;
        this.groupId = null;
        this.categoryId = this.savedCategoryId = '';
      } else {
        const { first, versions } = await loadGroup(api!, t.articleId);
        this.versions = versions;
        this.current = first.locale;
        this.groupId = first.groupId;
        this.categoryId = this.savedCategoryId = first.categoryId ?? '';
      }
      this.ready = true;
      this.preview.schedule(this.draft.body, this.current, true);
    } catch (err) {
      this.loadError = (err as Error).message;
    }
  }

  /** Renders the version shown beside the editor, once per saved revision of it (not per keystroke). */
  private async renderReference(): Promise<void> {
    const locale = this.beside;
    const saved = locale === 'preview' ? null : this.versions[locale]?.saved;
    const key = saved ? `${saved.id}@${saved.updatedAt}` : '';
    if (key === this.referenceKey) return;
    this.referenceKey = key;
    if (!saved) {
      this.reference = null;
      return;
    }
    const node = await articleHtml(saved.html, saved.body, saved.locale);
    if (this.referenceKey === key) this.reference = node;
  }

  // ---------- editing ----------

  private edit(field: 'title' | 'body' | 'keywords', e: Event): void {
    const value = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
    this.versions = { ...this.versions, [this.current]: { ...this.draft, [field]: value } };
    if (this.errorField === field) this.errorField = null;
    if (field === 'body') this.preview.schedule(value, this.current);
  }

  private selectVersion(locale: Locale): void {
    if (locale === this.current) return;
    this.current = locale;
    this.error = '';
    this.errorField = null;
    if (this.beside === locale) this.beside = 'preview';
    this.preview.schedule(this.draft.body, locale, true);
  }

  /** A new locale version, written with the version being read kept beside it for reference. */
  private async addVersion(locale: Locale): Promise<void> {
    const source = this.current;
    this.versions = { ...this.versions, [locale]: blankDraft() };
    this.selectVersion(locale);
    if (this.versions[source]?.saved) this.beside = source;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#kb-title')?.focus();
  }

  // ---------- actions ----------

  private canEdit(d: VersionDraft = this.draft): boolean {
    return this.manager || d.status !== 'published';
  }

  private async save(status?: ArticleStatus): Promise<void> {
    const api = this.api;
    const d = this.draft;
    const locale = this.current;
    if (!api || this.busy) return;
    if (!this.canEdit(d) || (status && !this.manager)) return;
    const s = this.l10n.s;
    if (!d.title.trim()) {
      this.error = s.titleRequired;
      this.errorField = 'title';
      this.renderRoot.querySelector<HTMLInputElement>('#kb-title')?.focus();
      return;
    }
    this.busy = status === 'published' ? 'publish' : status === 'draft' ? 'unpublish' : 'save';
    this.error = '';
    this.errorField = null;
    const wasPublished = d.status === 'published';
    const fields: ArticlePatch = { title: d.title, body: d.body, keywords: parseKeywords(d.keywords), categoryId: this.categoryId || null };
    try {
      const article = d.id
        ? await api.update(d.id, { ...fields, ...(status ? { status } : {}) })
        : await api.create({ ...(this.groupId ? { groupId: this.groupId } : {}), locale, title: d.title, body: d.body, keywords: fields.keywords, categoryId: fields.categoryId, ...(status ? { status } : {}) });
      // Edits typed while the request was in flight stay in the form (and keep it dirty).
      const now = this.versions[locale] ?? d;
      this.versions = { ...this.versions, [locale]: { ...now, id: article.id, status: article.status, saved: article } };
      this.groupId = article.groupId;
      this.savedCategoryId = article.categoryId ?? '';
      const gap = !d.id && this.gap ? this.gap : undefined;
      if (gap) this.gap = null;
      this.announce(status === 'published' ? s.published : status === 'draft' && wasPublished ? s.unpublished : article.status === 'published' ? s.savedLive : s.savedDraft);
      this.emit('parley-kb-saved', { article, ...(gap ? { gap } : {}) }, { bubbles: false, composed: false });
    } catch (err) {
      const message = (err as Error).message;
      this.error = s.notSavedError(message);
      this.errorField = fieldOf(message);
    } finally {
      this.busy = null;
    }
  }

  private async deleteVersion(): Promise<void> {
    const api = this.api;
    const d = this.draft;
    if (!api || !d.id || this.busy) return;
    const s = this.l10n.s;
    this.busy = 'delete';
    try {
      await api.remove(d.id);
      const rest = { ...this.versions };
      delete rest[this.current];
      this.versions = rest;
      this.dialog = null;
      this.announce(s.deleted);
      const next = localesWhere((l) => !!rest[l]?.saved)[0];
      if (!next) {
        this.emit('parley-kb-close', {}, { bubbles: false, composed: false });
        return;
      }
      this.current = next;
      this.beside = 'preview';
      this.preview.schedule(this.draft.body, next, true);
      await this.updateComplete;
      this.focusHeading();
    } catch (err) {
      this.error = s.failed((err as Error).message);
      this.dialog = null;
    } finally {
      this.busy = null;
    }
  }

  private async back(): Promise<void> {
    if (await this.confirmLeave()) this.emit('parley-kb-close', {}, { bubbles: false, composed: false });
  }

  private settleLeave(leave: boolean): void {
    this.dialog = null;
    const resolve = this.leaving;
    this.leaving = null;
    resolve?.(leave);
  }

  /** Escape closes a modal dialog natively: follow it. */
  private onDialogClose(which: 'delete' | 'leave'): void {
    if (this.dialog !== which) return;
    if (which === 'leave') this.settleLeave(false);
    else this.dialog = null;
  }

  // ---------- rendering ----------

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    if (this.loadError) {
      return html`<div class="state">
        <p class="error" role="alert">${s.loadFailed(this.loadError)}</p>
        <button type="button" @click=${() => void this.load()}>${s.retry}</button>
        <button type="button" @click=${() => this.emit('parley-kb-close', {}, { bubbles: false, composed: false })}>${s.back}</button>
      </div>`;
    }
    if (!this.ready) return html`<p class="notice loading" role="status">${s.loading}</p>`;
    const d = this.draft;
    const heading = d.saved?.title ?? Object.values(this.versions).find((v) => v?.saved)?.saved?.title ?? s.newHeading;
    return html`
      <div class="top">
        <button type="button" class="back" @click=${() => void this.back()}>${s.back}</button>
        <h3 id="editor-heading" tabindex="-1">${heading}</h3>
        ${d.saved ? articleStats(s, d.saved) : nothing}
        ${d.saved ? html`<parley-console-kb-comments .api=${this.api} article-id=${d.saved.id}></parley-console-kb-comments>` : nothing}
      </div>
      ${versionSwitcher(s, this.versions, this.current, !!this.groupId, (l) => this.selectVersion(l), (l) => void this.addVersion(l))}
      ${this.gap ? html`<p class="from-gap">${s.fromGap(this.gap.example)}</p>` : nothing}
      ${this.renderForm(d)} ${this.renderDialogs(d)}
    `;
  }

  private renderForm(d: VersionDraft): TemplateResult {
    const s = this.l10n.s;
    const readOnly = !this.canEdit(d);
    const published = d.status === 'published';
    const busy = !!this.busy;
    return html`
      <form class="grid" aria-labelledby="editor-heading" aria-busy=${busy ? 'true' : 'false'} @submit=${(e: Event) => (e.preventDefault(), void this.save())}>
        ${articleFields(s, {
          draft: d,
          locale: this.current,
          uiLocale: this.l10n.locale,
          readOnly,
          errorField: this.errorField,
          categories: this.categories,
          categoryId: this.categoryId,
          onEdit: (field, e) => this.edit(field, e),
          onCategory: (id) => (this.categoryId = id),
        })}
        ${this.renderBeside()}
        <div class="footer">
          <p class="error" id="save-error" role="alert">${this.error}</p>
          ${editorActions(s, {
            published,
            readOnly,
            busy: this.busy,
            manager: this.manager,
            saved: !!d.id,
            onPublish: () => void this.save('published'),
            onUnpublish: () => void this.save('draft'),
            onDelete: () => (this.dialog = 'delete'),
          })}
        </div>
      </form>
    `;
  }

  private renderBeside(): TemplateResult {
    const beside = this.beside;
    return besidePanel(this.l10n.s, {
      options: localesWhere((l) => l !== this.current && !!this.versions[l]?.saved),
      beside,
      saved: beside === 'preview' ? null : (this.versions[beside]?.saved ?? null),
      reference: this.reference,
      preview: this.preview,
      onChange: (value) => (this.beside = value),
    });
  }

  private renderDialogs(d: VersionDraft): TemplateResult {
    const s = this.l10n.s;
    return html`
      ${this.manager
        ? deleteDialog(
            s,
            s.localeName[this.current],
            d.saved?.title ?? d.title,
            !!this.busy,
            () => (this.dialog = null),
            () => void this.deleteVersion(),
            () => this.onDialogClose('delete'),
          )
        : nothing}
      ${leaveDialog(s, (leave) => this.settleLeave(leave), () => this.onDialogClose('leave'))}
    `;
  }
}
