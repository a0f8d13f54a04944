/**
 * Strings of the Departments settings tab and its business-hours editor. The English catalog defines
 * the shape; the other two must match it key for key (`Catalogs<DepartmentsStrings>`).
 */
import type { Locale, RoutingMode, Weekday } from '@parley/protocol';
import type { Catalogs } from '../../internal/i18n.js';

export interface DepartmentsStrings {
  heading: string;
  intro: string;
  loading: string;
  failed: (message: string) => string;
  retry: string;
  empty: string;
  newDepartment: string;
  colName: string;
  colRouting: string;
  colAgents: string;
  colOpen: string;
  colHours: string;
  colActions: string;
  routing: Record<RoutingMode, string>;
  routingHint: Record<RoutingMode, string>;
  openWork: (conversations: number, tickets: number) => string;
  hoursSet: string;
  hoursAlways: string;
  edit: (name: string) => string;
  hours: (name: string) => string;
  remove: (name: string) => string;
  moveUp: (name: string) => string;
  moveDown: (name: string) => string;
  newHeading: string;
  editHeading: (name: string) => string;
  namesLegend: string;
  namesHint: string;
  language: Record<Locale, string>;
  routingLabel: string;
  save: string;
  cancel: string;
  created: (name: string) => string;
  saved: (name: string) => string;
  moved: (name: string, position: number) => string;
  confirmDeleteHeading: (name: string) => string;
  confirmDeleteText: string;
  confirmDelete: string;
  deleted: (name: string) => string;
  // business hours
  hoursHeading: (name: string) => string;
  hoursIntro: string;
  timeZone: string;
  weekLegend: string;
  day: Record<Weekday, string>;
  openDay: (day: string) => string;
  opens: (day: string) => string;
  closes: (day: string) => string;
  holidaysLegend: string;
  holidaysEmpty: string;
  holidayDate: string;
  addHoliday: string;
  removeHoliday: (date: string) => string;
  saveHours: string;
  alwaysOpen: string;
  hoursSaved: (name: string) => string;
  alwaysOpenSaved: (name: string) => string;
  splitDay: (day: string) => string;
  back: string;
}

