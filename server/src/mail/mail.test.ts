/**
 * The mail domain against real things: a real SMTP server in-process (what arrives is parsed back with
 * mailparser), a real database and the real job runner, and replies as real mail clients write them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { pino } from 'pino';
import type { Locale } from '@parley/protocol';
import { jobs } from '../jobs/schema.js';
import { JobRunner, retryDelayMs } from '../jobs/runner.js';
import { AppError } from '../lib/errors.js';
import { MAX_INBOUND_BYTES, parseInboundMail, ticketNumberOf } from './inbound.js';
import * as fx from './inbound-fixtures.js';
import { mailOutbox } from './schema.js';
import { getMail, listMail, MAIL_SEND_JOB, mailSendHandler, queueMail } from './service.js';
import type { QueueMailInput } from './service.js';
import { renderTicketMail } from './templates.js';
import type { MailTemplate } from './templates.js';
import { openTestDb, rawMail, startSmtp } from './test-kit.js';
import type { TestDb, TestSmtp } from './test-kit.js';
import { createMailTransport } from './transport.js';
import type { MailTransport } from './transport.js';

const LOCALES: Locale[] = ['en', 'zh-CN', 'zh-TW'];
const base = { siteName: 'Acme', number: 'T-2026-000123', subject: 'Printer on fire', link: 'https://acme.test/t/tok123' };
const codeOf = (err: unknown) => (err instanceof AppError ? err.code : 'not an AppError');

describe('templates', () => {
  const SAYS: Record<MailTemplate, Record<Locale, string>> = {
    'ticket.created': { en: 'We received your request', 'zh-CN': '我们已收到您的工单', 'zh-TW': '我們已收到您的工單' },
    'ticket.reply': { en: 'New reply to your request', 'zh-CN': '您的工单有新回复', 'zh-TW': '您的工單有新回覆' },
    'ticket.escalated': { en: 'Escalated to supervisor', 'zh-CN': '已升级至主管', 'zh-TW': '已升級至主管' },
    'ticket.resolved': { en: 'Your request is resolved', 'zh-CN': '您的工单已解决', 'zh-TW': '您的工單已解決' },
  };

  test('every template in English, 简体中文 and 繁體中文: the number in brackets, both parts, nothing loaded from outside', () => {
    for (const template of Object.keys(SAYS) as MailTemplate[]) {
      for (const locale of LOCALES) {
        const m = renderTicketMail(template, locale, { ...base, body: 'We sent a new one.', agentName: 'Alice', consoleLink: 'https://acme.test/console' });
        const label = `${template} ${locale}`;
        assert.ok(m.subject.startsWith('[T-2026-000123] '), label);
        assert.ok(m.subject.includes(SAYS[template][locale]) && m.subject.endsWith('Printer on fire'), `${label}: ${m.subject}`);
        for (const part of [m.text, m.html]) {
          assert.ok(part.includes('T-2026-000123'), label);
          assert.ok(part.includes('https://acme.test/console'), label);
        }
        assert.ok(m.html.includes(`<html lang="${locale}">`), label);
        assert.doesNotMatch(m.html, /<img|<link|src=|url\(|@import|<script/i, label);
        if (locale !== 'en') assert.doesNotMatch(m.text, /\b(the|your|request)\b/i, `${label} is not English`);
      }
    }
    const reply = renderTicketMail('ticket.reply', 'zh-CN', { ...base, body: '第一行\n第二行', agentName: '小王' });
    assert.ok(reply.text.includes('Acme的小王回复了您的工单 T-2026-000123') && reply.text.includes('第一行\n第二行'));
    assert.ok(reply.html.includes('第一行<br>第二行'));
  });

  test('what people typed is escaped in the HTML part, kept as typed in the text part, and cannot break the subject line', () => {
    const m = renderTicketMail('ticket.reply', 'en', {
      ...base,
      siteName: 'A&B "Shop"',
      subject: '<script>alert(1)</script>\r\nBcc: victim@example.com',
      body: 'Try this: <img src=x onerror=alert(1)>\nthen restart',
      agentName: '<b>Bob</b>',
    });
    assert.doesNotMatch(m.html, /<script|<img|<b>Bob/);
    assert.ok(m.html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(m.html.includes('Try this: &lt;img src=x onerror=alert(1)&gt;<br>then restart'));
    assert.ok(m.html.includes('&lt;b&gt;Bob&lt;/b&gt; from A&amp;B &quot;Shop&quot;'));
    assert.ok(m.text.includes('Try this: <img src=x onerror=alert(1)>\nthen restart'));
    assert.doesNotMatch(m.subject, /[\r\n]/);
    assert.equal(m.subject, '[T-2026-000123] New reply to your request: <script>alert(1)</script> Bcc: victim@example.com');

    const odd = renderTicketMail('ticket.created', 'en', { ...base, link: 'javascript:alert(1)' });
    assert.doesNotMatch(odd.html, /href="javascript/i, 'only web links are clickable');
  });

  test('the expected answer time is shown in the reader’s language and time zone', () => {
    const vars = { ...base, dueAt: new Date('2026-12-01T05:40:00Z'), timeZone: 'Asia/Shanghai', targetMinutes: 120 };
    const en = renderTicketMail('ticket.created', 'en', vars).text;
    assert.ok(en.includes('We will answer within 2 hours, by Tuesday, December 1, 2026 at 1:40 PM GMT+8.'), en);
    const cn = renderTicketMail('ticket.created', 'zh-CN', vars).text;
    assert.ok(cn.includes('2 小时内') && cn.includes('2026年12月1日星期二') && cn.includes('13:40'), cn);
    const tw = renderTicketMail('ticket.created', 'zh-TW', vars).html;
    assert.ok(tw.includes('2 小時內') && tw.includes('下午1:40'), tw);

    const ny = renderTicketMail('ticket.created', 'en', { ...vars, timeZone: 'America/New_York' }).text;
    assert.ok(ny.includes('Tuesday, December 1, 2026 at 12:40 AM EST'), ny);
    const typo = renderTicketMail('ticket.created', 'en', { ...vars, timeZone: 'Asia/Shangai' }).text;
    assert.ok(typo.includes('5:40 AM UTC'), 'an unknown zone falls back to UTC');

    assert.ok(renderTicketMail('ticket.created', 'en', { ...base, targetMinutes: 30 }).text.includes('We will answer within 30 minutes.'));
    assert.ok(renderTicketMail('ticket.created', 'en', { ...base, targetMinutes: 90 }).text.includes('within 1 hour 30 minutes'));
    assert.ok(renderTicketMail('ticket.created', 'zh-CN', { ...base, targetMinutes: 30 }).text.includes('30 分钟内'));
    assert.ok(renderTicketMail('ticket.created', 'zh-TW', { ...base, targetMinutes: 2880 }).text.includes('48 小時內'));
    assert.doesNotMatch(renderTicketMail('ticket.created', 'en', base).text, /We will answer/, 'no promise without a target');
  });

  test('staff mails: each escalation level says what happened and links the console, never a customer link', () => {
    const subjects = ([1, 2, 3] as const).map((level) => {
      const m = renderTicketMail('ticket.escalated', 'en', { ...base, link: null, level, consoleLink: 'https://acme.test/console#/tickets/1' });
      assert.doesNotMatch(m.text + m.html, /\/t\/tok123/);
      assert.ok(m.html.includes('href="https://acme.test/console#/tickets/1"'));
      return m.subject;
    });
    assert.deepEqual(subjects, [
      '[T-2026-000123] Escalated to supervisor: Printer on fire',
      '[T-2026-000123] Escalated to executive: Printer on fire',
      '[T-2026-000123] Executive deadline passed: Printer on fire',
    ]);
    assert.ok(renderTicketMail('ticket.escalated', 'zh-TW', { ...base, link: null, level: 2 }).subject.includes('已升級至高階主管'));
  });
});

describe('SMTP', () => {
  let smtp: TestSmtp;
  before(async () => {
    smtp = await startSmtp();
  });
  after(() => smtp.close());

  test('a mail arrives with its sender, recipient, subject, threading headers and both parts', async () => {
    const transport = createMailTransport(smtp.url);
    const m = renderTicketMail('ticket.created', 'zh-CN', { ...base, subject: '打印机冒烟 <script>', dueAt: new Date('2026-12-01T05:40:00Z'), timeZone: 'Asia/Shanghai', targetMinutes: 120 });
    await transport.send({
      from: 'Acme 客服 <support@acme.test>',
      to: 'wang@example.com',
      ...m,
      headers: { 'Message-ID': '<m1@parley>', 'In-Reply-To': '<prev@parley>', References: '<prev@parley>', 'Reply-To': 'support+T-2026-000123@acme.test', 'X-Parley-Ticket': 'T-2026-000123' },
    });
    await transport.close();
    assert.equal(smtp.received.length, 1);
    const got = smtp.received[0]!;
    assert.deepEqual([got.envelopeFrom, got.envelopeTo], ['support@acme.test', ['wang@example.com']]);
    const p = got.parsed;
    assert.deepEqual(p.from?.value.map((a) => [a.name, a.address]), [['Acme 客服', 'support@acme.test']]);
    assert.equal(Array.isArray(p.to) ? undefined : p.to?.text, 'wang@example.com');
    assert.equal(p.subject, '[T-2026-000123] 我们已收到您的工单：打印机冒烟 <script>');
    assert.equal(p.messageId, '<m1@parley>');
    assert.equal(p.inReplyTo, '<prev@parley>');
    assert.equal(p.references, '<prev@parley>');
    assert.equal(p.replyTo?.value[0]?.address, 'support+T-2026-000123@acme.test');
    assert.equal(p.headers.get('x-parley-ticket'), 'T-2026-000123');
    assert.equal(got.raw.toString('latin1').match(/^Message-ID:/gim)?.length, 1, 'one Message-ID header');
    assert.ok(p.text?.includes('我们将在 2 小时内答复您') && p.text.includes('https://acme.test/t/tok123'), p.text);
    assert.ok(typeof p.html === 'string' && p.html.includes('打印机冒烟 &lt;script&gt;') && p.html.includes('href="https://acme.test/t/tok123"'));
  });

  test('a URL that is not smtp:// or smtps:// is refused when the transport is made', () => {
    assert.throws(() => createMailTransport('http://mail.example.com'), /smtp:\/\/ or smtps:\/\//);
    assert.throws(() => createMailTransport('not a url'), /not a URL/);
  });
});

describe('outbox and delivery', () => {
  let smtp: TestSmtp;
  let t: TestDb;
  let now = new Date('2026-12-01T02:00:00Z');
  const logger = pino({ level: 'silent' });
  const db = () => t.database.db;
  const input = (over: Partial<QueueMailInput> = {}): QueueMailInput => ({
    siteId: t.siteId,
    template: 'ticket.created',
    to: 'wang@example.com',
    ...renderTicketMail('ticket.created', 'en', base),
    ...over,
  });
  const mailRow = async (id: string) => (await db().select().from(mailOutbox).where(eq(mailOutbox.id, id)))[0]!;
  const jobOf = async (id: string) => (await db().select().from(jobs).where(and(eq(jobs.kind, MAIL_SEND_JOB), eq(jobs.key, id))))[0];
  const pending = async () => (await db().select({ n: count() }).from(jobs).where(eq(jobs.status, 'pending')))[0]!.n;
  const runnerWith = (transport: MailTransport, maxAttempts = 6) => {
    const r = new JobRunner({ db: db(), clock: () => now, logger, maxAttempts });
    r.registerExternal(MAIL_SEND_JOB, mailSendHandler({ transport, from: 'Acme Support <support@acme.test>' }), { leaseMs: 120_000 });
    return r;
  };

  before(async () => {
    smtp = await startSmtp();
    t = await openTestDb();
  });
  after(async () => {
    await smtp.close();
    await t.close();
  });

  test('without SMTP the mail is stored for the email log and nothing is scheduled', async () => {
    const { id, messageId } = await db().transaction((tx) => queueMail(tx, input({ ticketId: crypto.randomUUID() }), { delivering: false, now }));
    assert.match(messageId, /^<[0-9a-f-]{36}@parley>$/);
    const row = await mailRow(id);
    assert.equal(row.status, 'stored');
    assert.deepEqual(row.headers, { 'Message-ID': messageId });
    assert.equal(await jobOf(id), undefined);
    assert.equal(await pending(), 0);

    const full = await getMail(db(), t.siteId, id);
    assert.ok(full?.html.includes('<!doctype html>'));
    assert.equal(await getMail(db(), crypto.randomUUID(), id), null, 'another site cannot read it');
    assert.equal(await getMail(db(), t.siteId, 'nope'), null);
  });

  test('with SMTP it is sent once: a second run, or the same job repeated, sends nothing more', async () => {
    const transport = createMailTransport(smtp.url);
    const r = runnerWith(transport);
    const before = smtp.received.length;
    const { id, messageId } = await db().transaction((tx) =>
      queueMail(tx, input({ headers: { 'In-Reply-To': '<created-1@parley>', 'Message-ID': '<given@parley>' } }), { delivering: true, now }),
    );
    assert.equal(messageId, '<given@parley>');
    assert.equal((await mailRow(id)).status, 'queued');
    assert.equal((await jobOf(id))?.runAt.getTime(), now.getTime());

    assert.equal(await r.runDue(), 1);
    assert.equal(smtp.received.length, before + 1);
    const got = smtp.received.at(-1)!.parsed;
    assert.equal(got.messageId, '<given@parley>');
    assert.equal(got.inReplyTo, '<created-1@parley>');
    assert.equal(got.subject, '[T-2026-000123] We received your request: Printer on fire');
    const row = await mailRow(id);
    assert.deepEqual([row.status, row.attempts, row.sentAt?.getTime(), row.lastError], ['sent', 1, now.getTime(), null]);

    assert.equal(await r.runDue(), 0);
    // A repeated job (a leader change replaying the step) finds the row sent and leaves it.
    const handler = mailSendHandler({ transport, from: 'support@acme.test' });
    await handler({ id: 'x', kind: MAIL_SEND_JOB, key: id, payload: {}, attempts: 0, runAt: now }, { db: db(), now, lastAttempt: false });
    assert.equal(smtp.received.length, before + 1);
    await transport.close();
  });

  test('a temporary refusal (451) is retried after the backoff and then delivered', async () => {
    const transport = createMailTransport(smtp.url);
    const r = runnerWith(transport);
    const before = smtp.received.length;
    const { id } = await db().transaction((tx) => queueMail(tx, input(), { delivering: true, now }));
    smtp.refuseWith = { code: 451, message: 'Try again later' };
    try {
      assert.equal(await r.runDue(), 1);
    } finally {
      smtp.refuseWith = null;
    }
    assert.equal(smtp.received.length, before);
    const job = (await jobOf(id))!;
    assert.deepEqual([job.status, job.attempts, job.runAt.getTime()], ['pending', 1, now.getTime() + retryDelayMs(1)]);
    assert.match(job.lastError ?? '', /451/);
    const queued = await mailRow(id);
    assert.deepEqual([queued.status, queued.attempts], ['queued', 1], 'the email log shows the failed try while retries go on');
    assert.match(queued.lastError ?? '', /451/);

    assert.equal(await r.runDue(), 0, 'waits for the backoff');
    now = new Date(now.getTime() + retryDelayMs(1));
    assert.equal(await r.runDue(), 1);
    assert.equal(smtp.received.length, before + 1);
    const row = await mailRow(id);
    assert.deepEqual([row.status, row.attempts], ['sent', 2]);
    await transport.close();
  });

  test('an SMTP server that is down: retried up to the last attempt, then the row is failed with the error', async () => {
    const gone = await startSmtp();
    await gone.close();
    const transport = createMailTransport(gone.url);
    const r = runnerWith(transport, 3);
    const { id } = await db().transaction((tx) => queueMail(tx, input(), { delivering: true, now }));
    for (let attempt = 1; attempt <= 3; attempt++) {
      assert.equal(await r.runDue(), 1, `attempt ${attempt}`);
      const row = await mailRow(id);
      if (attempt < 3) {
        assert.equal(row.status, 'queued');
        now = (await jobOf(id))!.runAt;
      } else {
        assert.deepEqual([row.status, row.attempts, row.sentAt], ['failed', 3, null]);
        assert.match(row.lastError ?? '', /ECONNREFUSED|connect/i);
      }
    }
    assert.equal(await pending(), 0, 'nothing left to retry');
    assert.equal(await r.runDue(), 0);
    await transport.close();
  });

  test('a permanent refusal (550 on DATA) fails the mail at once, without retrying', async () => {
    const transport = createMailTransport(smtp.url);
    const r = runnerWith(transport);
    const { id } = await db().transaction((tx) => queueMail(tx, input(), { delivering: true, now }));
    smtp.refuseWith = { code: 550, message: 'Mailbox unavailable' };
    try {
      assert.equal(await r.runDue(), 1);
    } finally {
      smtp.refuseWith = null;
    }
    const row = await mailRow(id);
    assert.deepEqual([row.status, row.attempts], ['failed', 1]);
    assert.match(row.lastError ?? '', /550/);
    assert.equal(await pending(), 0);
    await transport.close();
  });

  test('the email log: newest first, paged by time, filtered by ticket, without bodies', async () => {
    const ticketId = crypto.randomUUID();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      now = new Date(now.getTime() + 60_000);
      ids.push((await queueMail(db(), input({ subject: `log ${i}`, ticketId: i === 1 ? ticketId : null }), { delivering: false, now })).id);
    }
    const page = await listMail(db(), t.siteId, { limit: 2 });
    assert.deepEqual(page.map((m) => m.subject), ['log 2', 'log 1']);
    assert.deepEqual(Object.keys(page[0]!).sort(), ['attempts', 'createdAt', 'id', 'lastError', 'sentAt', 'status', 'subject', 'template', 'ticketId', 'to']);
    const next = await listMail(db(), t.siteId, { limit: 1, before: page[1]!.createdAt });
    assert.deepEqual(next.map((m) => m.id), [ids[0]]);
    assert.deepEqual((await listMail(db(), t.siteId, { limit: 50, ticketId })).map((m) => m.id), [ids[1]]);
    assert.deepEqual(await listMail(db(), crypto.randomUUID(), { limit: 50 }), []);
  });

  test('an address or header that could inject headers is refused before anything is written', async () => {
    const rows = async () => (await db().select({ n: count() }).from(mailOutbox))[0]!.n;
    const before = await rows();
    for (const bad of [input({ to: 'not an address' }), input({ to: 'a@b.c\r\nBcc: x@y.z' }), input({ to: 'a@b.c, d@e.f' }), input({ headers: { 'Reply-To': 'a@b.c\r\nBcc: x@y.z' } })]) {
      await assert.rejects(
        () => queueMail(db(), bad, { delivering: true, now }),
        (err) => codeOf(err) === 'invalid',
      );
    }
    assert.equal(await rows(), before);
  });
});

describe('inbound', () => {
  test('Gmail: only the new text, the sender, threading headers and the attachment', async () => {
    const m = await parseInboundMail(Buffer.from(fx.gmailReply));
    assert.equal(m.text, 'Thanks, the replacement arrived today.\nOne more question: is the old one safe to throw away?');
    assert.deepEqual([m.from, m.fromName], ['wang.lei@example.com', 'Wang Lei']);
    assert.deepEqual(m.to, ['support+t-2026-000123@acme.test']);
    assert.deepEqual([m.messageId, m.inReplyTo, m.references], ['<CAF=gmail-1@mail.gmail.com>', '<reply-1@parley>', ['<created-1@parley>', '<reply-1@parley>']]);
    assert.equal(m.attachments.length, 1);
    assert.deepEqual([m.attachments[0]!.filename, m.attachments[0]!.contentType], ['broken-part.png', 'image/png']);
    assert.deepEqual(Buffer.from(m.attachments[0]!.content), fx.PNG);
    assert.equal(ticketNumberOf(m), 'T-2026-000123');
  });

  test('Outlook: the original message below the separator or the From/Sent block is dropped', async () => {
    const classic = await parseInboundMail(fx.outlookReply);
    assert.equal(classic.text, 'Hello,\n\nThe invoice number is INV-5521. Please correct the VAT ID.\n\nRegards,\nJane');
    assert.equal(ticketNumberOf(classic), 'T-2026-000777', 'no plus-address: the subject tag');
    assert.equal((await parseInboundMail(fx.outlookWebReply)).text, 'Attached is the corrected address.');
  });

  test('Chinese clients: 写道 / 寫道 attributions and QQ Mail’s 原始邮件 separator', async () => {
    const cn = await parseInboundMail(fx.chineseReply);
    assert.equal(cn.text, '好的，谢谢！退款已经收到了。');
    assert.equal(cn.fromName, '李娜');
    assert.equal(cn.subject, '回复：[T-2026-000200] 您的工单有新回复：退款进度');
    assert.equal(ticketNumberOf(cn), 'T-2026-000200');
    assert.equal((await parseInboundMail(fx.qqReply)).text, '请把发票寄到新地址。');
    assert.equal((await parseInboundMail(fx.traditionalReply)).text, '收到，謝謝您的協助。\n週五下午我在家。');
    assert.equal((await parseInboundMail(fx.bottomPostedReply)).text, 'It is the X200, bought in 2024.', 'an answer under the quote is kept');
  });

  test('a long reply is cut at 20,000 characters; an HTML-only reply still gives its text', async () => {
    const long = await parseInboundMail(rawMail({ From: 'a@example.com', To: 'support@acme.test', Subject: 'x' }, 'x'.repeat(30_000)));
    assert.equal(long.text.length, 20_000);
    const html = await parseInboundMail(
      rawMail({ From: 'a@example.com', To: 'support@acme.test', Subject: 'x', 'Content-Type': 'text/html; charset=utf-8' }, '<p>Only <b>HTML</b> here</p><div>On Mon, 30 Nov 2026 Acme &lt;s@acme.test&gt; wrote:</div><blockquote>old</blockquote>'),
    );
    assert.match(html.text, /^Only HTML here/);
    assert.doesNotMatch(html.text, /old|wrote/);
  });

  test('which ticket: the plus-address first (any case), then [number] in the subject, else none', () => {
    assert.equal(ticketNumberOf({ to: ['support+t-2026-000123@acme.test'], subject: 'Re: [T-2026-000999] x' }), 'T-2026-000123');
    assert.equal(ticketNumberOf({ to: ['someone@else.test', 'support@acme.test'], subject: 'Re: Re: [t-2026-000999] x' }), 'T-2026-000999');
    assert.equal(ticketNumberOf({ to: ['support@acme.test'], subject: 'About T-2026-000999 without brackets' }), null);
    assert.equal(ticketNumberOf({ to: ['support+newsletter@acme.test'], subject: 'hello' }), null);
  });

  test('something that is not a mail is refused as invalid; more than 25 MB as too_large', async () => {
    for (const garbage of ['', 'just some words, no headers at all', Buffer.from([0, 159, 146, 150, 0, 1]), 'Subject: no sender\r\n\r\nbody', 'From: \r\n\r\nbody']) {
      await assert.rejects(
        () => parseInboundMail(garbage),
        (err) => codeOf(err) === 'invalid',
        String(garbage).slice(0, 20),
      );
    }
    await assert.rejects(
      () => parseInboundMail(new Uint8Array(MAX_INBOUND_BYTES + 1)),
      (err) => codeOf(err) === 'too_large',
    );
  });
});
