/** Strings of two-factor sign-in: the console's code step and the enrolment screen. */
import type { Catalogs } from '../../internal/i18n.js';

export interface TwoFactorStrings {
  codeHeading: string;
  codeHelp: string;
  codeLabel: string;
  recoveryHelp: string;
  recoveryLabel: string;
  verify: string;
  verifying: string;
  useRecovery: string;
  useApp: string;
  backToSignIn: string;
  wrongCode: string;
  wrongRecovery: string;
  codeFormat: string;
  challengeExpired: string;
  tooManyAttempts: string;
  cannotReachServer: string;
  enrolHeading: string;
  enrolRequired: string;
  enrolIntro: string;
  qrAlt: string;
  manualKey: string;
  confirmHelp: string;
  confirm: string;
  confirming: string;
  loading: string;
  loadFailed: string;
  retry: string;
  codesHeading: string;
  codesIntro: string;
  codesList: string;
  copy: string;
  copied: string;
  copyFailed: string;
  download: string;
  saved: string;
  signOut: string;
}

export const twoFactorStrings: Catalogs<TwoFactorStrings> = {
  en: {
    codeHeading: 'Two-factor sign-in',
    codeHelp: 'Enter the 6-digit code your authenticator app shows for Parley.',
    codeLabel: 'Code',
    recoveryHelp: 'Enter one of the recovery codes you saved when you set up two-factor sign-in. Each works once.',
    recoveryLabel: 'Recovery code',
    verify: 'Verify',
    verifying: 'Checking…',
    useRecovery: 'Use a recovery code instead',
    useApp: 'Use a code from the app instead',
    backToSignIn: 'Back to sign-in',
    wrongCode: 'That code is not correct, or it was already used. Wait for the next code and try again.',
    wrongRecovery: 'That recovery code is not correct, or it was already used.',
    codeFormat: 'Enter the 6 digits the app shows.',
    challengeExpired: 'This sign-in has expired. Enter your email and password again.',
    tooManyAttempts: 'Too many wrong codes. Wait a few minutes and try again.',
    cannotReachServer: 'Cannot reach the server. Check the connection and try again.',
    enrolHeading: 'Set up two-factor sign-in',
    enrolRequired: 'Your account must use two-factor sign-in. Set it up now to continue.',
    enrolIntro: 'Scan this QR code with an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password or another), then enter the code it shows.',
    qrAlt: 'QR code to add Parley to your authenticator app',
    manualKey: 'Cannot scan? Enter this setup key in the app:',
    confirmHelp: 'The 6-digit code the app now shows for Parley.',
    confirm: 'Turn on two-factor sign-in',
    confirming: 'Checking…',
    loading: 'Preparing…',
    loadFailed: 'Two-factor setup could not be started.',
    retry: 'Try again',
    codesHeading: 'Save your recovery codes',
    codesIntro: 'If you lose your phone, each of these codes signs you in once. They are shown only now: copy or download them and keep them somewhere safe.',
    codesList: 'Recovery codes',
    copy: 'Copy',
    copied: 'Copied.',
    copyFailed: 'Could not copy; select the codes and copy them yourself.',
    download: 'Download',
    saved: 'I have saved them',
    signOut: 'Sign out',
  },
  'zh-CN': {
    codeHeading: '两步验证登录',
    codeHelp: '请输入身份验证器应用为 Parley 显示的 6 位验证码。',
    codeLabel: '验证码',
    recoveryHelp: '请输入您设置两步验证时保存的一个恢复码。每个恢复码只能使用一次。',
    recoveryLabel: '恢复码',
    verify: '验证',
    verifying: '正在验证…',
    useRecovery: '改用恢复码',
    useApp: '改用应用中的验证码',
    backToSignIn: '返回登录',
    wrongCode: '验证码不正确或已被使用。请等待下一个验证码后重试。',
    wrongRecovery: '恢复码不正确或已被使用。',
    codeFormat: '请输入应用显示的 6 位数字。',
    challengeExpired: '本次登录已过期，请重新输入邮箱和密码。',
    tooManyAttempts: '错误次数过多，请几分钟后再试。',
    cannotReachServer: '无法连接服务器，请检查网络后重试。',
    enrolHeading: '设置两步验证',
    enrolRequired: '您的账号必须使用两步验证登录。请先完成设置再继续。',
    enrolIntro: '请用身份验证器应用（如 Google 身份验证器、Microsoft Authenticator、1Password 等）扫描此二维码，然后输入应用显示的验证码。',
    qrAlt: '将 Parley 添加到身份验证器应用的二维码',
    manualKey: '无法扫描？请在应用中输入此设置密钥：',
    confirmHelp: '应用当前为 Parley 显示的 6 位验证码。',
    confirm: '开启两步验证',
    confirming: '正在验证…',
    loading: '正在准备…',
    loadFailed: '无法开始设置两步验证。',
    retry: '重试',
    codesHeading: '保存您的恢复码',
    codesIntro: '如果手机丢失，每个恢复码可让您登录一次。恢复码只显示这一次：请复制或下载并妥善保存。',
    codesList: '恢复码',
    copy: '复制',
    copied: '已复制。',
    copyFailed: '无法复制，请手动选中恢复码后复制。',
    download: '下载',
    saved: '我已保存',
    signOut: '退出登录',
  },
  'zh-TW': {
    codeHeading: '兩步驟驗證登入',
    codeHelp: '請輸入驗證器應用程式為 Parley 顯示的 6 位數驗證碼。',
    codeLabel: '驗證碼',
    recoveryHelp: '請輸入您設定兩步驟驗證時儲存的一組復原碼。每組復原碼只能使用一次。',
    recoveryLabel: '復原碼',
    verify: '驗證',
    verifying: '正在驗證…',
    useRecovery: '改用復原碼',
    useApp: '改用應用程式中的驗證碼',
    backToSignIn: '返回登入',
    wrongCode: '驗證碼不正確或已使用過。請等待下一組驗證碼後再試。',
    wrongRecovery: '復原碼不正確或已使用過。',
    codeFormat: '請輸入應用程式顯示的 6 位數字。',
    challengeExpired: '本次登入已逾時，請重新輸入電子郵件和密碼。',
    tooManyAttempts: '錯誤次數過多，請幾分鐘後再試。',
    cannotReachServer: '無法連線到伺服器，請檢查網路後再試。',
    enrolHeading: '設定兩步驟驗證',
    enrolRequired: '您的帳號必須使用兩步驟驗證登入。請先完成設定再繼續。',
    enrolIntro: '請用驗證器應用程式（如 Google Authenticator、Microsoft Authenticator、1Password 等）掃描此 QR 碼，然後輸入應用程式顯示的驗證碼。',
    qrAlt: '將 Parley 加入驗證器應用程式的 QR 碼',
    manualKey: '無法掃描？請在應用程式中輸入此設定金鑰：',
    confirmHelp: '應用程式目前為 Parley 顯示的 6 位數驗證碼。',
    confirm: '開啟兩步驟驗證',
    confirming: '正在驗證…',
    loading: '正在準備…',
    loadFailed: '無法開始設定兩步驟驗證。',
    retry: '重試',
    codesHeading: '儲存您的復原碼',
    codesIntro: '如果手機遺失，每組復原碼可讓您登入一次。復原碼只會顯示這一次：請複製或下載並妥善保存。',
    codesList: '復原碼',
    copy: '複製',
    copied: '已複製。',
    copyFailed: '無法複製，請手動選取復原碼後複製。',
    download: '下載',
    saved: '我已儲存',
    signOut: '登出',
  },
};
