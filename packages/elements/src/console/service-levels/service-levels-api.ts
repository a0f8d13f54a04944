/**
 * The Service levels tab's REST calls, through the ticket settings routes: GET /settings (any staff; the
 * site's targets and every department with its own, and calendars, which the Departments tab edits), PUT
 * /settings/sla and PUT /settings/sla/departments/:id (admins only).
 */
import type { DepartmentTargets, SlaSettings, TicketSettings } from '@parley/protocol';
import { ConsoleRest } from '../console-rest.js';

/** What this tab changes; the other SLA settings (at-risk share, link days) are left as they are. */
export type ServiceLevelsPatch = Pick<SlaSettings, 'priorityTargets' | 'escalationMinutes'>;

export class ServiceLevelsApi extends ConsoleRest {
  constructor(server: string, token: string, site = '', onUnauthorized: () => void = () => {}) {
    super(server, token, site, onUnauthorized, '/api/console/tickets');
  }
  read(signal?: AbortSignal): Promise<TicketSettings> {
    return this.call<{ settings: TicketSettings }>('GET', '/settings', {}, undefined, signal).then((r) => r.settings);
  }
  /** The server merges top-level keys, so `priorityTargets` is sent whole: a priority left out has no target of its own. */
  save(patch: ServiceLevelsPatch): Promise<SlaSettings> {
    return this.call<{ sla: SlaSettings }>('PUT', '/settings/sla', {}, patch).then((r) => r.sla);
  }
  /** A department's own targets, whole; `null` makes it follow the site's. */
  saveDepartment(departmentId: string, targets: DepartmentTargets | null): Promise<DepartmentTargets | null> {
    return this.call<{ targets: DepartmentTargets | null }>('PUT', `/settings/sla/departments/${encodeURIComponent(departmentId)}`, {}, targets).then((r) => r.targets);
  }
}
