import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Announcement, AnnouncementInput, AnnouncementPriority, AnnouncementPreview, Locale } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { ParleyElement } from '../../internal/parley-element.js';
import { articleHtml } from '../kb/kb-preview.js';
import { editorStyles, fromLocalInput, toLocalInput } from '../console-editor.js';
import { kbBase } from '../kb/kb.styles.js';
import type { AnnouncementsApi } from './announcements-api.js';
import { announcementsStrings } from './announcements.strings.js';
import { announcementsStyles } from './announcements.styles.js';

declare global {
  interface HTMLElementEventMap {
    /** `stay`: nothing to reload (a preview's result); the editor stays as it is. */
    'parley-announcement-changed': CustomEvent<{ announcement: Announcement | null; message: string; stay?: boolean }>;
  }
}

const LOCALES: readonly Locale[] = ['en', 'zh-CN', 'zh-TW'];
const PRIORITIES: readonly AnnouncementPriority[] = ['normal', 'important', 'urgent'];

type Texts = Record<Locale, string>;
type Kind = AnnouncementInput['audience']['kind'];
interface Draft {
  title: Texts;
  body: Texts;
  priority: AnnouncementPriority;
  kind: Kind;
  departmentIds: string[];
  employees: string;
  startsAt: string;
  endsAt: string;
  ackRequired: boolean;
}


function draftOf(a: Announcement | null): Draft {
  const title: Texts = { en: '', 'zh-CN': '', 'zh-TW': '' };
  const body: Texts = { en: '', 'zh-CN': '', 'zh-TW': '' };
  for (const v of a?.versions ?? []) {
    title[v.locale] = v.title;
    body[v.locale] = v.body;
  }
  return {
    title,
    body,
    priority: a?.priority ?? 'normal',
    kind: a?.audience.kind ?? 'everyone',
    departmentIds: a?.audience.departmentIds ?? [],
    employees: a?.audience.employees.join('\n') ?? '',
    startsAt: toLocalInput(a?.startsAt ?? null),
    endsAt: toLocalInput(a?.endsAt ?? null),
    ackRequired: a?.ackRequired ?? false,
  };
}

/**
 * An announcement being written (a draft, or a scheduled one not yet live): title and markdown text in
 * three languages, priority, audience, window and whether employees must acknowledge it; then a
 * preview as an employee of a department would see it (rendered by the server, sanitised again here),
 * and publishing or scheduling it. The server validates; its message is shown as is.
 *
 * @summary The announcement editor (internal; rendered by the console's Announcements view).
 * @fires parley-announcement-changed - Saved, published, scheduled, withdrawn or deleted: `detail.announcement` (null when deleted) and what to announce.
 */
export class ParleyConsoleAnnouncementEditor extends ParleyElement {
  static override styles = [kbBase, editorStyles, announcementsStyles];

  @property({ attribute: false }) api: AnnouncementsApi | null = null;
  /** The announcement to edit; null for a new one. */
  @property({ attribute: false }) announcement: Announcement | null = null;
  /** Departments this person may address, named in the reader's language. */
  @property({ attribute: false }) departments: Array<{ id: string; name: string }> = [];
  /** Supervisors address their departments only: no "everyone", no named people. */
  @property({ type: Boolean }) departmentsOnly = false;

  @state() private draft: Draft = draftOf(null);
  @state() private busy = false;
  @state() private error = '';
  @state() private preview: { data: AnnouncementPreview; node: HTMLElement } | null = null;
  @state() private previewDepartment = '';
  @state() private previewLocale: Locale = 'en';

