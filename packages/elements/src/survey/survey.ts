/** Bundle entry: defines <parley-survey>. Import this file (or dist/elements/survey.js) to use the element. */
import { define } from '../internal/define.js';
import { ParleySurvey } from './survey.component.js';

export { ParleySurvey };
export type { ParleySurveyAnsweredDetail, ParleySurveySkippedDetail } from './survey.component.js';
export type { ParleyEmployeeSurveyAnsweredDetail } from './survey.employee.component.js';

define('parley-survey', ParleySurvey);

declare global {
  interface HTMLElementTagNameMap {
    'parley-survey': ParleySurvey;
  }
}
