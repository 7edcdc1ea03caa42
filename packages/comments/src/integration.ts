import { readFile, rm } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, ViteUserConfig } from 'astro';
import { AstroError } from 'astro/errors';
import { describeIssues } from './config/friendly-errors.ts';
import {
  IntegrationOptionsSchema,
  PostSchema,
  type KhabarCommentsOptions,
  type KhabarCommentsUserOptions,
  type Post,
} from './config/options.ts';
import { toRuntimeConfig, type CommentsRuntimeConfig } from './config/runtime-config.ts';
import { assetsInlineLimit } from './inline-limit.ts';
import { STORE_GLOBAL, type IntegrationStore } from './loader.ts';
import { buildManifest, writeManifest } from './manifest.ts';
import { inspectFolder } from './store/open.ts';
import {
  defaultStoreSpec,
  describeStore,
  manifestStoreSpec,
  parseStoreSpec,
  type StoreSpec,
} from './store/spec.ts';

type VitePlugin = NonNullable<ViteUserConfig['plugins']>[number];

export const VIRTUAL_CONFIG = 'virtual:khabar-comments/config';
export const VIRTUAL_POSTS = 'virtual:khabar-comments/posts';
/** The output folder of the package's own route: removed after the build, it is not part of the site. */
const POSTS_FOLDER = '_khabar-comments';
/** The prerendered route that runs the site's posts module. */
export const POSTS_ROUTE = `/${POSTS_FOLDER}/posts.json`;

/** The route's file, beside this one (compiled with it, or as source under the tests). */
const POSTS_ENTRYPOINT = new URL(
  `./routes/posts.json.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`,
  import.meta.url,
);

/** Where the build's clock waits for the pages prerendered in the build's own process. */
export const CLOCK_GLOBAL = Symbol.for('khabar-comments:clock');

/**
 * `virtual:khabar-comments/config` for the pages Astro prerenders during the build: the same config,
 * with `now` read from `globalThis` (set by the integration in the same process) rather than written in.
 * Astro's incremental build reuses a page only when its code is unchanged, so a clock written into a
 * module every page imports would make every page new in every build. A prerenderer running elsewhere,
 * where the global is not seen, gets the moment the module is evaluated.
 */
export function prerenderConfigSource(runtime: CommentsRuntimeConfig): string {
  const { now: _now, ...rest } = runtime;
  return (
    `const now = globalThis[Symbol.for(${JSON.stringify(CLOCK_GLOBAL.description)})];\n` +
    `export default { ...${JSON.stringify(rest)}, now: now ?? new Date().toISOString() };`
  );
}

/**
 * A Vite plugin serving `virtual:khabar-comments/config` and, when given, `virtual:khabar-comments/posts`;
 * `prerenderConfig`, when given, is the config's source where Astro prerenders pages.
 */
export function vitePluginKhabarComments(
  configSource: string,
  postsSource?: string,
  prerenderConfig?: string,
): VitePlugin {
  const modules = new Map([[VIRTUAL_CONFIG, configSource]]);
  if (postsSource !== undefined) modules.set(VIRTUAL_POSTS, postsSource);
  return {
    name: 'vite-plugin-khabar-comments',
    resolveId(id) {
      return modules.has(id) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith('\0')) return undefined;
      const name = id.slice(1);
      if (name === VIRTUAL_CONFIG && prerenderConfig !== undefined && this.environment.name === 'prerender')
        return prerenderConfig;
      return modules.get(name);
    },
  };
}

/**
 * The source of `virtual:khabar-comments/posts`: a re-export of the site's module. A path (starting
 * with `.` or `/`) is taken from the project root; anything else is a package specifier.
 */
export function postsModuleSource(specifier: string, root: string): string {
  const target = specifier.startsWith('.') || isAbsolute(specifier) ? resolve(root, specifier) : specifier;
  return `export { default } from ${JSON.stringify(target)};\n`;
}

/** Validates the integration's options; throws an AstroError naming each bad option. */
export function parseIntegrationOptions(input: unknown): KhabarCommentsOptions {
  const result = IntegrationOptionsSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new AstroError(
    `Invalid khabarComments() options in astro.config\n${describeIssues(result.error.issues, input, '').join('\n')}`,
    'Check the khabarComments() options in your astro.config file; the khabar-comments README lists every option.',
  );
}

