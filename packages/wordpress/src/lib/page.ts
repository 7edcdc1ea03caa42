/**
 * WordPress pages → Khabar site pages (`src/content/pages/<slug>.md`, published at `/<slug>/`): their
 * frontmatter in the theme's page schema (the theme's `config/page.ts`), their Markdown from the same
 * conversion posts get (`postText`), and their old addresses. Only published pages come across: a
 * draft, private, scheduled or password-protected page is reported as skipped.
 *
 * A nested page (`/about/team/` in WordPress, a child of «about») becomes one flat slug, its ancestors'
 * slugs and its own joined by dashes (`about-team`): the theme publishes pages at one path segment, since
 * two segments are a story's address. Its old address redirects to the new one.
 */
import type { WxrItem } from '../wxr/types.ts';
import { postText, skipReason, type Degradation } from './article.ts';
import type { ContentContext } from './content.ts';
import { gmtToInstant, postInstant, wallClockToInstant } from './dates.ts';
import { normalizeSlug } from './slug.ts';
import { RESERVED_SECTION_SLUGS } from './taxonomy.ts';

export interface PageFrontmatter {
  title: string;
  description: string;
  /** When the page last changed in WordPress. */
  updated?: string;
  /** Its address, `/<slug>/` (also its file name: written so the id never depends on a file system). */
  slug: string;
}

export interface MappedPage {
  postId: string;
  /** The page's slug: its file name and its address, `/<slug>/`. */
  slug: string;
  frontmatter: PageFrontmatter;
  body: string;
  degraded: Degradation[];
  /** Where WordPress published it: its permalink and short link (as the export wrote them). */
  link: string;
  guid: string;
}

export interface PageContext extends ContentContext {
  timeZone: string;
  /** The slugs pages may not take: the sections'. The theme's own paths are added here. */
  sectionSlugs: readonly string[];
  /** Set before each page's content is converted (the importer reports missing pictures by page). */
  converting?: (item: WxrItem | undefined) => void;
}

export interface PageResults {
  pages: MappedPage[];
  skipped: { item: WxrItem; reason: string }[];
}

/** Why a page is not imported, or undefined when it is: only published pages are. */
export function pageSkipReason(item: WxrItem): string | undefined {
  const skip = skipReason(item);
  if (skip) return skip;
  if (item.status === 'private') return 'private: it was for logged-in editors only';
  if (item.status !== 'publish')
    return `a page with status "${item.status}": only published pages are imported`;
  return undefined;
}

/**
 * Each page's chain of slugs, from its top ancestor to itself, found through `post_parent` among the
 * export's pages (any order). A parent that is not a page of the export ends the chain; a loop too.
 * @example pageChains([about, team]).get(team.postId) // ['about', 'team']
 */
export function pageChains(items: readonly WxrItem[]): Map<string, string[]> {
  const byId = new Map(items.map((item) => [item.postId, item]));
  const own = (item: WxrItem) =>
    normalizeSlug(item.postName) || normalizeSlug(item.title) || `page-${item.postId}`;
  const chains = new Map<string, string[]>();
  for (const item of items) {
    const chain = [own(item)];
    const seen = new Set([item.postId]);
    for (let parent = byId.get(item.postParent); parent && !seen.has(parent.postId);) {
      seen.add(parent.postId);
      chain.unshift(own(parent));
      parent = byId.get(parent.postParent);
    }
    chains.set(item.postId, chain);
  }
  return chains;
}

/** When a page last changed: its modification date, else its publication, in the newsroom's zone. */
function updatedOf(item: WxrItem, timeZone: string): Date | undefined {
  return (
    gmtToInstant(item.postModifiedGmt) ??
    wallClockToInstant(item.postModified, timeZone) ??
    postInstant(item.postDateGmt, item.postDate, timeZone)?.instant
  );
}

/**
 * Maps the export's pages (all of them at once: a child needs its parents' slugs, wherever they are in
 * the export). Pure but for `context`'s callbacks. A slug the theme or a section uses, or that another
 * page took, gets `-page` or a number, and the report says so.
 */
export function mapPages(items: readonly WxrItem[], context: PageContext): PageResults {
  const results: PageResults = { pages: [], skipped: [] };
  const chains = pageChains(items);
  // Addresses that are not a page's to take (`-page` is added), and those pages took (a number is).
  const theirs = new Set([...RESERVED_SECTION_SLUGS, ...context.sectionSlugs.map((s) => s.toLowerCase())]);
  const taken = new Set<string>();
  // Pages in the order WordPress numbered them, so a re-import gives each the same slug.
  const ordered = [...items].sort((a, b) => Number(a.postId) - Number(b.postId));
  for (const item of ordered) {
    const reason = pageSkipReason(item);
    if (reason) {
      results.skipped.push({ item, reason });
      continue;
    }
    const degraded: Degradation[] = [];
    context.converting?.(item);
    const { title, description, markdown } = postText(item, context, degraded);
    context.converting?.(undefined);
    const chain = chains.get(item.postId) ?? [`page-${item.postId}`];
    const wanted = chain.join('-');
    const base = theirs.has(wanted) ? `${wanted}-page` : wanted;
    let slug = base;
    for (let n = 2; taken.has(slug) || theirs.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    if (chain.length > 1)
      degraded.push({ reason: `a nested page (/${chain.join('/')}/): published at /${slug}/` });
    else if (slug !== wanted) degraded.push({ reason: `slug "${wanted}" is taken: published at /${slug}/` });
    if (item.comments.length > 0)
      degraded.push({
        reason: `${item.comments.length} comment${item.comments.length === 1 ? '' : 's'} not imported: site pages take no comments`,
      });
    const updated = updatedOf(item, context.timeZone);
    results.pages.push({
      postId: item.postId,
      slug,
      frontmatter: {
        title,
        description,
        ...(updated ? { updated: updated.toISOString() } : {}),
        slug,
      },
      body: markdown,
      degraded,
      link: item.link,
      guid: item.guid,
    });
  }
  return results;
}

/**
 * The old addresses of a page, as paths of the WordPress site: its permalink, `?page_id=<id>` (and the
 * guid WordPress wrote, often `?page_id=` or `?p=`). `oldPath` makes a link a path.
 */
export function oldPagePaths(page: MappedPage, oldPath: (link: string) => string | undefined): string[] {
  const paths = new Set<string>();
  // WordPress sometimes writes a doubled slash (`https://site//greek/…`): the page's path is the same.
  const link = page.link ? oldPath(page.link)?.replace(/\/{2,}/g, '/') : undefined;
  if (link && !link.includes('?')) paths.add(link);
  paths.add(`/?page_id=${page.postId}`);
  const guid = page.guid ? oldPath(page.guid) : undefined;
  if (guid && guid !== '/') paths.add(guid);
  return [...paths];
}
