/**
 * The console's header (who is signed in, presence, sound, sign out) and its views with the switch
 * between them. Conversations is always there; the others are
 * rendered from their first opening on and then stay rendered while hidden, so an article or a reply
 * being written survives a look at the queue. Tickets and Reports fetch their code on first use: most
 * agents never open Reports, and its charting library is the console's largest dependency.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AgentProfile, AgentRole } from '@parley/protocol';
import type { ConsoleStrings } from './console.strings.js';

export type ConsoleView = 'conversations' | 'kb' | 'tickets' | 'reports' | 'surveys' | 'announcements';

const LOADERS: Partial<Record<ConsoleView, () => Promise<unknown>>> = {
  tickets: () => import('./tickets/tickets.js'),
  reports: () => import('./reports/reports.js'),
  surveys: () => import('./surveys/surveys.js'),
  announcements: () => import('./announcements/announcements.js'),
};

/** Reports, employee surveys and announcements are for those who answer for a team: supervisors (their departments) and admins. */
export const viewsFor = (role: AgentRole): ConsoleView[] =>
  role === 'agent' ? ['conversations', 'kb', 'tickets'] : ['conversations', 'kb', 'tickets', 'reports', 'surveys', 'announcements'];

export class ConsoleViews {
  current: ConsoleView = 'conversations';
  private readonly opened = new Set<ConsoleView>();

  isOpened(view: ConsoleView): boolean {
    return this.opened.has(view);
  }

  /** Loads the view's code if it has not been yet; throws what the import threw (offline, a new deploy). */
  async open(view: ConsoleView): Promise<void> {
    if (!this.opened.has(view)) await LOADERS[view]?.();
    this.opened.add(view);
    this.current = view;
  }

  reset(): void {
    this.current = 'conversations';
    this.opened.clear();
  }
}

export interface ViewNavOptions {
  s: ConsoleStrings;
  views: readonly ConsoleView[];
  current: ConsoleView;
  /** People waiting, shown on Conversations while another view is in front. */
  waiting: number;
  show(view: ConsoleView): void;
}

export function renderViewNav({ s, views, current, waiting, show }: ViewNavOptions): TemplateResult {
  const label: Record<ConsoleView, string> = { conversations: s.conversationsView, kb: s.knowledgeBaseView, tickets: s.ticketsView, reports: s.reportsView, surveys: s.surveysView, announcements: s.announcementsView };
  return html`
    <nav class="views" part="views" aria-label=${s.views}>
      ${views.map(
        (view) => html`<button type="button" aria-current=${current === view ? 'page' : 'false'} @click=${() => show(view)}>
          ${label[view]}
          ${view === 'conversations' && current !== 'conversations' && waiting
            ? html`<span class="count waiting"><span aria-hidden="true">${waiting}</span><span class="visually-hidden">${s.waitingCount(waiting)}</span></span>`
            : nothing}
        </button>`,
      )}
    </nav>
  `;
}

export interface HeaderView {
  s: ConsoleStrings;
  me: AgentProfile;
  nav: ViewNavOptions;
  muted: boolean;
  toggleMute(): void;
  setPresence(e: Event): void;
  signOut(): void;
}

export function renderHeader(v: HeaderView): TemplateResult {
  const { s, me } = v;
  return html`
    <header class="top" part="header">
      <h1 tabindex="-1">${s.appTitle}</h1>
      ${renderViewNav(v.nav)}
      <p class="me">
        <span class="name">${me.name}</span>
        <span class="role">${s.role[me.role]}</span>
      </p>
      <div class="presence">
        <label for="presence">${s.status}</label>
        <select id="presence" @change=${v.setPresence}>
          <option value="online" ?selected=${me.presence !== 'away'}>${s.online}</option>
          <option value="away" ?selected=${me.presence === 'away'}>${s.away}</option>
        </select>
      </div>
      <button type="button" class="mute" aria-pressed=${v.muted ? 'true' : 'false'} @click=${v.toggleMute}>${s.muteSounds}</button>
      <button type="button" class="sign-out" @click=${v.signOut}>${s.signOut}</button>
    </header>
  `;
}
