/** Helpers for the webhook tests: a real HTTP receiver with scripted answers, and endpoint calls. Not a test file. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookDelivery, WebhookEndpointInput, WebhookEndpointWithSecret } from '@parley/protocol';
import { api } from '../kb/test-kit.js';
import type { TestServer } from '../testing.js';

export interface Received {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: Record<string, string>;
  body: string;
  json: any;
}

export interface Answer {
  status: number;
  body?: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Answers for the next requests, in order; after they run out, `fallback`. */
  answer(...answers: Answer[]): void;
  fallback: Answer;
  close(): Promise<void>;
}

/** A webhook receiver on 127.0.0.1, as a customer's system or a robot's API would run it. */
export async function startReceiver(): Promise<Receiver> {
  const queue: Answer[] = [];
  const received: Received[] = [];
  const receiver: Receiver = {
    url: '',
    received,
    answer: (...answers) => void queue.push(...answers),
    fallback: { status: 200, body: 'ok' },
    close: () => new Promise((done) => server.close(() => done())),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        // not JSON
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      received.push({ method: req.method ?? '', url: req.url ?? '', headers, body, json });
      const a = queue.shift() ?? receiver.fallback;
      res.writeHead(a.status, { 'content-type': a.body?.startsWith('{') ? 'application/json' : 'text/plain' });
      res.end(a.body ?? '');
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', () => ready()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}

export async function createEndpoint(server: TestServer, token: string, input: Partial<WebhookEndpointInput>): Promise<WebhookEndpointWithSecret> {
  const r = await api<{ endpoint: WebhookEndpointWithSecret }>(server, '/api/console/webhooks', { token, json: { name: 'Test', events: ['ticket.created'], ...input } });
  if (r.status !== 201) throw new Error(`create endpoint: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.endpoint;
}

export async function deliveries(server: TestServer, token: string, endpointId?: string): Promise<WebhookDelivery[]> {
  const r = await api<{ deliveries: WebhookDelivery[] }>(server, `/api/console/webhooks/deliveries${endpointId ? `?endpoint=${endpointId}` : ''}`, { token });
  if (r.status !== 200) throw new Error(`deliveries: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.deliveries;
}
