/**
 * The newsroom's browsing pages bound to the site: the footer's year, the home layout, related stories,
 * pagination and the date archive. Pure choices live in `lib/`; this binds them to the config and caches
 * what every page shares (one related-stories index and one archive per build).
 */
import { archivePath, groupByMonth, monthInstant, type ArchiveYear } from '../lib/newsroom/archive.ts';
import {
  EGYPTIAN_MONTHS,
  LEVANTINE_MONTHS,
  localeWithExtensions,
  pluralCategory,
  toDigits,
} from '../lib/format/index.ts';
import { homeLayout } from '../lib/newsroom/home.ts';
import {
  legacyPageNumber,
  legacyPageNumbers,
  numberedPage,
  numberedPageNumbers,
  numberedPages,
  pageUrl,
  paginate,
  type Page,
} from '../lib/newsroom/pagination.ts';
import { PATHS } from '../lib/routes.ts';
import {
  buildRelatedIndex,
  moreFromSection,
  relatedStories,
  type RelatedIndex,
} from '../lib/newsroom/related.ts';
import type { VersionedEntry } from '../lib/cache-key.ts';
import { pagePath, searchPath } from '../lib/urls.ts';
import { listingKey } from './cache-keys.ts';
import { getArticles, perList, type Article } from './articles.ts';
import type { StringId } from '../config/translations.ts';
import { now } from './clock.ts';
import { config, formatNumber, t } from './site.ts';

/** The year as printed, by the edition's locale and digits and the year. */
const years = new Map<string, string>();
const yearFormat = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: config.timeZone });

/**
 * The year of the build clock in the newsroom's zone, in the site's digits, for the footer's copyright:
 * the build's clock, not the machine's, so a reproducible build (`now`, SOURCE_DATE_EPOCH) prints the same
 * year. Worked out once per build (every page's footer asks).
 */
export function copyrightYear(): string {
  const year = Number(yearFormat.format(now()));
  const key = `${config.locale} ${config.digits} ${year}`;
  let text = years.get(key);
  if (text === undefined) {
    text = formatNumber(year, { useGrouping: false });
    years.set(key, text);
  }
  return text;
}

/** The home page's breaking strip, lead, top stories, section blocks and latest list. */
export async function getHome() {
  const articles = await getArticles();
  return homeLayout(articles, {
    topStories: config.home.topStories,
    sections: config.home.sections ?? config.sections.map((s) => s.slug),
    storiesPerSection: config.home.storiesPerSection,
    latest: config.homeStories,
    breakingHours: config.home.breakingHours,
    now: now(),
  });
}

const relatedIndex: () => Promise<RelatedIndex<Article>> = perList(buildRelatedIndex);

type Extras = { related: Article[]; more: Article[] };

/** The extras worked out so far, per published list (a page rendered on request asks twice: tags, page). */
const extrasByList = perList(() => new WeakMap<Article, Extras>());

/** The related stories and more from the section, for an article page. */
export async function getArticleExtras(article: Article): Promise<Extras> {
  const known = await extrasByList();
  const cached = known.get(article);
  if (cached) return cached;
  const index = await relatedIndex();
  const related = relatedStories(article, index, { count: config.relatedStories });
  const more = moreFromSection(article, index, {
    count: config.moreFromSection,
    exclude: new Set(related.map((a) => a.id)),
  });
  const extras = { related, more };
  known.set(article, extras);
  return extras;
}

/** A page of a listing, with its URL and its neighbours'. */
export interface ListingPage<T> extends Page<T> {
  url: string;
  firstUrl: string;
}

/** A `getStaticPaths` entry of a listing: a page's props, or the redirect an old address answers with. */
export interface ListingPath<T, X> {
  params: Record<string, string>;
  props: (X & { page: ListingPage<T> }) | { redirect: string };
  cacheKey: string;
}

