import { html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { SUPPORTED_LOCALES, type DepartmentAdmin, type LocaleTexts, type RoutingMode } from '@parley/protocol';
import { localized, LocaleController } from '../../internal/i18n.js';
import { editorStyles } from '../console-editor.js';
import { ParleyConsoleSubview, subviewHost } from '../console-subview.js';
import { kbBase } from '../kb/kb.styles.js';
import type { ParleyConsoleDepartmentHours } from './department-hours.component.js';
import { CalendarsApi, DepartmentsApi } from './departments-api.js';
import { departmentsStrings } from './departments.strings.js';
import { departmentsStyles } from './departments.styles.js';

declare global {
  interface HTMLElementEventMap {
    'parley-hours-changed': CustomEvent<{ message: string }>;
    'parley-hours-back': CustomEvent<Record<string, never>>;
  }
}

type Screen = { kind: 'list' } | { kind: 'edit'; department: DepartmentAdmin | null } | { kind: 'hours'; department: DepartmentAdmin };

/**
 * The Departments tab of Settings, for admins: the site's departments with routing, agents and open
 * work; create, rename (per language), routing, order and delete (refused by the server while work is
 * open, with its reason shown); and each department's business hours. Agents' consoles pick changes up
 * at once (the server pushes `directory:changed`).
 *
 * @summary Departments settings of the agent console (internal; a Settings tab for admins).
 * @fires parley-settings-unauthorized - The server refused the token: the console signs out.
 */
export class ParleyConsoleDepartments extends ParleyConsoleSubview {
  static override styles = [kbBase, subviewHost, editorStyles, departmentsStyles];

  @state() private screen: Screen = { kind: 'list' };
  @state() private list: DepartmentAdmin[] | null = null;
  @state() private error = '';
  @state() private busy = false;
  @state() private draft: { names: LocaleTexts; routing: RoutingMode } = { names: {}, routing: 'manual' };
  @state() private deleting: DepartmentAdmin | null = null;

  @query('dialog') private dialogEl?: HTMLDialogElement;
  @query('parley-console-department-hours') private hoursEl?: ParleyConsoleDepartmentHours;

  private readonly l10n = new LocaleController(this, departmentsStrings);
  private api: DepartmentsApi | null = null;
  private calendars: CalendarsApi | null = null;

  protected override sessionChanged(): void {
    const expire = () => this.emit('parley-settings-unauthorized', {});
    this.api = this.token ? new DepartmentsApi(this.server, this.token, this.site, expire) : null;
    this.calendars = this.token ? new CalendarsApi(this.server, this.token, this.site, expire) : null;
    if (this.api) void this.load();
  }

  private nameOf(d: DepartmentAdmin): string {
    return localized(d.names, this.l10n.locale);
  }

  private message(err: unknown): string {
    return this.l10n.s.failed(err instanceof Error ? err.message : String(err));
  }

  async load(): Promise<void> {
    this.error = '';
    try {
      this.list = (await this.api?.list()) ?? null;
    } catch (err) {
      this.error = this.message(err);
    }
  }

  private async show(screen: Screen, focus?: string): Promise<void> {
    this.screen = screen;
    this.error = '';
    if (screen.kind === 'edit') this.draft = { names: { ...(screen.department?.names ?? {}) }, routing: screen.department?.routing ?? 'manual' };
    await this.updateComplete;
    if (screen.kind === 'hours') {
      await this.hoursEl?.updateComplete;
      this.hoursEl?.focusHeading();
    } else if (screen.kind === 'edit') {
      this.renderRoot.querySelector<HTMLElement>('#edit-heading')?.focus();
    } else {
      ((focus ? this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${focus}"] button.open`) : null) ?? this.renderRoot.querySelector<HTMLElement>('#departments-heading'))?.focus();
    }
  }

  /** Runs a change; on success reloads and says `done`, on refusal shows the server's reason. */
  private async change<T>(work: () => Promise<T>, done: (result: T) => string): Promise<T | null> {
    this.busy = true;
    this.error = '';
    try {
      const result = await work();
      await this.load();
      void this.say(done(result));
      return result;
    } catch (err) {
      this.error = this.message(err);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error')?.focus();
      return null;
    } finally {
      this.busy = false;
    }
  }

  private async onSave(e: Event): Promise<void> {
    e.preventDefault();
    if (this.screen.kind !== 'edit') return;
    const current = this.screen.department;
    // Every language is sent, blanks included: clearing a name removes it.
    const names = Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, this.draft.names[l] ?? '']));
    const saved = await this.change(
      () => (current ? this.api!.update(current.id, { names, routing: this.draft.routing }) : this.api!.create({ names, routing: this.draft.routing })),
      (d) => (current ? this.l10n.s.saved(this.nameOf(d)) : this.l10n.s.created(this.nameOf(d))),
    );
    if (saved) await this.show({ kind: 'list' }, saved.id);
  }

  private async move(d: DepartmentAdmin, by: -1 | 1): Promise<void> {
    const ids = (this.list ?? []).map((x) => x.id);
    const i = ids.indexOf(d.id);
    const j = i + by;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    await this.change(() => this.api!.order(ids), () => this.l10n.s.moved(this.nameOf(d), j + 1));
    await this.updateComplete;
    // Keep the keyboard on the same control of the moved row (or its other arrow at either end).
    const row = this.renderRoot.querySelector(`tr[data-id="${d.id}"]`);
    (row?.querySelector<HTMLButtonElement>(`button.${by < 0 ? 'up' : 'down'}:not(:disabled)`) ?? row?.querySelector<HTMLButtonElement>('button.open'))?.focus();
  }

  private askDelete(d: DepartmentAdmin): void {
    this.deleting = d;
    void this.updateComplete.then(() => this.dialogEl?.showModal());
  }

  private async confirmDelete(): Promise<void> {
    const d = this.deleting;
    this.dialogEl?.close();
    if (!d) return;
    const ok = await this.change(() => this.api!.remove(d.id), () => this.l10n.s.deleted(this.nameOf(d)));
    if (ok !== null) this.renderRoot.querySelector<HTMLElement>('#departments-heading')?.focus();
  }

  private onDialogClose(): void {
    const d = this.deleting;
    this.deleting = null;
    // Back to the button that opened it (unless the deletion went through and the row is gone).
    if (d && !this.error) this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${d.id}"] button.delete`)?.focus();
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    const screen = this.screen;
    return html`
      ${screen.kind === 'list' ? this.renderList() : nothing}
      ${screen.kind === 'edit' ? this.renderEditor(screen.department) : nothing}
      ${screen.kind === 'hours'
        ? html`<parley-console-department-hours
            .api=${this.calendars}
            departmentId=${screen.department.id}
            name=${this.nameOf(screen.department)}
            @parley-hours-changed=${(e: CustomEvent<{ message: string }>) => {
              void this.say(e.detail.message);
              void this.load().then(() => this.show({ kind: 'list' }, screen.department.id));
            }}
            @parley-hours-back=${() => void this.show({ kind: 'list' }, screen.department.id)}
          ></parley-console-department-hours>`
        : nothing}
      <dialog aria-labelledby="delete-heading" @close=${this.onDialogClose}>
        ${this.deleting
          ? html`<h3 id="delete-heading">${s.confirmDeleteHeading(this.nameOf(this.deleting))}</h3>
              <p>${s.confirmDeleteText}</p>
              <div class="buttons">
                <button type="button" class="danger" @click=${() => void this.confirmDelete()}>${s.confirmDelete}</button>
                <button type="button" autofocus @click=${() => this.dialogEl?.close()}>${s.cancel}</button>
              </div>`
          : nothing}
      </dialog>
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  private renderList(): TemplateResult {
    const s = this.l10n.s;
    const list = this.list;
    return html`<h3 id="departments-heading" tabindex="-1">${s.heading}</h3>
      <p class="hint">${s.intro}</p>
      ${this.error ? html`<p class="error" role="alert" tabindex="-1">${this.error}</p>` : nothing}
      <div class="buttons"><button type="button" class="primary" @click=${() => void this.show({ kind: 'edit', department: null })}>${s.newDepartment}</button></div>
      ${list === null
        ? this.error
          ? html`<div class="state"><button type="button" @click=${() => void this.load()}>${s.retry}</button></div>`
          : html`<p class="state" role="status">${s.loading}</p>`
        : list.length === 0
          ? html`<p class="state empty">${s.empty}</p>`
          : html`<div class="table-wrap">
              <table class="departments">
                <thead>
                  <tr>
                    <th scope="col">${s.colName}</th>
                    <th scope="col">${s.colRouting}</th>
                    <th scope="col" class="num">${s.colAgents}</th>
                    <th scope="col">${s.colOpen}</th>
                    <th scope="col">${s.colHours}</th>
                    <th scope="col">${s.colActions}</th>
                  </tr>
                </thead>
                <tbody>
                  ${repeat(list, (d) => d.id, (d, i) => this.renderRow(d, i, list.length))}
                </tbody>
              </table>
            </div>`}`;
  }

  private renderRow(d: DepartmentAdmin, i: number, n: number): TemplateResult {
    const s = this.l10n.s;
    const name = this.nameOf(d);
    return html`<tr data-id=${d.id}>
      <th scope="row"><button type="button" class="link open" aria-label=${s.edit(name)} @click=${() => void this.show({ kind: 'edit', department: d })}>${name}</button></th>
      <td>${s.routing[d.routing]}</td>
      <td class="num">${d.agentCount}</td>
      <td>${s.openWork(d.openConversations, d.openTickets)}</td>
      <td>
        <!-- The visible state starts the name (WCAG 2.5.3), the department follows for screen-reader lists of buttons. -->
        <button type="button" class="link hours" aria-label=${`${d.hasCalendar ? s.hoursSet : s.hoursAlways}, ${s.hours(name)}`} @click=${() => void this.show({ kind: 'hours', department: d })}>${d.hasCalendar ? s.hoursSet : s.hoursAlways}</button>
      </td>
      <td>
        <div class="actions">
          <span class="order">
            <button type="button" class="up" aria-label=${s.moveUp(name)} ?disabled=${this.busy || i === 0} @click=${() => void this.move(d, -1)}>↑</button>
            <button type="button" class="down" aria-label=${s.moveDown(name)} ?disabled=${this.busy || i === n - 1} @click=${() => void this.move(d, 1)}>↓</button>
          </span>
          <button type="button" class="link delete danger" ?disabled=${this.busy} @click=${() => this.askDelete(d)}>${s.remove(name)}</button>
        </div>
      </td>
    </tr>`;
  }

  private renderEditor(current: DepartmentAdmin | null): TemplateResult {
    const s = this.l10n.s;
    const names = this.draft.names;
    return html`<h3 id="edit-heading" tabindex="-1">${current ? s.editHeading(this.nameOf(current)) : s.newHeading}</h3>
      ${this.error ? html`<p class="error" role="alert" tabindex="-1">${this.error}</p>` : nothing}
      <form @submit=${(e: Event) => void this.onSave(e)}>
        <fieldset>
          <legend>${s.namesLegend}</legend>
          <p class="hint" id="names-hint">${s.namesHint}</p>
          <div class="localized">
            ${SUPPORTED_LOCALES.map(
              (l) => html`<div>
                <label for="name-${l}">${s.language[l]}</label>
                <input id="name-${l}" lang=${l} maxlength="80" aria-describedby="names-hint" .value=${names[l] ?? ''} @input=${(e: Event) => (this.draft = { ...this.draft, names: { ...this.draft.names, [l]: (e.target as HTMLInputElement).value } })} />
              </div>`,
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>${s.routingLabel}</legend>
          ${(['manual', 'auto'] as const).map(
            (r) => html`<label class="check"
                ><input type="radio" name="routing" value=${r} .checked=${this.draft.routing === r} @change=${() => (this.draft = { ...this.draft, routing: r })} />${s.routing[r]}</label
              >
              <p class="hint">${s.routingHint[r]}</p>`,
          )}
        </fieldset>
        <div class="buttons">
          <button type="submit" class="primary" ?disabled=${this.busy}>${s.save}</button>
          <button type="button" @click=${() => void this.show({ kind: 'list' }, current?.id)}>${s.cancel}</button>
        </div>
      </form>`;
  }
}
