/**
 * The SEO part of the integration: the build-info virtual module, the feed, sitemap, robots and card
 * routes, `@astrojs/sitemap` (unless the site brings its own), and the sitemap index entry of the
 * Google News sitemap. Decisions are in `lib/`; this only wires.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from 'astro';
import { resolveBuildTime, type SeoBuildInfo } from '../lib/seo/build.ts';
import { addToSitemapIndex, serializeSitemapEntry, type SitemapEntry } from '../lib/seo/sitemap.ts';
import type { KhabarConfig } from '../config/user-config.ts';

type SetupOptions = Parameters<NonNullable<AstroIntegration['hooks']['astro:config:setup']>>[0];

const SITEMAP = '@astrojs/sitemap';
const SITEMAP_INDEX = 'sitemap-index.xml';
const NEWS_SITEMAP = 'news-sitemap.xml';

/** The site's URL with its base, always ending in a slash (`https://news.example/ar/`). */
function siteBaseUrl(astroConfig: Pick<AstroConfig, 'site' | 'base'>): URL | undefined {
  if (!astroConfig.site) return undefined;
  const base = astroConfig.base.endsWith('/') ? astroConfig.base : `${astroConfig.base}/`;
  return new URL(base, astroConfig.site);
}

function themeVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** The built HTML of a page URL, for `build.format` `directory` and `file`. */
function pageReader(outDir: URL, siteBase: URL): (url: string) => string | undefined {
  const root = fileURLToPath(outDir);
  return (url) => {
    const { pathname } = new URL(url);
    const relative = decodeURIComponent(pathname.slice(siteBase.pathname.length));
    const candidates = pathname.endsWith('/')
      ? [join(root, relative, 'index.html'), join(root, `${relative.replace(/\/$/, '')}.html`)]
      : [join(root, relative), join(root, `${relative}.html`)];
    for (const file of candidates) {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        // try the next layout
      }
    }
    return undefined;
  };
}

/** A page's URL names a file (a feed, a card), not a page. */
function isPageUrl(url: string): boolean {
  return !/\.[a-z0-9]+$/i.test(new URL(url).pathname);
}

export interface SeoSetup {
  /** Whether the theme added `@astrojs/sitemap` (else the site owns it, or there is none). */
  ownsSitemap: boolean;
  /** Whether any `@astrojs/sitemap` runs. */
  hasSitemap: boolean;
}

/** Called from `astro:config:setup`, before the Vite plugin is created from `modules`. */
export function setupSeo(
  config: KhabarConfig,
  options: SetupOptions,
  modules: Map<string, string>,
  themeFile: (path: string) => string,
): SeoSetup {
  const { config: astroConfig, updateConfig, injectRoute, logger } = options;
  const { seo } = config;
  const require = createRequire(import.meta.url);
  const siteBase = siteBaseUrl(astroConfig);
  const siteHasSitemap = astroConfig.integrations.some((integration) => integration.name === SITEMAP);
  const ownsSitemap = seo.sitemap && !siteHasSitemap && Boolean(siteBase);
  const hasSitemap = ownsSitemap || siteHasSitemap;

  const info: SeoBuildInfo = {
    buildTime: resolveBuildTime(seo.buildTime, process.env['KHABAR_BUILD_TIME'], new Date()).toISOString(),
    cardCacheDir: fileURLToPath(new URL('khabar-cards/', astroConfig.cacheDir)),
    cardFonts: {
      family: 'Cairo',
      bold: require.resolve('@expo-google-fonts/cairo/700Bold/Cairo_700Bold.ttf'),
      regular: require.resolve('@expo-google-fonts/cairo/600SemiBold/Cairo_600SemiBold.ttf'),
    },
    themeVersion: themeVersion(),
    sitemapIndex: hasSitemap && siteBase ? new URL(SITEMAP_INDEX, siteBase).href : undefined,
    newsSitemap: seo.newsSitemap && siteBase ? new URL(NEWS_SITEMAP, siteBase).href : undefined,
  };
  modules.set('virtual:khabar/seo-build', `export default ${JSON.stringify(info)};`);

  const route = (pattern: string, file: string) => {
    injectRoute({ pattern, entrypoint: themeFile(`src/routes/${file}`), prerender: true });
  };
  route('/rss.xml', 'rss.xml.ts');
  if (seo.feeds.sections) route('/[section]/rss.xml', 'section-rss.xml.ts');
  if (seo.feeds.authors) route('/authors/[author]/rss.xml', 'author-rss.xml.ts');
  route('/feed.xsl', 'feed.xsl.ts');
  if (seo.newsSitemap) route(`/${NEWS_SITEMAP}`, 'news-sitemap.xml.ts');
  if (seo.socialCards.use !== 'never') route('/og/[...id].png', 'social-card.png.ts');
  if (!config.logo || /\.svg$/i.test(config.logo.src)) route('/publisher-logo.png', 'publisher-logo.png.ts');
  if (seo.robots) {
    if (existsSync(new URL('robots.txt', astroConfig.publicDir))) {
      logger.info('public/robots.txt exists: the theme does not write its own.');
    } else if (astroConfig.base !== '/' && astroConfig.base !== '') {
      // Crawlers read robots.txt at the root of the host only; under a base path the file would be ignored.
      logger.info(
        `The site lives under ${astroConfig.base}: robots.txt belongs at the root of the host, so the theme does not write one. Point your host's robots.txt at ${astroConfig.base}sitemap-index.xml.`,
      );
    } else {
      route('/robots.txt', 'robots.txt.ts');
    }
  }

  if (ownsSitemap && siteBase) {
    const readPage = pageReader(astroConfig.outDir, siteBase);
    updateConfig({
      integrations: [
        sitemap({
          filter: isPageUrl,
          serialize: (item) =>
            serializeSitemapEntry(item as SitemapEntry, readPage) as typeof item | undefined,
          ...(seo.newsSitemap && { customSitemaps: [new URL(NEWS_SITEMAP, siteBase).href] }),
        }),
      ],
    });
  }
  return { ownsSitemap, hasSitemap };
}

/**
 * Called from `astro:build:done`. When the site brought its own `@astrojs/sitemap`, the theme could
 * not pass it `customSitemaps`; it lists the news sitemap in the index itself if the index is there.
 */
export async function listNewsSitemap(
  config: KhabarConfig,
  astroConfig: AstroConfig,
  setup: SeoSetup,
  dir: URL,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const siteBase = siteBaseUrl(astroConfig);
  if (!config.seo.newsSitemap || setup.ownsSitemap || !setup.hasSitemap || !siteBase) return;
  const index = new URL(SITEMAP_INDEX, dir);
  let xml: string;
  try {
    xml = await readFile(index, 'utf8');
  } catch {
    logger.info(
      `Add customSitemaps: ['${new URL(NEWS_SITEMAP, siteBase).href}'] to your sitemap() options to list the Google News sitemap in the index.`,
    );
    return;
  }
  await writeFile(index, addToSitemapIndex(xml, new URL(NEWS_SITEMAP, siteBase).href));
}
