import { css, html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { AgentRole, Locale, PeopleList, PersonStatus, PersonView } from '@parley/protocol';
import { LocaleController, localized } from '../../internal/i18n.js';
import { ParleyConsoleSubview } from '../console-subview.js';
import { editorStyles } from '../console-editor.js';
import { kbBase } from '../kb/kb.styles.js';
import { PeopleApi } from './people-api.js';
import { peopleStrings } from './people.strings.js';

const ROLES: readonly AgentRole[] = ['agent', 'supervisor', 'admin'];
const STATUSES: readonly PersonStatus[] = ['active', 'invited', 'deactivated'];
const LOCALES: readonly Locale[] = ['en', 'zh-CN', 'zh-TW'];

type Dialog = { kind: 'edit'; person: PersonView } | { kind: 'deactivate'; person: PersonView } | null;

/**
 * The People tab of Settings, for admins: everyone with their role, departments, capacity and status;
 * inviting (the server mails a set-password link); editing; deactivating after a dialog that says
 * what it takes away (sockets, conversations, tickets); reactivating; a status filter. Dialogs are
 * native <dialog> opened modal, so focus stays in them and Escape closes them.
 *
 * @summary People settings of the agent console (internal; a Settings tab for admins).
 * @fires parley-settings-unauthorized - The server refused the token: the console signs out.
 */
export class ParleyConsolePeople extends ParleyConsoleSubview {
  static override styles = [
    kbBase,
    editorStyles,
    css`
      :host {
        display: block;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
        align-items: end;
        margin: 12px 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      .email {
        display: block;
        font-size: 13px;
        color: var(--_text-muted);
      }
      .badge.status-deactivated {
        color: var(--_danger);
        border-color: var(--_danger);
      }
      form.invite,
      dialog form {
        display: grid;
        gap: 8px;
        max-width: 32em;
      }
      fieldset {
        border: 1px solid var(--_border);
        border-radius: var(--_radius-small);
        padding: 8px 12px;
      }
      fieldset label {
        display: block;
        font-weight: normal;
      }
      dialog {
        border: 1px solid var(--_border);
        border-radius: var(--_radius-small);
        max-width: min(36em, 92vw);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.35);
      }
      .buttons {
        display: flex;
        gap: 8px;
        margin-top: 8px;
      }
      button.danger {
        background: var(--_danger);
        border-color: var(--_danger);
        color: #fff;
      }
    `,
  ];

  @state() private data: PeopleList | null = null;
  @state() private error = '';
  @state() private formError = '';
  @state() private filter: PersonStatus | '' = '';
  @state() private inviting = false;
  @state() private busy = false;
  @state() private dialog: Dialog = null;

  @query('dialog') private dialogEl?: HTMLDialogElement;

  private api: PeopleApi | null = null;
  private readonly l10n = new LocaleController(this, peopleStrings);
  /** Where focus goes back to when a dialog closes. */
  private returnFocus: HTMLElement | null = null;

  protected override sessionChanged(): void {
    this.api = this.token && this.server ? new PeopleApi(this.server, this.token, () => this.emit('parley-settings-unauthorized', {})) : null;
    void this.reload();
  }

  async reload(): Promise<void> {
    if (!this.api) return;
    this.error = '';
    try {
      this.data = await this.api.list();
    } catch (err) {
      this.data = null;
      this.error = this.l10n.s.failed(err instanceof Error ? err.message : String(err));
    }
  }

  private deptName(id: string): string {
    const d = this.data?.departments.find((x) => x.id === id);
    return d ? localized(d.name, this.l10n.locale) : id;
  }

  private checkedDepartments(form: HTMLFormElement): string[] {
    return [...form.querySelectorAll<HTMLInputElement>('input[name="dept"]:checked')].map((i) => i.value);
  }

  private async run(work: () => Promise<string>): Promise<boolean> {
    this.busy = true;
    this.formError = '';
    try {
      const message = await work();
      await this.reload();
      void this.say(message);
      return true;
    } catch (err) {
      this.formError = err instanceof Error ? err.message : String(err);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async onInvite(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const email = String(f.get('email') ?? '').trim();
    const ok = await this.run(async () => {
      await this.api!.invite({
        email,
        name: String(f.get('name') ?? ''),
        role: String(f.get('role')) as AgentRole,
        departmentIds: this.checkedDepartments(form),
        capacity: Number(f.get('capacity')),
        locale: String(f.get('locale')) as Locale,
      });
      return this.l10n.s.invited(email);
    });
    if (ok) {
      this.inviting = false;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('button.invite')?.focus();
    }
  }

  private async openDialog(d: NonNullable<Dialog>, opener: EventTarget | null): Promise<void> {
    this.returnFocus = opener as HTMLElement | null;
    this.formError = '';
    if (d.kind === 'deactivate') {
      // The dialog's counts must be what deactivating takes away now, not when the list loaded.
      await this.reload();
      d = { kind: 'deactivate', person: this.data?.people.find((p) => p.id === d.person.id) ?? d.person };
    }
    this.dialog = d;
    await this.updateComplete;
    this.dialogEl?.showModal();
  }

  private closeDialog(): void {
    this.dialogEl?.close();
  }

  /** The dialog closed (a button, Escape): forget it and put focus back where it came from. */
  private async onDialogClosed(): Promise<void> {
    this.dialog = null;
    await this.updateComplete;
    const back = this.returnFocus?.isConnected ? this.returnFocus : this.renderRoot.querySelector<HTMLElement>('#people-heading');
    back?.focus();
  }

  private async onEdit(e: SubmitEvent, p: PersonView): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const ok = await this.run(async () => {
      await this.api!.update(p.id, { role: String(f.get('role')) as AgentRole, departmentIds: this.checkedDepartments(form), capacity: Number(f.get('capacity')) });
      return this.l10n.s.saved(p.name);
    });
    if (ok) this.closeDialog();
  }

  private async onDeactivate(p: PersonView): Promise<void> {
    const ok = await this.run(async () => {
      const r = await this.api!.deactivate(p.id);
      return this.l10n.s.deactivated(p.name, r.requeued, r.ticketsUnassigned);
    });
    if (ok) this.closeDialog();
  }

  private async onReactivate(p: PersonView): Promise<void> {
    await this.run(async () => {
      await this.api!.reactivate(p.id);
      return this.l10n.s.reactivated(p.name);
    });
  }

  private async onResend(p: PersonView): Promise<void> {
    await this.run(async () => {
      await this.api!.resend(p.id, this.l10n.locale);
      return this.l10n.s.resent(p.email);
    });
  }

  override render(): TemplateResult {
    const s = this.l10n.s;
    return html`
      <h3 id="people-heading" tabindex="-1">${s.heading}</h3>
      <p class="hint">${s.intro}</p>
      ${this.inviting ? this.renderInvite() : html`<p><button type="button" class="primary invite" @click=${() => void this.startInvite()}>${s.invite}</button></p>`}
      ${this.formError && !this.dialog ? html`<p class="error" role="alert">${this.formError}</p>` : nothing} ${this.renderList()} ${this.renderDialog()}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  private async startInvite(): Promise<void> {
    this.inviting = true;
    this.formError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#invite-email')?.focus();
  }

  private renderDepartments(prefix: string, chosen: readonly string[]): TemplateResult {
    const s = this.l10n.s;
    return html`<fieldset>
      <legend>${s.departmentsLegend}</legend>
      ${(this.data?.departments ?? []).map(
        (d) => html`<label><input type="checkbox" name="dept" id="${prefix}-dept-${d.id}" value=${d.id} ?checked=${chosen.includes(d.id)} /> ${localized(d.name, this.l10n.locale)}</label>`,
      )}
    </fieldset>`;
  }

  private renderRoleAndCapacity(prefix: string, role: AgentRole, capacity: number): TemplateResult {
    const s = this.l10n.s;
    return html`<label for="${prefix}-role">${s.roleLabel}</label>
      <select id="${prefix}-role" name="role">
        ${ROLES.map((r) => html`<option value=${r} ?selected=${r === role}>${s.role[r]}</option>`)}
      </select>
      <label for="${prefix}-capacity">${s.capacity}</label>
      <input id="${prefix}-capacity" name="capacity" type="number" min="0" max="50" step="1" required .value=${String(capacity)} aria-describedby="${prefix}-capacity-hint" />
      <p class="hint" id="${prefix}-capacity-hint">${s.capacityHint}</p>`;
  }

  private renderInvite(): TemplateResult {
    const s = this.l10n.s;
    return html`<form class="invite" aria-labelledby="invite-heading" @submit=${(e: SubmitEvent) => void this.onInvite(e)}>
      <h4 id="invite-heading">${s.inviteHeading}</h4>
      <label for="invite-email">${s.email}</label>
      <input id="invite-email" name="email" type="email" required autocomplete="off" />
      <label for="invite-name">${s.name}</label>
      <input id="invite-name" name="name" required maxlength="100" autocomplete="off" />
      ${this.renderRoleAndCapacity('invite', 'agent', 5)} ${this.renderDepartments('invite', [])}
      <label for="invite-locale">${s.mailLanguage}</label>
      <select id="invite-locale" name="locale">
        ${LOCALES.map((l) => html`<option value=${l} ?selected=${l === this.l10n.locale}>${s.language[l]}</option>`)}
      </select>
      <div class="buttons">
        <button type="submit" class="primary" ?disabled=${this.busy}>${s.sendInvite}</button>
        <button
          type="button"
          @click=${async () => {
            this.inviting = false;
            this.formError = '';
            await this.updateComplete;
            this.renderRoot.querySelector<HTMLElement>('button.invite')?.focus();
          }}
        >
          ${s.cancel}
        </button>
      </div>
    </form>`;
  }

  private renderList(): TemplateResult {
    const s = this.l10n.s;
    if (this.error) return html`<div class="state"><p class="error" role="alert">${this.error}</p><button type="button" @click=${() => void this.reload()}>${s.retry}</button></div>`;
    if (!this.data) return html`<p class="state" role="status">${s.loading}</p>`;
    const me = this.client?.state.me?.id;
    const shown = this.data.people.filter((p) => !this.filter || p.status === this.filter);
    return html`<div class="toolbar">
        <div>
          <label for="people-filter">${s.filterLabel}</label>
          <select id="people-filter" @change=${(e: Event) => (this.filter = (e.target as HTMLSelectElement).value as PersonStatus | '')}>
            <option value="" ?selected=${this.filter === ''}>${s.all}</option>
            ${STATUSES.map((st) => html`<option value=${st} ?selected=${this.filter === st}>${s.status[st]}</option>`)}
          </select>
        </div>
      </div>
      ${shown.length === 0
        ? html`<p class="state empty">${s.empty}</p>`
        : html`<div class="table-wrap">
            <table class="people">
              <thead>
                <tr>
                  <th scope="col">${s.colName}</th>
                  <th scope="col">${s.colRole}</th>
                  <th scope="col">${s.colDepartments}</th>
                  <th scope="col">${s.colCapacity}</th>
                  <th scope="col">${s.colStatus}</th>
                  <th scope="col">${s.colActions}</th>
                </tr>
              </thead>
              <tbody>
                ${repeat(
                  shown,
                  (p) => p.id,
                  (p) => html`<tr data-id=${p.id} data-status=${p.status}>
                    <th scope="row">${p.name} ${p.id === me ? s.you : nothing}<span class="email">${p.email}</span></th>
                    <td>${s.role[p.role]}</td>
                    <td>${p.departmentIds.length ? p.departmentIds.map((d) => this.deptName(d)).join(', ') : s.noDepartments}</td>
                    <td>${p.capacity}</td>
                    <td><span class="badge status-${p.status}">${s.status[p.status]}</span></td>
                    <td><div class="actions">${this.renderActions(p)}</div></td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}`;
  }

  private renderActions(p: PersonView): TemplateResult {
    const s = this.l10n.s;
    const edit = html`<button type="button" class="edit" aria-label=${s.edit(p.name)} @click=${(e: Event) => void this.openDialog({ kind: 'edit', person: p }, e.currentTarget)}>${s.short.edit}</button>`;
    if (p.status === 'deactivated') {
      return html`${edit}<button type="button" class="reactivate" aria-label=${s.reactivate(p.name)} ?disabled=${this.busy} @click=${() => void this.onReactivate(p)}>${s.short.reactivate}</button>`;
    }
    return html`${edit}
      ${p.status === 'invited'
        ? html`<button type="button" class="resend" aria-label=${s.resend(p.name)} ?disabled=${this.busy} @click=${() => void this.onResend(p)}>${s.short.resend}</button>`
        : nothing}
      <button type="button" class="deactivate" aria-label=${s.deactivate(p.name)} @click=${(e: Event) => void this.openDialog({ kind: 'deactivate', person: p }, e.currentTarget)}>
        ${s.short.deactivate}
      </button>`;
  }

  private renderDialog(): TemplateResult {
    const s = this.l10n.s;
    const d = this.dialog;
    const error = this.formError ? html`<p class="error" role="alert">${this.formError}</p>` : nothing;
    return html`<dialog aria-labelledby="dialog-heading" @close=${() => void this.onDialogClosed()}>
      ${d?.kind === 'edit'
        ? html`<form @submit=${(e: SubmitEvent) => void this.onEdit(e, d.person)}>
            <h4 id="dialog-heading">${s.editHeading(d.person.name)}</h4>
            ${this.renderRoleAndCapacity('edit', d.person.role, d.person.capacity)} ${this.renderDepartments('edit', d.person.departmentIds)} ${error}
            <div class="buttons">
              <button type="submit" class="primary" ?disabled=${this.busy}>${s.save}</button>
              <button type="button" @click=${() => this.closeDialog()}>${s.cancel}</button>
            </div>
          </form>`
        : nothing}
      ${d?.kind === 'deactivate'
        ? html`<h4 id="dialog-heading">${s.deactivateHeading(d.person.name)}</h4>
            <p id="deactivate-what">${s.deactivateWhat(d.person.assignedConversations, d.person.openTickets)}</p>
            ${error}
            <div class="buttons">
              <button type="button" class="danger" aria-describedby="deactivate-what" ?disabled=${this.busy} @click=${() => void this.onDeactivate(d.person)}>${s.confirmDeactivate}</button>
              <button type="button" autofocus @click=${() => this.closeDialog()}>${s.deactivateBack}</button>
            </div>`
        : nothing}
    </dialog>`;
  }
}
