/**
 * What goes on the wire for each endpoint format, and whether the answer means "delivered".
 *
 * `parley`: the JSON envelope, signed `X-Parley-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`
 * with the timestamp (Unix seconds) in `X-Parley-Timestamp`, so a receiver can refuse old replays.
 *
 * The group robots get one short line in the endpoint's language with a link to the console:
 * - DingTalk (钉钉) custom robot: `msgtype: markdown`; with a signing secret ("加签") the URL gets
 *   `timestamp` (ms) and `sign` = Base64(HMAC-SHA256(secret, "<timestamp>\n<secret>")). Refusals come as
 *   HTTP 200 with `errcode` != 0.
 * - WeCom (企业微信) group robot: `msgtype: markdown`; the key in the URL is the only credential.
 *   Refusals: `errcode` != 0.
 * - Feishu (飞书) custom bot: `msg_type: post`; with a signing secret the body gets `timestamp`
 *   (seconds) and `sign` = Base64(HMAC-SHA256(key "<timestamp>\n<secret>", empty message)). Refusals:
 *   `code` != 0.
 */
import { createHmac } from 'node:crypto';
import type { Locale, WebhookEnvelope, WebhookEventData, WebhookEventType, WebhookFormat } from '@parley/protocol';

type Strings = Record<Locale, string>;
/** The envelope as a union by type, so a switch on `type` narrows `data`. */
type AnyEvent = { [K in WebhookEventType]: { type: K; data: WebhookEventData[K] } }[WebhookEventType];

const LEVEL_ROLE: Record<1 | 2 | 3, Strings> = {
  1: { en: 'supervisor', 'zh-CN': '主管', 'zh-TW': '主管' },
  2: { en: 'executive', 'zh-CN': '高管', 'zh-TW': '高層' },
  3: { en: 'executive, final', 'zh-CN': '高管，最终', 'zh-TW': '高層，最終' },
};

const TITLES: Record<WebhookEventType, Strings> = {
  'conversation.created': { en: 'New chat', 'zh-CN': '新会话', 'zh-TW': '新對話' },
  'conversation.queued': { en: 'Chat waiting', 'zh-CN': '会话排队中', 'zh-TW': '對話排隊中' },
  'conversation.assigned': { en: 'Chat assigned', 'zh-CN': '会话已分配', 'zh-TW': '對話已分配' },
  'conversation.closed': { en: 'Chat closed', 'zh-CN': '会话已结束', 'zh-TW': '對話已結束' },
  'message.created': { en: 'New message', 'zh-CN': '新消息', 'zh-TW': '新訊息' },
  'ticket.created': { en: 'New ticket', 'zh-CN': '新工单', 'zh-TW': '新工單' },
  'ticket.updated': { en: 'Ticket updated', 'zh-CN': '工单已更新', 'zh-TW': '工單已更新' },
  'ticket.escalated': { en: 'Ticket escalated', 'zh-CN': '工单已升级', 'zh-TW': '工單已升級' },
  'survey.answered': { en: 'Survey answered', 'zh-CN': '收到评价', 'zh-TW': '收到評價' },
  'announcement.published': { en: 'Announcement', 'zh-CN': '公告', 'zh-TW': '公告' },
};

const OPEN: Strings = { en: 'Open in Parley', 'zh-CN': '在 Parley 中打开', 'zh-TW': '在 Parley 中開啟' };
const TEST: Strings = { en: '[test] ', 'zh-CN': '[测试] ', 'zh-TW': '[測試] ' };
const WORDS = {
  status: { en: 'status', 'zh-CN': '状态', 'zh-TW': '狀態' },
  priority: { en: 'priority', 'zh-CN': '优先级', 'zh-TW': '優先級' },
  assignee: { en: 'assignee', 'zh-CN': '处理人', 'zh-TW': '處理人' },
  nobody: { en: 'nobody', 'zh-CN': '无', 'zh-TW': '無' },
} satisfies Record<string, Strings>;

