/**
 * Attachments chosen for a reply, checked in the browser before anything is sent, with the same rules
 * as the server (server/src/files/limits.ts): at most 5, 10 MiB each, images or PDF judged by their
 * first bytes rather than the name. The server checks again; this only spares a slow upload that would
 * be refused, and says which file is wrong in the reader's language.
 */
export const FILE_RULES = { max: 5, maxBytes: 10 * 1024 * 1024 } as const;

/** What the file input offers; the bytes decide (a renamed file is caught by sniffing). */
export const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,application/pdf,.png,.jpg,.jpeg,.gif,.webp,.pdf';

export type FileProblem = { kind: 'too_many'; max: number } | { kind: 'too_large' | 'wrong_type' | 'empty'; name: string };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((v, i) => b[at + i] === v);
const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/** The type a file's first bytes show, or null when it is none of the accepted kinds. */
export function sniff(head: Uint8Array): string | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

/**
 * Adds `picked` to `chosen`: each acceptable file is kept (a file already chosen is not added twice),
 * each other one yields a problem naming it. Never throws for a file it cannot read: that is a problem too.
 */
export async function addFiles(chosen: readonly File[], picked: readonly File[]): Promise<{ files: File[]; problems: FileProblem[] }> {
  const files = [...chosen];
  const problems: FileProblem[] = [];
  for (const file of picked) {
    if (files.some((f) => f.name === file.name && f.size === file.size && f.lastModified === file.lastModified)) continue;
    if (files.length >= FILE_RULES.max) {
      problems.push({ kind: 'too_many', max: FILE_RULES.max });
      break;
    }
    if (file.size === 0) {
      problems.push({ kind: 'empty', name: file.name });
      continue;
    }
    if (file.size > FILE_RULES.maxBytes) {
      problems.push({ kind: 'too_large', name: file.name });
      continue;
    }
    let head: Uint8Array;
    try {
      head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    } catch {
      problems.push({ kind: 'wrong_type', name: file.name });
      continue;
    }
    if (!sniff(head)) {
      problems.push({ kind: 'wrong_type', name: file.name });
      continue;
    }
    files.push(file);
  }
  return { files, problems };
}
