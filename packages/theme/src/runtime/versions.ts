/**
 * A page's versions in the site's editions: the same story in another language (`translationOf`), the
 * same section, the other edition's home. They give the page its `hreflang` links and the language
 * switcher its targets (`components/LanguageSwitcher.astro`), and the sitemap its alternates.
 */
import type { Alternate } from '../lib/editions.ts';
import { absoluteUrl, pagePath, sectionPath } from '../lib/urls.ts';
import {
  articleUrl,
  authorUrl,
  editionOf,
  getArticles,
  getIndexes,
  getTranslations,
  sectionUrl,
  tagUrl,
  type Article,
} from './articles.ts';
import { EDITIONS, edition, inEdition, type Edition } from './edition.ts';
import { archiveUrl, getArchive, opinionUrl, searchUrl } from './newsroom.ts';
import { config } from './site.ts';

/** A version of a page: its `hreflang` link, and its path for the site's own links. */
export interface PageVersion extends Alternate {
  /** The encoded path under the site's base. */
  path: string;
}

/** The language tag an edition's pages declare (its locale without `-u-` extensions). */
export function editionLanguage(of: Edition): string {
  return new Intl.Locale(of.config.locale).baseName;
}

function version(of: Edition, path: string): PageVersion {
  return { edition: of.key, hreflang: editionLanguage(of), href: absoluteUrl(of.config.site, path), path };
}

/** Every edition's home page. */
export function homeVersions(): PageVersion[] {
  return EDITIONS.map((of) => version(of, pagePath(of.config.base, '/')));
}

/** A section's first page in every edition that has the section. */
export function sectionVersions(slug: string): PageVersion[] {
  return EDITIONS.filter((of) => of.config.sections.some((section) => section.slug === slug)).map((of) =>
    version(of, sectionPath(of.config.base, slug)),
  );
}

/** A story's published versions in the site's editions (none when it has no translation). */
export async function storyVersions(article: Article): Promise<PageVersion[]> {
  const versions = await getTranslations(article);
  return versions.map((other) => version(edition(editionOf(other)), articleUrl(other)));
}

/** What a listing page lists: its counterpart in another edition lists the same there. */
export type Listing =
  | { kind: 'section'; slug: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'author'; id: string }
  | { kind: 'archive'; year?: string | undefined; month?: string | undefined }
  | { kind: 'opinion' }
  | { kind: 'search' };

/**
 * The listing's first page in the edition being rendered, when that edition has it: the pages its
 * routes build (`runtime/paths.ts`) come from the same indexes.
 */
async function listingHere(listing: Listing): Promise<string | undefined> {
  switch (listing.kind) {
    case 'section':
      return config.sections.some((section) => section.slug === listing.slug)
        ? sectionUrl(listing.slug)
        : undefined;
    case 'tag':
      return (await getIndexes()).byTag.has(listing.tag) ? tagUrl(listing.tag) : undefined;
    case 'author':
      // The main edition has a page for every author; another, for those who wrote in it.
      return config.edition === undefined || (await getIndexes()).byAuthor.has(listing.id)
        ? authorUrl(listing.id)
        : undefined;
    case 'archive': {
      const { year, month } = listing;
      const archive = await getArchive();
      const has =
        year === undefined
          ? archive.length > 0
          : archive.some(
              (entry) =>
                entry.year === year &&
                (month === undefined || entry.months.some((other) => other.month === month)),
            );
      return has ? archiveUrl(year, month) : undefined;
    }
    case 'opinion':
      return (await getArticles()).some((article) => article.data.kind === 'opinion')
        ? opinionUrl()
        : undefined;
    case 'search':
      // Every edition has its search page, over its own index, when search is on.
      return config.search ? searchUrl() : undefined;
  }
}

/**
 * A listing's first page in every edition that lists the same (the section by its slug, the tag, the
 * author, the archive's year or month, the opinion page with opinion pieces, the search page), for the language
 * switcher of each of the listing's pages. Not `hreflang` versions: a later page of a section lists
 * other stories than the first page of the same section in another language.
 */
export async function listingVersions(listing: Listing): Promise<PageVersion[]> {
  const found = await Promise.all(
    EDITIONS.map((of) => inEdition(of.key, async () => [of, await listingHere(listing)] as const)),
  );
  return found.flatMap(([of, path]) => (path === undefined ? [] : [version(of, path)]));
}

/**
 * What the language switcher links for each other edition: the page's version there, else that
 * edition's home.
 */
export function switcherTargets(
  current: Edition,
  versions: readonly PageVersion[],
): { edition: Edition; href: string; translated: boolean }[] {
  return EDITIONS.filter((of) => of !== current).map((of) => {
    const same = versions.find((candidate) => candidate.edition === of.key);
    return {
      edition: of,
      href: same?.path ?? pagePath(of.config.base, '/'),
      translated: same !== undefined,
    };
  });
}
