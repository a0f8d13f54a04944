/** The console's retention API (`/api/console/retention`, admins only): settings, the dry run, changes. */
import type { RetentionPreview, RetentionSettingsView } from '@parley/protocol';
import { ConsoleRest } from '../console-rest.js';

export interface RetentionPatch {
  chatMonths?: number;
  ticketMonths?: number;
  enabled?: boolean;
  /** The dry run's token: switching on (or shortening a period while on) needs it. */
  previewToken?: string;
}

export class RetentionApi extends ConsoleRest {
  constructor(server: string, token: string, site = '', onUnauthorized: () => void = () => {}) {
    super(server, token, site, onUnauthorized, '/api/console/retention');
  }

  get(signal?: AbortSignal): Promise<RetentionSettingsView> {
    return this.call<RetentionSettingsView>('GET', '', {}, undefined, signal);
  }

  /** What a run now would delete, for these periods (the saved ones when left out). */
  preview(periods: { chatMonths?: number; ticketMonths?: number } = {}): Promise<RetentionPreview> {
    return this.call<RetentionPreview>('GET', '/preview', { chatMonths: periods.chatMonths?.toString(), ticketMonths: periods.ticketMonths?.toString() });
  }

  update(patch: RetentionPatch): Promise<RetentionSettingsView> {
    return this.call<RetentionSettingsView>('PUT', '', {}, patch);
  }
}
