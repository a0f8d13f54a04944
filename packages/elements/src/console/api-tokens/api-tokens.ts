/** Registers the Settings view's API tokens tab; settings-tabs.ts imports this module when the tab first opens. */
import { define } from '../../internal/define.js';
import { ParleyConsoleApiTokens } from './console-api-tokens.component.js';

export { ParleyConsoleApiTokens };

define('parley-console-api-tokens', ParleyConsoleApiTokens);

declare global {
  interface HTMLElementTagNameMap {
    'parley-console-api-tokens': ParleyConsoleApiTokens;
  }
}
