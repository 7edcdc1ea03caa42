/**
 * Keeping `dist/` between incremental builds. Astro empties the output folder before every build, and its
 * incremental build then copies every page it did not render back from its cache, one file at a time:
 * 27 of the 51 s of a publish on a 10,000-story site. With the folder kept (`vite.build.emptyOutDir:
 * false`), Astro leaves a page it did not render where it is — but nothing then removes what the new
 * build no longer has: the page of a deleted story, a tag nobody uses any more, last build's scripts.
 *
 * This module removes those, after the build, so `dist/` holds exactly what a build into an empty folder
 * would: every file is either written during this build (its mtime is after the build began: pages
 * rendered, images, scripts, styles, fonts and `public/` are all written afresh) or a page Astro's
 * incremental build kept in place. Astro lists every page it generated, rendered or kept, in the
 * `assets` of `astro:build:done` (each route's output files), so the pages come from there; only when
 * that list is empty is Astro's own manifest (`<cacheDir>/incremental-build.json`) read instead — some
 * 15 kB a story, 147 MB at 10,000 stories, 1–2 s to read and parse. Everything else is stale and
 * removed. When neither says which pages the build kept, nothing is removed and the build says so.
 *
 * A stale file is one the last build left, so it is in the folder when this build begins: the folder
 * is listed then (`listOutput`, in the background while Astro works) rather than after the build, when
 * the walk through some 20,000 folders at 10,000 stories (a story's page is a folder of its own) would
 * add a second or two to the end of every build. What this build writes after the listing is written
 * after the build began, and kept; what is listed and gone by the end is skipped.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { readFile, readdir, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How many files are read or removed at once. */
const BATCH = 256;

/** Astro's incremental build manifest, in its cache folder (`cacheDir`). */
export const INCREMENTAL_MANIFEST = 'incremental-build.json';

/** File timestamps come from a coarse kernel clock: a file written just after the build began may read a little earlier. */
export const CLOCK_SLACK_MS = 2_000;

interface IncrementalManifest {
  version?: unknown;
  routes?: Record<string, { paths?: Record<string, { outputFile?: unknown }> }>;
}

/**
 * The output files Astro's incremental build recorded (relative to the output folder, percent-encoded
 * as in a URL), as paths on disk. `undefined` when the manifest is not one this code understands.
 * @example keptPages({ version: 1, routes: { 'src/pages/a.astro': { paths: { '/a': { outputFile: 'a/index.html' } } } } }, '/site/dist') // Set { '/site/dist/a/index.html' }
 */
export function keptPages(manifest: unknown, outDir: string): Set<string> | undefined {
  const { version, routes } = (manifest ?? {}) as IncrementalManifest;
  if (version !== 1 || !routes || typeof routes !== 'object') return undefined;
  const files = new Set<string>();
  for (const route of Object.values(routes)) {
    for (const entry of Object.values(route.paths ?? {})) {
      if (typeof entry.outputFile !== 'string') return undefined;
      const relative = entry.outputFile.split('/').map(decodeURIComponent).join(sep);
      files.add(join(outDir, relative));
    }
  }
  return files;
}

/**
 * Which files are stale: neither written since `since` nor a page the build kept.
 * @example staleFiles([{ path: '/d/a.html', mtimeMs: 5 }, { path: '/d/b.html', mtimeMs: 50 }], new Set(), 10) // ['/d/a.html']
 */
export function staleFiles(
  files: readonly { path: string; mtimeMs: number }[],
  kept: ReadonlySet<string>,
  since: number,
): string[] {
  return files.filter((file) => file.mtimeMs < since && !kept.has(file.path)).map((file) => file.path);
}

/**
 * The output files of this build's pages, from `astro:build:done`'s `assets` (route → output files):
 * Astro adds a page's file whether it rendered the page or kept it. `undefined` when the map names no
 * file, so that an Astro that stopped listing kept pages there makes the caller look elsewhere rather
 * than take every kept page for stale.
 * @example pagesFromAssets(new Map([['/a', [new URL('file:///site/dist/a/index.html')]]])) // Set { '/site/dist/a/index.html' }
 */
export function pagesFromAssets(
  assets: ReadonlyMap<string, readonly URL[]> | undefined,
): Set<string> | undefined {
  const files = new Set<string>();
  for (const urls of assets?.values() ?? []) for (const url of urls) files.add(fileURLToPath(url));
  return files.size > 0 ? files : undefined;
}

/**
 * Every file and folder under `dir` (none when it is not there). Read synchronously: the promise form
 * of a recursive `readdir` waits for one folder's listing before asking for the next, a round trip
 * through libuv's thread pool per folder (20,000 at 10,000 stories, each a story's own), which a loaded
 * machine makes slow; nothing else runs while the last integration's `astro:build:done` does.
 */
