/**
 * Bundle entry: defines <parley-messenger> (and <parley-chat>, which it contains). parley.js loads this
 * file on first open; <parley-faq> follows on first use of the Help tab, <parley-feedback> on first use
 * of the Feedback tab.
 */
import { define } from '../internal/define.js';
import { ParleyMessenger } from './messenger.component.js';

export { ParleyMessenger };
export type { MessengerTab } from './messenger.component.js';

define('parley-messenger', ParleyMessenger);

declare global {
  interface HTMLElementTagNameMap {
    'parley-messenger': ParleyMessenger;
  }
}
