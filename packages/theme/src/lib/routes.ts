/**
 * The theme's one route table: every page and file the theme publishes, with its Astro pattern, its route
 * file and what it lists. Route injection, the URL builders (`lib/urls.ts`), the sitemap, robots.txt and
 * the reserved-slug check all derive from it, so a path is written in one place.
 */

/** What a route's pages show: the sitemap lists page kinds, never files. */
export type RouteKind =
  | 'home'
  | 'article'
  | 'section'
  | 'tag'
  | 'author'
  | 'archive'
  | 'opinion'
  | 'search'
  | 'not-found'
  | 'feed'
  | 'file'
  /** The web editor (`cms`): for the newsroom, never for readers, crawlers or the sitemap. */
  | 'admin';

/**
 * How a route's pages are made under each `rendering.prerender` mode (see `routeRendering`): stories,
 * the first pages a reader lands on, the deep archive, pages that follow the clock, files, and pages
 * made of the request itself (always on request: the server's search results).
 */
export type RouteGroup = 'story' | 'first-page' | 'archive' | 'timely' | 'file' | 'request';

/** What `rendering.prerender` a site chose. */
export type PrerenderMode = 'all' | 'recent' | 'none';

export interface ThemeRoute {
  /** Astro's route pattern, e.g. `/tags/[tag]`. */
  pattern: string;
  /** The route file, relative to the theme's root. */
  entrypoint: string;
  /** What the route's pages show. */
  kind: RouteKind;
  /** How its pages are made in each rendering mode. */
  group: RouteGroup;
  /**
   * For a route with params: the file that renders its pages on request (`src/routes/on-demand/`),
   * looking the route's props up by the request's params.
   */
  onDemand?: string;
  /** The numbered pages of a listing (`…/pages/[page]`, counted from the oldest). */
  paged?: boolean;
  /**
   * The old addresses of a listing's later pages (`…/page/[page]`, counted from the newest), which now
   * redirect to the numbered page holding the same stories: not pages for readers or the sitemap.
   */
  redirect?: boolean;
}

const DAY = 86_400_000;

/**
 * Whether a story published at `time` (ms) has its page built ahead under a rendering mode: always with
 * `'all'`, never with `'none'`, and with `'recent'` when published `recentDays` or less before the clock.
 * The content loader (which keeps the others without their body) and the article route both ask here.
 * @example storyBuiltAhead(Date.parse('2016-12-01'), new Date('2016-12-02'), { prerender: 'recent', recentDays: 2 }) // true
 */
export function storyBuiltAhead(
  time: number,
  clock: Date,
  { prerender, recentDays }: { prerender: PrerenderMode; recentDays: number },
): boolean {
  if (prerender === 'all') return true;
  if (prerender === 'none') return false;
  return time >= clock.getTime() - recentDays * DAY;
}

/** How a route's pages are made: all built ahead, all on request, or some ahead and the rest on request. */
export type RouteRendering = 'prerender' | 'on-demand' | 'both';

/**
 * How a group's pages are made in a mode. `'recent'` builds ahead the recent stories (`both`), the
 * first pages and files, and leaves the deep archive and the clock's pages to requests; `'none'` builds
 * ahead only files.
 * @example routeRendering('story', 'recent') // 'both'
 */
export function routeRendering(group: RouteGroup, mode: PrerenderMode): RouteRendering {
  // A page made of the request itself (the server's search results), whatever the mode.
  if (group === 'request') return 'on-demand';
  if (mode === 'all' || group === 'file') return 'prerender';
  if (mode === 'none') return 'on-demand';
  if (group === 'story') return 'both';
  return group === 'first-page' ? 'prerender' : 'on-demand';
}

/** Which optional routes a site has: the options that turn routes on and off. */
export interface RouteOptions {
  /** The article page's Astro pattern, from `routes.article` (e.g. `/[section]/[slug]`). */
  article: string;
  /** The search page: none, over Pagefind (a page built ahead), or answered by the server. */
  search: false | 'pagefind' | 'server';
  sectionFeeds: boolean;
  authorFeeds: boolean;
  newsSitemap: boolean;
  socialCards: boolean;
  /** The theme draws a PNG publisher logo (no logo, or an SVG one, was configured). */
  publisherLogo: boolean;
  /** The theme draws the site's icon (`public/favicon.svg` is not the site's own). */
  favicon: boolean;
  robots: boolean;
  /** The theme completes the sitemap: it computes each page's facts during the build. */
  sitemapFacts: boolean;
  /** The web editor is on (`cms`). */
  cms: boolean;
}

