import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CategoryInput, KbCategory, LocalizedText } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import type { KbConsoleApi } from './kb-console-api.js';
import { kbStrings } from './kb.strings.js';
import { kbBase } from './kb.styles.js';

declare global {
  interface HTMLElementEventMap {
    'parley-kb-categories-changed': CustomEvent<undefined>;
  }
}

const LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;

/** A category's form fields, read from its row or the "new" row. */
function readForm(row: Element): CategoryInput {
  const value = (name: string) => (row.querySelector<HTMLInputElement>(`[name="${name}"]`)?.value ?? '').trim();
  const names: LocalizedText = { en: value('en') };
  if (value('zh-CN')) names['zh-CN'] = value('zh-CN');
  if (value('zh-TW')) names['zh-TW'] = value('zh-TW');
  return { slug: value('slug'), names, position: Number(value('position')) || 0 };
}

/**
 * The help center's topics: their names in each language, their order and how many articles each
 * holds. Supervisors and admins add, rename, reorder and delete them (an article of a deleted
 * category keeps existing, without a category); agents see them read-only.
 *
 * @summary Knowledge-base categories of the agent console (internal).
 * @fires parley-kb-categories-changed - A category was added, changed or deleted.
 */
export class ParleyConsoleKbCategories extends ParleyElement {
  static override styles = [
    kbBase,
    css`
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        padding: 6px;
        text-align: start;
        border-bottom: 1px solid var(--_border);
        vertical-align: middle;
      }
      input {
        width: 100%;
        min-width: 80px;
      }
      input[name='position'] {
        width: 64px;
        min-width: 0;
      }
      .actions {
        display: flex;
        gap: 6px;
        white-space: nowrap;
      }
      .outcome {
        margin: 8px 0 0;
      }
      .error {
        color: var(--_danger);
      }
    `,
  ];

  @property({ attribute: false }) api: KbConsoleApi | null = null;
  @property({ attribute: false }) categories: KbCategory[] = [];
  @property({ type: Boolean }) manager = false;

  @state() private busy = false;
  @state() private outcome = '';
  @state() private failed = false;
  /** The category whose Delete was pressed once: a second press confirms. */
  @state() private deleting: string | null = null;

  private readonly l10n = new LocaleController(this, kbStrings);

  private async run(task: () => Promise<string>): Promise<void> {
    if (!this.api || this.busy) return;
    this.busy = true;
    this.failed = false;
    this.outcome = '';
    try {
      this.outcome = await task();
      this.emit('parley-kb-categories-changed');
    } catch (err) {
      this.failed = true;
      this.outcome = this.l10n.s.notSavedError((err as Error).message);
    } finally {
      this.busy = false;
      this.deleting = null;
    }
  }

  private add(e: Event): void {
    const row = (e.target as Element).closest('tr')!;
    const input = readForm(row);
    void this.run(async () => {
      await this.api!.createCategory(input);
      for (const el of row.querySelectorAll('input')) el.value = '';
      return this.l10n.s.categorySaved;
    });
  }

  private save(c: KbCategory, e: Event): void {
    const input = readForm((e.target as Element).closest('tr')!);
    void this.run(async () => {
      await this.api!.updateCategory(c.id, input);
      return this.l10n.s.categorySaved;
    });
  }

  private deleteCategory(c: KbCategory): void {
    if (this.deleting !== c.id) {
      this.deleting = c.id;
      return;
    }
    void this.run(async () => {
      await this.api!.removeCategory(c.id);
      return this.l10n.s.categoryDeleted;
    });
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    const field = (name: string, label: string, value: string | number, readonly: boolean) =>
      html`<input name=${name} aria-label=${label} .value=${String(value)} ?readonly=${readonly} ?disabled=${this.busy} type=${name === 'position' ? 'number' : 'text'} />`;
    const cells = (c: Partial<KbCategory>, readonly: boolean, label: string) => html`
      <td>${field('slug', s.categorySlugOf(label), c.slug ?? '', readonly)}</td>
      ${LOCALES.map((l) => html`<td lang=${l}>${field(l, s.categoryNameOf(s.localeName[l], label), c.names?.[l] ?? '', readonly)}</td>`)}
      <td>${field('position', s.categoryPositionOf(label), c.position ?? '', readonly)}</td>
    `;
    return html`<section aria-labelledby="categories-heading">
      <h3 id="categories-heading" tabindex="-1">${s.categoriesTab}</h3>
      <p class="muted">${this.manager ? s.categoriesIntro : s.categoriesReadOnly}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">${s.categorySlug}</th>
            ${LOCALES.map((l) => html`<th scope="col">${s.localeName[l]}</th>`)}
            <th scope="col">${s.categoryPosition}</th>
            <th scope="col">${s.articlesTab}</th>
            ${this.manager ? html`<th scope="col"><span class="visually-hidden">${s.categoryActions}</span></th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${repeat(
            this.categories,
            (c) => c.id,
            (c) => html`<tr data-id=${c.id}>
              ${cells(c, !this.manager, c.names.en)}
              <td>${c.articleCount}</td>
              ${this.manager
                ? html`<td class="actions">
                    <button type="button" ?disabled=${this.busy} @click=${(e: Event) => this.save(c, e)}>${s.saveChanges}</button>
                    <button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.deleteCategory(c)}>${this.deleting === c.id ? s.confirmDeleteCategory : s.delete}</button>
                  </td>`
                : nothing}
            </tr>`,
          )}
          ${this.manager
            ? html`<tr class="new">
                ${cells({}, false, s.newCategory)}
                <td></td>
                <td class="actions"><button type="button" class="primary" ?disabled=${this.busy} @click=${this.add}>${s.addCategory}</button></td>
              </tr>`
            : nothing}
        </tbody>
      </table>
      <p class="outcome ${this.failed ? 'error' : ''}" role=${this.failed ? 'alert' : 'status'}>${this.outcome}</p>
    </section>`;
  }
}
