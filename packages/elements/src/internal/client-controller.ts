import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Anything that dispatches 'change' (VisitorClient, AgentClient): structural, so no import of @parley/client here. */
export interface ChangeSource {
  addEventListener(type: 'change', listener: EventListener): void;
  removeEventListener(type: 'change', listener: EventListener): void;
}

/**
 * Re-renders its host whenever the client reports a state change. The client may be set later
 * (elements create it lazily) or swapped; the controller follows `client` and unsubscribes when
 * the host disconnects, so a detached element never keeps a socket's listeners alive.
 */
export class ClientController<C extends ChangeSource> implements ReactiveController {
  private _client: C | null = null;
  private connected = false;
  private readonly onChange = (): void => this.host.requestUpdate();

  constructor(
    private readonly host: ReactiveControllerHost,
    client: C | null = null,
  ) {
    host.addController(this);
    this.client = client;
  }

  get client(): C | null {
    return this._client;
  }

  set client(next: C | null) {
    if (next === this._client) return;
    if (this._client && this.connected) this._client.removeEventListener('change', this.onChange);
    this._client = next;
    if (next && this.connected) next.addEventListener('change', this.onChange);
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.connected = true;
    this._client?.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    this.connected = false;
    this._client?.removeEventListener('change', this.onChange);
  }
}
