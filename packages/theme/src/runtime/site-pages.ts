/**
 * The site's pages («من نحن», «اتصل بنا»), as the route, the footer and the sitemap need them. The
 * `pages` collection is optional: a site that never defined it has no site pages, and the theme reads it
 * once per build without the warning Astro prints for a collection that does not exist.
 */
import type { PageData } from '../config/page.ts';
import { RESERVED_SLUGS } from '../lib/routes.ts';
import { footerPages, publishedPages, sitePageProblems, sitePageSlug } from '../lib/site-pages.ts';
import { sectionPath } from '../lib/urls.ts';
import { optionalCollection } from './collections.ts';
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

let cache: Promise<SitePage[]> | undefined;

/**
 * Every site page, drafts included, in a stable order. A page whose address is a section's, one of the
 * theme's own, or another page's fails the build, naming its file.
 */
function allPages(): Promise<SitePage[]> {
  cache ??= readCollection().then((pages) => {
    const sorted = [...pages].sort((a, b) => a.id.localeCompare(b.id, 'en'));
    const problems = sitePageProblems(sorted, { sections: config.sections, reserved: RESERVED_SLUGS });
    if (problems.length > 0) throw userError(problems.join('\n'));
    return sorted;
  });
  return cache;
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
  // A page shares the first path segment with the sections: the same URL builder.
  // The site pages are the main edition's, at the site's root.
  return sectionPath(config.siteBase, sitePageSegment(page));
}

let footer: Promise<SitePage[]> | undefined;

/**
 * The pages the footer links (`pages.footer`), in order: none in another edition, since the site pages
 * are written in the main edition's language.
 */
export function getFooterPages(): Promise<SitePage[]> {
  if (config.edition !== undefined) return Promise.resolve([]);
  footer ??= allPages().then((pages) => footerPages(pages, config.pages.footer, config.locale));
  return footer;
}
