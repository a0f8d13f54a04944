/**
 * Strings of the console's People settings tab. The English catalog defines the shape; the other two
 * must match it key for key (checked by `Catalogs<PeopleStrings>`).
 */
import type { AgentRole, Locale, PersonStatus } from '@parley/protocol';
import type { Catalogs } from '../../internal/i18n.js';

export interface PeopleStrings {
  heading: string;
  intro: string;
  loading: string;
  failed: (message: string) => string;
  retry: string;
  empty: string;
  filterLabel: string;
  all: string;
  status: Record<PersonStatus, string>;
  role: Record<AgentRole, string>;
  colName: string;
  colRole: string;
  colDepartments: string;
  colCapacity: string;
  colStatus: string;
  colActions: string;
  you: string;
  noDepartments: string;
  invite: string;
  inviteHeading: string;
  email: string;
  name: string;
  roleLabel: string;
  departmentsLegend: string;
  capacity: string;
  capacityHint: string;
  mailLanguage: string;
  language: Record<Locale, string>;
  sendInvite: string;
  cancel: string;
  invited: (email: string) => string;
  edit: (name: string) => string;
  editHeading: (name: string) => string;
  save: string;
  saved: (name: string) => string;
  deactivate: (name: string) => string;
  deactivateHeading: (name: string) => string;
  deactivateWhat: (conversations: number, tickets: number) => string;
  deactivateBack: string;
  confirmDeactivate: string;
  deactivated: (name: string, conversations: number, tickets: number) => string;
  reactivate: (name: string) => string;
  reactivated: (name: string) => string;
  resend: (name: string) => string;
  resent: (email: string) => string;
  short: { edit: string; deactivate: string; reactivate: string; resend: string };
}

