import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderInline, renderMarkdown } from './markdown.ts';

function dom(html: string) {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

describe('renderMarkdown', () => {
  it('renders the subset', () => {
    expect(renderMarkdown('**قوي** و*مائل* و`رمز`\nسطر\n\nفقرة')).toBe(
      '<p dir="auto"><strong>قوي</strong> و<em>مائل</em> و<code>رمز</code><br>سطر</p><p dir="auto">فقرة</p>',
    );
    expect(renderMarkdown('> اقتباس')).toBe('<blockquote><p dir="auto">اقتباس</p></blockquote>');
  });
  it('links http(s) only, with rel="nofollow ugc noopener"', () => {
    expect(renderMarkdown('[موقع](https://example.com/a?b=1&c=2)')).toBe(
      '<p dir="auto"><a href="https://example.com/a?b=1&amp;c=2" rel="nofollow ugc noopener">موقع</a></p>',
    );
    expect(renderMarkdown('انظر https://example.com/x.')).toContain(
      '<a href="https://example.com/x" rel="nofollow ugc noopener">https://example.com/x</a>.',
    );
  });
  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[x](javascript:alert(1))',
    '[x](JAVASCRIPT:alert(1))',
    '[x](data:text/html,<script>alert(1)</script>)',
    '[x]( javascript:alert(1))',
    '![x](https://example.com/a.png)',
    '<a href="javascript:alert(1)">x</a>',
    '"><svg onload=alert(1)>',
    '[x](https://e.com/"onmouseover="alert(1))',
    '`<script>`',
    '**<b onclick=alert(1)>**',
    'javascript:alert(1)',
    '<iframe src=//evil>',
    '<style>body{display:none}</style>',
    '<javascript:alert(1)>',
    '[x](<javascript:alert(1)>)',
    '[a]: javascript:alert(1)\n\n[a]',
    '[x](javascript&#58;alert(1))',
    '[x](https://e.com "x\\" onmouseover=\\"alert(1)")',
    '<!-- <script>alert(1)</script> -->',
    '[x](https://e.com)<img src=x onerror=alert(1)>',
  ])('leaves nothing executable in %s', (input) => {
    const doc = dom(renderMarkdown(input));
    expect(doc.querySelectorAll('script, img, iframe, svg, style, object, embed').length).toBe(0);
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        expect(attr.name.startsWith('on')).toBe(false);
        if (attr.name === 'href') expect(attr.value).toMatch(/^https?:\/\//);
      }
    }
  });
  it('renders pathological input in linear time, with balanced tags', () => {
    const inputs = [
      '*'.repeat(60_000),
      '_a'.repeat(30_000),
      '['.repeat(60_000),
      '[a]('.repeat(15_000),
      '**a *b '.repeat(8_000),
      '`'.repeat(60_000),
      `https://e.com/${'.'.repeat(60_000)}x`,
      '> '.repeat(30_000),
      `${'\n'.repeat(30_000)}x`,
      `${' '.repeat(60_000)}x`,
      '[](['.repeat(20_000),
      '*a_'.repeat(20_000),
      '![['.repeat(20_000),
      '> a\n'.repeat(15_000),
      'https://a.b/'.repeat(5_000),
    ];
    for (const input of inputs) {
      const start = performance.now();
      const html = renderMarkdown(input);
      expect(performance.now() - start).toBeLessThan(1000);
      // Balanced and well-nested: an HTML parser gives back exactly the markup it was given.
      expect(dom(html).body.innerHTML).toBe(html);
    }
  });
  it('keeps crossing delimiters well-nested', () => {
    const html = renderMarkdown('*a **b* c**');
    const doc = dom(html);
    expect(doc.body.innerHTML.replace(/ dir="auto"/g, '')).toBe(html.replace(/ dir="auto"/g, ''));
  });
});

describe('what the subset leaves as text', () => {
  it('does not parse headings, lists, code blocks, reference links, or entities', () => {
    expect(renderMarkdown('# عنوان\n- بند\n1. بند')).toBe('<p dir="auto"># عنوان<br>- بند<br>1. بند</p>');
    expect(renderMarkdown('[a]: https://e.com/\n\n[a]')).toBe(
      '<p dir="auto">[a]: <a href="https://e.com/" rel="nofollow ugc noopener">https://e.com/</a></p><p dir="auto">[a]</p>',
    );
    // Stored as typed, shown as typed: a reader who writes `&lt;` sees `&lt;`.
    expect(renderMarkdown('&lt;b&gt; &amp;')).toBe('<p dir="auto">&amp;lt;b&amp;gt; &amp;amp;</p>');
  });
  it('links only http(s) URLs typed with their scheme', () => {
    expect(renderMarkdown('a@b.com www.e.com //evil.example ftp://e.com mailto:a@b.com')).toBe(
      '<p dir="auto">a@b.com www.e.com //evil.example ftp://e.com mailto:a@b.com</p>',
    );
    expect(renderMarkdown('https://مثال.com/ص')).toBe(
      '<p dir="auto"><a href="https://xn--mgbh0fb.com/%D8%B5" rel="nofollow ugc noopener">https://مثال.com/ص</a></p>',
    );
  });
  it('drops link titles and keeps one level of markup per quote line', () => {
    expect(renderMarkdown('[x](https://e.com/ "عنوان")')).toBe(
      '<p dir="auto"><a href="https://e.com/" rel="nofollow ugc noopener">x</a></p>',
    );
    expect(renderInline('سطر\n**ثانٍ**')).toBe('سطر<br><strong>ثانٍ</strong>');
  });
});
