/**
 * The SEO part of the integration: the build-info virtual module, `@astrojs/sitemap` (unless the site
 * brings its own) completed with facts computed from the stories, robots.txt's decision, and the sitemap
 * index entry of the Google News sitemap. Decisions are in `lib/`; this only wires.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import sitemap from '@astrojs/sitemap';
import type { AstroConfig, AstroIntegrationLogger, HookParameters } from 'astro';
import type { KhabarConfig } from '../config/user-config.ts';
import { isRedirectPage, PATHS, SITEMAP_FACTS, UNLISTED_PAGES } from '../lib/routes.ts';
import type { SeoBuildInfo } from '../lib/seo/build.ts';
import {
  addToSitemapIndex,
  serializeSitemapEntry,
  type SitemapFactsFile,
  type SitemapEntry,
  type SitemapFacts,
} from '../lib/seo/sitemap.ts';
import { filePathUnder, pagePath } from '../lib/urls.ts';
import type { SeoRouteDecisions } from './routes.ts';
import { sortingWithOneCollator } from './sitemap-sort.ts';

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

const SITEMAP = '@astrojs/sitemap';

/** A page's URL names a file (a feed, a card), not a page. */
function isPageUrl(url: string): boolean {
  return !/\.[a-z0-9]+$/i.test(new URL(url).pathname);
}

export interface SeoSetup extends SeoRouteDecisions {
  /** Whether any `@astrojs/sitemap` runs. */
  hasSitemap: boolean;
  /** What the SEO routes read from `virtual:khabar/seo-build`. */
  info: SeoBuildInfo;
  /** The facts the theme's sitemap entries are completed with, filled in `astro:build:done`. */
  facts: SitemapFacts;
  /** The pages rendered on request, handed to `@astrojs/sitemap` as custom pages in `astro:build:done`. */
  onDemandPages: string[];
}

/** Whether the theme writes robots.txt; says why when it does not. */
function robotsDecision(config: KhabarConfig, astroConfig: AstroConfig, logger: AstroIntegrationLogger) {
  if (!config.seo.robots) return false;
  if (existsSync(new URL(PATHS.robots, astroConfig.publicDir))) {
    logger.info('public/robots.txt exists: the theme does not write its own.');
    return false;
  }
  if (astroConfig.base !== '/' && astroConfig.base !== '') {
    // Crawlers read robots.txt at the root of the host only; under a base path the file would be ignored.
    logger.info(
      `The site lives under ${astroConfig.base}: robots.txt belongs at the root of the host, so the theme does not write one. Point your host's robots.txt at ${filePathUnder(astroConfig.base, PATHS.sitemapIndex)}.`,
    );
    return false;
  }
  return true;
}

/**
 * Called from `astro:config:setup`: decides the sitemap and robots.txt, and adds `@astrojs/sitemap`
 * when the theme owns it. The routes these decisions turn on are injected from the route table.
 */
export function setupSeo(
  config: KhabarConfig,
  { config: astroConfig, updateConfig, logger }: HookParameters<'astro:config:setup'>,
): SeoSetup {
  const { seo } = config;
  const require = createRequire(import.meta.url);
  const siteBase = siteBaseUrl(astroConfig);
  const siteHasSitemap = astroConfig.integrations.some((integration) => integration.name === SITEMAP);
  const ownsSitemap = seo.sitemap && !siteHasSitemap && Boolean(siteBase);
  const facts: SitemapFacts = {};
  const onDemandPages: string[] = [];

  const info: SeoBuildInfo = {
    cardFonts: {
      family: 'Cairo',
      bold: require.resolve('@expo-google-fonts/cairo/700Bold/Cairo_700Bold.ttf'),
      regular: require.resolve('@expo-google-fonts/cairo/600SemiBold/Cairo_600SemiBold.ttf'),
    },
    themeVersion: themeVersion(),
    sitemapIndex:
      (ownsSitemap || siteHasSitemap) && siteBase ? new URL(PATHS.sitemapIndex, siteBase).href : undefined,
    newsSitemap: seo.newsSitemap && siteBase ? new URL(PATHS.newsSitemap, siteBase).href : undefined,
    // Filled from the route table once it is known (index.ts).
    robotsDisallow: [],
  };

  if (ownsSitemap && siteBase) {
    // `/404/`, or `/404.html` with `build.format: 'file'`: compared without the ending.
    const bare = (url: string) => url.replace(/(\.html|\/)$/, '');
    const unlisted = new Set(
      UNLISTED_PAGES.map((path) => bare(new URL(pagePath(astroConfig.base, path), siteBase).href)),
    );
    updateConfig({
      integrations: [
        sortingWithOneCollator(
          sitemap({
            filter: (url) => isPageUrl(url) && !unlisted.has(bare(url)) && !isRedirectPage(url),
            serialize: (item) => serializeSitemapEntry(item as SitemapEntry, facts) as typeof item,
            // Read by the sitemap in its build:done, after the theme's has filled it (finishSeo).
            customPages: onDemandPages,
            ...(seo.newsSitemap && { customSitemaps: [new URL(PATHS.newsSitemap, siteBase).href] }),
          }),
        ),
      ],
    });
  }
  return {
    ownsSitemap,
    hasSitemap: ownsSitemap || siteHasSitemap,
    robots: robotsDecision(config, astroConfig, logger),
    info,
    facts,
    onDemandPages,
  };
}

/**
 * Called from `astro:build:done`, before `@astrojs/sitemap`'s own hook (the theme added it after
 * itself): takes the sitemap facts the build computed from the stories out of the output, and lists the
 * Google News sitemap in a site-owned sitemap index.
 */
export async function finishSeo(
  config: KhabarConfig,
  astroConfig: AstroConfig,
  setup: SeoSetup,
  dir: URL,
  logger: AstroIntegrationLogger,
): Promise<void> {
  if (setup.ownsSitemap) {
    const folder = new URL(`${PATHS.buildData}/`, dir);
    try {
      const file = JSON.parse(await readFile(new URL(SITEMAP_FACTS, folder), 'utf8')) as SitemapFactsFile;
      Object.assign(setup.facts, file.facts);
      // A 100,000-story archive has more pages than a call's arguments can hold: no spread.
      for (const page of file.pages) setup.onDemandPages.push(page);
    } catch (cause) {
      logger.warn(`The sitemap's dates and pictures are missing: ${(cause as Error).message}`);
    }
    await rm(folder, { recursive: true, force: true });
  }
  await listNewsSitemap(config, astroConfig, setup, dir, logger);
}

/**
 * When the site brought its own `@astrojs/sitemap`, the theme could not pass it `customSitemaps`; it
 * lists the news sitemap in the index itself if the index is there.
 */
async function listNewsSitemap(
  config: KhabarConfig,
  astroConfig: AstroConfig,
  setup: SeoSetup,
  dir: URL,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const siteBase = siteBaseUrl(astroConfig);
  if (!config.seo.newsSitemap || setup.ownsSitemap || !setup.hasSitemap || !siteBase) return;
  const newsSitemap = new URL(PATHS.newsSitemap, siteBase).href;
  const index = new URL(PATHS.sitemapIndex, dir);
  let xml: string;
  try {
    xml = await readFile(index, 'utf8');
  } catch {
    logger.info(
      `Add customSitemaps: ['${newsSitemap}'] to your sitemap() options to list the Google News sitemap in the index.`,
    );
    return;
  }
  await writeFile(index, await addToSitemapIndex(xml, newsSitemap));
}
