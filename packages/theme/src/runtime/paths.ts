/**
 * The pages of the theme's routes with params, as `getStaticPaths` entries: what a route builds ahead
 * and what its on-demand twin (`routes/on-demand/`) looks a request's params up in (`propsFor`).
 * `options.everyPath` asks for every page, not only those built ahead (`rendering.prerender`). Each lists
 * the pages of the edition its route pattern is under (`/en/[section]` lists the English edition's).
 */
import {
  type Article,
  articleRouteParams,
  authorUrl,
  getAllAuthors,
  getArticles,
  getIndexes,
  sectionUrl,
  tagUrl,
} from './articles.ts';
import { entryVersion } from '../lib/cache-key.ts';
import { archiveYearKey, articleKey, sitePageKey } from './cache-keys.ts';
import { archiveUrl, getArchive, listingPaths, type ListingPath } from './newsroom.ts';
import { prerenderedOnly, type PathOptions } from './on-demand.ts';
import { indexAlongsideBuild } from './search.ts';
import { inEditionOfPattern } from './edition.ts';
import { config } from './site.ts';
import { getSitePages, sitePageSegment, type SitePage } from './site-pages.ts';

/** A story's page: every published story, or only those built ahead. */
async function articlePathsHere(options?: Partial<PathOptions>) {
  const articles = await getArticles();
  // In a build, the search index takes every story now (those rendered on request too) and indexes them
  // while the pages render. A story that cannot be described (an unknown author) fails its own page.
  if (import.meta.env.PROD && !options?.everyPath) indexAlongsideBuild(articles).catch(() => undefined);
  const built = prerenderedOnly(articles, options);
  // The keys are for Astro's incremental build; a twin looking a request's story up needs none.
  const keys = options?.everyPath ? undefined : await Promise.all(built.map(articleKey));
  return built.map((article, i) => ({
    params: articleRouteParams(article),
    props: { article },
    ...(keys ? { cacheKey: keys[i] } : {}),
  }));
}

/** A page of the `/[section]` routes: a section's listing page (or an old address's redirect), or a site page. */
type SectionPath =
  | ListingPath<Article, { section: (typeof config.sections)[number] }>
  | { params: Record<string, string>; props: { sitePage: SitePage }; cacheKey: string };

/** What a page of the `/[section]` routes is given: a listing page, an old address's target, or a site page. */
export type SectionProps = SectionPath['props'];

/**
 * A section's pages: page 1 at `/<section>/`, later pages at `/<section>/pages/<n>/`. The site pages
 * («من نحن») share the first path segment with the sections, so they are this route's too: `/<slug>/`,
 * with the page as `sitePage` (one route, so a page rendered on request is found like a section).
 */
async function sectionPathsHere({ routePattern }: PathOptions): Promise<SectionPath[]> {
  const { bySection } = await getIndexes();
  const sections = await Promise.all(
    config.sections.map((section) =>
      listingPaths(
        routePattern,
        { section: section.slug },
        bySection.get(section.slug) ?? [],
        sectionUrl(section.slug),
        {
          section,
        },
        `section/${section.slug}`,
      ),
    ),
  );
  // The first-page pattern (`/[section]`), not the numbered pages' or their old addresses'.
  const firstPages = !/\[(?:\.\.\.)?page\]$/.test(routePattern);
  // The edition's own site pages (`getSitePages` reads the edition's).
  const pages = firstPages ? await sitePagePaths() : [];
  return [...sections.flat(), ...pages];
}

/** The site pages at `/<slug>/` (every one, in every rendering mode: a site has few and they rarely change). */
async function sitePagePaths() {
  const pages = await getSitePages();
  return Promise.all(
    pages.map(async (page) => ({
      params: { section: sitePageSegment(page) },
      props: { sitePage: page },
      cacheKey: await sitePageKey(page),
    })),
  );
}

/** A tag's pages: `/tags/<tag>/` and `/tags/<tag>/page/<n>/`. */
async function tagPathsHere({ routePattern }: PathOptions) {
  const { byTag } = await getIndexes();
  const pages = await Promise.all(
    [...byTag].map(([tag, articles]) =>
      listingPaths(routePattern, { tag }, articles, tagUrl(tag), { tag }, 'tag'),
    ),
  );
  return pages.flat();
}

/** An author's pages: `/authors/<id>/` and `/authors/<id>/page/<n>/`. */
async function authorPathsHere({ routePattern }: PathOptions) {
  const { byAuthor } = await getIndexes();
  // Every author in the main edition; in another, those who wrote in it.
  const authors = (await getAllAuthors()).filter(
    (author) => config.edition === undefined || byAuthor.has(author.id),
  );
  const pages = await Promise.all(
    authors.map((author) =>
      listingPaths(
        routePattern,
        { author: author.id },
        byAuthor.get(author.id) ?? [],
        authorUrl(author.id),
        { author },
        'author',
        entryVersion(author),
      ),
    ),
  );
  return pages.flat();
}

/** A year of the archive: `/archive/<year>/`. */
async function archiveYearPathsHere() {
  return Promise.all(
    (await getArchive()).map(async (year) => ({
      params: { year: year.year },
      props: { year },
      cacheKey: await archiveYearKey(year.months.flatMap((month) => month.items)),
    })),
  );
}

/** A month of the archive: `/archive/<year>/<month>/` and `…/page/<n>/`. */
async function archiveMonthPathsHere({ routePattern }: PathOptions) {
  const months = (await getArchive()).flatMap((year) => year.months);
  const pages = await Promise.all(
    months.map((month) =>
      listingPaths(
        routePattern,
        { year: month.year, month: month.month },
        month.items,
        archiveUrl(month.year, month.month),
        {
          year: month.year,
          month: month.month,
        },
        'archive-month',
      ),
    ),
  );
  return pages.flat();
}

/** A story's page: every published story of the route's edition, or only those built ahead. */
export function articlePaths(options?: Partial<PathOptions>): ReturnType<typeof articlePathsHere> {
  return inEditionOfPattern(options?.routePattern, () => articlePathsHere(options));
}

/** The pages of the `/[section]` routes of the route's edition (`sectionPathsHere`). */
export function sectionPaths(options: PathOptions): Promise<SectionPath[]> {
  return inEditionOfPattern(options.routePattern, () => sectionPathsHere(options));
}

/** The tag pages of the route's edition. */
export function tagPaths(options: PathOptions): ReturnType<typeof tagPathsHere> {
  return inEditionOfPattern(options.routePattern, () => tagPathsHere(options));
}

/** The author pages of the route's edition. */
export function authorPaths(options: PathOptions): ReturnType<typeof authorPathsHere> {
  return inEditionOfPattern(options.routePattern, () => authorPathsHere(options));
}

/** The archive's years in the route's edition. */
export function archiveYearPaths(options?: Partial<PathOptions>): ReturnType<typeof archiveYearPathsHere> {
  return inEditionOfPattern(options?.routePattern, () => archiveYearPathsHere());
}

/** The archive's months in the route's edition. */
export function archiveMonthPaths(options: PathOptions): ReturnType<typeof archiveMonthPathsHere> {
  return inEditionOfPattern(options.routePattern, () => archiveMonthPathsHere(options));
}