/** The theme's fixed paths: the first segments of its pages and files. */
export const PATHS = {
  tags: 'tags',
  authors: 'authors',
  page: 'page',
  pages: 'pages',
  archive: 'archive',
  /** The opinion page: the columnists and their latest pieces. */
  opinion: 'opinion',
  /** Live stories' JSON files of updates (`live/<story id>.json`). */
  live: 'live',
  search: 'search',
  notFound: '404',
  feed: 'rss.xml',
  feedStylesheet: 'feed.xsl',
  newsSitemap: 'news-sitemap.xml',
  sitemapIndex: 'sitemap-index.xml',
  socialCards: 'og',
  publisherLogo: 'publisher-logo.png',
  favicon: 'favicon.svg',
  robots: 'robots.txt',
  /** The web editor (`cms`). */
  admin: 'admin',
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
  const { tags, authors, page, pages, archive } = PATHS;
  const routes: (ThemeRoute | false)[] = [
    { pattern: '/', entrypoint: 'src/routes/index.astro', kind: 'home', group: 'first-page' },
    {
      pattern: options.article,
      entrypoint: 'src/routes/article.astro',
      kind: 'article',
      group: 'story',
      onDemand: 'src/routes/on-demand/article.astro',
    },
    {
      pattern: '/[section]',
      entrypoint: 'src/routes/section.astro',
      kind: 'section',
      group: 'first-page',
      onDemand: 'src/routes/on-demand/section.astro',
    },
    {
      pattern: `/[section]/${pages}/[page]`,
      entrypoint: 'src/routes/section.astro',
      kind: 'section',
      group: 'archive',
      onDemand: 'src/routes/on-demand/section.astro',
      paged: true,
    },
    {
      pattern: `/[section]/${page}/[page]`,
      entrypoint: 'src/routes/section.astro',
      kind: 'section',
      group: 'archive',
      onDemand: 'src/routes/on-demand/section.astro',
      redirect: true,
    },
    {
      pattern: `/${tags}/[tag]`,
      entrypoint: 'src/routes/tag.astro',
      kind: 'tag',
      group: 'first-page',
      onDemand: 'src/routes/on-demand/tag.astro',
    },
    {
      pattern: `/${tags}/[tag]/${pages}/[page]`,
      entrypoint: 'src/routes/tag.astro',
      kind: 'tag',
      group: 'archive',
      onDemand: 'src/routes/on-demand/tag.astro',
      paged: true,
    },
    {
      pattern: `/${tags}/[tag]/${page}/[page]`,
      entrypoint: 'src/routes/tag.astro',
      kind: 'tag',
      group: 'archive',
      onDemand: 'src/routes/on-demand/tag.astro',
      redirect: true,
    },
    {
      pattern: `/${authors}/[author]`,
      entrypoint: 'src/routes/author.astro',
      kind: 'author',
      group: 'first-page',
      onDemand: 'src/routes/on-demand/author.astro',
    },
    {
      pattern: `/${authors}/[author]/${pages}/[page]`,
      entrypoint: 'src/routes/author.astro',
      kind: 'author',
      group: 'archive',
      onDemand: 'src/routes/on-demand/author.astro',
      paged: true,
    },
    {
      pattern: `/${authors}/[author]/${page}/[page]`,
      entrypoint: 'src/routes/author.astro',
      kind: 'author',
      group: 'archive',
      onDemand: 'src/routes/on-demand/author.astro',
      redirect: true,
    },
    { pattern: `/${archive}`, entrypoint: 'src/routes/archive.astro', kind: 'archive', group: 'first-page' },
    {
      pattern: `/${archive}/[year]`,
      entrypoint: 'src/routes/archive-year.astro',
      kind: 'archive',
      group: 'archive',
      onDemand: 'src/routes/on-demand/archive-year.astro',
    },
    {
      pattern: `/${archive}/[year]/[month]`,
      entrypoint: 'src/routes/archive-month.astro',
      kind: 'archive',
      group: 'archive',
      onDemand: 'src/routes/on-demand/archive-month.astro',
    },
    {
      pattern: `/${archive}/[year]/[month]/${pages}/[page]`,
      entrypoint: 'src/routes/archive-month.astro',
      kind: 'archive',
      group: 'archive',
      onDemand: 'src/routes/on-demand/archive-month.astro',
      paged: true,
    },
    {
      pattern: `/${archive}/[year]/[month]/${page}/[page]`,
      entrypoint: 'src/routes/archive-month.astro',
      kind: 'archive',
      group: 'archive',
      onDemand: 'src/routes/on-demand/archive-month.astro',
      redirect: true,
    },
    {
      pattern: `/${PATHS.opinion}`,
      entrypoint: 'src/routes/opinion.astro',
      kind: 'opinion',
      group: 'first-page',
    },
    {
      pattern: `/${PATHS.live}/[...id].json`,
      entrypoint: 'src/routes/live.json.ts',
      kind: 'file',
      // Made as its story is: built ahead with it, or rendered on request with it, so a live story
      // rendered on request has a file as new as its page.
      group: 'story',
      onDemand: 'src/routes/on-demand/live.json.ts',
    },
    options.search && {
      pattern: `/${PATHS.search}`,
      entrypoint: 'src/routes/search.astro',
      kind: 'search',
      group: options.search === 'server' ? 'request' : 'file',
    },
    { pattern: `/${PATHS.notFound}`, entrypoint: 'src/routes/404.astro', kind: 'not-found', group: 'file' },
    { pattern: `/${PATHS.feed}`, entrypoint: 'src/routes/rss.xml.ts', kind: 'feed', group: 'first-page' },
    options.sectionFeeds && {
      pattern: `/[section]/${PATHS.feed}`,
      entrypoint: 'src/routes/section-rss.xml.ts',
      kind: 'feed',
      group: 'first-page',
      onDemand: 'src/routes/on-demand/section-rss.xml.ts',
    },
    options.authorFeeds && {
      pattern: `/${authors}/[author]/${PATHS.feed}`,
      entrypoint: 'src/routes/author-rss.xml.ts',
      kind: 'feed',
      group: 'first-page',
      onDemand: 'src/routes/on-demand/author-rss.xml.ts',
    },
    {
      pattern: `/${PATHS.feedStylesheet}`,
      entrypoint: 'src/routes/feed.xsl.ts',
      kind: 'file',
      group: 'file',
    },
    options.newsSitemap && {
      pattern: `/${PATHS.newsSitemap}`,
      entrypoint: 'src/routes/news-sitemap.xml.ts',
      kind: 'file',
      group: 'timely',
    },
    options.socialCards && {
      pattern: `/${PATHS.socialCards}/[...id].png`,
      entrypoint: 'src/routes/social-card.png.ts',
      kind: 'file',
      // Drawn on request, then kept by the CDN, whenever pages are rendered on request.
      group: 'archive',
      onDemand: 'src/routes/on-demand/social-card.png.ts',
    },
    options.publisherLogo && {
      pattern: `/${PATHS.publisherLogo}`,
      entrypoint: 'src/routes/publisher-logo.png.ts',
      kind: 'file',
      group: 'file',
    },
    options.favicon && {
      pattern: `/${PATHS.favicon}`,
      entrypoint: 'src/routes/favicon.svg.ts',
      kind: 'file',
      group: 'file',
    },
    options.robots && {
      pattern: `/${PATHS.robots}`,
      entrypoint: 'src/routes/robots.txt.ts',
      kind: 'file',
      group: 'file',
    },
    options.sitemapFacts && {
      pattern: `/${PATHS.buildData}/${SITEMAP_FACTS}`,
      entrypoint: 'src/routes/sitemap-facts.json.ts',
      kind: 'file',
      group: 'file',
    },
    // Built ahead in every mode: one page that loads the editor, whose stories live in Git.
    options.cms && {
      pattern: `/${PATHS.admin}`,
      entrypoint: 'src/routes/admin.astro',
      kind: 'admin',
      group: 'file',
    },
  ];
  return routes.filter((route): route is ThemeRoute => route !== false);
}

