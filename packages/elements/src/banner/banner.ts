/** Bundle entry: defines <parley-banner>. Import this file (or dist/elements/banner.js) to use the element. */
import { define } from '../internal/define.js';
import { ParleyBanner } from './banner.component.js';

export { ParleyBanner };
export type { ParleyBannerErrorDetail } from './banner.component.js';

define('parley-banner', ParleyBanner);

declare global {
  interface HTMLElementTagNameMap {
    'parley-banner': ParleyBanner;
  }
}
