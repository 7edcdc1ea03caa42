/**
 * Builds the Pagefind search index over the built site, from the integration's `astro:build:done` hook.
 * Each article page is read, prepared in memory (`lib/search/prepare.ts`: the article only, result
 * metadata, light Arabic stems) and handed to Pagefind with its URL; the index lands in `<dist>/pagefind/`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { prepareForIndex } from '../lib/search/prepare.ts';
import { pagePath } from '../lib/urls.ts';

export interface IndexLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface IndexOptions {
  /** The built site's folder. */
  dir: string;
  /** Astro's base path. */
  base: string;
  /** The language of the pages (ISO 639-1), for Pagefind's stemmer. */
  language: string;
  logger: IndexLogger;
}

/** The site URL of a built HTML file: `politics/x/index.html` → `/politics/x/` under the base, encoded. */
export function urlOfFile(dir: string, file: string, base: string): string {
  const path = relative(dir, file).split(sep).join('/');
  return pagePath(base, `/${path.replace(/(^|\/)index\.html$/, '')}`);
}

/** Indexes the built site; returns how many pages went into the index. */
export async function buildSearchIndex({ dir, base, language, logger }: IndexOptions): Promise<number> {
  const started = Date.now();
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((file) => !file.startsWith(join(dir, 'pagefind')) && relative(dir, file) !== '404.html');
    let indexed = 0;
    const batch = 16;
    for (let i = 0; i < files.length; i += batch) {
      await Promise.all(
        files.slice(i, i + batch).map(async (file) => {
          const content = prepareForIndex(await readFile(file, 'utf8'));
          if (!content) return;
          const response = await index.addHTMLFile({ url: urlOfFile(dir, file, base), content });
          if (response.errors.length) logger.warn(`search index: ${file}: ${response.errors.join('; ')}`);
          else indexed++;
        }),
      );
    }
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length)
      throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    logger.info(`search index: ${indexed} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return indexed;
  } finally {
    await pagefind.close();
  }
}
