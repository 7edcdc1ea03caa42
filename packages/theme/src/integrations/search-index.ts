/**
 * Builds the Pagefind search index of the site's articles, in parts (`lib/search/parts.ts`).
 *
 * In a build, the article route plans the parts from every story's month and hands the stories over
 * part by part (its `getStaticPaths`, through the hand-off below), each story's record computed from its
 * content (`lib/search/record.ts`) just before Pagefind takes it. Pagefind indexes a part in its own
 * process while Astro renders the pages, writes it to `<staging>/<part>/` and exits before the next part
 * starts, so one Pagefind process at a time holds at most one part. `astro:build:done` moves the parts
 * into `<dist>/pagefind/` and writes `pagefind/parts.json`, which the search page reads to merge them.
 *
 * Stories the route cannot describe without their page (no body to read, e.g. MDX), and whole sites
 * whose pages were rendered elsewhere (an adapter's prerenderer, where the hand-off is not seen), are
 * indexed from the built pages after the build, in parts of their own ("pages", "pages-2"…): the
 * components mark an article page up for Pagefind (`data-pagefind-body` on the story,
 * `data-pagefind-ignore` on what is not the story, `data-pagefind-meta` on a result's fields). A site of
 * one part keeps them in that part, which then waits for the build's end.
 *
 * A part is handed to Pagefind once the route has sent all of its stories: the part's digest is known
 * then, and a part indexed by an earlier build with the same digest is taken from the cache
 * (`search-cache.ts`) instead; only new and changed parts start a Pagefind process.
 *
 * A record goes to Pagefind as a small HTML document (`recordDocument`) through `addHTMLFile`, not as a
 * custom record: a custom record's content is flat text at one weight, so the headline would no longer
 * outrank the body (Pagefind weighs an `<h1>` 7, text 1) and the light stems would count as much as the
 * words the story wrote (they are weighted 0.5).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SEARCH_HANDOFF, type IndexStory, type SearchHandoff } from '../lib/search/handoff.ts';
import { userError } from '../lib/user-error.ts';
import {
  pagesPartId,
  parallelPartsFrom,
  PARTS_MANIFEST,
  partSizeFrom,
  partsByMonth,
  partsManifest,
  type ManifestPart,
  type SearchPart,
} from '../lib/search/parts.ts';
import { recordDocument, type SearchRecord } from '../lib/search/record.ts';
import { PartKey, SearchPartCache } from './search-cache.ts';
import {
  moveFolder,
  pagesFromDist,
  PartIndex,
  pruneMergedParts,
  type IndexDocument,
  type IndexLogger,
} from './pagefind-parts.ts';

export type { IndexLogger };

export interface SearchIndexOptions {
  /** The language of the pages (ISO 639-1), for Pagefind's stemmer. */
  language: string;
  /** A folder of its own for the parts written during the build (replaced). */
  stagingDir: string;
  logger: IndexLogger;
  /** The most stories a part holds; by default `KHABAR_SEARCH_PART_SIZE`, else `PART_SIZE`. */
  partSize?: number;
  /** A folder kept between builds for the parts already indexed (`search-cache.ts`); none if unset. */
  cacheDir?: string | undefined;
  /**
   * How many parts Pagefind may index at once, each in its own process; by default
   * `KHABAR_SEARCH_PARALLEL`, else 1 (`parallelPartsFrom`).
   */
  parallelParts?: number | undefined;
  /**
   * Where the article route finds the hand-off (`searchHandoffKey`): an edition's index has its own.
   * By default the main edition's.
   */
  handoff?: symbol | undefined;
  /**
   * The first of the index's Pagefind processes (`PartIndex`'s lanes): indexes built side by side (one
   * an edition) each need lanes of their own, since closing a part ends its lane's process. Default 0.
   */
  firstLane?: number | undefined;
  /** The edition the index is of, named in what it logs; none for the main edition. */
  name?: string | undefined;
  /** The index's folder in the built site, e.g. `pagefind` or an edition's `en/pagefind`. */
  folder?: string | undefined;
  /**
   * Whether a built page at this URL is one of the index's (an edition's index reads only its own
   * pages when it reads them back). By default every page.
   */
  ownsPage?: ((url: string) => boolean) | undefined;
}

