import assert from 'node:assert/strict';
import { test } from 'node:test';
import { excerptOf, plainText, renderMarkdown } from './render.js';

/** Every tag and attribute in the output, so tests can assert on structure rather than on strings. */
function tags(html: string): Array<{ tag: string; attrs: Record<string, string> }> {
  const out: Array<{ tag: string; attrs: Record<string, string> }> = [];
  for (const m of html.matchAll(/<([a-z0-9]+)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/gi)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2]!.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) attrs[a[1]!.toLowerCase()] = a[2] ?? '';
    out.push({ tag: m[1]!.toLowerCase(), attrs });
  }
  return out;
}

const SAFE_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'img']);

function assertInert(html: string) {
  for (const { tag, attrs } of tags(html)) {
    assert.ok(SAFE_TAGS.has(tag), `unexpected <${tag}> in ${html}`);
    for (const [name, value] of Object.entries(attrs)) {
      assert.ok(!name.startsWith('on'), `event handler ${name} in ${html}`);
      assert.notEqual(name, 'style', `style attribute in ${html}`);
      if (name === 'href') assert.match(value, /^(https?:|mailto:)/, `href ${value}`);
      if (name === 'src') assert.match(value, /^https:/, `src ${value}`);
    }
  }
  // Whatever is left once the allowed tags are removed is text: it must not open any other tag.
  const text = html.replace(/<\/?[a-z0-9]+(?:\s+[^\s=>/]+(?:="[^"]*")?)*\s*\/?>/gi, '');
  assert.ok(!text.includes('<'), `stray markup in ${html}`);
}

const PAYLOADS: Array<[string, string]> = [
  ['script tag', 'Hello <script>alert(1)</script> there'],
  ['script block', '<script>\nalert(document.cookie)\n</script>'],
  ['img onerror', '<img src=x onerror="alert(1)">'],
  ['svg onload', '<svg onload=alert(1)><circle r=1></svg>'],
  ['iframe', '<iframe src="https://evil.example"></iframe>'],
  ['html javascript link', '<a href="javascript:alert(1)">click</a>'],
  ['markdown javascript link', '[x](javascript:alert(1))'],
  ['entity-encoded scheme', '[x](jav&#x61;script:alert(1)) and [y](&#106;avascript:alert(1))'],
  ['tab inside scheme', '<a href="java\tscript:alert(1)">t</a> [t](java%09script:alert(1))'],
  ['upper-case scheme', '[x](JAVASCRIPT:alert(1))'],
  ['data URL link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['data URL image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
  ['vbscript', '[x](vbscript:msgbox(1))'],
  ['reference link', '[x][1]\n\n[1]: javascript:alert(1)'],
  ['autolink', '<javascript:alert(1)>'],
  ['style attribute', '<p style="background:url(javascript:alert(1))">x</p>'],
  ['markdown title breakout', '[x](https://ok.example "a\\" onmouseover=\\"alert(1)")'],
  ['image title breakout', '![a" onerror="alert(1)](https://ok.example/i.png)'],
  ['nested markup', '**<img src=x onerror=alert(1)>** _<svg/onload=alert(1)>_'],
  ['html comment', '<!-- <script>alert(1)</script> -->'],
  ['form', '<form action="https://evil.example"><input name=a><button>go</button></form>'],
  ['code span', '`<script>alert(1)</script>`'],
];

for (const [name, payload] of PAYLOADS) {
  test(`markdown with ${name} renders inert`, () => {
    assertInert(renderMarkdown(payload));
  });
}

test('raw HTML is shown as text, not dropped silently or executed', () => {
  const html = renderMarkdown('Use <b>bold</b> & <script>alert(1)</script>');
  assert.match(html, /&lt;b&gt;bold&lt;\/b&gt;/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(html, /<b>/);
});

test('links keep http(s) and mailto targets and always open safely; other schemes lose their href', () => {
  const html = renderMarkdown('[a](https://example.com/x?y=1&z=2) [b](http://example.com) [c](mailto:help@example.com) [d](javascript:alert(1)) [e](/relative) [f](//evil.example) [g](ftp://example.com)');
  const links = tags(html).filter((t) => t.tag === 'a');
  assert.equal(links.length, 7);
  assert.deepEqual(
    links.map((l) => l.attrs.href ?? null),
    ['https://example.com/x?y=1&amp;z=2', 'http://example.com/', 'mailto:help@example.com', null, null, null, null],
  );
  for (const l of links) {
    assert.equal(l.attrs.rel, 'noopener noreferrer');
    assert.equal(l.attrs.target, '_blank');
  }
});

test('images are kept only from https', () => {
  const html = renderMarkdown('![ok](https://cdn.example/a.png "Title") ![plain](http://cdn.example/b.png) ![rel](/c.png)');
  const imgs = tags(html).filter((t) => t.tag === 'img');
  assert.equal(imgs.length, 1);
  assert.equal(imgs[0]!.attrs.src, 'https://cdn.example/a.png');
  assert.equal(imgs[0]!.attrs.alt, 'ok');
});

test('headings, lists, code, tables, quotes and emphasis survive', () => {
  const html = renderMarkdown('## Steps\n\n1. **Open** *My orders*\n2. Click `Return`\n\n> Note\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n```js\nlet x = 1 < 2;\n```\n\n- ~~old~~ new');
  const names = new Set(tags(html).map((t) => t.tag));
  for (const t of ['h2', 'ol', 'li', 'strong', 'em', 'code', 'blockquote', 'table', 'th', 'td', 'pre', 'ul', 'del']) assert.ok(names.has(t), `<${t}> kept`);
  assert.match(html, /<code class="language-js">let x = 1 &lt; 2;/);
  assert.match(html, /<th align="center">b<\/th>/);
});

test('plain text drops markup and HTML and keeps the words', () => {
  const text = plainText('# Refunds\n\nWe refund **within 5 days** via [the portal](https://x.example). <b>raw</b>\n\n- one\n- two');
  assert.equal(text, 'Refunds\nWe refund within 5 days via the portal. raw\none\ntwo');
  // Inline markup joins as written: no space appears where bold or a link ended (Chinese has none).
  assert.equal(plainText('在登录页点击**忘记密码**，然后查看[邮件](https://x.example)。'), '在登录页点击忘记密码，然后查看邮件。');
});

test('excerpts are at most 200 characters, cut at a word or (CJK) anywhere', () => {
  const en = excerptOf(`Intro ${'word '.repeat(100)}`);
  assert.ok(en.length <= 200);
  assert.match(en, /word…$/);
  const zh = excerptOf('退款'.repeat(300));
  assert.equal(zh.length, 200);
  assert.ok(zh.endsWith('…'));
  assert.equal(excerptOf('short'), 'short');
});
