/** The console's People API (`/api/console/people`, admins only). */
import type { DeactivateResult, Locale, PeopleList, PersonInvite, PersonPatch, PersonView } from '@parley/protocol';
import { ConsoleRest } from '../console-rest.js';

const at = (id: string) => `/${encodeURIComponent(id)}`;

export class PeopleApi extends ConsoleRest {
  constructor(server: string, token: string, onUnauthorized: () => void = () => {}) {
    // People are company-wide, not one site's: no `?site=`.
    super(server, token, '', onUnauthorized, '/api/console/people');
  }

  list(signal?: AbortSignal): Promise<PeopleList> {
    return this.call<PeopleList>('GET', '', {}, undefined, signal);
  }

  invite(input: PersonInvite): Promise<PersonView> {
    return this.call<{ person: PersonView }>('POST', '', {}, input).then((r) => r.person);
  }

  update(id: string, patch: PersonPatch): Promise<PersonView> {
    return this.call<{ person: PersonView }>('PATCH', at(id), {}, patch).then((r) => r.person);
  }

  deactivate(id: string): Promise<DeactivateResult> {
    return this.call<DeactivateResult>('POST', `${at(id)}/deactivate`, {}, {});
  }

  reactivate(id: string): Promise<PersonView> {
    return this.call<{ person: PersonView }>('POST', `${at(id)}/reactivate`, {}, {}).then((r) => r.person);
  }

  resend(id: string, locale: Locale): Promise<PersonView> {
    return this.call<{ person: PersonView }>('POST', `${at(id)}/invitation`, {}, { locale }).then((r) => r.person);
  }
}
