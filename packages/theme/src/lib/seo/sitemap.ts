/**
 * Sitemap logic: what `@astrojs/sitemap` says of each page, and the Google News sitemap. Pure: computed
 * from the stories (never read back out of built pages); nothing here reads files or the clock.
 */
import { Readable } from 'node:stream';
import {
  parseSitemapIndex,
  SitemapIndexStream,
  SitemapStream,
  streamToPromise,
  type SitemapItemLoose,
} from 'sitemap';

/** What the sitemap says of one page beyond its URL, computed from the content. */
export interface PageFacts {
  /** ISO instant of the last change: a story's update or publication; a listing's newest story. */
  lastmod?: string | undefined;
  /** Absolute URLs of the page's pictures (a story's crops, or its social card). */
  images?: string[] | undefined;
  /** The page's versions in the site's editions, `x-default` among them (`lib/editions.ts`). */
  links?: { hreflang: string; href: string }[] | undefined;
}

/** The facts of every page that has any, by absolute URL: what the build's facts endpoint writes. */
export type SitemapFacts = Record<string, PageFacts>;

/** The build's facts file (`routes/sitemap-facts.json.ts`). */
export interface SitemapFactsFile {
  facts: SitemapFacts;
  /** Absolute URLs of every page for readers when some are rendered on request (else empty). */
  pages: string[];
}

/** A story as the sitemap sees it. */
export interface SitemapStory {
  /** Absolute URL of the story's page. */
  url: string;
  published: Date;
  updated?: Date | undefined;
  /** Absolute URLs of its pictures. */
  images: readonly string[];
  /** Absolute URLs of the listing pages that show it (home, its section, tags, authors). */
  listedOn: readonly string[];
}

/**
 * The sitemap's facts from the stories themselves: each story's `lastmod` (its update, else its
 * publication) and pictures; each listing page's `lastmod` is that of its newest story.
 */
export function sitemapFacts(stories: readonly SitemapStory[]): SitemapFacts {
  const facts: SitemapFacts = {};
  const newest = new Map<string, number>();
  for (const story of stories) {
    const changed = (story.updated ?? story.published).getTime();
    facts[story.url] = {
      lastmod: new Date(changed).toISOString(),
      ...(story.images.length > 0 && { images: [...new Set(story.images)] }),
    };
    for (const listing of story.listedOn) {
      newest.set(listing, Math.max(newest.get(listing) ?? 0, changed));
    }
  }
  for (const [url, time] of newest) {
    facts[url] = { ...facts[url], lastmod: new Date(time).toISOString() };
  }
  return facts;
}

/** A sitemap entry as `@astrojs/sitemap` passes it to `serialize` (image entries ride along). */
export interface SitemapEntry {
  url: string;
  lastmod?: string | undefined;
  img?: { url: string }[] | undefined;
  links?: { url: string; lang: string }[] | undefined;
  [key: string]: unknown;
}

/**
 * Completes one `@astrojs/sitemap` entry from the facts computed from the content: `lastmod` and the
 * pictures as image entries. A page without facts is left as it is.
 */
export function serializeSitemapEntry<T extends SitemapEntry>(entry: T, facts: Readonly<SitemapFacts>): T {
  const page = facts[entry.url];
  if (!page) return entry;
  return {
    ...entry,
    ...(page.lastmod && { lastmod: page.lastmod }),
    ...(page.images?.length && { img: page.images.map((url) => ({ url })) }),
    ...(page.links?.length && {
      links: page.links.map(({ hreflang, href }) => ({ lang: hreflang, url: href })),
    }),
  };
}

/**
 * The stories for the Google News sitemap: published in the `hours` before `now` (none from the
 * future), newest first, at most `limit`.
 */
export function recentArticles<T>(
  articles: readonly T[],
  published: (article: T) => Date,
  now: Date,
  hours: number,
  limit: number,
): T[] {
  const end = now.getTime();
  const start = end - hours * 3_600_000;
  return articles
    .filter((article) => {
      const time = published(article).getTime();
      return time > start && time <= end;
    })
    .sort((a, b) => published(b).getTime() - published(a).getTime())
    .slice(0, limit);
}

export interface NewsEntry {
  /** Absolute, encoded URL of the article. */
  url: string;
  title: string;
  /** ISO 8601 with the newsroom's offset. */
  published: string;
  keywords?: readonly string[] | undefined;
}

export interface Publication {
  name: string;
  /** ISO 639 code: `ar` (Google News takes the language only, except zh-cn/zh-tw). */
  language: string;
}

/** The publication language Google News expects for a BCP 47 locale. */
export function newsLanguage(locale: string): string {
  const parsed = new Intl.Locale(locale);
  if (parsed.language === 'zh') return parsed.script === 'Hant' || parsed.region === 'TW' ? 'zh-tw' : 'zh-cn';
  return parsed.language;
}

/** The Google News sitemap's items. */
export function newsSitemapItems(
  entries: readonly NewsEntry[],
  publication: Publication,
): SitemapItemLoose[] {
  return entries.map((entry) => ({
    url: entry.url,
    news: {
      publication: { name: publication.name, language: publication.language },
      publication_date: entry.published,
      title: entry.title,
      ...(entry.keywords?.length && { keywords: entry.keywords.join(', ') }),
    },
  }));
}

/** The Google News sitemap XML, written by the `sitemap` package that `@astrojs/sitemap` uses. */
export async function renderNewsSitemap(
  items: readonly SitemapItemLoose[],
  hostname: string,
): Promise<string> {
  // The `sitemap` package refuses to end an empty stream; no story in the window is an empty urlset.
  if (items.length === 0) {
    return '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"></urlset>';
  }
  const stream = new SitemapStream({
    hostname,
    xmlns: { news: true, xhtml: false, image: false, video: false },
  });
  const done = streamToPromise(Readable.from(items).pipe(stream));
  return (await done).toString('utf8');
}

/**
 * Adds a sitemap to a sitemap index (when the site brought its own `@astrojs/sitemap`, the theme
 * cannot pass it `customSitemaps`), read and written by the `sitemap` package. Returns the index
 * unchanged when it already lists the URL.
 */
export async function addToSitemapIndex(indexXml: string, sitemapUrl: string): Promise<string> {
  const entries = await parseSitemapIndex(Readable.from([indexXml]));
  if (entries.some((entry) => entry.url === sitemapUrl)) return indexXml;
  const stream = new SitemapIndexStream();
  const done = streamToPromise(Readable.from([...entries, { url: sitemapUrl }]).pipe(stream));
  return (await done).toString('utf8');
}

/**
 * `robots.txt`: everything open but the `disallow` paths (the web editor), and where the sitemaps are
 * (absolute URLs; undefined ones are skipped).
 * @example robotsTxt(['https://k.example/sitemap-index.xml']) // 'User-agent: *\nAllow: /\n\nSitemap: https://k.example/sitemap-index.xml\n'
 * @example robotsTxt([], ['/admin/']) // 'User-agent: *\nAllow: /\nDisallow: /admin/\n'
 */
export function robotsTxt(
  sitemapUrls: readonly (string | undefined)[],
  disallow: readonly string[] = [],
): string {
  const lines = ['User-agent: *', 'Allow: /', ...disallow.map((path) => `Disallow: ${path}`)];
  const sitemaps = sitemapUrls.filter((url): url is string => Boolean(url));
  if (sitemaps.length) lines.push('', ...sitemaps.map((url) => `Sitemap: ${url}`));
  return `${lines.join('\n')}\n`;
}
