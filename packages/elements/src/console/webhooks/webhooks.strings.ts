/**
 * Strings of the console's Integrations (webhooks) view. The English catalog defines the shape; the other
 * two must match it key for key (checked by `Catalogs<WebhooksStrings>`).
 */
import type { Locale, WebhookDeliveryStatus, WebhookEventType, WebhookFormat } from '@parley/protocol';
import type { Catalogs } from '../../internal/i18n.js';

export interface WebhooksStrings {
  heading: string;
  intro: string;
  endpointsHeading: string;
  newEndpoint: string;
  loading: string;
  failed: (message: string) => string;
  retry: string;
  empty: string;
  colName: string;
  colFormat: string;
  colUrl: string;
  colEvents: string;
  colActive: string;
  colSecret: string;
  eventsCount: (n: number) => string;
  on: string;
  off: string;
  none: string;
  back: string;
  newHeading: string;
  editHeading: string;
  name: string;
  url: string;
  urlHint: string;
  formatLegend: string;
  format: Record<WebhookFormat, string>;
  formatHint: Record<WebhookFormat, string>;
  formatFixed: string;
  eventsLegend: string;
  event: Record<WebhookEventType, string>;
  localeLabel: string;
  localeHint: string;
  language: Record<Locale, string>;
  secret: string;
  secretHint: Record<WebhookFormat, string>;
  newSecret: string;
  newSecretHint: string;
  currentSecret: (hint: string) => string;
  active: string;
  activeHint: string;
  save: string;
  created: string;
  saved: string;
  deleteEndpoint: string;
  confirmDelete: string;
  deleted: string;
  rotate: string;
  confirmRotate: string;
  rotated: string;
  sendTest: string;
  testing: string;
  testAnswered: (status: number, ms: number | null) => string;
  testFailed: (error: string) => string;
  secretOnceHeading: string;
  secretOnceLabel: string;
  secretOnceNote: string;
  copy: string;
  copied: string;
  copyFailed: string;
  logHeading: string;
  filterEndpoint: string;
  allEndpoints: string;
  refresh: string;
  logEmpty: string;
  colTime: string;
  colEvent: string;
  colEndpoint: string;
  colStatus: string;
  colResult: string;
  colTries: string;
  colDuration: string;
  status: Record<WebhookDeliveryStatus, string>;
  httpStatus: (status: number) => string;
  ms: (ms: number) => string;
  showMore: string;
  noMore: string;
  unknownEndpoint: string;
  test: string;
  deliveryHeading: string;
  backToLog: string;
  summary: string;
  createdAt: string;
  deliveredAt: string;
  resendOf: string;
  triesHeading: string;
  noTries: string;
  colTry: string;
  payload: string;
  resend: string;
  resent: string;
}

