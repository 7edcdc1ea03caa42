/**
 * Feeds of the built example newsroom, read with rss-parser: the site's, sections' and authors' feeds,
 * their discovery links and the RTL stylesheet. Sitemaps are in sitemaps.test.ts.
 */
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-non-null-assertion --
 * Parsed XML and JSON-LD are untyped data, and a missing element should fail the test where it is read:
 * typing every parsed tree would only restate the assertions below. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { builtFile, htmlUrls, unresolved } from './helpers/built-urls.ts';
import { exampleArticles, feed, read, SEED_URL, SITE, xml } from './helpers/feeds.ts';
import { publishedStories } from './helpers/newsroom.ts';
import { exampleDist } from './helpers/paths.ts';
import { loadPage, SEED_PATH } from './helpers/site.ts';

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
    // The newest publication or update among the items: the example's live story's last update
    // (17:40 Damascus, after the seed's 14:20), or whatever story is newer.
    const items = (channel.item as { pubDate: string; 'atom:updated'?: string }[]).flatMap((item) => [
      Date.parse(item.pubDate),
      ...(item['atom:updated'] ? [Date.parse(item['atom:updated'])] : []),
    ]);
    expect(Date.parse(channel.lastBuildDate as string)).toBe(Math.max(...items));
    expect(Date.parse(channel.lastBuildDate as string)).toBeGreaterThanOrEqual(
      Date.parse('2016-12-01T17:40:00+02:00'),
    );
  });

  it('carries every published story, newest first, with every field a reader needs', async () => {
    const parsed = await feed('rss.xml');
    // The feed's 20 newest (seo.feeds.items), or every story while the example has fewer.
    expect(parsed.items).toHaveLength(Math.min(20, (await publishedStories()).length));
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
    // Its length is the size of the card the site serves (a card is drawn, not read back, for its feeds).
    const card = builtFile(exampleDist, SITE, storm.enclosure!.url)!;
    expect(Number(storm.enclosure!.length)).toBe((await readFile(card)).length);
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
