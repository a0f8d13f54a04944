/** Strings of Settings → Account: password, two-factor, sessions, and (admins) the sign-in policy. */
import type { Catalogs } from '../../internal/i18n.js';

export interface AccountStrings {
  heading: string;
  loading: string;
  loadFailed: string;
  retry: string;
  cannotReachServer: string;
  passwordHeading: string;
  currentPassword: string;
  newPassword: string;
  newPasswordHint: (min: number) => string;
  confirmPassword: string;
  changePassword: string;
  saving: string;
  passwordTooShort: (min: number) => string;
  passwordMismatch: string;
  passwordChanged: (ended: number) => string;
  twoFactorHeading: string;
  twoFactorOn: (since: string) => string;
  twoFactorOff: string;
  twoFactorRequired: string;
  codesLeft: (n: number) => string;
  setUp: string;
  cancel: string;
  enrolled: string;
  proofLabel: string;
  proofHint: string;
  proofMissing: string;
  newCodes: string;
  turnOff: string;
  turnedOff: string;
  newCodesShown: string;
  sessionsHeading: string;
  sessionsCaption: string;
  device: string;
  signedIn: string;
  lastActive: string;
  expires: string;
  actions: string;
  thisSession: string;
  unknownDevice: string;
  endSession: string;
  endSessionOf: (device: string, signedIn: string) => string;
  endOthers: string;
  sessionEnded: string;
  othersEnded: (n: number) => string;
  noOtherSessions: string;
  policyHeading: string;
  requireAll: string;
  requireAllHint: string;
  adminsRequired: string;
  adminsOptional: string;
  savePolicy: string;
  policySaved: string;
  wrongCurrentPassword: string;
  samePassword: string;
  wrongProof: string;
  tooManyAttempts: string;
}

