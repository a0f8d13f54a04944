/** Bundle entry: defines <parley-chat>. Import this file (or dist/elements/chat.js) to use the element. */
import { define } from '../internal/define.js';
import { ParleyChat } from './chat.component.js';

export { ParleyChat };
export type { ParleyMessageSentDetail } from './chat.component.js';

define('parley-chat', ParleyChat);

declare global {
  interface HTMLElementTagNameMap {
    'parley-chat': ParleyChat;
  }
}
