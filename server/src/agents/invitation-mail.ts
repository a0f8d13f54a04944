/**
 * The invitation mail in the invitee's language. Names are escaped in the HTML part, which loads
 * nothing from outside (like mail/templates.ts).
 */
import type { Locale } from '@parley/protocol';
import { escapeHtml } from '../lib/html.js';

export interface InvitationVars {
  siteName: string;
  name: string;
  inviter: string;
  link: string;
  hours: number;
}

const COPY: Record<Locale, (v: InvitationVars) => { subject: string; lines: string[]; button: string; expiry: string }> = {
  en: (v) => ({
    subject: `You are invited to ${v.siteName} on Parley`,
    lines: [`Hello ${v.name},`, `${v.inviter || 'An admin'} invited you to answer chats and tickets for ${v.siteName}. Choose a password to start:`],
    button: 'Set your password',
    expiry: `The link works once and expires in ${v.hours} hours. If you did not expect this, ignore this mail.`,
  }),
  'zh-CN': (v) => ({
    subject: `邀请您加入 ${v.siteName} 的 Parley`,
    lines: [`${v.name}，您好：`, `${v.inviter || '管理员'}邀请您为 ${v.siteName} 处理在线咨询和工单。请设置密码后开始使用：`],
    button: '设置密码',
    expiry: `该链接只能使用一次，${v.hours} 小时后失效。如非本人操作，请忽略此邮件。`,
  }),
  'zh-TW': (v) => ({
    subject: `邀請您加入 ${v.siteName} 的 Parley`,
    lines: [`${v.name}，您好：`, `${v.inviter || '管理員'}邀請您為 ${v.siteName} 處理線上諮詢和工單。請設定密碼後開始使用：`],
    button: '設定密碼',
    expiry: `此連結只能使用一次，${v.hours} 小時後失效。如非本人操作，請忽略此郵件。`,
  }),
};


export function invitationMail(locale: Locale, v: InvitationVars): { subject: string; text: string; html: string } {
  const c = COPY[locale](v);
  const text = [...c.lines, '', v.link, '', c.expiry].join('\n');
  const P = 'margin:0 0 12px;font:15px/1.5 system-ui,sans-serif;color:#1f2328';
  const html = [
    '<!doctype html>',
    `<html lang="${locale}"><body>`,
    ...c.lines.map((l) => `<p style="${P}">${escapeHtml(l)}</p>`),
    `<p style="${P}"><a href="${escapeHtml(v.link)}" style="display:inline-block;padding:10px 16px;background:#0b5cad;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(c.button)}</a></p>`,
    `<p style="${P};font-size:13px;color:#59636e">${escapeHtml(c.expiry)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: c.subject, text, html };
}
