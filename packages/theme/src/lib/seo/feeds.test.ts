/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access --
 * Parsed XML and JSON-LD are untyped data, and a missing element should fail the test where it is read:
 * typing every parsed tree would only restate the assertions below. */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  capFeedHtml,
  channelCustomData,
  feedItem,
  imageMimeType,
  latestChange,
  sanitizeFeedHtml,
} from './feeds.ts';
import { feedStylesheet } from './feed-xsl.ts';

const base = 'https://khabar.example/politics/%D8%AE%D8%A8%D8%B1/';

describe('sanitizeFeedHtml', () => {
  it('keeps text, links and pictures; drops scripts, styles, classes, ids and handlers', () => {
    const html =
      '<h2 id="x" class="y">عنوان</h2><p style="color:red" onclick="x()">نص <a href="/economy/" class="k">رابط</a></p>' +
      '<script>alert(1)</script><style>p{}</style><iframe src="https://evil.example"></iframe>' +
      '<figure><picture><source srcset="/a.avif"><img src="/_astro/a.jpg" alt="صورة" loading="lazy" width="800" height="450"></picture><figcaption>شرح</figcaption></figure>';
    expect(sanitizeFeedHtml(html, base)).toBe(
      '<h2>عنوان</h2><p>نص <a href="https://khabar.example/economy/">رابط</a></p>' +
        '<figure><picture><img src="https://khabar.example/_astro/a.jpg" alt="صورة" width="800" height="450" /></picture><figcaption>شرح</figcaption></figure>',
    );
  });

  it('makes fragment and relative links absolute against the article, and drops javascript: links', () => {
    const out = sanitizeFeedHtml(
      '<a href="#fn1">١</a><a href="../x/">x</a><a href="javascript:alert(1)">y</a>',
      base,
    );
    expect(out).toContain(`href="${base}#fn1"`);
    expect(out).toContain('href="https://khabar.example/politics/x/"');
    expect(out).not.toContain('javascript');
  });
});

describe('feedItem', () => {
  const article = {
    title: 'روسيا تطالب',
    url: base,
    description: 'وصف & تفاصيل',
    published: new Date('2016-12-01T12:20:00Z'),
    categories: ['سياسة', 'روسيا'],
    authors: ['قسم الأخبار', 'ليلى <حداد>'],
    html: '<p>نص</p>',
    image: {
      url: 'https://khabar.example/_astro/a.jpg',
      type: 'image/jpeg',
      length: 33405,
      width: 1600,
      height: 900,
      alt: 'صورة "المنصة"',
    },
  };

  it('carries link, date, categories, content and the picture as enclosure', () => {
    const item = feedItem(article);
    expect(item).toMatchObject({
      title: 'روسيا تطالب',
      link: base,
      pubDate: article.published,
      categories: ['سياسة', 'روسيا'],
      content: '<p>نص</p>',
      enclosure: { url: 'https://khabar.example/_astro/a.jpg', length: 33405, type: 'image/jpeg' },
    });
  });

  it('writes authors and media:content as well-formed XML', () => {
    const { customData } = feedItem(article);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(`<item>${customData}</item>`).item;
    expect(parsed['dc:creator']).toEqual(['قسم الأخبار', 'ليلى <حداد>']);
    expect(parsed['media:content']).toMatchObject({
      '@_url': 'https://khabar.example/_astro/a.jpg',
      '@_type': 'image/jpeg',
      '@_medium': 'image',
      '@_width': '1600',
      '@_height': '900',
      '@_fileSize': '33405',
    });
  });

  it('leaves content out of a description-only feed', () => {
    expect(feedItem({ ...article, html: undefined })).not.toHaveProperty('content');
  });

  it('carries corrections under the description and after the text, escaped', () => {
    const item = feedItem({
      ...article,
      corrections: { heading: 'تصحيح', lines: ['الخميس ١ ديسمبر ٢٠١٦: الصحيح <٣> لا ٢.'] },
    });
    expect(item.description).toBe(`${article.description}\nتصحيح: الخميس ١ ديسمبر ٢٠١٦: الصحيح <٣> لا ٢.`);
    expect(item.content).toBe(
      '<p>نص</p><aside><h2>تصحيح</h2><p>الخميس ١ ديسمبر ٢٠١٦: الصحيح &lt;٣&gt; لا ٢.</p></aside>',
    );
    expect(feedItem({ ...article, corrections: { heading: 'تصحيح', lines: [] } }).description).toBe(
      article.description,
    );
  });
});

