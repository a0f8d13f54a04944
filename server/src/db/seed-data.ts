import type { LocalizedText } from '@parley/protocol';

export const DEMO_SITE_NAME = 'Acme Demo';

export const DEMO_DEPARTMENTS: Array<{ key: 'sales' | 'support'; names: LocalizedText; routing: 'manual' | 'auto' }> = [
  { key: 'sales', names: { en: 'Sales', 'zh-CN': '售前咨询', 'zh-TW': '售前諮詢' }, routing: 'manual' },
  { key: 'support', names: { en: 'Support', 'zh-CN': '售后服务', 'zh-TW': '售後服務' }, routing: 'auto' },
];

/** Fixed demo passwords, printed in the start banner and documented in the README. */
export const DEMO_ACCOUNTS = [
  { key: 'admin', email: 'admin@parley.test', name: 'Ada Admin', password: 'parley-admin', role: 'admin', departments: ['sales', 'support'] },
  { key: 'alice', email: 'alice@parley.test', name: 'Alice', password: 'parley-alice', role: 'agent', departments: ['sales', 'support'] },
  { key: 'bob', email: 'bob@parley.test', name: 'Bob', password: 'parley-bob', role: 'agent', departments: ['support'] },
  // A supervisor of one department: reports, tickets and the knowledge base as a team lead sees them.
  { key: 'sam', email: 'sam@parley.test', name: 'Sam', password: 'parley-sam', role: 'supervisor', departments: ['support'] },
] as const;
