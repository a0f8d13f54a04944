import type { Locale, LocalizedText } from '@parley/protocol';

type Faq = Record<Locale, { question: string; answer: string; keywords: string[] }>;

export const DEMO_SITE_NAME = 'Acme Demo';

export const DEMO_DEPARTMENTS: Array<{ key: 'sales' | 'support'; names: LocalizedText; routing: 'manual' | 'auto' }> = [
  { key: 'sales', names: { en: 'Sales', 'zh-CN': '售前咨询', 'zh-TW': '售前諮詢' }, routing: 'manual' },
  { key: 'support', names: { en: 'Support', 'zh-CN': '售后服务', 'zh-TW': '售後服務' }, routing: 'auto' },
];

/** Fixed demo passwords, printed in the start banner and documented in the README. */
export const DEMO_ACCOUNTS = [
  { key: 'admin', email: 'admin@parley.test', name: 'Ada Admin', password: 'parley-admin', role: 'admin', departments: ['sales', 'support'] },
  { key: 'alice', email: 'alice@parley.test', name: 'Alice', password: 'parley-alice', role: 'agent', departments: ['sales', 'support'] },
  { key: 'bob', email: 'bob@parley.test', name: 'Bob', password: 'parley-bob', role: 'agent', departments: ['support'] },
] as const;

