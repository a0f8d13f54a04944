/** The Site tab's REST calls (`/api/console/sites`, admins only). The secret is in the rotation's answer only. */
import type { SecretRotation, SiteSettings, SiteSettingsPatch } from '@parley/protocol';
import { ConsoleRest } from '../console-rest.js';

const at = (id: string) => `/${encodeURIComponent(id)}`;

export class SiteApi extends ConsoleRest {
  constructor(server: string, token: string, onUnauthorized: () => void = () => {}) {
    // No `?site=`: these routes name the site in the path.
    super(server, token, '', onUnauthorized, '/api/console/sites');
  }
  list(signal?: AbortSignal): Promise<SiteSettings[]> {
    return this.call<{ sites: SiteSettings[] }>('GET', '', {}, undefined, signal).then((r) => r.sites);
  }
  update(id: string, patch: SiteSettingsPatch): Promise<SiteSettings> {
    return this.call<{ site: SiteSettings }>('PATCH', at(id), {}, patch).then((r) => r.site);
  }
  rotate(id: string): Promise<SecretRotation> {
    return this.call<SecretRotation>('POST', `${at(id)}/secret`, {}, {});
  }
}

const channel = (v: number): number => {
  const s = v / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

/** WCAG 2 contrast of white text on `#rrggbb` (the server computes the same for its warning). */
export function contrastWithWhite(hex: string): number | null {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) return null;
  const n = Number.parseInt(hex.slice(1), 16);
  const l = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  return Math.round((1.05 / (l + 0.05)) * 100) / 100;
}
