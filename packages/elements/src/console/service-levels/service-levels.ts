/**
 * Registers the Service levels tab of the console's Settings (admins edit, supervisors read). Settings
 * imports this module the first time the tab opens (settings/settings-tabs.ts).
 */
import { define } from '../../internal/define.js';
import { ParleyConsoleServiceLevels } from './console-service-levels.component.js';

export { ParleyConsoleServiceLevels };

define('parley-console-service-levels', ParleyConsoleServiceLevels);

declare global {
  interface HTMLElementTagNameMap {
    'parley-console-service-levels': ParleyConsoleServiceLevels;
  }
}
