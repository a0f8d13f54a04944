/**
 * "Was this helpful?" under an article: Yes / No, an optional comment after No, one vote per article
 * per browser (remembered; changing one's mind replaces the vote on the server).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { voteArticle, type KbSource } from '../internal/kb-api.js';
import type { FaqStrings } from './faq.strings.js';
import { ensureVisitorToken, storeVote, storedVote, type Vote } from './faq.votes.js';

export const COMMENT_MAX = 1000;

interface Feedback {
  /** The vote the server has from this browser. */
  vote?: Vote;
  sending?: boolean;
  error?: boolean;
  /** The optional "what were you looking for?" box is open. */
  commenting?: boolean;
}

export interface FeedbackHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly site: string;
  source(): KbSource;
}

export class FeedbackController implements ReactiveController {
  private state: Feedback = {};
  private article = '';
  private inflight: Promise<boolean> = Promise.resolve(true);

  constructor(private readonly host: FeedbackHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The article on screen changed (call from willUpdate). */
  show(article: string): void {
    if (article === this.article) return;
    this.article = article;
    this.state = { vote: article ? storedVote(this.host.site, article) : undefined };
  }

  /** Escape in the comment box closes it; returns whether the key was ours. */
  escape(target: Element): boolean {
    if (target.id !== 'fb-comment') return false;
    this.closeComment();
    return true;
  }

  private set(next: Feedback): void {
    this.state = next;
    this.host.requestUpdate();
  }

  private q<T extends HTMLElement>(selector: string): T | null {
    return this.host.renderRoot.querySelector<T>(selector);
  }

  private send(vote: Vote, comment?: string): Promise<boolean> {
    this.inflight = this.post(vote, comment);
    return this.inflight;
  }

  private async post(vote: Vote, comment?: string): Promise<boolean> {
    const id = this.article;
    const src = this.host.source();
    this.set({ ...this.state, sending: true, error: false });
    let ok = false;
    try {
      const token = await ensureVisitorToken(src);
      await voteArticle(src, id, { helpful: vote === 'yes', ...(comment ? { comment } : {}), ...(token ? { visitorToken: token } : {}) });
      storeVote(src.site, id, vote);
      ok = true;
    } catch {
      // Shown in the status line; the buttons stay usable for another try.
    }
    if (this.article === id) this.set({ ...this.state, sending: false, error: !ok, ...(ok ? { vote } : {}) });
    return ok;
  }

  // Buttons are aria-disabled, not disabled, while a vote is in flight: disabling the focused button
  // would drop keyboard focus to <body>.
  private async onVote(vote: Vote): Promise<void> {
    const fb = this.state;
    if (fb.sending) return;
    if (vote === 'yes') {
      this.set({ ...fb, commenting: false });
      if (fb.vote !== 'yes') await this.send('yes');
      return;
    }
    this.set({ ...fb, commenting: true });
    void this.host.updateComplete.then(() => this.q('#fb-comment')?.focus());
    // The "no" counts at once and a comment then replaces it (same visitor token). Without a token
    // a second post would count twice, so the vote then waits for Send.
    if (fb.vote !== 'no' && (await ensureVisitorToken(this.host.source()))) await this.send('no');
  }

  private async onSendComment(): Promise<void> {
    // The "no" may still be on its way: the comment follows it rather than racing it.
    await this.inflight;
    if (this.state.sending) return;
    const comment = (this.q<HTMLTextAreaElement>('#fb-comment')?.value ?? '').trim().slice(0, COMMENT_MAX);
    if (comment || this.state.vote !== 'no') {
      if (!(await this.send('no', comment || undefined))) return;
    }
    this.closeComment();
  }

  private closeComment(): void {
    this.set({ ...this.state, commenting: false });
    void this.host.updateComplete.then(() => this.q('[data-vote=no]')?.focus());
  }

  render(s: FaqStrings): TemplateResult {
    const fb = this.state;
    return html`<section class="feedback" part="feedback" aria-labelledby="fb-q">
      <p id="fb-q" class="question">${s.helpfulQuestion}</p>
      <div class="votes" role="group" aria-labelledby="fb-q">
        ${(['yes', 'no'] as const).map(
          (v) => html`<button
            type="button"
            class="secondary"
            data-vote=${v}
            aria-pressed=${fb.vote === v ? 'true' : 'false'}
            aria-disabled=${fb.sending ? 'true' : 'false'}
            @click=${() => void this.onVote(v)}
          >
            ${v === 'yes' ? s.yes : s.no}
          </button>`,
        )}
      </div>
      ${fb.commenting
        ? html`<div class="comment">
            <label for="fb-comment">${s.commentLabel}</label>
            <textarea id="fb-comment" rows="3" maxlength=${COMMENT_MAX}></textarea>
            <button type="button" class="primary" @click=${() => void this.onSendComment()}>${s.send}</button>
          </div>`
        : nothing}
      <p class="fb-status ${fb.error ? 'error' : ''}" role="status">${fb.error ? s.voteFailed : fb.vote ? s.thanks : ''}</p>
    </section>`;
  }
}
