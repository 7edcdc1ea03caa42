/**
 * A multilingual newsroom's editions: which edition a story, a route or a URL belongs to, and which
 * stories are translations of each other. Pure: the runtime (`runtime/edition.ts`) hands in the keys.
 *
 * The main edition lives at the site's root and has no key (`undefined`); every other edition has a
 * key that is both its URL prefix (`/en/`) and the folder of its stories (`src/content/articles/en/`).
 */
import { slug as githubSlug } from 'github-slugger';
import { userError } from './user-error.ts';

/** An edition's key: `undefined` for the main one at the root. */
export type EditionKey = string | undefined;

/**
 * The edition of a story, by its id: the first folder of the id when it is an edition's key.
 * @example storyEdition('en/russia-syria-sovereignty', ['en']) // 'en'
 * @example storyEdition('2016/russia-syria-sovereignty', ['en']) // undefined
 */
export function storyEdition(id: string, keys: readonly string[]): EditionKey {
  const slash = id.indexOf('/');
  if (slash === -1) return undefined;
  const first = id.slice(0, slash);
  return keys.includes(first) ? first : undefined;
}

/**
 * The edition of a route pattern: an edition's routes are the main ones under its prefix.
 * @example patternEdition('/en/[section]/[slug]', ['en']) // 'en'
 */
export function patternEdition(pattern: string, keys: readonly string[]): EditionKey {
  const first = pattern.split('/')[1] ?? '';
  return keys.includes(first) ? first : undefined;
}

/**
 * The edition of a page, by its URL path under the site's base.
 * @example pathEdition('/news/en/politics/', '/news/', ['en']) // 'en'
 */
export function pathEdition(pathname: string, base: string, keys: readonly string[]): EditionKey {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (!pathname.startsWith(root)) return undefined;
  const first = pathname.slice(root.length).split('/')[0] ?? '';
  return keys.includes(first) ? first : undefined;
}

/** A story's file name without its folder and extension (`russia-syria-sovereignty`). */
function fileName(story: TranslatableStory): string | undefined {
  const match = story.filePath === undefined ? null : /([^/\\]+)\.[^./\\]+$/.exec(story.filePath);
  return match?.[1]?.normalize('NFC');
}

/**
 * A story's id, as Astro's `glob()` makes it — the `slug` field, or the file's path slugged segment by
 * segment — except that a story of another edition (`articles/en/…`) keeps its edition's folder before
 * its `slug`: the folder is how the theme knows a story's edition (`lib/editions.ts`), and Astro's id
 * of a story with a `slug` has no folder.
 * @example storyId({ entry: 'en/summit.md', data: { slug: 'g20-summit' } }, ['en']) // 'en/g20-summit'
 */
export function storyId(
  { entry, data }: { entry: string; data: Record<string, unknown> },
  editions: readonly string[],
): string {
  const fromFile = () =>
    entry
      .replace(/\.[^./]+$/, '')
      .split('/')
      .map((segment) => githubSlug(segment))
      .join('/')
      .replace(/\/index$/, '');
  const field = data['slug'];
  // A slug that is no text fails the article's schema, which names the field.
  if (typeof field !== 'string' || field === '') return fromFile();
  const slug = field;
  const folder = entry.split('/')[0] ?? '';
  return entry.includes('/') && editions.includes(folder) ? `${folder}/${slug}` : slug;
}

/** What the translation links need of a story. */
export interface TranslatableStory {
  id: string;
  filePath?: string | undefined;
  data: { translationOf?: string | undefined };
}

/**
 * The stories grouped by what they translate: a story names the story it is a translation of in
 * `translationOf` (by its id, or by its file name when no other file has it), and that story (never itself a translation) and its translations form one group,
 * at most one story per edition.
 * @throws an error naming the story's file when `translationOf` names no story, names a translation, or
 *   gives an edition a second version of the same story.
 */
export function translationGroups<T extends TranslatableStory>(
  stories: readonly T[],
  keys: readonly string[],
): Map<T, T[]> {
  const byId = new Map(stories.map((story) => [story.id, story]));
  // An original (a story that translates none) is also known by its file's name, when no other
  // original has that name: its translations often share it (articles/en/<the same name>.md).
  const byFile = new Map<string, T | undefined>();
  for (const story of stories) {
    if (story.data.translationOf !== undefined) continue;
    const name = fileName(story);
    if (name !== undefined) byFile.set(name, byFile.has(name) ? undefined : story);
  }
  const groups = new Map<string, T[]>();
  const fileOf = (story: T) => story.filePath ?? story.id;
  for (const story of stories) {
    const target = story.data.translationOf;
    if (target === undefined) continue;
    const original = byId.get(target) ?? byFile.get(target);
    if (!original) {
      throw userError(
        `${fileOf(story)}: "translationOf: ${target}" names no published story. Use the file name of the story this one translates, without ".md" (e.g. "russia-syria-sovereignty"), or its slug.`,
      );
    }
    if (original.data.translationOf !== undefined) {
      throw userError(
        `${fileOf(story)}: "translationOf: ${target}" names a story that is itself a translation (of "${original.data.translationOf}"). Name the original story: "translationOf: ${original.data.translationOf}".`,
      );
    }
    const group = groups.get(original.id) ?? [original];
    const edition = storyEdition(story.id, keys);
    const twin = group.find((other) => storyEdition(other.id, keys) === edition);
    if (twin) {
      throw userError(
        `${fileOf(story)}: "translationOf: ${target}" gives the ${edition ?? 'main'} edition a second version of the story, beside ${fileOf(twin)}. Each edition has at most one version of a story.`,
      );
    }
    group.push(story);
    groups.set(original.id, group);
  }
  const result = new Map<T, T[]>();
  for (const group of groups.values()) for (const story of group) result.set(story, group);
  return result;
}

/** One language version of a page, for `<link rel="alternate" hreflang>` and the sitemap. */
export interface Alternate {
  /** The edition's key (`undefined`: the main edition). */
  edition: EditionKey;
  /** The language tag, e.g. `ar-SY` or `en`. */
  hreflang: string;
  /** The version's URL (absolute where the site is known). */
  href: string;
}

/**
 * The `hreflang` links of a page that exists in several editions: one per version, and `x-default`
 * on the main edition's version. A page with one version has none.
 * @example hreflangLinks([{ edition: undefined, hreflang: 'ar', href: '/' }, { edition: 'en', hreflang: 'en', href: '/en/' }])
 * // [{ hreflang: 'ar', href: '/' }, { hreflang: 'en', href: '/en/' }, { hreflang: 'x-default', href: '/' }]
 */
export function hreflangLinks(versions: readonly Alternate[]): { hreflang: string; href: string }[] {
  if (versions.length < 2) return [];
  const links = versions.map(({ hreflang, href }) => ({ hreflang, href }));
  const main = versions.find((version) => version.edition === undefined);
  if (main) links.push({ hreflang: 'x-default', href: main.href });
  return links;
}
