import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ArticleAdmin, ArticleStatus, KbCategory, Locale } from '@parley/protocol';
import { SUPPORTED_LOCALES } from '@parley/protocol';
import { LocaleController, localized, relativeTime, sharedStrings } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import type { ArticleFilters, KbConsoleApi } from './kb-console-api.js';
import { kbStrings } from './kb.strings.js';
import { kbBase } from './kb.styles.js';

export interface KbOpenDetail {
  /** The version to open; absent for a new article. */
  articleId?: string;
}

declare global {
  interface HTMLElementEventMap {
    'parley-kb-open': CustomEvent<KbOpenDetail>;
  }
}

/** One row of the list: an article with its locale versions. */
interface Group {
  groupId: string;
  rows: Map<Locale, ArticleAdmin>;
  /** Versions the filters left out, known only by their locale. */
  others: Set<Locale>;
  categoryId: string | null;
  yes: number;
  no: number;
  views: number;
  updatedAt: string;
}

const SEARCH_DEBOUNCE_MS = 300;

/**
 * The knowledge base's article list: one row per article with its locale versions and their status,
 * helpfulness, views and last edit; search (the server's engine) and filters.
 *
 * @summary Knowledge-base article list of the agent console (internal).
 * @fires parley-kb-open - An article (or a new one) should open in the editor.
 */
