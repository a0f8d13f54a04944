/**
 * Registers the People tab of the console's Settings; settings-tabs.ts imports this module the first
 * time an admin opens the tab.
 */
import { define } from '../../internal/define.js';
import { ParleyConsolePeople } from './console-people.component.js';

export { ParleyConsolePeople };

define('parley-console-people', ParleyConsolePeople);

declare global {
  interface HTMLElementTagNameMap {
    'parley-console-people': ParleyConsolePeople;
  }
}
