/**
 * URLs of the newsroom's pages. Every URL the theme writes goes through these functions, so an Arabic
 * slug is written in one form everywhere: percent-encoded UTF-8 with uppercase hex.
 */
import { fillPattern, PATHS } from './routes.ts';

export const ARTICLE_TOKENS = ['section', 'slug', 'year', 'month', 'day'] as const;
export type ArticleToken = (typeof ARTICLE_TOKENS)[number];

export interface ParsedArticlePattern {
  /** The pattern as written, e.g. `/{section}/{slug}`. */
  pattern: string;
  /** The tokens in the order they appear. */
  tokens: ArticleToken[];
  /** The Astro route pattern, e.g. `/[section]/[slug]`. */
  route: string;
}

/**
 * Checks an article URL pattern and turns it into an Astro route.
 * @example parseArticlePattern('/{section}/{slug}').route // '/[section]/[slug]'
 */
export function parseArticlePattern(pattern: string): ParsedArticlePattern {
  if (!pattern.startsWith('/')) {
    throw new Error(`the article pattern "${pattern}" must start with "/", e.g. "/{section}/{slug}"`);
  }
  const segments = pattern.split('/').filter(Boolean);
  const tokens: ArticleToken[] = [];
  const route = segments.map((segment) => {
    const match = /^\{(\w+)\}$/.exec(segment);
    if (match) {
      const token = match[1] as ArticleToken;
      if (!ARTICLE_TOKENS.includes(token)) {
        throw new Error(
          `"{${match[1]}}" in the article pattern is not a known token; use ${ARTICLE_TOKENS.map((t) => `{${t}}`).join(', ')}`,
        );
      }
      if (tokens.includes(token)) throw new Error(`"{${token}}" appears twice in the article pattern`);
      tokens.push(token);
      return `[${token}]`;
    }
    if (/[{}[\]]/.test(segment)) {
      throw new Error(
        `the segment "${segment}" of the article pattern mixes text and a token; give each token a segment of its own`,
      );
    }
    if (!/^[\p{L}\p{N}._~-]+$/u.test(segment)) {
      throw new Error(
        `the segment "${segment}" of the article pattern has characters a URL segment cannot hold`,
      );
    }
    return segment;
  });
  if (segments.length < 2) {
    throw new Error(
      `the article pattern "${pattern}" has one segment and would clash with section pages; use at least two, e.g. "/{section}/{slug}" or "/news/{slug}"`,
    );
  }
  if (!tokens.includes('slug')) {
    throw new Error(`the article pattern "${pattern}" must contain {slug}, e.g. "/{section}/{slug}"`);
  }
  return { pattern, tokens, route: '/' + route.join('/') };
}

/** What an article contributes to its URL. */
export interface ArticleUrlParts {
  slug: string;
  section: string;
  /** Calendar date of publication in the newsroom's zone. */
  date: { year: string; month: string; day: string };
}

/**
 * The route params of an article for `getStaticPaths` (not encoded: Astro encodes file names itself).
 * @example articleParams(parseArticlePattern('/{year}/{slug}'), parts) // { year: '2016', slug: 'abc' }
 */
export function articleParams(parsed: ParsedArticlePattern, parts: ArticleUrlParts): Record<string, string> {
  const params: Record<string, string> = {};
  for (const token of parsed.tokens) {
    params[token] = token === 'slug' || token === 'section' ? parts[token] : parts.date[token];
  }
  return params;
}

/**
 * Percent-encodes each segment of a path (once: an already-encoded segment is decoded first).
 * @example encodePath('/سياسة/خبر') // '/%D8%B3%D9%8A…/%D8%AE%D8%A8%D8%B1'
 */
export function encodePath(path: string): string {
  return (
    path
      .split('/')
      // NFC first: a slug typed with decomposed letters must get the same URL as the composed one.
      .map((segment) => encodeURIComponent(safeDecode(segment).normalize('NFC')))
      .join('/')
  );
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Joins the site's base path and a page path, with a trailing slash, encoded.
 * @example pagePath('/news/', '/politics') // '/news/politics/'
 */
export function pagePath(base: string, path: string): string {
  const joined = `/${base}/${path}/`.replace(/\/{2,}/g, '/');
  return encodePath(joined);
}

/**
 * The path of an article page, encoded, under the site's base.
 * @example articlePath('/', parseArticlePattern('/{section}/{slug}'), parts) // '/politics/%D8%B1…/'
 */
export function articlePath(base: string, parsed: ParsedArticlePattern, parts: ArticleUrlParts): string {
  const params = articleParams(parsed, parts);
  const path = parsed.route.replace(/\[(\w+)\]/g, (_, token: string) => params[token] ?? '');
  return pagePath(base, path);
}

/** The path of a section's page. */
export function sectionPath(base: string, section: string): string {
  return pagePath(base, fillPattern('/[section]', { section }));
}

/** The path of a tag's page. */
export function tagPath(base: string, tag: string): string {
  return pagePath(base, fillPattern(`/${PATHS.tags}/[tag]`, { tag }));
}

/** The path of an author's page. */
export function authorPath(base: string, author: string): string {
  return pagePath(base, fillPattern(`/${PATHS.authors}/[author]`, { author }));
}

/** The path of the search page. */
export function searchPath(base: string): string {
  return pagePath(base, `/${PATHS.search}`);
}

/**
 * The encoded path of a file the theme publishes under the base (no trailing slash).
 * @example filePathUnder('/news/', 'politics/rss.xml') // '/news/politics/rss.xml'
 */
export function filePathUnder(base: string, path: string): string {
  return encodePath(`/${base}/${path}`.replace(/\/{2,}/g, '/'));
}

/** The feeds the theme writes: the site's, a section's and an author's. */
export type FeedOf = { site: true } | { section: string } | { author: string };

/**
 * The path (under the base, unencoded) of a feed.
 * @example feedFile({ section: 'politics' }) // 'politics/rss.xml'
 */
export function feedFile(of: FeedOf): string {
  if ('section' in of) return `${of.section}/${PATHS.feed}`;
  if ('author' in of) return `${PATHS.authors}/${of.author}/${PATHS.feed}`;
  return PATHS.feed;
}

/** The path (under the base, unencoded) of a story's social card. */
export function cardFile(id: string): string {
  return `${PATHS.socialCards}/${id}.png`;
}

/** An absolute URL for a path on the site (for canonical links, feeds and shares). */
export function absoluteUrl(site: URL | string | undefined, path: string): string {
  if (!site) return path;
  return new URL(path, site).href;
}

/**
 * A URL with its percent-encoded UTF-8 written as the characters it stands for (its IRI form), for what a reader or a machine reads in the page rather than fetches: the
 * canonical `https://news.example/%D8%AE/` becomes `https://news.example/خ/`. Only runs of bytes at or
 * above 0x80 are decoded, so an encoded `/`, `?`, `#` or `%` keeps its meaning; any URL parser maps the
 * result back to the same URL.
 * @example iri('https://news.example/politics/%D8%AE%D8%A8%D8%B1/') // 'https://news.example/politics/خبر/'
 */
export function iri(url: string): string {
  return url.replace(/(?:%[89A-F][0-9A-F])+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run; // not UTF-8: left encoded
    }
  });
}
