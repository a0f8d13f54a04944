/** Registers the Settings view's Contacts tab; settings-tabs.ts imports this module when the tab first opens. */
import { define } from '../../internal/define.js';
import { ParleyConsoleContacts } from './console-contacts.component.js';

export { ParleyConsoleContacts };

define('parley-console-contacts', ParleyConsoleContacts);

declare global {
  interface HTMLElementTagNameMap {
    'parley-console-contacts': ParleyConsoleContacts;
  }
}
