import type { AnnouncementPriority } from '@parley/protocol';
import type { Catalogs } from '../internal/i18n.js'; // a type only: nothing of i18n.ts is bundled

export interface BannerStrings {
  /** The landmark holding the notices. */
  region: string;
  priority: Record<AnnouncementPriority, string>;
  acknowledge: string;
  acknowledged: string;
  /** Under an announcement that waits for the acknowledgement. */
  ackHint: string;
  dismiss: (title: string) => string;
  close: string;
  from: (name: string) => string;
  /** Read by screen readers when one arrives live. */
  arrived: (priority: string, title: string) => string;
}

export const bannerStrings: Catalogs<BannerStrings> = {
  en: {
    region: 'Announcements',
    priority: { normal: 'Notice', important: 'Important', urgent: 'Urgent' },
    acknowledge: 'I have read this',
    acknowledged: 'Acknowledged',
    ackHint: 'Please confirm that you have read this.',
    dismiss: (t) => `Dismiss “${t}”`,
    close: 'Close',
    from: (n) => `From ${n}`,
    arrived: (p, t) => `New announcement (${p}): ${t}`,
  },
  'zh-CN': {
    region: '公告',
    priority: { normal: '通知', important: '重要', urgent: '紧急' },
    acknowledge: '我已阅读',
    acknowledged: '已确认阅读',
    ackHint: '请确认您已阅读此公告。',
    dismiss: (t) => `关闭“${t}”`,
    close: '关闭',
    from: (n) => `发布人：${n}`,
    arrived: (p, t) => `新公告（${p}）：${t}`,
  },
  'zh-TW': {
    region: '公告',
    priority: { normal: '通知', important: '重要', urgent: '緊急' },
    acknowledge: '我已閱讀',
    acknowledged: '已確認閱讀',
    ackHint: '請確認您已閱讀此公告。',
    dismiss: (t) => `關閉「${t}」`,
    close: '關閉',
    from: (n) => `發布人：${n}`,
    arrived: (p, t) => `新公告（${p}）：${t}`,
  },
};
