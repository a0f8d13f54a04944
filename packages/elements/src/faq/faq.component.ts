import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ArticleSummary } from '@parley/protocol';
import { ParleyElement } from '../internal/parley-element.js';
import { LocaleController, localized } from '../internal/i18n.js';
import type { KbSource } from '../internal/kb-api.js';
import { preloadSanitizer } from '../internal/safe-html.js';
import { FaqData, type View } from './faq.data.js';
import { FeedbackController } from './faq.feedback.js';
import { HashLinks, type HashView } from './faq.hash.js';
import type { Resource } from './faq.resource.js';
import { faqStrings } from './faq.strings.js';
import { faqStyles } from './faq.styles.js';
import { articleList, backButton, contactBox, searchIcon, versionLinks } from './faq.templates.js';

export interface ParleyChatRequestDetail {
  /** The article the visitor was reading. */
  articleId?: string;
  articleTitle?: string;
  /** What the visitor had searched for. */
  query?: string;
}

declare global {
  interface HTMLElementEventMap {
    'parley-chat-request': CustomEvent<ParleyChatRequestDetail>;
  }
}

/** Where keyboard focus goes after the next render: the view's heading, or the list item the visitor came back to. */
type FocusTarget = { heading: true } | { article: string } | { category: string };
/**
 * @summary The help center: search as you type, topics, articles, "Was this helpful?" and a way to
 * reach a person. Works inline on a help page and as the messenger's Help tab.
 *
 * @fires parley-chat-request - The visitor chose "Chat with us". `detail` carries the article being read
 * (`articleId`, `articleTitle`) and the search text (`query`). Cancelable: the messenger cancels it and
 * opens its Chat tab with that context; if nobody cancels it, the element calls `Parley.open()` when the
 * page has parley.js.
 *
 * @csspart base - The element's box.
 * @csspart search - The search form (box and clear button).
 * @csspart categories - The list of topics on the home view.
 * @csspart list - A list of articles (a topic's, or search results).
 * @csspart item - One article link in a list.
 * @csspart back - The Back button.
 * @csspart article - The article view.
 * @csspart body - The article's rendered content.
 * @csspart feedback - "Was this helpful?" with its buttons and comment box.
 * @csspart contact - "Still need help? Chat with us".
 *
 * @cssproperty --parley-accent - Links, primary buttons, focus ring.
 * @cssproperty --parley-accent-contrast - Text on the accent colour.
 * @cssproperty --parley-surface - Background.
 * @cssproperty --parley-surface-alt - Cards and hovered items.
 * @cssproperty --parley-text - Text colour.
 * @cssproperty --parley-text-muted - Excerpts, dates, counts.
 * @cssproperty --parley-border - Borders.
 * @cssproperty --parley-radius - Card corner radius.
 * @cssproperty --parley-font - Font family.
 * @cssproperty --parley-font-size - Base text size (px).
 */
export class ParleyFaq extends ParleyElement {
  static override styles = faqStyles;

  /** Origin of the Parley server; defaults to the page's origin. */
  @property() server = '';

  /** The site key. */
  @property() site = '';

  /** Id of the article shown (empty for the lists). */
  @property({ reflect: true }) article = '';

  /** The search text (empty for topics). */
  @property({ reflect: true }) query = '';

  /** Keep the view in `location.hash` (`#article=<id>`, `#q=<text>`): for a standalone help page. */
  @property({ type: Boolean, attribute: 'hash-links' }) hashLinks = false;

  /** The topic whose articles are listed (no attribute: topics have no deep link). */
  @state() private category = '';

  private readonly l10n = new LocaleController(this, faqStrings);
  private readonly data = new FaqData(this);
  /** Title shown while the article opened from a list loads, so the heading exists at once. */
  private seed: ArticleSummary | null = null;
  private readonly feedback = new FeedbackController(this);
  private readonly hash = new HashLinks(
    this,
    () => ({ article: this.article, query: this.query }),
    (h) => this.fromHash(h),
  );
  private focusNext: FocusTarget | null = null;
  private searchNow = false;

