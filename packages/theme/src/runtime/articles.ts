/**
 * The site's articles, as routes and components need them. Reads `astro:content` once per build.
 */
import { getCollection, getEntries } from 'astro:content';
import type { ArticleData, AuthorData } from '../config/article.ts';
import {
  firstDuplicate,
  groupBy,
  publishedNewestFirst,
  scheduledAfter,
  zonedDateParts,
} from '../lib/newsroom/stories.ts';
import { storyEdition, translationGroups, type EditionKey } from '../lib/editions.ts';
import { articlePath, authorPath, articleParams, sectionPath, tagPath } from '../lib/urls.ts';
import { now } from './clock.ts';
import { currentEdition, edition, EDITION_KEYS, EDITIONS, inEdition } from './edition.ts';
import { config } from './site.ts';
import { missingAuthorProblem } from '../lib/content-file.ts';
import { userError } from '../lib/user-error.ts';

/** An article entry, as `getCollection('articles')` returns it. */
export interface Article {
  id: string;
  collection: 'articles';
  data: ArticleData;
  body?: string | undefined;
  filePath?: string | undefined;
  /** Astro's digest of the entry's file: what a page's `cacheKey` names the story by. */
  digest?: string | undefined;
  /** The Markdown rendered at load time (not for MDX, which renders with its page). */
  rendered?: { html: string } | undefined;
}
/** An author entry. */
export interface Author {
  id: string;
  collection: 'authors';
  data: AuthorData;
  digest?: string | undefined;
}

/**
 * The picture that stands for a story on cards, in link previews and feeds: its `image`, or a photo
 * story's first picture.
 */
export function leadPicture(article: Article) {
  const { data } = article;
  return data.image ?? (data.kind === 'gallery' ? data.gallery?.[0] : undefined);
}

let collection: Promise<Article[]> | undefined;

/** Every story of every edition that is not a draft, newest first. */
function getEveryStory(): Promise<Article[]> {
  collection ??= (getCollection('articles') as Promise<Article[]>).then(publishedNewestFirst);
  return collection;
}

/** The edition a story belongs to: the one whose folder it is in (`articles/en/…`), else the main one. */
export function editionOf(article: Article): EditionKey {
  return storyEdition(article.id, EDITION_KEYS);
}

/**
 * A story in an edition's section that the edition does not have would have no section page to link:
 * the error names the file and the fix.
 */
function checkEditionSections(articles: readonly Article[], key: EditionKey): void {
  if (key === undefined) return;
  const own = edition(key).config.sections;
  for (const article of articles) {
    if (!own.some((section) => section.slug === article.data.section)) {
      throw userError(
        `${article.filePath ?? article.id}: the section "${article.data.section}" is not one of the "${key}" edition's sections (${own.map((section) => `"${section.slug}"`).join(', ')}). Put the story in one of them, or add the section to editions.${key}.sections in astro.config.`,
      );
    }
  }
}

const byEdition = new Map<EditionKey, Promise<Article[]>>();

/**
 * Every story of the edition being rendered that is not a draft, newest first, scheduled ones included.
 * Two stories that would share a URL fail the build.
 */
export function getAllStories(): Promise<Article[]> {
  const { key } = currentEdition();
  let stories = byEdition.get(key);
  if (!stories) {
    stories = getEveryStory().then((entries) => {
      const articles = entries.filter((entry) => editionOf(entry) === key);
      checkEditionSections(articles, key);
      const clash = firstDuplicate(articles, articleUrl);
      if (clash) {
        const [a, b] = clash;
        throw userError(
          `Two articles would be published at ${decodeURI(articleUrl(a))}: ${a.filePath ?? a.id} and ${b.filePath ?? b.id}. Give one of them another file name or a "slug" in its frontmatter.`,
        );
      }
      return articles;
    });
    byEdition.set(key, stories);
  }
  return stories;
}

let translations: Promise<Map<Article, Article[]>> | undefined;

/**
 * The versions of a story in the site's editions (itself among them, the main edition's first), or
 * none when it has no translation. Scheduled versions are left out until they are published.
 */
export async function getTranslations(article: Article): Promise<Article[]> {
  translations ??= getEveryStory().then((stories) => translationGroups(stories, EDITION_KEYS));
  const group = (await translations).get(article) ?? [];
  const at = now().getTime();
  return group.filter((version) => version.data.published.getTime() <= at);
}

