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

export const SETTINGS_TABS: readonly SettingsTab[] = [
  { id: 'people', label: { en: 'People', 'zh-CN': '人员', 'zh-TW': '人員' }, roles: ['admin'], tag: 'parley-console-people', load: () => import('../people/people.js') },
  { id: 'departments', label: { en: 'Departments', 'zh-CN': '部门', 'zh-TW': '部門' }, roles: ['admin'], tag: 'parley-console-departments', load: () => import('../departments/departments.js') },
  { id: 'site', label: { en: 'Site', 'zh-CN': '站点', 'zh-TW': '網站' }, roles: ['admin'], tag: 'parley-console-site-settings', load: () => import('../site-settings/site-settings.js') },
  { id: 'service-levels', label: { en: 'Service levels', 'zh-CN': '服务级别', 'zh-TW': '服務等級' }, roles: ['supervisor', 'admin'], tag: 'parley-console-service-levels', load: () => import('../service-levels/service-levels.js') },
  { id: 'api-tokens', label: { en: 'API tokens', 'zh-CN': 'API 令牌', 'zh-TW': 'API 權杖' }, roles: ['admin'], tag: 'parley-console-api-tokens', load: () => import('../api-tokens/api-tokens.js') },
  { id: 'audit', label: { en: 'Audit log', 'zh-CN': '审计日志', 'zh-TW': '稽核日誌' }, roles: ['admin'], tag: 'parley-console-audit', load: () => import('../audit/audit.js') },
  { id: 'retention', label: { en: 'Retention', 'zh-CN': '数据保留', 'zh-TW': '資料保留' }, roles: ['admin'], tag: 'parley-console-retention', load: () => import('../retention/retention.js') },
  { id: 'contacts', label: { en: 'Contacts', 'zh-CN': '联系人', 'zh-TW': '聯絡人' }, roles: ['agent', 'supervisor', 'admin'], tag: 'parley-console-contacts', load: () => import('../contacts/contacts.js') },
  { id: 'account', label: { en: 'Account', 'zh-CN': '账号', 'zh-TW': '帳號' }, roles: ['agent', 'supervisor', 'admin'], tag: 'parley-console-account', load: () => import('../account/account.js') },
];

export const tabsFor = (role: AgentRole | undefined): SettingsTab[] => (role ? SETTINGS_TABS.filter((t) => t.roles.includes(role)) : []);
