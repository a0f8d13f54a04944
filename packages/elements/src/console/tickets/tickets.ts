/**
 * Registers the console's Tickets view and its parts. `<parley-console>` imports this module the first
 * time the agent opens Tickets, so the view's code is fetched only by those who use it.
 */
import { define } from '../../internal/define.js';
import { ParleyConsoleTicket } from './console-ticket.component.js';
import { ParleyConsoleTicketCannedPicker } from './console-ticket-canned-picker.component.js';
import { ParleyConsoleTicketComposer } from './console-ticket-composer.component.js';
import { ParleyConsoleTickets } from './console-tickets.component.js';
import { ParleyConsoleTicketsCanned } from './console-tickets-canned.component.js';
import { ParleyConsoleTicketsList } from './console-tickets-list.component.js';
import { ParleyConsoleTicketsMail } from './console-tickets-mail.component.js';

export { ParleyConsoleTickets };

define('parley-console-tickets-list', ParleyConsoleTicketsList);
define('parley-console-ticket-canned-picker', ParleyConsoleTicketCannedPicker);
define('parley-console-ticket-composer', ParleyConsoleTicketComposer);
define('parley-console-ticket', ParleyConsoleTicket);
define('parley-console-tickets-mail', ParleyConsoleTicketsMail);
define('parley-console-tickets-canned', ParleyConsoleTicketsCanned);
define('parley-console-tickets', ParleyConsoleTickets);

declare global {
  interface HTMLElementTagNameMap {
    'parley-console-tickets': ParleyConsoleTickets;
    'parley-console-tickets-list': ParleyConsoleTicketsList;
    'parley-console-ticket': ParleyConsoleTicket;
    'parley-console-ticket-composer': ParleyConsoleTicketComposer;
    'parley-console-tickets-mail': ParleyConsoleTicketsMail;
    'parley-console-tickets-canned': ParleyConsoleTicketsCanned;
    'parley-console-ticket-canned-picker': ParleyConsoleTicketCannedPicker;
  }
}
