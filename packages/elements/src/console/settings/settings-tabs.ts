/**
 * The tabs of the console's Settings view: one row per tab. Each tab is its own element in its own
 * folder (console/people/, console/account/ ...), extends ParleyConsoleSubview (it gets server, token,
 * site and client from Settings) and is fetched the first time its tab opens. Add a tab by adding a row.
 */
import type { AgentRole, Locale } from '@parley/protocol';

export interface SettingsTab {
  /** Stable id: the `data-tab` of the tab button and part of its panel's id. */
  id: string;
  label: Record<Locale, string>;
  /** Who sees the tab; the server enforces the same on every route the tab calls. */
  roles: readonly AgentRole[];
  /** The custom element the tab renders (defined by `load`). */
  tag: string;
  load: () => Promise<unknown>;
}

export const SETTINGS_TABS: readonly SettingsTab[] = [];

export const tabsFor = (role: AgentRole | undefined): SettingsTab[] => (role ? SETTINGS_TABS.filter((t) => t.roles.includes(role)) : []);
