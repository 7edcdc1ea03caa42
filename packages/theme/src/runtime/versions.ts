/**
 * A page's versions in the site's editions: the same story in another language (`translationOf`), the
 * same section, the other edition's home. They give the page its `hreflang` links and the language
 * switcher its targets (`components/LanguageSwitcher.astro`), and the sitemap its alternates.
 */
import type { Alternate } from '../lib/editions.ts';
import { absoluteUrl, pagePath, sectionPath } from '../lib/urls.ts';
import { articleUrl, editionOf, getTranslations, type Article } from './articles.ts';
import { EDITIONS, edition, type Edition } from './edition.ts';

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
