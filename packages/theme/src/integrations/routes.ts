import type { HookParameters } from 'astro';
import type { KhabarConfig } from '../config/user-config.ts';
import {
  onDemandTwinPattern,
  routeRendering,
  type PrerenderMode,
  type RouteOptions,
  type ThemeRoute,
} from '../lib/routes.ts';
import { parseArticlePattern } from '../lib/urls.ts';
import { themeFile } from './theme-files.ts';

/** What the SEO wiring decided that turns routes on and off. */
export interface SeoRouteDecisions {
  /** The theme writes `/robots.txt` (no `public/robots.txt`, no base path). */
  robots: boolean;
  /** The theme runs `@astrojs/sitemap` and completes its entries. */
  ownsSitemap: boolean;
}

/** What the site's own files decide: a `public/favicon.svg` of its own replaces the theme's icon. */
export interface SiteFiles {
  favicon: boolean;
}

/** The route table's options from the site's options and the SEO decisions. */
export function routeOptions(
  config: KhabarConfig,
  seo: SeoRouteDecisions,
  site: SiteFiles = { favicon: false },
): RouteOptions {
  return {
    article: parseArticlePattern(config.routes.article).route,
    search: config.search,
    sectionFeeds: config.seo.feeds.sections,
    authorFeeds: config.seo.feeds.authors,
    newsSitemap: Boolean(config.seo.newsSitemap),
    socialCards: config.seo.socialCards.use !== 'never',
    publisherLogo: !config.logo || /\.svg$/i.test(config.logo.src),
    favicon: !site.favicon,
    robots: seo.robots,
    sitemapFacts: seo.ownsSitemap,
    cms: config.cms !== false,
  };
}

/**
 * Injects the theme's routes for a rendering mode: a route built ahead from its own file; a route
 * rendered on request from its `routes/on-demand/` file when it has params (a param-less route's own
 * file serves both ways); and a route that is both, twice — Astro serves the pages built ahead and hands
 * every other path to the on-demand twin (at `onDemandTwinPattern`, matching the same URLs).
 */
export function injectRoutes(
  routes: readonly ThemeRoute[],
  mode: PrerenderMode,
  injectRoute: HookParameters<'astro:config:setup'>['injectRoute'],
): void {
  for (const route of routes) {
    const rendering = routeRendering(route.group, mode);
    if (rendering !== 'on-demand') {
      injectRoute({ pattern: route.pattern, entrypoint: themeFile(route.entrypoint), prerender: true });
    }
    if (rendering !== 'prerender') {
      const entrypoint = themeFile(route.onDemand ?? route.entrypoint);
      const pattern = rendering === 'both' ? onDemandTwinPattern(route.pattern) : route.pattern;
      injectRoute({ pattern, entrypoint, prerender: false });
    }
  }
}
