/**
 * Strings of the Site settings tab. The English catalog defines the shape; the other two must match it
 * key for key (`Catalogs<SiteSettingsStrings>`).
 */
import type { LauncherSide, Locale } from '@parley/protocol';
import type { Catalogs } from '../../internal/i18n.js';

export interface SiteSettingsStrings {
  heading: string;
  loading: string;
  failed: (message: string) => string;
  retry: string;
  empty: string;
  siteLabel: string;
  generalLegend: string;
  name: string;
  key: string;
  keyHint: string;
  origins: string;
  originsHint: string;
  jwks: string;
  jwksHint: string;
  widgetLegend: string;
  colour: string;
  colourHex: string;
  preview: string;
  contrast: (ratio: string) => string;
  lowContrast: (ratio: string) => string;
  position: string;
  side: Record<LauncherSide, string>;
  offset: string;
  offsetHint: string;
  greetingLegend: string;
  greetingHint: string;
  offlineLegend: string;
  offlineHint: string;
  language: Record<Locale, string>;
  save: string;
  saved: string;
  secretLegend: string;
  secretIntro: string;
  previousValid: (until: string) => string;
  rotate: string;
  confirmRotateHeading: string;
  confirmRotateText: string;
  confirmRotate: string;
  cancel: string;
  secretOnceHeading: string;
  secretOnceLabel: string;
  secretOnceNote: (until: string) => string;
  copy: string;
  copied: string;
  copyFailed: string;
  done: string;
  rotated: string;
}