/** A story as the index holds it: its document's HTML too, once that has been made. */
type HeldStory = IndexStory & { html?: string };

/** A part's stories as the route sends them, held until the part is complete. */
interface PendingPart {
  id: string;
  stories: HeldStory[];
  key: Promise<PartKey> | undefined;
}

/**
 * One build's search index. `open()` installs the hand-off at the start of the build; `finish()` at its
 * end puts the parts into the built site, however the stories arrived.
 */
export class SearchIndexBuild {
  readonly #options: SearchIndexOptions;
  readonly #partSize: number;
  #plan: readonly SearchPart[] | undefined;
  /**
   * Every step on Pagefind, one after the other; a part's indexing runs beside the steps after it, up to
   * `parallelParts` at once (one by default: one part, and one process, open at a time).
   */
  #queue: Promise<void> = Promise.resolve();
  #failed: { error: unknown } | undefined;
  #part: PartIndex | undefined;
  /** Parts Pagefind is indexing now, each in its own process. */
  readonly #indexing = new Set<Promise<void>>();
  readonly #parallelParts: number;
  /** The Pagefind processes free for a part (`PartIndex`'s lanes). */
  readonly #freeLanes: number[];
  #pending: PendingPart | undefined;
  readonly #cache: SearchPartCache | undefined;
  /** Parts taken from the cache in this build. */
  #reused = 0;
  readonly #written: ManifestPart[] = [];
  readonly #fromPages: string[] = [];
  #routeDone: Promise<unknown> | undefined;
  /** Whether the route took the hand-off: it then says `done`, with its error if it stopped. */
  #taken = false;

  constructor(options: SearchIndexOptions) {
    this.#options = options;
    this.#partSize = options.partSize ?? partSizeFrom(process.env);
    this.#parallelParts = Math.max(1, Math.floor(options.parallelParts ?? parallelPartsFrom(process.env)));
    const first = options.firstLane ?? 0;
    this.#freeLanes = Array.from(
      { length: this.#parallelParts },
      (_, lane) => first + this.#parallelParts - 1 - lane,
    );
    this.#cache = options.cacheDir ? new SearchPartCache(options.cacheDir) : undefined;
  }

