/**
 * The `cacheKey` a page gives Astro's incremental build (`experimental.incrementalBuild`): a digest of
 * everything the page shows that is not code. Astro hashes the page's code itself, so a key holds only
 * data: the content entries the page shows (by Astro's digest of their files) and the parts that follow
 * the clock. Pure; `runtime/cache-keys.ts` gathers the parts for each kind of page.
 */
import { createHash } from 'node:crypto';

/** What identifies a content entry's content: its id and Astro's digest of its file. */
export interface VersionedEntry {
  id: string;
  digest?: string | undefined;
  data: unknown;
}

/** The entry's id and digest (a digest of its data when the loader gave none). */
export function entryVersion(entry: VersionedEntry): string {
  return `${entry.id}@${entry.digest ?? digestOf(entry.data)}`;
}

const cards = new WeakMap<object, string>();

/**
 * What a card, a link or a headline list shows of an entry: its id and a digest of its data (the
 * frontmatter), not of its body. A typo corrected in a story's text changes the story's own page, not
 * every listing and related-stories block that links to it.
 */
export function cardVersion(entry: VersionedEntry): string {
  let version = cards.get(entry);
  if (version === undefined) {
    version = `${entry.id}#${digestOf(entry.data)}`;
    cards.set(entry, version);
  }
  return version;
}

function digestOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify({ value })).digest('base64url').slice(0, 16);
}

/**
 * A key for these parts: the same parts in the same order give the same key, any change another.
 * @example cacheKey('article', ['x@abc'], 2026) // 'article:' + 43 characters
 */
export function cacheKey(kind: string, ...parts: unknown[]): string {
  return `${kind}:${createHash('sha256').update(JSON.stringify(parts)).digest('base64url')}`;
}

/**
 * Which period of `days / 2` days `at` falls in, offset per `id` so that pages do not all change on the
 * same day: a page re-rendered once a period never carries a form token older than `days` (while builds
 * run at least once a period). 0 when `days` is 0 (no token).
 */
export function tokenPeriod(id: string, at: number, days: number): number {
  if (days <= 0) return 0;
  const period = (days / 2) * 86_400_000;
  const offset = createHash('sha256').update(id).digest().readUIntBE(0, 6) % period;
  return Math.floor((at + offset) / period);
}
