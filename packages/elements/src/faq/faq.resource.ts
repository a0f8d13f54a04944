import type { ReactiveControllerHost } from 'lit';
import { KbError } from '../internal/kb-api.js';

export type Status = 'idle' | 'loading' | 'ready' | 'error';

/**
 * One remote value the element shows (the categories, a list, search results, an article), keyed by
 * everything that determines it. `ensure()` is called on every update and is a no-op while the key
 * is unchanged, so views can be re-entered (Back) without a refetch. A new key aborts the request
 * in flight: a slow answer to an older query can never overwrite a newer one.
 */
export class Resource<T> {
  key = '';
  status: Status = 'idle';
  /** The last value loaded, possibly for an older key (kept so a list does not flash while it refreshes). */
  data: T | undefined;
  dataKey = '';
  error: KbError | undefined;
  private ctrl: AbortController | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The load waiting for its delay, if any. */
  private waiting: (() => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Data for the current key only. */
  get current(): T | undefined {
    return this.dataKey === this.key ? this.data : undefined;
  }

  ensure(key: string, load: (signal: AbortSignal) => Promise<T>, delay = 0): void {
    if (key === this.key && this.status !== 'idle') {
      // Asked again without delay (Enter in the search box): do not wait out the pause.
      if (delay === 0 && this.waiting) {
        clearTimeout(this.timer);
        this.waiting();
      }
      return;
    }
    this.cancel();
    this.key = key;
    this.status = 'loading';
    this.error = undefined;
    const ctrl = new AbortController();
    this.ctrl = ctrl;
    const run = (): void => {
      this.waiting = undefined;
      load(ctrl.signal).then(
        (data) => {
          if (this.ctrl !== ctrl) return;
          this.data = data;
          this.dataKey = key;
          this.status = 'ready';
          this.host.requestUpdate();
        },
        (err: unknown) => {
          if (this.ctrl !== ctrl || ctrl.signal.aborted) return;
          this.error = err instanceof KbError ? err : new KbError('internal', err instanceof Error ? err.message : String(err));
          this.status = 'error';
          this.host.requestUpdate();
        },
      );
    };
    if (delay > 0) {
      this.waiting = run;
      this.timer = setTimeout(run, delay);
    } else run();
  }

  /** Forgets the key so the next ensure() loads again (Retry). */
  invalidate(): void {
    this.cancel();
    this.status = 'idle';
    this.host.requestUpdate();
  }

  /** Stops a pending or running load; the next ensure() with any key starts over. */
  cancel(): void {
    clearTimeout(this.timer);
    this.waiting = undefined;
    this.ctrl?.abort();
    this.ctrl = undefined;
    if (this.status === 'loading') this.status = 'idle';
  }
}