export const departmentsStrings: Catalogs<DepartmentsStrings> = {
  en: {
    heading: 'Departments',
    intro: 'Visitors choose a department when they ask for a person; agents see the queues of theirs. The first department takes chats that name none.',
    loading: 'Loading departments…',
    failed: (m) => `Could not load or save: ${m}`,
    retry: 'Try again',
    empty: 'No departments yet. Create one so visitors can reach a person.',
    newDepartment: 'New department',
    colName: 'Name',
    colRouting: 'Routing',
    colAgents: 'Agents',
    colOpen: 'Open work',
    colHours: 'Business hours',
    colActions: 'Actions',
    routing: { manual: 'Manual', auto: 'Automatic' },
    routingHint: { manual: 'Agents take chats from the queue themselves.', auto: 'Each chat goes to the least busy agent online.' },
    openWork: (c, t) => (c + t === 0 ? 'None' : `${c} chat${c === 1 ? '' : 's'}, ${t} ticket${t === 1 ? '' : 's'}`),
    hoursSet: 'Set',
    hoursAlways: 'Around the clock',
    edit: (n) => `Edit ${n}`,
    hours: (n) => `Business hours of ${n}`,
    remove: (n) => `Delete ${n}`,
    moveUp: (n) => `Move ${n} up`,
    moveDown: (n) => `Move ${n} down`,
    newHeading: 'New department',
    editHeading: (n) => `Edit ${n}`,
    namesLegend: 'Name',
    namesHint: 'At least one language; the others show the English name, or the Chinese one when English is left empty.',
    language: { en: 'English', 'zh-CN': 'Simplified Chinese', 'zh-TW': 'Traditional Chinese' },
    routingLabel: 'Routing',
    save: 'Save',
    cancel: 'Cancel',
    created: (n) => `${n} created. Agents see it now.`,
    saved: (n) => `${n} saved.`,
    moved: (n, p) => `${n} moved to position ${p}.`,
    confirmDeleteHeading: (n) => `Delete ${n}?`,
    confirmDeleteText: 'Its agents stay, without this department. Closed chats and tickets keep their history. This cannot be undone.',
    confirmDelete: 'Delete',
    deleted: (n) => `${n} deleted.`,
    hoursHeading: (n) => `Business hours of ${n}`,
    hoursIntro: 'Ticket response targets count only these hours. Without hours the department is open around the clock.',
    timeZone: 'Time zone',
    weekLegend: 'Opening hours',
    day: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' },
    openDay: (d) => `Open on ${d}`,
    opens: (d) => `${d} opens`,
    closes: (d) => `${d} closes`,
    holidaysLegend: 'Holidays (closed all day)',
    holidaysEmpty: 'No holidays.',
    holidayDate: 'Date',
    addHoliday: 'Add holiday',
    removeHoliday: (d) => `Remove ${d}`,
    saveHours: 'Save hours',
    alwaysOpen: 'Open around the clock',
    hoursSaved: (n) => `Business hours of ${n} saved.`,
    alwaysOpenSaved: (n) => `${n} is now open around the clock.`,
    splitDay: (d) => `${d} had several opening intervals; saving keeps one, from the first opening to the last closing.`,
    back: 'Back to departments',
  },
  'zh-CN': {
    heading: '部门',
    intro: '访客转人工时选择部门；客服只看到自己部门的队列。未指定部门的对话由第一个部门接待。',
    loading: '正在加载部门…',
    failed: (m) => `无法加载或保存：${m}`,
    retry: '重试',
    empty: '还没有部门。请创建一个，访客才能联系到人工客服。',
    newDepartment: '新建部门',
    colName: '名称',
    colRouting: '分配方式',
    colAgents: '客服',
    colOpen: '未完成',
    colHours: '营业时间',
    colActions: '操作',
    routing: { manual: '手动', auto: '自动' },
    routingHint: { manual: '客服自行从队列中接入对话。', auto: '每个对话分配给当前最空闲的在线客服。' },
    openWork: (c, t) => (c + t === 0 ? '无' : `${c} 个对话，${t} 个工单`),
    hoursSet: '已设置',
    hoursAlways: '全天候',
    edit: (n) => `编辑${n}`,
    hours: (n) => `${n}的营业时间`,
    remove: (n) => `删除${n}`,
    moveUp: (n) => `将${n}上移`,
    moveDown: (n) => `将${n}下移`,
    newHeading: '新建部门',
    editHeading: (n) => `编辑${n}`,
    namesLegend: '名称',
    namesHint: '至少填写一种语言；未填写的语言显示英文名称，英文留空时显示中文名称。',
    language: { en: '英文', 'zh-CN': '简体中文', 'zh-TW': '繁体中文' },
    routingLabel: '分配方式',
    save: '保存',
    cancel: '取消',
    created: (n) => `已创建${n}，客服现在可以看到它。`,
    saved: (n) => `已保存${n}。`,
    moved: (n, p) => `${n}已移到第 ${p} 位。`,
    confirmDeleteHeading: (n) => `删除${n}？`,
    confirmDeleteText: '其客服会保留，但不再属于此部门。已关闭的对话和工单保留记录。此操作无法撤销。',
    confirmDelete: '删除',
    deleted: (n) => `已删除${n}。`,
    hoursHeading: (n) => `${n}的营业时间`,
    hoursIntro: '工单响应时限只计算这些时间。未设置时，部门全天候营业。',
    timeZone: '时区',
    weekLegend: '营业时间',
    day: { mon: '星期一', tue: '星期二', wed: '星期三', thu: '星期四', fri: '星期五', sat: '星期六', sun: '星期日' },
    openDay: (d) => `${d}营业`,
    opens: (d) => `${d}开始`,
    closes: (d) => `${d}结束`,
    holidaysLegend: '节假日（全天休息）',
    holidaysEmpty: '没有节假日。',
    holidayDate: '日期',
    addHoliday: '添加节假日',
    removeHoliday: (d) => `移除 ${d}`,
    saveHours: '保存营业时间',
    alwaysOpen: '全天候营业',
    hoursSaved: (n) => `已保存${n}的营业时间。`,
    alwaysOpenSaved: (n) => `${n}现在全天候营业。`,
    splitDay: (d) => `${d}原有多个营业时段；保存后只保留一个，从最早开始到最晚结束。`,
    back: '返回部门列表',
  },
  'zh-TW': {
    heading: '部門',
    intro: '訪客轉真人客服時選擇部門；客服只看到自己部門的佇列。未指定部門的對話由第一個部門接待。',
    loading: '正在載入部門…',
    failed: (m) => `無法載入或儲存：${m}`,
    retry: '重試',
    empty: '還沒有部門。請建立一個，訪客才能聯絡到真人客服。',
    newDepartment: '新增部門',
    colName: '名稱',
    colRouting: '分配方式',
    colAgents: '客服',
    colOpen: '未完成',
    colHours: '營業時間',
    colActions: '操作',
    routing: { manual: '手動', auto: '自動' },
    routingHint: { manual: '客服自行從佇列中接入對話。', auto: '每個對話分配給目前最空閒的線上客服。' },
    openWork: (c, t) => (c + t === 0 ? '無' : `${c} 個對話，${t} 張工單`),
    hoursSet: '已設定',
    hoursAlways: '全天候',
    edit: (n) => `編輯${n}`,
    hours: (n) => `${n}的營業時間`,
    remove: (n) => `刪除${n}`,
    moveUp: (n) => `將${n}上移`,
    moveDown: (n) => `將${n}下移`,
    newHeading: '新增部門',
    editHeading: (n) => `編輯${n}`,
    namesLegend: '名稱',
    namesHint: '至少填寫一種語言；未填寫的語言顯示英文名稱，英文留空時顯示中文名稱。',
    language: { en: '英文', 'zh-CN': '簡體中文', 'zh-TW': '繁體中文' },
    routingLabel: '分配方式',
    save: '儲存',
    cancel: '取消',
    created: (n) => `已建立${n}，客服現在可以看到它。`,
    saved: (n) => `已儲存${n}。`,
    moved: (n, p) => `${n}已移到第 ${p} 位。`,
    confirmDeleteHeading: (n) => `刪除${n}？`,
    confirmDeleteText: '其客服會保留，但不再屬於此部門。已關閉的對話和工單保留紀錄。此操作無法復原。',
    confirmDelete: '刪除',
    deleted: (n) => `已刪除${n}。`,
    hoursHeading: (n) => `${n}的營業時間`,
    hoursIntro: '工單回應時限只計算這些時間。未設定時，部門全天候營業。',
    timeZone: '時區',
    weekLegend: '營業時間',
    day: { mon: '星期一', tue: '星期二', wed: '星期三', thu: '星期四', fri: '星期五', sat: '星期六', sun: '星期日' },
    openDay: (d) => `${d}營業`,
    opens: (d) => `${d}開始`,
    closes: (d) => `${d}結束`,
    holidaysLegend: '節假日（全天休息）',
    holidaysEmpty: '沒有節假日。',
    holidayDate: '日期',
    addHoliday: '新增節假日',
    removeHoliday: (d) => `移除 ${d}`,
    saveHours: '儲存營業時間',
    alwaysOpen: '全天候營業',
    hoursSaved: (n) => `已儲存${n}的營業時間。`,
    alwaysOpenSaved: (n) => `${n}現在全天候營業。`,
    splitDay: (d) => `${d}原有多個營業時段；儲存後只保留一個，從最早開始到最晚結束。`,
    back: '返回部門列表',
  },
};
