/**
 * Feeds and sitemaps of the built example newsroom, read with real parsers (rss-parser for feeds,
 * fast-xml-parser for sitemaps), and of a fixture with fixed dates for the Google News window.
 */
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-non-null-assertion --
 * Parsed XML and JSON-LD are untyped data, and a missing element should fail the test where it is read:
 * typing every parsed tree would only restate the assertions below. */
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAstro } from './helpers/astro.ts';
import { builtFile, htmlUrls, unresolved } from './helpers/built-urls.ts';
import { exampleDist, tmpRoot } from './helpers/paths.ts';
import { loadPage, SEED_PATH } from './helpers/site.ts';

const SITE = 'https://khabar.example/';
const SEED_URL = new URL(SEED_PATH, SITE).href;
const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['url', 'sitemap', 'item', 'category', 'image:image', 'dc:creator'].includes(name),
});
type Item = Parser.Item & {
  'content:encoded'?: string;
  'dc:creator'?: string;
  media?: { $: Record<string, string> };
};
const rss = new Parser<Record<string, unknown>, Item>({
  customFields: {
    item: ['content:encoded', 'dc:creator', ['media:content', 'media']],
    feed: ['language', 'lastBuildDate', 'image'],
  },
});
const read = (path: string, dist = exampleDist) => readFile(join(dist, path), 'utf8');
const feed = async (path: string, dist = exampleDist) => rss.parseString(await read(path, dist));

/** Every published article of the example: its canonical URL, section and dates, from its built page. */
async function exampleArticles() {
  const urls: { url: string; section: string; published: string; modified: string }[] = [];
  const index = xml.parse(await read('sitemap-0.xml')).urlset.url as { loc: string }[];
  for (const { loc } of index) {
    const { document } = await loadPage(new URL(loc).pathname);
    const published = document
      .querySelector('meta[property="article:published_time"]')
      ?.getAttribute('content');
    if (!published) continue;
    urls.push({
      url: document.querySelector('link[rel="canonical"]')!.getAttribute('href')!,
      section: new URL(loc).pathname.split('/')[1]!,
      published,
      modified: document.querySelector('meta[property="article:modified_time"]')!.getAttribute('content')!,
    });
  }
  return urls;
}

