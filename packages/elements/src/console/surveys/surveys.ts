/**
 * Registers the console's Surveys view (employee surveys; customer survey settings and answers). `<parley-console>` imports this module the first
 * time a supervisor or admin opens Surveys, so its code is fetched only by those who use it.
 */
import { define } from '../../internal/define.js';
import { ParleyConsoleSurveyEditor } from './survey-editor.component.js';
import { ParleyConsoleSurveys } from './console-surveys.component.js';
import { ParleyConsoleCustomerSurveys } from './customer-surveys.component.js';

export { ParleyConsoleSurveys };

define('parley-console-survey-editor', ParleyConsoleSurveyEditor);
define('parley-console-customer-surveys', ParleyConsoleCustomerSurveys);
define('parley-console-surveys', ParleyConsoleSurveys);

declare global {
  interface HTMLElementTagNameMap {
    'parley-console-surveys': ParleyConsoleSurveys;
    'parley-console-survey-editor': ParleyConsoleSurveyEditor;
    'parley-console-customer-surveys': ParleyConsoleCustomerSurveys;
  }
}
