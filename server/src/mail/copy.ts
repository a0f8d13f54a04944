/**
 * What the ticket emails say, in English, 简体中文 and 繁體中文. Each template yields a subject (without
 * the `[number]` prefix, which templates.ts adds for every language alike) and a list of blocks; the
 * renderer turns the same blocks into the plain-text and the HTML part, so the two never disagree.
 * Values arrive here already formatted (dates, durations) and unescaped: escaping is the renderer's job.
 */
import type { Locale } from '@parley/protocol';

export type MailTemplate = 'ticket.created' | 'ticket.reply' | 'ticket.escalated' | 'ticket.resolved';

export type Block =
  | { kind: 'p'; text: string }
  /** Someone's own words (the agent's reply): kept line by line, set apart from our text. */
  | { kind: 'quote'; text: string }
  | { kind: 'link'; label: string; url: string }
  /** Small print under the main text. */
  | { kind: 'note'; text: string };

/** Everything a template may say, formatted for the reader. */
export interface CopyVars {
  siteName: string;
  number: string;
  subject: string;
  link: string | null;
  consoleLink: string | null;
  /** ticket.resolved: the CSAT survey. */
  surveyLink: string | null;
  /** e.g. "within 2 hours" / "2 小时内", or null when no target was given. */
  within: string | null;
  /** The due time in the reader's language and zone, or null. */
  due: string | null;
  body: string | null;
  agentName: string | null;
  level: 1 | 2 | 3;
}

export interface Copy {
  subject: string;
  blocks: Block[];
}

type Templates = Record<MailTemplate, (v: CopyVars) => Copy>;

interface LocaleCopy {
  templates: Templates;
  /** "2 hours", "30 minutes", "1 hour 30 minutes" in this language. */
  within(minutes: number): string;
}

const p = (text: string): Block => ({ kind: 'p', text });
const note = (text: string): Block => ({ kind: 'note', text });
const optional = (cond: unknown, block: () => Block): Block[] => (cond ? [block()] : []);

function splitMinutes(minutes: number): { h: number; m: number } {
  const total = Math.max(1, Math.round(minutes));
  return { h: Math.floor(total / 60), m: total % 60 };
}

const en: LocaleCopy = {
  within(minutes) {
    const { h, m } = splitMinutes(minutes);
    const parts = [h ? `${h} ${h === 1 ? 'hour' : 'hours'}` : '', m ? `${m} ${m === 1 ? 'minute' : 'minutes'}` : ''].filter(Boolean);
    return `within ${parts.join(' ')}`;
  },
  templates: {
    'ticket.created': (v) => ({
      subject: `We received your request: ${v.subject}`,
      blocks: [
        p(`Thank you for contacting ${v.siteName}. We received your request and gave it the number ${v.number}.`),
        p(`Subject: ${v.subject}`),
        ...optional(v.within || v.due, () =>
          p(v.within && v.due ? `We will answer ${v.within}, by ${v.due}.` : v.within ? `We will answer ${v.within}.` : `We will answer by ${v.due}.`),
        ),
        ...optional(v.link, () => ({ kind: 'link', label: 'Follow your request and reply', url: v.link! })),
        ...optional(v.link, () => note('This link is private: anyone who has it can read and answer your request. You can also reply to this email.')),
        ...optional(v.consoleLink, () => ({ kind: 'link', label: 'Open the ticket in the console', url: v.consoleLink! })),
        p(`— ${v.siteName}`),
      ],
    }),
    'ticket.reply': (v) => ({
      subject: `New reply to your request: ${v.subject}`,
      blocks: [
        p(`${v.agentName ? `${v.agentName} from ${v.siteName}` : `The ${v.siteName} team`} replied to your request ${v.number}:`),
        ...optional(v.body, () => ({ kind: 'quote', text: v.body! })),
        p(v.link ? 'To answer, reply to this email or use the link below.' : 'To answer, reply to this email.'),
        ...optional(v.link, () => ({ kind: 'link', label: 'View your request', url: v.link! })),
        ...optional(v.consoleLink, () => ({ kind: 'link', label: 'Open the ticket in the console', url: v.consoleLink! })),
        p(`— ${v.siteName}`),
      ],
    }),
    'ticket.escalated': (v) => ({
      subject: [`Escalated to supervisor: ${v.subject}`, `Escalated to executive: ${v.subject}`, `Executive deadline passed: ${v.subject}`][v.level - 1]!,
      blocks: [
        p(
          [
            `Ticket ${v.number} has not been answered in time and was escalated to the supervisor level.`,
            `Ticket ${v.number} has not been answered in time and was escalated to the executive level.`,
            `Ticket ${v.number} is still not answered after the executive deadline.`,
          ][v.level - 1]!,
        ),
        p(`Subject: ${v.subject}`),
        ...optional(v.due, () => p(`Deadline: ${v.due}`)),
        ...optional(v.consoleLink, () => ({ kind: 'link', label: 'Open the ticket in the console', url: v.consoleLink! })),
        note(`${v.siteName} · Parley`),
      ],
    }),
    'ticket.resolved': (v) => ({
      subject: `Your request is resolved: ${v.subject}`,
      blocks: [
        p(`${v.agentName ? `${v.agentName} from ${v.siteName}` : `The ${v.siteName} team`} marked your request ${v.number} as resolved.`),
        p(v.link ? 'If you still need help, reply to this email or use the link below.' : 'If you still need help, reply to this email.'),
        ...optional(v.link, () => ({ kind: 'link', label: 'View your request', url: v.link! })),
        ...optional(v.surveyLink, () => ({ kind: 'link', label: 'How did we do? Rate our help', url: v.surveyLink! })),
        ...optional(v.consoleLink, () => ({ kind: 'link', label: 'Open the ticket in the console', url: v.consoleLink! })),
        p(`— ${v.siteName}`),
      ],
    }),
  },
};

