/**
 * Builds the Pagefind search index of the site's articles.
 *
 * In a build, the article route hands every story's record (`lib/search/record.ts`, computed from its
 * content entry) to Pagefind as soon as it knows them (its `getStaticPaths`, through the hand-off
 * below): Pagefind indexes them in its own process while Astro renders the pages, and writes the index
 * to a staging folder that `astro:build:done` moves into `<dist>/pagefind/`. Stories the route cannot
 * describe without their page (no rendered Markdown, e.g. MDX), and whole sites whose pages were rendered
 * elsewhere (an adapter's prerenderer, where the hand-off is not seen), are indexed from the built pages
 * instead, as they are: the components mark an article page up for Pagefind (`data-pagefind-body` on the
 * story, `data-pagefind-ignore` on what is not the story, `data-pagefind-meta` on a result's fields).
 *
 * A record goes to Pagefind as a small HTML document (`recordDocument`) through `addHTMLFile`, not as a
 * custom record: a custom record's content is flat text at one weight, so the headline would no longer
 * outrank the body (Pagefind weighs an `<h1>` 7, text 1) and the light stems would count as much as the
 * words the story wrote (they are weighted 0.5).
 */
import { cp, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { SEARCH_HANDOFF, type IndexStory, type SearchHandoff } from '../lib/search/handoff.ts';
import { recordDocument } from '../lib/search/record.ts';
import { pagePath } from '../lib/urls.ts';

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
interface IndexDocument {
  url: string;
  html: string;
}

/** Adds documents to the index, a few at a time; returns how many went in. */
async function addDocuments(
  index: PagefindIndex,
  documents: AsyncIterable<IndexDocument | undefined> | Iterable<IndexDocument | undefined>,
  logger: IndexLogger,
): Promise<number> {
  let indexed = 0;
  const inFlight = new Set<Promise<void>>();
  for await (const document of documents) {
    if (!document) continue;
    const adding = index.addHTMLFile({ url: document.url, content: document.html }).then((response) => {
      if (response.errors.length) logger.warn(`search index: ${document.url}: ${response.errors.join('; ')}`);
      else indexed++;
    });
    const tracked = adding.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= 16) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return indexed;
}

/** The documents of the stories the route handed over. */
function storyDocuments(stories: readonly IndexStory[], language: string): IndexDocument[] {
  return stories.map(({ url, record }) => ({ url, html: recordDocument(record, language) }));
}

/**
 * The built article pages at these URLs (all of them when `only` is undefined), unchanged. A page
 * without `data-pagefind-body` is not an article (home, listings, archive, search) and is not sent: the
 * check only spares Pagefind the work, as Pagefind itself leaves such pages out once any page has it.
 */
async function* pagesFromDist(dir: string, base: string, only?: ReadonlySet<string>) {
  for (const file of await builtPages(dir)) {
    const url = urlOfFile(dir, file, base);
    if (only && !only.has(url)) continue;
    const html = await readFile(file, 'utf8');
    yield html.includes('data-pagefind-body') ? { url, html } : undefined;
  }
}

async function openIndex(language: string): Promise<{ pagefind: Pagefind; index: PagefindIndex }> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return { pagefind, index };
}

async function writeIndex(index: PagefindIndex, outputPath: string): Promise<void> {
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length)
    throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
}

export interface SearchIndexOptions {
  /** The language of the pages (ISO 639-1), for Pagefind's stemmer. */
  language: string;
  /** A folder of its own for the index written during the build (replaced). */
  stagingDir: string;
  logger: IndexLogger;
}

/**
 * One build's search index. `open()` installs the hand-off at the start of the build; `finish()` at its
 * end puts the index into the built site, however the stories arrived.
 */
export class SearchIndexBuild {
  readonly #options: SearchIndexOptions;
  #opened: Promise<{ pagefind: Pagefind; index: PagefindIndex }> | undefined;
  #adding: Promise<number>[] = [];
  /** Settles when the route said `done`: the URLs left for the built pages, and whether the index is written. */
  #handedOver: Promise<{ fromPages: readonly string[]; written: boolean }> | undefined;

  constructor(options: SearchIndexOptions) {
    this.#options = options;
  }

  /** Lets the article route hand its stories over during this build. */
  open(): void {
    const handoff: SearchHandoff = {
      add: (stories) => {
        const { language, logger } = this.#options;
        this.#opened ??= openIndex(language);
        const adding = this.#opened.then(({ index }) =>
          addDocuments(index, storyDocuments(stories, language), logger),
        );
        // Failures surface in finish(); until then they must not count as unhandled.
        adding.catch(() => undefined);
        this.#adding.push(adding);
      },
      done: (fromPages) => {
        if (this.#handedOver) return;
        this.#handedOver = (async () => {
          await Promise.all(this.#adding);
          // Every story came from its entry: the index can be written now, while pages still render.
          if (fromPages.length > 0 || !this.#opened) return { fromPages, written: false };
          const { index } = await this.#opened;
          await rm(this.#options.stagingDir, { recursive: true, force: true });
          await writeIndex(index, this.#options.stagingDir);
          return { fromPages, written: true };
        })();
        this.#handedOver.catch(() => undefined);
      },
    };
    (globalThis as Record<symbol, unknown>)[SEARCH_HANDOFF] = handoff;
  }

  /** Puts the index into `<dir>/pagefind/`; returns how many stories it holds. */
  async finish({ dir, base }: { dir: string; base: string }): Promise<number> {
    const { logger, stagingDir, language } = this.#options;
    const started = Date.now();
    Reflect.deleteProperty(globalThis, SEARCH_HANDOFF);
    const output = join(dir, 'pagefind');
    let indexed: number;
    try {
      if (this.#handedOver) {
        const { fromPages, written } = await this.#handedOver;
        indexed = (await Promise.all(this.#adding)).reduce((sum, n) => sum + n, 0);
        if (written) {
          await moveFolder(stagingDir, output);
        } else {
          const { index } = await (this.#opened ??= openIndex(language));
          indexed += await addDocuments(index, pagesFromDist(dir, base, new Set(fromPages)), logger);
          await writeIndex(index, output);
        }
      } else {
        // The article route ran where the hand-off could not reach it: read every built page.
        const { index } = await (this.#opened = openIndex(language));
        indexed = await addDocuments(index, pagesFromDist(dir, base), logger);
        await writeIndex(index, output);
      }
    } finally {
      await (await this.#opened?.catch(() => undefined))?.pagefind.close();
      await rm(stagingDir, { recursive: true, force: true });
    }
    const how = this.#handedOver ? 'indexed alongside the pages' : 'indexed from the built pages';
    logger.info(
      `search index: ${indexed} articles, ${how}; ${((Date.now() - started) / 1000).toFixed(1)} s after the build`,
    );
    return indexed;
  }
}

/** Moves a folder, copying when it lives on another file system. */
async function moveFolder(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  await mkdir(join(to, '..'), { recursive: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
  }
}