describe('the site feed /rss.xml', () => {
  it('is RSS 2.0 with language, a self link, a logo, the last build date and the RTL stylesheet', async () => {
    const text = await read('rss.xml');
    expect(text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><\?xml-stylesheet href="\/feed.xsl" type="text\/xsl"\?>/,
    );
    const channel = new XMLParser({ ignoreAttributes: false }).parse(text).rss.channel;
    expect(channel.title).toBe('خبر');
    expect(channel.link).toBe(SITE);
    expect(channel.language).toBe('ar-SY');
    expect(channel['atom:link']).toMatchObject({
      '@_href': `${SITE}rss.xml`,
      '@_rel': 'self',
      '@_type': 'application/rss+xml',
    });
    expect(channel.image).toMatchObject({ title: 'خبر', link: SITE });
    expect(builtFile(exampleDist, SITE, channel.image.url)).toBeTruthy();
    // The seed (1 December 2016, 14:20 Damascus) is the newest story.
    expect(channel.lastBuildDate).toBe('Thu, 01 Dec 2016 12:20:00 GMT');
  });

  it('carries the 15 published stories, newest first, with every field a reader needs', async () => {
    const parsed = await feed('rss.xml');
    expect(parsed.items).toHaveLength(15);
    const times = parsed.items.map((item) => Date.parse(item.pubDate!));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const item of parsed.items) {
      expect(item.title).toBeTruthy();
      expect(item.link).toMatch(/^https:\/\/khabar\.example\/[a-z]+\/[^/]+\/$/);
      expect(item.guid).toBe(item.link);
      expect(item.contentSnippet).toBeTruthy();
      expect(item['content:encoded']!.length).toBeGreaterThan(200);
      expect(item.categories!.length).toBeGreaterThan(1);
      expect(item['dc:creator']).toBeTruthy();
      expect(item.enclosure).toMatchObject({ type: expect.stringMatching(/^image\/(jpeg|png)$/) });
      expect(Number(item.enclosure!.length)).toBeGreaterThan(1000);
      expect(item.media?.$).toMatchObject({ medium: 'image', url: item.enclosure!.url });
    }
  });

  it('describes the seed story fully: date, section first, tags, author, picture', async () => {
    const seed = (await feed('rss.xml')).items.find((item) => item.link === SEED_URL)!;
    expect(seed.title).toBe(
      'روسيا تطالب الغرب بإحترام السيادة السورية .. وتعاون أمريكي محتمل لمكافحة الإرهاب',
    );
    expect(new Date(seed.pubDate!).toISOString()).toBe('2016-12-01T12:20:00.000Z');
    expect(seed.categories).toEqual(['سياسة', 'روسيا', 'سوريا', 'الولايات المتحدة', 'مكافحة الإرهاب']);
    expect(seed['dc:creator']).toBe('قسم الأخبار');
    expect(seed.media?.$).toMatchObject({ type: 'image/jpeg', width: '1600', height: '900' });
    // The enclosure's length is the size of the file the site serves.
    const file = builtFile(exampleDist, SITE, seed.enclosure!.url)!;
    expect(Number(seed.enclosure!.length)).toBe((await readFile(file)).length);
  });

  it('sanitises content:encoded and makes its links absolute', async () => {
    for (const item of (await feed('rss.xml')).items) {
      const html = item['content:encoded']!;
      expect(html).not.toMatch(/<(script|style|iframe)\b|\sclass=|\sstyle=|\son\w+=/i);
      for (const url of htmlUrls(html)) expect(url).toMatch(/^(https?:|mailto:|tel:)/);
    }
  });

  it('stories without a photo carry their social card', async () => {
    const storm = (await feed('rss.xml')).items.find((item) =>
      item.link?.includes('/storm-schools-closed/'),
    )!;
    expect(storm.enclosure).toMatchObject({ url: `${SITE}og/storm-schools-closed.png`, type: 'image/png' });
  });
});

describe('section and author feeds', () => {
  it('one feed per section, holding exactly the section’s stories', async () => {
    const articles = await exampleArticles();
    for (const section of ['politics', 'economy', 'sports', 'culture', 'technology']) {
      const parsed = await feed(`${section}/rss.xml`);
      const expected = articles
        .filter((a) => a.section === section)
        .map((a) => a.url)
        .sort();
      expect(parsed.items.map((item) => item.link).sort()).toEqual(expected);
      expect(
        parsed.feedUrl ?? xml.parse(await read(`${section}/rss.xml`)).rss.channel['atom:link']['@_href'],
      ).toBe(`${SITE}${section}/rss.xml`);
    }
  });

  it('one feed per author', async () => {
    const authors = await readdir(join(exampleDist, 'authors'));
    expect(authors.length).toBeGreaterThan(0);
    for (const author of authors) {
      const parsed = await feed(`authors/${author}/rss.xml`);
      expect(parsed.title).toContain('خبر');
      for (const item of parsed.items) expect(item.link).toMatch(/^https:\/\/khabar\.example\//);
    }
  });

  it('every URL in every feed resolves to a built file', async () => {
    const files = [
      'rss.xml',
      ...['politics', 'economy', 'sports', 'culture', 'technology'].map((s) => `${s}/rss.xml`),
    ];
    for (const author of await readdir(join(exampleDist, 'authors'))) files.push(`authors/${author}/rss.xml`);
    for (const file of files) {
      const text = await read(file);
      const urls = [...text.matchAll(/(?:<(?:link|guid|url)>|(?:url|href)=")(https?:\/\/[^<"]+)/g)].map(
        (m) => m[1]!,
      );
      for (const item of (await feed(file)).items) urls.push(...htmlUrls(item['content:encoded'] ?? ''));
      expect(urls.length).toBeGreaterThan(3);
      expect(
        unresolved(
          exampleDist,
          SITE,
          urls.filter((url) => url.startsWith(SITE)),
        ),
      ).toEqual([]);
    }
  });
});

