/**
 * Wires the embeds (lib/embeds/): the bare-link rule into Astro's Markdown processor for the stories the
 * content layer renders, the posters' folder for the pages the build prerenders (`virtual:khabar/embeds`),
 * and, when the build is done, the posters copied into the site under `/_khabar/embeds/`.
 */
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import type { KhabarConfig } from '../config/user-config.ts';
import { facadeStringsOf, type FacadeStrings } from '../lib/embeds/facade.ts';
import { fileEdition } from '../lib/file-editions.ts';
import { embedsMdastPlugin } from '../lib/embeds/markdown-plugin.ts';
import { posterFetcher } from '../lib/embeds/posters.ts';

/** Where the site serves the posters, under its `base`. */
export const EMBEDS_PATH = '_khabar/embeds/';

/** The build's folder of posters (and what was learnt of each embed). */
export function embedsCacheDir(astroConfig: Pick<AstroConfig, 'cacheDir'>): string {
  return fileURLToPath(new URL('khabar-embeds/', astroConfig.cacheDir));
}

/** `virtual:khabar/embeds` for pages rendered on request (no fetch) and for the build's prerendering. */
export function embedsModules(config: KhabarConfig, astroConfig: Pick<AstroConfig, 'cacheDir'>) {
  const common = { path: EMBEDS_PATH, bareLinks: config.embeds.bareLinks };
  const source = (posters: string | false) => `export default ${JSON.stringify({ ...common, posters })};`;
  return {
    runtime: source(false),
    prerender: source(config.embeds.posters ? embedsCacheDir(astroConfig) : false),
  };
}

/**
 * Adds the bare-link rule to the site's Markdown processor when it is Astro's Sätteri (the default); a
 * site on another processor is told that bare links stay links there. The facade is worded in the
 * language of the story's edition: `editionStrings` by edition key, the file's edition as its loader
 * recorded it (`lib/file-editions.ts`).
 */
export function addEmbedsPlugin(
  config: KhabarConfig,
  astroConfig: AstroConfig,
  strings: Record<string, string>,
  editionStrings: Readonly<Record<string, Record<string, string>>>,
  logger: AstroIntegrationLogger,
): void {
  if (!config.embeds.bareLinks) return;
  const processor = astroConfig.markdown.processor as {
    name: string;
    options?: { mdastPlugins?: unknown[] };
  };
  const plugins = processor.options?.mdastPlugins;
  if (processor.name !== 'satteri' || !Array.isArray(plugins)) {
    logger.warn(
      `The "${processor.name}" Markdown processor does not run the theme's bare-link rule: a YouTube or X link on its own line stays a link. Use the <Embed> component in MDX, or set embeds.bareLinks to false to silence this.`,
    );
    return;
  }
  const base = astroConfig.base.endsWith('/') ? astroConfig.base : `${astroConfig.base}/`;
  const byEdition = new Map<string, FacadeStrings>(
    Object.entries(editionStrings).map(([key, own]) => [key, facadeStringsOf(own)]),
  );
  plugins.push(
    embedsMdastPlugin({
      strings: facadeStringsOf(strings),
      stringsOf: (fileURL) => {
        const key = fileEdition(fileURL);
        return key === undefined ? undefined : byEdition.get(key);
      },
      posters: config.embeds.posters
        ? posterFetcher({
            dir: embedsCacheDir(astroConfig),
            warn: (message) => {
              logger.warn(message);
            },
          })
        : undefined,
      posterBase: `${base}${EMBEDS_PATH}`,
    }),
  );
}

/** Copies the posters of the cache into the built site (`dir`, Astro's client output). */
export async function copyPosters(
  astroConfig: Pick<AstroConfig, 'cacheDir'>,
  dir: URL,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const from = embedsCacheDir(astroConfig);
  let files: string[];
  try {
    files = (await readdir(from)).filter((file) => !file.endsWith('.json'));
  } catch {
    return;
  }
  if (files.length === 0) return;
  const to = join(fileURLToPath(dir), EMBEDS_PATH);
  await mkdir(to, { recursive: true });
  await Promise.all(files.map((file) => copyFile(join(from, file), join(to, file))));
  logger.info(`copied ${files.length} embed poster(s) to /${EMBEDS_PATH}`);
}