export class ParleyConsoleKbList extends ParleyElement {
  static override styles = [
    kbBase,
    css`
      .filters {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: 8px 12px;
        margin-bottom: 12px;
      }
      .filters div {
        display: flex;
        flex-direction: column;
        gap: 3px;
      }
      .filters label {
        font-size: 13px;
      }
      .filters .q {
        flex: 1 1 240px;
      }
      .cat {
        display: block;
        margin-top: 2px;
      }
      td.helpful .pct {
        display: block;
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) api: KbConsoleApi | null = null;
  /** null while the categories are loading: names are left blank rather than shown as "No category". */
  @property({ attribute: false }) categories: KbCategory[] | null = null;

  @state() private articles: ArticleAdmin[] | null = null;
  @state() private loading = false;
  @state() private error = '';
  @state() private q = '';
  @state() private status: ArticleStatus | '' = '';
  @state() private category = '';
  @state() private locale: Locale | '' = '';

  private readonly l10n = new LocaleController(this, kbStrings);
  private abort: AbortController | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | null = null;
  /** Status of every version ever listed: a filtered list still says what the hidden versions are. */
  private readonly statusById = new Map<string, ArticleStatus>();

  /** Loads the list again with the current filters (after an edit elsewhere). */
  reload(): void {
    void this.load();
  }

  /** Remembers a version saved in the editor: a search that lists only its sibling still knows its status. */
  noteSaved(article: ArticleAdmin): void {
    this.statusById.set(article.id, article.status);
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#list-heading')?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    if (this.searchTimer) clearTimeout(this.searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') && this.api) void this.load();
  }

  private get filters(): ArticleFilters {
    return { q: this.q, status: this.status, category: this.category, locale: this.locale };
  }

  private get filtered(): boolean {
    return !!(this.q.trim() || this.status || this.category || this.locale);
  }

  private async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.loading = true;
    this.error = '';
    try {
      const articles = await api.articles(this.filters, abort.signal);
      if (abort.signal.aborted) return;
      for (const a of articles) this.statusById.set(a.id, a.status);
      this.articles = articles;
    } catch (err) {
      if (abort.signal.aborted) return;
      this.error = (err as Error).message;
    } finally {
      if (this.abort === abort) this.loading = false;
    }
  }

  private onSearch(e: Event): void {
    this.q = (e.target as HTMLInputElement).value;
    if (this.searchTimer) clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.load(), SEARCH_DEBOUNCE_MS);
  }

  private onFilter(e: Event): void {
    const select = e.target as HTMLSelectElement;
    if (select.name === 'status') this.status = select.value as ArticleStatus | '';
    if (select.name === 'category') this.category = select.value;
    if (select.name === 'locale') this.locale = select.value as Locale | '';
    void this.load();
  }

  private clearFilters(): void {
    this.q = '';
    this.status = '';
    this.category = '';
    this.locale = '';
    void this.load();
    this.renderRoot.querySelector<HTMLInputElement>('#kb-q')?.focus();
  }

  private groups(): Group[] {
    const byGroup = new Map<string, Group>();
    for (const a of this.articles ?? []) {
      let g = byGroup.get(a.groupId);
      if (!g) {
        g = { groupId: a.groupId, rows: new Map(), others: new Set(), categoryId: a.categoryId, yes: 0, no: 0, views: 0, updatedAt: a.updatedAt };
        byGroup.set(a.groupId, g);
      }
      g.rows.set(a.locale, a);
      g.yes += a.helpful.yes;
      g.no += a.helpful.no;
      g.views += a.views;
      if (a.updatedAt > g.updatedAt) g.updatedAt = a.updatedAt;
      for (const v of a.versions) g.others.add(v.locale);
    }
    for (const g of byGroup.values()) for (const l of g.rows.keys()) g.others.delete(l);
    // Map order is first appearance: the server's order (latest edit, or relevance when searching).
    return [...byGroup.values()];
  }

  /** The version a row opens and names: the console's language when the article has it. */
  private primary(g: Group): ArticleAdmin {
    return g.rows.get(this.l10n.locale) ?? [...g.rows.values()][0]!;
  }

  private open(articleId?: string): void {
    this.emit('parley-kb-open', articleId ? { articleId } : {}, { bubbles: false, composed: false });
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    const groups = this.groups();
    return html`
      <section aria-labelledby="list-heading">
        <div class="head">
          <h3 id="list-heading" tabindex="-1">${s.articlesTab}</h3>
          <span class="count">${this.articles ? s.articleCount(groups.length) : nothing}</span>
          <button type="button" class="primary new" @click=${() => this.open()}>${s.newArticle}</button>
        </div>
        ${this.renderFilters()}
        ${this.renderBody(groups)}
      </section>
    `;
  }

  private renderFilters(): TemplateResult {
    const s = this.l10n.s;
    const locale = this.l10n.locale;
    return html`
      <form class="filters" role="search" aria-label=${s.search} @submit=${(e: Event) => e.preventDefault()}>
        <div class="q">
          <label for="kb-q">${s.search}</label>
          <input id="kb-q" type="search" maxlength="500" autocomplete="off" .value=${this.q} @input=${this.onSearch} />
        </div>
        <div>
          <label for="kb-status">${s.status}</label>
          <select id="kb-status" name="status" @change=${this.onFilter}>
            <option value="" .selected=${this.status === ''}>${s.anyStatus}</option>
            ${(['draft', 'published'] as const).map((st) => html`<option value=${st} .selected=${this.status === st}>${s.statusName[st]}</option>`)}
          </select>
        </div>
        <div>
          <label for="kb-category">${s.category}</label>
          <select id="kb-category" name="category" @change=${this.onFilter}>
            <option value="" .selected=${this.category === ''}>${s.allCategories}</option>
            ${(this.categories ?? []).map((c) => html`<option value=${c.id} .selected=${this.category === c.id}>${localized(c.names, locale)}</option>`)}
          </select>
        </div>
        <div>
          <label for="kb-locale">${s.language}</label>
          <select id="kb-locale" name="locale" @change=${this.onFilter}>
            <option value="" .selected=${this.locale === ''}>${s.allLanguages}</option>
            ${SUPPORTED_LOCALES.map((l) => html`<option value=${l} lang=${l} .selected=${this.locale === l}>${s.localeName[l]}</option>`)}
          </select>
        </div>
      </form>
    `;
  }

  private renderBody(groups: Group[]): TemplateResult {
    const s = this.l10n.s;
    if (this.error) {
      return html`<div class="state">
        <p class="error" role="alert">${s.loadFailed(this.error)}</p>
        <button type="button" @click=${() => void this.load()}>${s.retry}</button>
      </div>`;
    }
    if (!this.articles) return html`<div class="state"><p class="notice" role="status">${s.loading}</p></div>`;
    if (groups.length === 0) {
      return this.filtered
        ? html`<div class="state">
            <p>${s.emptyFiltered}</p>
            <button type="button" @click=${this.clearFilters}>${s.clearFilters}</button>
          </div>`
        : html`<div class="state empty">
            <p>${s.emptyAll}</p>
            <button type="button" class="primary" @click=${() => this.open()}>${s.newArticle}</button>
          </div>`;
    }
    return html`
      <div class="table-wrap">
        <table aria-labelledby="list-heading" aria-busy=${this.loading ? 'true' : 'false'}>
          <thead>
            <tr>
              <th scope="col">${s.colArticle}</th>
              <th scope="col">${s.colVersions}</th>
              <th scope="col" class="num">${s.colHelpful}</th>
              <th scope="col" class="num">${s.colViews}</th>
              <th scope="col">${s.colUpdated}</th>
            </tr>
          </thead>
          <tbody>
            ${repeat(groups, (g) => g.groupId, (g) => this.renderRow(g))}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderRow(g: Group): TemplateResult {
    const s = this.l10n.s;
    const locale = this.l10n.locale;
    const main = this.primary(g);
    const category = this.categories?.find((c) => c.id === g.categoryId);
    const votes = g.yes + g.no;
    const nf = new Intl.NumberFormat(locale);
    const updated = new Date(g.updatedAt);
    return html`
      <tr data-group=${g.groupId}>
        <th scope="row">
          <button type="button" class="link open" lang=${main.locale} data-id=${main.id} @click=${() => this.open(main.id)}>${main.title}</button>
          <span class="cat muted">${category ? localized(category.names, locale) : this.categories ? s.noCategory : ''}</span>
        </th>
        <td>
          <ul class="badges">
            ${SUPPORTED_LOCALES.filter((l) => g.rows.has(l) || g.others.has(l)).map((l) => {
              const row = g.rows.get(l);
              const sibling = main.versions.find((v) => v.locale === l);
              const id = row?.id ?? sibling?.id;
              const status = row?.status ?? sibling?.status ?? (id ? this.statusById.get(id) : undefined);
              const label = status ? s.versionBadge(s.localeName[l], s.statusName[status]) : s.localeName[l];
              return html`<li class="badge ${status ?? ''}" data-locale=${l} data-status=${status ?? ''}>
                <span class="code" aria-hidden="true">${s.localeShort[l]}</span>
                <span aria-hidden="true">${status ? s.statusName[status] : ''}</span>
                <span class="visually-hidden">${label}</span>
              </li>`;
            })}
          </ul>
        </td>
        <td class="num helpful">
          ${votes
            ? html`<span class="pct">${s.helpfulPercent(Math.round((g.yes / votes) * 100))}</span>
                <span class="muted">${s.helpfulCounts(g.yes, g.no)}</span>`
            : html`<span class="muted">${s.noVotes}</span>`}
        </td>
        <td class="num views">${nf.format(g.views)}</td>
        <td class="updated">
          <time datetime=${g.updatedAt} title=${updated.toLocaleString(locale)}>${relativeTime(sharedStrings[locale], g.updatedAt)}</time>
        </td>
      </tr>
    `;
  }
}
