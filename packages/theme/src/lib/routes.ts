/**
 * The theme's one route table: every page and file the theme publishes, with its Astro pattern, its route
 * file and what it lists. Route injection, the URL builders (`lib/urls.ts`), the sitemap, robots.txt and
 * the reserved-slug check all derive from it, so a path is written in one place.
 */

/** What a route's pages show: the sitemap lists page kinds, never files. */
export type RouteKind =
  'home' | 'article' | 'section' | 'tag' | 'author' | 'archive' | 'search' | 'not-found' | 'feed' | 'file';

export interface ThemeRoute {
  /** Astro's route pattern, e.g. `/tags/[tag]`. */
  pattern: string;
  /** The route file, relative to the theme's root. */
  entrypoint: string;
  /** What the route's pages show. */
  kind: RouteKind;
  /** Later pages of a listing (`…/page/[page]`). */
  paged?: boolean;
}

/** Which optional routes a site has: the options that turn routes on and off. */
export interface RouteOptions {
  /** The article page's Astro pattern, from `routes.article` (e.g. `/[section]/[slug]`). */
  article: string;
  search: boolean;
  sectionFeeds: boolean;
  authorFeeds: boolean;
  newsSitemap: boolean;
  socialCards: boolean;
  /** The theme draws a PNG publisher logo (no logo, or an SVG one, was configured). */
  publisherLogo: boolean;
  robots: boolean;
  /** The theme completes the sitemap: it computes each page's facts during the build. */
  sitemapFacts: boolean;
}

/** The theme's fixed paths: the first segments of its pages and files. */
export const PATHS = {
  tags: 'tags',
  authors: 'authors',
  page: 'page',
  archive: 'archive',
  search: 'search',
  notFound: '404',
  feed: 'rss.xml',
  feedStylesheet: 'feed.xsl',
  newsSitemap: 'news-sitemap.xml',
  sitemapIndex: 'sitemap-index.xml',
  socialCards: 'og',
  publisherLogo: 'publisher-logo.png',
  robots: 'robots.txt',
  /** Files the build writes for the theme's own hooks and removes before publishing. */
  buildData: '_khabar',
} as const;

/** Folders other tools write at the root of the built site: a section may not take their names. */
const OTHER_ROOT_NAMES = ['pagefind', '_astro', '_khabar-comments', '_image', '_server-islands'];

/** The file of sitemap facts under `PATHS.buildData` (see `routes/sitemap-facts.json.ts`). */
export const SITEMAP_FACTS = 'sitemap-facts.json';

/**
 * Every route the theme injects for a site, in injection order.
 * @example routeTable(options).map((r) => r.pattern) // ['/', '/[section]/[slug]', '/[section]', …]
 */
