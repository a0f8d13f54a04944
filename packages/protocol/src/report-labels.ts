/**
 * The names of report sections, figures and channels in English, 简体中文 and 繁體中文, and each
 * figure's unit: one source for the console's Reports view and the server's report files (CSV
 * headers, the printable monthly page, the monthly mail), so a column reads as its chart does.
 */
import type { Locale } from './constants.js';
import type { BotMetric, KbMetric, ReportChannel, ReportSectionName, ResponseTimeMetric, SatisfactionMetric, SlaMetric, VolumeMetric } from './reports.js';

export type ReportMetric = VolumeMetric | ResponseTimeMetric | SlaMetric | BotMetric | KbMetric | SatisfactionMetric;

/** seconds: a duration; percent: 0-100; score: the CSAT average 1-5; points: NPS -100..100. */
export type ReportUnit = 'count' | 'seconds' | 'percent' | 'score' | 'points';

const PERCENT: readonly string[] = ['slaCompliance', 'chatCompliance', 'containmentRate', 'helpfulRate', 'csatRate', 'csatInternalRate', 'csatExternalRate'];

export function reportUnit(metric: ReportMetric): ReportUnit {
  if (/Median$|P90$/.test(metric)) return 'seconds';
  if (PERCENT.includes(metric)) return 'percent';
  if (metric === 'csatAverage') return 'score';
  if (metric === 'nps') return 'points';
  return 'count';
}

export interface ReportLabels {
  section: Record<ReportSectionName, string>;
  metric: Record<ReportMetric, string>;
  channel: Record<ReportChannel, string>;
}

