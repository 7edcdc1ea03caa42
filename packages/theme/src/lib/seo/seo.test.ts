import { describe, expect, it } from 'vitest';
import { breadcrumbs } from '../newsroom/breadcrumbs.ts';
import {
  articleMeta,
  breadcrumbListJsonLd,
  cropSize,
  jsonLdCrops,
  newsArticleJsonLd,
  ogLocale,
  pageTitle,
  serializeJsonLd,
  twitterHandle,
  twitterMeta,
  webSiteJsonLd,
} from './index.ts';

const url = `https://khabar.example/politics/${encodeURIComponent('روسيا-تطالب')}/`;
const publisher = {
  name: 'خبر',
  url: 'https://khabar.example/',
  logo: { url: 'https://khabar.example/publisher-logo.png', width: 512, height: 512 },
};

describe('pageTitle', () => {
  it('fills the template, and the home page is the site name alone', () => {
    expect(pageTitle('{title} | {site}', 'روسيا تطالب', 'خبر')).toBe('روسيا تطالب | خبر');
    expect(pageTitle('{site} — {title}', 'سياسة', 'خبر')).toBe('خبر — سياسة');
    expect(pageTitle('{title} | {site}', undefined, 'خبر')).toBe('خبر');
    expect(pageTitle('{title} | {site}', 'خبر', 'خبر')).toBe('خبر');
  });
});

describe('ogLocale', () => {
  it('writes language_REGION, ar_AR for plain Arabic, and honours an override', () => {
    expect(ogLocale('ar')).toBe('ar_AR');
    expect(ogLocale('ar-SY')).toBe('ar_SY');
    expect(ogLocale('ar-EG-u-nu-arab')).toBe('ar_EG');
    expect(ogLocale('fa')).toBe('fa_FA');
    expect(ogLocale('ar-SY', 'ar_AR')).toBe('ar_AR');
  });
});

describe('twitter', () => {
  it('reads the handle of an X or Twitter profile only', () => {
    expect(twitterHandle('https://x.com/khabar_example')).toBe('@khabar_example');
    expect(twitterHandle('https://twitter.com/khabar/')).toBe('@khabar');
    expect(twitterHandle('https://t.me/khabar')).toBeUndefined();
    expect(twitterHandle(undefined)).toBeUndefined();
  });
  it('uses summary_large_image when there is a picture', () => {
    const tags = twitterMeta({ image: { url: 'https://k/c.png', alt: 'بطاقة' }, site: '@k' });
    expect(tags).toContainEqual({ name: 'twitter:card', content: 'summary_large_image' });
    expect(tags).toContainEqual({ name: 'twitter:image:alt', content: 'بطاقة' });
    expect(twitterMeta({})[0]).toEqual({ name: 'twitter:card', content: 'summary' });
  });
  it('leaves the title, description and picture to og:title, og:description and og:image, which X reads', () => {
    const names = twitterMeta({ image: { url: 'https://k/c.png', alt: 'بطاقة' }, site: '@k' }).map((tag) =>
      'name' in tag ? tag.name : tag.property,
    );
    expect(names).toEqual(['twitter:card', 'twitter:site', 'twitter:image:alt']);
  });
});

describe('articleMeta', () => {
  it('writes times with offset, section and authors; a modified time only for a changed story', () => {
    const input = {
      published: '2016-12-01T14:20:00+02:00',
      section: 'سياسة',
      authorUrls: ['https://khabar.example/authors/news-desk/'],
    };
    expect(articleMeta(input)).toEqual([
      { property: 'article:published_time', content: '2016-12-01T14:20:00+02:00' },
      { property: 'article:section', content: 'سياسة' },
      { property: 'article:author', content: 'https://khabar.example/authors/news-desk/' },
    ]);
    expect(articleMeta({ ...input, modified: '2016-12-02T09:00:00+02:00' })[1]).toEqual({
      property: 'article:modified_time',
      content: '2016-12-02T09:00:00+02:00',
    });
  });
});

