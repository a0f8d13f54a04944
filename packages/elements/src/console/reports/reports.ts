/**
 * Registers the console's Reports view. `<parley-console>` imports this module the first time a
 * supervisor or admin opens Reports, so the view and its charting library are fetched only then.
 */
import { define } from '../../internal/define.js';
import { ParleyConsoleReports } from './console-reports.component.js';
import { ParleyReportChart } from './report-chart.component.js';

export { ParleyConsoleReports };

define('parley-report-chart', ParleyReportChart);
define('parley-console-reports', ParleyConsoleReports);

declare global {
  interface HTMLElementTagNameMap {
    'parley-console-reports': ParleyConsoleReports;
    'parley-report-chart': ParleyReportChart;
  }
}
