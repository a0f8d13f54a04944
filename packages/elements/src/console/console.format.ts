/** Small, pure formatting helpers shared by the console's views. */
import type { AgentConversation, Department, Locale } from '@parley/protocol';
import { localized } from '../internal/i18n.js';
import type { ConsoleStrings } from './console.strings.js';

/** Visitors rarely give a name; a short stable id tells two anonymous visitors apart. */
export function visitorLabel(s: ConsoleStrings, conversation: Pick<AgentConversation, 'visitor'>): string {
  return conversation.visitor.name?.trim() || s.visitorName(conversation.visitor.id.slice(0, 4));
}

export function departmentLabel(
  s: ConsoleStrings,
  departments: readonly Department[] | undefined,
  id: string | null,
  locale: Locale,
): string {
  if (!id) return s.noDepartment;
  const d = departments?.find((x) => x.id === id);
  return d ? localized(d.name, locale) : s.noDepartment;
}

/** "45 sec", "3 min", "2 hr" in the reader's language, through Intl so no catalog entry is needed. */
export function waitDuration(sinceIso: string | null, locale: Locale, now: number = Date.now()): string {
  const since = sinceIso ? Date.parse(sinceIso) : NaN;
  const seconds = Number.isNaN(since) ? 0 : Math.max(0, Math.floor((now - since) / 1000));
  const [value, unit] =
    seconds < 60 ? [seconds, 'second'] : seconds < 3600 ? [Math.floor(seconds / 60), 'minute'] : [Math.floor(seconds / 3600), 'hour'];
  try {
    return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
  } catch {
    return `${value} ${unit}`;
  }
}

/**
 * One line for the lists: the last thing said. System events carry no text of their own (they are
 * codes rendered per reader), so they never stand in for a message.
 */
export function preview(s: ConsoleStrings, conversation: Pick<AgentConversation, 'lastMessage'>): string {
  const last = conversation.lastMessage;
  if (!last || last.author === 'system' || !last.body.trim()) return s.noMessageYet;
  return last.author === 'bot' ? `${s.bot}: ${last.body}` : last.author === 'agent' ? `${s.you}: ${last.body}` : last.body;
}
