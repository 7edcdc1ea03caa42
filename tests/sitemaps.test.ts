/**
 * Sitemaps and robots.txt of the built example newsroom, read with fast-xml-parser, and the Google News
 * sitemap of a fixture with fixed dates.
 */
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-non-null-assertion --
 * Parsed XML and JSON-LD are untyped data, and a missing element should fail the test where it is read:
 * typing every parsed tree would only restate the assertions below. */
import { existsSync } from 'node:fs';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAstro } from './helpers/astro.ts';
import { unresolved } from './helpers/built-urls.ts';
import { exampleArticles, feed, read, SEED_URL, SITE, xml } from './helpers/feeds.ts';
import { publishedStories } from './helpers/newsroom.ts';
import { exampleDist, tmpRoot } from './helpers/paths.ts';
import { loadPage, SEED_PATH } from './helpers/site.ts';

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
    expect((await exampleArticles()).length).toBe((await publishedStories()).length);
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

  it('gives the home page and each section page the lastmod of their newest story', async () => {
    const entries = xml.parse(await read('sitemap-0.xml')).urlset.url as { loc: string; lastmod?: string }[];
    const articles = await exampleArticles();
    const newest = (list: typeof articles) =>
      new Date(Math.max(...list.map((a) => new Date(a.modified).getTime()))).toISOString();
    expect(entries.find((e) => e.loc === SITE)?.lastmod).toBe(newest(articles));
    for (const section of new Set(articles.map((a) => a.section))) {
      const entry = entries.find((e) => e.loc === `${SITE}${section}/`);
      expect(entry?.lastmod, section).toBe(newest(articles.filter((a) => a.section === section)));
    }
    // Pages that list no stories say nothing of their last change.
    expect(entries.find((e) => e.loc === `${SITE}archive/`)?.lastmod).toBeUndefined();
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
    const { document, html } = await loadPage(SEED_PATH);
    // The share box's copy field is for a reader to paste: it holds the IRI (the Arabic as words), which
    // any URL parser reads as the canonical address. Every link a machine follows has the one encoded form.
    const copy = document.querySelector('.khabar-share__url')?.getAttribute('value') ?? '';
    expect(copy).toMatch(/^https:\/\/khabar\.example\/politics\/روسيا/);
    expect(new URL(copy).href).toBe(SEED_URL);
    const page = html.replaceAll(copy, '');
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
    // `base: '/news'` has no trailing slash: the path the site owner is told to list still has one.
    expect(output).toContain("Point your host's robots.txt at /news/sitemap-index.xml.");
  });

  it('honours the feed length and the base in feeds; drafts and stories scheduled later stay out', async () => {
    const parsed = await feed('rss.xml', dist);
    expect(parsed.items.map((item) => item.title)).toEqual([
      'خبر قبل دقيقة',
      'خبر بعنوان عربي',
      'خبر عند حافة النافذة',
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
