/**
 * Strings of the Service levels tab. The English catalog defines the shape; the other two must match it
 * key for key (`Catalogs<ServiceLevelsStrings>`).
 */
import type { TicketPriority } from '@parley/protocol';
import type { Catalogs } from '../../internal/i18n.js';

export type DurationUnit = 'h' | 'min';

export interface ServiceLevelsStrings {
  heading: string;
  intro: string;
  loading: string;
  loadFailed: (message: string) => string;
  saveFailed: (message: string) => string;
  /** A server refusal about one field, with the field named in this language. */
  fieldFailed: (field: string, message: string) => string;
  retry: string;
  readOnly: string;
  appliesNote: string;
  targetsLegend: string;
  targetsHint: string;
  priority: Record<TicketPriority, string>;
  firstResponse: (priority: string) => string;
  noTarget: string;
  escalationLegend: string;
  escalationHint: string;
  level: Record<1 | 2 | 3, string>;
  unit: (field: string) => string;
  units: Record<DurationUnit, string>;
  duration: (value: string, unit: DurationUnit) => string;
  badNumber: (field: string) => string;
  save: string;
  saved: string;
  /** The scope picker: the site's targets, or one department's. */
  scopeLabel: string;
  siteScope: string;
  departmentScope: (name: string, own: boolean) => string;
  ownTargets: string;
  ownTargetsHint: string;
  followsSite: string;
}

export const serviceLevelsStrings: Catalogs<ServiceLevelsStrings> = {
  en: {
    heading: 'Service levels',
    intro: 'Response targets and escalation for the departments of this site: the site’s, or a department’s own. Times count the business hours of the ticket’s department (set in the Departments tab).',
    loading: 'Loading service levels…',
    loadFailed: (m) => `Could not load the service levels: ${m}`,
    saveFailed: (m) => `Could not save: ${m}`,
    fieldFailed: (f, m) => `Could not save. ${f}: ${m}`,
    retry: 'Try again',
    readOnly: 'Only an admin can change these.',
    appliesNote: 'Changes apply to new tickets; tickets already open keep the times they were promised.',
    targetsLegend: 'First-response target by priority',
    targetsHint: 'A priority’s target applies when it is shorter than the target of the ticket’s category. Leave it empty to use the category’s target.',
    priority: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
    firstResponse: (p) => `${p} priority: first response`,
    noTarget: 'Category’s target',
    escalationLegend: 'Escalation',
    escalationHint: 'Business time after a ticket is created at which it escalates if still unresolved. Each level must come after the one before.',
    level: { 1: 'Level 1: supervisor', 2: 'Level 2: executive', 3: 'Level 3: executive deadline' },
    unit: (f) => `${f}, unit`,
    units: { h: 'hours', min: 'minutes' },
    duration: (v, u) => `${v} ${u === 'h' ? (v === '1' ? 'hour' : 'hours') : v === '1' ? 'minute' : 'minutes'}`,
    badNumber: (f) => `${f}: enter a number.`,
    save: 'Save',
    saved: 'Service levels saved.',
    scopeLabel: 'Targets for',
    siteScope: 'The site (every department without its own)',
    departmentScope: (n, own) => (own ? `${n} (its own targets)` : `${n} (the site’s targets)`),
    ownTargets: 'This department has targets of its own',
    ownTargetsHint: 'Its own first-response targets and escalation steps replace the site’s, all of them, for its tickets.',
    followsSite: 'This department follows the site’s targets.',
  },
  'zh-CN': {
    heading: '服务级别',
    intro: '本站点各部门的响应目标和升级规则：站点的，或部门自己的。时间按工单所属部门的工作时间计算（在“部门”选项卡中设置）。',
    loading: '正在加载服务级别…',
    loadFailed: (m) => `无法加载服务级别：${m}`,
    saveFailed: (m) => `无法保存：${m}`,
    fieldFailed: (f, m) => `无法保存。${f}：${m}`,
    retry: '重试',
    readOnly: '只有管理员可以修改这些设置。',
    appliesNote: '更改仅适用于新工单；已打开的工单保留原先承诺的时间。',
    targetsLegend: '各优先级的首次响应目标',
    targetsHint: '当优先级的目标短于工单类别的目标时，以优先级的目标为准。留空则使用类别的目标。',
    priority: { low: '低', normal: '普通', high: '高', urgent: '紧急' },
    firstResponse: (p) => `${p}优先级：首次响应`,
    noTarget: '使用类别的目标',
    escalationLegend: '升级',
    escalationHint: '工单创建后仍未解决时，经过多少工作时间升级。每一级必须晚于上一级。',
    level: { 1: '第 1 级：主管', 2: '第 2 级：高管', 3: '第 3 级：高管期限' },
    unit: (f) => `${f}，单位`,
    units: { h: '小时', min: '分钟' },
    duration: (v, u) => `${v} ${u === 'h' ? '小时' : '分钟'}`,
    badNumber: (f) => `${f}：请输入数字。`,
    save: '保存',
    saved: '服务级别已保存。',
    scopeLabel: '目标适用于',
    siteScope: '站点（没有自己目标的所有部门）',
    departmentScope: (n, own) => (own ? `${n}（自己的目标）` : `${n}（站点的目标）`),
    ownTargets: '此部门使用自己的目标',
    ownTargetsHint: '部门自己的首次响应目标和升级步骤将全部取代站点的设置，用于该部门的工单。',
    followsSite: '此部门沿用站点的目标。',
  },
  'zh-TW': {
    heading: '服務等級',
    intro: '本網站各部門的回應目標和升級規則：網站的，或部門自己的。時間按工單所屬部門的營業時間計算（在「部門」分頁中設定）。',
    loading: '正在載入服務等級…',
    loadFailed: (m) => `無法載入服務等級：${m}`,
    saveFailed: (m) => `無法儲存：${m}`,
    fieldFailed: (f, m) => `無法儲存。${f}：${m}`,
    retry: '重試',
    readOnly: '只有管理員可以修改這些設定。',
    appliesNote: '變更僅適用於新工單；已開啟的工單保留原先承諾的時間。',
    targetsLegend: '各優先順序的首次回應目標',
    targetsHint: '當優先順序的目標短於工單類別的目標時，以優先順序的目標為準。留空則使用類別的目標。',
    priority: { low: '低', normal: '一般', high: '高', urgent: '緊急' },
    firstResponse: (p) => `${p}優先順序：首次回應`,
    noTarget: '使用類別的目標',
    escalationLegend: '升級',
    escalationHint: '工單建立後仍未解決時，經過多少營業時間升級。每一級必須晚於上一級。',
    level: { 1: '第 1 級：主管', 2: '第 2 級：高階主管', 3: '第 3 級：高階主管期限' },
    unit: (f) => `${f}，單位`,
    units: { h: '小時', min: '分鐘' },
    duration: (v, u) => `${v} ${u === 'h' ? '小時' : '分鐘'}`,
    badNumber: (f) => `${f}：請輸入數字。`,
    save: '儲存',
    saved: '服務等級已儲存。',
    scopeLabel: '目標適用於',
    siteScope: '網站（沒有自己目標的所有部門）',
    departmentScope: (n, own) => (own ? `${n}（自己的目標）` : `${n}（網站的目標）`),
    ownTargets: '此部門使用自己的目標',
    ownTargetsHint: '部門自己的首次回應目標和升級步驟將全部取代網站的設定，用於該部門的工單。',
    followsSite: '此部門沿用網站的目標。',
  },
};
