/**
 * The search engine on small hand-made knowledge bases: what a visitor typing these questions would
 * get back. The demo knowledge base and the evaluation set are measured by test/search/eval.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locale } from '@parley/protocol';
import { KbIndex, normalizeQuestion, queryLocales } from './index.js';
import type { IndexedArticle } from './index.js';
import { fold } from './normalize.js';
import { synonymForms } from './query.js';
import { SYNONYM_GROUPS } from './synonyms.js';
import { tokens } from './tokenize.js';

type Versions = Partial<Record<Locale, { title: string; body: string; keywords?: string[] }>>;
function kb(groups: Record<string, Versions>): KbIndex {
  const articles: IndexedArticle[] = [];
  for (const [key, versions] of Object.entries(groups))
    for (const [locale, v] of Object.entries(versions) as Array<[Locale, { title: string; body: string; keywords?: string[] }]>)
      articles.push({ id: `${key}:${locale}`, groupId: key, locale, title: v.title, body: v.body, keywords: v.keywords ?? [] });
  return KbIndex.build(articles);
}

const SHOP = kb({
  refunds: {
    en: { title: 'Refunds', body: 'Once we receive the item you sent back, we refund the payment to your **original payment method** within 5 business days.' },
    'zh-CN': { title: '退款说明', body: '我们收到您寄回的商品后，会在5个工作日内将款项**原路退回**到您的付款账户。' },
    'zh-TW': { title: '退款說明', body: '我們收到您寄回的商品後，會在5個工作天內將款項**原路退回**到您的付款帳戶。' },
  },
  returns: {
    en: { title: 'Returning an item', body: 'You can return unused items within 30 days. Print the return label from your order page and drop the parcel at any post office.' },
    'zh-CN': { title: '如何退货', body: '未使用的商品可在30天内退货。在订单页面打印退货标签，然后把包裹交到任意邮局。' },
    'zh-TW': { title: '如何退貨', body: '未使用的商品可在30天內退貨。在訂單頁面列印退貨標籤，然後把包裹交到任何郵局。' },
  },
  address: {
    en: { title: 'Changing the delivery address', body: 'Before your order ships, open **My orders** and edit the shipping address. After dispatch, contact the courier.' },
    'zh-CN': { title: '修改收货地址', body: '订单发货前，您可以在“我的订单”中修改收货地址。发货后请联系快递公司。' },
    'zh-TW': { title: '修改收件地址', body: '訂單出貨前，您可以在「我的訂單」中修改收件地址。出貨後請聯絡物流公司。' },
  },
  delivery: {
    en: { title: 'Delivery times', body: 'Orders placed before 3 pm ship the same day. Standard delivery takes 2 to 4 business days; express takes 1 day.' },
    'zh-CN': { title: '配送时间', body: '下午3点前下单当天发货。普通配送需要2到4个工作日，加急配送1天送达。' },
    'zh-TW': { title: '配送時間', body: '下午3點前下單當天出貨。一般配送需要2到4個工作天，快速配送1天送達。' },
  },
  password: {
    en: { title: 'Resetting your password', body: 'Click “Forgot password” on the sign-in page and follow the link we email you.' },
    'zh-CN': { title: '重置密码', body: '在登录页面点击“忘记密码”，然后按照邮件中的链接操作。' },
  },
  contact: {
    'zh-TW': { title: '如何與客服溝通', body: '您可以透過線上客服、電子郵件或電話與我們溝通，服務時間為週一至週五。' },
  },
  invoices: {
    'zh-CN': { title: '开具发票', body: '下单时勾选“需要发票”，我们会在发货后把电子发票发送到您的邮箱，方便沟通报销事宜。' },
  },
  gifts: {
    en: { title: 'Gift wrapping', body: 'Add gift wrapping at checkout. We include a card with your message; the receipt is left out of gift orders.' },
  },
});

const EN: Locale[] = ['en', 'zh-CN', 'zh-TW'];
const CN: Locale[] = ['zh-CN', 'zh-TW', 'en'];
const TW: Locale[] = ['zh-TW', 'zh-CN', 'en'];
const top = (q: string, locales: Locale[] = EN) => SHOP.search(q, { locales }).hits[0];
const groups = (q: string, locales: Locale[] = EN) => SHOP.search(q, { locales }).hits.map((h) => h.groupId);

describe('Chinese without spaces', () => {
  it('segments a question typed without spaces and finds the article that uses the words inside its own sentences', () => {
    assert.equal(top('怎么修改收货地址', CN)?.id, 'address:zh-CN');
    assert.equal(top('收货地址填错了能改吗', CN)?.groupId, 'address');
    assert.equal(top('忘记密码怎么办', CN)?.id, 'password:zh-CN');
  });

  it('finds a word inside a longer compound through its parts (退货运费 is segmented 退/货运费)', () => {
    assert.deepEqual(groups('退货标签在哪里打印', CN).slice(0, 1), ['returns']);
  });
});

describe('简体 and 繁體 fold together', () => {
  it('a simplified question finds a traditional-only article (沟通 finds 溝通)', () => {
    const r = SHOP.search('怎么和客服沟通', { locales: CN });
    assert.equal(r.hits[0]?.id, 'contact:zh-TW');
  });

  it('a traditional question finds a simplified-only article (溝通 finds 沟通, 發票 finds 发票)', () => {
    // 沟通 is only in the body of the simplified-only invoices article.
    assert.ok(groups('溝通', TW).includes('invoices'));
    assert.equal(top('報銷', TW)?.id, 'invoices:zh-CN');
    assert.equal(top('怎麼開發票', TW)?.id, 'invoices:zh-CN');
  });

  it('a question mixing both scripts still matches', () => {
    assert.equal(top('修改收貨地址', CN)?.groupId, 'address');
    assert.equal(top('忘記密码', CN)?.groupId, 'password');
  });

  it('Taiwan vocabulary meets mainland vocabulary (帳戶/账户, 列印/打印)', () => {
    assert.equal(fold('帳戶'), fold('账户'));
    assert.equal(fold('列印'), fold('打印'));
    assert.equal(fold('軟體'), fold('软件'));
  });
});

describe('English', () => {
  it('stems: returning, returned and returns find the returns article', () => {
    for (const q of ['returning', 'returned items', 'returns']) assert.equal(top(q)?.groupId, 'returns', q);
  });

  it('tolerates typos in long words: refnud, pasword, adress', () => {
    assert.equal(top('refnud')?.groupId, 'refunds');
    assert.equal(top('reset my pasword')?.groupId, 'password');
    assert.equal(top('change delivery adress')?.groupId, 'address');
  });

  it('is never fuzzy on short words', () => {
    // "card" is in the gift article; "cart" is one edit away but must not match it.
    assert.deepEqual(groups('cart'), []);
  });

  it('completes the word still being typed, for search as you type', () => {
    assert.equal(top('refu')?.groupId, 'refunds');
    // A finished word (trailing space) is taken as typed.
    assert.deepEqual(groups('refu '), []);
  });

  it('folds full-width letters and case', () => {
    assert.equal(top('ＲＥＦＵＮＤ')?.groupId, 'refunds');
  });

  it('finds an article through a general synonym (money back -> refund, parcel -> package)', () => {
    assert.equal(top('how do I get my money back')?.groupId, 'refunds');
    assert.equal(top('我想退钱', CN)?.groupId, 'refunds');
  });

  it('keeps long chatty questions on their content words', () => {
    const r = SHOP.search('Hi there! I was wondering if you could please tell me how I can change the delivery address of my order?', { locales: EN });
    assert.equal(r.hits[0]?.groupId, 'address');
    assert.equal(r.confident, true);
  });
});

describe('ranking', () => {
  it('ranks an article that has the words in its title above one that only mentions them', () => {
    // "receipt" is only in the gift article's body; "refund" is the refunds article's title.
    assert.deepEqual(groups('refund receipt').slice(0, 2), ['refunds', 'gifts']);
  });

  it('returns one hit per article group, in the preferred locale', () => {
    const cn = SHOP.search('退款', { locales: CN });
    assert.equal(cn.hits.filter((h) => h.groupId === 'refunds').length, 1);
    assert.equal(cn.hits[0]?.id, 'refunds:zh-CN');
    assert.equal(SHOP.search('退款', { locales: TW }).hits[0]?.id, 'refunds:zh-TW');
    // Only the Taiwan version exists: it is returned even to a zh-CN visitor.
    assert.equal(top('溝通', CN)?.id, 'contact:zh-TW');
  });

  it('searches only the locales asked for', () => {
    assert.deepEqual(SHOP.search('refund', { locales: ['zh-TW'] }).hits.map((h) => h.id), []);
    assert.equal(SHOP.search('退款', { locales: ['zh-TW'] }).hits[0]?.id, 'refunds:zh-TW');
  });

  it('respects the limit', () => {
    assert.equal(SHOP.search('order', { locales: EN, limit: 1 }).hits.length, 1);
  });
});

describe('confidence and refusals', () => {
  it('is confident on a clear question', () => {
    assert.equal(SHOP.search('How do I reset my password?', { locales: EN }).confident, true);
    assert.equal(SHOP.search('怎么重置密码', { locales: CN }).confident, true);
  });

  it('refuses questions the knowledge base does not answer, with no hits when nothing relevant matches', () => {
    for (const [q, locales] of [
      ['Do you sell jet skis?', EN],
      ['what is the meaning of life', EN],
      ['你们卖手机吗', CN],
      ['今天天气怎么样', CN],
    ] as const) {
      const r = SHOP.search(q, { locales: [...locales] });
      assert.equal(r.confident, false, q);
      assert.deepEqual(r.hits, [], q);
    }
  });

  it('lists the articles whose titles carry a word too common to rank by ("order"), never as an answer', () => {
    const orders = kb({
      cancel: { en: { title: 'Cancelling an order', body: 'You can cancel an order until it ships.' } },
      track: { en: { title: 'Where is my order?', body: 'Every order has a tracking link.' } },
      pay: { en: { title: 'Payment methods', body: 'Pay for your order by card or PayPal.' } },
      ship: { en: { title: 'Shipping times', body: 'Your order ships within one day.' } },
      gift: { en: { title: 'Gift wrapping', body: 'Add wrapping to any order at checkout.' } },
      vat: { en: { title: 'Invoices', body: 'An invoice comes with every order.' } },
    });
    const r = orders.search('order', { locales: EN });
    assert.deepEqual(r.hits.map((h) => h.groupId).sort(), ['cancel', 'track']);
    assert.equal(r.confident, false);
    // A rarer word still ranks as usual, with the common one adding to it.
    assert.equal(orders.search('cancel order', { locales: EN }).hits[0]?.groupId, 'cancel');
  });

  it('is not confident when a question mostly asks about something unknown', () => {
    const r = SHOP.search('can I return a jetski I bought at the harbour', { locales: EN });
    assert.equal(r.confident, false);
  });
});

describe('excerpts', () => {
  it('shows plain text around the first match, without markdown', () => {
    const hit = SHOP.search('payment method', { locales: EN }).hits[0]!;
    assert.equal(hit.groupId, 'refunds');
    assert.match(hit.excerpt, /original payment method/);
    assert.doesNotMatch(hit.excerpt, /\*/);
  });

  it('cuts long bodies to about 160 characters around the match', () => {
    const long = KbIndex.build([
      { id: 'x', groupId: 'x', locale: 'en', title: 'Long', body: `${'Intro sentence about nothing in particular. '.repeat(20)}The warranty lasts two years. ${'More text follows here. '.repeat(20)}`, keywords: [] },
    ]);
    const hit = long.search('warranty', { locales: ['en'] }).hits[0]!;
    assert.ok(hit.excerpt.length <= 170, hit.excerpt);
    assert.match(hit.excerpt, /^….*The warranty lasts two years\..*…$/);
  });

  it('finds the passage in Chinese bodies too', () => {
    const hit = SHOP.search('电子发票', { locales: CN }).hits[0]!;
    assert.match(hit.excerpt, /电子发票/);
  });
});

