/**
 * Strings of the API tokens tab. The English catalog defines the shape; the other two must match it key
 * for key (`Catalogs<ApiTokensStrings>`).
 */
import type { ApiTokenDomain } from '@parley/protocol';
import type { Catalogs } from '../../internal/i18n.js';

export type Access = 'none' | 'read' | 'write';

export interface ApiTokensStrings {
  heading: string;
  intro: string;
  docsLink: string;
  loading: string;
  loadFailed: (message: string) => string;
  retry: string;
  newLegend: string;
  nameLabel: string;
  accessHint: string;
  domain: Record<ApiTokenDomain, string>;
  accessLabel: (domain: string) => string;
  access: Record<Access, string>;
  create: string;
  noScope: string;
  createFailed: (message: string) => string;
  createdHeading: (name: string) => string;
  createdHint: string;
  secretLabel: string;
  copy: string;
  copied: string;
  done: string;
  listHeading: string;
  empty: string;
  columns: { name: string; scopes: string; created: string; lastUsed: string; state: string };
  never: string;
  active: string;
  revokedAt: (when: string) => string;
  createdBy: (when: string, who: string) => string;
  revoke: (name: string) => string;
  confirmRevoke: (name: string) => string;
  revokeForGood: string;
  cancel: string;
  revoked: (name: string) => string;
  revokeFailed: (message: string) => string;
}

