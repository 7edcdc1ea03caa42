import { availableParallelism } from 'node:os';
import { existsSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from 'astro';
import { checkLogo } from './config/files.ts';
import { parseWithFriendlyErrors } from './config/friendly-errors.ts';
import { OPTIONS_HELP, starterNotice, titleFromProject, withStarterDefaults } from './config/starter.ts';
import { toRuntimeConfig } from './config/runtime-config.ts';
import { resolveStrings } from './config/strings.ts';
import { KhabarConfigSchema, type KhabarConfig, type KhabarUserConfig } from './config/user-config.ts';
import { assetsInlineLimit } from './integrations/inline-limit.ts';
import { setupComments } from './integrations/comments.ts';
import { addEmbedsPlugin, copyPosters, embedsModules } from './integrations/embeds.ts';
import { resolveComponents } from './integrations/components.ts';
import { addFonts } from './integrations/fonts.ts';
import { overlayContentErrors } from './integrations/dev-errors.ts';
import { inlineStylesheets } from './integrations/stylesheets.ts';
import { injectRoutes, routeOptions } from './integrations/routes.ts';
import { SearchIndexBuild } from './integrations/search-index.ts';
import { ServerSearchBuild } from './integrations/search-server.ts';
import type { Features } from './lib/markdown/plugins.ts';
import { pathEdition } from './lib/editions.ts';
import { searchHandoffKey } from './lib/search/handoff.ts';
import { parallelPartsFrom } from './lib/search/parts.ts';
import { searchWorkersFrom } from './lib/search/server.ts';
import { finishSeo, setupSeo, type SeoSetup } from './integrations/seo.ts';
import { resolveSpecifier, themeFile } from './integrations/theme-files.ts';
import {
  CLOCK_GLOBAL,
  prerenderClockSource,
  virtualModuleSources,
  vitePluginKhabar,
} from './integrations/virtual-modules.ts';
import { clockSourcesFromEnv, resolveClock } from './lib/clock.ts';
import { markdownOptions, type MarkdownOptions } from './lib/markdown-options.ts';
import { footnoteWords } from './lib/markdown/words.ts';
import { fileEdition } from './lib/file-editions.ts';
import { setupMarkdown } from './integrations/markdown.ts';
import { nodeVersionProblem } from './lib/node-version.ts';
import {
  countStories,
  INCREMENTAL_MANIFEST,
  INCREMENTAL_STORY_LIMIT,
  listOutput,
  pagesFromAssets,
  pruneStaleOutput,
} from './integrations/kept-output.ts';
import { PATHS, robotsDisallowed, routeTable, siteRoutes } from './lib/routes.ts';
import { pagePath } from './lib/urls.ts';
import { setupCms } from './integrations/cms.ts';
import { userError } from './lib/user-error.ts';
import { forgetInvocation } from './lib/build-env.ts';

export type { KhabarConfig, KhabarUserConfig };

function projectRootOf(astroConfig: AstroConfig): string {
  return fileURLToPath(astroConfig.root);
}
export type { KhabarRuntimeConfig } from './config/runtime-config.ts';

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
export default function khabar(options?: KhabarUserConfig): AstroIntegration {
  const nodeProblem = nodeVersionProblem(process.versions.node);
  if (nodeProblem) throw userError(nodeProblem);
  // With no options (as `npx astro add` writes it) the site builds with starter defaults, named after
  // its package (read again from Astro's root in astro:config:setup: `astro build --root` may differ).
  const starter = withStarterDefaults(options, titleFromProject(process.cwd()));
  const config = parseWithFriendlyErrors(
    KhabarConfigSchema,
    starter.options,
    'Invalid khabar() options in astro.config',
    `Check the khabar() options in your astro.config file. ${OPTIONS_HELP}`,
  );

  let seo: SeoSetup | undefined;
  let astroConfigDone: AstroConfig | undefined;
  let markdownAtSetup: MarkdownOptions | undefined;
  let keepOutput = false;
  let buildStarted: number | undefined;
  let searchIndexes: SearchIndexBuild[] = [];
  let serverIndexes: ServerSearchBuild[] = [];
  /** `dist/` as the build began: the files that may be stale by its end (integrations/kept-output.ts). */
  let outputListing: Promise<Dirent[]> | undefined;

  /**
   * Removes what this build no longer has from a kept `dist/` (integrations/kept-output.ts). It runs in
   * an integration of its own added after the others (the sitemaps' among them), so every file this
   * build writes is written before it looks.
   */
  const pruneOutput = async (
    dir: URL,
    assets: ReadonlyMap<string, readonly URL[]>,
    logger: AstroIntegrationLogger,
  ): Promise<void> => {
    if (keepOutput && astroConfigDone && buildStarted !== undefined) {
      const outDir = fileURLToPath(astroConfigDone.outDir);
      const result = await pruneStaleOutput({
        outDir: astroConfigDone.outDir,
        pages: pagesFromAssets(assets),
        listing: outputListing,
        manifestFile: new URL(INCREMENTAL_MANIFEST, astroConfigDone.cacheDir),
        since: buildStarted,
        // Each search index replaces its folder whole, in the theme's own astro:build:done.
        skip:
          config.search === 'pagefind'
            ? [undefined, ...Object.keys(config.editions)].map((key) =>
                relative(outDir, join(fileURLToPath(dir), searchFolder(key))),
              )
            : [],
      });
      if (!result.pruned)
        logger.warn(
          `Could not tell which files of the last build are gone (${result.reason}): delete dist/ before the next build to be sure it holds no stale page.`,
        );
      else if (result.removed.length > 0) {
        // A few are named (a deleted story's page, an old script); many are counted.
        const outDir = fileURLToPath(dir);
        const named =
          result.removed.length <= 5
            ? `: ${result.removed.map((path) => relative(outDir, path)).join(', ')}`
            : '';
        logger.info(
          `removed ${result.removed.length} file(s) the last build wrote and this one did not${named}`,
        );
      }
    }
  };

  return {
    name: 'astro-theme-khabar',
    hooks: {
      'astro:config:setup': async (setup) => {
        const { config: astroConfig, updateConfig, injectRoute, addMiddleware, logger } = setup;
        const projectRoot = fileURLToPath(astroConfig.root);
        if (starter.missing.includes('title')) config.title = titleFromProject(projectRoot);
        const notice = starterNotice(config, starter.missing);
        if (notice) logger.info(notice);
        checkLogo(config.logo, projectRoot);
        // The build's one clock, resolved once and handed to every route and to khabar-comments.
        const clock = resolveClock(clockSourcesFromEnv(config.now, process.env), new Date()).toISOString();
        const buildClock = { instant: clock, pinned: config.now !== undefined };
        (globalThis as Record<symbol, unknown>)[CLOCK_GLOBAL] = buildClock;
        seo = setupSeo(config, setup);
        const commentRules = await setupComments(config, setup, clock);
        const runtime = toRuntimeConfig(
          { ...config, customCss: config.customCss.map((file) => resolveSpecifier(file, projectRoot)) },
          {
            base: astroConfig.base,
            site: astroConfig.site,
            logoFile: config.logo ? resolve(projectRoot, config.logo.src) : undefined,
            commentRules,
          },
        );
        const routes = routeTable(
          routeOptions(config, seo, { favicon: existsSync(new URL(PATHS.favicon, astroConfig.publicDir)) }),
        );
        const strings = resolveStrings(config.locale, config.strings);
        // The site's own Markdown options travel to stories rendered on request as they are: the theme's
        // steps are functions, which runtime/story-body.ts adds there again.
        const siteMarkdown = { ...astroConfig.markdown };
        // The site's own Sätteri features, before the theme writes its footnote words into them: an
        // edition's stories rendered from their files take their edition's words, not the main edition's.
        const siteProcessor = astroConfig.markdown.processor as
          { name: string; options?: Record<string, unknown> } | undefined;
        const siteFeatures = siteProcessor?.options?.['features'];
        const editionStrings = Object.fromEntries(
          Object.entries(config.editions).map(([key, edition]) => [
            key,
            resolveStrings(edition.locale, edition.strings),
          ]),
        );
        // An edition's stories number and word their footnotes in its language and digits.
        const editionFootnotes = new Map(
          Object.entries(config.editions).map(([key, edition]) => [
            key,
            footnoteWords(edition, editionStrings[key] ?? strings),
          ]),
        );
        const shikiConfig = setupMarkdown(
          astroConfig.markdown,
          footnoteWords(config, strings),
          updateConfig,
          logger,
          (fileURL) => {
            const key = fileEdition(fileURL);
            return key === undefined ? undefined : editionFootnotes.get(key);
          },
        );
        const embeds = embedsModules(config, astroConfig);
        const modules = virtualModuleSources({
          config: runtime,
          components: resolveComponents(config.components, projectRoot, config.comments !== false),
          strings,
          editionStrings,
          clock: buildClock,
          seo: {
            ...seo.info,
            robotsDisallow: robotsDisallowed(routes).map((pattern) => pagePath(astroConfig.base, pattern)),
          },
          cms: setupCms(config, strings, dirname(themeFile('package.json'))),
          markdown: (markdownAtSetup = markdownOptions(
            projectRoot,
            {
              ...siteMarkdown,
              shikiConfig,
              ...(siteProcessor && {
                processor: {
                  ...siteProcessor,
                  options: { ...siteProcessor.options, features: siteFeatures },
                },
              }),
            },
            astroConfig.image,
            import.meta.resolve('@astrojs/markdown-satteri'),
          ).options),
        });
        modules.set('virtual:khabar/embeds', embeds.runtime);
        addEmbedsPlugin(config, astroConfig, strings, editionStrings, logger);

        if (!astroConfig.site) {
          logger.warn(
            'No `site` is set in astro.config: canonical links, feeds and share links need the site URL.',
          );
        }
        let incremental = config.rendering.incremental && 'incrementalBuild' in astroConfig.experimental;
        if (incremental && config.rendering.prerender === 'all') {
          const stories = await countStories(join(projectRoot, 'src/content/articles'));
          if (stories > INCREMENTAL_STORY_LIMIT) {
            incremental = false;
            logger.warn(
              `Incremental builds are off: ${stories} stories built ahead are more than Astro's incremental build can record (about ${INCREMENTAL_STORY_LIMIT}). Every page is rendered in every build. With rendering.prerender "recent", only the recent stories are built ahead and incremental builds stay on.`,
            );
          }
        }
        // The same code however the build was started (`npx astro build`, `pnpm build`…): else every page's
        // code hash changes with the shell's `_` and every page is rendered again (lib/build-env.ts).
        if (incremental) forgetInvocation(process.env);
        // An incremental build keeps `dist/` (Astro then leaves the pages it did not render in place
        // instead of copying each back from its cache), and the theme removes what the build no longer
        // has (integrations/kept-output.ts). A site that set emptyOutDir itself keeps its choice.
        keepOutput = incremental && astroConfig.vite.build?.emptyOutDir === undefined;
        updateConfig({
          // The content store stays Astro's one file (experimental.collectionStorage as the site sets
          // it): stories are stored without their text (content.ts), some 50 MB for 100,000, far below
          // the 500 MB a JavaScript string can hold, and Astro's chunked store writes about 2 MB a second.
          experimental: {
            // Astro 7.2+ knows the flag (its schema fills it in); an older Astro would reject it.
            ...(incremental ? { incrementalBuild: true } : {}),
          },
          // Small CSS chunks as cached files, not copied into every page (integrations/stylesheets.ts).
          build: { inlineStylesheets: inlineStylesheets(astroConfig.build.inlineStylesheets) },
          vite: {
            plugins: [
              vitePluginKhabar(
                modules,
                new Map([
                  ['virtual:khabar/clock', prerenderClockSource(buildClock)],
                  ['virtual:khabar/embeds', embeds.prerender],
                ]),
              ),
            ],
            // The theme ships .astro and .ts source that imports virtual modules: Vite must process it.
            ssr: { noExternal: ['astro-theme-khabar'] },
            build: {
              // The live-updates script is a cached file, not inlined into every live story.
              assetsInlineLimit: assetsInlineLimit(astroConfig.vite.build?.assetsInlineLimit),
              ...(keepOutput ? { emptyOutDir: false } : {}),
            },
          },
        });
        if (keepOutput) {
          const keptOutput: AstroIntegration = {
            name: 'astro-theme-khabar:kept-output',
            hooks: {
              'astro:build:done': ({ dir, assets, logger: pruneLogger }) =>
                pruneOutput(dir, assets, pruneLogger),
            },
          };
          updateConfig({ integrations: [keptOutput] });
        }
        addFonts(updateConfig, config.fonts);
        const editionKeys = Object.keys(config.editions);
        injectRoutes(siteRoutes(routes, editionKeys), config.rendering.prerender, injectRoute);
        if (editionKeys.length > 0) {
          // Each page renders in its edition: the edition's strings, sections and stories. The route
          // table already has each edition's pages, so Astro's `i18n` routing is not set: its `manual`
          // mode needs the site's own middleware file, and its prefix mode answers 404 for any URL with
          // a segment equal to the default locale (a tag or a slug «ar»).
          addMiddleware({ entrypoint: themeFile('src/runtime/edition-middleware.ts'), order: 'pre' });
        }
        if (config.rendering.prerender !== 'all') {
          // Pages rendered on request read the request's clock and carry cache headers.
          addMiddleware({ entrypoint: themeFile('src/runtime/middleware.ts'), order: 'pre' });
        }
      },
      'astro:config:done': ({ injectTypes, config: doneConfig, logger }) => {
        astroConfigDone = doneConfig;
        const { prerender } = config.rendering;
        if (prerender !== 'all') {
          if (!doneConfig.adapter) {
            throw userError(
              `khabar(): rendering.prerender is "${prerender}", so some pages are rendered when a reader asks for them, and that needs an adapter. Add one to astro.config (for a Node server: \`import node from '@astrojs/node'\` and \`adapter: node({ mode: 'standalone' })\`), or set rendering.prerender to "all" for a fully static site.`,
            );
          }
        }
        if (config.search === 'server' && !doneConfig.adapter) {
          throw userError(
            `khabar(): search is "server", so the search page is answered by the server when a reader searches, and that needs an adapter. Add one to astro.config (for a Node server: \`import node from '@astrojs/node'\` and \`adapter: node({ mode: 'standalone' })\`), or set search to "pagefind" for a search that runs in the reader's browser.`,
          );
        }
        const { dropped } = markdownOptions(projectRootOf(doneConfig), doneConfig.markdown, doneConfig.image);
        if (dropped.length > 0 && markdownAtSetup?.portable) {
          // Another integration added them after khabar() read the config: stories would be rendered
          // from their files without them.
          logger.warn(
            `${dropped.join(', ')} were added to the Markdown config by an integration listed after khabar(), so stories are rendered without them. List khabar() after that integration in astro.config.`,
          );
        } else if (dropped.length > 0 && prerender !== 'all') {
          logger.warn(
            `Stories rendered on request are rendered from their Markdown files with Astro's Markdown processor and your markdown options, without ${dropped.join(', ')}: those apply only to the stories built ahead.`,
          );
        }
        // Types for `virtual:khabar/*`, so a site's own component overrides can import them typed.
        injectTypes({
          filename: 'types.d.ts',
          content: `/// <reference types="astro-theme-khabar/virtual" />\n`,
        });
      },
      'astro:server:setup': ({ server }) => {
        // Content errors of a file saved in `astro dev` reach the browser's error overlay.
        overlayContentErrors(server);
      },
      'astro:build:start': async ({ logger }) => {
        buildStarted = Date.now();
        if (keepOutput && astroConfigDone) {
          outputListing = listOutput(fileURLToPath(astroConfigDone.outDir));
          // Awaited by the pruning; a build that fails before it must not report the listing's error.
          outputListing.catch(() => undefined);
        }
        // Pagefind indexes the articles (with light Arabic stems) for the search page, while the pages
        // render: the article route hands the stories over (integrations/search-index.ts).
        // Each edition has an index of its own, in its language, under its prefix (`/en/pagefind/`).
        if (config.search === 'server' && astroConfigDone) {
          // The server's index: an SQLite file each edition, written by a worker thread while the pages
          // render (integrations/search-server.ts).
          const features = (markdownAtSetup?.features ?? {}) as Features;
          const footnoteLabels = Object.fromEntries([
            ['', resolveStrings(config.locale, config.strings)['footnotes.label']],
            ...Object.entries(config.editions).map(([key, edition]) => [
              key,
              resolveStrings(edition.locale, edition.strings)['footnotes.label'],
            ]),
          ]) as Record<string, string>;
          const { cacheDir } = astroConfigDone;
          serverIndexes = [undefined, ...Object.keys(config.editions)].map(
            (key) =>
              new ServerSearchBuild({
                edition: key,
                handoff: searchHandoffKey(key),
                stagingDir: fileURLToPath(new URL(`khabar-server-search${key ? `-${key}` : ''}/`, cacheDir)),
                processorModule: import.meta.resolve('@astrojs/markdown-satteri'),
                features,
                footnoteLabels,
                workers: searchWorkersFrom(process.env, availableParallelism()),
                logger,
              }),
          );
          await Promise.all(serverIndexes.map((index) => index.open()));
        }
        if (config.search === 'pagefind' && astroConfigDone) {
          const { cacheDir, base } = astroConfigDone;
          const keys = Object.keys(config.editions);
          const parallel = parallelPartsFrom(process.env);
          searchIndexes = [undefined, ...keys].map((key, n) => {
            const locale =
              key === undefined ? config.locale : (config.editions[key]?.locale ?? config.locale);
            const suffix = key === undefined ? '' : `-${key}`;
            return new SearchIndexBuild({
              language: new Intl.Locale(locale).language,
              stagingDir: fileURLToPath(new URL(`khabar-search${suffix}/`, cacheDir)),
              cacheDir: fileURLToPath(new URL(`khabar-search-parts${suffix}/`, cacheDir)),
              handoff: searchHandoffKey(key),
              folder: searchFolder(key),
              // Its own Pagefind processes: the editions' indexes are built side by side.
              parallelParts: parallel,
              firstLane: n * parallel,
              name: key,
              ownsPage: (url) => pathEdition(url, base, keys) === key,
              logger,
            });
          });
          for (const index of searchIndexes) index.open();
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        for (const index of searchIndexes)
          await index.finish({ dir: fileURLToPath(dir), base: astroConfigDone?.base ?? '/' });
        searchIndexes = [];
        if (astroConfigDone)
          for (const index of serverIndexes)
            await index.finish({ serverDir: fileURLToPath(astroConfigDone.build.server) });
        serverIndexes = [];
        if (seo && astroConfigDone) await finishSeo(config, astroConfigDone, seo, dir, logger);
        if (astroConfigDone && config.embeds.posters) await copyPosters(astroConfigDone, dir, logger);
      },
    },
  };
}

/** The folder of an edition's search index in the built site: `pagefind`, or `en/pagefind`. */
function searchFolder(edition: string | undefined): string {
  return edition === undefined ? 'pagefind' : `${edition}/pagefind`;
}