describe('JSON-LD', () => {
  it('builds a NewsArticle with Person authors, a NewsMediaOrganization publisher and the language', () => {
    const data = newsArticleJsonLd({
      url,
      headline: 'روسيا تطالب',
      images: [{ url: 'https://khabar.example/og/%D8%A3.png', width: 1200, height: 630 }],
      published: '2016-12-01T14:20:00+02:00',
      modified: '2016-12-01T16:00:00+02:00',
      authors: [{ name: 'قسم الأخبار', url: 'https://khabar.example/authors/news-desk/' }],
      publisher: { ...publisher, sameAs: ['https://x.com/khabar_example'] },
      inLanguage: 'ar-SY',
      section: 'سياسة',
      keywords: ['روسيا'],
    });
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      '@id': 'https://khabar.example/politics/روسيا-تطالب/#article',
      url: 'https://khabar.example/politics/روسيا-تطالب/',
      headline: 'روسيا تطالب',
      datePublished: '2016-12-01T14:20:00+02:00',
      dateModified: '2016-12-01T16:00:00+02:00',
      author: [{ '@type': 'Person', name: 'قسم الأخبار', url: 'https://khabar.example/authors/news-desk/' }],
      publisher: { '@type': 'NewsMediaOrganization', name: 'خبر', url: 'https://khabar.example/' },
      inLanguage: 'ar-SY',
      image: [{ '@type': 'ImageObject', url: 'https://khabar.example/og/أ.png', width: 1200, height: 630 }],
    });
    // The page's address twice (`@id`, `url`), as an IRI naming the canonical URL, not a third time in a
    // `mainEntityOfPage`; the description is the meta tags', the publisher's logo and profiles the home page's.
    expect(new URL(String(data['url'])).href).toBe(url);
    expect(data).not.toHaveProperty('mainEntityOfPage');
    expect(data).not.toHaveProperty('description');
    expect(data['publisher']).not.toHaveProperty('sameAs');
    expect(data['publisher']).not.toHaveProperty('logo');
    expect(JSON.stringify(data).split('روسيا-تطالب/').length - 1).toBe(2);
  });

  it('turns breadcrumbs into a BreadcrumbList with absolute, encoded items, the page itself without one', () => {
    const trail = breadcrumbs({
      base: '/',
      homeName: 'الرئيسية',
      section: { slug: 'politics', name: 'سياسة' },
      page: { name: 'روسيا تطالب', url: new URL(url).pathname },
    });
    const list = breadcrumbListJsonLd(trail, 'https://khabar.example');
    expect(list['itemListElement']).toEqual([
      { '@type': 'ListItem', position: 1, name: 'الرئيسية', item: 'https://khabar.example/' },
      { '@type': 'ListItem', position: 2, name: 'سياسة', item: 'https://khabar.example/politics/' },
      // Google takes the page's own URL for the last crumb.
      { '@type': 'ListItem', position: 3, name: 'روسيا تطالب' },
    ]);
  });

  it('adds a SearchAction to the WebSite only when there is a search page', () => {
    const base = { name: 'خبر', url: 'https://khabar.example/', inLanguage: 'ar' };
    expect(webSiteJsonLd(base)).not.toHaveProperty('potentialAction');
    expect(
      webSiteJsonLd({ ...base, searchUrl: 'https://khabar.example/search/?q={search_term_string}' }),
    ).toMatchObject({
      potentialAction: { '@type': 'SearchAction', 'query-input': 'required name=search_term_string' },
    });
  });

  it('serialises so that no text can close the script element', () => {
    const json = serializeJsonLd({ headline: '</script><script>alert(1)</script> & \u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ headline: '</script><script>alert(1)</script> & \u2028' });
  });
});

describe('image crops', () => {
  it('crops 16:9, 4:3 and 1:1 without enlarging', () => {
    expect(jsonLdCrops(1600, 900)).toEqual([
      { width: 1200, height: 675 },
      { width: 1200, height: 900 },
      { width: 900, height: 900 },
    ]);
    expect(jsonLdCrops(800, 600)).toEqual([
      { width: 800, height: 450 },
      { width: 800, height: 600 },
      { width: 600, height: 600 },
    ]);
    expect(cropSize(1600, 900, 1200, 630)).toEqual({ width: 1200, height: 630 });
    expect(cropSize(600, 300, 1200, 630)).toEqual({ width: 571, height: 300 });
  });
});

describe('story kinds in JSON-LD', () => {
  const base = {
    url,
    headline: 'مباشر: العاصفة',
    images: [],
    published: '2016-12-01T07:00:00+02:00',
    authors: [],
    publisher,
    inLanguage: 'ar-SY',
  };

  it('writes the type of the kind, and corrections as CorrectionComments', () => {
    const data = newsArticleJsonLd({
      ...base,
      type: 'AnalysisNewsArticle',
      corrections: [{ date: '2016-12-01T18:10:00+02:00', text: 'الصحيح أنها تُجدَّد سنوياً.' }],
    });
    expect(data['@type']).toBe('AnalysisNewsArticle');
    expect(data['correction']).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'الصحيح أنها تُجدَّد سنوياً.',
        datePublished: '2016-12-01T18:10:00+02:00',
      },
    ]);
    expect(newsArticleJsonLd(base)).not.toHaveProperty('correction');
  });

  it('writes live coverage: its start, its end once closed, and each update as a BlogPosting', () => {
    const data = newsArticleJsonLd({
      ...base,
      type: 'LiveBlogPosting',
      live: {
        start: '2016-12-01T07:00:00+02:00',
        end: '2016-12-01T23:00:00+02:00',
        updates: [
          {
            url: `${url}#update-1005`,
            headline: 'الميناء يعلّق حركة السفن',
            text: 'قالت هيئة الميناء…',
            published: '2016-12-01T10:05:00+02:00',
            author: { name: 'ليلى حداد' },
          },
        ],
      },
    });
    expect(data).toMatchObject({
      '@type': 'LiveBlogPosting',
      coverageStartTime: '2016-12-01T07:00:00+02:00',
      coverageEndTime: '2016-12-01T23:00:00+02:00',
      liveBlogUpdate: [
        {
          '@type': 'BlogPosting',
          '@id': `${url}#update-1005`,
          url: `${url}#update-1005`,
          headline: 'الميناء يعلّق حركة السفن',
          articleBody: 'قالت هيئة الميناء…',
          datePublished: '2016-12-01T10:05:00+02:00',
          author: { '@type': 'Person', name: 'ليلى حداد' },
        },
      ],
    });
  });
});