describe('index maintenance', () => {
  it('adds, replaces and removes articles', () => {
    const index = KbIndex.build([{ id: 'a', groupId: 'g', locale: 'en', title: 'Warranty', body: 'Two years.', keywords: [] }]);
    assert.equal(index.size, 1);
    assert.equal(index.search('warranty', { locales: ['en'] }).hits[0]?.id, 'a');
    index.add({ id: 'a', groupId: 'g', locale: 'en', title: 'Guarantee period', body: 'Two years of cover.', keywords: [] });
    assert.equal(index.size, 1);
    assert.equal(index.search('period', { locales: ['en'] }).hits[0]?.id, 'a');
    assert.deepEqual(index.search('cover warranty', { locales: ['en'] }).hits.map((h) => h.id), ['a']);
    index.remove('a');
    index.remove('missing');
    assert.equal(index.size, 0);
    assert.deepEqual(index.search('period', { locales: ['en'] }).hits, []);
  });

  it('ranks the same whatever order the articles were added in (PGlite and PostgreSQL may return rows differently)', () => {
    const articles: IndexedArticle[] = [];
    for (let i = 0; i < 120; i++)
      articles.push({ id: `a${i}`, groupId: `g${i % 40}`, locale: (['en', 'zh-CN', 'zh-TW'] as const)[i % 3]!, title: i % 2 ? 'Refund policy' : '退款政策', body: `Refunds take ${i % 7} days. 退款需要${i % 5}个工作日。`, keywords: [] });
    const forward = KbIndex.build(articles);
    const backward = KbIndex.build([...articles].reverse());
    for (const q of ['refund days', '退款', '退款 days']) {
      const a = forward.search(q, { locales: EN, limit: 50 });
      const b = backward.search(q, { locales: EN, limit: 50 });
      assert.deepEqual(b, a, q);
    }
  });

  it('stays consistent through many removals and re-adds', () => {
    const make = (i: number): IndexedArticle => ({ id: `a${i}`, groupId: `g${i}`, locale: 'en', title: `Article ${i} about ${i % 2 ? 'warranty' : 'shipping'}`, body: `Text ${i}.`, keywords: [] });
    const index = KbIndex.build(Array.from({ length: 300 }, (_, i) => make(i)));
    // Remove most of them (the index compacts its postings on the way), then re-add a few.
    for (let i = 0; i < 250; i++) index.remove(`a${i}`);
    for (let i = 0; i < 20; i++) index.add(make(i));
    const fresh = KbIndex.build([...Array.from({ length: 50 }, (_, i) => make(250 + i)), ...Array.from({ length: 20 }, (_, i) => make(i))]);
    assert.equal(index.size, 70);
    for (const q of ['warranty', 'shipping', 'article']) assert.deepEqual(index.search(q, { locales: ['en'], limit: 50 }), fresh.search(q, { locales: ['en'], limit: 50 }), q);
  });

  it('finds an article by its optional keywords, but never needs them', () => {
    const index = KbIndex.build([{ id: 'a', groupId: 'g', locale: 'en', title: 'Opening hours', body: 'We are open 9 to 5.', keywords: ['schedule'] }]);
    assert.equal(index.search('schedule', { locales: ['en'] }).hits[0]?.id, 'a');
  });
});

