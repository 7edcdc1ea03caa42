/**
 * Sitemap logic: which pages `@astrojs/sitemap` lists and with what, and the Google News sitemap.
 * Pure: the integration hands in built HTML and articles; nothing here reads files or the clock.
 */
import { Readable } from 'node:stream';
import { SitemapStream, streamToPromise, type SitemapItemLoose } from 'sitemap';

/** What the sitemap learns about a built page from the JSON-LD and robots meta the theme wrote into it. */
export interface PageData {
  /** The page asked search engines not to index it. */
  noindex: boolean;
  /** ISO instant of the last change (a story's `dateModified`). */
  lastmod?: string | undefined;
  /** Absolute URLs of the story's pictures. */
  images: string[];
}

const JSON_LD = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/g;
const NOINDEX = /<meta name="robots" content="[^"]*noindex/;

function imageUrls(image: unknown): string[] {
  const list = Array.isArray(image) ? image : image ? [image] : [];
  return list
    .map((entry: unknown) => (typeof entry === 'string' ? entry : (entry as { url?: unknown } | null)?.url))
    .filter((url): url is string => typeof url === 'string');
}

/**
 * Reads a built page's structured data. The theme escapes `<` inside its JSON-LD
 * (`serializeJsonLd`), so the first `</script>` closes each block.
 */
export function pageDataFromHtml(html: string): PageData {
  const data: PageData = { noindex: NOINDEX.test(html), images: [] };
  for (const match of html.matchAll(JSON_LD)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(match[1] ?? '');
    } catch {
      continue;
    }
    for (const node of Array.isArray(parsed) ? parsed : [parsed]) {
      const item = node as Record<string, unknown>;
      if (item['@type'] !== 'NewsArticle') continue;
      const modified = item['dateModified'] ?? item['datePublished'];
      if (typeof modified === 'string') data.lastmod = modified;
      data.images.push(...imageUrls(item['image']));
    }
  }
  data.images = [...new Set(data.images)];
  return data;
}

/** A sitemap entry as `@astrojs/sitemap` passes it to `serialize` (image entries ride along). */
export interface SitemapEntry {
  url: string;
  lastmod?: string | undefined;
  img?: { url: string }[] | undefined;
  [key: string]: unknown;
}

/**
 * Completes one `@astrojs/sitemap` entry from its built page: `lastmod` from the story's update or
 * publication instant, its pictures as image entries; a `noindex` page (the 404) is dropped.
 * @param readPage returns the built HTML of a URL, or `undefined` when there is none.
 */
export function serializeSitemapEntry<T extends SitemapEntry>(
  entry: T,
  readPage: (url: string) => string | undefined,
): T | undefined {
  const html = readPage(entry.url);
  if (html === undefined) return entry;
  const page = pageDataFromHtml(html);
  if (page.noindex) return undefined;
  return {
    ...entry,
    ...(page.lastmod && { lastmod: new Date(page.lastmod).toISOString() }),
    ...(page.images.length > 0 && { img: page.images.map((url) => ({ url })) }),
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
 * cannot pass it `customSitemaps`). Returns the index unchanged when it already lists the URL.
 */
export function addToSitemapIndex(indexXml: string, sitemapUrl: string): string {
  const loc = `<loc>${sitemapUrl.replace(/&/g, '&amp;')}</loc>`;
  if (indexXml.includes(loc)) return indexXml;
  return indexXml.replace('</sitemapindex>', `<sitemap>${loc}</sitemap></sitemapindex>`);
}

/**
 * `robots.txt`: everything open, and where the sitemaps are (absolute URLs; undefined ones are skipped).
 * @example robotsTxt(['https://k.example/sitemap-index.xml']) // 'User-agent: *\nAllow: /\n\nSitemap: https://k.example/sitemap-index.xml\n'
 */
export function robotsTxt(sitemapUrls: readonly (string | undefined)[]): string {
  const lines = ['User-agent: *', 'Allow: /'];
  const sitemaps = sitemapUrls.filter((url): url is string => Boolean(url));
  if (sitemaps.length) lines.push('', ...sitemaps.map((url) => `Sitemap: ${url}`));
  return `${lines.join('\n')}\n`;
}
