/**
 * Strings of the console's announcements view. The English catalog defines the shape; the other two
 * must match it key for key (checked by `Catalogs<AnnouncementsStrings>`).
 */
import type { Locale } from '@parley/protocol';
import type { Catalogs } from '../../internal/i18n.js';

export type AnnouncementPriorityName = 'normal' | 'important' | 'urgent';
export type AnnouncementStateName = 'draft' | 'scheduled' | 'live' | 'ended' | 'withdrawn';

export interface AnnouncementsStrings {
  heading: string;
  intro: string;
  newAnnouncement: string;
  loading: string;
  failed: (message: string) => string;
  retry: string;
  empty: string;
  colTitle: string;
  colPriority: string;
  colState: string;
  colAudience: string;
  colWindow: string;
  colReceipts: string;
  priority: Record<AnnouncementPriorityName, string>;
  priorityHint: Record<AnnouncementPriorityName, string>;
  state: Record<AnnouncementStateName, string>;
  everyone: string;
  departmentsCount: (n: number) => string;
  peopleCount: (n: number) => string;
  receiptsSummary: (seen: string, acknowledged: string | null) => string;
  noAckNeeded: string;
  whenever: string;
  back: string;
  editHeading: string;
  newHeading: string;
  language: Record<Locale, string>;
  title: string;
  body: string;
  bodyHint: string;
  priorityLegend: string;
  audience: string;
  audienceEveryone: string;
  audienceDepartments: string;
  audiencePeople: string;
  people: string;
  peopleHint: string;
  window: string;
  startsAt: string;
  endsAt: string;
  windowHint: string;
  requireAck: string;
  requireAckHint: string;
  save: string;
  saveChanges: string;
  saved: string;
  deleteDraft: string;
  confirmDelete: string;
  deleted: string;
  publishNow: string;
  published: string;
  schedule: string;
  scheduled: string;
  withdraw: string;
  confirmWithdraw: string;
  withdrawn: string;
  previewHeading: string;
  previewAs: string;
  previewLanguage: string;
  previewEveryone: string;
  showPreview: string;
  previewEmpty: string;
  previewNotShown: string;
  previewUpdated: string;
  receipts: string;
  openReceipts: string;
  audienceSize: string;
  seen: string;
  acknowledged: string;
  ofTotal: (count: number, total: number, percent: string) => string;
  notAcknowledged: string;
  allAcknowledged: string;
  noAckRequired: string;
  colPerson: string;
  colSeen: string;
  notSeen: string;
  noDepartment: string;
  missingIn: (department: string, n: number) => string;
  remind: string;
  remindIn: (department: string) => string;
  knownHint: (days: number) => string;
  reminded: (n: number) => string;
  downloadCsv: string;
  downloaded: (name: string) => string;
  unknown: string;
}

