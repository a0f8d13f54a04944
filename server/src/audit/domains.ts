/**
 * What each domain's audit entries hold, kept here so the domains' own files change by a line per
 * action. Each call runs in the transaction of the change it describes.
 */
import type { Executor } from '../db/client.js';
import type { announcements } from '../announcements/schema.js';
import { auditChange, auditEvent } from './wiring.js';

interface Who {
  id: string;
}

type AnnouncementRow = typeof announcements.$inferSelect;

/** What an auditor recognises an announcement by and what it said, without the bodies' full text when only the act matters. */
function announcementFacts(r: AnnouncementRow) {
  return {
    titles: Object.fromEntries(r.versions.map((v) => [v.locale, v.title])),
    priority: r.priority,
    ackRequired: r.ackRequired,
    audienceKind: r.audienceKind,
    departmentIds: r.departmentIds,
    employees: r.employees,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    state: r.state,
  };
}

export async function auditAnnouncement(tx: Executor, s: Who, row: AnnouncementRow, action: string, at: Date): Promise<void> {
  await auditEvent(tx, { siteId: row.siteId, actorId: s.id, at }, action, { type: 'announcement', id: row.id }, { after: announcementFacts(row) });
}

/** An edit: the changed fields, with the full versions (bodies included) when the text changed. */
export async function auditAnnouncementEdit(tx: Executor, s: Who, before: AnnouncementRow, after: AnnouncementRow, at: Date): Promise<void> {
  const fields = (r: AnnouncementRow) => ({ ...announcementFacts(r), versions: r.versions });
  await auditChange(tx, { siteId: after.siteId, actorId: s.id, at }, 'announcement.edited', { type: 'announcement', id: after.id }, fields(before), fields(after));
}
