/**
 * Strings of the console's knowledge-base views. The English catalog defines the shape; the other two
 * must match it key for key (checked by the `Catalogs<KbStrings>` type).
 */
import type { ArticleStatus, KbGap, Locale } from '@parley/protocol';
import type { Catalogs } from '../../internal/i18n.js';

export interface KbStrings {
  heading: string;
  sections: string;
  articlesTab: string;
  gapsTab: string;
  newArticle: string;
  search: string;
  status: string;
  anyStatus: string;
  statusName: Record<ArticleStatus, string>;
  category: string;
  allCategories: string;
  noCategory: string;
  language: string;
  allLanguages: string;
  localeName: Record<Locale, string>;
  localeShort: Record<Locale, string>;
  colArticle: string;
  colVersions: string;
  colHelpful: string;
  colViews: string;
  colUpdated: string;
  versionBadge: (locale: string, status: string) => string;
  helpfulCounts: (yes: number, no: number) => string;
  helpfulPercent: (pct: number) => string;
  noVotes: string;
  articleCount: (n: number) => string;
  loading: string;
  loadFailed: (message: string) => string;
  retry: string;
  emptyAll: string;
  emptyFiltered: string;
  clearFilters: string;
  back: string;
  newHeading: string;
  versions: string;
  addVersion: (language: string) => string;
  notSaved: string;
  unsaved: string;
  title: string;
  categoryShared: string;
  keywords: string;
  keywordsHint: string;
  body: string;
  bodyHint: string;
  chars: (n: number, max: number) => string;
  beside: string;
  preview: string;
  previewEmpty: string;
  previewBusy: string;
  previewFailed: (message: string) => string;
  referenceOf: (language: string) => string;
  stats: (views: number) => string;
  saveDraft: string;
  saveChanges: string;
  publish: string;
  unpublish: string;
  delete: string;
  saving: string;
  needsManager: string;
  publishedReadOnly: string;
  savedDraft: string;
  savedLive: string;
  published: string;
  unpublished: string;
  deleted: string;
  notSavedError: (message: string) => string;
  failed: (message: string) => string;
  titleRequired: string;
  deleteHeading: string;
  deleteText: (language: string, title: string) => string;
  cancel: string;
  leaveHeading: string;
  leaveText: string;
  keepEditing: string;
  discard: string;
  fromGap: (question: string) => string;
  gapsIntro: string;
  colQuestion: string;
  colAsked: string;
  colLastAsked: string;
  colReason: string;
  reason: Record<KbGap['reason'], string>;
  askedTimes: (n: number) => string;
  writeFromGap: string;
  gapsLoading: string;
  gapsEmpty: string;
  gapResolved: string;
  categoriesTab: string;
  categoriesIntro: string;
  categoriesReadOnly: string;
  categorySlug: string;
  categoryPosition: string;
  categoryActions: string;
  categorySlugOf: (category: string) => string;
  categoryNameOf: (language: string, category: string) => string;
  categoryPositionOf: (category: string) => string;
  newCategory: string;
  addCategory: string;
  categorySaved: string;
  categoryDeleted: string;
  confirmDeleteCategory: string;
  exportJson: string;
  comments: (n: number) => string;
  commentsFailed: (message: string) => string;
  votedYes: string;
  votedNo: string;
  exportMarkdown: string;
  importLabel: string;
  exported: (file: string) => string;
  imported: (file: string, created: number, updated: number, categories: number) => string;
  transferFailed: (message: string) => string;
}

