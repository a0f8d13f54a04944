import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { TicketCategory, TicketCreated, TicketInput } from '@parley/protocol';
import { ParleyElement } from '../internal/parley-element.js';
import { LocaleController } from '../internal/i18n.js';
import { TicketApiError, createTicket, fieldOfRefusal, type TicketSource } from './feedback.api.js';
import { CategoriesController } from './feedback.categories.js';
import { addFiles, checkDraft, emptyDraft, type Draft, type Field, type FieldErrors } from './feedback.checks.js';
import { clearDraft, draftKey, readDraft, writeDraft } from './feedback.draft.js';
import { formatDue, formatTarget } from './feedback.format.js';
import { feedbackStrings } from './feedback.strings.js';
import { feedbackStyles } from './feedback.styles.js';
import { doneTemplate, formTemplate } from './feedback.templates.js';

export interface ParleyTicketCreatedDetail {
  /** The readable number, e.g. `T-2026-000123`. */
  number: string;
  /** The private link's token: `${server}/t/${token}` opens the ticket. Shown once. */
  token: string;
  firstResponseDueAt: string;
}

declare global {
  interface HTMLElementEventMap {
    'parley-ticket-created': CustomEvent<ParleyTicketCreatedDetail>;
  }
}

/** What the success view shows; the token lives only here and in the link. */
interface Done extends TicketCreated {
  note: string;
}

/** Fields in the order they appear: the first one in error gets the focus. */
const FIELD_ORDER: readonly Field[] = ['category', 'subject', 'message', 'name', 'email', 'files'];

/**
 * @summary The feedback form that opens a ticket: category, subject, message, contact details and up
 * to five attachments; answers at once with the ticket number, the expected response time and the
 * private link to follow it. With an employee token it is the intranet form, where an employee may
 * write anonymously. Works inline on a page and as the messenger's Feedback tab.
 *
 * @fires parley-ticket-created - A ticket was opened. `detail`: `{number, token, firstResponseDueAt}`.
 *
 * @csspart base - The element's box.
 * @csspart form - The form.
 * @csspart error - The message for the whole form (a refusal, no connection, too many requests).
 * @csspart submit - The Send button.
 * @csspart success - The view after sending: number, expected answer time, private link.
 * @csspart copy - The button copying the private link.
 *
 * @cssproperty --parley-accent - Send button, links, focus ring.
 * @cssproperty --parley-accent-contrast - Text on the accent colour.
 * @cssproperty --parley-surface - Background and fields.
 * @cssproperty --parley-surface-alt - Notes and the anonymous option.
 * @cssproperty --parley-text - Text colour.
 * @cssproperty --parley-text-muted - Hints.
 * @cssproperty --parley-border - Field borders.
 * @cssproperty --parley-danger - Errors.
 * @cssproperty --parley-success - "Copied".
 * @cssproperty --parley-radius-small - Field corner radius.
 * @cssproperty --parley-font - Font family.
 * @cssproperty --parley-font-size - Base text size (px).
 */
export class ParleyFeedback extends ParleyElement {
  static override styles = feedbackStyles;

  /** Origin of the Parley server; defaults to the page's origin. */
  @property() server = '';
  /** The site key. */
  @property() site = '';
  /** `offline` when the chat had nobody to answer (the ticket says so); default `feedback`. */
  @property() source: 'feedback' | 'offline' = 'feedback';
  /** Slug of the category to preselect, e.g. `complaint`. */
  @property() category = '';
  /** Prefills the name (a signed-in user's). */
  @property() name = '';
  /** Prefills the email (a signed-in user's). */
  @property() email = '';
  /** The intranet's signed employee token: makes this the employee form, with "Send anonymously". */
  @property({ attribute: 'employee-token' }) employeeToken = '';
  /**
   * Where the intranet hands out the signed-in employee's token (`{token}` as JSON, fetched with the
   * page's cookies): the usual way to embed the employee form, so the token never sits in the HTML.
   */
  @property({ attribute: 'employee-token-url' }) employeeTokenUrl = '';
  /** The chat's visitor token, linking the ticket to this browser's conversations. */
  @property({ attribute: false }) visitorToken = '';

