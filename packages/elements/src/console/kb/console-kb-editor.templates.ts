/** Parts of the article editor that only display what they are given: the version switcher, the panel beside the form, the dialogs. */
import { html, nothing, type TemplateResult } from 'lit';
import type { ArticleAdmin, KbCategory, Locale } from '@parley/protocol';
import { localized } from '../../internal/i18n.js';
import { helpfulPercent, isDirty, localesWhere, type Field, type VersionDraft } from './kb-editor-state.js';
import type { PreviewController } from './kb-preview.js';
import type { KbStrings } from './kb.strings.js';

/** One button per version (pressed: the one being edited), then "Add … version" for each missing locale. */
export function versionSwitcher(
  s: KbStrings,
  versions: Partial<Record<Locale, VersionDraft>>,
  current: Locale,
  canAdd: boolean,
  onSelect: (l: Locale) => void,
  onAdd: (l: Locale) => void,
): TemplateResult {
  const existing = localesWhere((l) => !!versions[l]);
  const missing = canAdd ? localesWhere((l) => !versions[l]) : [];
  return html`
    <div class="versions" role="group" aria-label=${s.versions}>
      ${existing.map((l) => {
        const v = versions[l]!;
        return html`<button type="button" class="version" data-locale=${l} aria-pressed=${l === current ? 'true' : 'false'} @click=${() => onSelect(l)}>
          <span lang=${l}>${s.localeName[l]}</span>
          <span class="state-word">${v.status ? s.statusName[v.status] : s.notSaved}</span>
          ${isDirty(v) ? html`<span class="dirty">● <span class="visually-hidden">${s.unsaved}</span></span>` : nothing}
        </button>`;
      })}
      ${missing.map((l) => html`<button type="button" class="add" data-locale=${l} @click=${() => onAdd(l)}>+ ${s.addVersion(s.localeName[l])}</button>`)}
    </div>
  `;
}

export interface BesideView {
  /** Locales with a saved version other than the one being edited. */
  options: Locale[];
  beside: 'preview' | Locale;
  /** The saved version shown for reference, when one is chosen. */
  saved: ArticleAdmin | null;
  reference: HTMLElement | null;
  preview: PreviewController;
  onChange: (value: 'preview' | Locale) => void;
}

/** Beside the form: the live preview, or another locale version to translate from. */
export function besidePanel(s: KbStrings, v: BesideView): TemplateResult {
  const { saved, preview } = v;
  return html`
    <section class="beside" aria-labelledby="beside-heading">
      <div class="beside-head">
        <h4 id="beside-heading">${saved ? s.referenceOf(s.localeName[saved.locale]) : s.preview}</h4>
        ${v.options.length
          ? html`<label>
              ${s.beside}
              <select id="kb-beside" @change=${(e: Event) => v.onChange((e.target as HTMLSelectElement).value as Locale | 'preview')}>
                <option value="preview" .selected=${v.beside === 'preview'}>${s.preview}</option>
                ${v.options.map((l) => html`<option value=${l} .selected=${v.beside === l}>${s.referenceOf(s.localeName[l])}</option>`)}
              </select>
            </label>`
          : nothing}
      </div>
      ${saved
        ? html`<div class="reference" lang=${saved.locale}>
            <p class="reference-title">${saved.title}</p>
            ${v.reference ?? nothing}
          </div>`
        : html`<div class="preview" aria-busy=${preview.busy ? 'true' : 'false'}>
            <p class="preview-state ${preview.error ? 'error' : ''}">
              ${preview.error ? s.previewFailed(preview.error) : preview.busy ? s.previewBusy : preview.node ? '' : s.previewEmpty}
            </p>
            ${preview.node ?? nothing}
          </div>`}
    </section>
  `;
}

/** "Discard unsaved changes?": Keep editing (also Escape) or Discard. */
export function leaveDialog(s: KbStrings, settle: (leave: boolean) => void, onClose: () => void): TemplateResult {
  return html`
    <dialog class="leave" aria-labelledby="leave-heading" aria-describedby="leave-text" @close=${onClose}>
      <h4 id="leave-heading">${s.leaveHeading}</h4>
      <p id="leave-text">${s.leaveText}</p>
      <div class="buttons">
        <button type="button" autofocus @click=${() => settle(false)}>${s.keepEditing}</button>
        <button type="button" class="danger discard" @click=${() => settle(true)}>${s.discard}</button>
      </div>
    </dialog>
  `;
}

export function deleteDialog(s: KbStrings, language: string, title: string, busy: boolean, cancel: () => void, confirm: () => void, onClose: () => void): TemplateResult {
  return html`
    <dialog class="delete" aria-labelledby="delete-heading" aria-describedby="delete-text" @close=${onClose}>
      <h4 id="delete-heading">${s.deleteHeading}</h4>
      <p id="delete-text">${s.deleteText(language, title)}</p>
      <div class="buttons">
        <button type="button" autofocus @click=${cancel}>${s.cancel}</button>
        <button type="button" class="danger confirm-delete" aria-disabled=${busy ? 'true' : 'false'} @click=${confirm}>${s.delete}</button>
      </div>
    </dialog>
  `;
}

/** Views and helpfulness of the saved version, as visitors left them. */
export function articleStats(s: KbStrings, a: ArticleAdmin): TemplateResult {
  const pct = helpfulPercent(a.helpful);
  return html`<p class="stats">
    ${s.stats(a.views)} · ${pct === null ? s.noVotes : html`${s.helpfulPercent(pct)} (${s.helpfulCounts(a.helpful.yes, a.helpful.no)})`}
  </p>`;
}

