/**
 * The Service levels tab's REST calls, through the ticket settings routes: GET /settings (any staff; it
 * also lists calendars, which the Departments tab edits) and PUT /settings/sla (admins only).
 */
import type { SlaSettings, TicketSettings } from '@parley/protocol';
import { ConsoleRest } from '../console-rest.js';

/** What this tab changes; the other SLA settings (at-risk share, link days) are left as they are. */
export type ServiceLevelsPatch = Pick<SlaSettings, 'priorityTargets' | 'escalationMinutes'>;

export class ServiceLevelsApi extends ConsoleRest {
  constructor(server: string, token: string, site = '', onUnauthorized: () => void = () => {}) {
    super(server, token, site, onUnauthorized, '/api/console/tickets');
  }
  read(signal?: AbortSignal): Promise<SlaSettings> {
    return this.call<{ settings: TicketSettings }>('GET', '/settings', {}, undefined, signal).then((r) => r.settings.sla);
  }
  /** The server merges top-level keys, so `priorityTargets` is sent whole: a priority left out has no target of its own. */
  save(patch: ServiceLevelsPatch): Promise<SlaSettings> {
    return this.call<{ sla: SlaSettings }>('PUT', '/settings/sla', {}, patch).then((r) => r.sla);
  }
}