/** Simplified and Traditional share their shape; only the characters differ. */
function chinese(t: {
  within: (h: number, m: number) => string;
  received: (site: string, n: string) => string;
  subject: string;
  answer: { both: (w: string, d: string) => string; within: (w: string) => string; due: (d: string) => string };
  follow: string;
  private: string;
  console: string;
  subjects: { created: string; reply: string; escalated: [string, string, string]; resolved: string };
  replied: (who: string | null, site: string, n: string) => string;
  replyHow: string;
  replyHowNoLink: string;
  view: string;
  escalated: [(n: string) => string, (n: string) => string, (n: string) => string];
  deadline: string;
  resolved: (who: string | null, site: string, n: string) => string;
  moreHelp: string;
  moreHelpNoLink: string;
  rate: string;
}): LocaleCopy {
  return {
    within(minutes) {
      const { h, m } = splitMinutes(minutes);
      return t.within(h, m);
    },
    templates: {
      'ticket.created': (v) => ({
        subject: `${t.subjects.created}${v.subject}`,
        blocks: [
          p(t.received(v.siteName, v.number)),
          p(`${t.subject}${v.subject}`),
          ...optional(v.within || v.due, () =>
            p(v.within && v.due ? t.answer.both(v.within, v.due) : v.within ? t.answer.within(v.within) : t.answer.due(v.due!)),
          ),
          ...optional(v.link, () => ({ kind: 'link', label: t.follow, url: v.link! })),
          ...optional(v.link, () => note(t.private)),
          ...optional(v.consoleLink, () => ({ kind: 'link', label: t.console, url: v.consoleLink! })),
          p(`— ${v.siteName}`),
        ],
      }),
      'ticket.reply': (v) => ({
        subject: `${t.subjects.reply}${v.subject}`,
        blocks: [
          p(t.replied(v.agentName, v.siteName, v.number)),
          ...optional(v.body, () => ({ kind: 'quote', text: v.body! })),
          p(v.link ? t.replyHow : t.replyHowNoLink),
          ...optional(v.link, () => ({ kind: 'link', label: t.view, url: v.link! })),
          ...optional(v.consoleLink, () => ({ kind: 'link', label: t.console, url: v.consoleLink! })),
          p(`— ${v.siteName}`),
        ],
      }),
      'ticket.escalated': (v) => ({
        subject: `${t.subjects.escalated[v.level - 1]}${v.subject}`,
        blocks: [
          p(t.escalated[v.level - 1]!(v.number)),
          p(`${t.subject}${v.subject}`),
          ...optional(v.due, () => p(`${t.deadline}${v.due}`)),
          ...optional(v.consoleLink, () => ({ kind: 'link', label: t.console, url: v.consoleLink! })),
          note(`${v.siteName} · Parley`),
        ],
      }),
      'ticket.resolved': (v) => ({
        subject: `${t.subjects.resolved}${v.subject}`,
        blocks: [
          p(t.resolved(v.agentName, v.siteName, v.number)),
          p(v.link ? t.moreHelp : t.moreHelpNoLink),
          ...optional(v.link, () => ({ kind: 'link', label: t.view, url: v.link! })),
          ...optional(v.surveyLink, () => ({ kind: 'link', label: t.rate, url: v.surveyLink! })),
          ...optional(v.consoleLink, () => ({ kind: 'link', label: t.console, url: v.consoleLink! })),
          p(`— ${v.siteName}`),
        ],
      }),
    },
  };
}

