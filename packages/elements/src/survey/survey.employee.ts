/**
 * The employee mode of <parley-survey>, loaded by it on demand (a dynamic import): a CSAT survey opened
 * from an email link never downloads it. Defines the internal <parley-survey-employee>.
 */
import { define } from '../internal/define.js';
import { ParleySurveyEmployee } from './survey.employee.component.js';

export { ParleySurveyEmployee };
export type { ParleyEmployeeSurveyAnsweredDetail } from './survey.employee.component.js';

define('parley-survey-employee', ParleySurveyEmployee);

declare global {
  interface HTMLElementTagNameMap {
    'parley-survey-employee': ParleySurveyEmployee;
  }
}
