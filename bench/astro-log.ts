/**
 * What an `astro build` rendered and what it reused, read from the build's own log: Astro says it for
 * every path it generates, so the counts are Astro's, not inferred from the output's files or dates.
 *
 * Astro 7 (`dist/core/build/generate.js`, `generatePathWithPrerenderer()`) logs each prerendered path —
 * HTML pages and endpoints (feeds, sitemaps, social cards) alike — once, as `  ├─ <output file>` with no
 * line end, then exactly one of:
 * - ` (cached)`: skipped by the incremental build (`experimental.incrementalBuild`), the output already
 *   in `dist/`;
 * - ` (restored)`: skipped, the output copied back from `<cacheDir>/dist/`;
 * - ` (+12ms)` or ` (+1.2s)`, sometimes followed by `(file not created, response body was empty)`:
 *   rendered.
 * All of it sits between the ` generating static routes ` banner (` prerendering static routes ` with an
 * adapter) and the `✓ Completed in …` line that ends that step; the image step comes after it.
 *
 * With `build.concurrency` above 1 the lines of paths rendered at once interleave: the counts stay exact
 * (every path writes one marker and one outcome), only which file had which outcome is lost.
 */

export interface PathCounts {
  /** Paths Astro generated: `rendered + reused`. */
  paths: number;
  /** Paths Astro rendered. */
  rendered: number;
  /** Paths Astro skipped and reused: `cached + restored`. */
  reused: number;
  cached: number;
  restored: number;
  /** The output files Astro rendered, as it logged them (`undefined` when the lines interleaved). */
  renderedFiles?: string[];
}

// Astro's colours are off in the bench (NO_COLOR), but a log may still carry them.
// eslint-disable-next-line no-control-regex -- the escape character is what an SGR sequence starts with
const SGR = /\u001b\[[0-9;]*m/g;
const BANNER = / (?:generating|prerendering) static routes /;
const END = /✓ Completed in /;
const MARKER = '├─ ';
const RENDERED = / \(\+[^)\s]*\)/g;
const REUSED = / \((cached|restored)\)/g;
/** One path and its outcome, when they are on one line as Astro writes them with one page at a time. */
const PAIR = /├─ (.+?) (?:\((cached|restored)\)|\(\+[^)\s]*\))/g;

/**
 * Counts what a build log says Astro rendered and reused. Throws when the log does not read as Astro 7's
 * does (no banner, or markers and outcomes that do not add up), so a changed log format is reported,
 * never guessed around.
 */
export function countPaths(log: string): PathCounts {
  const text = log.replace(SGR, '');
  const banner = BANNER.exec(text);
  if (!banner) throw new Error('no "generating static routes" step in the build log');
  const rest = text.slice(banner.index + banner[0].length);
  const end = END.exec(rest);
  if (!end) throw new Error('the "generating static routes" step has no "✓ Completed in" line');
  const step = rest.slice(0, end.index);

  const paths = step.split(MARKER).length - 1;
  const rendered = [...step.matchAll(RENDERED)].length;
  const outcomes = [...step.matchAll(REUSED)].map((m) => m[1]);
  const cached = outcomes.filter((o) => o === 'cached').length;
  const restored = outcomes.length - cached;
  if (rendered + cached + restored !== paths) {
    throw new Error(
      `the build log lists ${paths} paths but ${rendered} rendered, ${cached} cached and ${restored} restored`,
    );
  }
  const pairs = [...step.matchAll(PAIR)];
  const paired = pairs.length === paths && pairs.every((m) => !(m[1] ?? '').includes(MARKER.trim()));
  const renderedFiles = paired
    ? pairs.filter((m) => m[2] === undefined).map((m) => (m[1] ?? '').trim())
    : undefined;
  return {
    paths,
    rendered,
    reused: cached + restored,
    cached,
    restored,
    ...(renderedFiles ? { renderedFiles } : {}),
  };
}
