import { describe, expect, it } from 'vitest';
import { lightStem } from './arabic.ts';
import { extraStems, htmlText, prepareForIndex } from './prepare.ts';

const page = (body: string) =>
  `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="description" content="وصف الخبر"></head>` +
  `<body><header><nav>الرئيسية</nav></header><main id="main">${body}</main><footer>الأقسام</footer></body></html>`;

const article = page(
  `<nav class="khabar-breadcrumbs">الرئيسية</nav>` +
    `<article class="khabar-article"><header><p><a class="khabar-section-label" href="/politics/">سياسة</a></p>` +
    `<h1>روسيا تطالب الغرب</h1></header><time datetime="2016-12-01T14:20:00+02:00">الخميس</time>` +
    `<p>التعاون بسوريا لمكافحة الإرهاب &amp; للإرهابيين</p></article>` +
    `<aside><article class="khabar-card"><h3>قصة أخرى عن البرلمان</h3></article></aside>`,
);

describe('prepareForIndex', () => {
  it('skips pages that are not articles', () => {
    expect(prepareForIndex(page('<h1>سياسة</h1><article class="khabar-card">خبر</article>'))).toBeUndefined();
  });

  it('marks the article as the body, with description, date and section for the result', () => {
    const out = prepareForIndex(article) ?? '';
    expect(out).toContain('<article class="khabar-article" data-pagefind-body>');
    expect(out).toContain(
      '<meta name="description" content="وصف الخبر" data-pagefind-meta="description[content]">',
    );
    expect(out).toContain('<time datetime="2016-12-01T14:20:00+02:00" data-pagefind-meta="date">');
    expect(out).toContain('class="khabar-section-label" href="/politics/" data-pagefind-meta="section">');
    expect(out.match(/data-pagefind-body/g)).toHaveLength(1);
  });

  it('adds the light stems of the article, inside it, and not those of the related stories', () => {
    const out = prepareForIndex(article) ?? '';
    const stems =
      /<div data-pagefind-weight="0.5" data-khabar-stems>([^<]*)<\/div><\/article>/.exec(out)?.[1] ?? '';
    expect(stems.split(' ')).toEqual(expect.arrayContaining([lightStem('سوريا'), lightStem('إرهاب')]));
    expect(stems).not.toContain(lightStem('البرلمان'));
    // The block sits before the article's own end tag, not after the related card's.
    expect(out.indexOf('data-khabar-stems')).toBeLessThan(out.indexOf('khabar-card'));
  });
});

describe('what is not the story', () => {
  it('keeps a site’s AfterLead box (newsletter, advertisement) out of the index and the stems', () => {
    const withBox = page(
      `<article class="khabar-article"><h1>خبر</h1><div class="khabar-prose"><p>نص بسوريا</p>` +
        `<div class="khabar-after-lead"><aside><p>اشترك بالنشرة</p></aside></div><p>تتمة</p></div></article>`,
    );
    const out = prepareForIndex(withBox) ?? '';
    expect(out).toContain('<div class="khabar-after-lead" data-pagefind-ignore="all">');
    const stems = /data-khabar-stems>([^<]*)</.exec(out)?.[1] ?? '';
    expect(stems).toContain(lightStem('سوريا'));
    expect(stems).not.toContain(lightStem('النشرة'));
  });

  it('keeps comments and the share box out of the index and the stems', () => {
    const withComments = page(
      `<article class="khabar-article"><h1>خبر</h1><p>نص بسوريا</p>` +
        `<section class="khabar-share"><h2>شارك</h2><p>بالواتساب</p></section>` +
        `<section class="khabar-comments" id="c"><section class="khabar-comment"><p>تعليق بالبرلمان</p></section></section>` +
        `</article>`,
    );
    const out = prepareForIndex(withComments) ?? '';
    expect(out).toContain('<section class="khabar-share" data-pagefind-ignore="all">');
    expect(out).toContain('<section class="khabar-comments" id="c" data-pagefind-ignore="all">');
    const stems = /data-khabar-stems>([^<]*)</.exec(out)?.[1] ?? '';
    expect(stems).toContain(lightStem('سوريا'));
    expect(stems).not.toContain(lightStem('البرلمان'));
    expect(stems).not.toContain('واتساب');
    expect(out.indexOf('data-khabar-stems')).toBeGreaterThan(out.indexOf('khabar-comments'));
  });
});

describe('htmlText and extraStems', () => {
  it('reads the text without tags and scripts, entities decoded', () => {
    expect(htmlText('<p>أ &amp; ب<script>x()</script></p>').trim()).toBe('أ & ب');
  });

  it('lists only stems that differ from the words', () => {
    expect(extraStems('قال')).toEqual([]);
    expect(extraStems('بسوريا')).toContain(lightStem('سوريا'));
  });
});
