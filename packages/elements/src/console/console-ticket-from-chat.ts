/**
 * Registers the conversation view's "Create ticket" dialog. The conversation imports this module the
 * first time an agent presses Create ticket, so the dialog's code is fetched only by those who use it.
 */
import { define } from '../internal/define.js';
import { ParleyConsoleTicketFromChat } from './console-ticket-from-chat.component.js';

export { ParleyConsoleTicketFromChat };

define('parley-console-ticket-from-chat', ParleyConsoleTicketFromChat);

declare global {
  interface HTMLElementTagNameMap {
    'parley-console-ticket-from-chat': ParleyConsoleTicketFromChat;
  }
}
