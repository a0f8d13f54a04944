/**
 * Bundle entry: defines <parley-feedback>. Import this file to use the element; the messenger imports
 * it on first use of its Feedback tab.
 */
import { define } from '../internal/define.js';
import { ParleyFeedback } from './feedback.component.js';

export { ParleyFeedback };
export type { ParleyTicketCreatedDetail } from './feedback.component.js';

define('parley-feedback', ParleyFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'parley-feedback': ParleyFeedback;
  }
}
