/**
 * How the article route hands its stories to the search index during a build: the integration installs
 * a `SearchHandoff` on `globalThis` under `SEARCH_HANDOFF` at `astro:build:start` (the route runs in
 * Astro's build bundle, so a global is what both sides see), and the route takes it in `getStaticPaths`.
 */
import type { SearchRecord } from './record.ts';

/** A story for the index: its page's URL and its record (`searchRecord`). */
export interface IndexStory {
  url: string;
  record: SearchRecord;
}

/**
 * What the article route calls during a build. `add` may be called several times; `done` once, with the
 * URLs of the article pages that must be read from the built site instead.
 */
export interface SearchHandoff {
  add(stories: readonly IndexStory[]): void;
  done(fromPages: readonly string[]): void;
}

/** Where the hand-off waits for the article route. */
export const SEARCH_HANDOFF = Symbol.for('astro-theme-khabar:search-index');
