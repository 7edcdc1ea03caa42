/**
 * The trail from the home page to a page: home → section → article (or tag, author…). One pure function
 * feeds both the visible breadcrumbs and the `BreadcrumbList` JSON-LD, so the two never disagree.
 */
import { pagePath, sectionPath } from '../urls.ts';

/** One step of the trail. `url` is the encoded path under the site's base (make it absolute for JSON-LD). */
export interface Crumb {
  name: string;
  url: string;
}

export interface BreadcrumbInput {
  /** The site's base path, e.g. `/` or `/news/`. */
  base: string;
  /** The home page's name, e.g. the string `nav.home` ("الرئيسية") or the site's title. */
  homeName: string;
  /** The page's section, if it has one. Its URL comes from `sectionPath`. */
  section?: { slug: string; name: string } | undefined;
  /**
   * The page itself when it is neither home nor a section page: an article (its `articleUrl`), a tag or
   * an author page. Its `url` must already be the encoded path.
   */
  page?: Crumb | undefined;
}

/**
 * The breadcrumb trail, home first and the current page last.
 * @example
 * breadcrumbs({ base: '/', homeName: 'الرئيسية', section: { slug: 'politics', name: 'سياسة' },
 *   page: { name: 'روسيا تطالب…', url: '/politics/%D8%B1…/' } })
 * // [{ name: 'الرئيسية', url: '/' }, { name: 'سياسة', url: '/politics/' }, { name: 'روسيا تطالب…', url: '/politics/%D8%B1…/' }]
 */
export function breadcrumbs(input: BreadcrumbInput): Crumb[] {
  const trail: Crumb[] = [{ name: input.homeName, url: pagePath(input.base, '/') }];
  if (input.section) {
    trail.push({ name: input.section.name, url: sectionPath(input.base, input.section.slug) });
  }
  if (input.page && input.page.url !== trail.at(-1)?.url) {
    trail.push({ name: input.page.name, url: input.page.url });
  }
  return trail;
}
