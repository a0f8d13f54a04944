import { html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { Announcement, AnnouncementReceipts, Locale } from '@parley/protocol';
import { LocaleController } from '../../internal/i18n.js';
import { saveBlob } from '../console-rest.js';
import { ParleyConsoleSubview, subviewHost } from '../console-subview.js';
import { editorStyles } from '../console-editor.js';
import { kbBase } from '../kb/kb.styles.js';
import type { ParleyConsoleAnnouncementEditor } from './announcement-editor.component.js';
import { AnnouncementsApi } from './announcements-api.js';
import { announcementsStrings, type AnnouncementsStrings } from './announcements.strings.js';
import { announcementsStyles } from './announcements.styles.js';
import { percent, renderReceipts } from './receipts.templates.js';

declare global {
  interface HTMLElementEventMap {
    'parley-announcements-unauthorized': CustomEvent<Record<string, never>>;
  }
}

type Screen = { kind: 'list' } | { kind: 'edit'; announcement: Announcement | null } | { kind: 'receipts'; announcement: Announcement };

/** Drafts and scheduled ones can still change; from live on, an announcement is read through its receipts. */
const editable = (a: Announcement) => a.status === 'draft' || a.status === 'scheduled';

/** The title in the reader's language, else the fallback (first) version's. */
const titleOf = (a: Announcement, locale: Locale) => (a.versions.find((v) => v.locale === locale) ?? a.versions[0])?.title ?? '';

function audienceText(s: AnnouncementsStrings, a: Announcement): string {
  if (a.audience.kind === 'everyone') return s.everyone;
  return a.audience.kind === 'departments' ? s.departmentsCount(a.audience.departmentIds.length) : s.peopleCount(a.audience.employees.length);
}

/**
 * The console's intranet announcements, for supervisors (their departments) and admins: the list with
 * state and receipt rates, the editor for drafts and scheduled ones (preview as a department, publish
 * or schedule), and receipts (who has not acknowledged, by department; remind them; CSV for audit).
 * Talks to `/api/console/announcements`; employees read them in `<parley-banner>`.
 *
 * @summary Announcements of the agent console (internal; rendered by `<parley-console>`).
 * @fires parley-announcements-unauthorized - The server refused the token: the console signs the agent out.
 */
export class ParleyConsoleAnnouncements extends ParleyConsoleSubview {
  static override styles = [kbBase, subviewHost, editorStyles, announcementsStyles];

  @state() private screen: Screen = { kind: 'list' };
  @state() private announcements: Announcement[] | null = null;
  @state() private receipts: AnnouncementReceipts | null = null;
  @state() private busy = false;
  @state() private error = '';

  @query('parley-console-announcement-editor') private editorEl?: ParleyConsoleAnnouncementEditor;

  private readonly l10n = new LocaleController(this, announcementsStrings);
  private api: AnnouncementsApi | null = null;

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#announcements-heading')?.focus();
  }

  protected override sessionChanged(): void {
    this.api = this.token ? new AnnouncementsApi(this.server, this.token, this.site, () => this.emit('parley-announcements-unauthorized', {})) : null;
    if (this.api) void this.loadList();
  }

  private fail(err: unknown): void {
    this.error = this.l10n.s.failed(err instanceof Error ? err.message : String(err));
  }

  /** Says `message` in the live region, even when it is the same words as last time. */

  private async loadList(): Promise<void> {
    this.error = '';
    try {
      this.announcements = (await this.api?.list()) ?? null;
    } catch (err) {
      this.fail(err);
    }
  }

  private async loadReceipts(id: string): Promise<void> {
    try {
      this.receipts = (await this.api?.receipts(id)) ?? null;
    } catch (err) {
      this.fail(err);
    }
  }

  private async show(screen: Screen): Promise<void> {
    this.screen = screen;
    this.error = '';
    if (screen.kind === 'list') void this.loadList();
    if (screen.kind === 'receipts') {
      this.receipts = null;
      await this.loadReceipts(screen.announcement.id);
    }
    await this.updateComplete;
    if (screen.kind === 'edit') {
      await this.editorEl?.updateComplete;
      this.editorEl?.focusHeading();
    } else this.renderRoot.querySelector<HTMLElement>(screen.kind === 'list' ? '#announcements-heading' : '#announcement-heading')?.focus();
  }

  private async onChanged(e: CustomEvent<{ announcement: Announcement | null; message: string; stay?: boolean }>): Promise<void> {
    void this.say(e.detail.message);
    if (e.detail.stay) return;
    await this.loadList();
    const a = e.detail.announcement;
    if (!a) return this.show({ kind: 'list' });
    // A save keeps the editor as it is (focus stays on the button pressed); anything else moves on.
    if (this.screen.kind === 'edit' && this.screen.announcement?.id === a.id && a.status === this.screen.announcement.status) return;
    return this.show(editable(a) && a.status === 'draft' ? { kind: 'edit', announcement: a } : { kind: 'receipts', announcement: a });
  }

  private async act(action: () => Promise<string>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      void this.say(await action());
    } catch (err) {
      this.fail(err);
    } finally {
      this.busy = false;
    }
  }

  private withdraw(a: Announcement): void {
    const s = this.l10n.s;
    if (!confirm(s.confirmWithdraw)) return;
    void this.act(async () => {
      const withdrawn = await this.api!.withdraw(a.id);
      this.screen = { kind: 'receipts', announcement: withdrawn };
      await Promise.all([this.loadList(), this.loadReceipts(a.id)]);
      return s.withdrawn;
    });
  }

  private remind(a: Announcement, departmentId?: string): void {
    void this.act(async () => {
      const { reminded } = await this.api!.remind(a.id, departmentId);
      return this.l10n.s.reminded(reminded);
    });
  }

  private download(a: Announcement): void {
    void this.act(async () => {
      const { blob, name } = await this.api!.receiptsCsv(a.id);
      saveBlob(blob, name);
      return this.l10n.s.downloaded(name);
    });
  }

  protected override render(): TemplateResult {
    const s = this.l10n.s;
    const screen = this.screen;
    return html`
      <h2 id="announcements-heading" tabindex="-1">${s.heading}</h2>
      ${screen.kind !== 'list' ? html`<button type="button" class="back" @click=${() => void this.show({ kind: 'list' })}>${s.back}</button>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${screen.kind === 'list' ? this.renderList() : nothing}
      ${screen.kind === 'edit'
        ? html`<parley-console-announcement-editor
            .api=${this.api}
            .announcement=${screen.announcement}
            .departments=${this.departments(this.l10n.locale)}
            ?departmentsOnly=${!this.isAdmin}
            @parley-announcement-changed=${this.onChanged}
          ></parley-console-announcement-editor>`
        : nothing}
      ${screen.kind === 'receipts' ? this.renderReceiptsScreen(screen.announcement) : nothing}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  private renderList(): TemplateResult {
    const s = this.l10n.s;
    const locale = this.l10n.locale;
    const list = this.announcements;
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const open = (a: Announcement) => void this.show(editable(a) ? { kind: 'edit', announcement: a } : { kind: 'receipts', announcement: a });
    return html`<p class="hint">${s.intro}</p>
      <button type="button" class="primary" @click=${() => void this.show({ kind: 'edit', announcement: null })}>${s.newAnnouncement}</button>
      ${list === null
        ? this.error
          ? html`<div class="state"><button type="button" @click=${() => void this.loadList()}>${s.retry}</button></div>`
          : html`<p class="state">${s.loading}</p>`
        : list.length === 0
          ? html`<p class="state empty">${s.empty}</p>`
          : html`<div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${s.colTitle}</th>
                    <th scope="col">${s.colPriority}</th>
                    <th scope="col">${s.colState}</th>
                    <th scope="col">${s.colAudience}</th>
                    <th scope="col">${s.colWindow}</th>
                    <th scope="col">${s.colReceipts}</th>
                  </tr>
                </thead>
                <tbody>
                  ${list.map((a) => {
                    const known = a.counts.audienceKnown;
                    const rate = (n: number) => percent(locale, known ? n / known : null);
                    return html`<tr data-id=${a.id}>
                      <th scope="row"><button type="button" class="link open" @click=${() => open(a)}>${titleOf(a, locale)}</button></th>
                      <td><span class="badge priority-${a.priority}">${s.priority[a.priority]}</span></td>
                      <td><span class="badge state-${a.status}">${s.state[a.status]}</span></td>
                      <td>${audienceText(s, a)}</td>
                      <td>${a.startsAt ? date.format(new Date(a.startsAt)) : s.unknown} – ${a.endsAt ? date.format(new Date(a.endsAt)) : s.whenever}</td>
                      <td>
                        ${a.status === 'draft'
                          ? s.unknown
                          : html`${s.receiptsSummary(rate(a.counts.seen), a.ackRequired ? rate(a.counts.acknowledged) : null)}${a.ackRequired ? nothing : html` <span class="muted">(${s.noAckNeeded})</span>`}`}
                      </td>
                    </tr>`;
                  })}
                </tbody>
              </table>
            </div>`}`;
  }

  private renderReceiptsScreen(a: Announcement): TemplateResult {
    const s = this.l10n.s;
    return html`<section aria-labelledby="announcement-heading" aria-busy=${this.busy ? 'true' : 'false'}>
      <h3 id="announcement-heading" tabindex="-1">
        ${titleOf(a, this.l10n.locale)} <span class="badge priority-${a.priority}">${s.priority[a.priority]}</span>
        <span class="badge state-${a.status}">${s.state[a.status]}</span>
      </h3>
      <div class="buttons">
        ${a.status === 'scheduled' ? html`<button type="button" @click=${() => void this.show({ kind: 'edit', announcement: a })}>${s.editHeading}</button>` : nothing}
        ${a.status === 'live' || a.status === 'scheduled' ? html`<button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.withdraw(a)}>${s.withdraw}</button>` : nothing}
        <button type="button" ?disabled=${this.busy} @click=${() => this.download(a)}>${s.downloadCsv}</button>
      </div>
      <h4>${s.receipts}</h4>
      ${this.receipts
        ? renderReceipts({ s, locale: this.l10n.locale, announcement: a, receipts: this.receipts, busy: this.busy, remind: (departmentId) => this.remind(a, departmentId) })
        : this.error
          ? html`<div class="state"><button type="button" @click=${() => void this.show({ kind: 'receipts', announcement: a })}>${s.retry}</button></div>`
          : html`<p class="state">${s.loading}</p>`}
    </section>`;
  }
}
