import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

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
    ];
    for (const input of inputs) {
      const start = performance.now();
      const html = renderMarkdown(input);
      expect(performance.now() - start).toBeLessThan(1000);
      const opens = (html.match(/<(strong|em|code|a|p)\b/g) ?? []).length;
      const closes = (html.match(/<\/(strong|em|code|a|p)>/g) ?? []).length;
      expect(opens).toBe(closes);
    }
  });
  it('keeps crossing delimiters well-nested', () => {
    const html = renderMarkdown('*a **b* c**');
    const doc = dom(html);
    expect(doc.body.innerHTML.replace(/ dir="auto"/g, '')).toBe(html.replace(/ dir="auto"/g, ''));
  });
});
