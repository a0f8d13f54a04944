import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { CustomerTicket } from '@parley/protocol';
import { LocaleController, localized } from '../internal/i18n.js';
import { ParleyElement } from '../internal/parley-element.js';
import { TicketApiError, fetchTicket, fileUrl, resolveTicket, sendReply, type TicketLink } from './ticket.api.js';
import { clearDraft, readDraft, writeDraft } from './ticket.draft.js';
import { ACCEPT, addFiles, type FileProblem } from './ticket.files.js';
import { dueTime } from './ticket.format.js';
import { AutoRefresh } from './ticket.refresh.js';
import { resolveSection, surveySection, type ResolveHandlers } from './ticket.sections.js';
import { ticketStrings, type TicketStrings } from './ticket.strings.js';
import { ticketStyles } from './ticket.styles.js';
import { chosenFiles, problemText, progress, thread } from './ticket.templates.js';

type Phase = 'loading' | 'ready' | 'gone' | 'error';

/**
 * @summary The page where a customer follows their request through the private link from our email:
 * its number, subject and category, where it stands (Submitted, In progress, Waiting for you, Resolved),
 * when the first answer is due, the public conversation with its attachments, a reply box with up to 5
 * attachments, and "This is solved". Refreshes when the tab is shown again and every minute while it is
 * visible, without touching what is being typed; new replies from the team are announced.
 *
 * The reply being typed is kept in sessionStorage for the link until the server has it, so a reload or a
 * lost connection loses nothing.
 *
 * Language: the `lang` attribute of the element or of an ancestor; without one, the language the request
 * was written in (once loaded), else the browser's.
 *
 * @csspart base - The element's box.
 * @csspart header - Number, subject, category and status.
 * @csspart progress - The status steps.
 * @csspart thread - The conversation (a list).
 * @csspart entry - One message of the conversation.
 * @csspart reply - The reply form.
 * @csspart resolve - "This is solved" and its confirmation.
 * @csspart survey - "How did we do?" once the request is resolved (a <parley-survey>, loaded when first shown).
 * @csspart gone - The page shown when the link no longer opens a request.
 *
 * @cssproperty --parley-accent - Links, primary buttons, focus ring, the current step.
 * @cssproperty --parley-accent-contrast - Text on the accent colour.
 * @cssproperty --parley-surface - Background.
 * @cssproperty --parley-surface-alt - The team's messages.
 * @cssproperty --parley-text - Text colour.
 * @cssproperty --parley-text-muted - Times, hints, steps not reached.
 * @cssproperty --parley-border - Borders.
 * @cssproperty --parley-danger - Error messages.
 * @cssproperty --parley-success - The resolved state.
 * @cssproperty --parley-radius - Card corner radius.
 * @cssproperty --parley-font - Font family.
 * @cssproperty --parley-font-size - Base text size (px).
 */
export class ParleyTicket extends ParleyElement {
  static override styles = ticketStyles;

  /** Origin of the Parley server; defaults to the page's origin. */
  @property() server = '';

  /** The private link's token (the last part of `/t/<token>`). */
  @property() token = '';

  @state() private ticket: CustomerTicket | null = null;
  @state() private phase: Phase = 'loading';
  @state() private files: File[] = [];
  @state() private fileProblems: FileProblem[] = [];
  @state() private replyError = '';
  @state() private closed = false;
  @state() private sending = false;
  @state() private confirming = false;
  @state() private resolving = false;
  @state() private resolveError = '';
  @state() private announcement = '';

