import { fileTypeFromBuffer } from 'file-type';
import { ALLOWED_TYPES } from './limits.js';

/** Animated PNG is PNG to every browser; one type keeps the allowlist and the previews simple. */
const ALIASES: Readonly<Record<string, { type: string; ext: string }>> = { 'image/apng': { type: 'image/png', ext: 'png' } };

/** The type found in the bytes (magic numbers via the maintained `file-type` package), or null if not one we accept. */
export async function sniffType(bytes: Uint8Array): Promise<{ type: string; ext: string } | null> {
  if (bytes.byteLength === 0) return null;
  let found: { mime: string; ext: string } | undefined;
  try {
    found = await fileTypeFromBuffer(bytes);
  } catch {
    // A truncated or hostile container can make a detector throw; it is simply not a file we take.
    return null;
  }
  if (!found) return null;
  const alias = ALIASES[found.mime];
  if (alias) return { ...alias };
  return ALLOWED_TYPES.includes(found.mime) ? { type: found.mime, ext: found.ext } : null;
}
