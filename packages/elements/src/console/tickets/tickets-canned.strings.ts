/**
 * Strings of saved replies: the composer's "Insert saved reply" picker and the supervisors' "Saved
 * replies" section. Apart from tickets.strings.ts so each catalog stays readable; the English catalog
 * defines the shape, the other two must match it key for key.
 */
import type { Locale } from '@parley/protocol';
import type { Catalogs } from '../../internal/i18n.js';

export interface CannedStrings {
  insert: string;
  loading: string;
  loadFailed: (message: string) => string;
  retry: string;
  empty: string;
  inserted: (title: string) => string;
  anyLanguage: string;
  /** Language names, each written in its own language. */
  localeName: Record<Locale, string>;
  tab: string;
  heading: string;
  intro: string;
  add: string;
  newHeading: string;
  editHeading: (title: string) => string;
  title: string;
  body: string;
  language: string;
  save: string;
  saving: string;
  cancel: string;
  edit: string;
  remove: string;
  colTitle: string;
  colLanguage: string;
  colBody: string;
  colActions: string;
  deleteHeading: string;
  deleteQuestion: (title: string) => string;
  confirmDelete: string;
  added: string;
  saved: string;
  deleted: string;
  notSaved: (message: string) => string;
  notDeleted: (message: string) => string;
}

const localeName: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' };

export const cannedStrings: Catalogs<CannedStrings> = {
  en: {
    insert: 'Insert saved reply',
    loading: 'Loading saved replies…',
    loadFailed: (m) => `Could not load the saved replies: ${m}`,
    retry: 'Retry',
    empty: 'No saved replies yet.',
    inserted: (t) => `Inserted “${t}”. Edit it before sending.`,
    anyLanguage: 'Any language',
    localeName,
    tab: 'Saved replies',
    heading: 'Saved replies',
    intro: 'Answers every agent can insert into a ticket reply and edit before sending. Those in the ticket’s language are offered first.',
    add: 'Add saved reply',
    newHeading: 'New saved reply',
    editHeading: (t) => `Edit “${t}”`,
    title: 'Title',
    body: 'Text',
    language: 'Language',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    edit: 'Edit',
    remove: 'Delete',
    colTitle: 'Title',
    colLanguage: 'Language',
    colBody: 'Text',
    colActions: 'Actions',
    deleteHeading: 'Delete this saved reply?',
    deleteQuestion: (t) => `“${t}” will no longer be offered to agents. Replies already sent stay as they are.`,
    confirmDelete: 'Delete',
    added: 'Saved reply added.',
    saved: 'Saved reply changed.',
    deleted: 'Saved reply deleted.',
    notSaved: (m) => `Not saved: ${m}`,
    notDeleted: (m) => `Not deleted: ${m}`,
  },
  'zh-CN': {
    insert: '插入常用回复',
    loading: '正在加载常用回复…',
    loadFailed: (m) => `无法加载常用回复：${m}`,
    retry: '重试',
    empty: '还没有常用回复。',
    inserted: (t) => `已插入“${t}”，发送前请按需修改。`,
    anyLanguage: '任意语言',
    localeName,
    tab: '常用回复',
    heading: '常用回复',
    intro: '客服可将常用回复插入工单回复，修改后再发送。与工单语言相同的回复排在前面。',
    add: '添加常用回复',
    newHeading: '新建常用回复',
    editHeading: (t) => `编辑“${t}”`,
    title: '标题',
    body: '内容',
    language: '语言',
    save: '保存',
    saving: '正在保存…',
    cancel: '取消',
    edit: '编辑',
    remove: '删除',
    colTitle: '标题',
    colLanguage: '语言',
    colBody: '内容',
    colActions: '操作',
    deleteHeading: '删除此常用回复？',
    deleteQuestion: (t) => `删除后客服将无法再插入“${t}”。已发送的回复不受影响。`,
    confirmDelete: '删除',
    added: '已添加常用回复。',
    saved: '已修改常用回复。',
    deleted: '已删除常用回复。',
    notSaved: (m) => `未能保存：${m}`,
    notDeleted: (m) => `未能删除：${m}`,
  },
  'zh-TW': {
    insert: '插入常用回覆',
    loading: '正在載入常用回覆…',
    loadFailed: (m) => `無法載入常用回覆：${m}`,
    retry: '重試',
    empty: '還沒有常用回覆。',
    inserted: (t) => `已插入「${t}」，傳送前請視需要修改。`,
    anyLanguage: '任何語言',
    localeName,
    tab: '常用回覆',
    heading: '常用回覆',
    intro: '客服可將常用回覆插入工單回覆，修改後再傳送。與工單語言相同的回覆排在前面。',
    add: '新增常用回覆',
    newHeading: '新增常用回覆',
    editHeading: (t) => `編輯「${t}」`,
    title: '標題',
    body: '內容',
    language: '語言',
    save: '儲存',
    saving: '正在儲存…',
    cancel: '取消',
    edit: '編輯',
    remove: '刪除',
    colTitle: '標題',
    colLanguage: '語言',
    colBody: '內容',
    colActions: '操作',
    deleteHeading: '刪除此常用回覆？',
    deleteQuestion: (t) => `刪除後客服將無法再插入「${t}」。已傳送的回覆不受影響。`,
    confirmDelete: '刪除',
    added: '已新增常用回覆。',
    saved: '已修改常用回覆。',
    deleted: '已刪除常用回覆。',
    notSaved: (m) => `未能儲存：${m}`,
    notDeleted: (m) => `未能刪除：${m}`,
  },
};
