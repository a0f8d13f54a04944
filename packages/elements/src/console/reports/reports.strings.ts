/**
 * Strings of the console's Reports view. The English catalog defines the shape; the other two must
 * match it key for key (checked by `Catalogs<ReportsStrings>`). Section, figure and channel names are
 * the protocol's REPORT_LABELS, which the server's CSV files and monthly report also use.
 */
import { REPORT_LABELS, type ReportChannel, type ReportGranularity, type ReportMetric, type ReportSectionName } from '@parley/protocol';
import type { Catalogs } from '../../internal/i18n.js';

export type AnyMetric = ReportMetric;
export type Preset = '7d' | '30d' | '90d' | 'thisMonth' | 'lastMonth' | 'custom';
export type Breakdown = 'series' | 'byDepartment' | 'byAgent' | 'byChannel';

export interface ReportsStrings {
  heading: string;
  controls: string;
  period: string;
  preset: Record<Preset, string>;
  from: string;
  to: string;
  granularity: string;
  granularityName: Record<ReportGranularity, string>;
  department: string;
  allDepartments: string;
  channel: string;
  allChannels: string;
  channelName: Record<ReportChannel, string>;
  compare: string;
  show: string;
  loading: string;
  loaded: (from: string, to: string) => string;
  failed: (message: string) => string;
  retry: string;
  section: Record<ReportSectionName, string>;
  metric: Record<AnyMetric, string>;
  breakdown: Record<Breakdown, string>;
  breakdownLabel: string;
  previous: (value: string) => string;
  up: (change: string) => string;
  down: (change: string) => string;
  same: string;
  noData: string;
  downloadCsv: string;
  downloaded: (name: string) => string;
  chartOf: (section: string) => string;
  comments: string;
  noComments: string;
  scoreOf: (kind: string, score: number) => string;
  csat: string;
  nps: string;
  monthly: string;
  monthlyHint: string;
  noMonthly: string;
  monthlyCsv: string;
  monthlyPrint: string;
  none: string;
  seconds: (n: number) => string;
  minutes: (n: number) => string;
  hours: (n: number) => string;
  days: (n: number) => string;
}

const en: ReportsStrings = {
  section: REPORT_LABELS.en.section,
  metric: REPORT_LABELS.en.metric,
  channelName: REPORT_LABELS.en.channel,
  heading: 'Reports',
  controls: 'Report period and filters',
  period: 'Period',
  preset: { '7d': 'Last 7 days', '30d': 'Last 30 days', '90d': 'Last 90 days', thisMonth: 'This month', lastMonth: 'Last month', custom: 'Custom dates' },
  from: 'From',
  to: 'To',
  granularity: 'Group by',
  granularityName: { day: 'Day', week: 'Week', month: 'Month' },
  department: 'Department',
  allDepartments: 'All my departments',
  channel: 'Channel',
  allChannels: 'All channels',
  compare: 'Compare with the period before',
  show: 'Show',
  loading: 'Loading the report…',
  loaded: (from, to) => `Report for ${from} to ${to} shown.`,
  failed: (message) => `The report could not be loaded: ${message}`,
  retry: 'Try again',
  breakdown: { series: 'Over time', byDepartment: 'By department', byAgent: 'By agent', byChannel: 'By channel' },
  breakdownLabel: 'Table',
  previous: (value) => `before: ${value}`,
  up: (change) => `up ${change}`,
  down: (change) => `down ${change}`,
  same: 'no change',
  noData: '—',
  downloadCsv: 'Download CSV',
  downloaded: (name) => `${name} downloaded.`,
  chartOf: (section) => `Chart of ${section}; the same figures are in the table below.`,
  comments: 'What people wrote',
  noComments: 'No comments in this period.',
  scoreOf: (kind, score) => `${kind} ${score}`,
  csat: 'CSAT',
  nps: 'NPS',
  monthly: 'Monthly communication reports',
  monthlyHint: 'Made on the first of each month for the month before, and emailed to admins.',
  noMonthly: 'No monthly report yet: the first is made on the first of next month.',
  monthlyCsv: 'CSV',
  monthlyPrint: 'Printable page',
  none: 'None',
  seconds: (n) => `${n} s`,
  minutes: (n) => `${n} min`,
  hours: (n) => `${n} h`,
  days: (n) => `${n} d`,
};

