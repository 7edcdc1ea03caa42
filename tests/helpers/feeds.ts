/**
 * Readers for the built feeds and sitemaps: real parsers (rss-parser for feeds, fast-xml-parser for
 * sitemaps), and the example's published articles as its sitemap and pages list them.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-non-null-assertion --
 * Parsed XML is untyped data, and a built page without its canonical link or dates should fail the test
 * where it is read. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { exampleDist } from './paths.ts';
import { loadPage, SEED_PATH } from './site.ts';

export const SITE = 'https://khabar.example/';
export const SEED_URL = new URL(SEED_PATH, SITE).href;
export const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['url', 'sitemap', 'item', 'category', 'image:image', 'dc:creator'].includes(name),
});
export type Item = Parser.Item & {
  'content:encoded'?: string;
  'dc:creator'?: string;
  media?: { $: Record<string, string> };
};
export const rss = new Parser<Record<string, unknown>, Item>({
  customFields: {
    item: ['content:encoded', 'dc:creator', ['media:content', 'media']],
    feed: ['language', 'lastBuildDate', 'image'],
  },
});
export const read = (path: string, dist = exampleDist) => readFile(join(dist, path), 'utf8');
export const feed = async (path: string, dist = exampleDist) => rss.parseString(await read(path, dist));

/**
 * Every published article of one edition of the example (the Arabic one unless `lang` names another):
 * its canonical URL, section, language and dates, from its built page.
 */
export async function exampleArticles(lang = 'ar') {
  const urls: { url: string; section: string; lang: string; published: string; modified: string }[] = [];
  const index = xml.parse(await read('sitemap-0.xml')).urlset.url as { loc: string }[];
  for (const { loc } of index) {
    const { document } = await loadPage(new URL(loc).pathname);
    const published = document
      .querySelector('meta[property="article:published_time"]')
      ?.getAttribute('content');
    if (!published || document.documentElement.getAttribute('lang') !== lang) continue;
    // Another edition's pages are under its prefix: /en/<section>/<story>/.
    const segments = new URL(loc).pathname.split('/').filter(Boolean);
    urls.push({
      url: document.querySelector('link[rel="canonical"]')!.getAttribute('href')!,
      section: (lang === 'ar' ? segments[0] : segments[1])!,
      lang,
      published,
      // An unchanged story has no modified time: it was last changed when it was published.
      modified:
        document.querySelector('meta[property="article:modified_time"]')?.getAttribute('content') ??
        published,
    });
  }
  return urls;
}
