/**
 * Sending through SMTP with nodemailer. The job runner holds the job's database transaction while a
 * mail is sent (and on PGlite that is the only connection), so a server that answers slowly or not at
 * all must fail fast and be retried later rather than hold everything up: hence timeouts in seconds,
 * not nodemailer's minutes.
 */
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Message-ID, In-Reply-To, References, Reply-To and any others, by header name. */
  headers: Record<string, string>;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}

export interface MailTransportOptions {
  /** Connecting (DNS, TCP, TLS): default 10 s. */
  connectionTimeoutMs?: number;
  /** Waiting for the server's greeting: default 10 s. */
  greetingTimeoutMs?: number;
  /** Silence on an open connection: default 30 s. */
  socketTimeoutMs?: number;
}

/** Headers nodemailer builds itself from dedicated options; passed raw they would appear twice. */
const SPECIAL: Record<string, 'messageId' | 'inReplyTo' | 'references' | 'replyTo'> = {
  'message-id': 'messageId',
  'in-reply-to': 'inReplyTo',
  references: 'references',
  'reply-to': 'replyTo',
};

/** Where the transport would connect, without the password: safe for logs and errors. */
export function describeSmtpUrl(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    return `${url.protocol}//${url.username ? `${decodeURIComponent(url.username)}@` : ''}${url.host}`;
  } catch {
    return '(not a URL)';
  }
}

/** nodemailer SMTP transport from a URL like smtp://user:pass@host:port (smtps:// for TLS). */
export function createMailTransport(smtpUrl: string, opts: MailTransportOptions = {}): MailTransport {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new Error('SMTP URL is not a URL; expected smtp://user:pass@host:port or smtps://...');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`SMTP URL must start with smtp:// or smtps://, got ${url.protocol}//`);
  }
  if (!url.hostname) throw new Error('SMTP URL has no host');

  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: opts.connectionTimeoutMs ?? 10_000,
    greetingTimeout: opts.greetingTimeoutMs ?? 10_000,
    socketTimeout: opts.socketTimeoutMs ?? 30_000,
  });

  return {
    async send(mail) {
      const special: Partial<Record<(typeof SPECIAL)[string], string>> = {};
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(mail.headers)) {
        const key = SPECIAL[name.toLowerCase()];
        if (key) special[key] = value;
        else headers[name] = value;
      }
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers,
        ...special,
      });
    },
    async close() {
      transporter.close();
    },
  };
}
