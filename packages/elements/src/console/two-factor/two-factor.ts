/**
 * Registers `<parley-two-factor-enrol>`; the console imports this module only when someone must enrol
 * (or opens Settings → Account), so people who never enrol never download it.
 */
import { define } from '../../internal/define.js';
import { ParleyTwoFactorEnrol } from './two-factor-enrol.component.js';

export { ParleyTwoFactorEnrol };

define('parley-two-factor-enrol', ParleyTwoFactorEnrol);

declare global {
  interface HTMLElementTagNameMap {
    'parley-two-factor-enrol': ParleyTwoFactorEnrol;
  }
}
