/**
 * An element module imported on first use (the messenger's Help and Feedback tabs, the chat's offline
 * form), so a visitor who only chats never downloads them. A failed import can be tried again.
 */
import type { ReactiveControllerHost } from 'lit';

export type LazyStatus = 'idle' | 'loading' | 'ready' | 'error';

export class LazyModule {
  status: LazyStatus = 'idle';
  private loading: Promise<boolean> | null = null;

  /**
   * `importer` must be a literal `() => import('...')` at the call site: that is what the bundler
   * turns into a separate chunk.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly importer: () => Promise<unknown>,
  ) {}

  /** Imports once; resolves false when the module could not be fetched (the visitor may retry). */
  load(): Promise<boolean> {
    if (this.loading) return this.loading;
    this.set('loading');
    this.loading = this.importer().then(
      () => {
        this.set('ready');
        return true;
      },
      () => {
        this.set('error');
        this.loading = null;
        return false;
      },
    );
    return this.loading;
  }

  private set(status: LazyStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }
}
