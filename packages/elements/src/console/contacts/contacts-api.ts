/** The console's contacts API (`/api/console/contacts`): search and profiles for staff, export and erasure for admins. */
import type { ContactErasure, ContactProfile, ContactSummary } from '@parley/protocol';
import { ConsoleRest } from '../console-rest.js';

export class ContactsApi extends ConsoleRest {
  constructor(server: string, token: string, site = '', onUnauthorized: () => void = () => {}) {
    super(server, token, site, onUnauthorized, '/api/console/contacts');
  }

  async search(q: string, signal?: AbortSignal): Promise<ContactSummary[]> {
    return (await this.call<{ contacts: ContactSummary[] }>('GET', '', { q: q.trim() || undefined }, undefined, signal)).contacts;
  }

  async profile(id: string): Promise<ContactProfile> {
    return (await this.call<{ profile: ContactProfile }>('GET', `/${encodeURIComponent(id)}`)).profile;
  }

  exportJson(id: string): Promise<{ blob: Blob; name: string }> {
    return this.download(`/${encodeURIComponent(id)}/export`, {}, `contact-${id}.json`);
  }

  async erase(id: string, confirm: string): Promise<ContactErasure> {
    return (await this.call<{ erasure: ContactErasure }>('POST', `/${encodeURIComponent(id)}/erase`, {}, { confirm })).erasure;
  }
}
