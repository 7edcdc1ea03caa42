/**
 * How the article route hands its stories to the search index during a build: the integration installs
 * a `SearchHandoff` on `globalThis` under `SEARCH_HANDOFF` at `astro:build:start` (the route runs in
 * Astro's build bundle, so a global is what both sides see), and the route takes it in `getStaticPaths`.
 */

/** A story ready for Pagefind: its page's URL and the slim page of `storyForIndex`. */
export interface IndexDocument {
  url: string;
  html: string;
}

/**
 * What the article route calls during a build. `add` may be called several times; `done` once, with the
 * URLs of the article pages that must be read from the built site instead.
 */
export interface SearchHandoff {
  add(documents: readonly IndexDocument[]): void;
  done(fromPages: readonly string[]): void;
}

/** Where the hand-off waits for the article route. */
export const SEARCH_HANDOFF = Symbol.for('astro-theme-khabar:search-index');
