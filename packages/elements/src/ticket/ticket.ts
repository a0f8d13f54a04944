/** Bundle entry: defines <parley-ticket>. Import this file (or dist/elements/ticket.js) to use the element. */
import { define } from '../internal/define.js';
import { ParleyTicket } from './ticket.component.js';

export { ParleyTicket };

define('parley-ticket', ParleyTicket);

declare global {
  interface HTMLElementTagNameMap {
    'parley-ticket': ParleyTicket;
  }
}
