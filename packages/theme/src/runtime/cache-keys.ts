/**
 * The `cacheKey` of every page the theme's routes build ahead, for Astro's incremental build: a page
 * keeps last build's output while its key and its code are unchanged (`lib/cache-key.ts`). A key names
 * what the page shows that is not code — the entries it shows (by Astro's digest of their files), the
 * comments under a story, and the parts that follow the clock (the footer's year, whether comments are
 * closed, the form token's age) — so it changes exactly when the page would. Today's date is printed on
 * the home page alone, which has no key (every build renders it). The theme's options and
 * strings are code (`virtual:khabar/*` modules), which Astro hashes itself.
 */
import { cacheKey, cardVersion, entryVersion, tokenPeriod, type VersionedEntry } from '../lib/cache-key.ts';
import { pageNeighbours, pageWindow } from '../lib/newsroom/pagination.ts';
import { getAuthors, type Article } from './articles.ts';
import { buildTime, now } from './clock.ts';
import type { EditionKey } from '../lib/editions.ts';
import { currentEdition } from './edition.ts';
import { copyrightYear, getArticleExtras } from './newsroom.ts';
import { getFooterPages, type SitePage } from './site-pages.ts';
import { optionalCollection } from './collections.ts';
import { config } from './site.ts';

const DAY_MS = 86_400_000;

/** `everyPage()`'s last parts in each edition, and the instant they were worked out at. */
const everyPageParts = new Map<EditionKey, { at: number; parts: Promise<unknown[]> }>();

/**
 * What every page shows that is not code: the footer's year (it follows the clock) and the site pages
 * it links (their titles are content). Worked out once per edition and instant: a build asks for it
 * with every key (27,000 at 10,000 stories), all at the build's instant.
 */
function everyPage(): Promise<unknown[]> {
  const edition = currentEdition().key;
  const at = now().getTime();
  let last = everyPageParts.get(edition);
  if (last?.at !== at) {
    last = {
      at,
      parts: (async () => [copyrightYear(), (await getFooterPages()).map(cardVersion)])(),
    };
    everyPageParts.set(edition, last);
  }
  return last.parts;
}

let commentsByPost: Promise<Map<string, string[]>> | undefined;

/** The approved comments' versions under each story, when comments are on. */
function comments(): Promise<Map<string, string[]>> {
  commentsByPost ??= (async () => {
    const byPost = new Map<string, string[]>();
    if (!config.commentRules) return byPost;
    const entries = await optionalCollection<VersionedEntry & { data: { postId: string } }>('comments');
    for (const entry of entries) {
      const list = byPost.get(entry.data.postId) ?? [];
      list.push(entryVersion(entry));
      byPost.set(entry.data.postId, list);
    }
    for (const list of byPost.values()) list.sort();
    return byPost;
  })();
  return commentsByPost;
}

/** What of a story's comments its page shows: the comments, whether they are closed, the token's age. */
async function commentState(article: Article): Promise<unknown[]> {
  const rules = config.commentRules;
  if (!rules) return [];
  const { closeAfterDays, tokenDays } = rules;
  const closed =
    closeAfterDays !== false &&
    buildTime().getTime() > article.data.published.getTime() + closeAfterDays * DAY_MS;
  return [
    (await comments()).get(article.id) ?? [],
    closed,
    // The form's token is signed with the wall clock when the page renders (khabar-comments).
    tokenPeriod(article.id, Date.now(), tokenDays),
  ];
}

/** A story's page: the story, its authors, the stories it links to, its comments. */
export async function articleKey(article: Article): Promise<string> {
  const authors = await getAuthors(article);
  const { related, more } = await getArticleExtras(article);
  return cacheKey(
    'article',
    entryVersion(article),
    authors.map(entryVersion),
    related.map(cardVersion),
    more.map(cardVersion),
    await commentState(article),
    await everyPage(),
  );
}

/**
 * A page of a listing: which page, the pages it links to (not how many there are: a numbered page's
 * links change only when a new page appears next to it), its stories, and what else it shows.
 */
export async function listingKey(
  kind: string,
  page: { number: number; total: number; count: number; items: readonly VersionedEntry[] },
  ...shown: unknown[]
): Promise<string> {
  const links = [pageWindow(page.number, page.total), pageNeighbours(page.number, page.total)];
  // A first page may say how many stories the list has; a numbered page does not.
  const count = page.number === 0 ? page.count : null;
  return cacheKey(kind, page.number, links, count, page.items.map(cardVersion), shown, await everyPage());
}

/**
 * A feed: the stories it carries in full (the first `seo.feeds.items`) and their authors, its author when
 * it is an author's, and the clock only when it is empty (its last build date then falls back to it).
 */
export async function feedKey(articles: readonly Article[], ...shown: unknown[]): Promise<string> {
  const items = articles.slice(0, config.seo.feeds.items);
  const authors = await Promise.all(items.map(async (item) => (await getAuthors(item)).map(entryVersion)));
  return cacheKey(
    'feed',
    items.map(entryVersion),
    authors,
    shown,
    items.length ? null : buildTime().toISOString(),
  );
}

/** A year of the archive: its stories (the page counts them and lists each month's newest). */
export async function archiveYearKey(items: readonly VersionedEntry[]): Promise<string> {
  return cacheKey('archive-year', items.map(cardVersion), await everyPage());
}

/** A site page: the page (its file, body included) and what every page shows. */
export async function sitePageKey(page: SitePage): Promise<string> {
  return cacheKey('site-page', entryVersion(page), await everyPage());
}
