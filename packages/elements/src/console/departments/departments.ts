/**
 * Registers the Departments tab of the console's Settings (admins). Settings imports this module the
 * first time the tab opens (settings/settings-tabs.ts).
 */
import { define } from '../../internal/define.js';
import { ParleyConsoleDepartmentHours } from './department-hours.component.js';
import { ParleyConsoleDepartments } from './console-departments.component.js';

export { ParleyConsoleDepartments };

define('parley-console-department-hours', ParleyConsoleDepartmentHours);
define('parley-console-departments', ParleyConsoleDepartments);

declare global {
  interface HTMLElementTagNameMap {
    'parley-console-departments': ParleyConsoleDepartments;
    'parley-console-department-hours': ParleyConsoleDepartmentHours;
  }
}