  /** What is saved so far: the property's announcement, then each save's answer. */
  private saved: Announcement | null = null;
  private readonly l10n = new LocaleController(this, announcementsStrings);

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('announcement')) {
      this.saved = this.announcement;
      this.draft = draftOf(this.announcement);
      if (this.departmentsOnly) this.draft.kind = 'departments';
      this.preview = null;
      this.error = '';
    }
  }

  private input(): AnnouncementInput {
    const d = this.draft;
    const versions = LOCALES.filter((l) => d.title[l].trim() || d.body[l].trim()).map((locale) => ({ locale, title: d.title[locale].trim(), body: d.body[locale] }));
    const employees = [...new Set(d.employees.split(/\r?\n/).map((e) => e.trim()).filter(Boolean))];
    return {
      versions,
      priority: d.priority,
      ackRequired: d.ackRequired,
      audience: { kind: d.kind, departmentIds: d.kind === 'departments' ? d.departmentIds : [], employees: d.kind === 'employees' ? employees : [] },
      startsAt: fromLocalInput(d.startsAt),
      endsAt: fromLocalInput(d.endsAt),
    };
  }

  private async run(action: () => Promise<Announcement | null>, message: string | ((a: Announcement | null) => string)): Promise<void> {
    if (this.busy || !this.api) return;
    this.busy = true;
    this.error = '';
    try {
      const announcement = await action();
      this.emit('parley-announcement-changed', { announcement, message: typeof message === 'string' ? message : message(announcement) });
    } catch (err) {
      this.error = this.l10n.s.failed(err instanceof Error ? err.message : String(err));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error[role="alert"]')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private async save(): Promise<Announcement> {
    const api = this.api!;
    const saved = this.saved ? await api.update(this.saved.id, this.input()) : await api.create(this.input());
    this.saved = saved;
    return saved;
  }

  /**
   * The browser's own check first, so its message points at the field: the English title and text, and
   * both halves of a translation once either is written (a version needs both; a blank one falls back to English).
   */
  private valid(): boolean {
    return this.renderRoot.querySelector('form')?.reportValidity() ?? true;
  }

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    void this.run(() => this.save(), this.l10n.s.saved);
  }

  private onPublish(): void {
    if (!this.valid()) return;
    const s = this.l10n.s;
    // The server decides: a start still ahead by the time it arrives schedules, otherwise it goes live.
    void this.run(async () => this.api!.publish((await this.save()).id), (a) => (a?.status === 'scheduled' ? s.scheduled : s.published));
  }

  private onWithdraw(): void {
    const s = this.l10n.s;
    if (!this.saved || !confirm(s.confirmWithdraw)) return;
    const id = this.saved.id;
    void this.run(() => this.api!.withdraw(id), s.withdrawn);
  }

  private onDelete(): void {
    const s = this.l10n.s;
    if (!this.saved || !confirm(s.confirmDelete)) return;
    const id = this.saved.id;
    void this.run(() => this.api!.remove(id).then(() => null), s.deleted);
  }

  /** The server renders the unsaved text (its renderer and sanitiser are the banner's), so nothing is saved to look at it. */
  private async onPreview(): Promise<void> {
    if (this.busy || !this.api || !this.valid()) return;
    const s = this.l10n.s;
    this.busy = true;
    this.error = '';
    try {
      const data = await this.api.preview(this.input(), this.previewLocale, this.previewDepartment);
      const body = this.draft.body[data.announcement.locale] || this.draft.body.en;
      this.preview = { data, node: await articleHtml(data.announcement.html, body, data.announcement.locale) };
      this.emit('parley-announcement-changed', { announcement: this.saved, message: data.inAudience ? s.previewUpdated : s.previewNotShown, stay: true });
    } catch (err) {
      this.error = s.failed(err instanceof Error ? err.message : String(err));
    } finally {
      this.busy = false;
    }
  }

  private get startsLater(): boolean {
    return Boolean(this.draft.startsAt) && new Date(this.draft.startsAt).getTime() > Date.now();
  }

  /** Edits the draft in place and re-renders: the draft is this element's own, nothing else holds it. */
  private edit(fn: (d: Draft) => void): void {
    fn(this.draft);
    this.requestUpdate();
  }

  private localizedFields(): TemplateResult {
    const s = this.l10n.s;
    const d = this.draft;
    const started = (l: Locale) => l === 'en' || Boolean(d.title[l].trim() || d.body[l].trim());
    return html`<div class="localized">
      ${LOCALES.map(
        (l) => html`<div>
          <label for=${`title-${l}`}>${s.title} · ${s.language[l]}</label>
          <input id=${`title-${l}`} lang=${l} maxlength="200" .value=${d.title[l]} ?required=${started(l)} @input=${(e: Event) => this.edit((x) => (x.title[l] = (e.target as HTMLInputElement).value))} />
          <label for=${`body-${l}`}>${s.body} · ${s.language[l]}</label>
          <textarea id=${`body-${l}`} lang=${l} rows="6" aria-describedby="body-hint" .value=${d.body[l]} ?required=${started(l)} @input=${(e: Event) => this.edit((x) => (x.body[l] = (e.target as HTMLTextAreaElement).value))}></textarea>
        </div>`,
      )}
    </div>
    <p class="hint" id="body-hint">${s.bodyHint}</p>`;
  }

  private audienceFields(): TemplateResult {
    const s = this.l10n.s;
    const d = this.draft;
    const kinds: Array<[Kind, string]> = [
      ['everyone', s.audienceEveryone],
      ['departments', s.audienceDepartments],
      ['employees', s.audiencePeople],
    ];
    return html`<fieldset>
      <legend>${s.audience}</legend>
      ${this.departmentsOnly
        ? nothing
        : kinds.map(([kind, label]) => html`<label class="check"><input type="radio" name="kind" .checked=${d.kind === kind} @change=${() => this.edit((x) => (x.kind = kind))} /> ${label}</label>`)}
      ${d.kind === 'departments'
        ? html`<div class="departments" role="group" aria-label=${s.audienceDepartments}>
            ${this.departments.map(
              (dep) => html`<label class="check"><input type="checkbox" .checked=${d.departmentIds.includes(dep.id)} @change=${(e: Event) =>
                this.edit((x) => (x.departmentIds = (e.target as HTMLInputElement).checked ? [...x.departmentIds, dep.id] : x.departmentIds.filter((id) => id !== dep.id)))} /> ${dep.name}</label>`,
            )}
          </div>`
        : nothing}
      ${d.kind === 'employees'
        ? html`<div>
            <label for="employees">${s.people}</label>
            <textarea id="employees" class="people" rows="4" aria-describedby="employees-hint" .value=${d.employees} @input=${(e: Event) => this.edit((x) => (x.employees = (e.target as HTMLTextAreaElement).value))}></textarea>
            <p class="hint" id="employees-hint">${s.peopleHint}</p>
          </div>`
        : nothing}
    </fieldset>`;
  }

  private renderPreview(): TemplateResult {
    const s = this.l10n.s;
    const p = this.preview;
    return html`<section class="preview-panel" aria-labelledby="preview-heading">
      <h4 id="preview-heading">${s.previewHeading}</h4>
      <div class="row">
        <div>
          <label for="preview-as">${s.previewAs}</label>
          <select id="preview-as" @change=${(e: Event) => (this.previewDepartment = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.previewDepartment}>${s.previewEveryone}</option>
            ${this.departments.map((dep) => html`<option value=${dep.id} ?selected=${dep.id === this.previewDepartment}>${dep.name}</option>`)}
          </select>
        </div>
        <div>
          <label for="preview-locale">${s.previewLanguage}</label>
          <select id="preview-locale" @change=${(e: Event) => (this.previewLocale = (e.target as HTMLSelectElement).value as Locale)}>
            ${LOCALES.map((l) => html`<option value=${l} ?selected=${l === this.previewLocale}>${s.language[l]}</option>`)}
          </select>
        </div>
        <button type="button" ?disabled=${this.busy} @click=${() => void this.onPreview()}>${s.showPreview}</button>
      </div>
      ${p
        ? html`${p.data.inAudience ? nothing : html`<p class="notice">${s.previewNotShown}</p>`}
            <article class="preview priority-${p.data.announcement.priority}" lang=${p.data.announcement.locale} aria-labelledby="preview-title">
              <p><span class="badge priority-${p.data.announcement.priority}">${s.priority[p.data.announcement.priority]}</span></p>
              <h5 id="preview-title">${p.data.announcement.title}</h5>
              ${p.node}
            </article>`
        : html`<p class="hint">${s.previewEmpty}</p>`}
    </section>`;
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    const d = this.draft;
    const status = this.saved?.status ?? 'draft';
    return html`<form @submit=${this.onSubmit} aria-busy=${this.busy ? 'true' : 'false'}>
      <h3 tabindex="-1">${this.saved ? s.editHeading : s.newHeading} ${this.saved ? html`<span class="badge state-${status}">${s.state[status]}</span>` : nothing}</h3>
      ${this.localizedFields()}

      <fieldset>
        <legend>${s.priorityLegend}</legend>
        ${PRIORITIES.map(
          (p) => html`<div class="choice">
            <label class="check"><input type="radio" name="priority" aria-describedby=${`priority-${p}-hint`} .checked=${d.priority === p} @change=${() => this.edit((x) => (x.priority = p))} /> ${s.priority[p]}</label>
            <p class="hint" id=${`priority-${p}-hint`}>${s.priorityHint[p]}</p>
          </div>`,
        )}
      </fieldset>

      ${this.audienceFields()}

      <fieldset>
        <legend>${s.window}</legend>
        <div class="row">
          <div><label for="starts-at">${s.startsAt}</label><input id="starts-at" type="datetime-local" .value=${d.startsAt} @change=${(e: Event) => this.edit((x) => (x.startsAt = (e.target as HTMLInputElement).value))} /></div>
          <div><label for="ends-at">${s.endsAt}</label><input id="ends-at" type="datetime-local" .value=${d.endsAt} @change=${(e: Event) => this.edit((x) => (x.endsAt = (e.target as HTMLInputElement).value))} /></div>
        </div>
        <p class="hint">${s.windowHint}</p>
      </fieldset>

      <div class="choice">
        <label class="check"><input type="checkbox" aria-describedby="ack-hint" .checked=${d.ackRequired} @change=${(e: Event) => this.edit((x) => (x.ackRequired = (e.target as HTMLInputElement).checked))} /> ${s.requireAck}</label>
        <p class="hint" id="ack-hint">${s.requireAckHint}</p>
      </div>

      ${this.error ? html`<p class="error" role="alert" tabindex="-1">${this.error}</p>` : nothing}
      <div class="buttons">
        <button type="submit" ?disabled=${this.busy}>${status === 'draft' ? s.save : s.saveChanges}</button>
        <button type="button" class="primary" ?disabled=${this.busy} @click=${this.onPublish}>${this.startsLater ? s.schedule : s.publishNow}</button>
        ${this.saved && status === 'draft' ? html`<button type="button" class="danger" ?disabled=${this.busy} @click=${this.onDelete}>${s.deleteDraft}</button>` : nothing}
        ${this.saved && status === 'scheduled' ? html`<button type="button" class="danger" ?disabled=${this.busy} @click=${this.onWithdraw}>${s.withdraw}</button>` : nothing}
      </div>
      ${this.renderPreview()}
    </form>`;
  }
}
