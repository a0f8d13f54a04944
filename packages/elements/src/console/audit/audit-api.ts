/** The console's audit log API (`/api/console/audit`, admins only): filtered pages and the CSV. */
import type { AuditPage, Locale } from '@parley/protocol';
import { ConsoleRest } from '../console-rest.js';

export interface AuditFilters {
  /** Dotted verb or its start, e.g. `webhook.` */
  action?: string;
  targetType?: string;
  /** ISO instants: the start of the first day shown and the end of the last (exclusive). */
  from?: string;
  to?: string;
  /** Text in the action, target, who, or the changed values. */
  q?: string;
}

export class AuditApi extends ConsoleRest {
  constructor(server: string, token: string, site = '', onUnauthorized: () => void = () => {}) {
    super(server, token, site, onUnauthorized, '/api/console/audit');
  }

  page(filters: AuditFilters, opts: { cursor?: string; limit: number }, signal?: AbortSignal): Promise<AuditPage> {
    return this.call<AuditPage>('GET', '', { ...filters, cursor: opts.cursor, limit: String(opts.limit) }, undefined, signal);
  }

  /** Every matching entry as CSV, with headers in `locale`. */
  csv(filters: AuditFilters, locale: Locale): Promise<{ blob: Blob; name: string }> {
    return this.download('', { ...filters, format: 'csv', locale }, 'parley-audit.csv');
  }
}