const zhCN = chinese({
  within: (h, m) => `${h ? `${h} 小时` : ''}${h && m ? ' ' : ''}${m ? `${m} 分钟` : ''}内`,
  received: (site, n) => `感谢您联系${site}。我们已收到您的工单，编号为 ${n}。`,
  subject: '主题：',
  answer: { both: (w, d) => `我们将在 ${w}答复您（${d}之前）。`, within: (w) => `我们将在 ${w}答复您。`, due: (d) => `我们将在${d}之前答复您。` },
  follow: '查看工单进度并回复',
  private: '此链接仅供您本人使用：任何拿到链接的人都能查看并回复您的工单。您也可以直接回复这封邮件。',
  console: '在控制台中打开工单',
  subjects: { created: '我们已收到您的工单：', reply: '您的工单有新回复：', escalated: ['已升级至主管：', '已升级至高管：', '已超过高管处理时限：'], resolved: '您的工单已解决：' },
  replied: (who, site, n) => `${who ? `${site}的${who}` : `${site}团队`}回复了您的工单 ${n}：`,
  replyHow: '如需回复，请直接回复这封邮件，或使用下面的链接。',
  replyHowNoLink: '如需回复，请直接回复这封邮件。',
  view: '查看您的工单',
  escalated: [(n) => `工单 ${n} 未在时限内答复，已升级至主管。`, (n) => `工单 ${n} 未在时限内答复，已升级至高管。`, (n) => `工单 ${n} 已超过高管处理时限，仍未答复。`],
  deadline: '时限：',
  resolved: (who, site, n) => `${who ? `${site}的${who}` : `${site}团队`}已将您的工单 ${n} 标记为已解决。`,
  moreHelp: '如果您仍需要帮助，请直接回复这封邮件，或使用下面的链接。',
  moreHelpNoLink: '如果您仍需要帮助，请直接回复这封邮件。',
  rate: '我们的服务如何？点击为本次服务评分',
});

const zhTW = chinese({
  within: (h, m) => `${h ? `${h} 小時` : ''}${h && m ? ' ' : ''}${m ? `${m} 分鐘` : ''}內`,
  received: (site, n) => `感謝您聯絡${site}。我們已收到您的工單，編號為 ${n}。`,
  subject: '主旨：',
  answer: { both: (w, d) => `我們將在 ${w}回覆您（${d}之前）。`, within: (w) => `我們將在 ${w}回覆您。`, due: (d) => `我們將在${d}之前回覆您。` },
  follow: '查看工單進度並回覆',
  private: '此連結僅供您本人使用：任何取得連結的人都能查看並回覆您的工單。您也可以直接回覆這封郵件。',
  console: '在控制台中開啟工單',
  subjects: { created: '我們已收到您的工單：', reply: '您的工單有新回覆：', escalated: ['已升級至主管：', '已升級至高階主管：', '已超過高階主管處理時限：'], resolved: '您的工單已解決：' },
  replied: (who, site, n) => `${who ? `${site}的${who}` : `${site}團隊`}回覆了您的工單 ${n}：`,
  replyHow: '如需回覆，請直接回覆這封郵件，或使用下方的連結。',
  replyHowNoLink: '如需回覆，請直接回覆這封郵件。',
  view: '查看您的工單',
  escalated: [(n) => `工單 ${n} 未在時限內回覆，已升級至主管。`, (n) => `工單 ${n} 未在時限內回覆，已升級至高階主管。`, (n) => `工單 ${n} 已超過高階主管處理時限，仍未回覆。`],
  deadline: '時限：',
  resolved: (who, site, n) => `${who ? `${site}的${who}` : `${site}團隊`}已將您的工單 ${n} 標記為已解決。`,
  moreHelp: '如果您仍需要協助，請直接回覆這封郵件，或使用下方的連結。',
  moreHelpNoLink: '如果您仍需要協助，請直接回覆這封郵件。',
  rate: '我們的服務如何？點擊為本次服務評分',
});

export const COPY: Record<Locale, LocaleCopy> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
