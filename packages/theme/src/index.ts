import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { fontProviders } from 'astro/config';
import { COMPONENT_NAMES, type ComponentName } from './config/components.ts';
import { virtualModuleSources, vitePluginKhabar } from './integrations/virtual-modules.ts';
import { newsroomRoutes } from './integrations/newsroom-routes.ts';
import { setupComments } from './integrations/comments.ts';
import { SearchIndexBuild } from './integrations/search-index.ts';
import { listNewsSitemap, setupSeo, type SeoSetup } from './integrations/seo.ts';
import { resolveBuildTime } from './lib/seo/build.ts';
import { FONT_VARIABLES, FONTS, type FontId } from './lib/fonts/families.ts';
import { fallbackFamilies } from './lib/fonts/fallbacks.ts';
import { parseWithFriendlyErrors } from './config/friendly-errors.ts';
import { toRuntimeConfig } from './config/runtime-config.ts';
import { resolveStrings } from './config/strings.ts';
import { KhabarConfigSchema, type KhabarConfig, type KhabarUserConfig } from './config/user-config.ts';

export type { KhabarConfig, KhabarUserConfig };
export type { KhabarRuntimeConfig } from './config/runtime-config.ts';

const themeRoot = new URL('../', import.meta.url);

function themeFile(path: string): string {
  return fileURLToPath(new URL(path, themeRoot));
}

/** A path from the project root made absolute; a package specifier left as it is. */
function resolveSpecifier(specifier: string, projectRoot: string): string {
  const isPath = specifier.startsWith('.') || isAbsolute(specifier);
  return isPath ? resolve(projectRoot, specifier) : specifier;
}

/** The component each page part resolves to: the site's override, or the theme's own. */
function resolveComponents(
  overrides: KhabarConfig['components'],
  projectRoot: string,
  withComments: boolean,
): Record<ComponentName, string> {
  const entries = COMPONENT_NAMES.map((name) => {
    const override = overrides[name];
    if (!override && name === 'Comments' && !withComments) {
      return [name, themeFile('src/components/NoComments.astro')] as const;
    }
    if (!override) return [name, themeFile(`src/components/${name}.astro`)] as const;
    return [name, resolveSpecifier(override, projectRoot)] as const;
  });
  return Object.fromEntries(entries) as Record<ComponentName, string>;
}

/** Astro Fonts API families for the chosen typefaces, served from their Fontsource packages. */
function fontFamilies(fonts: KhabarConfig['fonts']) {
  const require = createRequire(import.meta.url);
  const family = (id: FontId, cssVariable: `--${string}`) => {
    const font = FONTS[id];
    return {
      provider: fontProviders.local(),
      name: font.family,
      cssVariable,
      // Astro's optimized fallbacks measure Latin letters; the theme's own measure Arabic (lib/fonts/metrics.ts).
      optimizedFallbacks: false,
      fallbacks: [...fallbackFamilies(id), font.generic],
      display: fonts.display,
      options: {
        variants: font.faces.map((face) => ({
          // A resolved file path, not a package specifier: the local provider resolves specifiers from
          // the site's root, where the theme's own dependencies are not visible.
          src: [require.resolve(face.file)] as [string],
          weight: face.weight ?? font.weight,
          style: 'normal' as const,
          unicodeRange: face.unicodeRange as [string, ...string[]],
        })),
      },
    };
  };
  const families = [family(fonts.body, FONT_VARIABLES.body)];
  if (fonts.headings !== fonts.body) families.push(family(fonts.headings, FONT_VARIABLES.headings));
  return families;
}

/**
 * Khabar: an Astro integration for right-to-left Arabic news sites.
 *
 * @example
 * // astro.config.mjs
 * import khabar from 'astro-theme-khabar';
 * export default defineConfig({
 *   site: 'https://news.example',
 *   integrations: [khabar({ title: 'خبر', locale: 'ar-SY', sections: [{ slug: 'politics', name: 'سياسة' }] })],
 * });
 */