export function routeTable(options: RouteOptions): ThemeRoute[] {
  const { tags, authors, page, archive } = PATHS;
  const routes: (ThemeRoute | false)[] = [
    { pattern: '/', entrypoint: 'src/routes/index.astro', kind: 'home' },
    { pattern: options.article, entrypoint: 'src/routes/article.astro', kind: 'article' },
    { pattern: '/[section]', entrypoint: 'src/routes/section.astro', kind: 'section' },
    {
      pattern: `/[section]/${page}/[page]`,
      entrypoint: 'src/routes/section.astro',
      kind: 'section',
      paged: true,
    },
    { pattern: `/${tags}/[tag]`, entrypoint: 'src/routes/tag.astro', kind: 'tag' },
    {
      pattern: `/${tags}/[tag]/${page}/[page]`,
      entrypoint: 'src/routes/tag.astro',
      kind: 'tag',
      paged: true,
    },
    { pattern: `/${authors}/[author]`, entrypoint: 'src/routes/author.astro', kind: 'author' },
    {
      pattern: `/${authors}/[author]/${page}/[page]`,
      entrypoint: 'src/routes/author.astro',
      kind: 'author',
      paged: true,
    },
    { pattern: `/${archive}`, entrypoint: 'src/routes/archive.astro', kind: 'archive' },
    { pattern: `/${archive}/[year]`, entrypoint: 'src/routes/archive-year.astro', kind: 'archive' },
    { pattern: `/${archive}/[year]/[month]`, entrypoint: 'src/routes/archive-month.astro', kind: 'archive' },
    {
      pattern: `/${archive}/[year]/[month]/${page}/[page]`,
      entrypoint: 'src/routes/archive-month.astro',
      kind: 'archive',
      paged: true,
    },
    options.search && { pattern: `/${PATHS.search}`, entrypoint: 'src/routes/search.astro', kind: 'search' },
    { pattern: `/${PATHS.notFound}`, entrypoint: 'src/routes/404.astro', kind: 'not-found' },
    { pattern: `/${PATHS.feed}`, entrypoint: 'src/routes/rss.xml.ts', kind: 'feed' },
    options.sectionFeeds && {
      pattern: `/[section]/${PATHS.feed}`,
      entrypoint: 'src/routes/section-rss.xml.ts',
      kind: 'feed',
    },
    options.authorFeeds && {
      pattern: `/${authors}/[author]/${PATHS.feed}`,
      entrypoint: 'src/routes/author-rss.xml.ts',
      kind: 'feed',
    },
    { pattern: `/${PATHS.feedStylesheet}`, entrypoint: 'src/routes/feed.xsl.ts', kind: 'file' },
    options.newsSitemap && {
      pattern: `/${PATHS.newsSitemap}`,
      entrypoint: 'src/routes/news-sitemap.xml.ts',
      kind: 'file',
    },
    options.socialCards && {
      pattern: `/${PATHS.socialCards}/[...id].png`,
      entrypoint: 'src/routes/social-card.png.ts',
      kind: 'file',
    },
    options.publisherLogo && {
      pattern: `/${PATHS.publisherLogo}`,
      entrypoint: 'src/routes/publisher-logo.png.ts',
      kind: 'file',
    },
    options.robots && { pattern: `/${PATHS.robots}`, entrypoint: 'src/routes/robots.txt.ts', kind: 'file' },
    options.sitemapFacts && {
      pattern: `/${PATHS.buildData}/${SITEMAP_FACTS}`,
      entrypoint: 'src/routes/sitemap-facts.json.ts',
      kind: 'file',
    },
  ];
  return routes.filter((route): route is ThemeRoute => route !== false);
}

/** Every optional route on, with the default article pattern. */
export const EVERY_ROUTE: Readonly<RouteOptions> = {
  article: '/[section]/[slug]',
  search: true,
  sectionFeeds: true,
  authorFeeds: true,
  newsSitemap: true,
  socialCards: true,
  publisherLogo: true,
  robots: true,
  sitemapFacts: true,
};

/** Every route a site could have, whatever its options: what a section's slug must not collide with. */
const ALL_ROUTES = routeTable(EVERY_ROUTE);

/**
 * The first path segments a section's slug may not take: those of the theme's routes and files, and the
 * folders Astro and Pagefind write at the site's root.
 */
export const RESERVED_SLUGS: readonly string[] = [
  ...new Set([
    ...ALL_ROUTES.map((route) => route.pattern.split('/')[1] ?? '').filter(
      (segment) => segment !== '' && !segment.startsWith('['),
    ),
    PATHS.sitemapIndex,
    ...OTHER_ROOT_NAMES,
  ]),
];

/** Whether pages of this kind belong in the sitemap (pages for readers; not files, feeds or the 404). */
export function listedInSitemap(kind: RouteKind): boolean {
  return kind !== 'not-found' && kind !== 'feed' && kind !== 'file';
}

/**
 * The pages (static patterns) the sitemap must leave out, whatever the options: the 404 page. Files and
 * feeds are left out by their names.
 */
export const UNLISTED_PAGES: readonly string[] = ALL_ROUTES.filter(
  (route) => !listedInSitemap(route.kind) && route.kind !== 'file' && route.kind !== 'feed',
).map((route) => route.pattern);

/**
 * A route pattern with its parameters filled in (not encoded; `pagePath` encodes).
 * @example fillPattern('/tags/[tag]', { tag: 'نفط' }) // '/tags/نفط'
 * @throws when the pattern names a parameter that `params` lacks.
 */
export function fillPattern(pattern: string, params: Readonly<Record<string, string>>): string {
  return pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`the route "${pattern}" needs a value for [${name}]`);
    return value;
  });
}
