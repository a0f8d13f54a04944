/**
 * What a person reads in a report file (CSV headers, the printable monthly page, the monthly mail),
 * in English, 简体中文 and 繁體中文.
 */
import { REPORT_LABELS, reportUnit, type Locale, type ReportLabels, type ReportMetric } from '@parley/protocol';

export type AnyMetric = ReportMetric;
export type ReportTable = 'summary' | 'series' | 'byDepartment' | 'byAgent' | 'byChannel' | 'comments';
/** Titles of the tables in an `all` download. */
export type TableTitles = Record<ReportTable, string>;

/** The section, figure and channel names come from the protocol's REPORT_LABELS, shared with the console. */
export interface ReportFileStrings extends ReportLabels {
  /** First column of each table. */
  column: Record<Exclude<ReportTable, 'comments'>, string>;
  /** Title lines of the tables in a whole-section download. */
  table: TableTitles;
  period: string;
  previous: string;
  seconds: string;
  percent: string;
  comments: { kind: string; score: string; comment: string; createdAt: string; department: string; agent: string; channel: string };
  monthly: {
    title: (month: string) => string;
    heading: string;
    channel: string;
    items: string;
    inTarget: string;
    inTargetRate: string;
    late: string;
    missed: string;
    csatInternal: string;
    csatExternal: string;
    change: string;
    total: string;
    nps: string;
    zone: (zone: string, target: number) => string;
    generated: (at: string) => string;
    empty: string;
    mailIntro: (site: string, month: string) => string;
    mailCsv: string;
    mailPage: string;
  };
}

const en: ReportFileStrings = {
  ...REPORT_LABELS.en,
  column: { summary: 'Period', series: 'Period', byDepartment: 'Department', byAgent: 'Agent', byChannel: 'Channel' },
  table: { summary: 'Summary', series: 'Over time', byDepartment: 'By department', byAgent: 'By agent', byChannel: 'By channel', comments: 'Comments' },
  period: 'This period',
  previous: 'Previous period',
  seconds: 's',
  percent: '%',
  comments: { kind: 'Survey', score: 'Score', comment: 'Comment', createdAt: 'Answered at', department: 'Department', agent: 'Agent', channel: 'Channel' },
  monthly: {
    title: (month) => `Communication efficiency report, ${month}`,
    heading: 'Communication efficiency report',
    channel: 'Channel',
    items: 'Items',
    inTarget: 'Answered in target',
    inTargetRate: 'In-target rate',
    late: 'Late',
    missed: 'Missed',
    csatInternal: 'Internal satisfaction',
    csatExternal: 'External satisfaction',
    change: 'vs last month',
    total: 'All channels',
    nps: 'NPS',
    zone: (zone, target) => `Days in ${zone}. Tickets are measured against their SLA due time (business hours); chats against a first reply within ${target} s.`,
    generated: (at) => `Generated ${at}`,
    empty: 'Nothing happened this month.',
    mailIntro: (site, month) => `The communication efficiency report of ${site} for ${month} is ready.`,
    mailCsv: 'Download as CSV',
    mailPage: 'Open the printable page',
  },
};

const zhCN: ReportFileStrings = {
  ...REPORT_LABELS['zh-CN'],
  column: { summary: '时段', series: '时段', byDepartment: '部门', byAgent: '客服', byChannel: '渠道' },
  table: { summary: '汇总', series: '按时间', byDepartment: '按部门', byAgent: '按客服', byChannel: '按渠道', comments: '评论' },
  period: '本期',
  previous: '上期',
  seconds: '秒',
  percent: '%',
  comments: { kind: '问卷', score: '分数', comment: '评论', createdAt: '回答时间', department: '部门', agent: '客服', channel: '渠道' },
  monthly: {
    title: (month) => `沟通效率月度报告 ${month}`,
    heading: '沟通效率月度报告',
    channel: '渠道',
    items: '数量',
    inTarget: '按时响应',
    inTargetRate: '按时响应率',
    late: '超时',
    missed: '未响应',
    csatInternal: '内部满意度',
    csatExternal: '外部满意度',
    change: '环比',
    total: '全部渠道',
    nps: 'NPS',
    zone: (zone, target) => `日期按 ${zone} 时区划分。工单按其 SLA 到期时间（工作时间）衡量；对话按 ${target} 秒内首次回复衡量。`,
    generated: (at) => `生成于 ${at}`,
    empty: '本月没有数据。',
    mailIntro: (site, month) => `${site} ${month} 的沟通效率月度报告已生成。`,
    mailCsv: '下载 CSV',
    mailPage: '打开可打印页面',
  },
};

const zhTW: ReportFileStrings = {
  ...REPORT_LABELS['zh-TW'],
  column: { summary: '時段', series: '時段', byDepartment: '部門', byAgent: '客服', byChannel: '管道' },
  table: { summary: '彙總', series: '按時間', byDepartment: '按部門', byAgent: '按客服', byChannel: '按管道', comments: '評論' },
  period: '本期',
  previous: '上期',
  seconds: '秒',
  percent: '%',
  comments: { kind: '問卷', score: '分數', comment: '評論', createdAt: '回答時間', department: '部門', agent: '客服', channel: '管道' },
  monthly: {
    title: (month) => `溝通效率月度報告 ${month}`,
    heading: '溝通效率月度報告',
    channel: '管道',
    items: '數量',
    inTarget: '準時回應',
    inTargetRate: '準時回應率',
    late: '逾時',
    missed: '未回應',
    csatInternal: '內部滿意度',
    csatExternal: '外部滿意度',
    change: '較上月',
    total: '全部管道',
    nps: 'NPS',
    zone: (zone, target) => `日期依 ${zone} 時區劃分。工單依其 SLA 到期時間（營業時間）衡量；對話依 ${target} 秒內首次回覆衡量。`,
    generated: (at) => `產生於 ${at}`,
    empty: '本月沒有資料。',
    mailIntro: (site, month) => `${site} ${month} 的溝通效率月度報告已產生。`,
    mailCsv: '下載 CSV',
    mailPage: '開啟可列印頁面',
  },
};

export const REPORT_STRINGS: Record<Locale, ReportFileStrings> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

/** A metric's column header with its unit, e.g. "Queue wait (median) [s]". */
export function metricHeader(s: ReportFileStrings, metric: string): string {
  const name = s.metric[metric as AnyMetric] ?? metric;
  const unit = reportUnit(metric as ReportMetric);
  if (unit === 'seconds') return `${name} [${s.seconds}]`;
  if (unit === 'percent') return `${name} [${s.percent}]`;
  return name;
}
