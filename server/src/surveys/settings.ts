/**
 * Survey settings per site, with defaults in code (like sla/policy.ts): the row keeps only what an
 * admin changed, so a default improved in a later version reaches every site that never touched it.
 */
import { auditChange } from '../audit/wiring.js';
import { eq } from 'drizzle-orm';
import type { Locale, LocalizedText, SurveyKind, SurveySettings, SurveySettingsPatch } from '@parley/protocol';
import { surveySettingsPatchSchema } from '@parley/protocol/schemas';
import type { Executor } from '../db/client.js';
import { AppError } from '../lib/errors.js';
import { parseInput } from '../lib/http.js';
import type { Staff } from '../tickets/access.js';
import { surveySettings } from './schema.js';

export const DEFAULT_SURVEY_SETTINGS: SurveySettings = {
  npsFrequencyDays: 90,
  // Off: a site decides to ask people who never asked to be asked.
  npsAfterDays: null,
  questions: {
    csat: {
      en: 'How satisfied are you with the help you received?',
      'zh-CN': '您对本次获得的帮助满意吗？',
      'zh-TW': '您對本次獲得的協助滿意嗎？',
    },
    nps: {
      en: 'How likely are you to recommend us to a friend or colleague?',
      'zh-CN': '您有多大可能向朋友或同事推荐我们？',
      'zh-TW': '您有多大可能向朋友或同事推薦我們？',
    },
  },
};

/** How long an invitation can be answered: a chat is fresh for a week; NPS is not about one event. */
export const INVITATION_DAYS: Record<SurveyKind, number> = { csat: 7, nps: 30 };
/** An answer can be changed for this long after the first one, then it is final (the report's numbers settle). */
export const CHANGE_WINDOW_MS = 24 * 3_600_000;

type Overrides = { npsFrequencyDays?: number; npsAfterDays?: number; questions?: Partial<Record<SurveyKind, Partial<Record<Locale, string>>>> };

async function overridesOf(db: Executor, siteId: string): Promise<Overrides> {
  const [row] = await db.select({ settings: surveySettings.settings }).from(surveySettings).where(eq(surveySettings.siteId, siteId));
  // A row written by an older version may hold keys we no longer know: keep nothing rather than crash.
  const parsed = surveySettingsPatchSchema.safeParse(row?.settings ?? {});
  return parsed.success ? strip(parsed.data) : {};
}

/** The patch shape with its nulls ("back to default") removed: what is stored. */
function strip(p: SurveySettingsPatch): Overrides {
  const out: Overrides = {};
  if (p.npsFrequencyDays !== undefined) out.npsFrequencyDays = p.npsFrequencyDays;
  // Null is the default (off): stored as nothing, like a question text set back to its default.
  if (typeof p.npsAfterDays === 'number') out.npsAfterDays = p.npsAfterDays;
  for (const kind of ['csat', 'nps'] as const) {
    const texts = p.questions?.[kind];
    if (!texts) continue;
    const kept = Object.fromEntries(Object.entries(texts).filter(([, v]) => typeof v === 'string')) as Partial<Record<Locale, string>>;
    if (Object.keys(kept).length > 0) (out.questions ??= {})[kind] = kept;
  }
  return out;
}

function merged(o: Overrides): SurveySettings {
  const question = (kind: SurveyKind): LocalizedText => ({ ...DEFAULT_SURVEY_SETTINGS.questions[kind], ...o.questions?.[kind] }) as LocalizedText;
  return {
    npsFrequencyDays: o.npsFrequencyDays ?? DEFAULT_SURVEY_SETTINGS.npsFrequencyDays,
    npsAfterDays: o.npsAfterDays ?? DEFAULT_SURVEY_SETTINGS.npsAfterDays,
    questions: { csat: question('csat'), nps: question('nps') },
  };
}

export async function readSurveySettings(db: Executor, siteId: string): Promise<SurveySettings> {
  return merged(await overridesOf(db, siteId));
}

/** The question in the wanted locale; a locale without a text falls back to English, which always has one. */
export function questionText(settings: SurveySettings, kind: SurveyKind, locale: Locale): string {
  return settings.questions[kind][locale] ?? settings.questions[kind].en;
}

/** Admins only. Merged into what is stored: one changed text does not restate the others. */
export async function updateSurveySettings(db: Executor, s: Staff, siteId: string, raw: unknown): Promise<SurveySettings> {
  if (s.role !== 'admin') throw new AppError('forbidden', 'only an admin may change the survey settings');
  const patch = parseInput(surveySettingsPatchSchema, raw);
  const current = await overridesOf(db, siteId);
  const next: SurveySettingsPatch = { npsFrequencyDays: patch.npsFrequencyDays ?? current.npsFrequencyDays };
  if (next.npsFrequencyDays === undefined) delete next.npsFrequencyDays;
  const after = patch.npsAfterDays !== undefined ? patch.npsAfterDays : current.npsAfterDays;
  if (after !== undefined) next.npsAfterDays = after;
  for (const kind of ['csat', 'nps'] as const) {
    const texts: Partial<Record<Locale, string | null>> = { ...current.questions?.[kind], ...patch.questions?.[kind] };
    if (Object.keys(texts).length > 0) next.questions = { ...next.questions, [kind]: texts };
  }
  const stored = strip(next);
  await db.transaction(async (tx) => {
    await tx.insert(surveySettings).values({ siteId, settings: stored }).onConflictDoUpdate({ target: surveySettings.siteId, set: { settings: stored } });
    await auditChange(tx, { siteId, actorId: s.id, at: new Date() }, 'survey.settings_changed', { type: 'site', id: siteId }, { ...merged(current) }, { ...merged(stored) });
  });
  return merged(stored);
}