const en: WebhooksStrings = {
  heading: 'Integrations',
  intro: 'Webhooks send this site’s events to other systems: your own service (signed JSON) or a DingTalk, WeCom or Feishu group robot.',
  endpointsHeading: 'Endpoints',
  newEndpoint: 'New endpoint',
  loading: 'Loading…',
  failed: (message) => `Something went wrong: ${message}`,
  retry: 'Try again',
  empty: 'No endpoints yet. Add one with New endpoint.',
  colName: 'Name',
  colFormat: 'Format',
  colUrl: 'URL',
  colEvents: 'Events',
  colActive: 'Active',
  colSecret: 'Secret',
  eventsCount: (n) => (n === 1 ? '1 event' : `${n} events`),
  on: 'On',
  off: 'Off',
  none: '—',
  back: 'Back to integrations',
  newHeading: 'New endpoint',
  editHeading: 'Edit endpoint',
  name: 'Name',
  url: 'URL',
  urlHint: 'Where the events are posted: https (or http inside your network). For a robot, its webhook address.',
  formatLegend: 'Format',
  format: { parley: 'Parley JSON (signed)', dingtalk: 'DingTalk group robot', wecom: 'WeCom group robot', feishu: 'Feishu group robot' },
  formatHint: {
    parley: 'The whole event as JSON, signed with HMAC-SHA256 in X-Parley-Signature, for your own service.',
    dingtalk: 'A short message in the group, in the language below; signed when you give the robot’s 加签 secret.',
    wecom: 'A short message in the group; the key in the URL is the robot’s credential.',
    feishu: 'A short message in the group; signed when you give the robot’s 签名校验 secret.',
  },
  formatFixed: 'The format cannot change; make a new endpoint for another one.',
  eventsLegend: 'Events',
  event: {
    'conversation.created': 'A conversation starts',
    'conversation.queued': 'A conversation waits for an agent',
    'conversation.assigned': 'A conversation is assigned',
    'conversation.closed': 'A conversation is closed',
    'message.created': 'A message is sent',
    'ticket.created': 'A ticket is filed',
    'ticket.updated': 'A ticket changes',
    'ticket.escalated': 'A ticket is escalated',
    'survey.answered': 'A survey is answered',
    'announcement.published': 'An announcement is published',
  },
  localeLabel: 'Language of robot messages',
  localeHint: 'Parley JSON carries data only; robots get a sentence in this language.',
  language: { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' },
  secret: 'Secret (optional)',
  secretHint: {
    parley: 'Leave empty and one is made for you; it is shown once.',
    dingtalk: 'The robot’s 加签 secret (starts with SEC); leave empty if the robot does not sign.',
    wecom: 'WeCom robots do not sign: no secret.',
    feishu: 'The robot’s 签名校验 secret; leave empty if the robot does not sign.',
  },
  newSecret: 'New signing secret (optional)',
  newSecretHint: 'Leave empty to keep the current one.',
  currentSecret: (hint) => `Current secret: ${hint}`,
  active: 'Active',
  activeHint: 'Off: nothing is sent (a test still is).',
  save: 'Save',
  created: 'Endpoint created.',
  saved: 'Endpoint saved.',
  deleteEndpoint: 'Delete endpoint',
  confirmDelete: 'Delete this endpoint and its delivery log? Nothing more will be sent to it.',
  deleted: 'Endpoint deleted.',
  rotate: 'Rotate secret',
  confirmRotate: 'Make a new secret? The old one stops working at once: your service must be given the new one.',
  rotated: 'A new secret was made.',
  sendTest: 'Send test event',
  testing: 'Sending a test event…',
  testAnswered: (status, ms) => `Test event sent: the endpoint answered HTTP ${status}${ms === null ? '' : ` in ${ms} ms`}.`,
  testFailed: (error) => `Test event failed: ${error}`,
  secretOnceHeading: 'Your secret',
  secretOnceLabel: 'Secret',
  secretOnceNote: 'Copy it now: it will not be shown again.',
  copy: 'Copy',
  copied: 'Secret copied.',
  copyFailed: 'Could not copy: the secret is selected, press Ctrl+C.',
  logHeading: 'Delivery log',
  filterEndpoint: 'Endpoint',
  allEndpoints: 'All endpoints',
  refresh: 'Refresh',
  logEmpty: 'Nothing sent yet.',
  colTime: 'Time',
  colEvent: 'Event',
  colEndpoint: 'Endpoint',
  colStatus: 'Status',
  colResult: 'Last answer',
  colTries: 'Tries',
  colDuration: 'Duration',
  status: { pending: 'Pending', delivered: 'Delivered', failed: 'Failed' },
  httpStatus: (status) => `HTTP ${status}`,
  ms: (ms) => `${ms} ms`,
  showMore: 'Show more',
  noMore: 'That is all.',
  unknownEndpoint: 'Deleted endpoint',
  test: 'test',
  deliveryHeading: 'Delivery',
  backToLog: 'Back to the log',
  summary: 'What happened',
  createdAt: 'Created',
  deliveredAt: 'Delivered',
  resendOf: 'Resend of an earlier delivery',
  triesHeading: 'Tries',
  noTries: 'Not tried yet.',
  colTry: 'Try',
  payload: 'What was sent',
  resend: 'Resend',
  resent: 'Resent: a new delivery is queued.',
};

const zhCN: WebhooksStrings = {
  heading: '集成',
  intro: 'Webhook 会把本站点的事件发送到其他系统：您自己的服务（签名 JSON），或钉钉、企业微信、飞书群机器人。',
  endpointsHeading: '端点',
  newEndpoint: '新建端点',
  loading: '加载中…',
  failed: (message) => `出错了：${message}`,
  retry: '重试',
  empty: '还没有端点。点击“新建端点”添加。',
  colName: '名称',
  colFormat: '格式',
  colUrl: 'URL',
  colEvents: '事件',
  colActive: '启用',
  colSecret: '密钥',
  eventsCount: (n) => `${n} 个事件`,
  on: '开',
  off: '关',
  none: '—',
  back: '返回集成',
  newHeading: '新建端点',
  editHeading: '编辑端点',
  name: '名称',
  url: 'URL',
  urlHint: '事件发送到的地址：https（内网可用 http）。机器人请填写其 Webhook 地址。',
  formatLegend: '格式',
  format: { parley: 'Parley JSON（签名）', dingtalk: '钉钉群机器人', wecom: '企业微信群机器人', feishu: '飞书群机器人' },
  formatHint: {
    parley: '完整事件的 JSON，以 HMAC-SHA256 签名（X-Parley-Signature），供您自己的服务使用。',
    dingtalk: '在群里发一条简短消息，语言见下方；填写机器人的“加签”密钥即签名。',
    wecom: '在群里发一条简短消息；URL 中的 key 就是机器人的凭据。',
    feishu: '在群里发一条简短消息；填写机器人的“签名校验”密钥即签名。',
  },
  formatFixed: '格式不可更改；如需其他格式请新建端点。',
  eventsLegend: '事件',
  event: {
    'conversation.created': '会话开始',
    'conversation.queued': '会话等待客服',
    'conversation.assigned': '会话已分配',
    'conversation.closed': '会话已关闭',
    'message.created': '发送了消息',
    'ticket.created': '提交了工单',
    'ticket.updated': '工单有变更',
    'ticket.escalated': '工单已升级',
    'survey.answered': '问卷已回答',
    'announcement.published': '公告已发布',
  },
  localeLabel: '机器人消息的语言',
  localeHint: 'Parley JSON 只含数据；机器人收到这种语言的一句话。',
  language: { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' },
  secret: '密钥（可选）',
  secretHint: {
    parley: '留空则自动生成；只显示一次。',
    dingtalk: '机器人的“加签”密钥（以 SEC 开头）；机器人不签名则留空。',
    wecom: '企业微信机器人不签名：无需密钥。',
    feishu: '机器人的“签名校验”密钥；机器人不签名则留空。',
  },
  newSecret: '新的签名密钥（可选）',
  newSecretHint: '留空则保留当前密钥。',
  currentSecret: (hint) => `当前密钥：${hint}`,
  active: '启用',
  activeHint: '关闭后不发送任何事件（测试事件除外）。',
  save: '保存',
  created: '端点已创建。',
  saved: '端点已保存。',
  deleteEndpoint: '删除端点',
  confirmDelete: '删除此端点及其发送记录？之后不会再向它发送任何内容。',
  deleted: '端点已删除。',
  rotate: '更换密钥',
  confirmRotate: '生成新密钥？旧密钥立即失效：需要把新密钥交给您的服务。',
  rotated: '已生成新密钥。',
  sendTest: '发送测试事件',
  testing: '正在发送测试事件…',
  testAnswered: (status, ms) => `测试事件已发送：端点返回 HTTP ${status}${ms === null ? '' : `，用时 ${ms} 毫秒`}。`,
  testFailed: (error) => `测试事件失败：${error}`,
  secretOnceHeading: '您的密钥',
  secretOnceLabel: '密钥',
  secretOnceNote: '请立即复制：之后不会再显示。',
  copy: '复制',
  copied: '密钥已复制。',
  copyFailed: '无法复制：密钥已选中，请按 Ctrl+C。',
  logHeading: '发送记录',
  filterEndpoint: '端点',
  allEndpoints: '全部端点',
  refresh: '刷新',
  logEmpty: '尚未发送任何内容。',
  colTime: '时间',
  colEvent: '事件',
  colEndpoint: '端点',
  colStatus: '状态',
  colResult: '最近应答',
  colTries: '尝试次数',
  colDuration: '用时',
  status: { pending: '待发送', delivered: '已送达', failed: '失败' },
  httpStatus: (status) => `HTTP ${status}`,
  ms: (ms) => `${ms} 毫秒`,
  showMore: '显示更多',
  noMore: '已全部显示。',
  unknownEndpoint: '已删除的端点',
  test: '测试',
  deliveryHeading: '发送详情',
  backToLog: '返回发送记录',
  summary: '事件内容',
  createdAt: '创建时间',
  deliveredAt: '送达时间',
  resendOf: '重发自之前的一次发送',
  triesHeading: '尝试',
  noTries: '尚未尝试。',
  colTry: '次',
  payload: '发送的内容',
  resend: '重发',
  resent: '已重发：新的发送已排队。',
};

const zhTW: WebhooksStrings = {
  heading: '整合',
  intro: 'Webhook 會把本網站的事件傳送到其他系統：您自己的服務（簽章 JSON），或釘釘、企業微信、飛書群組機器人。',
  endpointsHeading: '端點',
  newEndpoint: '新增端點',
  loading: '載入中…',
  failed: (message) => `發生錯誤：${message}`,
  retry: '重試',
  empty: '尚無端點。按「新增端點」加入。',
  colName: '名稱',
  colFormat: '格式',
  colUrl: 'URL',
  colEvents: '事件',
  colActive: '啟用',
  colSecret: '密鑰',
  eventsCount: (n) => `${n} 個事件`,
  on: '開',
  off: '關',
  none: '—',
  back: '返回整合',
  newHeading: '新增端點',
  editHeading: '編輯端點',
  name: '名稱',
  url: 'URL',
  urlHint: '事件傳送到的位址：https（內部網路可用 http）。機器人請填寫其 Webhook 位址。',
  formatLegend: '格式',
  format: { parley: 'Parley JSON（簽章）', dingtalk: '釘釘群組機器人', wecom: '企業微信群組機器人', feishu: '飛書群組機器人' },
  formatHint: {
    parley: '完整事件的 JSON，以 HMAC-SHA256 簽章（X-Parley-Signature），供您自己的服務使用。',
    dingtalk: '在群組中發送一則簡短訊息，語言見下方；填寫機器人的「加簽」密鑰即簽章。',
    wecom: '在群組中發送一則簡短訊息；URL 中的 key 就是機器人的憑證。',
    feishu: '在群組中發送一則簡短訊息；填寫機器人的「簽名校驗」密鑰即簽章。',
  },
  formatFixed: '格式無法變更；如需其他格式請新增端點。',
  eventsLegend: '事件',
  event: {
    'conversation.created': '對話開始',
    'conversation.queued': '對話等待客服',
    'conversation.assigned': '對話已指派',
    'conversation.closed': '對話已結束',
    'message.created': '傳送了訊息',
    'ticket.created': '提交了工單',
    'ticket.updated': '工單有變更',
    'ticket.escalated': '工單已升級',
    'survey.answered': '問卷已回答',
    'announcement.published': '公告已發布',
  },
  localeLabel: '機器人訊息的語言',
  localeHint: 'Parley JSON 只含資料；機器人收到這種語言的一句話。',
  language: { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' },
  secret: '密鑰（選填）',
  secretHint: {
    parley: '留空則自動產生；只顯示一次。',
    dingtalk: '機器人的「加簽」密鑰（以 SEC 開頭）；機器人不簽章則留空。',
    wecom: '企業微信機器人不簽章：無需密鑰。',
    feishu: '機器人的「簽名校驗」密鑰；機器人不簽章則留空。',
  },
  newSecret: '新的簽章密鑰（選填）',
  newSecretHint: '留空則保留目前的密鑰。',
  currentSecret: (hint) => `目前密鑰：${hint}`,
  active: '啟用',
  activeHint: '關閉後不傳送任何事件（測試事件除外）。',
  save: '儲存',
  created: '端點已建立。',
  saved: '端點已儲存。',
  deleteEndpoint: '刪除端點',
  confirmDelete: '刪除此端點及其傳送紀錄？之後不會再傳送任何內容給它。',
  deleted: '端點已刪除。',
  rotate: '更換密鑰',
  confirmRotate: '產生新密鑰？舊密鑰立即失效：需要把新密鑰交給您的服務。',
  rotated: '已產生新密鑰。',
  sendTest: '傳送測試事件',
  testing: '正在傳送測試事件…',
  testAnswered: (status, ms) => `測試事件已傳送：端點回應 HTTP ${status}${ms === null ? '' : `，耗時 ${ms} 毫秒`}。`,
  testFailed: (error) => `測試事件失敗：${error}`,
  secretOnceHeading: '您的密鑰',
  secretOnceLabel: '密鑰',
  secretOnceNote: '請立即複製：之後不會再顯示。',
  copy: '複製',
  copied: '密鑰已複製。',
  copyFailed: '無法複製：密鑰已選取，請按 Ctrl+C。',
  logHeading: '傳送紀錄',
  filterEndpoint: '端點',
  allEndpoints: '所有端點',
  refresh: '重新整理',
  logEmpty: '尚未傳送任何內容。',
  colTime: '時間',
  colEvent: '事件',
  colEndpoint: '端點',
  colStatus: '狀態',
  colResult: '最近回應',
  colTries: '嘗試次數',
  colDuration: '耗時',
  status: { pending: '待傳送', delivered: '已送達', failed: '失敗' },
  httpStatus: (status) => `HTTP ${status}`,
  ms: (ms) => `${ms} 毫秒`,
  showMore: '顯示更多',
  noMore: '已全部顯示。',
  unknownEndpoint: '已刪除的端點',
  test: '測試',
  deliveryHeading: '傳送詳情',
  backToLog: '返回傳送紀錄',
  summary: '事件內容',
  createdAt: '建立時間',
  deliveredAt: '送達時間',
  resendOf: '重送自先前的一次傳送',
  triesHeading: '嘗試',
  noTries: '尚未嘗試。',
  colTry: '次',
  payload: '傳送的內容',
  resend: '重送',
  resent: '已重送：新的傳送已排入佇列。',
};

export const webhooksStrings: Catalogs<WebhooksStrings> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