export type Action = 'save' | 'publish' | 'unpublish' | 'delete';

export interface ActionsView {
  published: boolean;
  /** An agent looking at a published version. */
  readOnly: boolean;
  busy: Action | null;
  manager: boolean;
  /** The version exists on the server (it can be deleted). */
  saved: boolean;
  onPublish: () => void;
  onUnpublish: () => void;
  onDelete: () => void;
}

/**
 * Save (the form's submit), Publish or Unpublish, Delete. What an agent may not do stays in view and
 * focusable, marked aria-disabled and described by the reason, rather than vanishing or going silent.
 */
export function editorActions(s: KbStrings, v: ActionsView): TemplateResult {
  const busy = !!v.busy;
  const noPublish = !v.manager;
  const guard = (fn: () => void) => () => {
    if (!busy) fn();
  };
  return html`
    <div class="actions">
      <button type="submit" class="save ${v.published ? '' : 'primary'}" aria-disabled=${v.readOnly || busy ? 'true' : 'false'} aria-describedby=${v.readOnly ? 'read-only' : nothing}>
        ${v.busy === 'save' ? s.saving : v.published ? s.saveChanges : s.saveDraft}
      </button>
      ${v.published
        ? html`<button type="button" class="unpublish" aria-disabled=${noPublish || busy ? 'true' : 'false'} aria-describedby=${noPublish ? 'needs-manager' : nothing} @click=${guard(v.onUnpublish)}>${s.unpublish}</button>`
        : html`<button type="button" class="publish primary" aria-disabled=${noPublish || busy ? 'true' : 'false'} aria-describedby=${noPublish ? 'needs-manager' : nothing} @click=${guard(v.onPublish)}>${s.publish}</button>`}
      ${v.manager && v.saved ? html`<button type="button" class="danger delete" aria-disabled=${busy ? 'true' : 'false'} @click=${guard(v.onDelete)}>${s.delete}</button>` : nothing}
    </div>
    ${noPublish ? html`<p class="hint" id="needs-manager">${s.needsManager}</p>` : nothing}
  `;
}

/** The server's limit on a body (KB_LIMITS.bodyChars), shown as a running count. */
const BODY_MAX = 20_000;

export interface FieldsView {
  draft: VersionDraft;
  /** The version's locale: its text fields carry it as `lang`. */
  locale: Locale;
  /** The console's language, for category names. */
  uiLocale: Locale;
  readOnly: boolean;
  /** The field a server refusal was about: marked invalid and described by the message. */
  errorField: Field | null;
  categories: KbCategory[];
  categoryId: string;
  onEdit: (field: 'title' | 'body' | 'keywords', e: Event) => void;
  onCategory: (id: string) => void;
}

/** Title, category, keywords and the markdown, each labelled, hinted and tied to the save error when it is theirs. */
export function articleFields(s: KbStrings, v: FieldsView): TemplateResult {
  const d = v.draft;
  const invalid = (f: Field) => (v.errorField === f ? 'true' : 'false');
  const describedBy = (f: Field, hint = '') => [hint, v.errorField === f ? 'save-error' : ''].filter(Boolean).join(' ') || nothing;
  return html`
    <div class="fields">
      ${v.readOnly ? html`<p class="notice" id="read-only">${s.publishedReadOnly}</p>` : nothing}
      <div class="field">
        <label for="kb-title">${s.title}</label>
        <input id="kb-title" lang=${v.locale} maxlength="200" autocomplete="off" .value=${d.title} ?readonly=${v.readOnly} aria-invalid=${invalid('title')} aria-describedby=${describedBy('title')} @input=${(e: Event) => v.onEdit('title', e)} />
      </div>
      <div class="field">
        <label for="kb-category">${s.category}</label>
        <select id="kb-category" ?disabled=${v.readOnly} aria-describedby=${describedBy('categoryId', 'category-hint')} @change=${(e: Event) => v.onCategory((e.target as HTMLSelectElement).value)}>
          <option value="" .selected=${v.categoryId === ''}>${s.noCategory}</option>
          ${v.categories.map((c) => html`<option value=${c.id} .selected=${v.categoryId === c.id}>${localized(c.names, v.uiLocale)}</option>`)}
        </select>
        <p class="hint" id="category-hint">${s.categoryShared}</p>
      </div>
      <div class="field">
        <label for="kb-keywords">${s.keywords}</label>
        <input id="kb-keywords" lang=${v.locale} autocomplete="off" .value=${d.keywords} ?readonly=${v.readOnly} aria-invalid=${invalid('keywords')} aria-describedby=${describedBy('keywords', 'keywords-hint')} @input=${(e: Event) => v.onEdit('keywords', e)} />
        <p class="hint" id="keywords-hint">${s.keywordsHint}</p>
      </div>
      <div class="field">
        <label for="kb-body">${s.body}</label>
        <textarea id="kb-body" lang=${v.locale} .value=${d.body} ?readonly=${v.readOnly} aria-invalid=${invalid('body')} aria-describedby=${describedBy('body', 'body-hint body-count')} @input=${(e: Event) => v.onEdit('body', e)}></textarea>
        <p class="hint" id="body-hint">${s.bodyHint}</p>
        <p class="hint" id="body-count">${s.chars(d.body.length, BODY_MAX)}</p>
      </div>
    </div>
  `;
}
