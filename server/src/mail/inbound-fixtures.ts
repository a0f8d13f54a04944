/**
 * Replies as real mail clients write them, for the inbound tests: each with the customer's new text
 * and the history their client quoted, in the client's own layout.
 */
import { rawMail } from './test-kit.js';

const b64 = (s: string) =>
  Buffer.from(s, 'utf8')
    .toString('base64')
    .replace(/.{76}/g, '$&\r\n');
const encodedWord = (s: string) => `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;

/** The 1x1 PNG a customer attaches (a photo of the broken part, as far as the test cares). */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Gmail: multipart/alternative inside multipart/mixed, attribution wrapped over two lines, "> " history. */
export const gmailReply = rawMail(
  {
    From: '"Wang Lei" <Wang.Lei@Example.COM>',
    To: 'Acme Support <support+T-2026-000123@acme.test>',
    Subject: 'Re: [T-2026-000123] New reply to your request: Printer on fire',
    Date: 'Tue, 1 Dec 2026 12:01:00 +0800',
    'Message-ID': '<CAF=gmail-1@mail.gmail.com>',
    'In-Reply-To': '<reply-1@parley>',
    References: '<created-1@parley> <reply-1@parley>',
    'MIME-Version': '1.0',
    'Content-Type': 'multipart/mixed; boundary="mixed"',
  },
  [
    '--mixed',
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
    '--alt',
    'Content-Type: text/plain; charset="UTF-8"',
    '',
    'Thanks, the replacement arrived today.',
    'One more question: is the old one safe to throw away?',
    '',
    'On Tue, Dec 1, 2026 at 10:00 AM Acme Support <support+T-2026-000123@acme.test>',
    'wrote:',
    '',
    '> Alice from Acme replied to your request T-2026-000123:',
    '>',
    '> We have sent a replacement.',
    '',
    '--alt',
    'Content-Type: text/html; charset="UTF-8"',
    '',
    '<div dir="ltr">Thanks, the replacement arrived today.<br>One more question: is the old one safe to throw away?</div>',
    '<div class="gmail_quote"><div class="gmail_attr">On Tue, Dec 1, 2026 at 10:00 AM Acme Support &lt;support+T-2026-000123@acme.test&gt; wrote:<br></div>',
    '<blockquote class="gmail_quote">We have sent a replacement.</blockquote></div>',
    '--alt--',
    '',
    '--mixed',
    'Content-Type: image/png; name="broken-part.png"',
    'Content-Disposition: attachment; filename="broken-part.png"',
    'Content-Transfer-Encoding: base64',
    '',
    PNG.toString('base64'),
    '--mixed--',
    '',
  ].join('\n'),
);

/** Outlook: text above, then "-----Original Message-----" and the old mail without any ">" marks. */
export const outlookReply = rawMail(
  {
    From: 'Jane Doe <jane@corp.example>',
    To: 'support@acme.test',
    Subject: 'RE: [T-2026-000777] We received your request: Invoice is wrong',
    'Message-ID': '<DM6PR01MB@outlook.com>',
    'In-Reply-To': '<created-7@parley>',
    'Content-Type': 'text/plain; charset="us-ascii"',
  },
  [
    'Hello,',
    '',
    'The invoice number is INV-5521. Please correct the VAT ID.',
    '',
    'Regards,',
    'Jane',
    '',
    '-----Original Message-----',
    'From: Acme Support <support@acme.test>',
    'Sent: Tuesday, December 1, 2026 10:00 AM',
    'To: Jane Doe <jane@corp.example>',
    'Subject: [T-2026-000777] We received your request: Invoice is wrong',
    '',
    'Thank you for contacting Acme. We received your request.',
  ].join('\n'),
);

/** Newer Outlook: a line of underscores and a From/Sent block. */
export const outlookWebReply = rawMail(
  { From: 'jane@corp.example', To: 'support@acme.test', Subject: 'RE: [T-2026-000777] Invoice is wrong', 'Content-Type': 'text/plain; charset=utf-8' },
  ['Attached is the corrected address.', '', '________________________________', 'From: Acme Support <support@acme.test>', 'Sent: Tuesday, December 1, 2026 10:00', 'Subject: Invoice is wrong', '', 'Old text'].join('\n'),
);

/** A Simplified Chinese client (Foxmail/QQ style): base64 UTF-8 body, encoded subject, 在 ... 写道：. */
export const chineseReply = rawMail(
  {
    From: `${encodedWord('李娜')} <lina@example.cn>`,
    To: 'support+t-2026-000200@acme.test',
    Subject: encodedWord('回复：[T-2026-000200] 您的工单有新回复：退款进度'),
    'Message-ID': '<tencent-1@qq.com>',
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Transfer-Encoding': 'base64',
  },
  b64(
    [
      '好的，谢谢！退款已经收到了。',
      '',
      '在 2026年12月1日 10:00，Acme 客服 <support@acme.test> 写道：',
      '> Acme的Alice回复了您的工单 T-2026-000200：',
      '> 退款已经处理。',
    ].join('\n'),
  ),
);

/** QQ Mail's own separator, with the old mail's headers in Chinese below it. */
export const qqReply = rawMail(
  { From: 'zhang@qq.example', To: 'support@acme.test', Subject: encodedWord('回复：[T-2026-000201] 发票'), 'Content-Type': 'text/plain; charset=utf-8', 'Content-Transfer-Encoding': 'base64' },
  b64(['请把发票寄到新地址。', '', '------------------ 原始邮件 ------------------', '发件人: "Acme 客服"<support@acme.test>;', '发送时间: 2026年12月1日(星期二) 上午10:00', '主题: 发票', '', '旧的内容'].join('\n')),
);

/** A Traditional Chinese client: 於 ... 寫道： with the history not quoted at all. */
export const traditionalReply = rawMail(
  { From: 'chen@example.tw', To: 'support@acme.test', Subject: encodedWord('回覆：[T-2026-000300] 維修'), 'Content-Type': 'text/plain; charset=utf-8', 'Content-Transfer-Encoding': 'base64' },
  b64(['收到，謝謝您的協助。', '週五下午我在家。', '', '於 2026年12月1日 週二 上午10:00，Acme 客服 <support@acme.test> 寫道：', '', 'Acme的Alice回覆了您的工單 T-2026-000300：', '技師週五會到府維修。'].join('\n')),
);

/** Bottom posting: the history first, the answer under it. */
export const bottomPostedReply = rawMail(
  { From: 'old.school@example.org', To: 'support@acme.test', Subject: 'Re: [T-2026-000400] Question', 'Content-Type': 'text/plain; charset=utf-8' },
  ['On Tue, 1 Dec 2026, Acme Support wrote:', '> Which model do you have?', '>', '> Alice', '', 'It is the X200, bought in 2024.'].join('\n'),
);