  get #firstLane(): number {
    return this.#options.firstLane ?? 0;
  }

  get #handoff(): symbol {
    return this.#options.handoff ?? SEARCH_HANDOFF;
  }

  /** The built pages that are this index's. */
  async *#ownPages(pages: AsyncIterable<IndexDocument>): AsyncGenerator<IndexDocument> {
    const owns = this.#options.ownsPage;
    for await (const page of pages) if (!owns || owns(page.url)) yield page;
  }

  /** Runs `step` after the steps before it; resolves as soon as the step before it is done. */
  #enqueue(step: () => Promise<void>): Promise<void> {
    const before = this.#queue;
    this.#queue = before
      .then(() => (this.#failed ? undefined : step()))
      .catch((error: unknown) => {
        this.#failed ??= { error };
      });
    // One part ahead: the route describes the next part's stories while Pagefind reads this one.
    return before.then(() => {
      if (this.#failed) throw this.#failed.error;
    });
  }

  /** Lets the article route hand its stories over during this build. */
  open(): void {
    const { language, stagingDir } = this.#options;
    let resolveDone: (error: unknown) => void = () => undefined;
    this.#routeDone = new Promise((resolve) => (resolveDone = resolve));
    const handoff: SearchHandoff = {
      plan: (months) => {
        this.#taken = true;
        this.#plan = partsByMonth(months, this.#partSize);
        void this.#enqueue(() => rm(stagingDir, { recursive: true, force: true }));
        return this.#plan;
      },
      add: async (id, stories) => {
        // A part the route left without saying `end` is complete when the next one starts.
        const ready = this.#pending && this.#pending.id !== id ? this.#indexPending(false) : undefined;
        this.#pending ??= { id, stories: [], key: this.#cache?.key(language) };
        const key = await this.#pending.key;
        for (const story of stories) {
          // A story without a key of its own is known by its document, computed now and kept.
          const held = key && story.key === undefined ? await withDocument(story, language) : story;
          this.#pending.stories.push(held);
          key?.add(held.url, held.key ?? '');
        }
        await ready;
      },
      end: (id, fromPages) => {
        this.#fromPages.push(...fromPages);
        // A site of one part keeps it open for its stories' built pages, read at the end of the build.
        const keep = fromPages.length > 0 && this.#plan?.length === 1;
        return this.#pending?.id === id ? this.#indexPending(keep) : Promise.resolve();
      },
      done: (error) => {
        this.#taken = true;
        resolveDone(error);
      },
    };
    (globalThis as Record<symbol, unknown>)[this.#handoff] = handoff;
  }

  /**
   * Indexes the part the route has sent, after the parts before it: from the cache when an earlier build
   * indexed the same documents, else in a Pagefind process, whose part is then stored. A part kept open
   * for built pages (`keep`) is neither. Resolves when the part before it is done, so the route describes
   * the next part while Pagefind reads this one.
   */
  #indexPending(keep: boolean): Promise<void> {
    const pending = this.#pending;
    this.#pending = undefined;
    if (!pending) return Promise.resolve();
    const { language, logger, stagingDir } = this.#options;
    const cache = keep ? undefined : this.#cache;
    return this.#enqueue(async () => {
      const key = cache && (await pending.key)?.digest();
      const planned = this.#plan?.find((p) => p.id === pending.id);
      const stories = key ? await cache.take(key, join(stagingDir, pending.id)) : undefined;
      if (stories !== undefined) {
        this.#reused++;
        this.#written.push({ id: pending.id, stories, newest: planned?.newest, oldest: planned?.oldest });
        return;
      }
      // A lane is free: the step before this one waited until fewer than `parallelParts` were indexing.
      const lane = this.#freeLanes.pop() ?? this.#firstLane;
      const part = await PartIndex.open(pending.id, language, lane);
      if (keep) {
        this.#part = part;
        await part.add(storyDocuments(pending.stories, language), logger);
        return;
      }
      // Its place in the manifest is taken now: parts indexed side by side may finish in any order.
      const slot = this.#reserve();
      const indexing = (async () => {
        try {
          await part.add(storyDocuments(pending.stories, language), logger);
          const written = await this.#writePart(part, slot);
          if (key) await cache.store(key, join(stagingDir, written.id), written.stories);
        } catch (error) {
          this.#failed ??= { error };
          await part.close();
        } finally {
          this.#freeLanes.push(lane);
        }
      })();
      const tracked = indexing.finally(() => this.#indexing.delete(tracked));
      this.#indexing.add(tracked);
      // The next part may start once fewer than `parallelParts` are being indexed.
      while (this.#indexing.size >= this.#parallelParts) await Promise.race(this.#indexing);
    });
  }

  /** A place in the manifest, filled when its part is written. */
  #reserve(): number {
    return this.#written.push({ id: '', stories: 0 }) - 1;
  }

  /** Writes `part` to the staging folder, in the manifest at `slot` (or last), and ends its process. */
  async #writePart(part: PartIndex, slot = this.#reserve()): Promise<ManifestPart> {
    if (this.#part === part) this.#part = undefined;
    await part.write(this.#options.stagingDir);
    const planned = this.#plan?.find((p) => p.id === part.id);
    const written = { id: part.id, stories: part.indexed, newest: planned?.newest, oldest: planned?.oldest };
    this.#written[slot] = written;
    return written;
  }

  /** Indexes built pages in parts of their own, "pages", "pages-2"…, each of `partSize` pages at most. */
  async #indexPages(pages: AsyncIterable<IndexDocument>): Promise<void> {
    const { language, logger } = this.#options;
    const iterator = pages[Symbol.asyncIterator]();
    for (let n = 1; ; n++) {
      const first = await iterator.next();
      if (first.done) return;
      const part = await PartIndex.open(pagesPartId(n), language, this.#firstLane);
      this.#part = part;
      await part.add(upTo(iterator, first.value, this.#partSize), logger);
      await this.#writePart(part);
    }
  }

  /** Puts the parts into `<dir>/pagefind/` with their manifest; returns how many stories they hold. */
  async finish({ dir, base }: { dir: string; base: string }): Promise<number> {
    const { stagingDir, logger } = this.#options;
    const started = Date.now();
    Reflect.deleteProperty(globalThis, this.#handoff);
    const stopped = this.#taken ? await this.#routeDone : undefined;
    const seen = this.#plan !== undefined;
    try {
      await this.#indexPending(false);
      await this.#queue;
      await Promise.all(this.#indexing);
      if (this.#failed) throw this.#failed.error;
      if (stopped !== undefined) throw indexError(stopped);
      if (seen) {
        const fromPages = pagesFromDist(dir, base, new Set(this.#fromPages));
        // The one part of a small site took its stories' pages; a bigger site's go into parts of their own.
        if (this.#part) await this.#part.add(fromPages, logger);
        else if (this.#fromPages.length) await this.#indexPages(fromPages);
      } else {
        // The article route ran where the hand-off could not reach it: read every built page.
        await rm(stagingDir, { recursive: true, force: true });
        await this.#indexPages(this.#ownPages(pagesFromDist(dir, base)));
      }
      if (this.#part) await this.#writePart(this.#part);
      const output = join(dir, this.#options.folder ?? 'pagefind');
      await mkdir(stagingDir, { recursive: true });
      await moveFolder(stagingDir, output);
      await pruneMergedParts(output, this.#written);
      await writeFile(join(output, PARTS_MANIFEST), JSON.stringify(partsManifest(this.#written)));
      await this.#cache?.prune();
    } finally {
      await this.#part?.close();
      await rm(stagingDir, { recursive: true, force: true });
    }
    const indexed = this.#written.reduce((sum, part) => sum + part.stories, 0);
    const how = seen ? 'indexed alongside the pages' : 'indexed from the built pages';
    const parts = this.#written.length === 1 ? '1 part' : `${this.#written.length} parts`;
    const reused = this.#reused ? ` (${this.#reused} unchanged since the last build)` : '';
    logger.info(
      `search index${this.#options.name ? ` (${this.#options.name})` : ''}: ${indexed} articles in ${parts}${reused}, ${how}; ${((Date.now() - started) / 1000).toFixed(1)} s after the build`,
    );
    return indexed;
  }
}

/** A story's record, computed if the route sent how to compute it. */
async function recordOf(story: IndexStory): Promise<SearchRecord> {
  return typeof story.record === 'function' ? story.record() : story.record;
}

/**
 * The story with its document's HTML, kept, and as its key: what the cache digests for a story without
 * a key of its own.
 */
async function withDocument(story: IndexStory, language: string): Promise<HeldStory> {
  const record = await recordOf(story);
  const html = recordDocument(record, language);
  return { url: story.url, key: `document\0${html}`, record, html };
}

/** The documents of the stories the route handed over, each computed (unless kept) as Pagefind takes it. */
async function* storyDocuments(
  stories: readonly HeldStory[],
  language: string,
): AsyncGenerator<IndexDocument> {
  for (const story of stories)
    yield { url: story.url, html: story.html ?? recordDocument(await recordOf(story), language) };
}

/** `first`, then what follows it in `iterator`, `count` documents in all. */
async function* upTo<T>(iterator: AsyncIterator<T>, first: T, count: number): AsyncGenerator<T> {
  yield first;
  for (let n = 1; n < count; n++) {
    const next = await iterator.next();
    if (next.done) return;
    yield next.value;
  }
}

/** What the build says when the route could not describe a story for the index. */
function indexError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return userError(`The search index could not be built: ${message}`, {
    hint: 'Fix the story named above (its frontmatter or its file), or set `search: false` to build without search.',
  });
}