describe('feed discovery and the stylesheet', () => {
  it('every page advertises the site feed, and section and article pages their section feed', async () => {
    const home = (await loadPage('/')).document;
    const links = (document: Document) =>
      [...document.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')].map((l) =>
        l.getAttribute('href'),
      );
    expect(links(home)).toEqual([`${SITE}rss.xml`]);
    expect(links((await loadPage('/economy/')).document)).toEqual([
      `${SITE}rss.xml`,
      `${SITE}economy/rss.xml`,
    ]);
    expect(links((await loadPage(SEED_PATH)).document)).toEqual([
      `${SITE}rss.xml`,
      `${SITE}politics/rss.xml`,
    ]);
  });

  it('feed.xsl is XSLT that turns the feed into a right-to-left Arabic page', async () => {
    const text = await read('feed.xsl');
    expect(xml.parse(text)['xsl:stylesheet']['@_version']).toBe('1.0');
    expect(text).toContain('<html lang="ar" dir="rtl">');
    expect(text).toContain('<xsl:for-each select="/rss/channel/item">');
  });
});

describe('sitemaps and robots.txt', () => {
  it('the index lists the pages sitemap and the Google News sitemap', async () => {
    const index = xml.parse(await read('sitemap-index.xml')).sitemapindex.sitemap as { loc: string }[];
    expect(index.map((s) => s.loc).sort()).toEqual([`${SITE}news-sitemap.xml`, `${SITE}sitemap-0.xml`]);
    expect(
      unresolved(
        exampleDist,
        SITE,
        index.map((s) => s.loc),
      ),
    ).toEqual([]);
  });

  it('lists every page once, all built, without the 404, drafts, feeds or cards', async () => {
    const urls = (xml.parse(await read('sitemap-0.xml')).urlset.url as { loc: string }[]).map((u) => u.loc);
    expect(new Set(urls).size).toBe(urls.length);
    expect(unresolved(exampleDist, SITE, urls)).toEqual([]);
    expect(urls).toContain(SITE);
    expect(urls).toContain(SEED_URL);
    expect(urls.some((url) => /404/.test(url))).toBe(false);
    expect(urls.some((url) => /winter-exam-results/.test(url))).toBe(false);
    expect(urls.some((url) => /\.(xml|png|xsl|txt)$/.test(url))).toBe(false);
    expect((await exampleArticles()).length).toBe(15);
  });

  it('gives articles lastmod from their update or publication, and their pictures as image entries', async () => {
    const entries = xml.parse(await read('sitemap-0.xml')).urlset.url as {
      loc: string;
      lastmod?: string;
      'image:image'?: { 'image:loc': string }[];
    }[];
    for (const article of await exampleArticles()) {
      const entry = entries.find((e) => e.loc === article.url)!;
      expect(entry, article.url).toBeTruthy();
      expect(entry.lastmod).toBe(new Date(article.modified).toISOString());
      const images = entry['image:image']!.map((i) => i['image:loc']);
      expect(images.length).toBeGreaterThan(0);
      expect(unresolved(exampleDist, SITE, images)).toEqual([]);
    }
    // The story updated on 1 December carries that instant, not its publication.
    const updated = (await exampleArticles()).filter((a) => a.modified !== a.published);
    expect(updated.length).toBeGreaterThan(0);
  });

  it('robots.txt points at the sitemap index and the news sitemap', async () => {
    const text = await read('robots.txt');
    expect(text).toContain(`Sitemap: ${SITE}sitemap-index.xml`);
    expect(text).toContain(`Sitemap: ${SITE}news-sitemap.xml`);
    expect(text).toMatch(/^User-agent: \*$/m);
  });

  it('an Arabic slug has one encoded form in canonical link, feed, sitemap and JSON-LD', async () => {
    const canonical = (await loadPage(SEED_PATH)).document
      .querySelector('link[rel="canonical"]')!
      .getAttribute('href');
    expect(canonical).toBe(SEED_URL);
    expect(SEED_URL).toMatch(/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/);
    const page = (await loadPage(SEED_PATH)).html;
    const everywhere = [
      await read('rss.xml'),
      await read('politics/rss.xml'),
      await read('sitemap-0.xml'),
      page,
    ].join('\n');
    // Whatever form a link to the seed takes, it is this one: never raw Arabic, never lowercase hex.
    const forms = new Set(
      [...everywhere.matchAll(/https:\/\/khabar\.example\/politics\/([^/"<#]+)\//g)]
        .map((m) => m[1]!)
        .filter((segment) => decodeURIComponent(segment).startsWith('روسيا')),
    );
    expect([...forms]).toEqual([SEED_PATH.split('/')[2]]);
  });
});

describe('the Google News sitemap of a fixture with fixed dates', () => {
  const fixture = new URL('./fixtures/news-window/', import.meta.url);
  // One folder per test process: another run of the suite in the same checkout must not share it.
  const root = join(tmpRoot, `news-window-${process.pid}`);
  const dist = join(root, 'dist');
  const SITE_BASE = 'https://window.example/news/';
  let output = '';

  beforeAll(async () => {
    await rm(root, { recursive: true, force: true });
    await cp(fixture, root, { recursive: true });
    const result = await runAstro(root, ['build'], { KHABAR_BUILD_TIME: '2016-12-02T08:00:00+02:00' });
    output = result.output;
    if (result.code !== 0) throw new Error(output);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('holds exactly the stories of the 48 hours before the build: no older, no future, no drafts', async () => {
    const urlset = xml.parse(await read('news-sitemap.xml', dist)).urlset;
    const urls = urlset.url as { loc: string; 'news:news': Record<string, unknown> }[];
    expect(urls.map((u) => u.loc)).toEqual([
      `${SITE_BASE}politics/just-now/`,
      `${SITE_BASE}${encodeURIComponent('اقتصاد')}/${encodeURIComponent('خبر-اقتصادي-عاجل')}/`,
      `${SITE_BASE}politics/window-edge/`,
    ]);
    expect(
      unresolved(
        dist,
        SITE_BASE,
        urls.map((u) => u.loc),
      ),
    ).toEqual([]);
    expect(urls[1]!['news:news']).toEqual({
      'news:publication': { 'news:name': 'نافذة', 'news:language': 'ar' },
      'news:publication_date': '2016-12-01T10:00:00+02:00',
      'news:title': 'خبر بعنوان عربي',
      'news:keywords': 'اختبار',
    });
  });

  it('is listed in the sitemap index under the base, and the index parses', async () => {
    const index = xml.parse(await read('sitemap-index.xml', dist)).sitemapindex.sitemap as { loc: string }[];
    expect(index.map((s) => s.loc)).toContain(`${SITE_BASE}news-sitemap.xml`);
    expect(
      unresolved(
        dist,
        SITE_BASE,
        index.map((s) => s.loc),
      ),
    ).toEqual([]);
    // Under a base path the site does not own the host's robots.txt, which crawlers read at the root.
    expect(existsSync(join(dist, 'robots.txt'))).toBe(false);
  });

  it('honours the feed length and the base in feeds; drafts stay out', async () => {
    const parsed = await feed('rss.xml', dist);
    expect(parsed.items.map((item) => item.title)).toEqual([
      'خبر من الغد',
      'خبر قبل دقيقة',
      'خبر بعنوان عربي',
    ]);
    const text = await read('rss.xml', dist);
    expect(text).toContain('<?xml-stylesheet href="/news/feed.xsl" type="text/xsl"?>');
    expect(text).not.toContain('مسودة');
    expect(await read('اقتصاد/rss.xml', dist)).toContain(
      `${SITE_BASE}${encodeURIComponent('اقتصاد')}/rss.xml`,
    );
    const content = parsed.items.find((item) => item.title === 'خبر بعنوان عربي')!['content:encoded']!;
    expect(content).toContain('href="https://window.example/news/politics/"');
    expect(content).toContain('href="https://example.org/"');
    expect(content).not.toContain('<script');
  });
});

describe('feed discovery on author pages', () => {
  it('advertises the author’s own feed beside the site’s', async () => {
    const { document } = await loadPage('/authors/layla-haddad/');
    const feeds = [...document.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')].map(
      (l) => l.getAttribute('href'),
    );
    expect(feeds).toEqual([
      'https://khabar.example/rss.xml',
      'https://khabar.example/authors/layla-haddad/rss.xml',
    ]);
  });
});
