/**
 * What an audit entry keeps of a change: only the fields that differ, before and after, with secrets
 * left out by name. Domains call `auditChanges(before, after)` with plain objects of the fields an
 * auditor would ask about and pass the result to recordAudit.
 */

/** Field names never written to the log, whatever a caller passes (matched case-insensitively, anywhere in the name). */
const SECRET_NAME = /secret|password|token|hash|recovery|totp/i;

const same = (a: unknown, b: unknown) => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));

/** Dates as ISO strings, undefined as null, object keys sorted: what JSON keeps, compared the same way. */
function normalise(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (v === undefined) return null;
  if (Array.isArray(v)) return v.map(normalise);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v as Record<string, unknown>)
        .sort()
        .map((k) => [k, normalise((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** The object without secret-named fields, values normalised for JSON. */
export function auditable(o: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!o) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (!SECRET_NAME.test(k)) out[k] = normalise(v);
  return out;
}

/**
 * The changed fields of `after` against `before` (keys of either), secrets left out; null when nothing
 * an auditor may see changed.
 */
export function auditChanges(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (SECRET_NAME.test(k) || same(before[k], after[k])) continue;
    b[k] = normalise(before[k]);
    a[k] = normalise(after[k]);
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}
