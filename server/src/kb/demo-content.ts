/**
 * The Acme Demo help center: what the demo seeds into the knowledge base and what the search
 * evaluation set (test/search/eval-set.ts) is measured against.
 *
 * Facts match the short FAQ this help center replaced (free shipping over US$50, dispatch within 1
 * business day, delivery in 2-5 business days, 30-day returns, refunds within 5 business days to the
 * original method, support Mon-Fri 9:00-18:00 UTC+8, 2-year warranty, support@acme.test, +1 555 0100)
 * and its ten keys are reused as article keys, so a demo database migrated from that FAQ agrees with a new one.
 *
 * Gift cards, student discounts, trade-ins and gift wrapping are left out on purpose: the evaluation set
 * uses them as questions the help center cannot answer, so no article may mention them.
 *
 * The articles live in ./demo-content/, one file per category.
 *
 * Keywords are given to only a handful of articles, and every keyword also appears in that article's
 * body: search has to work from the text a company would really write.
 */
import type { Locale, LocalizedText } from '@parley/protocol';
import { ORDERS_SHIPPING } from './demo-content/orders-shipping.js';
import { RETURNS_REFUNDS } from './demo-content/returns-refunds.js';
import { PAYMENT_INVOICES } from './demo-content/payment-invoices.js';
import { ACCOUNT_SECURITY } from './demo-content/account-security.js';
import { PRODUCTS_WARRANTY } from './demo-content/products-warranty.js';
import { CONTACT } from './demo-content/contact.js';

export interface DemoCategory {
  slug: string;
  names: Required<LocalizedText>;
  position: number;
}
export interface DemoArticleVersion {
  title: string;
  /** Markdown. */
  body: string;
  keywords?: string[];
}
export interface DemoArticle {
  key: string;
  /** A DemoCategory slug. */
  category: string;
  versions: Record<Locale, DemoArticleVersion>;
}

export const DEMO_KB_CATEGORIES: DemoCategory[] = [
  { slug: 'orders-shipping', names: { en: 'Orders & shipping', 'zh-CN': '订单与配送', 'zh-TW': '訂單與配送' }, position: 1 },
  { slug: 'returns-refunds', names: { en: 'Returns & refunds', 'zh-CN': '退货与退款', 'zh-TW': '退貨與退款' }, position: 2 },
  { slug: 'payment-invoices', names: { en: 'Payment & invoices', 'zh-CN': '支付与发票', 'zh-TW': '付款與發票' }, position: 3 },
  { slug: 'account-security', names: { en: 'Account & security', 'zh-CN': '账户与安全', 'zh-TW': '帳號與安全' }, position: 4 },
  { slug: 'products-warranty', names: { en: 'Products & warranty', 'zh-CN': '产品与保修', 'zh-TW': '產品與保固' }, position: 5 },
  { slug: 'contact', names: { en: 'Contact us', 'zh-CN': '联系我们', 'zh-TW': '聯絡我們' }, position: 6 },
];

export const DEMO_KB_ARTICLES: DemoArticle[] = [
  ...ORDERS_SHIPPING,
  ...RETURNS_REFUNDS,
  ...PAYMENT_INVOICES,
  ...ACCOUNT_SECURITY,
  ...PRODUCTS_WARRANTY,
  ...CONTACT,
];