const en: AnnouncementsStrings = {
  heading: 'Announcements',
  intro: 'Messages for employees on the intranet banner: who must acknowledge them, and who has not yet.',
  newAnnouncement: 'New announcement',
  loading: 'Loading…',
  failed: (message) => `Something went wrong: ${message}`,
  retry: 'Try again',
  empty: 'No announcements yet. Write one with New announcement.',
  colTitle: 'Announcement',
  colPriority: 'Priority',
  colState: 'State',
  colAudience: 'Audience',
  colWindow: 'Shown',
  colReceipts: 'Receipts',
  priority: { normal: 'Normal', important: 'Important', urgent: 'Urgent' },
  priorityHint: {
    normal: 'Shown in the banner among the others.',
    important: 'Highlighted and listed first.',
    urgent: 'Pushed at once to everyone connected and kept on top until dismissed or acknowledged.',
  },
  state: { draft: 'Draft', scheduled: 'Scheduled', live: 'Live', ended: 'Ended', withdrawn: 'Withdrawn' },
  everyone: 'Everyone',
  departmentsCount: (n) => (n === 1 ? '1 department' : `${n} departments`),
  peopleCount: (n) => (n === 1 ? '1 person' : `${n} people`),
  receiptsSummary: (seen, acknowledged) => (acknowledged === null ? `${seen} seen` : `${seen} seen, ${acknowledged} acknowledged`),
  noAckNeeded: 'no acknowledgement',
  whenever: 'open',
  back: 'Back to announcements',
  editHeading: 'Edit announcement',
  newHeading: 'New announcement',
  language: { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' },
  title: 'Title',
  body: 'Text',
  bodyHint: 'Markdown: **bold**, *italic*, lists and links (http, https, mailto). Blank translations show the English text.',
  priorityLegend: 'Priority',
  audience: 'Audience',
  audienceEveryone: 'Everyone on the intranet',
  audienceDepartments: 'Some departments',
  audiencePeople: 'Named people',
  people: 'People (one intranet subject per line)',
  peopleHint: 'The subject is the employee id in their intranet token, for example emp-1042.',
  window: 'When',
  startsAt: 'Starts (optional)',
  endsAt: 'Ends (optional)',
  windowHint: 'Without a start it goes live when you publish it; without an end it stays until withdrawn.',
  requireAck: 'Employees must acknowledge it',
  requireAckHint: 'They confirm they have read it; you see who has not and can remind them.',
  save: 'Save draft',
  saveChanges: 'Save changes',
  saved: 'Announcement saved.',
  deleteDraft: 'Delete draft',
  confirmDelete: 'Delete this draft? This cannot be undone.',
  deleted: 'Draft deleted.',
  publishNow: 'Publish now',
  published: 'The announcement is live.',
  schedule: 'Schedule',
  scheduled: 'The announcement is scheduled.',
  withdraw: 'Withdraw',
  confirmWithdraw: 'Withdraw this announcement? It disappears from every banner at once.',
  withdrawn: 'The announcement is withdrawn.',
  previewHeading: 'Preview',
  previewAs: 'Preview as',
  previewLanguage: 'Language',
  previewEveryone: 'Someone in no listed department',
  showPreview: 'Show preview',
  previewEmpty: 'Show a preview to see the text as an employee of that department will read it, before anything is saved.',
  previewNotShown: 'This person is not in the audience: the announcement would not be shown to them.',
  previewUpdated: 'Preview updated.',
  receipts: 'Receipts',
  openReceipts: 'Receipts',
  audienceSize: 'Reached',
  seen: 'Seen',
  acknowledged: 'Acknowledged',
  ofTotal: (count, total, percent) => `${count} of ${total} (${percent})`,
  notAcknowledged: 'Not acknowledged yet',
  allAcknowledged: 'Everyone in the audience has acknowledged.',
  noAckRequired: 'This announcement needs no acknowledgement.',
  colPerson: 'Person',
  colSeen: 'Seen',
  notSeen: 'Not seen',
  noDepartment: 'No department',
  missingIn: (department, n) => `${department}: ${n} not acknowledged`,
  remind: 'Remind them',
  remindIn: (department) => `Remind ${department}`,
  knownHint: (days) => `Out of the people in the audience who opened the intranet in the last ${days} days: Parley knows employees only from their visits.`,
  reminded: (n) => (n === 1 ? 'Reminder sent to 1 person.' : `Reminder sent to ${n} people.`),
  downloadCsv: 'Download CSV',
  downloaded: (name) => `${name} downloaded.`,
  unknown: '—',
};

const zhCN: AnnouncementsStrings = {
  heading: '公告',
  intro: '显示在内网横幅上的员工公告：哪些需要确认，谁还没有确认。',
  newAnnouncement: '新建公告',
  loading: '正在加载…',
  failed: (message) => `出错了：${message}`,
  retry: '重试',
  empty: '还没有公告。点击「新建公告」开始。',
  colTitle: '公告',
  colPriority: '优先级',
  colState: '状态',
  colAudience: '对象',
  colWindow: '显示时间',
  colReceipts: '回执',
  priority: { normal: '普通', important: '重要', urgent: '紧急' },
  priorityHint: {
    normal: '与其他公告一起显示在横幅中。',
    important: '突出显示并排在最前。',
    urgent: '立即推送给所有在线员工，并保持置顶，直到关闭或确认。',
  },
  state: { draft: '草稿', scheduled: '待发布', live: '发布中', ended: '已结束', withdrawn: '已撤回' },
  everyone: '全体员工',
  departmentsCount: (n) => `${n} 个部门`,
  peopleCount: (n) => `${n} 人`,
  receiptsSummary: (seen, acknowledged) => (acknowledged === null ? `已读 ${seen}` : `已读 ${seen}，已确认 ${acknowledged}`),
  noAckNeeded: '无需确认',
  whenever: '不限',
  back: '返回公告列表',
  editHeading: '编辑公告',
  newHeading: '新建公告',
  language: { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' },
  title: '标题',
  body: '正文',
  bodyHint: '支持 Markdown：**粗体**、*斜体*、列表和链接（http、https、mailto）。未填写的译文显示英文。',
  priorityLegend: '优先级',
  audience: '公告对象',
  audienceEveryone: '内网全体员工',
  audienceDepartments: '指定部门',
  audiencePeople: '指定人员',
  people: '人员（每行一个内网 subject）',
  peopleHint: 'subject 是员工内网令牌中的员工编号，例如 emp-1042。',
  window: '时间',
  startsAt: '开始（可选）',
  endsAt: '结束（可选）',
  windowHint: '不填开始时间则在发布时生效；不填结束时间则一直显示到撤回。',
  requireAck: '员工必须确认',
  requireAckHint: '员工确认已阅读；您可以看到谁还没有确认并提醒他们。',
  save: '保存草稿',
  saveChanges: '保存修改',
  saved: '公告已保存。',
  deleteDraft: '删除草稿',
  confirmDelete: '删除此草稿？删除后无法恢复。',
  deleted: '草稿已删除。',
  publishNow: '立即发布',
  published: '公告已发布。',
  schedule: '定时发布',
  scheduled: '公告已定时。',
  withdraw: '撤回',
  confirmWithdraw: '撤回此公告？它会立即从所有横幅中消失。',
  withdrawn: '公告已撤回。',
  previewHeading: '预览',
  previewAs: '预览身份',
  previewLanguage: '语言',
  previewEveryone: '不属于任何列出部门的员工',
  showPreview: '显示预览',
  previewEmpty: '显示预览，在保存前查看该部门员工将看到的内容。',
  previewNotShown: '此人不在公告对象内：不会向其显示此公告。',
  previewUpdated: '预览已更新。',
  receipts: '回执',
  openReceipts: '回执',
  audienceSize: '送达',
  seen: '已读',
  acknowledged: '已确认',
  ofTotal: (count, total, percent) => `${total} 人中 ${count} 人（${percent}）`,
  notAcknowledged: '尚未确认',
  allAcknowledged: '公告对象已全部确认。',
  noAckRequired: '此公告无需确认。',
  colPerson: '人员',
  colSeen: '已读',
  notSeen: '未读',
  noDepartment: '无部门',
  missingIn: (department, n) => `${department}：${n} 人未确认`,
  remind: '提醒他们',
  remindIn: (department) => `提醒${department}`,
  knownHint: (days) => `以最近 ${days} 天内打开过内网的公告对象为基数：Parley 只能通过访问得知员工。`,
  reminded: (n) => `已提醒 ${n} 人。`,
  downloadCsv: '下载 CSV',
  downloaded: (name) => `已下载 ${name}。`,
  unknown: '—',
};

const zhTW: AnnouncementsStrings = {
  heading: '公告',
  intro: '顯示在內網橫幅上的員工公告：哪些需要確認，誰還沒有確認。',
  newAnnouncement: '新增公告',
  loading: '正在載入…',
  failed: (message) => `發生錯誤：${message}`,
  retry: '重試',
  empty: '還沒有公告。按「新增公告」開始。',
  colTitle: '公告',
  colPriority: '優先順序',
  colState: '狀態',
  colAudience: '對象',
  colWindow: '顯示時間',
  colReceipts: '回條',
  priority: { normal: '一般', important: '重要', urgent: '緊急' },
  priorityHint: {
    normal: '與其他公告一起顯示在橫幅中。',
    important: '醒目顯示並排在最前。',
    urgent: '立即推送給所有在線員工，並保持置頂，直到關閉或確認。',
  },
  state: { draft: '草稿', scheduled: '待發布', live: '發布中', ended: '已結束', withdrawn: '已撤回' },
  everyone: '全體員工',
  departmentsCount: (n) => `${n} 個部門`,
  peopleCount: (n) => `${n} 人`,
  receiptsSummary: (seen, acknowledged) => (acknowledged === null ? `已讀 ${seen}` : `已讀 ${seen}，已確認 ${acknowledged}`),
  noAckNeeded: '無需確認',
  whenever: '不限',
  back: '返回公告列表',
  editHeading: '編輯公告',
  newHeading: '新增公告',
  language: { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' },
  title: '標題',
  body: '內文',
  bodyHint: '支援 Markdown：**粗體**、*斜體*、清單和連結（http、https、mailto）。未填寫的譯文顯示英文。',
  priorityLegend: '優先順序',
  audience: '公告對象',
  audienceEveryone: '內網全體員工',
  audienceDepartments: '指定部門',
  audiencePeople: '指定人員',
  people: '人員（每行一個內網 subject）',
  peopleHint: 'subject 是員工內網權杖中的員工編號，例如 emp-1042。',
  window: '時間',
  startsAt: '開始（選填）',
  endsAt: '結束（選填）',
  windowHint: '不填開始時間則在發布時生效；不填結束時間則一直顯示到撤回。',
  requireAck: '員工必須確認',
  requireAckHint: '員工確認已閱讀；您可以看到誰還沒有確認並提醒他們。',
  save: '儲存草稿',
  saveChanges: '儲存變更',
  saved: '公告已儲存。',
  deleteDraft: '刪除草稿',
  confirmDelete: '刪除此草稿？刪除後無法復原。',
  deleted: '草稿已刪除。',
  publishNow: '立即發布',
  published: '公告已發布。',
  schedule: '排程發布',
  scheduled: '公告已排程。',
  withdraw: '撤回',
  confirmWithdraw: '撤回此公告？它會立即從所有橫幅中消失。',
  withdrawn: '公告已撤回。',
  previewHeading: '預覽',
  previewAs: '預覽身分',
  previewLanguage: '語言',
  previewEveryone: '不屬於任何列出部門的員工',
  showPreview: '顯示預覽',
  previewEmpty: '顯示預覽，在儲存前檢視該部門員工將看到的內容。',
  previewNotShown: '此人不在公告對象內：不會向其顯示此公告。',
  previewUpdated: '預覽已更新。',
  receipts: '回條',
  openReceipts: '回條',
  audienceSize: '送達',
  seen: '已讀',
  acknowledged: '已確認',
  ofTotal: (count, total, percent) => `${total} 人中 ${count} 人（${percent}）`,
  notAcknowledged: '尚未確認',
  allAcknowledged: '公告對象已全部確認。',
  noAckRequired: '此公告無需確認。',
  colPerson: '人員',
  colSeen: '已讀',
  notSeen: '未讀',
  noDepartment: '無部門',
  missingIn: (department, n) => `${department}：${n} 人未確認`,
  remind: '提醒他們',
  remindIn: (department) => `提醒${department}`,
  knownHint: (days) => `以最近 ${days} 天內開啟過內網的公告對象為基數：Parley 只能透過造訪得知員工。`,
  reminded: (n) => `已提醒 ${n} 人。`,
  downloadCsv: '下載 CSV',
  downloaded: (name) => `已下載 ${name}。`,
  unknown: '—',
};

export const announcementsStrings: Catalogs<AnnouncementsStrings> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
