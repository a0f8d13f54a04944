import { css, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AgentClient } from '@parley/client';
import { ClientController } from '../internal/client-controller.js';
import { localized, type Locale } from '../internal/i18n.js';
import { ParleyElement } from '../internal/parley-element.js';

/** A view's frame inside the console: it scrolls on its own under the header. */
export const subviewHost = css`
  :host {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    padding: 16px 20px 32px;
  }
  h2 {
    font-size: 20px;
    margin: 0 0 12px;
  }
`;

/**
 * What the console hands each of its supervisor views (reports, employee surveys): the server, the
 * session token for their REST calls, the site, and the agent socket for who is signed in and the
 * department directory.
 */
export class ParleyConsoleSubview extends ParleyElement {
  /** Origin of the Parley server, without a trailing slash. */
  @property() server = '';
  @property({ attribute: false }) token = '';
  /** Site id; needed only when the agent works on several sites. */
  @property() site = '';
  /** The console's agent socket: who is signed in and the department directory. */
  @property({ attribute: false }) client: AgentClient | null = null;

  /** What the view's polite live region says (saved, revoked …): set it through say(). */
  @state() protected announcement = '';

  private readonly clientCtl = new ClientController<AgentClient>(this);

  /** Says `message` in the view's live region, again even when the words are the same as last time. */
  protected async say(message: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = message;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) this.clientCtl.client = this.client;
    if (changed.has('server') || changed.has('token') || changed.has('site')) this.sessionChanged();
  }

  /** The server, token or site changed (or arrived): build the view's REST client and load what it shows. */
  protected sessionChanged(): void {}

  protected get isAdmin(): boolean {
    return this.client?.state.me?.role === 'admin';
  }

  /** The departments this person answers for (all for an admin), named in `locale`. */
  protected departments(locale: Locale): Array<{ id: string; name: string }> {
    const st = this.client?.state;
    const all = st?.directory?.departments ?? [];
    const me = st?.me;
    const mine = me?.role === 'admin' ? all : all.filter((d) => me?.departmentIds.includes(d.id));
    return mine.map((d) => ({ id: d.id, name: localized(d.name, locale) }));
  }
}