describe('hostile input', () => {
  const inputs = ['', '   ', '\u0000\u0000refund\u0000', '😀🔥💯', '?!?!...,,,', '\ud800 lone surrogate \udfff', 'a'.repeat(10_000), '的'.repeat(10_000), '退'.repeat(10_000), 'refund '.repeat(2000), '<script>alert(1)</script>', String.fromCharCode(...Array.from({ length: 500 }, (_, i) => (i * 7919) % 0xffff))];
  it('never throws and never hangs, whatever the query', () => {
    for (const q of inputs) {
      const started = performance.now();
      const r = SHOP.search(q, { locales: EN });
      assert.ok(Array.isArray(r.hits));
      assert.ok(performance.now() - started < 500, `slow on ${JSON.stringify(q.slice(0, 20))}`);
    }
    assert.equal(SHOP.search('\u0000\u0000refund\u0000', { locales: EN }).hits[0]?.groupId, 'refunds');
    assert.deepEqual(SHOP.search('😀🔥💯', { locales: EN }).hits, []);
  });

  it('survives bad options and bad articles', () => {
    assert.equal(SHOP.search('refund', { locales: ['xx' as Locale] }).hits[0]?.groupId, 'refunds');
    assert.equal(SHOP.search('refund', { locales: EN, limit: -5 }).hits.length, 1);
    assert.equal(SHOP.search(undefined as unknown as string, { locales: EN }).hits.length, 0);
    const index = KbIndex.build([{ id: '', groupId: 'g', locale: 'en', title: 't', body: 'b', keywords: [] }, { id: 'b', groupId: 'g', locale: 'fr' as Locale, title: 't', body: 'b', keywords: [] }]);
    assert.equal(index.size, 0);
  });
});

