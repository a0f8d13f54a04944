/**
 * Strings of the console's employee surveys view. The English catalog defines the shape; the other
 * two must match it key for key (checked by `Catalogs<SurveysStrings>`).
 */
import type { EmployeeQuestionType, Locale } from '@parley/protocol';
import type { Catalogs } from '../../internal/i18n.js';

type State = 'draft' | 'scheduled' | 'open' | 'closed';

export interface SurveysStrings {
  heading: string;
  tab: Record<'employee' | 'customer', string>;
  intro: string;
  newSurvey: string;
  loading: string;
  failed: (message: string) => string;
  retry: string;
  empty: string;
  colTitle: string;
  colState: string;
  colAudience: string;
  colWindow: string;
  state: Record<State, string>;
  everyone: string;
  departmentsCount: (n: number) => string;
  sampleOf: (n: number) => string;
  back: string;
  editHeading: string;
  newHeading: string;
  language: Record<Locale, string>;
  title: string;
  introLabel: string;
  questions: string;
  questionN: (n: number) => string;
  questionType: string;
  type: Record<EmployeeQuestionType, string>;
  questionText: string;
  required: string;
  options: string;
  optionN: (n: number) => string;
  addOption: string;
  removeOption: (n: number) => string;
  addQuestion: string;
  moveUp: string;
  moveDown: string;
  removeQuestion: string;
  audience: string;
  audienceEveryone: string;
  audienceDepartments: string;
  sample: string;
  sampleSize: string;
  sampleHint: string;
  window: string;
  opensAt: string;
  closesAt: string;
  windowHint: string;
  save: string;
  saved: string;
  deleteDraft: string;
  confirmDelete: string;
  deleted: string;
  openHeading: string;
  openHint: string;
  rosterFile: string;
  rosterHint: string;
  rosterRead: (n: number) => string;
  rosterBad: (message: string) => string;
  audienceSize: string;
  openNow: string;
  opened: string;
  closeNow: string;
  confirmClose: string;
  closed: string;
  results: string;
  responses: string;
  responseRate: string;
  withheld: (min: number) => string;
  afterClose: string;
  overall: string;
  groupOther: string;
  groupPicker: string;
  answered: (n: number) => string;
  average: (value: string) => string;
  ratingPoint: (n: number) => string;
  count: (n: number) => string;
  noTexts: string;
  downloadCsv: string;
  downloaded: (name: string) => string;
  unknown: string;
}

