import { describe, expect, it } from 'vitest';
import { htmlText, leadEnd } from './text.ts';

describe('htmlText', () => {
  it('reads the text without tags and scripts, entities decoded', () => {
    expect(htmlText('<p>أ &amp; ب<script>x()</script></p>')).toBe('أ & ب');
    expect(htmlText('<p>&quot;ا&#1604;&#x62E;&#x628;&#1585;&quot;&nbsp;&lt;عاجل&gt;</p>')).toBe(
      '"الخبر" <عاجل>',
    );
  });

  it('separates blocks and keeps a word whole across inline tags', () => {
    expect(htmlText('<h2>عنوان</h2><p><b>ال</b>وزير<br>قال</p><ul><li>أ</li><li>ب</li></ul>')).toBe(
      'عنوان الوزير قال أ ب',
    );
  });

  it('leaves out comments, styles, templates and a "<" that only looks like a tag in a script', () => {
    expect(
      htmlText(
        '<!-- <p>مخفي</p> --><style>p{}</style><p>ظاهر</p><template><p>قالب</p></template>' +
          '<script>if (a</p><p>b) {}</script><p>تتمة</p>',
      ),
    ).toBe('ظاهر تتمة');
  });

  it('keeps the lines of a Markdown source when asked', () => {
    expect(htmlText('سطر <b>أول</b>\n\n[رابط]: https://example.com', { keepLines: true })).toBe(
      'سطر أول\n\n[رابط]: https://example.com',
    );
  });

  it('does not decode twice: an escaped reference stays a reference', () => {
    expect(htmlText('<p>&amp;lt;b&amp;gt;</p>')).toBe('&lt;b&gt;');
  });
});

describe('leadEnd', () => {
  it('is just after the first top-level paragraph', () => {
    const html = '<p>الفقرة الأولى</p>\n<p>الثانية</p>';
    expect(html.slice(0, leadEnd(html))).toBe('<p>الفقرة الأولى</p>');
  });

  it('skips paragraphs inside a quote or a list, and "</p>" inside code', () => {
    const html = '<blockquote><p>اقتباس</p></blockquote><p>نص <code>&lt;/p&gt;</code> هنا</p><p>ب</p>';
    expect(html.slice(0, leadEnd(html))).toBe(
      '<blockquote><p>اقتباس</p></blockquote><p>نص <code>&lt;/p&gt;</code> هنا</p>',
    );
  });

  it('finds an end the HTML only implies, and the whole fragment when there is no paragraph', () => {
    expect(leadEnd('<p>أ<p>ب')).toBe('<p>أ'.length);
    expect(leadEnd('<p>أ<br>ب<img src="x.png"></p><p>ج</p>')).toBe('<p>أ<br>ب<img src="x.png"></p>'.length);
    expect(leadEnd('<h2>عنوان</h2><ul><li>أ</li></ul>')).toBe('<h2>عنوان</h2><ul><li>أ</li></ul>'.length);
  });
});
