/**
 * The cache headers of a page rendered on request: how long a CDN keeps it (`Cache-Control` with
 * `s-maxage` and `stale-while-revalidate`), and what it shows (`Cache-Tag`, `Surrogate-Key`), so a purge
 * by tag refreshes every page that shows a story. Pure: the runtime hands in the lifetimes and the facts.
 */

/** How long a shared cache keeps a page fresh, and how long after that it may serve it stale. */
export interface CacheLifetime {
  sMaxAge: number;
  staleWhileRevalidate: number;
}

/**
 * A `Cache-Control` value. `until`, when given, caps every lifetime at that many seconds: a page that
 * changes at a known moment (a scheduled story is due, a breaking story leaves the strip) is not kept past it.
 * @example cacheControl({ sMaxAge: 600, staleWhileRevalidate: 86400 }, 60) // 'public, max-age=60, s-maxage=600, stale-while-revalidate=86400'
 */
export function cacheControl(lifetime: CacheLifetime, browserMaxAge: number, until?: number): string {
  const cap = (seconds: number) =>
    Math.max(0, Math.floor(until === undefined ? seconds : Math.min(seconds, until)));
  const sMaxAge = cap(lifetime.sMaxAge);
  return [
    'public',
    `max-age=${Math.min(cap(browserMaxAge), sMaxAge)}`,
    `s-maxage=${sMaxAge}`,
    // Serving a stale page past a known change would show it anyway: no grace then.
    `stale-while-revalidate=${until !== undefined && until < lifetime.sMaxAge ? 0 : lifetime.staleWhileRevalidate}`,
  ].join(', ');
}

/** The facts of a story a cache tag is made of. */
export interface TaggedStory {
  id: string;
  data: { section: string; tags: readonly string[]; authors: readonly { id: string }[] };
}

/**
 * One cache tag: a kind and a value, the value percent-encoded so that Arabic tags, slashes and spaces
 * stay within what every CDN accepts (printable ASCII, no spaces or commas).
 * @example cacheTag('tag', 'نفط') // 'tag:%D9%86%D9%81%D8%B7'
 */
export function cacheTag(kind: 'story' | 'section' | 'tag' | 'author' | 'page', value: string): string {
  return `${kind}:${encodeURIComponent(value)}`;
}

/** The tags of a story's own page: the story, its section, its tags and its authors. */
export function storyTags(story: TaggedStory): string[] {
  return [
    cacheTag('story', story.id),
    cacheTag('section', story.data.section),
    ...story.data.tags.map((tag) => cacheTag('tag', tag)),
    ...story.data.authors.map((author) => cacheTag('author', author.id)),
  ];
}

/** The stories a page lists, as tags (a purge of one story's tag refreshes every list that shows it). */
export function shownStoryTags(stories: readonly { id: string }[]): string[] {
  return stories.map((story) => cacheTag('story', story.id));
}

/** `Cache-Tag` (comma-separated: Cloudflare, Netlify) and `Surrogate-Key` (space-separated: Fastly, nginx setups). */
export function cacheTagHeaders(tags: readonly string[]): Record<string, string> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return {};
  return { 'Cache-Tag': unique.join(','), 'Surrogate-Key': unique.join(' ') };
}

/**
 * Seconds from `now` until the next known change of what listings and the home page show: the next
 * scheduled story becoming due, or a breaking story leaving the strip. `undefined` when none is known.
 * `stories` are sorted newest first (scheduled ones first), so only the front of the list is read.
 */
export function secondsUntilNextChange(
  stories: readonly { data: { published: Date; breaking?: boolean | undefined } }[],
  now: Date,
  breakingHours: number,
): number | undefined {
  const time = now.getTime();
  let next = Infinity;
  const windowOpens = time - breakingHours * 3_600_000;
  for (const { data } of stories) {
    const published = data.published.getTime();
    if (published <= windowOpens) break;
    if (published > time) next = Math.min(next, published);
    else if (data.breaking) {
      const leaves = published + breakingHours * 3_600_000;
      if (leaves > time) next = Math.min(next, leaves);
    }
  }
  return next === Infinity ? undefined : Math.ceil((next - time) / 1000);
}
