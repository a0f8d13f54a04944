/// <reference types="mocha" />
/**
 * <parley-faq>'s article view in real Chromium against the REAL server: rendering and sanitising,
 * votes read back through the console API, the way to a person, and deep links.
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import type { ArticleAdmin, ArticleSummary } from '@parley/protocol';
import { sanitizeHtml } from '../internal/safe-html.js';
import type { ParleyChatRequestDetail } from './faq.component.js';
import {
  WAIT,
  body,
  button,
  consoleApi,
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
  text,
  useFaqServer,
} from './faq.test-kit.js';

useFaqServer();

describe('<parley-faq> articles', () => {
  it('opens an article: sanitised HTML, date in the element locale, other languages, focus on the title', async () => {
    const el = await mount();
    const hits = await results(el, 'refund');
    const first = hits[0];
    const title = text(first.querySelector('.title'));
    first.click();
    await openedArticle(el);
    expect(text(heading(el))).to.equal(title);
    expect(focused(el)).to.equal(heading(el));
    expect(el.article).to.equal(first.dataset.article);
    expect(el.getAttribute('article')).to.equal(first.dataset.article);
    const b = body(el)!;
    expect(b.querySelectorAll('p').length).to.be.greaterThan(0);
    expect(b.querySelectorAll('script, iframe, object, embed, style, form')).to.have.length(0);
    for (const node of Array.from(b.querySelectorAll('*'))) {
      for (const attr of Array.from(node.attributes)) expect(attr.name, `${node.tagName} ${attr.name}`).to.not.match(/^on/);
    }
    for (const a of Array.from(b.querySelectorAll('a[href]'))) {
      expect(a.getAttribute('href')).to.match(/^(https?:|mailto:)/);
      expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(a.getAttribute('target')).to.equal('_blank');
    }
    // Headings inside the body come after the title's h2.
    for (const h of Array.from(b.querySelectorAll('h1, h2'))) expect.fail(`body heading ${h.tagName} competes with the title`);
    const { article } = await kb<{ article: ArticleAdmin }>(`/articles/${el.article}`);
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date(article.updatedAt));
    expect(text(root(el).querySelector('.meta'))).to.equal(`Updated ${date}`);
    const versions = Array.from(root(el).querySelectorAll<HTMLAnchorElement>('.versions a'));
    expect(versions.map((a) => a.lang).sort()).to.deep.equal(article.versions.filter((v) => v.locale !== article.locale).map((v) => v.locale).sort());
    await expect(el).to.be.accessible();
    // A language link opens that version.
    const zh = versions.find((a) => a.lang === 'zh-CN');
    if (zh) {
      zh.click();
      await waitUntil(() => hasCjk(text(heading(el))) && body(el)?.lang === 'zh-CN', 'the zh-CN version did not open', WAIT);
    }
  });

  it('renders nothing executable, even from an article whose markdown carries script', async () => {
    const evil = [
      'Hello <script>window.__pwned = 1</script>',
      '<img src="x" onerror="window.__pwned = 2">',
      '[click](javascript:window.__pwned=3)',
      '<a href="javascript:window.__pwned=4">link</a>',
      '<iframe src="https://example.com"></iframe>',
      '<svg onload="window.__pwned=5"></svg>',
      '<p style="position:fixed" onclick="window.__pwned=6">styled</p>',
      '[safe](https://example.com/ok)',
    ].join('\n\n');
    const { article } = await consoleApi<{ article: ArticleAdmin }>('POST', '/articles', {
      locale: 'en',
      title: 'Script test article',
      body: evil,
      status: 'published',
    });
    const el = await mount();
    el.showArticle(article.id);
    await openedArticle(el);
    await new Promise((r) => setTimeout(r, 100));
    const b = body(el)!;
    expect(text(b)).to.contain('Hello');
    expect(b.querySelectorAll('script, iframe, svg, object, embed')).to.have.length(0);
    expect(b.querySelectorAll('[onerror], [onload], [onclick], [style]')).to.have.length(0);
    const hrefs = Array.from(b.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs.filter((h) => h && !/^https?:|^mailto:/.test(h))).to.deep.equal([]);
    expect(hrefs).to.include('https://example.com/ok');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await consoleApi('DELETE', `/articles/${article.id}`);
  });

  it('the browser sanitiser holds on its own (HTML the server did not clean)', async () => {
    const frag = (await sanitizeHtml(
      '<p>ok</p><script>window.__pwned=7</script><img src=x onerror="window.__pwned=8"><a href="javascript:alert(1)">j</a>' +
        '<a href="HTTPS://example.com">h</a><a href="mailto:help@acme.test">m</a><a href="/relative">r</a><form><input></form>' +
        '<div id="search" class="primary" style="color:red">x</div>',
    ))!;
    const div = document.createElement('div');
    div.append(frag);
    expect(div.querySelectorAll('script, img[onerror], form, input')).to.have.length(0);
    const links = Array.from(div.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([null, 'HTTPS://example.com', 'mailto:help@acme.test', null]);
    expect(links.filter((a) => a.hasAttribute('href')).every((a) => a.rel === 'noopener noreferrer' && a.target === '_blank')).to.equal(true);
    expect(div.querySelector('[id], [class], [style]')).to.equal(null);
    await new Promise((r) => setTimeout(r, 50));
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('Yes counts one vote on the server, is remembered, and changing to No replaces it (with a comment)', async () => {
    const { hits } = await kb<{ hits: ArticleSummary[] }>('/search?q=refund&locale=en');
    const id = hits[0].id;
    const counts = async () => (await consoleApi<{ article: ArticleAdmin }>('GET', `/articles/${id}`)).article.helpful;
    const before = await counts();
    const el = await mount();
    el.showArticle(id);
    await openedArticle(el);
    expect(text(root(el).querySelector('.question'))).to.equal('Was this helpful?');
    button(el, 'Yes')!.click();
    await waitUntil(() => text(root(el).querySelector('.fb-status')) === 'Thanks for your feedback', 'no thanks', WAIT);
    expect(button(el, 'Yes')!.getAttribute('aria-pressed')).to.equal('true');
    expect(await counts()).to.deep.equal({ yes: before.yes + 1, no: before.no });

    // Same browser, later: the vote is remembered; a second Yes sends nothing.
    fixtureCleanup();
    const again = await mount();
    again.showArticle(id);
    await openedArticle(again);
    expect(button(again, 'Yes')!.getAttribute('aria-pressed')).to.equal('true');
    expect(text(root(again).querySelector('.fb-status'))).to.equal('Thanks for your feedback');
    button(again, 'Yes')!.click();
    await new Promise((r) => setTimeout(r, 300));
    expect(await counts()).to.deep.equal({ yes: before.yes + 1, no: before.no });

    // Changing one's mind replaces the vote; the optional comment reaches the console.
    button(again, 'No')!.click();
    await waitUntil(() => root(again).querySelector('#fb-comment') !== null, 'no comment box', WAIT);
    await waitUntil(() => button(again, 'No')!.getAttribute('aria-pressed') === 'true', 'No not recorded', WAIT);
    expect(await counts()).to.deep.equal({ yes: before.yes, no: before.no + 1 });
    const box = root(again).querySelector<HTMLTextAreaElement>('#fb-comment')!;
    expect(focused(again)).to.equal(box);
    expect(box.maxLength).to.equal(1000);
    expect(text(root(again).querySelector('label[for=fb-comment]'))).to.equal('What were you looking for? (optional)');
    box.value = 'I wanted to know about refunds to a closed card';
    button(again, 'Send')!.click();
    await waitUntil(() => root(again).querySelector('#fb-comment') === null, 'comment box stayed open', WAIT);
    expect(focused(again)).to.equal(button(again, 'No'));
    expect(await counts()).to.deep.equal({ yes: before.yes, no: before.no + 1 });
    const { comments } = await consoleApi<{ comments: Array<{ comment: string }> }>('GET', `/articles/${id}/comments`);
    expect(comments.map((c) => c.comment)).to.include('I wanted to know about refunds to a closed card');
  });

  it('"Chat with us" fires parley-chat-request with the article and the query (composed, cancelable)', async () => {
    const el = await mount();
    const seen: CustomEvent<ParleyChatRequestDetail>[] = [];
    const onRequest = (e: Event) => {
      seen.push(e as CustomEvent<ParleyChatRequestDetail>);
      e.preventDefault();
    };
    document.addEventListener('parley-chat-request', onRequest);
    try {
      await results(el, 'xqzvkw blorft');
      button(el, 'Chat with us')!.click();
      expect(seen[0].detail).to.deep.equal({ query: 'xqzvkw blorft' });
      await results(el, 'refund');
      const first = items(el)[0];
      const title = text(first.querySelector('.title'));
      first.click();
      await openedArticle(el);
      button(el, 'Chat with us')!.click();
      expect(seen[1].detail).to.deep.equal({ articleId: first.dataset.article, articleTitle: title, query: 'refund' });
      expect(seen[1].composed).to.equal(true);
      expect(seen[1].bubbles).to.equal(true);
      expect(seen[1].cancelable).to.equal(true);
    } finally {
      document.removeEventListener('parley-chat-request', onRequest);
    }
  });

  it('hash-links: a deep link opens the article; searching and Back keep the fragment in step', async () => {
    const { hits } = await kb<{ hits: ArticleSummary[] }>('/search?q=refund&locale=en');
    history.replaceState(null, '', `#article=${hits[0].id}`);
    const el = await mount({ hashLinks: true });
    await openedArticle(el);
    expect(text(heading(el))).to.equal(hits[0].title);
    // Back from a deep link goes to the start, and the fragment follows.
    button(el, 'Back')!.click();
    await waitUntil(() => location.hash === '' && root(el).querySelector('.categories') !== null, 'did not go home', WAIT);
    await results(el, 'refund policy');
    await waitUntil(() => location.hash === '#q=refund+policy', `fragment is ${location.hash}`, WAIT);
    const first = items(el)[0];
    const depth = history.length;
    first.focus();
    first.click();
    await openedArticle(el);
    expect(location.hash).to.equal(`#article=${first.dataset.article}`);
    // Opening an article is a new history entry (typing was not): checked before stepping back
    // through it, which would otherwise leave the test page.
    expect(history.length).to.equal(depth + 1);
    // The browser's Back button (history) returns to the results.
    history.back();
    await waitUntil(() => items(el).length > 0 && location.hash === '#q=refund+policy', 'history Back did not restore the results', WAIT);
    expect(searchBox(el).value).to.equal('refund policy');
    expect(focused(el)?.dataset.article).to.equal(first.dataset.article);
    // Forward again, then the element's own Back steps back through the same history entry.
    history.forward();
    await openedArticle(el);
    button(el, 'Back')!.click();
    await waitUntil(() => items(el).length > 0 && location.hash === '#q=refund+policy', 'Back did not restore the results', WAIT);
  });

  it('an unknown article id says so, with Back', async () => {
    const el = await mount();
    el.showArticle('00000000-0000-4000-8000-000000000000');
    await waitUntil(() => text(root(el).querySelector('[role=alert]')) === 'This article is not available.', 'no not-found state', WAIT);
    expect(button(el, 'Back')).to.not.equal(undefined);
    expect(button(el, 'Retry')).to.equal(undefined);
  });
});
