/// <reference types="mocha" />
/** The refresh rhythm of <parley-ticket> (AutoRefresh), with a short interval instead of a minute. */
import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AutoRefresh, REFRESH_MS } from './ticket.refresh.js';

/** The smallest host a controller needs: it records the controller so the test can connect it. */
function host(): ReactiveControllerHost & { controller?: ReactiveController } {
  const h: ReactiveControllerHost & { controller?: ReactiveController } = {
    addController: (c) => {
      h.controller = c;
    },
    removeController: () => undefined,
    requestUpdate: () => undefined,
    updateComplete: Promise.resolve(true),
  };
  return h;
}

describe('AutoRefresh', () => {
  it('asks every minute by default', () => {
    expect(REFRESH_MS).to.equal(60_000);
  });

  it('runs on every interval while visible, at once when the tab is shown again, and never after disconnect', async () => {
    expect(document.visibilityState).to.equal('visible');
    let runs = 0;
    const h = host();
    new AutoRefresh(h, () => runs++, 80);
    h.controller!.hostConnected!();
    try {
      await waitUntil(() => runs >= 2, 'the interval did not run', { timeout: 2000 });
      const before = runs;
      document.dispatchEvent(new Event('visibilitychange'));
      expect(runs).to.equal(before + 1);
    } finally {
      h.controller!.hostDisconnected!();
    }
    const after = runs;
    await new Promise((r) => setTimeout(r, 250));
    expect(runs).to.equal(after);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(runs).to.equal(after);
  });
});