const en: PeopleStrings = {
  heading: 'People',
  intro: 'Invite colleagues, set what they may do and how many chats they take at once, and deactivate those who leave.',
  loading: 'Loading people…',
  failed: (m) => `Could not load people: ${m}`,
  retry: 'Try again',
  empty: 'No one matches this filter.',
  filterLabel: 'Show',
  all: 'Everyone',
  status: { active: 'Active', invited: 'Invited', deactivated: 'Deactivated' },
  role: { admin: 'Admin', supervisor: 'Supervisor', agent: 'Agent' },
  colName: 'Name',
  colRole: 'Role',
  colDepartments: 'Departments',
  colCapacity: 'Chats at once',
  colStatus: 'Status',
  colActions: 'Actions',
  you: '(you)',
  noDepartments: 'None',
  invite: 'Invite someone',
  inviteHeading: 'Invite someone',
  email: 'Email',
  name: 'Name',
  roleLabel: 'Role',
  departmentsLegend: 'Departments',
  capacity: 'Chats at once',
  capacityHint: 'How many conversations they may own at the same time (0–50).',
  mailLanguage: 'Language of the invitation mail',
  language: { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' },
  sendInvite: 'Send invitation',
  cancel: 'Cancel',
  invited: (email) => `Invitation sent to ${email}.`,
  edit: (name) => `Edit ${name}`,
  editHeading: (name) => `Edit ${name}`,
  save: 'Save',
  saved: (name) => `${name} saved.`,
  deactivate: (name) => `Deactivate ${name}`,
  deactivateHeading: (name) => `Deactivate ${name}?`,
  deactivateWhat: (c, t) =>
    `They are signed out at once on every device and cannot sign in again. ${c === 1 ? '1 conversation goes' : `${c} conversations go`} back to the queue now, and ${t === 1 ? '1 open ticket is' : `${t} open tickets are`} left unassigned. Their history stays; you can reactivate them later.`,
  deactivateBack: 'Keep them',
  confirmDeactivate: 'Deactivate',
  deactivated: (name, c, t) => `${name} deactivated: ${c} ${c === 1 ? 'conversation' : 'conversations'} requeued, ${t} ${t === 1 ? 'ticket' : 'tickets'} unassigned.`,
  reactivate: (name) => `Reactivate ${name}`,
  reactivated: (name) => `${name} reactivated.`,
  resend: (name) => `Resend invitation to ${name}`,
  resent: (email) => `A new invitation was sent to ${email}; the old link no longer works.`,
  short: { edit: 'Edit', deactivate: 'Deactivate', reactivate: 'Reactivate', resend: 'Resend invitation' },
};

const zhCN: PeopleStrings = {
  heading: '人员',
  intro: '邀请同事，设置他们的权限和可同时接待的会话数，并停用离职人员。',
  loading: '正在加载人员…',
  failed: (m) => `无法加载人员：${m}`,
  retry: '重试',
  empty: '没有符合筛选条件的人员。',
  filterLabel: '显示',
  all: '全部',
  status: { active: '已启用', invited: '已邀请', deactivated: '已停用' },
  role: { admin: '管理员', supervisor: '主管', agent: '客服' },
  colName: '姓名',
  colRole: '角色',
  colDepartments: '部门',
  colCapacity: '同时接待数',
  colStatus: '状态',
  colActions: '操作',
  you: '（您）',
  noDepartments: '无',
  invite: '邀请人员',
  inviteHeading: '邀请人员',
  email: '邮箱',
  name: '姓名',
  roleLabel: '角色',
  departmentsLegend: '部门',
  capacity: '同时接待数',
  capacityHint: '可同时负责的会话数量（0–50）。',
  mailLanguage: '邀请邮件语言',
  language: { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' },
  sendInvite: '发送邀请',
  cancel: '取消',
  invited: (email) => `邀请已发送至 ${email}。`,
  edit: (name) => `编辑 ${name}`,
  editHeading: (name) => `编辑 ${name}`,
  save: '保存',
  saved: (name) => `已保存 ${name}。`,
  deactivate: (name) => `停用 ${name}`,
  deactivateHeading: (name) => `停用 ${name}？`,
  deactivateWhat: (c, t) => `对方将立即在所有设备上退出登录，且无法再次登录。${c} 个会话将立即回到排队队列，${t} 个未结工单将取消分配。其历史记录会保留，之后可重新启用。`,
  deactivateBack: '暂不停用',
  confirmDeactivate: '停用',
  deactivated: (name, c, t) => `已停用 ${name}：${c} 个会话已重新排队，${t} 个工单已取消分配。`,
  reactivate: (name) => `重新启用 ${name}`,
  reactivated: (name) => `已重新启用 ${name}。`,
  resend: (name) => `重发邀请给 ${name}`,
  resent: (email) => `新的邀请已发送至 ${email}，旧链接已失效。`,
  short: { edit: '编辑', deactivate: '停用', reactivate: '重新启用', resend: '重发邀请' },
};

const zhTW: PeopleStrings = {
  heading: '人員',
  intro: '邀請同事，設定他們的權限和可同時接待的對話數，並停用離職人員。',
  loading: '正在載入人員…',
  failed: (m) => `無法載入人員：${m}`,
  retry: '重試',
  empty: '沒有符合篩選條件的人員。',
  filterLabel: '顯示',
  all: '全部',
  status: { active: '已啟用', invited: '已邀請', deactivated: '已停用' },
  role: { admin: '管理員', supervisor: '主管', agent: '客服' },
  colName: '姓名',
  colRole: '角色',
  colDepartments: '部門',
  colCapacity: '同時接待數',
  colStatus: '狀態',
  colActions: '操作',
  you: '（您）',
  noDepartments: '無',
  invite: '邀請人員',
  inviteHeading: '邀請人員',
  email: '電子郵件',
  name: '姓名',
  roleLabel: '角色',
  departmentsLegend: '部門',
  capacity: '同時接待數',
  capacityHint: '可同時負責的對話數量（0–50）。',
  mailLanguage: '邀請郵件語言',
  language: { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' },
  sendInvite: '寄送邀請',
  cancel: '取消',
  invited: (email) => `邀請已寄送至 ${email}。`,
  edit: (name) => `編輯 ${name}`,
  editHeading: (name) => `編輯 ${name}`,
  save: '儲存',
  saved: (name) => `已儲存 ${name}。`,
  deactivate: (name) => `停用 ${name}`,
  deactivateHeading: (name) => `停用 ${name}？`,
  deactivateWhat: (c, t) => `對方將立即在所有裝置上登出，且無法再次登入。${c} 個對話將立即回到排隊佇列，${t} 個未結工單將取消指派。其歷史紀錄會保留，之後可重新啟用。`,
  deactivateBack: '暫不停用',
  confirmDeactivate: '停用',
  deactivated: (name, c, t) => `已停用 ${name}：${c} 個對話已重新排隊，${t} 個工單已取消指派。`,
  reactivate: (name) => `重新啟用 ${name}`,
  reactivated: (name) => `已重新啟用 ${name}。`,
  resend: (name) => `重寄邀請給 ${name}`,
  resent: (email) => `新的邀請已寄送至 ${email}，舊連結已失效。`,
  short: { edit: '編輯', deactivate: '停用', reactivate: '重新啟用', resend: '重寄邀請' },
};

export const peopleStrings: Catalogs<PeopleStrings> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
