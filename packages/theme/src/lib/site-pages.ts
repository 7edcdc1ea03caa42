/**
 * Site pages («من نحن», «اتصل بنا»): where each lives and which the footer links, decided from plain data.
 * A page lives at `/{slug}/`, the first path segment, so it shares the segment with the sections and the
 * theme's own routes: `sitePageProblems` finds every clash, each named by the page's file.
 */
import { userError } from './user-error.ts';

/** A site page as these functions see it. */
export interface SitePageLike {
  /** The entry's id: its `slug`, or its file's path without the extension. */
  id: string;
  filePath?: string | undefined;
  data: { title: string; draft: boolean };
}

/**
 * The URL segment of a page: its id's last segment (a page in a subfolder, `pages/about/team.md`, is
 * `/team/`: a route parameter cannot hold a slash, as with stories).
 * @example sitePageSlug('about/team') // 'team'
 */
export function sitePageSlug(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

/** The pages that are published: not drafts. */
export function publishedPages<T extends SitePageLike>(pages: readonly T[]): T[] {
  return pages.filter((page) => !page.data.draft);
}

/** What a page's slug must not take: the sections' slugs and the first segments the theme keeps. */
export interface TakenSegments {
  sections: readonly { slug: string; name: string }[];
  reserved: readonly string[];
}

const fileOf = (page: SitePageLike) => page.filePath ?? `the page "${page.id}"`;

/**
 * Every reason the pages cannot all be published at their addresses, one sentence each naming the
 * file: a slug that is a section's or one of the theme's own paths, or two pages at one address.
 * Drafts count too: a draft published later must not break the site then.
 * @example sitePageProblems([{ id: 'archive', filePath: 'src/content/pages/archive.md', data }], taken)
 * // ['src/content/pages/archive.md: /archive/ is the theme's own …']
 */
export function sitePageProblems(pages: readonly SitePageLike[], taken: TakenSegments): string[] {
  const problems: string[] = [];
  const seen = new Map<string, SitePageLike>();
  for (const page of pages) {
    const slug = sitePageSlug(page.id);
    const key = slug.toLowerCase();
    const section = taken.sections.find((s) => s.slug.toLowerCase() === key);
    if (section) {
      problems.push(
        `${fileOf(page)}: the page would be published at /${slug}/, which is the page of the section "${section.name}". Rename the file, or give the page another "slug" in its frontmatter.`,
      );
    } else if (taken.reserved.includes(key)) {
      problems.push(
        `${fileOf(page)}: the page would be published at /${slug}/, which the theme uses for its own pages and files (${taken.reserved.join(', ')}). Rename the file, or give the page another "slug" in its frontmatter.`,
      );
    }
    const earlier = seen.get(key);
    if (earlier) {
      problems.push(
        `Two pages would be published at /${slug}/: ${fileOf(earlier)} and ${fileOf(page)}. Rename one of them, or give it another "slug" in its frontmatter.`,
      );
    } else seen.set(key, page);
  }
  return problems;
}

/**
 * The pages the footer links, in order: every published page by title (`'all'`, in the site's
 * collation), or those the site listed, in its order (`pages.footer`). A listed slug with no published
 * page is an error, named with the slugs there are.
 * @example footerPages(pages, ['about', 'contact'], 'ar') // [about, contact]
 */
export function footerPages<T extends SitePageLike>(
  pages: readonly T[],
  wanted: 'all' | readonly string[],
  locale: string,
): T[] {
  const published = publishedPages(pages);
  if (wanted === 'all') {
    const collator = new Intl.Collator(locale);
    return [...published].sort(
      (a, b) => collator.compare(a.data.title, b.data.title) || a.id.localeCompare(b.id, 'en'),
    );
  }
  const bySlug = new Map(published.map((page) => [sitePageSlug(page.id), page]));
  return wanted.map((slug) => {
    const page = bySlug.get(slug);
    if (!page) {
      const known = [...bySlug.keys()].map((s) => `"${s}"`).join(', ') || 'none yet';
      throw userError(
        `pages.footer in the khabar() options lists "${slug}", which is not a published page (src/content/pages/${slug}.md). The published pages are: ${known}.`,
      );
    }
    return page;
  });
}