/** Text people wrote (subjects, comments) on one line and cut short: a robot message is a notice, not a copy. */
function clip(s: string, max = 120): string {
  const line = s.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export interface EventText {
  title: string;
  /** One plain line: the delivery log's summary and the robots' message. */
  line: string;
  /** Where in the console to look, when there is a place. */
  link: string | null;
}

/** The human sentence for an event. `base`: the public URL for console links (null: no link). */
export function describeEvent(env: WebhookEnvelope, locale: Locale, base: string | null): EventText {
  const zh = locale !== 'en';
  const colon = zh ? '：' : ': ';
  const ticketLink = (id: string) => (base ? `${base}/console#ticket=${id}` : null);
  const consoleLink = base ? `${base}/console` : null;
  const test = env.test ? TEST[locale] : '';
  const title = `${test}${TITLES[env.type][locale]}`;
  const ev = { type: env.type, data: env.data } as AnyEvent;
  let line: string;
  let link: string | null = consoleLink;
  switch (ev.type) {
    case 'conversation.created':
      line = { en: 'A visitor started a chat', 'zh-CN': '访客发起了会话', 'zh-TW': '訪客發起了對話' }[locale];
      break;
    case 'conversation.queued':
      line = { en: 'A chat is waiting for an agent', 'zh-CN': '有会话在等待客服接入', 'zh-TW': '有對話在等待客服接入' }[locale];
      break;
    case 'conversation.assigned':
      line = { en: `Chat assigned to ${ev.data.agentName}`, 'zh-CN': `会话已分配给 ${ev.data.agentName}`, 'zh-TW': `對話已分配給 ${ev.data.agentName}` }[locale];
      break;
    case 'conversation.closed':
      line = { en: `Chat closed by the ${ev.data.by}`, 'zh-CN': '会话已结束', 'zh-TW': '對話已結束' }[locale];
      break;
    case 'message.created': {
      const who = ev.data.message.authorName ?? ev.data.message.author;
      line = `${who}${colon}${clip(ev.data.message.body)}`;
      break;
    }
    case 'ticket.created':
      line = `${{ en: 'New ticket', 'zh-CN': '新工单', 'zh-TW': '新工單' }[locale]} ${ev.data.ticket.number}${colon}${clip(ev.data.ticket.subject)}`;
      link = ticketLink(ev.data.ticket.id);
      break;
    case 'ticket.updated': {
      const c = ev.data.changes;
      const parts: string[] = [];
      if (c.status) parts.push(`${WORDS.status[locale]} ${c.status.from} → ${c.status.to}`);
      if (c.priority) parts.push(`${WORDS.priority[locale]} ${c.priority.from} → ${c.priority.to}`);
      if (c.assigneeId) parts.push(`${WORDS.assignee[locale]} → ${c.assigneeId.to ? c.assigneeId.to.slice(0, 8) : WORDS.nobody[locale]}`);
      const what = parts.join(zh ? '，' : ', ');
      line = { en: `Ticket ${ev.data.ticket.number} updated (${what})`, 'zh-CN': `工单 ${ev.data.ticket.number} 已更新（${what}）`, 'zh-TW': `工單 ${ev.data.ticket.number} 已更新（${what}）` }[locale];
      line += `${colon}${clip(ev.data.ticket.subject)}`;
      link = ticketLink(ev.data.ticket.id);
      break;
    }
    case 'ticket.escalated': {
      const level = ev.data.level;
      const role = LEVEL_ROLE[level][locale];
      line = {
        en: `Ticket ${ev.data.ticket.number} escalated to level ${level} (${role})`,
        'zh-CN': `工单 ${ev.data.ticket.number} 已升级到第 ${level} 级（${role}）`,
        'zh-TW': `工單 ${ev.data.ticket.number} 已升級到第 ${level} 級（${role}）`,
      }[locale];
      line += `${colon}${clip(ev.data.ticket.subject)}`;
      link = ticketLink(ev.data.ticket.id);
      break;
    }
    case 'survey.answered': {
      const r = ev.data.response;
      const max = r.kind === 'nps' ? 10 : 5;
      line = `${String(r.kind).toUpperCase()} ${r.score}/${max}${r.comment ? `${colon}${clip(r.comment)}` : ''}`;
      link = r.ticketId ? ticketLink(r.ticketId) : consoleLink;
      break;
    }
    case 'announcement.published':
      line = `${TITLES['announcement.published'][locale]}${colon}${clip(ev.data.announcement.title)}`;
      break;
  }
  return { title, line: `${test}${line}`, link };
}

/** Markdown that a sender's text cannot break out of (no links, mentions or headings of their own). */
const escapeMarkdown = (s: string) => s.replace(/[\\`*_[\]()#<>!|~]/g, (c) => `\\${c}`);

export interface EndpointConfig {
  format: WebhookFormat;
  url: string;
  secret: string | null;
  locale: Locale;
}

export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export const parleySignature = (secret: string, timestamp: string, body: string) => `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
export const dingtalkSign = (secret: string, timestampMs: string) => createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
export const feishuSign = (secret: string, timestampS: string) => createHmac('sha256', `${timestampS}\n${secret}`).update('').digest('base64');

export function buildRequest(endpoint: EndpointConfig, delivery: { id: string; envelope: WebhookEnvelope }, now: Date, base: string): OutgoingRequest {
  const json = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Parley-Webhooks/1' };
  if (endpoint.format === 'parley') {
    const body = JSON.stringify(delivery.envelope);
    const timestamp = String(Math.floor(now.getTime() / 1000));
    return {
      url: endpoint.url,
      body,
      headers: {
        ...json,
        'x-parley-event': delivery.envelope.type,
        'x-parley-delivery': delivery.id,
        'x-parley-timestamp': timestamp,
        ...(endpoint.secret ? { 'x-parley-signature': parleySignature(endpoint.secret, timestamp, body) } : {}),
      },
    };
  }
  const text = describeEvent(delivery.envelope, endpoint.locale, base);
  const link = text.link ? `\n\n[${OPEN[endpoint.locale]}](${text.link})` : '';
  const markdown = `**${escapeMarkdown(text.title)}**\n\n${escapeMarkdown(text.line)}${link}`;
  if (endpoint.format === 'dingtalk') {
    let url = endpoint.url;
    if (endpoint.secret) {
      const ts = String(now.getTime());
      const u = new URL(endpoint.url);
      u.searchParams.set('timestamp', ts);
      u.searchParams.set('sign', dingtalkSign(endpoint.secret, ts));
      url = u.toString();
    }
    return { url, headers: json, body: JSON.stringify({ msgtype: 'markdown', markdown: { title: text.title, text: markdown } }) };
  }
  if (endpoint.format === 'wecom') {
    return { url: endpoint.url, headers: json, body: JSON.stringify({ msgtype: 'markdown', markdown: { content: markdown } }) };
  }
  const ts = String(Math.floor(now.getTime() / 1000));
  const lines: Array<Array<Record<string, string>>> = [[{ tag: 'text', text: text.line }]];
  if (text.link) lines.push([{ tag: 'a', text: OPEN[endpoint.locale], href: text.link }]);
  const lang = endpoint.locale === 'en' ? 'en_us' : 'zh_cn';
  return {
    url: endpoint.url,
    headers: json,
    body: JSON.stringify({
      ...(endpoint.secret ? { timestamp: ts, sign: feishuSign(endpoint.secret, ts) } : {}),
      msg_type: 'post',
      content: { post: { [lang]: { title: text.title, content: lines } } },
    }),
  };
}

/** Null when the answer means delivered; else why not. The robots refuse with HTTP 200 and a code in the body. */
export function judgeResponse(format: WebhookFormat, status: number, body: string): string | null {
  if (status < 200 || status >= 300) return `HTTP ${status}${body ? `: ${clip(body, 200)}` : ''}`;
  if (format === 'parley') return null;
  let reply: Record<string, unknown>;
  try {
    reply = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return `the ${format} robot's answer is not JSON: ${clip(body, 200)}`;
  }
  if (format === 'feishu') {
    // Older Feishu hooks answer {StatusCode: 0}; current ones {code: 0}.
    const code = reply.code ?? reply.StatusCode;
    return code === 0 ? null : `Feishu code ${String(code)}: ${String(reply.msg ?? reply.StatusMessage ?? '')}`;
  }
  const name = format === 'dingtalk' ? 'DingTalk' : 'WeCom';
  return reply.errcode === 0 ? null : `${name} errcode ${String(reply.errcode)}: ${String(reply.errmsg ?? '')}`;
}
