/// <reference types="mocha" />
/**
 * <parley-faq>'s lists in real Chromium against the REAL server and its seeded demo help center:
 * topics, search as you type in three scripts, keyboard use, languages and error states. Nothing is
 * mocked (one test observes fetch calls, and passes every one through to the server).
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ArticleSummary, KbCategory } from '@parley/protocol';
import {
  WAIT,
  busy,
  button,
  focused,
  hasCjk,
  heading,
  items,
  kb,
  mount,
  openedArticle,
  results,
  root,
  searchBox,
  server,
  status,
  text,
  typeInto,
  useFaqServer,
} from './faq.test-kit.js';

useFaqServer();

describe('<parley-faq> lists and search', () => {
  it('home lists the topics with their article counts, as the server has them', async () => {
    const { categories } = await kb<{ categories: KbCategory[] }>('/categories?locale=en');
    const expected = categories.filter((c) => c.articleCount > 0);
    expect(expected.length).to.be.greaterThan(2);
    const el = await mount();
    await waitUntil(() => root(el).querySelectorAll('.categories button').length > 0, 'no topics', WAIT);
    expect(text(heading(el))).to.equal('How can we help?');
    expect(heading(el).tagName).to.equal('H2');
    const rows = Array.from(root(el).querySelectorAll('.categories li button')).map((b) => [text(b.querySelector('.name')), text(b.querySelector('.count'))]);
    expect(rows).to.deep.equal(expected.map((c) => [c.names.en, c.articleCount === 1 ? '1 article' : `${c.articleCount} articles`]));
    // The search box is labelled and has the placeholder the brief asks for.
    const label = root(el).querySelector('label[for=search]')!;
    expect(text(label)).to.equal('Search the help center');
    expect(searchBox(el).placeholder).to.equal('Search for answers');
    expect(root(el).querySelector('form[role=search]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a topic lists its articles; Back returns to the topics with focus on the topic', async () => {
    const el = await mount();
    await waitUntil(() => root(el).querySelectorAll('.categories button').length > 0, 'no topics', WAIT);
    const first = root(el).querySelector<HTMLButtonElement>('.categories button')!;
    const name = text(first.querySelector('.name'));
    const id = first.dataset.category!;
    first.focus();
    first.click();
    await waitUntil(() => items(el).length > 0, 'no articles in the topic', WAIT);
    const { articles } = await kb<{ articles: ArticleSummary[] }>(`/articles?locale=en&category=${id}`);
    expect(items(el).map((a) => text(a.querySelector('.title')))).to.deep.equal(articles.map((a) => a.title));
    expect(text(heading(el))).to.equal(name);
    expect(focused(el)).to.equal(heading(el));
    button(el, 'Back')!.click();
    await waitUntil(() => focused(el)?.dataset.category === id, 'focus did not return to the topic', WAIT);
  });

  it('a Chinese query on an English page finds the Chinese article (search as you type)', async () => {
    const el = await mount({ lang: 'en' });
    const hits = await results(el, '退货');
    expect(hits.length).to.be.greaterThan(0);
    const top = hits[0];
    expect(top.lang).to.equal('zh-CN');
    expect(hasCjk(text(top))).to.equal(true);
    expect(top.querySelector('.excerpt')).to.not.equal(null);
    // The returns article is among the first three (ranking itself is the server's search tests' job).
    const returns = hits.slice(0, 3).find((a) => text(a.querySelector('.title')) === '如何退货？');
    expect(returns, hits.map((a) => text(a.querySelector('.title'))).join(' | ')).to.not.equal(undefined);
    expect(returns!.lang).to.equal('zh-CN');
    expect(status(el)).to.equal(hits.length === 1 ? '1 result' : `${hits.length} results`);
    expect(el.getAttribute('query')).to.equal('退货');
    await expect(el).to.be.accessible();
  });

  it('a Traditional Chinese query finds its article, in Traditional', async () => {
    const en = await mount({ lang: 'en' });
    const hits = await results(en, '退貨');
    const returns = hits.slice(0, 3).find((a) => text(a.querySelector('.title')) === '如何退貨？');
    expect(returns, hits.map((a) => text(a.querySelector('.title'))).join(' | ')).to.not.equal(undefined);
    expect(returns!.lang).to.equal('zh-TW');
    fixtureCleanup();
    // Wording only Taiwan uses (convenience-store pickup), on a 繁體 page with 繁體 UI strings.
    const tw = await mount({ lang: 'zh-TW' });
    const pickup = await results(tw, '超商取貨');
    expect(text(pickup[0].querySelector('.title'))).to.equal('可以到超商取貨嗎？');
    expect(pickup[0].lang).to.equal('zh-TW');
    expect(status(tw)).to.equal(`${pickup.length} 筆結果`);
  });

  it('nonsense gets the no-result state, in words, with a way to a person', async () => {
    const el = await mount();
    const hits = await results(el, 'xqzvkw blorft');
    expect(hits).to.have.length(0);
    expect(status(el)).to.equal('No results for “xqzvkw blorft”');
    expect(text(root(el).querySelector('.state .none'))).to.equal('No results for “xqzvkw blorft”');
    expect(button(el, 'Chat with us')).to.not.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('typing fast sends one search per pause, and a stale answer never replaces a newer one', async () => {
    const el = await mount();
    // Observe (not replace) fetch: every call still goes to the real server.
    const realFetch = window.fetch;
    const searches: string[] = [];
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (!url.pathname.endsWith('/search')) return realFetch(input, init);
      const q = url.searchParams.get('q')!;
      searches.push(q);
      // The server's real answer to the nonsense query, delivered late: after the newer one.
      return q === 'xqzvkw blorft' ? realFetch(input, init).then((r) => new Promise<Response>((ok) => setTimeout(() => ok(r), 600))) : realFetch(input, init);
    };
    try {
      // Keystrokes 40 ms apart: faster than the 200 ms pause that triggers a search.
      for (const partial of ['r', 're', 'ref', 'refu', 'refun', 'refund']) {
        typeInto(el, partial);
        await new Promise((r) => setTimeout(r, 40));
      }
      await waitUntil(() => status(el) !== '' && !busy(el), 'no results', WAIT);
      expect(searches).to.deep.equal(['refund']);
      expect(text(items(el)[0])).to.match(/refund/i);
      // Two immediate searches whose answers arrive in the wrong order: the older one never shows.
      el.search('xqzvkw blorft');
      await el.updateComplete;
      el.search('退货');
      await el.updateComplete;
      await waitUntil(() => items(el).length > 0 && !busy(el), 'no results', WAIT);
      await new Promise((r) => setTimeout(r, 900));
      expect(searches).to.deep.equal(['refund', 'xqzvkw blorft', '退货']);
      expect(text(items(el)[0])).to.match(/[\u4e00-\u9fff]/);
      expect(status(el)).to.not.match(/xqzvkw/);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('waits for an input method to finish composing, and never wipes the composition', async () => {
    const el = await mount();
    await results(el, 'refund');
    const box = searchBox(el);
    // Pinyin being composed: not a query yet, and a re-render (results arriving) must leave it alone.
    box.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true }));
    box.value = 'tui huo';
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, isComposing: true }));
    el.requestUpdate();
    await el.updateComplete;
    expect(el.query).to.equal('refund');
    expect(box.value).to.equal('tui huo');
    box.value = '退货';
    box.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, composed: true, data: '退货' }));
    await el.updateComplete;
    expect(el.query).to.equal('退货');
    await waitUntil(() => items(el).length > 0 && !busy(el) && /[\u4e00-\u9fff]/.test(text(items(el)[0])), 'no results for the composed text', WAIT);
  });

  it('Escape in the search box clears it; the clear button does too and keeps focus in the box', async () => {
    const el = await mount();
    await results(el, 'refund');
    searchBox(el).focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => el.query === '' && searchBox(el).value === '', 'Escape did not clear', WAIT);
    expect(text(heading(el))).to.equal('How can we help?');
    await results(el, 'refund');
    button(el, 'Clear search')!.click();
    await waitUntil(() => el.query === '' && focused(el) === searchBox(el), 'clear did not clear', WAIT);
  });

  it('Back restores the results and the search text, with focus on the article that was opened', async () => {
    const el = await mount();
    const hits = await results(el, 'refund');
    expect(hits.length).to.be.greaterThan(1);
    const titles = hits.map((a) => text(a));
    const second = hits[1];
    const id = second.dataset.article!;
    second.focus();
    second.click();
    await openedArticle(el);
    button(el, 'Back')!.click();
    await waitUntil(() => items(el).length > 0, 'no results after Back', WAIT);
    expect(items(el).map((a) => text(a))).to.deep.equal(titles);
    expect(searchBox(el).value).to.equal('refund');
    expect(el.query).to.equal('refund');
    expect(focused(el)?.dataset.article).to.equal(id);
  });

  it('keyboard only: search, open, vote, back', async () => {
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.prepend(before);
    try {
      const el = await mount();
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(searchBox(el));
      await sendKeys({ type: 'refund' });
      await waitUntil(() => items(el).length > 0 && !busy(el), 'no results', WAIT);
      await sendKeys({ press: 'Tab' });
      // The clear button sits between the box and the results.
      expect(focused(el)).to.equal(button(el, 'Clear search'));
      await sendKeys({ press: 'Tab' });
      const first = items(el)[0];
      expect(focused(el)).to.equal(first);
      const id = first.dataset.article!;
      await sendKeys({ press: 'Enter' });
      await openedArticle(el);
      expect(focused(el)).to.equal(heading(el));
      for (let i = 0; i < 40 && focused(el) !== button(el, 'Yes'); i++) await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(button(el, 'Yes'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(root(el).querySelector('.fb-status')) === 'Thanks for your feedback', 'no thanks', WAIT);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => focused(el)?.dataset.article === id, 'Escape did not go back to the opened item', WAIT);
      expect(searchBox(el).value).to.equal('refund');
    } finally {
      before.remove();
    }
  });

  it('speaks Chinese: zh-CN strings and topic names, and follows a lang change', async () => {
    const el = await mount({ lang: 'zh-CN' });
    await waitUntil(() => root(el).querySelectorAll('.categories button').length > 0, 'no topics', WAIT);
    expect(text(heading(el))).to.equal('有什么可以帮您？');
    expect(searchBox(el).placeholder).to.equal('搜索答案');
    expect(hasCjk(text(root(el).querySelector('.categories .name')))).to.equal(true);
    el.setAttribute('lang', 'zh-TW');
    await waitUntil(() => text(heading(el)) === '有什麼可以幫您？', 'did not switch to zh-TW', WAIT);
    await expect(el).to.be.accessible();
  });

  it('shows an error with Retry when the server cannot be reached, and recovers', async () => {
    const el = await mount({ server: 'http://127.0.0.1:9' });
    await waitUntil(() => button(el, 'Retry') !== undefined, 'no error state', WAIT);
    expect(text(root(el).querySelector('[role=alert] p'))).to.equal('This could not be loaded. Check your connection and try again.');
    // Retry asks again (and fails again: the address is still wrong).
    button(el, 'Retry')!.click();
    await el.updateComplete;
    expect(text(root(el).querySelector('.state'))).to.equal('Loading…');
    await waitUntil(() => button(el, 'Retry') !== undefined, 'no error state after Retry', WAIT);
    // A corrected address loads on its own.
    el.server = server.url;
    await waitUntil(() => root(el).querySelectorAll('.categories button').length > 0, 'the topics did not load', WAIT);
  });
});