export const accountStrings: Catalogs<AccountStrings> = {
  en: {
    heading: 'Account',
    loading: 'Loading…',
    loadFailed: 'Your account could not be loaded.',
    retry: 'Try again',
    cannotReachServer: 'Cannot reach the server. Check the connection and try again.',
    passwordHeading: 'Password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    newPasswordHint: (min) => `At least ${min} characters. A few unrelated words make a strong one.`,
    confirmPassword: 'New password again',
    changePassword: 'Change password',
    saving: 'Saving…',
    passwordTooShort: (min) => `The new password must have at least ${min} characters.`,
    passwordMismatch: 'The two new passwords are not the same.',
    passwordChanged: (n) => (n === 0 ? 'Password changed.' : `Password changed. ${n === 1 ? 'One other session was' : `${n} other sessions were`} signed out.`),
    twoFactorHeading: 'Two-factor sign-in',
    twoFactorOn: (since) => `On since ${since}. Signing in asks for a code from your authenticator app.`,
    twoFactorOff: 'Off. Signing in asks only for your password.',
    twoFactorRequired: 'Required for your account: it cannot be turned off.',
    codesLeft: (n) => `${n} unused recovery ${n === 1 ? 'code' : 'codes'} left.`,
    setUp: 'Set up two-factor sign-in',
    cancel: 'Cancel',
    enrolled: 'Two-factor sign-in is on.',
    proofLabel: 'Your password, or a code from your app',
    proofHint: 'Needed to turn two-factor off or to make new recovery codes.',
    proofMissing: 'Enter your password or a current code first.',
    newCodes: 'New recovery codes',
    turnOff: 'Turn off two-factor',
    turnedOff: 'Two-factor sign-in is off.',
    newCodesShown: 'Your old recovery codes no longer work. Save these new ones:',
    sessionsHeading: 'Where you are signed in',
    sessionsCaption: 'Your sessions',
    device: 'Device',
    signedIn: 'Signed in',
    lastActive: 'Last active',
    expires: 'Ends',
    actions: 'Actions',
    thisSession: 'This session',
    unknownDevice: 'Unknown device',
    endSession: 'Sign out',
    endSessionOf: (device, at) => `Sign out ${device}, signed in ${at}`,
    endOthers: 'Sign out all other sessions',
    sessionEnded: 'That session is signed out.',
    othersEnded: (n) => (n === 1 ? 'One other session was signed out.' : `${n} other sessions were signed out.`),
    noOtherSessions: 'You are signed in nowhere else.',
    policyHeading: 'Sign-in policy',
    requireAll: 'Require two-factor sign-in for everyone',
    requireAllHint: 'People without it are sent to set it up the next time they use the console, before anything else.',
    adminsRequired: 'Admins must use two-factor whatever this says (ADMIN_2FA=required).',
    adminsOptional: 'This server lets admins choose (ADMIN_2FA=optional).',
    savePolicy: 'Save policy',
    policySaved: 'Sign-in policy saved.',
    wrongCurrentPassword: 'The current password is not correct.',
    samePassword: 'The new password must differ from the current one.',
    wrongProof: 'That password or code is not correct (a code works only once).',
    tooManyAttempts: 'Too many wrong attempts. Wait a few minutes and try again.',
  },
  'zh-CN': {
    heading: '账号',
    loading: '正在加载…',
    loadFailed: '无法加载您的账号信息。',
    retry: '重试',
    cannotReachServer: '无法连接服务器，请检查网络后重试。',
    passwordHeading: '密码',
    currentPassword: '当前密码',
    newPassword: '新密码',
    newPasswordHint: (min) => `至少 ${min} 个字符。几个互不相关的词组合起来就很安全。`,
    confirmPassword: '再次输入新密码',
    changePassword: '修改密码',
    saving: '正在保存…',
    passwordTooShort: (min) => `新密码至少需要 ${min} 个字符。`,
    passwordMismatch: '两次输入的新密码不一致。',
    passwordChanged: (n) => (n === 0 ? '密码已修改。' : `密码已修改，其他 ${n} 个会话已退出登录。`),
    twoFactorHeading: '两步验证',
    twoFactorOn: (since) => `已于 ${since} 开启。登录时需要输入身份验证器应用中的验证码。`,
    twoFactorOff: '未开启。登录时只需密码。',
    twoFactorRequired: '您的账号必须使用两步验证，无法关闭。',
    codesLeft: (n) => `还剩 ${n} 个未使用的恢复码。`,
    setUp: '设置两步验证',
    cancel: '取消',
    enrolled: '两步验证已开启。',
    proofLabel: '您的密码，或应用中的验证码',
    proofHint: '关闭两步验证或生成新的恢复码时需要。',
    proofMissing: '请先输入密码或当前验证码。',
    newCodes: '生成新的恢复码',
    turnOff: '关闭两步验证',
    turnedOff: '两步验证已关闭。',
    newCodesShown: '旧的恢复码已失效。请保存以下新的恢复码：',
    sessionsHeading: '登录的设备',
    sessionsCaption: '您的会话',
    device: '设备',
    signedIn: '登录时间',
    lastActive: '最近活动',
    expires: '到期时间',
    actions: '操作',
    thisSession: '当前会话',
    unknownDevice: '未知设备',
    endSession: '退出登录',
    endSessionOf: (device, at) => `退出 ${device}（${at} 登录）`,
    endOthers: '退出所有其他会话',
    sessionEnded: '该会话已退出登录。',
    othersEnded: (n) => `其他 ${n} 个会话已退出登录。`,
    noOtherSessions: '您没有在其他地方登录。',
    policyHeading: '登录策略',
    requireAll: '要求所有人使用两步验证',
    requireAllHint: '尚未设置的人下次使用工作台时，须先完成设置才能继续。',
    adminsRequired: '无论此处如何设置，管理员都必须使用两步验证（ADMIN_2FA=required）。',
    adminsOptional: '本服务器允许管理员自行选择（ADMIN_2FA=optional）。',
    savePolicy: '保存策略',
    policySaved: '登录策略已保存。',
    wrongCurrentPassword: '当前密码不正确。',
    samePassword: '新密码不能与当前密码相同。',
    wrongProof: '密码或验证码不正确（每个验证码只能使用一次）。',
    tooManyAttempts: '错误次数过多，请几分钟后再试。',
  },
  'zh-TW': {
    heading: '帳號',
    loading: '正在載入…',
    loadFailed: '無法載入您的帳號資訊。',
    retry: '重試',
    cannotReachServer: '無法連線到伺服器，請檢查網路後再試。',
    passwordHeading: '密碼',
    currentPassword: '目前密碼',
    newPassword: '新密碼',
    newPasswordHint: (min) => `至少 ${min} 個字元。幾個互不相關的詞組合起來就很安全。`,
    confirmPassword: '再次輸入新密碼',
    changePassword: '變更密碼',
    saving: '正在儲存…',
    passwordTooShort: (min) => `新密碼至少需要 ${min} 個字元。`,
    passwordMismatch: '兩次輸入的新密碼不一致。',
    passwordChanged: (n) => (n === 0 ? '密碼已變更。' : `密碼已變更，其他 ${n} 個工作階段已登出。`),
    twoFactorHeading: '兩步驟驗證',
    twoFactorOn: (since) => `已於 ${since} 開啟。登入時需要輸入驗證器應用程式中的驗證碼。`,
    twoFactorOff: '未開啟。登入時只需密碼。',
    twoFactorRequired: '您的帳號必須使用兩步驟驗證，無法關閉。',
    codesLeft: (n) => `還剩 ${n} 組未使用的復原碼。`,
    setUp: '設定兩步驟驗證',
    cancel: '取消',
    enrolled: '兩步驟驗證已開啟。',
    proofLabel: '您的密碼，或應用程式中的驗證碼',
    proofHint: '關閉兩步驟驗證或產生新的復原碼時需要。',
    proofMissing: '請先輸入密碼或目前的驗證碼。',
    newCodes: '產生新的復原碼',
    turnOff: '關閉兩步驟驗證',
    turnedOff: '兩步驟驗證已關閉。',
    newCodesShown: '舊的復原碼已失效。請儲存以下新的復原碼：',
    sessionsHeading: '登入的裝置',
    sessionsCaption: '您的工作階段',
    device: '裝置',
    signedIn: '登入時間',
    lastActive: '最近活動',
    expires: '到期時間',
    actions: '動作',
    thisSession: '目前的工作階段',
    unknownDevice: '不明裝置',
    endSession: '登出',
    endSessionOf: (device, at) => `登出 ${device}（${at} 登入）`,
    endOthers: '登出所有其他工作階段',
    sessionEnded: '該工作階段已登出。',
    othersEnded: (n) => `其他 ${n} 個工作階段已登出。`,
    noOtherSessions: '您沒有在其他地方登入。',
    policyHeading: '登入政策',
    requireAll: '要求所有人使用兩步驟驗證',
    requireAllHint: '尚未設定的人下次使用工作台時，須先完成設定才能繼續。',
    adminsRequired: '無論此處如何設定，管理員都必須使用兩步驟驗證（ADMIN_2FA=required）。',
    adminsOptional: '本伺服器允許管理員自行選擇（ADMIN_2FA=optional）。',
    savePolicy: '儲存政策',
    policySaved: '登入政策已儲存。',
    wrongCurrentPassword: '目前密碼不正確。',
    samePassword: '新密碼不能與目前密碼相同。',
    wrongProof: '密碼或驗證碼不正確（每組驗證碼只能使用一次）。',
    tooManyAttempts: '錯誤次數過多，請幾分鐘後再試。',
  },
};
