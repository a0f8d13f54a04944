/** Registers the Settings view's Retention tab; settings-tabs.ts imports this module when the tab first opens. */
import { define } from '../../internal/define.js';
import { ParleyConsoleRetention } from './console-retention.component.js';

export { ParleyConsoleRetention };

define('parley-console-retention', ParleyConsoleRetention);

declare global {
  interface HTMLElementTagNameMap {
    'parley-console-retention': ParleyConsoleRetention;
  }
}
