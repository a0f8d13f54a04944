/** The console's announcements API (`/api/console/announcements`): drafts, publishing, withdrawing, previews and receipts. */
import type { Announcement, AnnouncementInput, AnnouncementPreview, AnnouncementReceipts, AnnouncementRemindResult, Locale } from '@parley/protocol';
import { ConsoleRest } from '../console-rest.js';

const at = (id: string) => `/${encodeURIComponent(id)}`;

export class AnnouncementsApi extends ConsoleRest {
  constructor(server: string, token: string, site = '', onUnauthorized: () => void = () => {}) {
    super(server, token, site, onUnauthorized, '/api/console/announcements');
  }

  list(signal?: AbortSignal): Promise<Announcement[]> {
    return this.call<{ announcements: Announcement[] }>('GET', '', {}, undefined, signal).then((r) => r.announcements);
  }

  get(id: string, signal?: AbortSignal): Promise<Announcement> {
    return this.call<{ announcement: Announcement }>('GET', at(id), {}, undefined, signal).then((r) => r.announcement);
  }

  create(input: AnnouncementInput): Promise<Announcement> {
    return this.call<{ announcement: Announcement }>('POST', '', {}, input).then((r) => r.announcement);
  }

  update(id: string, input: AnnouncementInput): Promise<Announcement> {
    return this.call<{ announcement: Announcement }>('PUT', at(id), {}, input).then((r) => r.announcement);
  }

  /** Drafts only; answers 204. */
  async remove(id: string): Promise<void> {
    await this.request('DELETE', at(id));
  }

  /** Live at once, or scheduled when its start is ahead. */
  publish(id: string): Promise<Announcement> {
    return this.call<{ announcement: Announcement }>('POST', `${at(id)}/publish`, {}, {}).then((r) => r.announcement);
  }

  withdraw(id: string): Promise<Announcement> {
    return this.call<{ announcement: Announcement }>('POST', `${at(id)}/withdraw`, {}, {}).then((r) => r.announcement);
  }

  /** What an employee of `departmentId` (anyone, without it) reading in `locale` would see of `input`, saved or not. */
  preview(input: AnnouncementInput, locale: Locale, departmentId: string, signal?: AbortSignal): Promise<AnnouncementPreview> {
    return this.call<{ preview: AnnouncementPreview }>('POST', '/preview', { locale, departmentId }, input, signal).then((r) => r.preview);
  }

  receipts(id: string, signal?: AbortSignal): Promise<AnnouncementReceipts> {
    return this.call<{ receipts: AnnouncementReceipts }>('GET', `${at(id)}/receipts`, {}, undefined, signal).then((r) => r.receipts);
  }

  /** Pushes the announcement again to those who have not acknowledged (of one department, with `departmentId`). */
  remind(id: string, departmentId?: string): Promise<AnnouncementRemindResult> {
    return this.call<AnnouncementRemindResult>('POST', `${at(id)}/remind`, {}, departmentId ? { departmentId } : {});
  }

  receiptsCsv(id: string): Promise<{ blob: Blob; name: string }> {
    return this.download(`${at(id)}/receipts.csv`, {}, `announcement-${id}-receipts.csv`);
  }
}
