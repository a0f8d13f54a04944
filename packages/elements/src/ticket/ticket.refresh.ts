import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How often an open, visible page asks for news (customers have no socket yet). */
export const REFRESH_MS = 60_000;

/**
 * Calls `run` every `intervalMs` while the page is visible, and at once when it becomes visible
 * again (the customer comes back to the tab). A hidden tab asks nothing: no traffic for pages
 * left open in the background.
 */
export class AutoRefresh implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly onVisibility = (): void => {
    if (document.visibilityState !== 'visible') return;
    this.restart();
    this.run();
  };

  constructor(
    host: ReactiveControllerHost,
    private readonly run: () => void,
    private readonly intervalMs: number = REFRESH_MS,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
    this.restart();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** A fresh full interval from now (after a visit back, the next tick is a whole interval away). */
  private restart(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      if (document.visibilityState === 'visible') this.run();
    }, this.intervalMs);
  }
}
