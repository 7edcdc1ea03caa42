import type { AstroConfig } from 'astro';

type InlineStylesheets = AstroConfig['build']['inlineStylesheets'];

/**
 * How Astro should write the pages' CSS: as linked files, unless the site asked for inline CSS.
 *
 * The theme's own CSS is one stylesheet for every page (styles/index.css). With Astro's default,
 * `'auto'`, a smaller chunk (the comments' styles on every article, a site's own small component styles)
 * is inlined into each page that uses it instead: thousands of copies in a newsroom, none of them
 * cached. `'never'` links it, so a reader's browser fetches it once. `'always'` is the site's choice and
 * stays. (Astro gives the theme its resolved config, where an `'auto'` written by the site and the
 * default look the same: both become `'never'`.)
 * @example inlineStylesheets('auto') // 'never'
 */
export function inlineStylesheets(chosen: InlineStylesheets): InlineStylesheets {
  return chosen === 'always' ? 'always' : 'never';
}
