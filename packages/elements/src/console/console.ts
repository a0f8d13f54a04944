/**
 * Registers `<parley-console>` (and the conversation view it renders). Import this module, or load
 * the built `/elements/console.js`, to use the element; import `console.component.js` for the class
 * alone without registering anything.
 */
import { define } from '../internal/define.js';
import { ParleyConsoleConversation } from './console-conversation.component.js';
import { ParleyConsole } from './console.component.js';

export { ParleyConsole, ParleyConsoleConversation };
export type { ConsoleSignInDetail, ConsoleSignOutDetail } from './console.component.js';

define('parley-console-conversation', ParleyConsoleConversation);
define('parley-console', ParleyConsole);

declare global {
  interface HTMLElementTagNameMap {
    'parley-console': ParleyConsole;
    'parley-console-conversation': ParleyConsoleConversation;
  }
}
