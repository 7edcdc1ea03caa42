import { describe, expect, it } from 'vitest';
import { lightStem } from './arabic.ts';
import { extraStems, htmlText, prepareForIndex, storyForIndex } from './prepare.ts';

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
  });

  it('hands Pagefind a slim page: the html tag, the description and the article only', () => {
    const out = prepareForIndex(article) ?? '';
    expect(out.startsWith('<!doctype html><html lang="ar" dir="rtl"><head><meta name="description"')).toBe(
      true,
    );
    for (const gone of ['khabar-card', 'khabar-breadcrumbs', '<footer>', '<nav>', 'charset']) {
      expect(out).not.toContain(gone);
    }
    expect(out.endsWith('</div></article></body></html>')).toBe(true);
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

describe('storyForIndex', () => {
  const story = {
    lang: 'ar',
    dir: 'rtl' as const,
    title: 'روسيا تطالب الغرب <بإحترام> السيادة',
    deck: 'لافروف يتحدث',
    description: 'وصف "الخبر"',
    section: 'سياسة',
    date: 'الخميس ١ كانون الأول ٢٠١٦',
    datetime: '2016-12-01T14:20:00+02:00',
    authors: ['مها', 'سامر'],
    caption: 'لافروف',
    credit: 'رويترز',
    tags: ['سوريا'],
    html: '<p>التعاون بسوريا لمكافحة الإرهاب</p>',
  };

  it('builds what prepareForIndex gives for a built page: body, metadata, stems', () => {
    const out = storyForIndex(story);
    expect(out).toContain('<article class="khabar-article" data-pagefind-body>');
    expect(out).toContain(
      '<meta name="description" content="وصف &quot;الخبر&quot;" data-pagefind-meta="description[content]">',
    );
    expect(out).toContain('<a class="khabar-section-label" data-pagefind-meta="section">سياسة</a>');
    expect(out).toContain(
      '<time datetime="2016-12-01T14:20:00+02:00" data-pagefind-meta="date">الخميس ١ كانون الأول ٢٠١٦</time>',
    );
    expect(out).toContain('<h1>روسيا تطالب الغرب &lt;بإحترام&gt; السيادة</h1>');
    for (const text of ['لافروف يتحدث', 'مها، سامر', 'لافروف رويترز', '<li>سوريا</li>', 'لمكافحة الإرهاب']) {
      expect(out).toContain(text);
    }
    const stems = /data-khabar-stems>([^<]*)</.exec(out)?.[1] ?? '';
    expect(stems.split(' ')).toEqual(expect.arrayContaining([lightStem('سوريا'), lightStem('إرهاب')]));
  });

  it('leaves out what a story does not have', () => {
    const out = storyForIndex({
      ...story,
      deck: undefined,
      caption: undefined,
      credit: undefined,
      authors: [],
      tags: [],
    });
    expect(out).not.toContain('<figure>');
    expect(out).not.toContain('<ul>');
    expect(out).toContain('</h1></header><p><time');
  });
});
