/** The console's webhook API (`/api/console/webhooks`, admins only): endpoints, test events and the delivery log. */
import type { WebhookDelivery, WebhookEndpoint, WebhookEndpointInput, WebhookEndpointPatch, WebhookEndpointWithSecret, WebhookEnvelope } from '@parley/protocol';
import { ConsoleRest } from '../console-rest.js';

const at = (id: string) => `/${encodeURIComponent(id)}`;

/** One try of a delivery, as the server keeps it: HTTP status or the error when there was no answer. */
export interface WebhookDeliveryTry {
  at: string;
  status: number | null;
  error: string | null;
  ms: number;
}

export type WebhookDeliveryDetail = WebhookDelivery & { tries: WebhookDeliveryTry[]; envelope: WebhookEnvelope };

/** How many log rows a page holds; "Show more" asks for the next page before the oldest shown. */
export const DELIVERY_PAGE = 50;

export class WebhooksApi extends ConsoleRest {
  constructor(server: string, token: string, site = '', onUnauthorized: () => void = () => {}) {
    super(server, token, site, onUnauthorized, '/api/console/webhooks');
  }

  list(signal?: AbortSignal): Promise<WebhookEndpoint[]> {
    return this.call<{ endpoints: WebhookEndpoint[] }>('GET', '', {}, undefined, signal).then((r) => r.endpoints);
  }

  /** The whole secret comes back in this answer only. */
  create(input: WebhookEndpointInput): Promise<WebhookEndpointWithSecret> {
    return this.call<{ endpoint: WebhookEndpointWithSecret }>('POST', '', {}, input).then((r) => r.endpoint);
  }

  /** With `rotateSecret`, the answer carries the new secret, this once. */
  update(id: string, patch: WebhookEndpointPatch): Promise<WebhookEndpoint | WebhookEndpointWithSecret> {
    return this.call<{ endpoint: WebhookEndpoint }>('PATCH', at(id), {}, patch).then((r) => r.endpoint);
  }

  /** Answers 204. */
  async remove(id: string): Promise<void> {
    await this.request('DELETE', at(id));
  }

  /** Sent at once; the answer is the delivery with what the endpoint replied. */
  test(id: string): Promise<WebhookDelivery> {
    return this.call<{ delivery: WebhookDelivery }>('POST', `${at(id)}/test`, {}, {}).then((r) => r.delivery);
  }

  deliveries(opts: { endpoint?: string; before?: string }, signal?: AbortSignal): Promise<WebhookDelivery[]> {
    return this.call<{ deliveries: WebhookDelivery[] }>('GET', '/deliveries', { endpoint: opts.endpoint, before: opts.before, limit: String(DELIVERY_PAGE) }, undefined, signal).then((r) => r.deliveries);
  }

  delivery(id: string, signal?: AbortSignal): Promise<WebhookDeliveryDetail> {
    return this.call<{ delivery: WebhookDeliveryDetail }>('GET', `/deliveries${at(id)}`, {}, undefined, signal).then((r) => r.delivery);
  }

  /** A new delivery of the same event, queued for the job runner. */
  resend(id: string): Promise<WebhookDelivery> {
    return this.call<{ delivery: WebhookDelivery }>('POST', `/deliveries${at(id)}/resend`, {}, {}).then((r) => r.delivery);
  }
}
