import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, ViteUserConfig } from 'astro';
import { AstroError } from 'astro/errors';
import { toRuntimeConfig } from './config/runtime-config.ts';
import { mergePosts, postsFromHtml } from './lib/scan.ts';
import {
  IntegrationOptionsSchema,
  type KhabarCommentsOptions,
  type KhabarCommentsUserOptions,
} from './config/options.ts';
import { writeManifest } from './manifest.ts';
import { describeIssues } from './config/friendly-errors.ts';

type VitePlugin = NonNullable<ViteUserConfig['plugins']>[number];

export const VIRTUAL_CONFIG = 'virtual:khabar-comments/config';

/** A Vite plugin serving `virtual:khabar-comments/config`. */
export function vitePluginKhabarComments(source: string): VitePlugin {
  const resolved = `\0${VIRTUAL_CONFIG}`;
  return {
    name: 'vite-plugin-khabar-comments',
    resolveId(id) {
      return id === VIRTUAL_CONFIG ? resolved : undefined;
    },
    load(id) {
      return id === resolved ? source : undefined;
    },
  };
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

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

/**
 * Static comments for Astro: serves the components' configuration and, after each build, writes the
 * comments folder's `site.json` (the posts that take comments and the rules), which the receiver reads.
 *
 * @example
 * // astro.config.mjs
 * import khabarComments from 'khabar-comments';
 * export default defineConfig({
 *   site: 'https://news.example',
 *   integrations: [khabarComments({ endpoint: 'https://comments.news.example/' })],
 * });
 */
export default function khabarComments(options: KhabarCommentsUserOptions): AstroIntegration {
  const config = parseIntegrationOptions(options);
  let commentsDir = '';
  let origins: string[] = [];

  return {
    name: 'khabar-comments',
    hooks: {
      'astro:config:setup': ({ config: astroConfig, updateConfig, logger }) => {
        commentsDir = resolve(fileURLToPath(astroConfig.root), config.dir);
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
        const runtime = toRuntimeConfig(config);
        updateConfig({
          vite: {
            plugins: [vitePluginKhabarComments(`export default ${JSON.stringify(runtime)};`)],
            // The components are shipped as source and import the virtual module: Vite must process them.
            ssr: { noExternal: ['khabar-comments'] },
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages = await Promise.all(
          (await htmlFiles(outDir)).map(async (file) => postsFromHtml(await readFile(file, 'utf8'))),
        );
        const posts = mergePosts(pages);
        await writeManifest(commentsDir, {
          version: 1,
          generatedAt: new Date().toISOString(),
          origins,
          endpoint: config.endpoint,
          maxDepth: config.maxDepth,
          closeAfterDays: config.closeAfterDays,
          moderation: config.moderation,
          requireNameEmail: config.requireNameEmail,
          trustedProxies: config.trustedProxies,
          ...(config.deployHook ? { deployHook: config.deployHook } : {}),
          limits: config.limits,
          locale: config.locale,
          strings: config.strings,
          posts,
        });
        logger.info(
          `${posts.length} post(s) take comments; wrote ${join(commentsDir, 'site.json')} for the receiver.`,
        );
      },
    },
  };
}