/**
 * The `getStaticPaths` entries of a paginated listing served by one route file at three patterns, told
 * apart by `routePattern`: the list's own (`/politics`) for its first page, `…/pages/[page]` for the
 * pages numbered from the oldest, and the old `…/page/[page]` addresses (counted from the newest), whose
 * entries carry the `redirect` their page answers with (`lib/newsroom/pagination.ts`).
 */
export async function listingPaths<T extends VersionedEntry, X extends object>(
  routePattern: string,
  params: Record<string, string>,
  items: readonly T[],
  firstUrl: string,
  extra: X,
  /** What the listing is, for the pages' `cacheKey` (`runtime/cache-keys.ts`). */
  kind: string,
  /** What else its pages show, for the key (an author's profile). */
  ...shown: unknown[]
): Promise<ListingPath<T, X>[]> {
  const perPage = config.perPage;
  // `[page]`, or `[...page]` in an on-demand twin's pattern.
  const at = (segment: string) => new RegExp(`/${segment}/\\[(?:\\.\\.\\.)?page\\]$`).test(routePattern);
  if (at(PATHS.page)) {
    return legacyPageNumbers(items.length, perPage).map((n) => {
      const target = pageUrl(firstUrl, legacyPageNumber(items.length, perPage, n) ?? 0);
      return {
        params: { ...params, page: String(n) },
        props: { redirect: target },
        cacheKey: `redirect:${target}`,
      };
    });
  }
  const numbered = at(PATHS.pages);
  const wanted: Page<T>[] = numbered
    ? numberedPageNumbers(numberedPages(items.length, perPage)).map((n) => numberedPage(items, perPage, n))
    : paginate(items, perPage).slice(0, 1);
  return Promise.all(
    wanted.map(async (page) => ({
      params: numbered ? { ...params, page: String(page.number) } : params,
      props: {
        ...extra,
        page: { ...page, url: pageUrl(firstUrl, page.number), firstUrl } satisfies ListingPage<T>,
      },
      cacheKey: await listingKey(kind, page, ...shown),
    })),
  );
}

/** Every story by year and month of publication, newest first. */
export const getArchive: () => Promise<ArchiveYear<Article>[]> = perList((articles) =>
  groupByMonth(articles, config.timeZone),
);

/** The encoded URL of the archive, a year or a month. */
export function archiveUrl(year?: string, month?: string): string {
  return archivePath(config.base, year, month);
}

/** The encoded URL of the opinion page (`/opinion/`). */
export function opinionUrl(): string {
  return pagePath(config.base, `/${PATHS.opinion}/`);
}

/** The encoded URL of the search page, with a query when given. */
export function searchUrl(query?: string): string {
  // The edition's own search page, over its own index.
  const path = searchPath(config.base);
  return query ? `${path}?q=${encodeURIComponent(query)}` : path;
}

/** A year in the site's digits, without grouping ("٢٠١٦"). */
export function formatYear(year: string): string {
  return toDigits(year, config.digits);
}

/** A month and year in words, with the site's month names and digits ("ديسمبر/كانون الأول ٢٠١٦"). */
export function formatMonth(year: string, month: string): string {
  const index = Number(month) - 1;
  const style = config.monthNames;
  if (style === 'locale') {
    const locale = localeWithExtensions(config.locale, { digits: config.digits, calendar: 'gregory' });
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      monthInstant(year, month),
    );
  }
  const egyptian = EGYPTIAN_MONTHS[index] ?? month;
  const levantine = LEVANTINE_MONTHS[index] ?? month;
  const name =
    style === 'egyptian' ? egyptian : style === 'levantine' ? levantine : `${egyptian}/${levantine}`;
  return `${name} ${formatYear(year)}`;
}

/** "خبر واحد", "خبران", "٣ أخبار", "١١ خبراً", "١٠٠ خبر": a count of stories with the right plural form. */
export function storyCount(n: number): string {
  return t(`count.stories.${pluralCategory(n, config.locale)}` as StringId, { count: formatNumber(n) });
}