describe('feedItem of live coverage', () => {
  const page = 'https://khabar.example/politics/storm-live/';
  const update = (id: string, time: string, title: string | undefined, text: string) => ({
    url: `${page}#update-${id}`,
    time,
    datetime: `2016-12-01T${time.replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d)))}:00+02:00`,
    title,
    html: `<p>${text}</p>`,
  });
  const story = {
    title: 'مباشر: العاصفة',
    url: page,
    description: 'تغطية متواصلة',
    published: new Date('2016-12-01T05:00:00Z'),
    categories: [],
    authors: [],
    html: '<p>أبرز ما نعرفه</p>',
    updates: {
      heading: 'آخر التحديثات',
      items: [
        update('1510', '١٥:١٠', 'الميناء يعلّق <الحركة>', 'علّقت سلطة <a href="/port/">الميناء</a> الحركة'),
        update('0840', '٠٨:٤٠', undefined, 'أغلقت شرطة المرور النفق'),
      ],
    },
  };

  it('carries the updates after the story, newest first, each with its hour (a link to it) and headline', () => {
    expect(feedItem(story).content).toBe(
      '<p>أبرز ما نعرفه</p><h2>آخر التحديثات</h2>' +
        `<article><p><a href="${page}#update-1510"><time datetime="2016-12-01T15:10:00+02:00">١٥:١٠</time></a></p>` +
        '<h3>الميناء يعلّق &lt;الحركة&gt;</h3><p>علّقت سلطة <a href="https://khabar.example/port/">الميناء</a> الحركة</p></article>' +
        `<article><p><a href="${page}#update-0840"><time datetime="2016-12-01T08:40:00+02:00">٠٨:٤٠</time></a></p>` +
        '<p>أغلقت شرطة المرور النفق</p></article>',
    );
  });

  it('keeps story and updates within the full-text cap, dropping whole updates from the oldest', () => {
    const readOn = 'تابع التغطية على خبر';
    const full = feedItem(story).content ?? '';
    const oldest = full.slice(full.lastIndexOf('<article>'));
    const capped = feedItem({ ...story, htmlLimit: { chars: full.length - 1, readOn } }).content ?? '';
    expect(capped.length).toBeLessThanOrEqual(full.length - 1);
    expect(capped).toContain('#update-1510');
    expect(capped).not.toContain('#update-0840');
    expect(capped).toBe(`${full.slice(0, -oldest.length)}<p><a href="${page}">${readOn}</a></p>`);
  });

  it('adds nothing for a live story with no update yet', () => {
    expect(feedItem({ ...story, updates: { heading: 'آخر التحديثات', items: [] } }).content).toBe(
      '<p>أبرز ما نعرفه</p>',
    );
  });
});

describe('capFeedHtml', () => {
  const url = 'https://khabar.example/politics/a/';
  const readOn = 'تابع قراءة القصة كاملة على خبر';

  it('keeps a story that fits as it is', () => {
    expect(capFeedHtml('<p>أ</p><p>ب</p>', 1000, url, readOn)).toBe('<p>أ</p><p>ب</p>');
  });

  it('cuts a long story after the last whole paragraph that fits, and links to the page', () => {
    const paragraph = `<p>${'كلمة '.repeat(50)}</p>`;
    const html = `${paragraph}\n${paragraph}\n<figure><img src="x.jpg" alt=""></figure>\n${paragraph.repeat(40_000)}`;
    const capped = capFeedHtml(html, 2000, url, readOn);
    expect(capped.length).toBeLessThanOrEqual(2000);
    expect(capped.startsWith(`${paragraph}\n${paragraph}\n<figure>`)).toBe(true);
    expect(capped.endsWith(`</p><p><a href="${url}">${readOn}</a></p>`)).toBe(true);
    // Nothing cut inside an element: every paragraph that opens closes.
    expect(capped.match(/<p>/g)?.length).toBe(capped.match(/<\/p>/g)?.length);
  });

  it('caps the item feedItem makes from a 5 MB story', () => {
    const huge = `<p>${'ب'.repeat(5_000_000)}</p><p>تتمة</p>`;
    const item = feedItem({
      title: 'طويل',
      url,
      description: 'وصف',
      published: new Date('2016-12-01T12:20:00Z'),
      categories: [],
      authors: [],
      html: `<p>مقدمة</p>${huge}`,
      htmlLimit: { chars: 100_000, readOn },
    });
    expect(item.content).toBe(`<p>مقدمة</p><p><a href="${url}">${readOn}</a></p>`);
  });
});

describe('channel', () => {
  it('writes language, a self link, the build date and an image', () => {
    const xml = channelCustomData({
      language: 'ar-SY',
      selfUrl: 'https://khabar.example/rss.xml',
      lastBuildDate: new Date('2016-12-01T12:20:00Z'),
      image: { url: 'https://khabar.example/logo.png', title: 'خبر', link: 'https://khabar.example/' },
    });
    const channel = new XMLParser({ ignoreAttributes: false }).parse(`<channel>${xml}</channel>`).channel;
    expect(channel.language).toBe('ar-SY');
    expect(channel['atom:link']).toMatchObject({
      '@_href': 'https://khabar.example/rss.xml',
      '@_rel': 'self',
    });
    expect(channel.lastBuildDate).toBe('Thu, 01 Dec 2016 12:20:00 GMT');
    expect(channel.image).toEqual({
      url: 'https://khabar.example/logo.png',
      title: 'خبر',
      link: 'https://khabar.example/',
    });
  });

  it('dates the feed by its newest story or update, not by the clock', () => {
    const a = { published: new Date('2016-11-30T10:00:00Z') };
    const b = { published: new Date('2016-11-29T10:00:00Z'), updated: new Date('2016-12-01T09:00:00Z') };
    expect(latestChange([a, b], new Date(0)).toISOString()).toBe('2016-12-01T09:00:00.000Z');
    expect(latestChange([], new Date(5)).getTime()).toBe(5);
  });

  it('names image types', () => {
    expect(imageMimeType('jpg')).toBe('image/jpeg');
    expect(imageMimeType('webp')).toBe('image/webp');
    expect(imageMimeType('svg')).toBe('image/svg+xml');
  });
});

describe('feedStylesheet', () => {
  it('is well-formed XSLT that renders a right-to-left page in the site language', () => {
    const xsl = feedStylesheet({
      lang: 'ar',
      accent: '#a3131b',
      strings: { about: 'هذه خلاصة & RSS', subscribe: 'انسخ', visit: 'زيارة', latest: 'آخر القصص' },
    });
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xsl);
    expect(parsed['xsl:stylesheet']['@_version']).toBe('1.0');
    expect(xsl).toContain('<html lang="ar" dir="rtl">');
    expect(xsl).toContain('هذه خلاصة &amp; RSS');
  });
});
