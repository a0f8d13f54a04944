/**
 * What the form checks before anything is sent: required fields, the email's shape, and attachments
 * (count, size, type). The server checks all of it again (files by their bytes); these checks exist so
 * a person hears about a problem next to the field at once, with nothing uploaded.
 */
import type { FeedbackStrings } from './feedback.strings.js';

export type Field = 'category' | 'subject' | 'message' | 'name' | 'email' | 'files';
export type FieldErrors = Partial<Record<Field, string>>;

/** The server's limits (server/src/files/limits.ts, protocol's TICKET_LIMITS), repeated for the browser. */
export const LIMITS = { files: 5, fileBytes: 10 * 1024 * 1024, subject: 200, message: 10_000, name: 100, email: 254 } as const;

const TYPES: Readonly<Record<string, readonly string[]>> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
};
/** For the file picker's `accept`: a hint to the dialog, not a check. */
export const ACCEPT = [...Object.keys(TYPES), ...Object.values(TYPES).flat().map((e) => `.${e}`)].join(',');

export interface Draft {
  categoryId: string;
  subject: string;
  message: string;
  name: string;
  email: string;
  anonymous: boolean;
}

export const emptyDraft = (): Draft => ({ categoryId: '', subject: '', message: '', name: '', email: '', anonymous: false });

/** Loose on purpose: the server's check is the real one, and its refusal is shown next to the field too. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Errors by field for what is typed; `emailRequired` for customers (the team answers by email). */
export function checkDraft(d: Draft, s: FeedbackStrings, opts: { emailRequired: boolean; emailShown: boolean }): FieldErrors {
  const errors: FieldErrors = {};
  if (!d.categoryId) errors.category = s.needCategory;
  if (!d.subject.trim()) errors.subject = s.needSubject;
  if (!d.message.trim()) errors.message = s.needMessage;
  const email = d.email.trim();
  if (opts.emailShown) {
    if (!email && opts.emailRequired) errors.email = s.needEmail;
    else if (email && !EMAIL.test(email)) errors.email = s.badEmail;
  }
  return errors;
}

/** "2.5 MB" / "800 KB" in the reader's number format. */
export function formatSize(bytes: number, locale: string): string {
  const nf = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024 * 1024) return `${nf(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${nf(bytes / 1024 / 1024)} MB`;
}

function typeOk(f: File): boolean {
  if (f.type) return f.type in TYPES;
  // Some systems give no type for a known extension: judge by the name (the server judges by the bytes).
  const ext = f.name.toLowerCase().split('.').pop() ?? '';
  return Object.values(TYPES).some((exts) => exts.includes(ext));
}

const same = (a: File, b: File): boolean => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

/**
 * Adds `chosen` to `current`: each new file is checked (type, empty, size, then room left), and the
 * ones refused are named in `problems` in the reader's language. A file already attached is skipped.
 */
export function addFiles(current: readonly File[], chosen: readonly File[], s: FeedbackStrings, locale: string): { files: File[]; problems: string[] } {
  const files = [...current];
  const problems: string[] = [];
  for (const f of chosen) {
    if (files.some((g) => same(f, g))) continue;
    if (!typeOk(f)) problems.push(s.wrongType(f.name));
    else if (f.size === 0) problems.push(s.emptyFile(f.name));
    else if (f.size > LIMITS.fileBytes) problems.push(s.tooBig(f.name, formatSize(f.size, locale), formatSize(LIMITS.fileBytes, locale)));
    else if (files.length >= LIMITS.files) problems.push(s.tooMany(f.name, LIMITS.files));
    else files.push(f);
  }
  return { files, problems };
}
