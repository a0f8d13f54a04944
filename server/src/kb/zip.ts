/**
 * The knowledge base as a folder of markdown files, zipped: `<category>/<group>.<locale>.md` with a
 * small front matter (title, group, locale, category, status, keywords), plus `categories.json` for the
 * categories' names and order. Reading is lenient so that a company can zip the FAQ folder it already
 * has: every front-matter field is optional (see `unpackZip`).
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { KbExport, Locale } from '@parley/protocol';
import { SUPPORTED_LOCALES } from '@parley/protocol';
import { AppError } from '../lib/errors.js';

export const UNCATEGORIZED = '_uncategorized';
const CATEGORIES_FILE = 'categories.json';
const MAX_FILES = 10_001;
const MAX_FILE_BYTES = 512 * 1024;
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;

// JSON strings are valid YAML scalars, so the front matter stays YAML for other tools.
const q = (s: string) => JSON.stringify(s);

export function packZip(data: KbExport): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  files[CATEGORIES_FILE] = strToU8(`${JSON.stringify({ format: data.format, version: data.version, exportedAt: data.exportedAt, categories: data.categories }, null, 2)}\n`);
  for (const a of data.articles) {
    const front = ['---', `title: ${q(a.title)}`, `group: ${q(a.group)}`, `locale: ${a.locale}`, `category: ${a.category ? q(a.category) : 'null'}`, `status: ${a.status}`, `keywords: ${JSON.stringify(a.keywords)}`, '---', ''];
    files[`${a.category ?? UNCATEGORIZED}/${a.group}.${a.locale}.md`] = strToU8(`${front.join('\n')}\n${a.body}`);
  }
  return zipSync(files, { level: 6 });
}

export interface Unpacked {
  /** KbExport-shaped but unvalidated: the caller runs the same schema as for JSON. */
  data: unknown;
  /** For error messages: the file each article came from. */
  labels: string[];
  /** Folder names used as categories that categories.json does not describe: slug -> display name. */
  implicitCategories: Map<string, string>;
}

function parseFrontMatter(text: string): { fields: Map<string, unknown>; body: string } {
  const fields = new Map<string, unknown>();
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { fields, body: text.replace(/^\uFEFF/, '') };
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv) continue;
    const raw = kv[2]!.trim();
    let value: unknown = raw;
    if (raw === 'null' || raw === '~' || raw === '') value = null;
    else if (raw.startsWith('"') || raw.startsWith('[')) {
      try {
        value = JSON.parse(raw);
      } catch {
        value = raw;
      }
    } else if (raw.startsWith("'") && raw.endsWith("'") && raw.length >= 2) value = raw.slice(1, -1).replace(/''/g, "'");
    fields.set(kv[1]!.toLowerCase(), value);
  }
  return { fields, body: text.slice(m[0].length) };
}

/** "Billing & Payments" -> "billing-payments"; names without Latin letters or digits give "". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

const LOCALE_SUFFIX = new RegExp(`\\.(${SUPPORTED_LOCALES.map((l) => l.replace('-', '\\-')).join('|')})$`, 'i');

export function unpackZip(bytes: Uint8Array): Unpacked {
  let files: Record<string, Uint8Array>;
  let count = 0;
  let total = 0;
  try {
    files = unzipSync(bytes, {
      // Declared sizes bound what fflate allocates, so checking them here is enough against zip bombs.
      filter: (f) => {
        if (f.name.endsWith('/') || /(^|\/)(__MACOSX|\.)/.test(f.name)) return false;
        if (!f.name.endsWith('.md') && f.name.split('/').pop() !== CATEGORIES_FILE) return false;
        if (++count > MAX_FILES) throw new AppError('too_large', `the zip holds more than ${MAX_FILES - 1} markdown files`);
        if (f.originalSize > MAX_FILE_BYTES) throw new AppError('too_large', `${f.name} is larger than ${MAX_FILE_BYTES / 1024} KiB`);
        total += f.originalSize;
        if (total > MAX_TOTAL_BYTES) throw new AppError('too_large', `the zip unpacks to more than ${MAX_TOTAL_BYTES / 1024 / 1024} MiB`);
        return true;
      },
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('invalid', 'the upload is not a readable zip file');
  }
  const decode = (name: string) => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(files[name]);
    } catch {
      throw new AppError('invalid', `${name} is not UTF-8 text`);
    }
  };
  const names = Object.keys(files).sort();
  const catFile = names.find((n) => n === CATEGORIES_FILE) ?? names.find((n) => n.endsWith(`/${CATEGORIES_FILE}`));
  let meta: Record<string, unknown> = {};
  if (catFile) {
    try {
      meta = JSON.parse(decode(catFile)) as Record<string, unknown>;
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('invalid', `${catFile} is not valid JSON`);
    }
    if (Array.isArray(meta)) meta = { categories: meta };
  }
  const categories = Array.isArray(meta.categories) ? (meta.categories as Array<{ slug?: unknown }>) : [];
  const described = new Set(categories.map((c) => c?.slug));
  const implicitCategories = new Map<string, string>();
  const labels: string[] = [];
  const articles = names
    .filter((n) => n.endsWith('.md'))
    .map((name) => {
      const { fields, body: rawBody } = parseFrontMatter(decode(name));
      const parts = name.split('/');
      const stem = parts[parts.length - 1]!.replace(/\.md$/, '');
      const folder = parts.length > 1 ? parts[parts.length - 2]! : null;
      const localeFromName = LOCALE_SUFFIX.exec(stem);
      let body = rawBody;
      let title = fields.get('title');
      if (title === undefined || title === null) {
        // A plain markdown file: its first heading is its title.
        const h = /^\s*#\s+(.+?)\s*#*\s*(?:\r?\n|$)/.exec(body);
        if (h) {
          title = h[1];
          body = body.slice(h[0].length);
        } else title = stem.replace(LOCALE_SUFFIX, '');
      }
      let category: unknown = fields.has('category') ? fields.get('category') : undefined;
      if (category === undefined) {
        const slug = folder && folder !== UNCATEGORIZED ? slugify(folder) : '';
        category = slug || null;
        if (slug && !described.has(slug) && !implicitCategories.has(slug)) implicitCategories.set(slug, folder!);
      }
      const keywordsRaw = fields.get('keywords');
      const keywords = Array.isArray(keywordsRaw)
        ? keywordsRaw
        : typeof keywordsRaw === 'string'
          ? keywordsRaw
              .split(',')
              .map((k) => k.trim())
              .filter(Boolean)
          : [];
      labels.push(name);
      return {
        group: fields.get('group') ?? stem.replace(LOCALE_SUFFIX, ''),
        locale: fields.get('locale') ?? (localeFromName ? canonicalLocale(localeFromName[1]!) : 'en'),
        title,
        body: body.replace(/^\s*\n/, ''),
        category,
        keywords,
        status: fields.get('status') ?? 'published',
      };
    });
  if (articles.length === 0) throw new AppError('invalid', 'the zip holds no markdown (.md) files');
  return {
    data: { format: meta.format ?? 'parley-kb', version: meta.version ?? 1, exportedAt: typeof meta.exportedAt === 'string' ? meta.exportedAt : new Date(0).toISOString(), categories, articles },
    labels,
    implicitCategories,
  };
}

function canonicalLocale(s: string): Locale {
  return SUPPORTED_LOCALES.find((l) => l.toLowerCase() === s.toLowerCase()) ?? 'en';
}