  @state() private draft: Draft = emptyDraft();
  @state() private files: File[] = [];
  @state() private errors: FieldErrors = {};
  @state() private formError = '';
  @state() private submitting = false;
  @state() private done: Done | null = null;
  @state() private copied = false;
  @state() private announcement = '';
  /** Fetching the employee token from `employeeTokenUrl`: the form waits, so it never shows the customer form first. */
  @state() private tokenState: 'idle' | 'loading' | 'error' = 'idle';

  private readonly l10n = new LocaleController(this, feedbackStrings);
  private readonly categories = new CategoriesController(this, (list) => this.preselect(list));
  /** The storage key the draft was read from: a new site or audience is a different form. */
  private draftFrom = '';
  private focusNext: string | null = null;

  // ---------- public API ----------

  /** Back to an empty form (name and email kept), e.g. after the success view. */
  reset(): void {
    this.done = null;
    this.copied = false;
    this.errors = {};
    this.formError = '';
    this.files = [];
    this.draft = { ...emptyDraft(), name: this.draft.name, email: this.draft.email, categoryId: this.draft.categoryId };
    this.focusNext = '#title';
  }

  // ---------- state ----------

  private get employee(): boolean {
    return !!this.employeeToken;
  }

  private src(): TicketSource {
    return { server: (this.server || location.origin).replace(/\/+$/, ''), site: this.site };
  }

  private async fetchEmployeeToken(): Promise<void> {
    const url = this.employeeTokenUrl;
    this.tokenState = 'loading';
    try {
      const res = await fetch(url, { credentials: 'include', headers: { accept: 'application/json' } });
      const body = (await res.json()) as { token?: unknown };
      if (url !== this.employeeTokenUrl) return;
      if (!res.ok || typeof body.token !== 'string' || !body.token) throw new Error(`HTTP ${res.status}`);
      this.employeeToken = body.token;
      this.tokenState = 'idle';
    } catch {
      if (url === this.employeeTokenUrl) this.tokenState = 'error';
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.site) return;
    if (changed.has('employeeTokenUrl') && this.employeeTokenUrl && !this.employeeToken) void this.fetchEmployeeToken();
    if (this.tokenState !== 'idle') return;
    this.categories.ensure(this.src(), this.employee ? 'employee' : 'customer');
    const key = draftKey(this.site, this.employee);
    if (key !== this.draftFrom) {
      this.draftFrom = key;
      this.draft = { ...emptyDraft(), name: this.name, email: this.email, ...readDraft(key) };
      this.errors = {};
      this.formError = '';
      // The category is checked against the list once it loads (onLoaded): the list held now may be another audience's.
    } else {
      // A prefill arriving later replaces only what the person has not changed.
      if (changed.has('name') && this.draft.name === (changed.get('name') ?? '')) this.draft = { ...this.draft, name: this.name };
      if (changed.has('email') && this.draft.email === (changed.get('email') ?? '')) this.draft = { ...this.draft, email: this.email };
      if (changed.has('category')) this.preselect(this.categories.list, true);
    }
  }