const zhCN: ReportsStrings = {
  section: REPORT_LABELS['zh-CN'].section,
  metric: REPORT_LABELS['zh-CN'].metric,
  channelName: REPORT_LABELS['zh-CN'].channel,
  heading: '报表',
  controls: '报表时段与筛选',
  period: '时段',
  preset: { '7d': '最近 7 天', '30d': '最近 30 天', '90d': '最近 90 天', thisMonth: '本月', lastMonth: '上月', custom: '自定义日期' },
  from: '开始',
  to: '结束',
  granularity: '分组',
  granularityName: { day: '按日', week: '按周', month: '按月' },
  department: '部门',
  allDepartments: '我的全部部门',
  channel: '渠道',
  allChannels: '全部渠道',
  compare: '与上一时段对比',
  show: '查看',
  loading: '正在加载报表…',
  loaded: (from, to) => `已显示 ${from} 至 ${to} 的报表。`,
  failed: (message) => `报表加载失败：${message}`,
  retry: '重试',
  breakdown: { series: '按时间', byDepartment: '按部门', byAgent: '按客服', byChannel: '按渠道' },
  breakdownLabel: '表格',
  previous: (value) => `上期：${value}`,
  up: (change) => `上升 ${change}`,
  down: (change) => `下降 ${change}`,
  same: '持平',
  noData: '—',
  downloadCsv: '下载 CSV',
  downloaded: (name) => `已下载 ${name}。`,
  chartOf: (section) => `「${section}」图表；下方表格含相同数据。`,
  comments: '用户留言',
  noComments: '本时段没有留言。',
  scoreOf: (kind, score) => `${kind} ${score} 分`,
  csat: 'CSAT',
  nps: 'NPS',
  monthly: '沟通效率月度报告',
  monthlyHint: '每月 1 日生成上月报告，并发送给管理员。',
  noMonthly: '还没有月度报告：第一份将在下月 1 日生成。',
  monthlyCsv: 'CSV',
  monthlyPrint: '打印版',
  none: '无',
  seconds: (n) => `${n} 秒`,
  minutes: (n) => `${n} 分钟`,
  hours: (n) => `${n} 小时`,
  days: (n) => `${n} 天`,
};

const zhTW: ReportsStrings = {
  section: REPORT_LABELS['zh-TW'].section,
  metric: REPORT_LABELS['zh-TW'].metric,
  channelName: REPORT_LABELS['zh-TW'].channel,
  heading: '報表',
  controls: '報表時段與篩選',
  period: '時段',
  preset: { '7d': '最近 7 天', '30d': '最近 30 天', '90d': '最近 90 天', thisMonth: '本月', lastMonth: '上月', custom: '自訂日期' },
  from: '開始',
  to: '結束',
  granularity: '分組',
  granularityName: { day: '按日', week: '按週', month: '按月' },
  department: '部門',
  allDepartments: '我的全部部門',
  channel: '管道',
  allChannels: '全部管道',
  compare: '與上一時段比較',
  show: '檢視',
  loading: '正在載入報表…',
  loaded: (from, to) => `已顯示 ${from} 至 ${to} 的報表。`,
  failed: (message) => `報表載入失敗：${message}`,
  retry: '重試',
  breakdown: { series: '按時間', byDepartment: '按部門', byAgent: '按客服', byChannel: '按管道' },
  breakdownLabel: '表格',
  previous: (value) => `上期：${value}`,
  up: (change) => `上升 ${change}`,
  down: (change) => `下降 ${change}`,
  same: '持平',
  noData: '—',
  downloadCsv: '下載 CSV',
  downloaded: (name) => `已下載 ${name}。`,
  chartOf: (section) => `「${section}」圖表；下方表格含相同資料。`,
  comments: '使用者留言',
  noComments: '本時段沒有留言。',
  scoreOf: (kind, score) => `${kind} ${score} 分`,
  csat: 'CSAT',
  nps: 'NPS',
  monthly: '溝通效率月度報告',
  monthlyHint: '每月 1 日產生上月報告，並寄送給管理員。',
  noMonthly: '還沒有月度報告：第一份將於下月 1 日產生。',
  monthlyCsv: 'CSV',
  monthlyPrint: '列印版',
  none: '無',
  seconds: (n) => `${n} 秒`,
  minutes: (n) => `${n} 分鐘`,
  hours: (n) => `${n} 小時`,
  days: (n) => `${n} 天`,
};

export const reportsStrings: Catalogs<ReportsStrings> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
