/** Registers the Settings view's Audit log tab; settings-tabs.ts imports this module when the tab first opens. */
import { define } from '../../internal/define.js';
import { ParleyConsoleAudit } from './console-audit.component.js';

export { ParleyConsoleAudit };

define('parley-console-audit', ParleyConsoleAudit);

declare global {
  interface HTMLElementTagNameMap {
    'parley-console-audit': ParleyConsoleAudit;
  }
}