describe('queryLocales', () => {
  it('lets a clearly Chinese or clearly English text choose the language family', () => {
    assert.deepEqual(queryLocales('en', '怎么退款'), ['zh-CN', 'zh-TW', 'en']);
    assert.deepEqual(queryLocales('zh-CN', 'how do I get a refund'), ['en', 'zh-CN', 'zh-TW']);
    assert.deepEqual(queryLocales('zh-TW', 'refund'), ['en', 'zh-TW', 'zh-CN']);
    assert.deepEqual(queryLocales('zh-CN', 'PayPal 可以用吗'), ['zh-CN', 'zh-TW', 'en']);
  });

  it('takes 简/繁 from the conversation, and from traditional-only characters on an English page', () => {
    assert.deepEqual(queryLocales('zh-TW', '怎么退款'), ['zh-TW', 'zh-CN', 'en']);
    assert.deepEqual(queryLocales('zh-CN', '怎麼退款'), ['zh-CN', 'zh-TW', 'en']);
    assert.deepEqual(queryLocales('en', '怎麼退款'), ['zh-TW', 'zh-CN', 'en']);
  });

  it('leaves script-less text to the conversation locale', () => {
    assert.deepEqual(queryLocales('zh-TW', '12345 😀'), ['zh-TW', 'zh-CN', 'en']);
    assert.deepEqual(queryLocales('en', ''), ['en', 'zh-CN', 'zh-TW']);
  });
});

