import type { CardFonts } from './social-card.ts';

/** What the integration passes to the SEO routes through `virtual:khabar/seo-build`. */
export interface SeoBuildInfo {
  /** The build's clock (ISO): "the last 48 hours" end here. */
  buildTime: string;
  /** Where drawn social cards are kept between builds (absolute). */
  cardCacheDir: string;
  /** TTF files Pango can shape Arabic with. */
  cardFonts: CardFonts;
  /** The theme's version: part of every card's cache key. */
  themeVersion: string;
  /** The sitemap index the site publishes, when any (absolute URL), for robots.txt. */
  sitemapIndex: string | undefined;
  /**
   * The Google News sitemap, when on (absolute URL), for robots.txt: listed there too, since a site that
   * brings its own `@astrojs/sitemap` after the theme writes an index without it.
   */
  newsSitemap: string | undefined;
}

/**
 * The build's clock: the `buildTime` option, else `KHABAR_BUILD_TIME`, else now.
 * @throws when `KHABAR_BUILD_TIME` is not a date.
 */
export function resolveBuildTime(option: string | undefined, env: string | undefined, now: Date): Date {
  const value = option ?? (env?.trim() || undefined);
  if (value === undefined) return now;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new Error(
      `KHABAR_BUILD_TIME="${value}" is not a date; use an ISO instant such as "2016-12-02T08:00:00+02:00"`,
    );
  }
  return date;
}
