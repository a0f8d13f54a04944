/**
 * Registers the Site tab of the console's Settings (admins). Settings imports this module the first
 * time the tab opens (settings/settings-tabs.ts).
 */
import { define } from '../../internal/define.js';
import { ParleyConsoleSiteSettings } from './console-site-settings.component.js';

export { ParleyConsoleSiteSettings };

define('parley-console-site-settings', ParleyConsoleSiteSettings);

declare global {
  interface HTMLElementTagNameMap {
    'parley-console-site-settings': ParleyConsoleSiteSettings;
  }
}