export default function khabar(options: KhabarUserConfig): AstroIntegration {
  const config = parseWithFriendlyErrors(
    KhabarConfigSchema,
    options,
    'Invalid khabar() options in astro.config',
    'Check the khabar() options in your astro.config file; docs/en/configuration.md lists every option.',
  );

  let seoSetup: SeoSetup | undefined;
  let astroConfigDone: AstroConfig | undefined;
  let searchIndex: SearchIndexBuild | undefined;

  return {
    name: 'astro-theme-khabar',
    hooks: {
      'astro:config:setup': async (setupOptions) => {
        const { config: astroConfig, updateConfig, injectRoute, logger } = setupOptions;
        const projectRoot = fileURLToPath(astroConfig.root);
        // One clock for the whole build, so the breaking strip and the news sitemap agree: the `now`
        // option (or `seo.buildTime`), else KHABAR_BUILD_TIME or SOURCE_DATE_EPOCH, else this moment.
        const epoch = Number(process.env['SOURCE_DATE_EPOCH']);
        const clock = resolveBuildTime(
          config.now ?? config.seo.buildTime,
          process.env['KHABAR_BUILD_TIME'] ??
            (Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000).toISOString() : undefined),
          new Date(),
        ).toISOString();
        const timed = { ...config, now: clock, seo: { ...config.seo, buildTime: clock } };
        const runtime = toRuntimeConfig(
          { ...timed, customCss: config.customCss.map((file) => resolveSpecifier(file, projectRoot)) },
          {
            base: astroConfig.base,
            site: astroConfig.site,
            logoFile: config.logo ? resolve(projectRoot, config.logo.src) : undefined,
          },
        );
        const modules = virtualModuleSources(
          runtime,
          resolveComponents(config.components, projectRoot, config.comments !== false),
          resolveStrings(config.locale, config.strings),
        );
        // Feeds, sitemaps, robots.txt and social cards: adds its virtual module and routes.
        seoSetup = setupSeo(timed, setupOptions, modules, themeFile);

        if (!astroConfig.site) {
          logger.warn(
            'No `site` is set in astro.config: canonical links, feeds and share links need the site URL.',
          );
        }

        await setupComments(config, setupOptions);
        updateConfig({
          vite: {
            plugins: [vitePluginKhabar(modules)],
            // The theme ships .astro and .ts source that imports virtual modules: Vite must process it.
            ssr: { noExternal: ['astro-theme-khabar'] },
          },
          fonts: fontFamilies(config.fonts),
        });

        injectRoute({ pattern: '/', entrypoint: themeFile('src/routes/index.astro'), prerender: true });
        injectRoute({
          pattern: runtime.articleRoute.route,
          entrypoint: themeFile('src/routes/article.astro'),
          prerender: true,
        });
        injectRoute({
          pattern: '/[section]',
          entrypoint: themeFile('src/routes/section.astro'),
          prerender: true,
        });
        injectRoute({
          pattern: '/tags/[tag]',
          entrypoint: themeFile('src/routes/tag.astro'),
          prerender: true,
        });
        injectRoute({
          pattern: '/authors/[author]',
          entrypoint: themeFile('src/routes/author.astro'),
          prerender: true,
        });
        injectRoute({ pattern: '/404', entrypoint: themeFile('src/routes/404.astro'), prerender: true });
        // Later pages of listings, the date archive and the search page.
        for (const route of newsroomRoutes(config)) {
          injectRoute({ pattern: route.pattern, entrypoint: themeFile(route.entrypoint), prerender: true });
        }
      },
      'astro:config:done': ({ injectTypes, config: doneConfig }) => {
        astroConfigDone = doneConfig;
        // Types for `virtual:khabar/*`, so a site's own component overrides can import them typed.
        injectTypes({
          filename: 'types.d.ts',
          content: `/// <reference types="astro-theme-khabar/virtual" />\n`,
        });
      },
      'astro:build:start': ({ logger }) => {
        // Pagefind indexes the articles (with light Arabic stems) for the search page, while the pages
        // render: the article route hands the stories over (integrations/search-index.ts).
        if (config.search && astroConfigDone) {
          searchIndex = new SearchIndexBuild({
            language: new Intl.Locale(config.locale).language,
            stagingDir: fileURLToPath(new URL('khabar-search/', astroConfigDone.cacheDir)),
            logger,
          });
          searchIndex.open();
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (searchIndex) {
          await searchIndex.finish({ dir: fileURLToPath(dir), base: astroConfigDone?.base ?? '/' });
          searchIndex = undefined;
        }
        if (seoSetup && astroConfigDone)
          await listNewsSitemap(config, astroConfigDone, seoSetup, dir, logger);
      },
    },
  };
}