export const siteSettingsStrings: Catalogs<SiteSettingsStrings> = {
  en: {
    heading: 'Site',
    loading: 'Loading site settings…',
    failed: (m) => `Could not load or save: ${m}`,
    retry: 'Try again',
    empty: 'There is no site yet.',
    siteLabel: 'Site',
    generalLegend: 'Site',
    name: 'Name',
    key: 'Site key',
    keyHint: 'The data-site of the script tag. It is public and cannot be changed.',
    origins: 'Allowed origins',
    originsHint: 'One per line, exactly as the browser sends it (https://shop.example, no path), or * for any website.',
    jwks: 'Employee JWKS URL',
    jwksHint: 'Optional, https only: where the intranet’s identity provider publishes its keys (RS256/ES256 employee tokens). Leave empty to use the identity secret (HS256).',
    widgetLegend: 'Chat launcher',
    colour: 'Colour',
    colourHex: 'Colour (hex)',
    preview: 'Preview of the launcher',
    contrast: (r) => `White text contrast ${r}:1`,
    lowContrast: (r) => `White text on this colour has a contrast of ${r}:1, below 4.5:1: visitors may struggle to read it. Choose a darker colour.`,
    position: 'Position',
    side: { left: 'Bottom left', right: 'Bottom right' },
    offset: 'Distance from the corner (px)',
    offsetHint: '0 to 200 pixels.',
    greetingLegend: 'Greeting',
    greetingHint: 'The first message of every new chat. Empty: the assistant’s own greeting.',
    offlineLegend: 'Message outside business hours',
    offlineHint: 'Shown in the chat when nobody can answer. Empty: the standard message.',
    language: { en: 'English', 'zh-CN': 'Simplified Chinese', 'zh-TW': 'Traditional Chinese' },
    save: 'Save',
    saved: 'Site settings saved.',
    secretLegend: 'Identity secret',
    secretIntro: 'Your website signs userHash = HMAC-SHA256(secret, userId) with it, and your intranet signs employee tokens (HS256). Parley never shows it again after a rotation.',
    previousValid: (u) => `The previous secret still works until ${u}.`,
    rotate: 'Rotate secret…',
    confirmRotateHeading: 'Rotate the identity secret?',
    confirmRotateText: 'A new secret is made and shown once. The current one keeps working for 24 hours, so update your website and intranet within that time.',
    confirmRotate: 'Rotate',
    cancel: 'Cancel',
    secretOnceHeading: 'New identity secret',
    secretOnceLabel: 'Secret',
    secretOnceNote: (u) => `Copy it now: it will not be shown again. The old secret stops working at ${u}.`,
    copy: 'Copy',
    copied: 'Secret copied.',
    copyFailed: 'Could not copy; the secret is selected: press Ctrl+C.',
    done: 'I have stored it',
    rotated: 'Identity secret rotated.',
  },
  'zh-CN': {
    heading: '站点',
    loading: '正在加载站点设置…',
    failed: (m) => `无法加载或保存：${m}`,
    retry: '重试',
    empty: '还没有站点。',
    siteLabel: '站点',
    generalLegend: '站点',
    name: '名称',
    key: '站点标识',
    keyHint: '即脚本标签的 data-site。它是公开的，无法修改。',
    origins: '允许的来源',
    originsHint: '每行一个，与浏览器发送的完全一致（如 https://shop.example，不含路径），或填 * 允许任何网站。',
    jwks: '员工 JWKS 地址',
    jwksHint: '可选，仅限 https：内网身份提供方发布公钥的地址（RS256/ES256 员工令牌）。留空则使用身份密钥（HS256）。',
    widgetLegend: '聊天按钮',
    colour: '颜色',
    colourHex: '颜色（十六进制）',
    preview: '聊天按钮预览',
    contrast: (r) => `白色文字对比度 ${r}:1`,
    lowContrast: (r) => `此颜色上的白色文字对比度为 ${r}:1，低于 4.5:1，访客可能难以看清。请选择更深的颜色。`,
    position: '位置',
    side: { left: '左下角', right: '右下角' },
    offset: '距角落的距离（像素）',
    offsetHint: '0 到 200 像素。',
    greetingLegend: '欢迎语',
    greetingHint: '每个新对话的第一条消息。留空则使用智能助手的默认欢迎语。',
    offlineLegend: '非营业时间提示',
    offlineHint: '无人可接待时在聊天中显示。留空则使用默认提示。',
    language: { en: '英文', 'zh-CN': '简体中文', 'zh-TW': '繁体中文' },
    save: '保存',
    saved: '站点设置已保存。',
    secretLegend: '身份密钥',
    secretIntro: '您的网站用它签名 userHash = HMAC-SHA256(密钥, userId)，内网用它签名员工令牌（HS256）。轮换后 Parley 不会再次显示。',
    previousValid: (u) => `旧密钥在 ${u} 之前仍然有效。`,
    rotate: '轮换密钥…',
    confirmRotateHeading: '轮换身份密钥？',
    confirmRotateText: '将生成新密钥并只显示一次。当前密钥在 24 小时内仍然有效，请在此期间更新您的网站和内网。',
    confirmRotate: '轮换',
    cancel: '取消',
    secretOnceHeading: '新的身份密钥',
    secretOnceLabel: '密钥',
    secretOnceNote: (u) => `请立即复制：它不会再次显示。旧密钥将于 ${u} 失效。`,
    copy: '复制',
    copied: '已复制密钥。',
    copyFailed: '无法复制；密钥已选中，请按 Ctrl+C。',
    done: '我已妥善保存',
    rotated: '身份密钥已轮换。',
  },
  'zh-TW': {
    heading: '網站',
    loading: '正在載入網站設定…',
    failed: (m) => `無法載入或儲存：${m}`,
    retry: '重試',
    empty: '還沒有網站。',
    siteLabel: '網站',
    generalLegend: '網站',
    name: '名稱',
    key: '網站識別碼',
    keyHint: '即指令碼標籤的 data-site。它是公開的，無法修改。',
    origins: '允許的來源',
    originsHint: '每行一個，與瀏覽器送出的完全一致（如 https://shop.example，不含路徑），或填 * 允許任何網站。',
    jwks: '員工 JWKS 網址',
    jwksHint: '選填，僅限 https：內網身分提供者發布公鑰的網址（RS256/ES256 員工權杖）。留空則使用身分密鑰（HS256）。',
    widgetLegend: '聊天按鈕',
    colour: '顏色',
    colourHex: '顏色（十六進位）',
    preview: '聊天按鈕預覽',
    contrast: (r) => `白色文字對比度 ${r}:1`,
    lowContrast: (r) => `此顏色上的白色文字對比度為 ${r}:1，低於 4.5:1，訪客可能難以看清。請選擇更深的顏色。`,
    position: '位置',
    side: { left: '左下角', right: '右下角' },
    offset: '距角落的距離（像素）',
    offsetHint: '0 到 200 像素。',
    greetingLegend: '歡迎語',
    greetingHint: '每個新對話的第一則訊息。留空則使用智慧助理的預設歡迎語。',
    offlineLegend: '非營業時間提示',
    offlineHint: '無人可接待時在聊天中顯示。留空則使用預設提示。',
    language: { en: '英文', 'zh-CN': '簡體中文', 'zh-TW': '繁體中文' },
    save: '儲存',
    saved: '網站設定已儲存。',
    secretLegend: '身分密鑰',
    secretIntro: '您的網站用它簽署 userHash = HMAC-SHA256(密鑰, userId)，內網用它簽署員工權杖（HS256）。輪換後 Parley 不會再次顯示。',
    previousValid: (u) => `舊密鑰在 ${u} 之前仍然有效。`,
    rotate: '輪換密鑰…',
    confirmRotateHeading: '輪換身分密鑰？',
    confirmRotateText: '將產生新密鑰並只顯示一次。目前的密鑰在 24 小時內仍然有效，請在此期間更新您的網站和內網。',
    confirmRotate: '輪換',
    cancel: '取消',
    secretOnceHeading: '新的身分密鑰',
    secretOnceLabel: '密鑰',
    secretOnceNote: (u) => `請立即複製：它不會再次顯示。舊密鑰將於 ${u} 失效。`,
    copy: '複製',
    copied: '已複製密鑰。',
    copyFailed: '無法複製；密鑰已選取，請按 Ctrl+C。',
    done: '我已妥善保存',
    rotated: '身分密鑰已輪換。',
  },
};
