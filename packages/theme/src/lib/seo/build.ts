import type { CardFonts } from './social-card.ts';

/** What the integration passes to the SEO routes through `virtual:khabar/seo-build`. */
export interface SeoBuildInfo {
  /** TTF files Pango can shape Arabic with. */
  cardFonts: CardFonts;
  /** The theme's version, named in the feeds' `generator`. */
  themeVersion: string;
  /** The sitemap index the site publishes, when any (absolute URL), for robots.txt. */
  sitemapIndex: string | undefined;
  /**
   * The Google News sitemap, when on (absolute URL), for robots.txt: listed there too, since a site that
   * brings its own `@astrojs/sitemap` after the theme writes an index without it.
   */
  newsSitemap: string | undefined;
  /** The paths robots.txt closes to crawlers (the web editor's, under the base), from the route table. */
  robotsDisallow: string[];
}
