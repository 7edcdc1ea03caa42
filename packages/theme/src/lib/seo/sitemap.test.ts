/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call --
 * Parsed XML and JSON-LD are untyped data, and a missing element should fail the test where it is read:
 * typing every parsed tree would only restate the assertions below. */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  addToSitemapIndex,
  newsLanguage,
  newsSitemapItems,
  recentArticles,
  renderNewsSitemap,
  robotsTxt,
  serializeSitemapEntry,
  sitemapFacts,
} from './sitemap.ts';

describe('sitemap facts from the stories', () => {
  const story = (url: string, published: string, updated?: string, listedOn: string[] = []) => ({
    url,
    published: new Date(published),
    updated: updated ? new Date(updated) : undefined,
    images: [`${url}a.jpg`, `${url}b.jpg`, `${url}a.jpg`],
    listedOn,
  });
  const facts = sitemapFacts([
    story('https://k.example/a/', '2016-11-29T07:30:00+02:00', '2016-12-01T06:15:00+02:00', [
      'https://k.example/',
      'https://k.example/politics/',
    ]),
    story('https://k.example/b/', '2016-11-30T10:00:00+02:00', undefined, ['https://k.example/']),
  ]);

  it('gives a story its update (else its publication) and its pictures, once each', () => {
    expect(facts['https://k.example/a/']).toEqual({
      lastmod: '2016-12-01T04:15:00.000Z',
      images: ['https://k.example/a/a.jpg', 'https://k.example/a/b.jpg'],
    });
    expect(facts['https://k.example/b/']?.lastmod).toBe('2016-11-30T08:00:00.000Z');
  });

  it("gives a listing page its newest story's change", () => {
    expect(facts['https://k.example/']).toEqual({ lastmod: '2016-12-01T04:15:00.000Z' });
    expect(facts['https://k.example/politics/']).toEqual({ lastmod: '2016-12-01T04:15:00.000Z' });
  });

  it('completes an entry from the facts and leaves other pages alone', () => {
    expect(serializeSitemapEntry({ url: 'https://k.example/a/' }, facts)).toEqual({
      url: 'https://k.example/a/',
      lastmod: '2016-12-01T04:15:00.000Z',
      img: [{ url: 'https://k.example/a/a.jpg' }, { url: 'https://k.example/a/b.jpg' }],
    });
    expect(serializeSitemapEntry({ url: 'https://k.example/archive/' }, facts)).toEqual({
      url: 'https://k.example/archive/',
    });
  });

  it('lists a page’s versions in other editions as hreflang links', () => {
    const links = [
      { hreflang: 'ar', href: 'https://k.example/' },
      { hreflang: 'en', href: 'https://k.example/en/' },
      { hreflang: 'x-default', href: 'https://k.example/' },
    ];
    expect(
      serializeSitemapEntry({ url: 'https://k.example/en/' }, { 'https://k.example/en/': { links } }),
    ).toEqual({
      url: 'https://k.example/en/',
      links: [
        { lang: 'ar', url: 'https://k.example/' },
        { lang: 'en', url: 'https://k.example/en/' },
        { lang: 'x-default', url: 'https://k.example/' },
      ],
    });
  });
});

describe('Google News sitemap', () => {
  const now = new Date('2016-12-02T08:00:00+02:00');
  const at = (iso: string, id: string) => ({ id, published: new Date(iso) });
  const articles = [
    at('2016-12-02T08:00:01+02:00', 'future'),
    at('2016-12-02T08:00:00+02:00', 'now'),
    at('2016-12-01T14:20:00+02:00', 'seed'),
    at('2016-11-30T08:00:01+02:00', 'edge-in'),
    at('2016-11-30T08:00:00+02:00', 'edge-out'),
    at('2016-11-29T07:30:00+02:00', 'old'),
  ];

  it('takes the stories of the hours before the build, newest first, none from the future', () => {
    expect(recentArticles(articles, (a) => a.published, now, 48, 1000).map((a) => a.id)).toEqual([
      'now',
      'seed',
      'edge-in',
    ]);
  });

  it('keeps at most the limit', () => {
    const many = Array.from({ length: 1500 }, (_, i) =>
      at(new Date(now.getTime() - i * 60_000).toISOString(), `${i}`),
    );
    expect(recentArticles(many, (a) => a.published, now, 48, 1000)).toHaveLength(1000);
  });

  it('writes publication, language, date and title; parses as XML', async () => {
    const xml = await renderNewsSitemap(
      newsSitemapItems(
        [
          {
            url: 'https://k.example/politics/%D8%AE/',
            title: 'خبر & تحليل',
            published: '2016-12-01T14:20:00+02:00',
            keywords: ['روسيا', 'سوريا'],
          },
        ],
        { name: 'خبر', language: newsLanguage('ar-SY') },
      ),
      'https://k.example/',
    );
    const url = new XMLParser().parse(xml).urlset.url;
    expect(url.loc).toBe('https://k.example/politics/%D8%AE/');
    expect(url['news:news']).toEqual({
      'news:publication': { 'news:name': 'خبر', 'news:language': 'ar' },
      'news:publication_date': '2016-12-01T14:20:00+02:00',
      'news:title': 'خبر & تحليل',
      'news:keywords': 'روسيا, سوريا',
    });
  });

  it('writes an empty urlset when nothing is recent', async () => {
    const xml = await renderNewsSitemap([], 'https://k.example/');
    expect(new XMLParser().parse(xml).urlset).toBe('');
  });

  it('uses the ISO 639 language Google News asks for', () => {
    expect(newsLanguage('ar-EG-u-nu-arab')).toBe('ar');
    expect(newsLanguage('zh-TW')).toBe('zh-tw');
  });
});

describe('index and robots', () => {
  it('adds a sitemap to an index once', async () => {
    const index =
      '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://k.example/sitemap-0.xml</loc></sitemap></sitemapindex>';
    const once = await addToSitemapIndex(index, 'https://k.example/news-sitemap.xml');
    expect(await addToSitemapIndex(once, 'https://k.example/news-sitemap.xml')).toBe(once);
    const locs = new XMLParser({ isArray: (name) => name === 'sitemap' }).parse(once).sitemapindex.sitemap;
    expect(locs.map((s: { loc: string }) => s.loc)).toEqual([
      'https://k.example/sitemap-0.xml',
      'https://k.example/news-sitemap.xml',
    ]);
  });

  it('points robots.txt at the sitemap index and the news sitemap', () => {
    expect(robotsTxt(['https://k.example/sitemap-index.xml', 'https://k.example/news-sitemap.xml'])).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://k.example/sitemap-index.xml\nSitemap: https://k.example/news-sitemap.xml\n',
    );
    expect(robotsTxt([undefined, 'https://k.example/news-sitemap.xml'])).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://k.example/news-sitemap.xml\n',
    );
    expect(robotsTxt([undefined, undefined])).toBe('User-agent: *\nAllow: /\n');
  });
  it('closes the paths it is given (the web editor) to crawlers', () => {
    expect(robotsTxt(['https://k.example/sitemap-index.xml'], ['/admin/'])).toBe(
      'User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: https://k.example/sitemap-index.xml\n',
    );
  });
});