/** Every optional route on, with the default article pattern. */
export const EVERY_ROUTE: Readonly<RouteOptions> = {
  article: '/[section]/[slug]',
  search: 'pagefind',
  sectionFeeds: true,
  authorFeeds: true,
  newsSitemap: true,
  socialCards: true,
  publisherLogo: true,
  favicon: true,
  robots: true,
  sitemapFacts: true,
  cms: true,
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

/**
 * Whether a page URL is an old address of a listing's later page (`…/page/<n>/`), which now only
 * redirects (the routes with `redirect`): never in the sitemap.
 */
export function isRedirectPage(url: string): boolean {
  return new RegExp(`/${PATHS.page}/\\d+(/|\\.html)?$`).test(url);
}

/** Whether pages of this kind belong in the sitemap (pages for readers; not files, feeds, the 404 or the editor). */
export function listedInSitemap(kind: RouteKind): boolean {
  return kind !== 'not-found' && kind !== 'feed' && kind !== 'file' && kind !== 'admin';
}

/**
 * The route patterns robots.txt closes to crawlers: the newsroom's own pages (the editor).
 * @example robotsDisallowed(routeTable({ ...options, cms: true })) // ['/admin']
 */
export function robotsDisallowed(routes: readonly ThemeRoute[]): string[] {
  return routes.filter((route) => route.kind === 'admin').map((route) => route.pattern);
}

/**
 * The pages (static patterns) the sitemap must leave out, whatever the options: the 404 page and the
 * editor. Files and feeds are left out by their names.
 */
export const UNLISTED_PAGES: readonly string[] = ALL_ROUTES.filter(
  (route) => !listedInSitemap(route.kind) && route.kind !== 'file' && route.kind !== 'feed',
).map((route) => route.pattern);

/**
 * The pattern of a route's on-demand twin when the route is also built ahead (`both`): its last param
 * made a rest param, so it matches the same URLs at a lower priority and Astro tells the two apart (it
 * finds a route's styles by its pattern). A rest value with a slash matches no story: a 404. A last
 * param that is a rest param already, before a file's extension (`[...id].json`), loses the extension:
 * the twin's rest param then ends with it (see `twinFileParam`).
 * @example onDemandTwinPattern('/[section]/[slug]') // '/[section]/[...slug]'
 * @example onDemandTwinPattern('/live/[...id].json') // '/live/[...id]'
 */
export function onDemandTwinPattern(pattern: string): string {
  const last = pattern.lastIndexOf('[');
  if (last === -1) return pattern;
  if (pattern.startsWith('[...', last)) return pattern.slice(0, pattern.indexOf(']', last) + 1);
  return `${pattern.slice(0, last)}[...${pattern.slice(last + 1)}`;
}

/**
 * The value a file route's rest param has under its own pattern (`/live/[...id].json`), from a request
 * to whichever pattern served it: as it is under the route's own; without the extension under the twin's
 * (`/live/[...id]`), and `undefined` when the request's path does not end with it (no such file).
 * @example twinFileParam('/live/[...id]', 'storm-live.json', '.json') // 'storm-live'
 * @example twinFileParam('/live/[...id].json', 'storm-live', '.json') // 'storm-live'
 */
export function twinFileParam(
  routePattern: string,
  value: string | undefined,
  extension: string,
): string | undefined {
  if (value === undefined || routePattern.endsWith(extension)) return value;
  return value.endsWith(extension) && value.length > extension.length
    ? value.slice(0, -extension.length)
    : undefined;
}

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

/**
 * Whether an edition has its own pages of this kind: every page for readers (the opinion page and the
 * search page too, each edition's over its own index) and every feed; no file (the live stories' JSON
 * files are the site's, for every edition) and not the editor.
 */
function perEdition(route: ThemeRoute): boolean {
  return route.kind !== 'file' && route.kind !== 'not-found' && route.kind !== 'admin';
}

/**
 * An edition's routes: the main edition's pages and feeds under the edition's prefix (its home at
 * `/en/`, its sections at `/en/<section>/`, its feed at `/en/rss.xml`…), from the same route files,
 * which tell the editions apart by the pattern they are given. Files (the 404, robots.txt,
 * the social cards) are the site's, once.
 * @example editionRoutes(routeTable(options), 'en').map((r) => r.pattern) // ['/en', '/en/[section]/[slug]', …]
 */
export function editionRoutes(routes: readonly ThemeRoute[], key: string): ThemeRoute[] {
  return routes
    .filter(perEdition)
    .map((route) => ({ ...route, pattern: route.pattern === '/' ? `/${key}` : `/${key}${route.pattern}` }));
}

/**
 * Every route of a site with editions: the main edition's table, then each edition's routes.
 * @example siteRoutes(routeTable(options), ['en']).some((r) => r.pattern === '/en') // true
 */
export function siteRoutes(routes: readonly ThemeRoute[], editions: readonly string[]): ThemeRoute[] {
  return [...routes, ...editions.flatMap((key) => editionRoutes(routes, key))];
}
