/**
 * The Pagefind side of the search index (see `search-index.ts`): one part's index in a process of its
 * own, the built article pages read back for the stories that have no other text, and the folder moves
 * after the build.
 */
import { cp, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pagePath } from '../lib/urls.ts';
import type { ManifestPart } from '../lib/search/parts.ts';

export interface IndexLogger {
  info(message: string): void;
  warn(message: string): void;
}

type Pagefind = typeof import('pagefind');
type PagefindIndex = NonNullable<Awaited<ReturnType<Pagefind['createIndex']>>['index']>;

/** The site URL of a built HTML file: `politics/x/index.html` → `/politics/x/` under the base, encoded. */
export function urlOfFile(dir: string, file: string, base: string): string {
  const path = relative(dir, file).split(sep).join('/');
  return pagePath(base, `/${path.replace(/(^|\/)index\.html$/, '')}`);
}

/** The built HTML pages that can be articles (not Pagefind's own files, not the 404 page). */
async function builtPages(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.startsWith(join(dir, 'pagefind')) && relative(dir, file) !== '404.html');
}

/** An HTML document for Pagefind: a record's (`recordDocument`) or a built page, as it is. */
export interface IndexDocument {
  url: string;
  html: string;
}

/**
 * The built article pages at these URLs (all of them when `only` is undefined), unchanged. A page
 * without `data-pagefind-body` is not an article (home, listings, archive, search) and is not sent: the
 * check only spares Pagefind the work, as Pagefind itself leaves such pages out once any page has it.
 */
export async function* pagesFromDist(dir: string, base: string, only?: ReadonlySet<string>) {
  for (const file of await builtPages(dir)) {
    const url = urlOfFile(dir, file, base);
    if (only && !only.has(url)) continue;
    const html = await readFile(file, 'utf8');
    if (html.includes('data-pagefind-body')) yield { url, html };
  }
}

/**
 * One part's index in a Pagefind process of its own. The `pagefind` package runs one service process
 * for all the indexes it opens; `close()` ends that process, and the next `open()` starts a fresh one, so
 * the memory of a written part goes back to the system before the next part is read. Parts indexed side
 * by side each take a `lane`: lane n > 0 loads its own instance of the package's module (the same file
 * under another URL), so each lane has a process of its own and closing one part's ends no other's.
 */
export class PartIndex {
  readonly id: string;
  indexed = 0;
  readonly #pagefind: Pagefind;
  readonly #index: PagefindIndex;

  private constructor(id: string, pagefind: Pagefind, index: PagefindIndex) {
    this.id = id;
    this.#pagefind = pagefind;
    this.#index = index;
  }

  static async open(id: string, language: string, lane = 0): Promise<PartIndex> {
    const pagefind =
      lane === 0
        ? await import('pagefind')
        : ((await import(/* @vite-ignore */ `${import.meta.resolve('pagefind')}?lane=${lane}`)) as Pagefind);
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    return new PartIndex(id, pagefind, index);
  }

  /** Adds documents, a few at a time; counts those that went in. */
  async add(documents: AsyncIterable<IndexDocument> | Iterable<IndexDocument>, logger: IndexLogger) {
    const inFlight = new Set<Promise<void>>();
    for await (const document of documents) {
      const adding = this.#index
        .addHTMLFile({ url: document.url, content: document.html })
        .then((response) => {
          if (response.errors.length)
            logger.warn(`search index: ${document.url}: ${response.errors.join('; ')}`);
          else this.indexed++;
        });
      const tracked = adding.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      if (inFlight.size >= 16) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }

  /** Writes the part into `<dir>/<id>/` and ends its process. */
  async write(dir: string): Promise<void> {
    try {
      const written = await this.#index.writeFiles({ outputPath: join(dir, this.id) });
      if (written.errors.length)
        throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    } finally {
      await this.close();
    }
  }

  close(): Promise<null> {
    return this.#pagefind.close();
  }
}

/** The files a merged part is never asked for: the script, its worker, the UI and the WebAssembly. */
const BUNDLE_FILE = /^(pagefind[-.].*\.(js|css)|pagefind\.js|wasm\..*\.pagefind)$/;

/** Removes what only the first part's page loads (script, worker, UI, WebAssembly) from the other parts. */
export async function pruneMergedParts(output: string, parts: readonly ManifestPart[]): Promise<void> {
  for (const part of parts.slice(1)) {
    const folder = join(output, part.id);
    for (const name of await readdir(folder)) {
      if (BUNDLE_FILE.test(name)) await rm(join(folder, name));
    }
  }
}

/** Moves a folder, copying when it lives on another file system. */
export async function moveFolder(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  await mkdir(join(to, '..'), { recursive: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
  }
}
