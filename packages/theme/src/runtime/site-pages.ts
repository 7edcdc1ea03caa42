/**
 * The site's pages («من نحن», «اتصل بنا»), as the route, the footer and the sitemap need them. The
 * `pages` collection is optional: a site that never defined it has no site pages, and the theme reads it
 * once per build without the warning Astro prints for a collection that does not exist.
 */
import type { PageData } from '../config/page.ts';
import { storyEdition } from '../lib/editions.ts';
import { RESERVED_SLUGS } from '../lib/routes.ts';
import { footerPages, publishedPages, sitePageProblems, sitePageSlug } from '../lib/site-pages.ts';
import { sectionPath } from '../lib/urls.ts';
import { optionalCollection } from './collections.ts';
import { EDITION_KEYS } from './edition.ts';
import { config } from './site.ts';
import { userError } from '../lib/user-error.ts';

/** A site page entry, as `getCollection('pages')` returns it. */
export interface SitePage {
  id: string;
  collection: 'pages';
  data: PageData;
  body?: string | undefined;
  filePath?: string | undefined;
  /** Astro's digest of the entry's file: what the page's `cacheKey` names it by. */
  digest?: string | undefined;
  rendered?: { html: string } | undefined;
}

const COLLECTION = 'pages';

/** `getCollection('pages')`, once per build and quiet when the site has no site pages. */
function readCollection(): Promise<SitePage[]> {
  return optionalCollection<SitePage>(COLLECTION);
}

const byEdition = new Map<string | undefined, Promise<SitePage[]>>();

/**
 * Every site page of the edition being rendered, drafts included, in a stable order: the main edition's
 * are the files of `src/content/pages/`, an edition's those of its folder (`src/content/pages/en/`). A
 * page whose address is a section's, one of the theme's own, or another page's fails the build, naming
 * its file.
 */
function allPages(): Promise<SitePage[]> {
  const key = config.edition;
  let pages = byEdition.get(key);
  if (!pages) {
    pages = readCollection().then((entries) => {
      const own = entries.filter((page) => storyEdition(page.id, EDITION_KEYS) === key);
      const sorted = own.sort((a, b) => a.id.localeCompare(b.id, 'en'));
      const problems = sitePageProblems(sorted, { sections: config.sections, reserved: RESERVED_SLUGS });
      if (problems.length > 0) throw userError(problems.join('\n'));
      return sorted;
    });
    byEdition.set(key, pages);
  }
  return pages;
}

/** The published site pages (not drafts). */
export async function getSitePages(): Promise<SitePage[]> {
  return publishedPages(await allPages());
}

/** The page's URL segment (`من-نحن`). */
export function sitePageSegment(page: SitePage): string {
  return sitePageSlug(page.id);
}

/** The encoded path of a site page (`/%D9%85%D9%86-%D9%86%D8%AD%D9%86/`). */
export function sitePageUrl(page: SitePage): string {
  // A page shares the first path segment with the sections: the same URL builder, under the edition's
  // base (`/en/about/`).
  return sectionPath(config.base, sitePageSegment(page));
}

const footers = new Map<string | undefined, Promise<SitePage[]>>();

/**
 * The pages the footer links, in order: the main edition's as `pages.footer` lists them; an edition's,
 * every one of its own pages by title (`pages.footer` names the main edition's slugs).
 */
export function getFooterPages(): Promise<SitePage[]> {
  const key = config.edition;
  let footer = footers.get(key);
  if (!footer) {
    const wanted = key === undefined ? config.pages.footer : 'all';
    footer = allPages().then((pages) => footerPages(pages, wanted, config.locale));
    footers.set(key, footer);
  }
  return footer;
}
