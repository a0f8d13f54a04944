/** The console's API token calls (`/api/console/api-tokens`, admins only): list, create, revoke. */
import type { ApiTokenCreated, ApiTokenDomain, ApiTokenScope, ApiTokenView } from '@parley/protocol';
import { ConsoleRest } from '../console-rest.js';

export class ApiTokensApi extends ConsoleRest {
  constructor(server: string, token: string, site = '', onUnauthorized: () => void = () => {}) {
    super(server, token, site, onUnauthorized, '/api/console/api-tokens');
  }
  list(signal?: AbortSignal): Promise<{ tokens: ApiTokenView[]; domains: ApiTokenDomain[] }> {
    return this.call('GET', '', {}, undefined, signal);
  }
  create(input: { name: string; scopes: ApiTokenScope[] }): Promise<ApiTokenCreated> {
    return this.call('POST', '', {}, input);
  }
  revoke(id: string): Promise<{ token: ApiTokenView }> {
    return this.call('DELETE', `/${encodeURIComponent(id)}`);
  }
}