/** The published lists seen so far, by edition and by how many scheduled stories they leave out. */
const visible = new WeakMap<Article[], Map<number, Article[]>>();

/**
 * Every published article, newest first: not drafts, and not stories scheduled after "now" (the build's
 * clock, or the request's for a page rendered on request). The same array for the same "now" between two
 * scheduled stories, so whatever is worked out from it (indexes, the archive) is worked out once.
 */
export async function getArticles(): Promise<Article[]> {
  const all = await getAllStories();
  // Found by a binary search, copied once per "now" between two scheduled stories (not per request).
  const skipped = scheduledAfter(all, now());
  const seen = visible.get(all) ?? new Map<number, Article[]>();
  visible.set(all, seen);
  let articles = seen.get(skipped);
  if (!articles) {
    articles = all.slice(skipped);
    seen.set(skipped, articles);
  }
  return articles;
}

/**
 * Every edition's published stories, the main edition's first: for what the site has once for all its
 * editions (the live stories' files, the comment receiver's posts).
 */
export async function getEveryEditionArticles(): Promise<Article[]> {
  const editions = await Promise.all(EDITIONS.map((of) => inEdition(of.key, () => getArticles())));
  return editions.flat();
}

/** A value worked out once per published list (see `getArticles`). */
export function perList<T>(compute: (articles: Article[]) => T): () => Promise<T> {
  const results = new WeakMap<Article[], T>();
  return async () => {
    const articles = await getArticles();
    let result = results.get(articles);
    if (result === undefined) {
      result = compute(articles);
      results.set(articles, result);
    }
    return result;
  };
}

function urlParts(article: Article) {
  return {
    // An article in a subfolder (articles/2016/story.md) has the id "2016/story": its URL slug is the
    // last segment, since a route parameter cannot hold a slash.
    slug: article.id.slice(article.id.lastIndexOf('/') + 1),
    section: article.data.section,
    date: zonedDateParts(article.data.published, config.timeZone),
  };
}

/** The route params of an article page. */
export function articleRouteParams(article: Article): Record<string, string> {
  return articleParams(config.articleRoute, urlParts(article));
}

const urls = new WeakMap<Article, string>();

/**
 * The encoded path of an article page, in the story's own edition (worked out once per entry: every
 * listing links it).
 */
export function articleUrl(article: Article): string {
  let url = urls.get(article);
  if (url === undefined) {
    url = articlePath(edition(editionOf(article)).config.base, config.articleRoute, urlParts(article));
    urls.set(article, url);
  }
  return url;
}

/** The encoded path of a section page. */
export function sectionUrl(slug: string): string {
  return sectionPath(config.base, slug);
}

/** The encoded path of a tag page. */
export function tagUrl(tag: string): string {
  return tagPath(config.base, tag);
}

/** The encoded path of an author page. */
export function authorUrl(id: string): string {
  return authorPath(config.base, id);
}

/** The configured section with this slug. */
export function getSection(slug: string) {
  const section = config.sections.find((s) => s.slug === slug);
  if (!section) throw new Error(`Unknown section "${slug}"`);
  return section;
}

/**
 * An author as the edition being rendered prints them: with the name the profile gives for the
 * edition (`names: { en: 'Layla Haddad' }`), else its own.
 */
function inThisEdition(author: Author): Author {
  const key = currentEdition().key;
  const name = key === undefined ? undefined : author.data.names[key];
  return name === undefined ? author : { ...author, data: { ...author.data, name } };
}

/** The authors of an article, in byline order. */
export async function getAuthors(article: Article): Promise<Author[]> {
  if (article.data.authors.length === 0) return [];
  const authors = (await getEntries(article.data.authors)) as (Author | undefined)[];
  return authors.map((author, index) => {
    if (author) return inThisEdition(author);
    const id = article.data.authors[index]?.id ?? '';
    throw userError(missingAuthorProblem(article.filePath ?? article.id, id, 'authors'));
  });
}

/** Every author profile. */
export async function getAllAuthors(): Promise<Author[]> {
  return ((await getCollection('authors')) as Author[]).map(inThisEdition);
}

/** Articles grouped by section, by tag and by author (worked out once per published list). */
export const getIndexes = perList((articles) => ({
  bySection: groupBy(articles, (a) => [a.data.section]),
  byTag: groupBy(articles, (a) => a.data.tags),
  byAuthor: groupBy(articles, (a) => a.data.authors.map((author) => author.id)),
}));
