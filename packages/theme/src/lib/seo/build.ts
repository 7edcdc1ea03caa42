import type { CardFonts } from './social-card.ts';

/** What the integration passes to the SEO routes through `virtual:khabar/seo-build`. */
export interface SeoBuildInfo {
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