export const apiTokensStrings: Catalogs<ApiTokensStrings> = {
  en: {
    heading: 'API tokens',
    intro: 'A token lets another system (a CRM, an OA, a script) call the console’s REST API for the areas you choose, read only or read and write. It acts with your authority within those areas and stops if you are deactivated.',
    docsLink: 'API reference',
    loading: 'Loading API tokens…',
    loadFailed: (m) => `Could not load the API tokens: ${m}`,
    retry: 'Try again',
    newLegend: 'New token',
    nameLabel: 'Name (what uses it)',
    accessHint: 'Give each area the least access the integration needs.',
    domain: {
      tickets: 'Tickets',
      contacts: 'Contacts',
      kb: 'Knowledge base',
      reports: 'Reports',
      surveys: 'Surveys',
      'employee-surveys': 'Employee surveys',
      announcements: 'Announcements',
      webhooks: 'Webhooks',
      audit: 'Audit log',
      people: 'People',
      departments: 'Departments',
      sites: 'Sites',
      retention: 'Retention',
    },
    accessLabel: (d) => `${d}: access`,
    access: { none: 'No access', read: 'Read', write: 'Read and write' },
    create: 'Create token',
    noScope: 'Give the token access to at least one area.',
    createFailed: (m) => `Could not create the token: ${m}`,
    createdHeading: (n) => `Token “${n}” created`,
    createdHint: 'Copy it now and keep it somewhere safe: it is shown only this once. Send it as “Authorization: Bearer …”.',
    secretLabel: 'The token',
    copy: 'Copy',
    copied: 'Copied.',
    done: 'Done',
    listHeading: 'Tokens',
    empty: 'No API tokens yet.',
    columns: { name: 'Name', scopes: 'Access', created: 'Created', lastUsed: 'Last used', state: 'State' },
    never: 'Never',
    active: 'Active',
    revokedAt: (w) => `Revoked ${w}`,
    createdBy: (w, who) => (who ? `${w} by ${who}` : w),
    revoke: (n) => `Revoke ${n}`,
    confirmRevoke: (n) => `Revoke “${n}”? Whatever uses it stops working at once.`,
    revokeForGood: 'Revoke',
    cancel: 'Cancel',
    revoked: (n) => `Token “${n}” revoked.`,
    revokeFailed: (m) => `Could not revoke the token: ${m}`,
  },
  'zh-CN': {
    heading: 'API 令牌',
    intro: '令牌让其他系统（CRM、OA、脚本）按您选择的范围调用控制台 REST API，只读或可读写。它在这些范围内以您的权限操作；您被停用后即失效。',
    docsLink: 'API 参考',
    loading: '正在加载 API 令牌…',
    loadFailed: (m) => `无法加载 API 令牌：${m}`,
    retry: '重试',
    newLegend: '新令牌',
    nameLabel: '名称（用途）',
    accessHint: '每个范围只授予集成所需的最少权限。',
    domain: {
      tickets: '工单',
      contacts: '联系人',
      kb: '知识库',
      reports: '报表',
      surveys: '调查',
      'employee-surveys': '员工调查',
      announcements: '公告',
      webhooks: 'Webhook',
      audit: '审计日志',
      people: '人员',
      departments: '部门',
      sites: '站点',
      retention: '数据保留',
    },
    accessLabel: (d) => `${d}：权限`,
    access: { none: '无权限', read: '只读', write: '读写' },
    create: '创建令牌',
    noScope: '请至少授予一个范围的权限。',
    createFailed: (m) => `无法创建令牌：${m}`,
    createdHeading: (n) => `令牌“${n}”已创建`,
    createdHint: '请立即复制并妥善保存：它只显示这一次。以“Authorization: Bearer …”发送。',
    secretLabel: '令牌',
    copy: '复制',
    copied: '已复制。',
    done: '完成',
    listHeading: '令牌',
    empty: '还没有 API 令牌。',
    columns: { name: '名称', scopes: '权限', created: '创建', lastUsed: '最近使用', state: '状态' },
    never: '从未',
    active: '有效',
    revokedAt: (w) => `已于 ${w} 撤销`,
    createdBy: (w, who) => (who ? `${w}，${who}` : w),
    revoke: (n) => `撤销 ${n}`,
    confirmRevoke: (n) => `撤销“${n}”？使用它的系统将立即停止工作。`,
    revokeForGood: '撤销',
    cancel: '取消',
    revoked: (n) => `令牌“${n}”已撤销。`,
    revokeFailed: (m) => `无法撤销令牌：${m}`,
  },
  'zh-TW': {
    heading: 'API 權杖',
    intro: '權杖讓其他系統（CRM、OA、指令碼）依您選擇的範圍呼叫主控台 REST API，唯讀或可讀寫。它在這些範圍內以您的權限操作；您被停用後即失效。',
    docsLink: 'API 參考',
    loading: '正在載入 API 權杖…',
    loadFailed: (m) => `無法載入 API 權杖：${m}`,
    retry: '重試',
    newLegend: '新權杖',
    nameLabel: '名稱（用途）',
    accessHint: '每個範圍只授予整合所需的最少權限。',
    domain: {
      tickets: '工單',
      contacts: '聯絡人',
      kb: '知識庫',
      reports: '報表',
      surveys: '調查',
      'employee-surveys': '員工調查',
      announcements: '公告',
      webhooks: 'Webhook',
      audit: '稽核日誌',
      people: '人員',
      departments: '部門',
      sites: '網站',
      retention: '資料保留',
    },
    accessLabel: (d) => `${d}：權限`,
    access: { none: '無權限', read: '唯讀', write: '讀寫' },
    create: '建立權杖',
    noScope: '請至少授予一個範圍的權限。',
    createFailed: (m) => `無法建立權杖：${m}`,
    createdHeading: (n) => `權杖「${n}」已建立`,
    createdHint: '請立即複製並妥善保存：它只顯示這一次。以「Authorization: Bearer …」傳送。',
    secretLabel: '權杖',
    copy: '複製',
    copied: '已複製。',
    done: '完成',
    listHeading: '權杖',
    empty: '還沒有 API 權杖。',
    columns: { name: '名稱', scopes: '權限', created: '建立', lastUsed: '最近使用', state: '狀態' },
    never: '從未',
    active: '有效',
    revokedAt: (w) => `已於 ${w} 撤銷`,
    createdBy: (w, who) => (who ? `${w}，${who}` : w),
    revoke: (n) => `撤銷 ${n}`,
    confirmRevoke: (n) => `撤銷「${n}」？使用它的系統將立即停止運作。`,
    revokeForGood: '撤銷',
    cancel: '取消',
    revoked: (n) => `權杖「${n}」已撤銷。`,
    revokeFailed: (m) => `無法撤銷權杖：${m}`,
  },
};
