/**
 * Validators for the knowledge base's inbound payloads (see ./kb.ts). Server only, like ./schemas.
 * Every string goes through `text()`, which refuses what PostgreSQL cannot store.
 */
import { z } from 'zod';
import { SUPPORTED_LOCALES } from './constants.js';
import type { ArticleInput, CategoryInput, KbExport, VoteInput } from './kb.js';
import { text } from './schemas.js';

export const KB_LIMITS = {
  /** Markdown characters in one article body. */
  bodyChars: 20_000,
  titleChars: 200,
  keywords: 30,
  keywordChars: 60,
  voteCommentChars: 1000,
  slugChars: 64,
  categoryNameChars: 100,
  searchChars: 500,
  /** Articles and categories in one import. */
  importArticles: 10_000,
  importCategories: 500,
} as const;

const uuid = z.string().uuid('must be a UUID');
const locale = z.enum(SUPPORTED_LOCALES);
const status = z.enum(['draft', 'published']);
const nonBlank = (max: number, what: string) =>
  text()
    .max(max, `${what} is longer than ${max} characters`)
    .refine((s) => s.trim().length > 0, `${what} is empty`);

const title = nonBlank(KB_LIMITS.titleChars, 'title');
const body = text().max(KB_LIMITS.bodyChars, `the article is longer than ${KB_LIMITS.bodyChars.toLocaleString('en')} characters of markdown; split it into several articles`);
const keywords = z.array(nonBlank(KB_LIMITS.keywordChars, 'keyword')).max(KB_LIMITS.keywords, `at most ${KB_LIMITS.keywords} keywords`);
const slug = text()
  .max(KB_LIMITS.slugChars, `slug is longer than ${KB_LIMITS.slugChars} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be lower-case letters, digits and single hyphens, such as "orders-and-shipping"');
const localizedName = z
  .object({
    en: nonBlank(KB_LIMITS.categoryNameChars, 'name'),
    'zh-CN': nonBlank(KB_LIMITS.categoryNameChars, 'name').optional(),
    'zh-TW': nonBlank(KB_LIMITS.categoryNameChars, 'name').optional(),
  })
  .strict();
const position = z.number().int().min(0).max(1_000_000);

export const voteInputSchema = z
  .object({
    helpful: z.boolean(),
    comment: text().max(KB_LIMITS.voteCommentChars, `comment is longer than ${KB_LIMITS.voteCommentChars} characters`).optional(),
    visitorToken: text().min(16).max(200).optional(),
  })
  .strict();

export const articleInputSchema = z
  .object({
    groupId: uuid.optional(),
    locale,
    title,
    body,
    categoryId: uuid.nullable().optional(),
    keywords: keywords.optional(),
    status: status.optional(),
  })
  .strict();

/** PATCH /articles/:id: any subset; the locale and group of a version never change. */
export const articlePatchSchema = z
  .object({ title, body, categoryId: uuid.nullable(), keywords, status })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'nothing to change');

export const categoryInputSchema = z.object({ slug, names: localizedName, position: position.optional() }).strict();
export const categoryPatchSchema = z
  .object({ slug, names: localizedName, position })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'nothing to change');

export const previewSchema = z.object({ markdown: body }).strict();
export const resolveGapSchema = z.object({ articleId: uuid }).strict();

export const kbExportSchema = z
  .object({
    format: z.literal('parley-kb'),
    version: z.literal(1),
    exportedAt: text().max(64),
    categories: z
      .array(z.object({ slug, names: localizedName, position }).strict())
      .max(KB_LIMITS.importCategories, `at most ${KB_LIMITS.importCategories} categories in one import`),
    articles: z
      .array(
        z
          .object({
            group: nonBlank(100, 'group'),
            locale,
            title,
            body,
            category: slug.nullable(),
            keywords,
            status,
          })
          .strict(),
      )
      .max(KB_LIMITS.importArticles, `at most ${KB_LIMITS.importArticles} articles in one import`),
  })
  .strict();

// Compile-time agreement between the validators and the public types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const agree = <T extends true>(): T => true as T;
agree<Same<z.infer<typeof voteInputSchema>, VoteInput>>();
agree<Same<z.infer<typeof articleInputSchema>, ArticleInput>>();
agree<Same<z.infer<typeof categoryInputSchema>, CategoryInput>>();
agree<Same<z.infer<typeof kbExportSchema>, KbExport>>();
