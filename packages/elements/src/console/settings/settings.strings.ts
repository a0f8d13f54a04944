/** Strings of the console's Settings frame (each tab has its own catalog). */
import type { Catalogs } from '../../internal/i18n.js';

export interface SettingsStrings {
  heading: string;
  tabs: string;
  loading: string;
  loadFailed: string;
  retry: string;
  empty: string;
}

export const settingsStrings: Catalogs<SettingsStrings> = {
  en: {
    heading: 'Settings',
    tabs: 'Settings sections',
    loading: 'Loading…',
    loadFailed: 'This section could not be loaded. Check the connection and try again.',
    retry: 'Try again',
    empty: 'There is nothing to set here for your role.',
  },
  'zh-CN': {
    heading: '设置',
    tabs: '设置分区',
    loading: '正在加载…',
    loadFailed: '无法加载此分区。请检查网络连接后重试。',
    retry: '重试',
    empty: '您的角色在这里没有可设置的内容。',
  },
  'zh-TW': {
    heading: '設定',
    tabs: '設定分區',
    loading: '正在載入…',
    loadFailed: '無法載入此分區。請檢查網路連線後重試。',
    retry: '重試',
    empty: '您的角色在這裡沒有可設定的內容。',
  },
};
