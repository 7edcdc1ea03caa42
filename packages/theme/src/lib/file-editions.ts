/**
 * The edition of each story file the content layer has read, for the Markdown processor's steps that
 * word their output in the story's language (the facade of a bare-link embed). The articles and updates
 * loaders record a file's edition as they parse its entry, just before Astro renders its Markdown; the
 * processor's plugin, which only sees the file's URL, reads it back by that URL (the main edition's
 * files are not recorded).
 *
 * Shared through `globalThis`, as the search hand-off is: the loaders run in the site's content config,
 * a copy of the theme's modules loaded through Vite, beside the integration's own copy, in one process.
 */
import { pathToFileURL } from 'node:url';

const FILE_EDITIONS = Symbol.for('astro-theme-khabar:file-editions');

function editions(): Map<string, string> {
  const shared = globalThis as Record<symbol, Map<string, string> | undefined>;
  return (shared[FILE_EDITIONS] ??= new Map<string, string>());
}

/** The URL the processor names a file by, as Astro's Markdown entry type makes it from the entry's path. */
function fileKey(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/**
 * Records a file's edition (`undefined`: the main one).
 * @example recordFileEdition('/site/src/content/articles/en/summit.md', 'en')
 */
export function recordFileEdition(filePath: string | undefined, key: string | undefined): void {
  if (filePath === undefined) return;
  if (key === undefined) editions().delete(fileKey(filePath));
  else editions().set(fileKey(filePath), key);
}

/**
 * The edition of the file the processor is rendering, as its loader recorded it (`undefined`: the main
 * edition, or a file no loader recorded).
 * @example fileEdition(new URL('file:///site/src/content/articles/en/summit.md')) // 'en'
 */
export function fileEdition(fileURL: URL | undefined): string | undefined {
  return fileURL === undefined ? undefined : editions().get(fileURL.href);
}
