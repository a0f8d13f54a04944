/** The console's report API (`/api/console/reports`): the report, its CSV tables, the monthly reports. */
import type { MonthlyReportSummary, ReportRequest, ReportResponse, ReportSectionName } from '@parley/protocol';
import { ConsoleRest, type Params } from '../console-rest.js';

/** A request as query parameters: lists comma-separated, booleans as true/false, absent when unset. */
export function requestParams(req: ReportRequest): Params {
  return {
    from: req.from,
    to: req.to,
    granularity: req.granularity,
    timeZone: req.timeZone,
    departmentId: req.departmentId,
    agentId: req.agentId,
    channel: req.channel,
    compare: req.compare === undefined ? undefined : String(req.compare),
    sections: req.sections?.join(','),
    chatTargetSeconds: req.chatTargetSeconds === undefined ? undefined : String(req.chatTargetSeconds),
  };
}

export class ReportsApi extends ConsoleRest {
  constructor(server: string, token: string, site = '', onUnauthorized: () => void = () => {}) {
    super(server, token, site, onUnauthorized, '/api/console/reports');
  }

  report(req: ReportRequest, signal?: AbortSignal): Promise<ReportResponse> {
    return this.call<ReportResponse>('GET', '', requestParams(req), undefined, signal);
  }

  /** One section's tables as CSV (UTF-8 with a BOM, so Excel reads Chinese). */
  csv(req: ReportRequest, section: ReportSectionName): Promise<{ blob: Blob; name: string }> {
    return this.download('', { ...requestParams(req), format: 'csv', section }, `parley-${section}-${req.from}-${req.to}.csv`);
  }

  monthly(signal?: AbortSignal): Promise<MonthlyReportSummary[]> {
    return this.call<{ reports: MonthlyReportSummary[] }>('GET', '/monthly', {}, undefined, signal).then((r) => r.reports);
  }

  /** A stored monthly report, as CSV or as its printable page. */
  monthlyFile(id: string, format: 'csv' | 'html'): Promise<{ blob: Blob; name: string }> {
    return this.download(`/monthly/${encodeURIComponent(id)}`, { format }, `parley-monthly-${id}.${format}`);
  }
}