/** The posts the route wrote into the build, checked: they go to the receiver as they are. */
export async function readBuiltPosts(outDir: string, specifier: string): Promise<Post[]> {
  const file = join(outDir, POSTS_FOLDER, 'posts.json');
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new AstroError(
      `khabarComments(): the posts route did not build (${file}: ${error instanceof Error ? error.message : String(error)}).`,
      `Check that the module in \`posts\` (${specifier}) exports a default function.`,
    );
  }
  const result = PostSchema.array().safeParse(data);
  if (result.success) return result.data;
  throw new AstroError(
    `khabarComments(): the posts module ${specifier} returned posts the receiver cannot take\n${describeIssues(result.error.issues, data, 'posts').join('\n')}`,
    'Build each post with commentPost() from khabar-comments/lib: { id, url (a site path), title, published, closed }.',
  );
}

/**
 * Static comments for Astro: serves the components' configuration and, after each build, writes the
 * comments folder's `site.json` (the posts that take comments, from the site's `posts` module, and the
 * rules), which the receiver reads.
 *
 * @example
 * // astro.config.mjs
 * import khabarComments from 'khabar-comments';
 * export default defineConfig({
 *   site: 'https://news.example',
 *   integrations: [
 *     khabarComments({ endpoint: 'https://comments.news.example/', posts: './src/comment-posts.ts' }),
 *   ],
 * });
 */
export default function khabarComments(options: KhabarCommentsUserOptions): AstroIntegration {
  const config = parseIntegrationOptions(options);
  // The build's clock, resolved once: the components, the posts module and the manifest all use it.
  const now = new Date(config.now ?? Date.now());
  let commentsDir = '';
  let origins: string[] = [];
  let storeSpec: StoreSpec | undefined;

  return {
    name: 'khabar-comments',
    hooks: {
      'astro:config:setup': ({ config: astroConfig, updateConfig, injectRoute, logger }) => {
        const root = fileURLToPath(astroConfig.root);
        commentsDir = resolve(root, config.dir);
        // One store for the receiver (through site.json) and the loader (through a global, as the clock).
        storeSpec = config.store
          ? parseStoreSpec(config.store, root, 'khabarComments({ store })')
          : defaultStoreSpec(commentsDir, inspectFolder(commentsDir));
        (globalThis as Record<symbol, unknown>)[STORE_GLOBAL] = {
          dir: commentsDir,
          spec: storeSpec,
        } satisfies IntegrationStore;
        origins = config.origins ?? (astroConfig.site ? [new URL(astroConfig.site).origin] : []);
        if (origins.length === 0) {
          logger.warn(
            'Set `site` in astro.config (or `origins` in khabarComments()): the receiver accepts comments only from listed origins.',
          );
        }
        if (!process.env[config.secretEnv]) {
          logger.info(
            `${config.secretEnv} is not set at build: forms carry no build-time token, so readers without JavaScript confirm once before their comment is taken.`,
          );
        }
        if (config.posts)
          injectRoute({ pattern: POSTS_ROUTE, entrypoint: POSTS_ENTRYPOINT, prerender: true });
        else
          logger.warn(
            "`posts` is not set, so site.json will list no posts and the receiver will refuse every comment. Set it to a module whose default export lists the posts that take comments, e.g. khabarComments({ posts: './src/comment-posts.ts' }) (the khabar-comments README shows one).",
          );
        const runtime = toRuntimeConfig(config, now);
        (globalThis as Record<symbol, unknown>)[CLOCK_GLOBAL] = runtime.now;
        updateConfig({
          vite: {
            plugins: [
              vitePluginKhabarComments(
                `export default ${JSON.stringify(runtime)};`,
                config.posts ? postsModuleSource(config.posts, root) : undefined,
                prerenderConfigSource(runtime),
              ),
            ],
            // The components are shipped as source and import the virtual module: Vite must process them.
            ssr: { noExternal: ['khabar-comments'] },
            // The form's script is a cached file, not 3.4 kB inlined into every article.
            build: { assetsInlineLimit: assetsInlineLimit(astroConfig.vite.build?.assetsInlineLimit) },
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        let posts: Post[] = [];
        if (config.posts) {
          posts = await readBuiltPosts(outDir, config.posts);
          // The list is the receiver's, not part of the site.
          await rm(join(outDir, POSTS_FOLDER), { recursive: true, force: true });
        }
        const manifest = buildManifest(config, {
          origins,
          generatedAt: now.toISOString(),
          posts,
          store: storeSpec ? manifestStoreSpec(storeSpec, commentsDir) : undefined,
        });
        await writeManifest(commentsDir, manifest);
        logger.info(
          `${manifest.posts.length} post(s) take comments; wrote ${join(commentsDir, 'site.json')} for the receiver (store ${storeSpec ? describeStore(storeSpec) : 'default'}).`,
        );
      },
    },
  };
}