describe('normalizeQuestion', () => {
  it('groups repeats of the same question', () => {
    assert.equal(normalizeQuestion('How do I get a REFUND?'), normalizeQuestion('how to get refunds'));
    assert.equal(normalizeQuestion('怎麼退款？'), normalizeQuestion('怎么退款'));
    assert.equal(normalizeQuestion('ＲＥＦＵＮＤ'), 'refund');
    assert.notEqual(normalizeQuestion('hello?'), normalizeQuestion('refund'));
    assert.ok(normalizeQuestion('x'.repeat(10_000)).length <= 200);
  });
});

describe('synonym table', () => {
  it('has only usable entries: each Chinese form is whole jieba words, each group has two forms', () => {
    // Two forms that fold to the same text are one form: the entry is dead weight (or a typo).
    for (const group of SYNONYM_GROUPS) assert.equal(new Set(group.map((f) => fold(f))).size, group.length, group.join(','));
    for (const form of synonymForms()) {
      assert.ok(form.toks.some((t) => !t.stop), `${form.seq.join(' ')} is only stop words`);
      if (!form.toks[0]!.han) continue;
      // Segmented the same way inside a question as on its own, or the form can never match.
      const inQuestion = tokens(fold(`请问${form.seq.join('')}怎么办`), false).map((t) => t.term).join('|');
      assert.ok(`|${inQuestion}|`.includes(`|${form.seq.join('|')}|`), `${form.seq.join('')} in ${inQuestion}`);
    }
  });

  it('reaches question words through the same tokenizer as articles', () => {
    assert.deepEqual(tokens(fold('我想退錢'), false).filter((t) => !t.stop).map((t) => t.term), ['退钱']);
  });
});
