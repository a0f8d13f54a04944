/**
 * The console's header (who is signed in, presence, sound, sign out) and its views with the switch
 * between them. Conversations is always there; the others are
 * rendered from their first opening on and then stay rendered while hidden, so an article or a reply
 * being written survives a look at the queue. Tickets and Reports fetch their code on first use: most
 * agents never open Reports, and its charting library is the console's largest dependency.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AgentClient } from '@parley/client';
import type { AgentProfile, AgentRole } from '@parley/protocol';
import type { ConsoleStrings } from './console.strings.js';

export type ConsoleView = 'conversations' | 'kb' | 'tickets' | 'reports' | 'surveys' | 'announcements' | 'webhooks' | 'settings';

const LOADERS: Partial<Record<ConsoleView, () => Promise<unknown>>> = {
  tickets: () => import('./tickets/tickets.js'),
  reports: () => import('./reports/reports.js'),
  surveys: () => import('./surveys/surveys.js'),
  announcements: () => import('./announcements/announcements.js'),
  webhooks: () => import('./webhooks/webhooks.js'),
  settings: () => import('./settings/settings.js'),
};

/**
 * Reports, employee surveys and announcements are for those who answer for a team: supervisors (their
 * departments) and admins. Integrations (webhooks) send the whole site's data elsewhere: admins only.
 * Settings is everyone's (their own account); its tabs are chosen by role (settings/settings-tabs.ts).
 */
export const viewsFor = (role: AgentRole): ConsoleView[] =>
  role === 'agent'
    ? ['conversations', 'kb', 'tickets', 'settings']
    : role === 'supervisor'
      ? ['conversations', 'kb', 'tickets', 'reports', 'surveys', 'announcements', 'settings']
      : ['conversations', 'kb', 'tickets', 'reports', 'surveys', 'announcements', 'webhooks', 'settings'];

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
  const label: Record<ConsoleView, string> = { conversations: s.conversationsView, kb: s.knowledgeBaseView, tickets: s.ticketsView, reports: s.reportsView, surveys: s.surveysView, announcements: s.announcementsView, webhooks: s.webhooksView, settings: s.settingsView };
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

export interface SupervisorViewsContext {
  server: string;
  token: string;
  site: string;
  client: AgentClient;
  /** The server refused the session: back to sign-in. */
  expire(): void;
}

/**
 * The views built on ParleyConsoleSubview, each rendered from its first opening on (hidden when not
 * in front). `data-view` lets the console find the one to focus.
 */
export function renderSupervisorViews(views: ConsoleViews, c: SupervisorViewsContext): TemplateResult {
  const shown = (view: ConsoleView) => views.isOpened(view);
  const hidden = (view: ConsoleView) => views.current !== view;
  return html`
    ${shown('reports')
      ? html`<parley-console-reports part="reports" data-view="reports" ?hidden=${hidden('reports')} .server=${c.server} .token=${c.token} .site=${c.site} .client=${c.client} @parley-reports-unauthorized=${c.expire}></parley-console-reports>`
      : nothing}
    ${shown('surveys')
      ? html`<parley-console-surveys part="surveys" data-view="surveys" ?hidden=${hidden('surveys')} .server=${c.server} .token=${c.token} .site=${c.site} .client=${c.client} @parley-surveys-unauthorized=${c.expire}></parley-console-surveys>`
      : nothing}
    ${shown('announcements')
      ? html`<parley-console-announcements part="announcements" data-view="announcements" ?hidden=${hidden('announcements')} .server=${c.server} .token=${c.token} .site=${c.site} .client=${c.client} @parley-announcements-unauthorized=${c.expire}></parley-console-announcements>`
      : nothing}
    ${shown('webhooks')
      ? html`<parley-console-webhooks part="webhooks" data-view="webhooks" ?hidden=${hidden('webhooks')} .server=${c.server} .token=${c.token} .site=${c.site} .client=${c.client} @parley-webhooks-unauthorized=${c.expire}></parley-console-webhooks>`
      : nothing}
    ${shown('settings')
      ? html`<parley-console-settings part="settings" data-view="settings" ?hidden=${hidden('settings')} .server=${c.server} .token=${c.token} .site=${c.site} .client=${c.client} @parley-settings-unauthorized=${c.expire}></parley-console-settings>`
      : nothing}
  `;
}
