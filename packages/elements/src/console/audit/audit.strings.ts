/** Strings of the console's Audit log tab (Settings). */
import type { Catalogs } from '../../internal/i18n.js';

export interface AuditStrings {
  heading: string;
  intro: string;
  filters: string;
  action: string;
  actionAny: string;
  actionGroups: Record<string, string>;
  from: string;
  to: string;
  text: string;
  textHint: string;
  apply: string;
  clear: string;
  download: string;
  downloading: string;
  downloaded: string;
  colTime: string;
  colWho: string;
  colAction: string;
  colTarget: string;
  colDetails: string;
  system: string;
  showChanges: (action: string) => string;
  hideChanges: (action: string) => string;
  field: string;
  before: string;
  after: string;
  none: string;
  ip: (ip: string) => string;
  loading: string;
  empty: string;
  failed: (message: string) => string;
  retry: string;
  more: string;
  loadingMore: string;
  end: string;
  shown: (n: number) => string;
}

/** Action prefixes offered in the filter; any other is typed into the text search. */
export const ACTION_GROUPS = ['agent.', 'site.', 'department.', 'contact.', 'announcement.', 'webhook.', 'kb.', 'ticket.', 'survey.', 'employee_survey.', 'retention.'] as const;

export const auditStrings: Catalogs<AuditStrings> = {
  en: {
    heading: 'Audit log',
    intro: 'What admins and supervisors changed, and what the system deleted, newest first. Only the changed fields are kept; secrets never are.',
    filters: 'Filter the log',
    action: 'Kind of change',
    actionAny: 'Any',
    actionGroups: {
      'agent.': 'People',
      'site.': 'Sites',
      'department.': 'Departments and hours',
      'contact.': 'Contacts',
      'announcement.': 'Announcements',
      'webhook.': 'Webhooks',
      'kb.': 'Help center',
      'ticket.': 'Ticket settings',
      'survey.': 'Survey settings',
      'employee_survey.': 'Employee surveys',
      'retention.': 'Retention',
    },
    from: 'From',
    to: 'To',
    text: 'Contains',
    textHint: 'A name, email, id or value',
    apply: 'Apply filters',
    clear: 'Clear',
    download: 'Download CSV',
    downloading: 'Preparing the file…',
    downloaded: 'The CSV file was downloaded.',
    colTime: 'When',
    colWho: 'Who',
    colAction: 'Change',
    colTarget: 'What',
    colDetails: 'Details',
    system: 'System',
    showChanges: (a) => `Show changes of ${a}`,
    hideChanges: (a) => `Hide changes of ${a}`,
    field: 'Field',
    before: 'Before',
    after: 'After',
    none: '—',
    ip: (ip) => `From address ${ip}`,
    loading: 'Loading the audit log…',
    empty: 'No entries match these filters.',
    failed: (m) => `The audit log could not be loaded: ${m}`,
    retry: 'Try again',
    more: 'Load more',
    loadingMore: 'Loading more…',
    end: 'That is every matching entry.',
    shown: (n) => `${n} ${n === 1 ? 'entry' : 'entries'} shown`,
  },
  'zh-CN': {
    heading: '审计日志',
    intro: '管理员和主管所做的更改，以及系统删除的内容，最新的在前。只保留更改的字段，绝不记录密钥。',
    filters: '筛选日志',
    action: '更改类型',
    actionAny: '全部',
    actionGroups: {
      'agent.': '人员',
      'site.': '站点',
      'department.': '部门与工作时间',
      'contact.': '联系人',
      'announcement.': '公告',
      'webhook.': 'Webhook',
      'kb.': '帮助中心',
      'ticket.': '工单设置',
      'survey.': '调查设置',
      'employee_survey.': '员工调查',
      'retention.': '数据保留',
    },
    from: '开始日期',
    to: '结束日期',
    text: '包含',
    textHint: '姓名、邮箱、ID 或值',
    apply: '应用筛选',
    clear: '清除',
    download: '下载 CSV',
    downloading: '正在准备文件…',
    downloaded: 'CSV 文件已下载。',
    colTime: '时间',
    colWho: '操作人',
    colAction: '更改',
    colTarget: '对象',
    colDetails: '详情',
    system: '系统',
    showChanges: (a) => `显示 ${a} 的更改`,
    hideChanges: (a) => `隐藏 ${a} 的更改`,
    field: '字段',
    before: '修改前',
    after: '修改后',
    none: '—',
    ip: (ip) => `来自地址 ${ip}`,
    loading: '正在加载审计日志…',
    empty: '没有符合筛选条件的记录。',
    failed: (m) => `无法加载审计日志：${m}`,
    retry: '重试',
    more: '加载更多',
    loadingMore: '正在加载更多…',
    end: '以上是全部符合条件的记录。',
    shown: (n) => `已显示 ${n} 条记录`,
  },
  'zh-TW': {
    heading: '稽核日誌',
    intro: '管理員和主管所做的變更，以及系統刪除的內容，最新的在前。只保留變更的欄位，絕不記錄密鑰。',
    filters: '篩選日誌',
    action: '變更類型',
    actionAny: '全部',
    actionGroups: {
      'agent.': '人員',
      'site.': '網站',
      'department.': '部門與工作時間',
      'contact.': '聯絡人',
      'announcement.': '公告',
      'webhook.': 'Webhook',
      'kb.': '說明中心',
      'ticket.': '工單設定',
      'survey.': '調查設定',
      'employee_survey.': '員工調查',
      'retention.': '資料保留',
    },
    from: '開始日期',
    to: '結束日期',
    text: '包含',
    textHint: '姓名、電郵、ID 或值',
    apply: '套用篩選',
    clear: '清除',
    download: '下載 CSV',
    downloading: '正在準備檔案…',
    downloaded: 'CSV 檔案已下載。',
    colTime: '時間',
    colWho: '操作人',
    colAction: '變更',
    colTarget: '對象',
    colDetails: '詳情',
    system: '系統',
    showChanges: (a) => `顯示 ${a} 的變更`,
    hideChanges: (a) => `隱藏 ${a} 的變更`,
    field: '欄位',
    before: '變更前',
    after: '變更後',
    none: '—',
    ip: (ip) => `來自位址 ${ip}`,
    loading: '正在載入稽核日誌…',
    empty: '沒有符合篩選條件的記錄。',
    failed: (m) => `無法載入稽核日誌：${m}`,
    retry: '重試',
    more: '載入更多',
    loadingMore: '正在載入更多…',
    end: '以上是全部符合條件的記錄。',
    shown: (n) => `已顯示 ${n} 筆記錄`,
  },
};