export const DEMO_FAQ: Record<string, Faq> = {
  shipping: {
    en: { question: 'How long does shipping take?', answer: 'Orders ship within 1 business day; delivery takes 2-5 business days. Shipping is free over $50.', keywords: ['shipping', 'ship', 'delivery', 'deliver', 'postage'] },
    'zh-CN': { question: '发货和配送需要多久？', answer: '订单在 1 个工作日内发货，配送需要 2-5 个工作日。满 50 美元包邮。', keywords: ['发货', '配送', '快递', '运费', '邮费', '包邮'] },
    'zh-TW': { question: '出貨和配送需要多久？', answer: '訂單在 1 個工作日內出貨，配送需要 2-5 個工作日。滿 50 美元免運費。', keywords: ['出貨', '發貨', '配送', '快遞', '運費', '免運'] },
  },
  returns: {
    en: { question: 'How do I return an item?', answer: 'You can return unused items within 30 days. Start a return from "My orders" and print the prepaid label.', keywords: ['return', 'returns', 'send back', 'exchange'] },
    'zh-CN': { question: '如何退货？', answer: '未使用的商品可在 30 天内退货。在“我的订单”中发起退货并打印预付标签。', keywords: ['退货', '退换', '换货', '退回'] },
    'zh-TW': { question: '如何退貨？', answer: '未使用的商品可在 30 天內退貨。在「我的訂單」中申請退貨並列印預付標籤。', keywords: ['退貨', '退換', '換貨', '退回'] },
  },
  refund: {
    en: { question: 'How long does a refund take?', answer: 'Refunds are issued within 5 business days after we receive the return, to the original payment method.', keywords: ['refund', 'refunds', 'money back', 'reimburse'] },
    'zh-CN': { question: '退款需要多长时间？', answer: '收到退货后 5 个工作日内退款至原支付方式。', keywords: ['退款', '退钱', '返款'] },
    'zh-TW': { question: '退款需要多長時間？', answer: '收到退貨後 5 個工作日內退款至原付款方式。', keywords: ['退款', '退錢', '返款'] },
  },
  hours: {
    en: { question: 'What are your opening hours?', answer: 'Our team is available Monday to Friday, 9:00-18:00 (UTC+8). The assistant answers around the clock.', keywords: ['hours', 'opening', 'open', 'business hours', 'when'] },
    'zh-CN': { question: '你们的营业时间是什么？', answer: '客服时间为周一至周五 9:00-18:00（UTC+8），智能助手全天候在线。', keywords: ['营业时间', '营业', '上班', '几点', '工作时间'] },
    'zh-TW': { question: '你們的營業時間是什麼？', answer: '客服時間為週一至週五 9:00-18:00（UTC+8），智慧助理全天候在線。', keywords: ['營業時間', '營業', '上班', '幾點', '工作時間'] },
  },
  payment: {
    en: { question: 'Which payment methods do you accept?', answer: 'We accept Visa, Mastercard, American Express, PayPal, Alipay and WeChat Pay.', keywords: ['payment', 'pay', 'card', 'paypal', 'alipay', 'wechat'] },
    'zh-CN': { question: '支持哪些付款方式？', answer: '支持 Visa、Mastercard、American Express、PayPal、支付宝和微信支付。', keywords: ['付款', '支付', '支付宝', '微信', '信用卡'] },
    'zh-TW': { question: '支援哪些付款方式？', answer: '支援 Visa、Mastercard、American Express、PayPal、支付寶和微信支付。', keywords: ['付款', '支付', '支付寶', '微信', '信用卡'] },
  },
  invoices: {
    en: { question: 'How do I get an invoice?', answer: 'Invoices are emailed when your order ships and can be downloaded from "My orders".', keywords: ['invoice', 'invoices', 'receipt', 'vat', 'bill'] },
    'zh-CN': { question: '如何开发票？', answer: '订单发货时会通过邮件发送发票，也可在“我的订单”中下载。', keywords: ['发票', '开票', '收据'] },
    'zh-TW': { question: '如何開發票？', answer: '訂單出貨時會以電子郵件寄送發票，也可在「我的訂單」中下載。', keywords: ['發票', '開票', '收據'] },
  },
  warranty: {
    en: { question: 'What does the warranty cover?', answer: 'Every product has a 2-year warranty against manufacturing defects. Keep your order number for claims.', keywords: ['warranty', 'guarantee', 'defect', 'broken', 'repair'] },
    'zh-CN': { question: '保修包括什么？', answer: '所有产品享有 2 年质量保修。申请保修时请提供订单号。', keywords: ['保修', '质保', '维修', '坏了', '故障'] },
    'zh-TW': { question: '保固包括什麼？', answer: '所有產品享有 2 年品質保固。申請保固時請提供訂單號碼。', keywords: ['保固', '保修', '維修', '壞了', '故障'] },
  },
  account: {
    en: { question: 'How do I reset my password?', answer: 'Choose "Forgot password" on the sign-in page; we email you a link that works for 1 hour.', keywords: ['password', 'reset', 'login', 'sign in', 'account'] },
    'zh-CN': { question: '如何重置密码？', answer: '在登录页点击“忘记密码”，我们会发送一个 1 小时内有效的链接到你的邮箱。', keywords: ['密码', '重置', '登录', '账号', '账户'] },
    'zh-TW': { question: '如何重設密碼？', answer: '在登入頁點選「忘記密碼」，我們會寄送一個 1 小時內有效的連結到你的信箱。', keywords: ['密碼', '重設', '登入', '帳號', '帳戶'] },
  },
  tracking: {
    en: { question: 'Where is my order?', answer: 'Use the tracking link in your shipping email, or open "My orders" to see the latest status.', keywords: ['track', 'tracking', 'where is my order', 'order status', 'parcel'] },
    'zh-CN': { question: '我的订单到哪里了？', answer: '请使用发货邮件中的物流链接，或在“我的订单”中查看最新状态。', keywords: ['物流', '查询订单', '订单状态', '追踪', '包裹'] },
    'zh-TW': { question: '我的訂單到哪裡了？', answer: '請使用出貨郵件中的物流連結，或在「我的訂單」中查看最新狀態。', keywords: ['物流', '查詢訂單', '訂單狀態', '追蹤', '包裹'] },
  },
  contact: {
    en: { question: 'How can I contact you?', answer: 'Chat with us here, email support@acme.test or call +1 555 0100 during opening hours.', keywords: ['contact', 'email', 'phone', 'call'] },
    'zh-CN': { question: '如何联系你们？', answer: '可以在这里与我们聊天，发送邮件至 support@acme.test，或在营业时间拨打 +1 555 0100。', keywords: ['联系', '电话', '邮箱', '邮件'] },
    'zh-TW': { question: '如何聯絡你們？', answer: '可以在這裡與我們聊天，寄信至 support@acme.test，或在營業時間撥打 +1 555 0100。', keywords: ['聯絡', '聯繫', '電話', '信箱', '郵件'] },
  },
};
