/**
 * For mail tests: a real SMTP server in-process that keeps what it receives, and a database of our
 * own (PGlite in memory, or a throw-away database on TEST_DATABASE_URL) with one site and no app
 * around it, so no background job runner picks up the jobs a test schedules.
 */
import { randomBytes } from 'node:crypto';
import { createScratchDatabase, openMigratedPglite } from '../testing.js';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { openDatabase } from '../db/client.js';
import type { Database } from '../db/client.js';
import { sites } from '../db/schema.js';

export interface Received {
  envelopeFrom: string;
  envelopeTo: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

export interface TestSmtp {
  url: string;
  port: number;
  received: Received[];
  /** Answer the next DATA commands with this error (a code like 451 or 550); null accepts again. */
  refuseWith: { code: number; message: string } | null;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: '',
    port: 0,
    received: [],
    refuseWith: null,
    close: async () => undefined,
  };
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.refuseWith) {
          callback(Object.assign(new Error(state.refuseWith.message), { responseCode: state.refuseWith.code }));
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            state.received.push({
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              raw,
              parsed,
            });
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  state.port = (server.server.address() as AddressInfo).port;
  state.url = `smtp://127.0.0.1:${state.port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

export interface TestDb {
  database: Database;
  siteId: string;
  close(): Promise<void>;
}

export async function openTestDb(): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const scratch = serverUrl ? await createScratchDatabase(serverUrl) : undefined;
  const url = scratch?.url;
  const drop = async () => scratch?.drop();
  const database = url ? await openDatabase({ url }) : await openMigratedPglite();
  await database.migrate();
  const [site] = await database.db
    .insert(sites)
    .values({ key: `mail-${randomBytes(4).toString('hex')}`, name: 'Acme', secret: randomBytes(16).toString('hex') })
    .returning({ id: sites.id });
  return {
    database,
    siteId: site!.id,
    async close() {
      await database.close();
      await drop();
    },
  };
}

/** A raw RFC 822 message from header lines and a body (CRLF line ends, as on the wire). */
export function rawMail(headers: Record<string, string>, body: string): string {
  const head = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  return `${head}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}`;
}
