/**
 * Registers the console's Settings view; `<parley-console>` imports this module the first time
 * Settings opens. Each tab's element is fetched when its tab first opens (settings-tabs.ts).
 */
import { define } from '../../internal/define.js';
import { ParleyConsoleSettings } from './console-settings.component.js';

export { ParleyConsoleSettings };

define('parley-console-settings', ParleyConsoleSettings);

declare global {
  interface HTMLElementTagNameMap {
    'parley-console-settings': ParleyConsoleSettings;
  }
}