  protected override updated(): void {
    if (!this.focusNext) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusNext);
    this.focusNext = null;
    target?.focus();
  }

  /** The category asked for by slug (or the only one), unless the person already chose one that exists. */
  private preselect(list: readonly TicketCategory[], force = false): void {
    if (!list.length) return;
    if (!force && list.some((c) => c.id === this.draft.categoryId)) return;
    const wanted = list.find((c) => c.slug === this.category) ?? (list.length === 1 ? list[0] : undefined);
    if (wanted || !force) this.draft = { ...this.draft, categoryId: wanted?.id ?? '' };
  }

  private readonly retry = (): void => {
    // The Retry button goes away with the error: focus waits on the heading for the form.
    this.focusNext = '#title';
    this.categories.retry();
  };

  private announce(text: string): void {
    // Emptied first: the same words twice (two failed sends) must be spoken twice.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  // ---------- form handlers ----------

  private readonly handlers = {
    input: (field: keyof Draft, value: string | boolean): void => {
      this.draft = { ...this.draft, [field]: value };
      const shown: Field = field === 'categoryId' ? 'category' : field === 'anonymous' ? 'email' : field;
      if (this.errors[shown]) this.errors = { ...this.errors, [shown]: undefined };
      writeDraft(this.draftFrom, this.draft);
    },
    choose: (input: HTMLInputElement): void => {
      const chosen = [...(input.files ?? [])];
      // Emptied so the same file can be chosen again after removing it.
      input.value = '';
      if (!chosen.length) return;
      const { files, problems } = addFiles(this.files, chosen, this.l10n.s, this.l10n.locale);
      this.files = files;
      this.errors = { ...this.errors, files: problems.length ? problems.join('\n') : undefined };
      if (problems.length) this.announce(problems.join(' '));
    },
    remove: (index: number): void => {
      this.files = this.files.filter((_, i) => i !== index);
      if (this.errors.files) this.errors = { ...this.errors, files: undefined };
      // Focus stays in the list (the next file's Remove), or goes back to the picker.
      const left = this.files.length;
      this.focusNext = left ? `[data-file="${Math.min(index, left - 1)}"]` : '#files';
    },
    submit: (e: SubmitEvent): void => {
      e.preventDefault();
      void this.send();
    },
  };

  private async send(): Promise<void> {
    if (this.submitting) return;
    const s = this.l10n.s;
    const anonymous = this.employee && this.draft.anonymous;
    const errors: FieldErrors = {
      ...checkDraft(this.draft, s, { emailRequired: !this.employee, emailShown: !anonymous }),
      // A refused file was never attached; its message stays until the next choice.
      files: this.errors.files,
    };
    const wrong = FIELD_ORDER.filter((f) => errors[f] && f !== 'files');
    this.errors = errors;
    this.formError = '';
    if (wrong.length) {
      this.announce(s.checkFields(wrong.length));
      this.focusNext = `#${wrong[0]}`;
      return;
    }
    this.submitting = true;
    let created: TicketCreated;
    try {
      created = await createTicket(this.src(), this.input(anonymous), this.files);
    } catch (err) {
      this.submitting = false;
      this.refused(err);
      return;
    }
    this.submitting = false;
    this.succeeded(created, anonymous);
  }

  private input(anonymous: boolean): TicketInput {
    const d = this.draft;
    const email = d.email.trim();
    const input: TicketInput = {
      categoryId: d.categoryId,
      subject: d.subject.trim(),
      message: d.message.trim(),
      locale: this.l10n.locale,
      pageUrl: location.href.slice(0, 2000),
    };
    if (this.employee) {
      input.employeeToken = this.employeeToken;
      input.anonymous = anonymous;
      if (!anonymous && email) input.email = email;
    } else {
      input.email = email;
      if (d.name.trim()) input.name = d.name.trim();
      input.source = this.source === 'offline' ? 'offline' : 'feedback';
      // The server wants 16 to 200 characters; anything else is not a token of ours.
      if (this.visitorToken.length >= 16 && this.visitorToken.length <= 200) input.visitorToken = this.visitorToken;
    }
    return input;
  }

  /** Everything typed stays (draft and files); only the reason is shown, next to its field when it has one. */
  private refused(err: unknown): void {
    const s = this.l10n.s;
    const e = err instanceof TicketApiError ? err : new TicketApiError('internal', String(err), 500);
    let message: string;
    if (e.status === 0) message = s.network;
    else if (e.status === 429) message = s.rateLimited;
    else if (e.status >= 500) message = s.serverDown;
    else {
      const onField = fieldOfRefusal(e.message);
      const showable = onField && this.renderRoot.querySelector(`#${onField.field}`);
      if (onField && showable) {
        this.errors = { ...this.errors, [onField.field]: onField.text };
        this.announce(onField.text);
        this.focusNext = `#${onField.field}`;
        return;
      }
      message = e.message;
    }
    this.formError = message;
    this.announce(message);
    this.focusNext = '#form-error';
  }

  private succeeded(created: TicketCreated, anonymous: boolean): void {
    const s = this.l10n.s;
    const email = this.draft.email.trim();
    const emailed = !anonymous && email ? email : '';
    clearDraft(this.draftFrom);
    this.done = { ...created, note: anonymous ? s.onlyWayBack : emailed ? s.emailed(emailed) : s.keepLink };
    this.files = [];
    this.errors = {};
    this.draft = { ...emptyDraft(), name: this.draft.name, email: this.draft.email, categoryId: this.draft.categoryId };
    this.copied = false;
    this.focusNext = '#done-title';
    this.emit('parley-ticket-created', { number: created.number, token: created.token, firstResponseDueAt: created.firstResponseDueAt });
    this.announce(`${s.received(created.number)}. ${this.promise(created)}`);
  }

  private promise(t: TicketCreated): string {
    const by = formatDue(t.firstResponseDueAt, this.l10n.locale);
    return by ? this.l10n.s.aimBy(by, formatTarget(t.targetMinutes, this.l10n.s)) : '';
  }

  private link(t: TicketCreated): string {
    return `${this.src().server}/t/${encodeURIComponent(t.token)}`;
  }

  private async copy(): Promise<void> {
    if (!this.done) return;
    const s = this.l10n.s;
    const field = this.renderRoot.querySelector<HTMLInputElement>('#link');
    let ok = false;
    try {
      // A permission prompt nobody answers would leave the button silent: give up after a moment.
      await Promise.race([
        navigator.clipboard.writeText(this.link(this.done)),
        new Promise((_, reject) => setTimeout(() => reject(new Error('clipboard timeout')), 1500)),
      ]);
      ok = true;
    } catch {
      // No clipboard permission (an iframe, an old browser): select the text, try the old command.
      field?.select();
      try {
        ok = document.execCommand('copy');
      } catch {
        ok = false;
      }
    }
    this.copied = ok;
    this.announce(ok ? s.copied : s.copyFailed);
    if (!ok) field?.focus();
  }

  // ---------- rendering ----------

  protected override render(): TemplateResult {
    return html`<div class="base" part="base">
      ${this.renderView()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderView(): TemplateResult {
    const s = this.l10n.s;
    if (!this.site) return html`<p class="state error" role="alert">${s.missingSite}</p>`;
    if (this.done) {
      return doneTemplate(
        { s, number: this.done.number, promise: this.promise(this.done), link: this.link(this.done), note: this.done.note, copied: this.copied },
        { copy: () => void this.copy(), another: () => this.reset() },
      );
    }
    if (this.tokenState === 'loading') return html`<p class="state" role="status">${s.loading}</p>`;
    if (this.tokenState === 'error') {
      return html`<div class="state error" role="alert">
        <p>${s.loadError}</p>
        <button type="button" @click=${() => void this.fetchEmployeeToken()}>${s.retry}</button>
      </div>`;
    }
    const offline = this.source === 'offline' && !this.employee;
    const title = offline ? s.offlineTitle : s.title;
    const cats = this.categories;
    if (cats.status === 'error') {
      return html`<h2 id="title" tabindex="-1">${title}</h2>
        <div class="state error" role="alert">
          <p>${s.loadError}</p>
          <button type="button" @click=${this.retry}>${s.retry}</button>
        </div>`;
    }
    if (cats.status !== 'ready') {
      return html`<h2 id="title" tabindex="-1">${title}</h2>
        <p class="state" aria-busy="true">${s.loading}</p>`;
    }
    if (!cats.list.length) return html`<h2 id="title" tabindex="-1">${title}</h2><p class="state">${s.noCategories}</p>`;
    return formTemplate(
      {
        s,
        locale: this.l10n.locale,
        title,
        intro: offline ? s.offlineIntro : this.employee ? s.employeeIntro : '',
        categories: cats.list,
        draft: this.draft,
        files: this.files,
        errors: this.errors,
        formError: this.formError,
        submitting: this.submitting,
        employee: this.employee,
      },
      this.handlers,
    );
  }
}
