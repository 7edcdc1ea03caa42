/**
 * How the article route hands its stories to the search index during a build: the integration installs
 * a `SearchHandoff` on `globalThis` under `SEARCH_HANDOFF` at `astro:build:start` (the route runs in
 * Astro's build bundle, so a global is what both sides see), and the route takes it in `getStaticPaths`.
 *
 * The route asks for the plan first (the parts, from every story's month), then sends each part's
 * stories in that order and says when a part is complete. The index holds a part's documents until it
 * is complete (its digest decides whether Pagefind must read it at all), and `add` resolves when the
 * part before is done: at most one part waits on the heap while Pagefind reads another.
 */
import type { SearchPart } from './parts.ts';
import type { SearchRecord, SearchSource } from './record.ts';

/**
 * A story for the index: its page's URL and its record (`searchRecord`), or how to compute the record
 * when the index needs it. With a `key` (a digest of everything the record is computed from), a part
 * the cache already holds is found without computing any of its records: reading and rendering every
 * story's body and stemming its words was most of an unchanged 10,000-story rebuild.
 */
export interface IndexStory {
  url: string;
  /** Changes whenever the record would; without one, the record itself is digested. */
  key?: string | undefined;
  record: SearchRecord | (() => Promise<SearchRecord>);
  /**
   * What the record is computed from, for an index that computes records off the main thread (the
   * server's): the story's fields and its body, unrendered when its file holds Markdown.
   */
  source?: (() => Promise<SearchSource>) | undefined;
}

/** What the article route calls during a build, in this order: `plan`, then `add`… `end` per part, `done`. */
export interface SearchHandoff {
  /**
   * The parts to send the stories in: `months` holds every published story's month ("2016-12", in the
   * newsroom's time zone), newest first, as the route lists them.
   */
  plan(months: readonly string[]): readonly SearchPart[];
  /** Some of a part's stories, in order. Wait for it before describing the next ones. */
  add(part: string, stories: readonly IndexStory[]): Promise<void>;
  /** The part's stories are all sent; `fromPages` lists those only their built page can describe (MDX). */
  end(part: string, fromPages: readonly string[]): Promise<void>;
  /**
   * The index computes records from `IndexStory.source` (the server's): a story with no body to read
   * (MDX) is sent too, with its fields alone, since no built page is read back.
   */
  sources?: boolean | undefined;
  /** Every part is sent, or the route stopped at `error` (the build then fails with it). */
  done(error?: unknown): void;
}

/** Where the hand-off waits for the article route of the main edition. */
export const SEARCH_HANDOFF = Symbol.for('astro-theme-khabar:search-index');

/**
 * Where the hand-off of an edition's index waits: each edition has an index of its own, in its language,
 * which its article route (`/en/[section]/[slug]`) hands its stories to.
 * @example searchHandoffKey('en') // Symbol.for('astro-theme-khabar:search-index:en')
 */
export function searchHandoffKey(edition: string | undefined): symbol {
  return edition === undefined ? SEARCH_HANDOFF : Symbol.for(`astro-theme-khabar:search-index:${edition}`);
}