const en: SurveysStrings = {
  heading: 'Surveys',
  tab: { employee: 'Employee surveys', customer: 'Customer surveys (CSAT, NPS)' },
  intro: 'Short anonymous surveys for the intranet: answers are stored without the person, and results show only for groups of at least 5.',
  newSurvey: 'New survey',
  loading: 'Loading…',
  failed: (message) => `Something went wrong: ${message}`,
  retry: 'Try again',
  empty: 'No surveys yet. Start one with New survey.',
  colTitle: 'Survey',
  colState: 'State',
  colAudience: 'Audience',
  colWindow: 'Open',
  state: { draft: 'Draft', scheduled: 'Scheduled', open: 'Open', closed: 'Closed' },
  everyone: 'Everyone',
  departmentsCount: (n) => (n === 1 ? '1 department' : `${n} departments`),
  sampleOf: (n) => `random sample of ${n}`,
  back: 'Back to surveys',
  editHeading: 'Edit draft',
  newHeading: 'New survey',
  language: { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' },
  title: 'Title',
  introLabel: 'Introduction (optional)',
  questions: 'Questions',
  questionN: (n) => `Question ${n}`,
  questionType: 'Type',
  type: { rating: 'Rating 1–5', single: 'One choice', multiple: 'Several choices', text: 'Text' },
  questionText: 'Question',
  required: 'Required',
  options: 'Options',
  optionN: (n) => `Option ${n}`,
  addOption: 'Add option',
  removeOption: (n) => `Remove option ${n}`,
  addQuestion: 'Add question',
  moveUp: 'Move up',
  moveDown: 'Move down',
  removeQuestion: 'Remove question',
  audience: 'Audience',
  audienceEveryone: 'Everyone on the intranet',
  audienceDepartments: 'Some departments',
  sample: 'Ask a random sample',
  sampleSize: 'People in the sample',
  sampleHint: 'The sample is drawn from the roster you upload when you open the survey.',
  window: 'When',
  opensAt: 'Opens (optional)',
  closesAt: 'Closes (optional)',
  windowHint: 'Without dates the survey opens when you open it and stays open until you close it.',
  save: 'Save draft',
  saved: 'Draft saved.',
  deleteDraft: 'Delete draft',
  confirmDelete: 'Delete this draft? This cannot be undone.',
  deleted: 'Draft deleted.',
  openHeading: 'Open the survey',
  openHint: 'Once open, the questions cannot change. Employees in the audience see it on the intranet.',
  rosterFile: 'Roster (CSV or JSON)',
  rosterHint: 'One person per line: subject,department;department (the same subject and departments as in their intranet tokens).',
  rosterRead: (n) => `${n} people in the roster.`,
  rosterBad: (message) => `The roster could not be read: ${message}`,
  audienceSize: 'How many people are asked (optional, for the response rate)',
  openNow: 'Open now',
  opened: 'The survey is open.',
  closeNow: 'Close survey',
  confirmClose: 'Close this survey? Nobody can answer it afterwards.',
  closed: 'The survey is closed.',
  results: 'Results',
  responses: 'Responses',
  responseRate: 'Response rate',
  withheld: (min) => `Fewer than ${min} answers so far: results appear from ${min} answers on, so that nobody can be recognised.`,
  afterClose: 'Answers are shown when the survey closes: results read while answers come in could be compared to tell whose answer came last.',
  overall: 'Everyone',
  groupOther: 'Other departments (each fewer than 5)',
  groupPicker: 'Show results of',
  answered: (n) => `${n} answered`,
  average: (value) => `Average ${value}`,
  ratingPoint: (n) => `${n} of 5`,
  count: (n) => `${n}`,
  noTexts: 'No written answers.',
  downloadCsv: 'Download CSV',
  downloaded: (name) => `${name} downloaded.`,
  unknown: '—',
};

const zhCN: SurveysStrings = {
  heading: '调查',
  tab: { employee: '员工调查', customer: '客户调查（CSAT、NPS）' },
  intro: '面向内网的匿名简短调查：答卷不记录答题人，结果仅在一组至少 5 人作答后显示。',
  newSurvey: '新建调查',
  loading: '正在加载…',
  failed: (message) => `出错了：${message}`,
  retry: '重试',
  empty: '还没有调查。点击「新建调查」开始。',
  colTitle: '调查',
  colState: '状态',
  colAudience: '对象',
  colWindow: '开放时间',
  state: { draft: '草稿', scheduled: '待开始', open: '进行中', closed: '已结束' },
  everyone: '全体员工',
  departmentsCount: (n) => `${n} 个部门`,
  sampleOf: (n) => `随机抽取 ${n} 人`,
  back: '返回调查列表',
  editHeading: '编辑草稿',
  newHeading: '新建调查',
  language: { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' },
  title: '标题',
  introLabel: '说明（可选）',
  questions: '问题',
  questionN: (n) => `第 ${n} 题`,
  questionType: '题型',
  type: { rating: '评分 1–5', single: '单选', multiple: '多选', text: '文字' },
  questionText: '题目',
  required: '必答',
  options: '选项',
  optionN: (n) => `选项 ${n}`,
  addOption: '添加选项',
  removeOption: (n) => `删除选项 ${n}`,
  addQuestion: '添加问题',
  moveUp: '上移',
  moveDown: '下移',
  removeQuestion: '删除问题',
  audience: '调查对象',
  audienceEveryone: '内网全体员工',
  audienceDepartments: '指定部门',
  sample: '随机抽样',
  sampleSize: '抽样人数',
  sampleHint: '开放调查时从上传的人员名单中抽取。',
  window: '时间',
  opensAt: '开始（可选）',
  closesAt: '结束（可选）',
  windowHint: '不填日期时，调查在您开放时开始，直到您结束为止。',
  save: '保存草稿',
  saved: '草稿已保存。',
  deleteDraft: '删除草稿',
  confirmDelete: '删除此草稿？删除后无法恢复。',
  deleted: '草稿已删除。',
  openHeading: '开放调查',
  openHint: '开放后问题不能再修改。对象范围内的员工会在内网看到它。',
  rosterFile: '人员名单（CSV 或 JSON）',
  rosterHint: '每行一人：subject,部门;部门（与其内网令牌中的 subject 和部门一致）。',
  rosterRead: (n) => `名单共 ${n} 人。`,
  rosterBad: (message) => `无法读取名单：${message}`,
  audienceSize: '调查人数（可选，用于计算回收率）',
  openNow: '立即开放',
  opened: '调查已开放。',
  closeNow: '结束调查',
  confirmClose: '结束此调查？结束后将无法再作答。',
  closed: '调查已结束。',
  results: '结果',
  responses: '答卷数',
  responseRate: '回收率',
  withheld: (min) => `目前作答少于 ${min} 份：满 ${min} 份后才显示结果，以免识别出答题人。`,
  afterClose: '调查结束后才显示答案：在作答过程中查看结果，前后对比可能推断出最后一位答题人的答案。',
  overall: '全体',
  groupOther: '其他部门（各不足 5 人）',
  groupPicker: '查看结果',
  answered: (n) => `${n} 人作答`,
  average: (value) => `平均 ${value}`,
  ratingPoint: (n) => `${n} 分`,
  count: (n) => `${n}`,
  noTexts: '没有文字回答。',
  downloadCsv: '下载 CSV',
  downloaded: (name) => `已下载 ${name}。`,
  unknown: '—',
};

const zhTW: SurveysStrings = {
  heading: '調查',
  tab: { employee: '員工調查', customer: '客戶調查（CSAT、NPS）' },
  intro: '面向內網的匿名簡短調查：答卷不記錄作答者，結果僅在一組至少 5 人作答後顯示。',
  newSurvey: '新增調查',
  loading: '正在載入…',
  failed: (message) => `發生錯誤：${message}`,
  retry: '重試',
  empty: '還沒有調查。按「新增調查」開始。',
  colTitle: '調查',
  colState: '狀態',
  colAudience: '對象',
  colWindow: '開放時間',
  state: { draft: '草稿', scheduled: '待開始', open: '進行中', closed: '已結束' },
  everyone: '全體員工',
  departmentsCount: (n) => `${n} 個部門`,
  sampleOf: (n) => `隨機抽取 ${n} 人`,
  back: '返回調查列表',
  editHeading: '編輯草稿',
  newHeading: '新增調查',
  language: { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' },
  title: '標題',
  introLabel: '說明（選填）',
  questions: '問題',
  questionN: (n) => `第 ${n} 題`,
  questionType: '題型',
  type: { rating: '評分 1–5', single: '單選', multiple: '多選', text: '文字' },
  questionText: '題目',
  required: '必答',
  options: '選項',
  optionN: (n) => `選項 ${n}`,
  addOption: '新增選項',
  removeOption: (n) => `刪除選項 ${n}`,
  addQuestion: '新增問題',
  moveUp: '上移',
  moveDown: '下移',
  removeQuestion: '刪除問題',
  audience: '調查對象',
  audienceEveryone: '內網全體員工',
  audienceDepartments: '指定部門',
  sample: '隨機抽樣',
  sampleSize: '抽樣人數',
  sampleHint: '開放調查時從上傳的人員名單中抽取。',
  window: '時間',
  opensAt: '開始（選填）',
  closesAt: '結束（選填）',
  windowHint: '不填日期時，調查在您開放時開始，直到您結束為止。',
  save: '儲存草稿',
  saved: '草稿已儲存。',
  deleteDraft: '刪除草稿',
  confirmDelete: '刪除此草稿？刪除後無法復原。',
  deleted: '草稿已刪除。',
  openHeading: '開放調查',
  openHint: '開放後問題不能再修改。對象範圍內的員工會在內網看到它。',
  rosterFile: '人員名單（CSV 或 JSON）',
  rosterHint: '每行一人：subject,部門;部門（與其內網權杖中的 subject 和部門一致）。',
  rosterRead: (n) => `名單共 ${n} 人。`,
  rosterBad: (message) => `無法讀取名單：${message}`,
  audienceSize: '調查人數（選填，用於計算回收率）',
  openNow: '立即開放',
  opened: '調查已開放。',
  closeNow: '結束調查',
  confirmClose: '結束此調查？結束後將無法再作答。',
  closed: '調查已結束。',
  results: '結果',
  responses: '答卷數',
  responseRate: '回收率',
  withheld: (min) => `目前作答少於 ${min} 份：滿 ${min} 份後才顯示結果，以免辨識出作答者。`,
  afterClose: '調查結束後才顯示答案：在作答過程中檢視結果，前後對比可能推斷出最後一位作答者的答案。',
  overall: '全體',
  groupOther: '其他部門（各不足 5 人）',
  groupPicker: '檢視結果',
  answered: (n) => `${n} 人作答`,
  average: (value) => `平均 ${value}`,
  ratingPoint: (n) => `${n} 分`,
  count: (n) => `${n}`,
  noTexts: '沒有文字回答。',
  downloadCsv: '下載 CSV',
  downloaded: (name) => `已下載 ${name}。`,
  unknown: '—',
};

export const surveysStrings: Catalogs<SurveysStrings> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