  constructor() {
    super();
    this.addEventListener('keydown', this.onKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.data.cancel();
  }

  // ---------- public API ----------

  /** Opens an article by id. */
  showArticle(id: string): void {
    this.go({ article: id }, { push: true });
  }

  /** Shows the results for `text` at once (no typing delay). */
  search(text: string): void {
    this.searchNow = true;
    this.go({ article: '', query: text });
  }

  /** Back to the start: the search box and the topics. */
  home(): void {
    this.go({ article: '', query: '', category: '' });
  }

  /** Moves keyboard focus to the current view's heading. */
  override focus(options?: FocusOptions): void {
    this.focusNext = { heading: true };
    if (!this.isUpdatePending) this.applyFocus(options);
  }

  // ---------- navigation ----------

  private get view(): View {
    if (this.article) return 'article';
    if (this.query.trim()) return 'results';
    return this.category ? 'category' : 'home';
  }

  /** Where the API calls go (public for the controllers). */
  source(): KbSource {
    return { server: this.server || location.origin, site: this.site };
  }

  /**
   * Every view change goes through here. Focus follows only when it was already inside the element
   * (or the visitor acted in it): a help page must not have focus pulled away as it loads.
   */
  private go(next: { article?: string; query?: string; category?: string }, opts: { push?: boolean; focus?: FocusTarget } = {}): void {
    const leaving = this.article;
    if (next.category !== undefined) this.category = next.category;
    if (next.query !== undefined) this.query = next.query;
    if (next.article !== undefined) this.article = next.article;
    if (opts.push && this.article && this.article !== leaving) this.hash.push();
    if (opts.focus || this.matches(':focus-within')) {
      this.focusNext = opts.focus ?? (leaving && !this.article ? { article: leaving } : { heading: true });
    }
  }

  private readonly onOpen = (e: MouseEvent, summary: ArticleSummary): void => {
    // Modified clicks open the deep link in a new tab, as links do.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    this.seed = summary;
    this.go({ article: summary.id }, { push: true, focus: { heading: true } });
  };

  private openCategory(id: string): void {
    this.go({ category: id }, { focus: { heading: true } });
  }

  private back(): void {
    if (this.view === 'article') {
      const from = this.article;
      // Our own history entry: step back through it, so the browser's Back and ours agree.
      if (this.hash.ownsEntry(from)) {
        this.focusNext = { article: from };
        history.back();
        return;
      }
      this.go({ article: '' }, { focus: { article: from } });
    } else if (this.view === 'category') {
      this.go({ category: '' }, { focus: { category: this.category } });
    }
  }

  /** The fragment changed (browser Back / Forward, a link): an article keeps the search behind it. */
  private fromHash(h: HashView): void {
    this.searchNow = true;
    this.seed = null;
    this.go(h.article ? { article: h.article } : { article: '', query: h.query });
  }

  private readonly onKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || e.isComposing) return;
    const target = e.composedPath()[0] as HTMLElement;
    if (target.id === 'search') {
      if (!this.query) return;
      this.go({ query: '' });
      this.focusNext = null;
    } else if (this.feedback.escape(target)) {
      // The comment box closed.
    } else if (this.view === 'article' || this.view === 'category') {
      this.back();
    } else {
      // Not ours to handle: a messenger around us may close on Escape.
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  /**
   * The box's value is bound without live(): Lit then writes it only when `query` changes from our
   * side (clear, Escape, Back), never while an IME composition is under way, which a re-render (search
   * results arriving) would otherwise wipe out.
   */
  private onSearchInput(e: InputEvent): void {
    // Mid-composition text (pinyin before the characters are chosen) is not a query yet.
    if (e.isComposing) return;
    this.query = (e.target as HTMLInputElement).value;
  }

  private onSearchSubmit(e: SubmitEvent): void {
    e.preventDefault();
    this.searchNow = true;
    this.query = this.q<HTMLInputElement>('#search')?.value ?? this.query;
    this.requestUpdate();
  }

  private clearSearch(): void {
    this.go({ query: '' });
    this.focusNext = null;
    void this.updateComplete.then(() => this.q<HTMLInputElement>('#search')?.focus());
  }

  private requestChat(): void {
    const a = this.view === 'article' ? this.data.article.current?.article : undefined;
    const query = this.query.trim();
    const detail: ParleyChatRequestDetail = {};
    if (a) {
      detail.articleId = a.id;
      detail.articleTitle = a.title;
    }
    if (query) detail.query = query;
    const event = this.emit('parley-chat-request', detail, { cancelable: true });
    if (event.defaultPrevented) return;
    const api = (window as { Parley?: unknown }).Parley as ((m: string) => void) | { open?: () => void } | undefined;
    if (typeof api === 'function') api('open');
    else api?.open?.();
  }

  // ---------- lifecycle ----------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) {
      // A query given as an attribute (or a deep link) is not typing: search at once.
      this.searchNow = true;
      const h = this.hash.initial();
      if (h) {
        this.article = h.article;
        this.query = h.query || this.query;
      }
    }
    if (changed.has('article') && this.seed?.id !== this.article) this.seed = null;
    this.feedback.show(this.article);
    if (this.site) {
      const { view, article, query, category } = this;
      this.data.ensure(this.source(), this.l10n.locale, { view, article, query, category, now: this.searchNow });
      this.searchNow = false;
    }
  }

  protected override updated(): void {
    this.hash.sync();
    this.applyFocus();
    // An article is likely next: fetch the sanitiser while the visitor reads the list.
    if (this.view !== 'home') void preloadSanitizer().catch(() => undefined);
  }

  private applyFocus(options?: FocusOptions): void {
    const t = this.focusNext;
    if (!t) return;
    this.focusNext = null;
    const el =
      ('article' in t && this.q<HTMLElement>(`[data-article="${CSS.escape(t.article)}"]`)) ||
      ('category' in t && this.q<HTMLElement>(`[data-category="${CSS.escape(t.category)}"]`)) ||
      this.q<HTMLElement>('#view-title');
    el?.focus(options);
  }

  private q<T extends Element>(selector: string): T | null {
    return this.renderRoot.querySelector<T>(selector);
  }

  // ---------- rendering ----------

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    const view = this.view;
    return html`<div class="base" part="base">
      ${!this.site
        ? html`<p class="state error" role="alert">${s.missingSite}</p>`
        : view === 'article'
          ? this.renderArticle()
          : this.renderLists(view)}
      <div class="visually-hidden" role="status">${this.announcement(view)}</div>
    </div>`;
  }

  private announcement(view: View): string {
    const s = this.l10n.s;
    if (view !== 'results' || this.data.results.status === 'loading') return '';
    if (this.data.results.status === 'error') return s.loadError;
    const hits = this.data.results.current?.hits;
    if (!hits) return '';
    return hits.length ? s.results(hits.length) : s.noResults(this.query.trim());
  }

  private renderLists(view: Exclude<View, 'article'>): TemplateResult {
    const s = this.l10n.s;
    const cat = view === 'category' ? this.data.categories.current?.find((c) => c.id === this.category) : undefined;
    const title =
      view === 'results' ? s.resultsTitle : view === 'category' ? (cat ? localized(cat.names, this.l10n.locale) : s.loading) : s.homeTitle;
    return html`
      <div class="top">
        ${view === 'category' ? backButton(s.back, () => this.back()) : nothing}
        <h2 id="view-title" tabindex="-1">${title}</h2>
      </div>
      <form class="search" part="search" role="search" @submit=${this.onSearchSubmit}>
        <label class="visually-hidden" for="search">${s.searchLabel}</label>
        ${searchIcon}
        <input
          id="search"
          type="search"
          autocomplete="off"
          enterkeyhint="search"
          maxlength="500"
          placeholder=${s.searchPlaceholder}
          .value=${this.query}
          @input=${this.onSearchInput}
          @compositionend=${this.onSearchInput}
        />
        ${this.query ? html`<button class="clear" type="button" aria-label=${s.clearSearch} @click=${this.clearSearch}>×</button>` : nothing}
      </form>
      ${view === 'results' ? this.renderResults() : view === 'category' ? this.renderCategory() : this.renderHome()}
    `;
  }

  /** Loading / error (with Retry) for a resource; null once it has data to show. */
  private renderState<T>(r: Resource<T>, opts: { stale?: boolean; article?: boolean; loading?: string } = {}): TemplateResult | null {
    const s = this.l10n.s;
    if (r.status === 'error') {
      // A missing article is final (Back is the way out); anything else may pass, so offer Retry.
      const gone = !!opts.article && r.error?.code === 'not_found';
      return html`<div class="state error" role="alert">
        <p>${gone ? s.notFound : s.loadError}</p>
        ${gone ? nothing : html`<button class="secondary" type="button" @click=${() => r.invalidate()}>${s.retry}</button>`}
      </div>`;
    }
    if (!r.current && !(opts.stale && r.data)) return html`<p class="state" aria-busy="true">${opts.loading ?? s.loading}</p>`;
    return null;
  }

  private renderHome(): TemplateResult {
    const s = this.l10n.s;
    const st = this.renderState(this.data.categories);
    if (st) return st;
    const cats = (this.data.categories.current ?? []).filter((c) => c.articleCount > 0);
    if (!cats.length) return html`<p class="state">${s.emptyKb}</p>`;
    return html`<section aria-labelledby="topics-title">
      <h3 id="topics-title">${s.topics}</h3>
      <ul class="categories" part="categories">
        ${cats.map(
          (c) => html`<li>
            <button type="button" data-category=${c.id} @click=${() => this.openCategory(c.id)}>
              <span class="name">${localized(c.names, this.l10n.locale)}</span>
              <span class="count">${s.articleCount(c.articleCount)}</span>
            </button>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderCategory(): TemplateResult {
    const st = this.renderState(this.data.list);
    if (st) return st;
    const items = this.data.list.current ?? [];
    return items.length ? articleList(items, false, this.onOpen) : html`<p class="state">${this.l10n.s.emptyCategory}</p>`;
  }

  private renderResults(): TemplateResult {
    const s = this.l10n.s;
    const st = this.renderState(this.data.results, { stale: true, loading: s.searching });
    if (st) return st;
    const res = this.data.results.current ?? this.data.results.data;
    const hits = res?.hits ?? [];
    const busy = this.data.results.status === 'loading';
    return html`${hits.length
        ? articleList(hits, busy, this.onOpen)
        : html`<div class="state" aria-busy=${busy ? 'true' : 'false'}>
            <p class="none">${s.noResults(res?.query ?? this.query.trim())}</p>
            <p class="hint">${s.noResultsHint}</p>
          </div>`}
      ${contactBox(s, () => this.requestChat())}`;
  }

  private renderArticle(): TemplateResult {
    const s = this.l10n.s;
    const loaded = this.data.article.current;
    const a = loaded?.article;
    const title = a?.title ?? this.seed?.title ?? s.loading;
    const st = loaded ? null : this.renderState(this.data.article, { article: true });
    return html`<article class="article" part="article" aria-labelledby="view-title">
      <div class="top">${backButton(s.back, () => this.back())}</div>
      <h2 id="view-title" tabindex="-1" lang=${a?.locale ?? this.seed?.locale ?? this.l10n.locale}>${title}</h2>
      ${a
        ? html`<p class="meta">
              ${s.updated(new Intl.DateTimeFormat(this.l10n.locale, { dateStyle: 'long' }).format(new Date(a.updatedAt)))}
            </p>
            ${loaded!.body} ${versionLinks(a, s.otherLanguages, this.onOpen)} ${this.feedback.render(s)} ${contactBox(s, () => this.requestChat())}`
        : st}
    </article>`;
  }
}
