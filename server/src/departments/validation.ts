/** What a department may be given: at least one name (en filled from the others), a routing mode, a place. */
import { z } from 'zod';
import type { LocalizedText } from '@parley/protocol';
import { text } from '@parley/protocol/schemas';

export const DEPARTMENT_NAME_CHARS = 80;

const name = (l: string) =>
  text()
    .max(DEPARTMENT_NAME_CHARS, `name (${l}) is longer than ${DEPARTMENT_NAME_CHARS} characters`)
    .transform((s) => s.trim())
    .optional();

/**
 * Names per locale; blanks are dropped and at least one must remain. `en` is what every list falls back
 * to, so when it is left out it takes the Chinese name given.
 */
const names = z
  .object({ en: name('en'), 'zh-CN': name('zh-CN'), 'zh-TW': name('zh-TW') })
  .strict()
  .transform((o, ctx): LocalizedText => {
    const given = Object.fromEntries(Object.entries(o).filter(([, v]) => v)) as Partial<LocalizedText>;
    const en = given.en ?? given['zh-CN'] ?? given['zh-TW'];
    if (!en) {
      ctx.addIssue({ code: 'custom', message: 'give the department a name in at least one language' });
      return z.NEVER;
    }
    return { ...given, en };
  });

const routing = z.enum(['manual', 'auto'], 'routing must be manual or auto');
const position = z.number().int('position must be a whole number').min(0, 'position must be 0 or more').max(10_000, 'position must be at most 10000');

export const departmentInputSchema = z.object({ names, routing: routing.optional(), position: position.optional() }).strict();

export const departmentPatchSchema = z
  .object({ names, routing, position })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'nothing to change');

export const departmentOrderSchema = z.object({ ids: z.array(z.string().uuid('ids must be department ids')).min(1, 'ids is empty').max(500, 'at most 500 departments') }).strict();
