/** Registers Settings → Account (`<parley-console-account>`); fetched the first time its tab opens (settings-tabs.ts). */
import { define } from '../../internal/define.js';
import { ParleyConsoleAccount } from './console-account.component.js';

export { ParleyConsoleAccount };

define('parley-console-account', ParleyConsoleAccount);

declare global {
  interface HTMLElementTagNameMap {
    'parley-console-account': ParleyConsoleAccount;
  }
}