export const REPORT_LABELS: Record<Locale, ReportLabels> = {
  en: {
    section: { volume: 'Volume', responseTimes: 'Response times', sla: 'Targets (SLA)', bot: 'Bot', kb: 'Help center', satisfaction: 'Satisfaction' },
    metric: {
      conversations: 'Chats',
      tickets: 'Tickets',
      chatFirstResponseMedian: 'Chat first response (median)',
      chatFirstResponseP90: 'Chat first response (90th percentile)',
      queueWaitMedian: 'Queue wait (median)',
      queueWaitP90: 'Queue wait (90th percentile)',
      queueAbandoned: 'Left the queue unanswered',
      ticketFirstResponseMedian: 'Ticket first response (median)',
      ticketFirstResponseP90: 'Ticket first response (90th percentile)',
      ticketResolutionMedian: 'Ticket resolution (median)',
      ticketResolutionP90: 'Ticket resolution (90th percentile)',
      slaTickets: 'Tickets with a target',
      slaMet: 'Answered in target',
      slaLate: 'Answered late',
      slaMissed: 'Unanswered past target',
      slaBreached: 'Breached',
      slaPending: 'Not yet due',
      slaCompliance: 'Ticket compliance',
      escalated: 'Escalated',
      chatQueued: 'Chats handed to a person',
      chatInTarget: 'Chats answered in target',
      chatLate: 'Chats answered late',
      chatMissed: 'Chats never answered',
      chatCompliance: 'Chat compliance',
      botClosed: 'Chats closed',
      botContained: 'Solved by the bot alone',
      botHandedOff: 'Handed to a person',
      containmentRate: 'Bot containment',
      kbVotes: 'Votes',
      kbHelpful: 'Helpful',
      kbNotHelpful: 'Not helpful',
      helpfulRate: 'Helpfulness',
      csatResponses: 'CSAT answers',
      csatSatisfied: 'Satisfied (4–5)',
      csatRate: 'CSAT satisfied',
      csatAverage: 'CSAT average (1–5)',
      csatInternalRate: 'Employees satisfied',
      csatExternalRate: 'Customers satisfied',
      npsResponses: 'NPS answers',
      promoters: 'Promoters (9–10)',
      passives: 'Passives (7–8)',
      detractors: 'Detractors (0–6)',
      nps: 'NPS',
    },
    channel: { chat: 'Live chat', feedback: 'Feedback form', offline: 'Offline form', api: 'API', email: 'Email', intranet: 'Intranet' },
  },
  'zh-CN': {
    section: { volume: '业务量', responseTimes: '响应时间', sla: '服务目标（SLA）', bot: '机器人', kb: '帮助中心', satisfaction: '满意度' },
    metric: {
      conversations: '对话',
      tickets: '工单',
      chatFirstResponseMedian: '对话首次响应（中位数）',
      chatFirstResponseP90: '对话首次响应（90 分位）',
      queueWaitMedian: '排队等待（中位数）',
      queueWaitP90: '排队等待（90 分位）',
      queueAbandoned: '排队未接通',
      ticketFirstResponseMedian: '工单首次响应（中位数）',
      ticketFirstResponseP90: '工单首次响应（90 分位）',
      ticketResolutionMedian: '工单解决（中位数）',
      ticketResolutionP90: '工单解决（90 分位）',
      slaTickets: '有目标的工单',
      slaMet: '按时响应',
      slaLate: '超时响应',
      slaMissed: '超时未响应',
      slaBreached: '超时',
      slaPending: '未到期',
      slaCompliance: '工单达标率',
      escalated: '已升级',
      chatQueued: '转人工的对话',
      chatInTarget: '按时接待的对话',
      chatLate: '超时接待的对话',
      chatMissed: '未接待的对话',
      chatCompliance: '对话达标率',
      botClosed: '已结束的对话',
      botContained: '机器人独立解决',
      botHandedOff: '转人工',
      containmentRate: '机器人解决率',
      kbVotes: '评价数',
      kbHelpful: '有帮助',
      kbNotHelpful: '没有帮助',
      helpfulRate: '有帮助比例',
      csatResponses: 'CSAT 回答数',
      csatSatisfied: '满意（4–5 分）',
      csatRate: 'CSAT 满意率',
      csatAverage: 'CSAT 平均分（1–5）',
      csatInternalRate: '员工满意率',
      csatExternalRate: '客户满意率',
      npsResponses: 'NPS 回答数',
      promoters: '推荐者（9–10）',
      passives: '中立者（7–8）',
      detractors: '贬损者（0–6）',
      nps: 'NPS',
    },
    channel: { chat: '在线聊天', feedback: '反馈表单', offline: '离线留言', api: 'API', email: '邮件', intranet: '内网' },
  },
  'zh-TW': {
    section: { volume: '業務量', responseTimes: '回應時間', sla: '服務目標（SLA）', bot: '機器人', kb: '說明中心', satisfaction: '滿意度' },
    metric: {
      conversations: '對話',
      tickets: '工單',
      chatFirstResponseMedian: '對話首次回應（中位數）',
      chatFirstResponseP90: '對話首次回應（90 百分位）',
      queueWaitMedian: '排隊等候（中位數）',
      queueWaitP90: '排隊等候（90 百分位）',
      queueAbandoned: '排隊未接通',
      ticketFirstResponseMedian: '工單首次回應（中位數）',
      ticketFirstResponseP90: '工單首次回應（90 百分位）',
      ticketResolutionMedian: '工單解決（中位數）',
      ticketResolutionP90: '工單解決（90 百分位）',
      slaTickets: '有目標的工單',
      slaMet: '準時回應',
      slaLate: '逾時回應',
      slaMissed: '逾時未回應',
      slaBreached: '逾時',
      slaPending: '未到期',
      slaCompliance: '工單達標率',
      escalated: '已升級',
      chatQueued: '轉真人的對話',
      chatInTarget: '準時接待的對話',
      chatLate: '逾時接待的對話',
      chatMissed: '未接待的對話',
      chatCompliance: '對話達標率',
      botClosed: '已結束的對話',
      botContained: '機器人獨立解決',
      botHandedOff: '轉真人',
      containmentRate: '機器人解決率',
      kbVotes: '評價數',
      kbHelpful: '有幫助',
      kbNotHelpful: '沒有幫助',
      helpfulRate: '有幫助比例',
      csatResponses: 'CSAT 回答數',
      csatSatisfied: '滿意（4–5 分）',
      csatRate: 'CSAT 滿意率',
      csatAverage: 'CSAT 平均分（1–5）',
      csatInternalRate: '員工滿意率',
      csatExternalRate: '客戶滿意率',
      npsResponses: 'NPS 回答數',
      promoters: '推薦者（9–10）',
      passives: '中立者（7–8）',
      detractors: '批評者（0–6）',
      nps: 'NPS',
    },
    channel: { chat: '線上聊天', feedback: '意見表單', offline: '離線留言', api: 'API', email: '電子郵件', intranet: '內網' },
  },
};
