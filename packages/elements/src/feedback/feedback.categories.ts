/**
 * The categories the form offers, loaded once per server, site and audience. A newer key aborts the
 * request in flight, so a slow answer for the customer form never fills the intranet form.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TicketCategory } from '@parley/protocol';
import { fetchTicketCategories, type TicketSource } from './feedback.api.js';

export type CategoriesStatus = 'idle' | 'loading' | 'ready' | 'error';

export class CategoriesController implements ReactiveController {
  status: CategoriesStatus = 'idle';
  list: TicketCategory[] = [];
  private key = '';
  private ctrl: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Called once a load succeeds (the form then preselects a category). */
    private readonly onLoaded: (list: TicketCategory[]) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    // Connected again later: load again rather than wait for an answer nobody listens to.
    if (this.status !== 'loading') return;
    this.ctrl?.abort();
    this.ctrl = null;
    this.key = '';
    this.status = 'idle';
  }

  /** Call from willUpdate: loads when the key changed (or after retry()). */
  ensure(src: TicketSource, audience: 'customer' | 'employee'): void {
    const key = `${src.server}|${src.site}|${audience}`;
    if (key === this.key) return;
    this.ctrl?.abort();
    const ctrl = new AbortController();
    this.ctrl = ctrl;
    this.key = key;
    this.status = 'loading';
    fetchTicketCategories(src, audience, ctrl.signal).then(
      (list) => {
        if (this.ctrl !== ctrl) return;
        this.list = [...list].sort((a, b) => a.position - b.position);
        this.status = 'ready';
        this.onLoaded(this.list);
        this.host.requestUpdate();
      },
      () => {
        if (this.ctrl !== ctrl || ctrl.signal.aborted) return;
        this.status = 'error';
        this.host.requestUpdate();
      },
    );
  }

  /** Forgets the key so the next ensure() loads again. */
  retry(): void {
    this.key = '';
    this.status = 'idle';
    this.host.requestUpdate();
  }
}
