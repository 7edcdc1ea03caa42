/**
 * Pages built ahead and pages rendered on request, from the same route files (`rendering.prerender`).
 *
 * A route that can be both (a story, a listing's later pages) is injected twice at one pattern: its own
 * file, prerendered, whose `getStaticPaths` keeps only what is built ahead (`prerenderedOnly`); and a
 * small file in `routes/on-demand/` that finds the same props for the request's params from that
 * `getStaticPaths` (asked for every path) and renders the same component, so a reader gets the same
 * HTML either way. It then sets the response's cache headers (`lib/cache.ts`).
 */
import { cacheControl, cacheTagHeaders, secondsUntilNextChange, type CacheLifetime } from '../lib/cache.ts';
import { storyBuiltAhead } from '../lib/routes.ts';
import { getAllStories, getArticles } from './articles.ts';
import { buildTime, now } from './clock.ts';
import { config } from './site.ts';

type Params = Record<string, string | number | undefined>;
interface PathEntry<P = unknown> {
  params: Params;
  props?: P;
}
/** What a route's `getStaticPaths` is called with: Astro's options, and ours for on-demand lookups. */
export interface PathOptions {
  routePattern: string;
  /** Every path, not only those built ahead: the on-demand twin is looking one up. */
  everyPath?: boolean;
}
type GetStaticPaths<P = unknown> = (
  options: PathOptions,
) => Promise<readonly PathEntry<P>[]> | readonly PathEntry<P>[];

/** Whether a story's page is built ahead (`storyBuiltAhead`, by the build's clock). */
export function builtAhead(story: { data: { published: Date } }): boolean {
  return storyBuiltAhead(story.data.published.getTime(), buildTime(), config.rendering);
}

/** The stories whose pages a prerendered route builds (all of them when looked up on demand). */
export function prerenderedOnly<T extends { data: { published: Date } }>(
  stories: readonly T[],
  options: Partial<PathOptions> | undefined,
): readonly T[] {
  return options?.everyPath || config.rendering.prerender === 'all' ? stories : stories.filter(builtAhead);
}

function paramsKey(params: Params): string {
  return JSON.stringify(
    Object.keys(params)
      .filter((key) => params[key] !== undefined)
      .sort()
      .map((key) => [key, String(params[key])]),
  );
}

/** Each route's paths by params, for the published list they were worked out from. */
const lookups = new WeakMap<
  GetStaticPaths,
  Map<string, { list: unknown; byParams: Map<string, PathEntry> }>
>();

/**
 * The props a prerendered route would have given the page at these params, or `undefined` when it has
 * no such page (a 404). Worked out once per route, pattern and published list.
 */
export async function propsFor<P extends object>(
  getStaticPaths: GetStaticPaths<P>,
  routePattern: string,
  params: Params,
): Promise<P | undefined> {
  const list = await getArticles();
  let byPattern = lookups.get(getStaticPaths);
  if (!byPattern) {
    byPattern = new Map<string, { list: unknown; byParams: Map<string, PathEntry> }>();
    lookups.set(getStaticPaths, byPattern);
  }
  let lookup = byPattern.get(routePattern);
  if (!lookup || lookup.list !== list) {
    const entries = await getStaticPaths({ routePattern, everyPath: true });
    lookup = { list, byParams: new Map(entries.map((entry) => [paramsKey(entry.params), entry])) };
    byPattern.set(routePattern, lookup);
  }
  const entry = lookup.byParams.get(paramsKey(params));
  return entry ? ((entry.props ?? {}) as P) : undefined;
}

/** Which lifetime a page rendered on request gets (`rendering.cache`). */
export type CacheKind = 'stories' | 'listings' | 'timely';

/**
 * The cache headers of a page rendered on request: its kind's lifetime — capped, for listings and
 * timely pages, at the next known change — and the tags of what it shows.
 */
export async function onDemandHeaders(
  kind: CacheKind,
  tags: readonly string[],
): Promise<Record<string, string>> {
  const cache = config.rendering.cache;
  const lifetime: CacheLifetime = cache[kind];
  const until =
    kind === 'stories'
      ? undefined
      : secondsUntilNextChange(await getAllStories(), now(), config.home.breakingHours);
  return { 'Cache-Control': cacheControl(lifetime, cache.browserMaxAge, until), ...cacheTagHeaders(tags) };
}

/** Sets a page's cache headers when it is rendered on request (a page built ahead has none to set). */
export async function setOnDemandHeaders(
  astro: { isPrerendered: boolean; response: { headers: Headers } },
  kind: CacheKind,
  tags: readonly string[],
): Promise<void> {
  if (astro.isPrerendered) return;
  for (const [name, value] of Object.entries(await onDemandHeaders(kind, tags))) {
    astro.response.headers.set(name, value);
  }
}

/** The answer for params no page has: Astro renders the site's 404 page for it. */
export async function notFound(): Promise<Response> {
  return new Response(null, {
    status: 404,
    headers: await onDemandHeaders('timely', []),
  });
}
