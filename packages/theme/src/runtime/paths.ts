/**
 * The pages of the theme's routes with params, as `getStaticPaths` entries: what a route builds ahead
 * and what its on-demand twin (`routes/on-demand/`) looks a request's params up in (`propsFor`).
 * `options.everyPath` asks for every page, not only those built ahead (`rendering.prerender`).
 */
import {
  articleRouteParams,
  authorUrl,
  getAllAuthors,
  getArticles,
  getIndexes,
  sectionUrl,
  tagUrl,
} from './articles.ts';
import { entryVersion } from '../lib/cache-key.ts';
import { archiveYearKey, articleKey } from './cache-keys.ts';
import { archiveUrl, getArchive, listingPaths } from './newsroom.ts';
import { prerenderedOnly, type PathOptions } from './on-demand.ts';
import { indexAlongsideBuild } from './search.ts';
import { config } from './site.ts';

/** A story's page: every published story, or only those built ahead. */
export async function articlePaths(options?: Partial<PathOptions>) {
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

/** A section's pages: page 1 at `/<section>/`, later pages at `/<section>/page/<n>/`. */
export async function sectionPaths({ routePattern }: PathOptions) {
  const { bySection } = await getIndexes();
  return config.sections.flatMap((section) =>
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
  );
}

/** A tag's pages: `/tags/<tag>/` and `/tags/<tag>/page/<n>/`. */
export async function tagPaths({ routePattern }: PathOptions) {
  const { byTag } = await getIndexes();
  return [...byTag].flatMap(([tag, articles]) =>
    listingPaths(routePattern, { tag }, articles, tagUrl(tag), { tag }, 'tag'),
  );
}

/** An author's pages: `/authors/<id>/` and `/authors/<id>/page/<n>/`. */
export async function authorPaths({ routePattern }: PathOptions) {
  const { byAuthor } = await getIndexes();
  const authors = await getAllAuthors();
  return authors.flatMap((author) =>
    listingPaths(
      routePattern,
      { author: author.id },
      byAuthor.get(author.id) ?? [],
      authorUrl(author.id),
      { author },
      'author',
      entryVersion(author),
    ),
  );
}

/** A year of the archive: `/archive/<year>/`. */
export async function archiveYearPaths() {
  return (await getArchive()).map((year) => ({
    params: { year: year.year },
    props: { year },
    cacheKey: archiveYearKey(year.months.flatMap((month) => month.items)),
  }));
}

/** A month of the archive: `/archive/<year>/<month>/` and `…/page/<n>/`. */
export async function archiveMonthPaths({ routePattern }: PathOptions) {
  return (await getArchive()).flatMap((year) =>
    year.months.flatMap((month) =>
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
}
