/**
 * The Departments tab's REST calls: `/api/console/departments` (admins) for the departments themselves,
 * and the ticket settings routes for business hours (the one place calendars are stored and checked).
 */
import type { BusinessCalendar, DepartmentAdmin, DepartmentInput, DepartmentPatch, TicketSettings } from '@parley/protocol';
import { ConsoleRest } from '../console-rest.js';

const at = (id: string) => `/${encodeURIComponent(id)}`;

export class DepartmentsApi extends ConsoleRest {
  constructor(server: string, token: string, site = '', onUnauthorized: () => void = () => {}) {
    super(server, token, site, onUnauthorized, '/api/console/departments');
  }

  list(signal?: AbortSignal): Promise<DepartmentAdmin[]> {
    return this.call<{ departments: DepartmentAdmin[] }>('GET', '', {}, undefined, signal).then((r) => r.departments);
  }
  create(input: DepartmentInput): Promise<DepartmentAdmin> {
    return this.call<{ department: DepartmentAdmin }>('POST', '', {}, input).then((r) => r.department);
  }
  update(id: string, patch: DepartmentPatch): Promise<DepartmentAdmin> {
    return this.call<{ department: DepartmentAdmin }>('PATCH', at(id), {}, patch).then((r) => r.department);
  }
  order(ids: string[]): Promise<DepartmentAdmin[]> {
    return this.call<{ departments: DepartmentAdmin[] }>('PUT', '/order', {}, { ids }).then((r) => r.departments);
  }
  async remove(id: string): Promise<void> {
    await this.request('DELETE', at(id));
  }
}

/** Business hours through the ticket settings routes (GET /settings, PUT /calendars/:id). */
export class CalendarsApi extends ConsoleRest {
  constructor(server: string, token: string, site = '', onUnauthorized: () => void = () => {}) {
    super(server, token, site, onUnauthorized, '/api/console/tickets');
  }
  async calendar(departmentId: string, signal?: AbortSignal): Promise<BusinessCalendar | null> {
    const { settings } = await this.call<{ settings: TicketSettings }>('GET', '/settings', {}, undefined, signal);
    return settings.calendars.find((c) => c.departmentId === departmentId)?.calendar ?? null;
  }
  /** `null`: open around the clock. */
  save(departmentId: string, calendar: BusinessCalendar | null): Promise<BusinessCalendar | null> {
    return this.call<{ calendar: BusinessCalendar | null }>('PUT', `/calendars${at(departmentId)}`, {}, calendar).then((r) => r.calendar);
  }
}