function listTree(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    return noneWhenMissing(error);
  }
}

/** A folder that is not there lists nothing; any other error is thrown again. */
function noneWhenMissing(error: unknown): Dirent[] {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
  throw error;
}

/**
 * What `dir` holds now, every file and folder (none when it is not there), for `pruneStaleOutput`: taken
 * when the build begins, it lists every file that can be stale by the build's end.
 */
export function listOutput(dir: string): Promise<Dirent[]> {
  return readdir(dir, { recursive: true, withFileTypes: true }).catch(noneWhenMissing);
}

export type PruneResult = { pruned: true; removed: string[] } | { pruned: false; reason: string };

/**
 * Removes from `outDir` what this build did not write or keep, then the folders left empty. A `.git`
 * folder is left alone, as Astro's own emptying leaves it.
 */
export async function pruneStaleOutput(options: {
  outDir: URL;
  /** The output files of this build's pages (`pagesFromAssets`); Astro's manifest is read when unset. */
  pages?: ReadonlySet<string> | undefined;
  manifestFile: URL;
  /** When the build began (ms since the epoch). */
  since: number;
  /** Folders under `outDir` that their writer replaces whole (the search index's `pagefind/`). */
  skip?: readonly string[];
  /** `outDir`'s files and folders as the build began (`listOutput`); else `outDir` is listed now. */
  listing?: Promise<Dirent[]> | undefined;
}): Promise<PruneResult> {
  const outDir = fileURLToPath(options.outDir);
  let kept = options.pages;
  if (!kept) {
    let manifest: unknown;
    try {
      manifest = JSON.parse(await readFile(options.manifestFile, 'utf8'));
    } catch (error) {
      return { pruned: false, reason: `${fileURLToPath(options.manifestFile)}: ${(error as Error).message}` };
    }
    kept = keptPages(manifest, outDir);
    if (!kept) {
      return {
        pruned: false,
        reason: `${fileURLToPath(options.manifestFile)} is not in the form this version of the theme reads`,
      };
    }
  }
  const skipped = (options.skip ?? []).map((folder) => join(outDir, folder) + sep);
  const entries = options.listing ? await options.listing : listTree(outDir);
  const candidates: string[] = [];
  const folders: string[] = [];
  const parents = new Set<string>();
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    parents.add(entry.parentPath);
    if (path.split(sep).includes('.git') || skipped.some((folder) => path.startsWith(folder))) continue;
    if (entry.isDirectory()) folders.push(path);
    // A kept page is kept whatever its date: no need to read it.
    else if (!kept.has(path)) candidates.push(path);
  }
  const files: { path: string; mtimeMs: number }[] = [];
  // Listed and no longer there: removed by their writer during the build.
  const gone: string[] = [];
  for (let i = 0; i < candidates.length; i += BATCH) {
    const batch = candidates.slice(i, i + BATCH);
    const stats = await Promise.all(batch.map((path) => stat(path).catch(() => undefined)));
    stats.forEach((found, j) => {
      if (found) files.push({ path: batch[j] ?? '', mtimeMs: found.mtimeMs });
      else gone.push(batch[j] ?? '');
    });
  }
  const removed = staleFiles(files, kept, options.since - CLOCK_SLACK_MS);
  for (let i = 0; i < removed.length; i += BATCH)
    await Promise.all(removed.slice(i, i + BATCH).map((path) => unlink(path).catch(() => undefined)));
  // The folders that may now be empty: those that were, and those a removed or vanished file was in,
  // with the folders above them. Deepest first, so a folder emptied by its children's removal goes too.
  // One that is not empty stays: rmdir removes only empty folders.
  const emptied = new Set<string>();
  const withFoldersAbove = (start: string) => {
    for (let folder = start; folder.length > outDir.length && !emptied.has(folder); folder = dirname(folder))
      emptied.add(folder);
  };
  for (const folder of folders) if (!parents.has(folder)) withFoldersAbove(folder);
  for (const path of [...removed, ...gone]) withFoldersAbove(dirname(path));
  for (const folder of [...emptied].sort((a, b) => b.length - a.length))
    await rmdir(folder).catch(() => undefined);
  return { pruned: true, removed };
}

/**
 * The most stories a fully static site may have for Astro's incremental build. Astro writes its manifest
 * as one JSON string, some 15 kB a story (every page a story is on, with the pictures each page shows:
 * 147 MB at 10,000 stories), and V8 cannot make a string past about 500 MB: a 100,000-story static build
 * rendered every page, then failed writing the manifest with "Invalid string length".
 */
export const INCREMENTAL_STORY_LIMIT = 25_000;

/** How many Markdown and MDX stories a folder holds (0 when it does not exist). */
export async function countStories(folder: string): Promise<number> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile() && /\.mdx?$/i.test(entry.name)).length;
}