export const kbStrings: Catalogs<KbStrings> = {
  en: {
    heading: 'Knowledge base',
    sections: 'Knowledge base sections',
    articlesTab: 'Articles',
    gapsTab: 'Unanswered questions',
    newArticle: 'New article',
    search: 'Search articles',
    status: 'Status',
    anyStatus: 'Any status',
    statusName: { draft: 'Draft', published: 'Published' },
    category: 'Category',
    allCategories: 'All categories',
    noCategory: 'No category',
    language: 'Language',
    allLanguages: 'All languages',
    localeName: { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' },
    localeShort: { en: 'EN', 'zh-CN': '简', 'zh-TW': '繁' },
    colArticle: 'Article',
    colVersions: 'Languages',
    colHelpful: 'Helpful',
    colViews: 'Views',
    colUpdated: 'Updated',
    versionBadge: (l, s) => `${l}: ${s}`,
    helpfulCounts: (y, n) => `${y} yes · ${n} no`,
    helpfulPercent: (p) => `${p}% helpful`,
    noVotes: 'No votes yet',
    articleCount: (n) => (n === 1 ? '1 article' : `${n} articles`),
    loading: 'Loading articles…',
    loadFailed: (m) => `Could not load the articles: ${m}`,
    retry: 'Retry',
    emptyAll: 'No articles yet — write the first one.',
    emptyFiltered: 'No articles match these filters.',
    clearFilters: 'Clear filters',
    back: 'Back to articles',
    newHeading: 'New article',
    versions: 'Language versions',
    addVersion: (l) => `Add ${l} version`,
    notSaved: 'Not saved yet',
    unsaved: 'Unsaved changes',
    title: 'Title',
    categoryShared: 'Shared by every language version.',
    keywords: 'Keywords (optional)',
    keywordsHint: 'Separate with commas. Search works without them; add words people use that the text does not.',
    body: 'Article (Markdown)',
    bodyHint: 'Markdown: **bold**, *italic*, [link](https://example.com), lists with - or 1.',
    chars: (n, max) => `${n.toLocaleString('en')} / ${max.toLocaleString('en')} characters`,
    beside: 'Beside the editor',
    preview: 'Preview',
    previewEmpty: 'The preview appears here as you write.',
    previewBusy: 'Updating the preview…',
    previewFailed: (m) => `No preview: ${m}`,
    referenceOf: (l) => `${l} version`,
    stats: (v) => (v === 1 ? '1 view' : `${v} views`),
    saveDraft: 'Save draft',
    saveChanges: 'Save changes',
    publish: 'Publish',
    unpublish: 'Unpublish',
    delete: 'Delete',
    saving: 'Saving…',
    needsManager: 'Only supervisors and admins can publish or unpublish. Save a draft and ask one of them to publish it.',
    publishedReadOnly: 'This version is published: only supervisors and admins can change it.',
    savedDraft: 'Draft saved.',
    savedLive: 'Changes saved. Visitors see them now.',
    published: 'Published. Visitors can find it now.',
    unpublished: 'Unpublished. It is a draft again.',
    deleted: 'Deleted.',
    notSavedError: (m) => `Not saved: ${m}`,
    failed: (m) => `That did not work: ${m}`,
    titleRequired: 'Give the article a title.',
    deleteHeading: 'Delete this version?',
    deleteText: (l, t) => `The ${l} version of “${t}” will be deleted for good.`,
    cancel: 'Cancel',
    leaveHeading: 'Discard unsaved changes?',
    leaveText: 'Your changes to this article have not been saved.',
    keepEditing: 'Keep editing',
    discard: 'Discard changes',
    fromGap: (q) => `Answering “${q}”. Saving takes it off the unanswered list.`,
    gapsIntro: 'Questions the bot could not answer, or whose answer did not help, most asked first.',
    colQuestion: 'Question',
    colAsked: 'Asked',
    colLastAsked: 'Last asked',
    colReason: 'Why',
    reason: { unanswered: 'No answer found', not_helpful: 'Answer did not help' },
    askedTimes: (n) => (n === 1 ? 'once' : `${n} times`),
    writeFromGap: 'Write an article from this',
    gapsLoading: 'Loading unanswered questions…',
    gapsEmpty: 'No unanswered questions. The bot answered everything it was asked.',
    gapResolved: 'The question is answered and left the list.',
    categoriesTab: 'Categories',
    categoriesIntro: 'Topics of the help center, in the order visitors see them. Deleting one keeps its articles, without a category.',
    categoriesReadOnly: 'Only supervisors and admins can change the categories.',
    categorySlug: 'Slug',
    categoryPosition: 'Order',
    categoryActions: 'Actions',
    categorySlugOf: (c) => `Slug of ${c}`,
    categoryNameOf: (l, c) => `${l} name of ${c}`,
    categoryPositionOf: (c) => `Order of ${c}`,
    newCategory: 'the new category',
    addCategory: 'Add category',
    categorySaved: 'Category saved.',
    categoryDeleted: 'Category deleted.',
    confirmDeleteCategory: 'Confirm delete',
    exportJson: 'Export (JSON)',
    comments: (n) => (n === 1 ? 'What 1 visitor wrote' : `What ${n} visitors wrote`),
    commentsFailed: (m) => `Visitors' comments could not be loaded: ${m}`,
    votedYes: 'Helpful',
    votedNo: 'Not helpful',
    exportMarkdown: 'Export (Markdown zip)',
    importLabel: 'Import JSON or zip…',
    exported: (f) => `Exported: ${f}`,
    imported: (f, c, u, k) => `Imported ${f}: ${c} new, ${u} updated article versions${k ? `, ${k} new categories` : ''}.`,
    transferFailed: (m) => `Nothing was imported or exported: ${m}`,
  },
  'zh-CN': {
    heading: '知识库',
    sections: '知识库栏目',
    articlesTab: '文章',
    gapsTab: '未解答的问题',
    newArticle: '新建文章',
    search: '搜索文章',
    status: '状态',
    anyStatus: '全部状态',
    statusName: { draft: '草稿', published: '已发布' },
    category: '分类',
    allCategories: '全部分类',
    noCategory: '未分类',
    language: '语言',
    allLanguages: '全部语言',
    localeName: { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' },
    localeShort: { en: 'EN', 'zh-CN': '简', 'zh-TW': '繁' },
    colArticle: '文章',
    colVersions: '语言版本',
    colHelpful: '有帮助',
    colViews: '浏览',
    colUpdated: '更新时间',
    versionBadge: (l, s) => `${l}：${s}`,
    helpfulCounts: (y, n) => `${y} 有用 · ${n} 没用`,
    helpfulPercent: (p) => `${p}% 认为有帮助`,
    noVotes: '暂无评价',
    articleCount: (n) => `${n} 篇文章`,
    loading: '正在加载文章…',
    loadFailed: (m) => `无法加载文章：${m}`,
    retry: '重试',
    emptyAll: '还没有文章——来写第一篇吧。',
    emptyFiltered: '没有符合筛选条件的文章。',
    clearFilters: '清除筛选',
    back: '返回文章列表',
    newHeading: '新建文章',
    versions: '语言版本',
    addVersion: (l) => `添加${l}版本`,
    notSaved: '尚未保存',
    unsaved: '有未保存的修改',
    title: '标题',
    categoryShared: '所有语言版本共用。',
    keywords: '关键词（可选）',
    keywordsHint: '用逗号分隔。没有关键词也能搜到；可补充正文里没有、但用户常用的说法。',
    body: '正文（Markdown）',
    bodyHint: 'Markdown：**粗体**、*斜体*、[链接](https://example.com)、用 - 或 1. 开头的列表。',
    chars: (n, max) => `${n} / ${max} 字符`,
    beside: '编辑器旁显示',
    preview: '预览',
    previewEmpty: '输入内容后，这里会显示预览。',
    previewBusy: '正在更新预览…',
    previewFailed: (m) => `无法预览：${m}`,
    referenceOf: (l) => `${l}版本`,
    stats: (v) => `${v} 次浏览`,
    saveDraft: '保存草稿',
    saveChanges: '保存修改',
    publish: '发布',
    unpublish: '取消发布',
    delete: '删除',
    saving: '正在保存…',
    needsManager: '只有主管和管理员可以发布或取消发布。请先保存草稿，再请他们发布。',
    publishedReadOnly: '此版本已发布：只有主管和管理员可以修改。',
    savedDraft: '草稿已保存。',
    savedLive: '修改已保存，访客现在就能看到。',
    published: '已发布，访客现在就能搜到。',
    unpublished: '已取消发布，恢复为草稿。',
    deleted: '已删除。',
    notSavedError: (m) => `未保存：${m}`,
    failed: (m) => `操作失败：${m}`,
    titleRequired: '请填写文章标题。',
    deleteHeading: '删除此版本？',
    deleteText: (l, t) => `“${t}”的${l}版本将被永久删除。`,
    cancel: '取消',
    leaveHeading: '放弃未保存的修改？',
    leaveText: '你对这篇文章的修改还没有保存。',
    keepEditing: '继续编辑',
    discard: '放弃修改',
    fromGap: (q) => `正在解答“${q}”。保存后，它将从未解答列表中移除。`,
    gapsIntro: '机器人无法回答、或回答后访客表示没有帮助的问题，按提问次数排序。',
    colQuestion: '问题',
    colAsked: '提问次数',
    colLastAsked: '最近提问',
    colReason: '原因',
    reason: { unanswered: '未找到答案', not_helpful: '答案没有帮助' },
    askedTimes: (n) => `${n} 次`,
    writeFromGap: '据此撰写文章',
    gapsLoading: '正在加载未解答的问题…',
    gapsEmpty: '没有未解答的问题，机器人回答了所有提问。',
    gapResolved: '问题已解答，已从列表中移除。',
    categoriesTab: '分类',
    categoriesIntro: '帮助中心的主题，按访客看到的顺序排列。删除分类不会删除其中的文章，文章将变为未分类。',
    categoriesReadOnly: '只有主管和管理员可以修改分类。',
    categorySlug: '标识',
    categoryPosition: '顺序',
    categoryActions: '操作',
    categorySlugOf: (c) => `${c}的标识`,
    categoryNameOf: (l, c) => `${c}的${l}名称`,
    categoryPositionOf: (c) => `${c}的顺序`,
    newCategory: '新分类',
    addCategory: '添加分类',
    categorySaved: '分类已保存。',
    categoryDeleted: '分类已删除。',
    confirmDeleteCategory: '确认删除',
    exportJson: '导出（JSON）',
    comments: (n) => `${n} 位访客的留言`,
    commentsFailed: (m) => `访客留言加载失败：${m}`,
    votedYes: '有帮助',
    votedNo: '没有帮助',
    exportMarkdown: '导出（Markdown 压缩包）',
    importLabel: '导入 JSON 或压缩包…',
    exported: (f) => `已导出：${f}`,
    imported: (f, c, u, k) => `已导入 ${f}：新增 ${c} 篇、更新 ${u} 篇文章版本${k ? `，新增 ${k} 个分类` : ''}。`,
    transferFailed: (m) => `未导入或导出任何内容：${m}`,
  },
  'zh-TW': {
    heading: '知識庫',
    sections: '知識庫欄目',
    articlesTab: '文章',
    gapsTab: '未解答的問題',
    newArticle: '新增文章',
    search: '搜尋文章',
    status: '狀態',
    anyStatus: '全部狀態',
    statusName: { draft: '草稿', published: '已發佈' },
    category: '分類',
    allCategories: '全部分類',
    noCategory: '未分類',
    language: '語言',
    allLanguages: '全部語言',
    localeName: { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' },
    localeShort: { en: 'EN', 'zh-CN': '简', 'zh-TW': '繁' },
    colArticle: '文章',
    colVersions: '語言版本',
    colHelpful: '有幫助',
    colViews: '瀏覽',
    colUpdated: '更新時間',
    versionBadge: (l, s) => `${l}：${s}`,
    helpfulCounts: (y, n) => `${y} 有用 · ${n} 沒用`,
    helpfulPercent: (p) => `${p}% 認為有幫助`,
    noVotes: '尚無評價',
    articleCount: (n) => `${n} 篇文章`,
    loading: '正在載入文章…',
    loadFailed: (m) => `無法載入文章：${m}`,
    retry: '重試',
    emptyAll: '還沒有文章——來寫第一篇吧。',
    emptyFiltered: '沒有符合篩選條件的文章。',
    clearFilters: '清除篩選',
    back: '返回文章列表',
    newHeading: '新增文章',
    versions: '語言版本',
    addVersion: (l) => `新增${l}版本`,
    notSaved: '尚未儲存',
    unsaved: '有未儲存的修改',
    title: '標題',
    categoryShared: '所有語言版本共用。',
    keywords: '關鍵字（選填）',
    keywordsHint: '以逗號分隔。沒有關鍵字也能搜尋到；可補充內文沒有、但使用者常用的說法。',
    body: '內文（Markdown）',
    bodyHint: 'Markdown：**粗體**、*斜體*、[連結](https://example.com)、以 - 或 1. 開頭的清單。',
    chars: (n, max) => `${n} / ${max} 字元`,
    beside: '編輯器旁顯示',
    preview: '預覽',
    previewEmpty: '輸入內容後，這裡會顯示預覽。',
    previewBusy: '正在更新預覽…',
    previewFailed: (m) => `無法預覽：${m}`,
    referenceOf: (l) => `${l}版本`,
    stats: (v) => `${v} 次瀏覽`,
    saveDraft: '儲存草稿',
    saveChanges: '儲存修改',
    publish: '發佈',
    unpublish: '取消發佈',
    delete: '刪除',
    saving: '正在儲存…',
    needsManager: '只有主管和管理員可以發佈或取消發佈。請先儲存草稿，再請他們發佈。',
    publishedReadOnly: '此版本已發佈：只有主管和管理員可以修改。',
    savedDraft: '草稿已儲存。',
    savedLive: '修改已儲存，訪客現在就能看到。',
    published: '已發佈，訪客現在就能搜尋到。',
    unpublished: '已取消發佈，恢復為草稿。',
    deleted: '已刪除。',
    notSavedError: (m) => `未儲存：${m}`,
    failed: (m) => `操作失敗：${m}`,
    titleRequired: '請填寫文章標題。',
    deleteHeading: '刪除此版本？',
    deleteText: (l, t) => `「${t}」的${l}版本將被永久刪除。`,
    cancel: '取消',
    leaveHeading: '放棄未儲存的修改？',
    leaveText: '你對這篇文章的修改尚未儲存。',
    keepEditing: '繼續編輯',
    discard: '放棄修改',
    fromGap: (q) => `正在解答「${q}」。儲存後，它會從未解答清單中移除。`,
    gapsIntro: '機器人無法回答、或回答後訪客表示沒有幫助的問題，依提問次數排序。',
    colQuestion: '問題',
    colAsked: '提問次數',
    colLastAsked: '最近提問',
    colReason: '原因',
    reason: { unanswered: '找不到答案', not_helpful: '答案沒有幫助' },
    askedTimes: (n) => `${n} 次`,
    writeFromGap: '據此撰寫文章',
    gapsLoading: '正在載入未解答的問題…',
    gapsEmpty: '沒有未解答的問題，機器人回答了所有提問。',
    gapResolved: '問題已解答，已從清單中移除。',
    categoriesTab: '分類',
    categoriesIntro: '說明中心的主題，依訪客看到的順序排列。刪除分類不會刪除其中的文章，文章將變為未分類。',
    categoriesReadOnly: '只有主管和管理員可以修改分類。',
    categorySlug: '識別碼',
    categoryPosition: '順序',
    categoryActions: '操作',
    categorySlugOf: (c) => `${c}的識別碼`,
    categoryNameOf: (l, c) => `${c}的${l}名稱`,
    categoryPositionOf: (c) => `${c}的順序`,
    newCategory: '新分類',
    addCategory: '新增分類',
    categorySaved: '分類已儲存。',
    categoryDeleted: '分類已刪除。',
    confirmDeleteCategory: '確認刪除',
    exportJson: '匯出（JSON）',
    comments: (n) => `${n} 位訪客的留言`,
    commentsFailed: (m) => `訪客留言載入失敗：${m}`,
    votedYes: '有幫助',
    votedNo: '沒有幫助',
    exportMarkdown: '匯出（Markdown 壓縮檔）',
    importLabel: '匯入 JSON 或壓縮檔…',
    exported: (f) => `已匯出：${f}`,
    imported: (f, c, u, k) => `已匯入 ${f}：新增 ${c} 篇、更新 ${u} 篇文章版本${k ? `，新增 ${k} 個分類` : ''}。`,
    transferFailed: (m) => `未匯入或匯出任何內容：${m}`,
  },
};