  // Nothing on the page names a language: the request's own language wins over the browser's.
  private readonly l10n = new LocaleController<TicketStrings>(this, ticketStrings, () => this.ticket?.locale ?? null);
  /** Registers itself with the element; kept as a field so it lives as long as the element. */
  private readonly autoRefresh = new AutoRefresh(this, () => void this.refresh());
  /** Not reactive: the box owns its text; Lit writes it only when it differs (restored, or cleared once sent). */
  private draft = '';
  private loadedKey = '';
  private loadCtrl: AbortController | undefined;
  /** Entries already shown, so only new replies from the team are announced. */
  private seen = new Set<string>();
  private focusNext: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved or put back in the page: what is shown may be old (or its load was cut off).
    if (this.hasUpdated && this.token) void this.load(this.ticket === null);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadCtrl?.abort();
    this.loadCtrl = undefined;
  }

  /** Asks the server for the latest state now (also done on its own; see the summary). */
  async refresh(): Promise<void> {
    if (this.phase !== 'ready' || this.sending || this.resolving) return;
    await this.load(false);
  }

  private link(): TicketLink {
    return { server: this.server || location.origin, token: this.token };
  }

  // ---------- loading ----------

  protected override willUpdate(): void {
    const key = `${this.server || location.origin}|${this.token}`;
    if (key === this.loadedKey) return;
    const sameToken = this.loadedKey.endsWith(`|${this.token}`) && this.ticket !== null;
    this.loadedKey = key;
    if (!sameToken) {
      this.ticket = null;
      this.seen = new Set();
      this.draft = readDraft(this.token);
      this.files = [];
      this.fileProblems = [];
      this.replyError = '';
      this.closed = false;
      this.confirming = false;
    }
    if (!this.token) {
      this.loadCtrl?.abort();
      this.phase = 'error';
      return;
    }
    void this.load(!sameToken);
  }

  private async load(initial: boolean): Promise<void> {
    this.loadCtrl?.abort();
    const ctrl = new AbortController();
    this.loadCtrl = ctrl;
    if (initial) this.phase = 'loading';
    try {
      const t = await fetchTicket(this.link(), ctrl.signal);
      if (this.loadCtrl !== ctrl) return;
      this.apply(t, !initial);
      this.phase = 'ready';
    } catch (err) {
      if (this.loadCtrl !== ctrl || ctrl.signal.aborted) return;
      if (err instanceof TicketApiError && err.code === 'not_found') this.phase = 'gone';
      // A background refresh that fails keeps what is shown; the next one may succeed.
      else if (!this.ticket) this.phase = 'error';
    } finally {
      if (this.loadCtrl === ctrl) this.loadCtrl = undefined;
    }
  }

  /** Shows a ticket the server sent; with `announce`, says which replies from the team are new. */
  private apply(t: CustomerTicket, announce: boolean, extra: string[] = []): void {
    const fresh = t.entries.filter((e) => !this.seen.has(e.id));
    for (const e of t.entries) this.seen.add(e.id);
    this.ticket = t;
    // The ticket's locale may now decide the language: announce in the one the page will show.
    this.l10n.refresh();
    const s = this.l10n.s;
    const said = [...extra];
    if (announce) for (const e of fresh) if (e.author === 'agent') said.push(s.newReply(e.authorName || s.team));
    if (said.length) this.announce(said.join(' '));
  }

  private announce(text: string): void {
    // A repeat of the same words is still news: empty the region first so it is read again.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = text;
    });
  }

  // ---------- replying ----------

  private onInput(e: InputEvent): void {
    this.draft = (e.target as HTMLTextAreaElement).value;
    writeDraft(this.token, this.draft);
    if (this.replyError && this.draft.trim()) this.replyError = '';
  }

  private onKeydown(e: KeyboardEvent): void {
    // Ctrl/Cmd+Enter sends; plain Enter is a new line (replies are often several paragraphs).
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) {
      e.preventDefault();
      void this.submit();
    }
  }

  private async onFiles(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const picked = Array.from(input.files ?? []);
    // Emptied so picking the same file again (after removing it) fires change.
    input.value = '';
    const { files, problems } = await addFiles(this.files, picked);
    this.files = files;
    this.fileProblems = problems;
  }

  private removeFile(i: number): void {
    this.files = this.files.filter((_, j) => j !== i);
    this.fileProblems = [];
    // The Remove button is gone: focus goes to the file picker, the next place to act.
    this.focusNext = '#files';
  }

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    void this.submit();
  }

  private async submit(): Promise<void> {
    const s = this.l10n.s;
    if (this.sending || !this.ticket) return;
    const message = this.draft.trim();
    if (!message) {
      this.replyError = s.emptyMessage;
      this.focusNext = '#message';
      return;
    }
    this.sending = true;
    this.replyError = '';
    // A refresh in flight could land after our answer and hide the reply for a minute.
    this.loadCtrl?.abort();
    const token = this.token;
    try {
      const t = await sendReply(this.link(), message, this.files);
      if (token !== this.token) return;
      clearDraft(token);
      this.draft = '';
      this.files = [];
      this.fileProblems = [];
      this.closed = false;
      this.apply(t, true, [s.sent]);
    } catch (err) {
      if (token !== this.token) return;
      const code = err instanceof TicketApiError ? err.code : 'unavailable';
      if (code === 'closed') this.closed = true;
      else if (code === 'not_found') this.phase = 'gone';
      else if (code === 'rate_limited') this.replyError = s.rateLimited;
      else if (code === 'unavailable' && (!(err instanceof TicketApiError) || err.status === 0)) this.replyError = s.networkError;
      else this.replyError = s.sendFailed(err instanceof Error ? err.message : String(err));
    } finally {
      this.sending = false;
    }
  }

  // ---------- "this is solved" ----------

  private askResolve(): void {
    this.confirming = true;
    this.resolveError = '';
    this.focusNext = '#confirm-yes';
  }

  private cancelResolve(): void {
    this.confirming = false;
    this.focusNext = '#solved';
  }

  private onConfirmKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    this.cancelResolve();
  }

  private async resolve(): Promise<void> {
    if (this.resolving) return;
    const s = this.l10n.s;
    this.resolving = true;
    this.resolveError = '';
    this.loadCtrl?.abort();
    try {
      const t = await resolveTicket(this.link());
      this.confirming = false;
      this.apply(t, true, [s.resolvedAnnounce]);
      // The buttons are gone; the status line says what happened.
      this.focusNext = '#status';
    } catch (err) {
      if (err instanceof TicketApiError && err.code === 'not_found') this.phase = 'gone';
      else this.resolveError = s.resolveFailed;
    } finally {
      this.resolving = false;
    }
  }

  // ---------- rendering ----------

  protected override updated(): void {
    const sel = this.focusNext;
    if (!sel) return;
    this.focusNext = null;
    this.renderRoot.querySelector<HTMLElement>(sel)?.focus();
  }

  protected override render(): TemplateResult {
    // lang inside: the host may carry lang="" (the demo page: "the request's own language"), and screen
    // readers must still know which language the page's words are in.
    return html`<div class="base" part="base" lang=${this.l10n.locale}>
      ${this.renderPhase()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderPhase(): TemplateResult {
    const s = this.l10n.s;
    if (!this.token) return html`<p class="state error" role="alert">${s.missingToken}</p>`;
    if (this.phase === 'gone') {
      return html`<section class="gone" part="gone" aria-labelledby="gone-title">
        <h2 id="gone-title">${s.goneTitle}</h2>
        <p role="alert">${s.gone}</p>
      </section>`;
    }
    if (this.phase === 'error') {
      return html`<div class="state error" role="alert">
        <p>${s.loadError}</p>
        <button class="secondary" type="button" @click=${() => void this.load(true)}>${s.retry}</button>
      </div>`;
    }
    const t = this.ticket;
    if (!t) return html`<p class="state" role="status">${s.loading}</p>`;
    return html`${this.renderHeader(t)} ${t.survey ? surveySection(this.link().server, t.survey.token, this.l10n.locale) : nothing}
      <section class="conversation" aria-labelledby="thread-title">
        <h3 id="thread-title">${s.threadTitle}</h3>
        ${thread(t.entries, { s, locale: this.l10n.locale, textLang: t.locale, fileHref: (id) => fileUrl(this.link(), id) })}
      </section>
      ${this.renderReply(t)}
      ${t.status === 'resolved' ? nothing : resolveSection({ s, confirming: this.confirming, resolving: this.resolving, error: this.resolveError }, this.resolveHandlers)}`;
  }

  private renderHeader(t: CustomerTicket): TemplateResult {
    const s = this.l10n.s;
    const category = t.category ? localized(t.category.names, this.l10n.locale) : '';
    const resolved = t.status === 'resolved';
    return html`<header class="header" part="header">
      <p class="meta">
        <span class="number">${s.number(t.number)}</span>
        ${category ? html`<span class="category">${s.category(category)}</span>` : nothing}
      </p>
      <h2 id="title" lang=${t.locale}>${t.subject}</h2>
      <p id="status" class="status ${t.status}" tabindex="-1">${s.statusLabel}: <strong>${s.status[t.status]}</strong></p>
      ${progress(t.status, s)}
      ${t.firstResponseDueAt && !resolved ? html`<p class="due">${s.due(dueTime(t.firstResponseDueAt, this.l10n.locale))}</p>` : nothing}
      ${t.status === 'waiting_for_you' ? html`<p class="note">${s.waitingNote}</p>` : nothing}
      ${resolved && !this.closed ? html`<p class="note resolved">${s.resolvedNote}</p>` : nothing}
    </header>`;
  }

  private renderReply(t: CustomerTicket): TemplateResult {
    const s = this.l10n.s;
    const problems = this.fileProblems.map((p) => problemText(p, s));
    // The file input is hidden and its label drawn as the button: the native control's own words
    // ("Choose Files") follow the browser's language, not the page's.
    return html`<section class="reply" part="reply" aria-labelledby="reply-title">
      <h3 id="reply-title">${s.replyTitle}</h3>
      ${this.closed ? html`<p class="closed" role="alert">${s.closedNote(t.number)}</p>` : nothing}
      <form @submit=${this.onSubmit} novalidate>
        <label for="message">${s.messageLabel}</label>
        <textarea
          id="message"
          rows="5"
          maxlength="10000"
          aria-invalid=${this.replyError === s.emptyMessage ? 'true' : 'false'}
          aria-describedby="reply-error"
          .value=${live(this.draft)}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
        ></textarea>
        <div class="attach">
          <label class="picker" for="files">${s.attachLabel}</label>
          <input id="files" class="visually-hidden" type="file" multiple accept=${ACCEPT} aria-describedby="files-hint files-error" @change=${this.onFiles} />
          <p id="files-hint" class="hint">${s.attachHint}</p>
          ${chosenFiles(this.files, { s, locale: this.l10n.locale }, (i) => this.removeFile(i))}
          <div id="files-error" class="error" role="alert">${problems.map((p) => html`<p>${p}</p>`)}</div>
        </div>
        <p id="reply-error" class="error" role="alert">${this.replyError}</p>
        <div class="actions">
          <button class="primary" type="submit" aria-disabled=${this.sending ? 'true' : 'false'}>${this.sending ? s.sending : s.send}</button>
        </div>
      </form>
    </section>`;
  }

  private readonly resolveHandlers: ResolveHandlers = {
    ask: () => this.askResolve(),
    cancel: () => this.cancelResolve(),
    confirm: () => void this.resolve(),
    confirmKeydown: (e) => this.onConfirmKeydown(e),
  };
}
