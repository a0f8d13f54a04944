/** Bundle entry: defines <parley-faq>. Import this file (or dist/elements/faq.js) to use the element. */
import { define } from '../internal/define.js';
import { ParleyFaq } from './faq.component.js';

export { ParleyFaq };
export type { ParleyChatRequestDetail } from './faq.component.js';

define('parley-faq', ParleyFaq);

declare global {
  interface HTMLElementTagNameMap {
    'parley-faq': ParleyFaq;
  }
}
