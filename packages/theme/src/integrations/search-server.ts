/**
 * Builds the server's search index (`search: 'server'`): an SQLite FTS5 database of every story's
 * record (`lib/search/server.ts`), which the search page reads on request (`runtime/search-server.ts`).
 *
 * The article route hands the stories over during the build, as it does to Pagefind's index
 * (`lib/search/handoff.ts`), but with each story's source: its fields and its body, still in Markdown
 * when its file holds Markdown. Worker threads (`search-server-worker.ts`; two by default) render, stem
 * and insert them, each into a part of the index of its own, a file in Astro's cache folder, a few
 * batches ahead of the main thread at most; at the end of the build each part is merged into one
 * segment and moved, complete, into the server's output (`dist/server/khabar-search/stories.sqlite`,
 * `stories.1.sqlite`), so a server never opens half an index.
 *
 * An MDX story has no Markdown body to read (its text is made by its page): it is indexed by its
 * headline, deck, byline, captions and tags.
 */
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Features } from '../lib/markdown/plugins.ts';
import { SEARCH_HANDOFF, type IndexStory, type SearchHandoff } from '../lib/search/handoff.ts';
import type { SearchPart } from '../lib/search/parts.ts';
import { searchDatabaseFile, searchDatabaseFiles, SEARCH_FOLDER } from '../lib/search/server.ts';
import type { FromWorker, ToWorker, WorkerSetup, WorkerStory } from './search-server-worker.ts';

/** How many batches may wait on a worker: the main thread reads ahead, but not the whole archive. */
const IN_FLIGHT = 3;

/** What the index logs. */
export interface ServerIndexLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface ServerSearchOptions {
  /** The edition the index is of (its own file, `stories-en.sqlite`); none for the main edition. */
  edition?: string | undefined;
  /** Where the article route finds the hand-off (`searchHandoffKey`). */
  handoff?: symbol | undefined;
  /** A folder of Astro's cache where the index is written during the build. */
  stagingDir: string;
  /** `@astrojs/markdown-satteri`'s module, as the build resolves it. */
  processorModule: string;
  /** The site's Sätteri features. */
  features: Features;
  /** The footnotes' heading of each edition ('' for the main one). */
  footnoteLabels: Record<string, string>;
  /** How many worker threads write the index, each a part of it (default 1). */
  workers?: number | undefined;
  logger: ServerIndexLogger;
}

/** A worker thread writing one part of the index. */
interface Lane {
  worker: Worker;
  file: string;
  /** Batches sent to it and not yet stored. */
  waiting: Set<number>;
  finished?: ((stories: number) => void) | undefined;
  /** Its part is complete: the worker said so, and may exit. */
  closed?: boolean;
}

/**
 * One build's server search index: `open()` at the build's start, `finish()` at its end. The index is
 * written by `workers` threads at once, each into a part of its own (a file, `stories.1.sqlite`…), which
 * the search page reads as one: inserting into FTS5 was the longest step (0.4–0.7 ms a story), and one
 * thread left the second core idle once the pages were rendered.
 */
export class ServerSearchBuild {
  readonly #options: ServerSearchOptions;
  #lanes: Lane[] = [];
  #failure: Error | undefined;
  #batches = 0;
  /** What to call when a lane can take a batch again. */
  #slot: (() => void) | undefined;
  #routeDone: Promise<unknown> = Promise.resolve();
  #taken = false;
  #started = 0;

  constructor(options: ServerSearchOptions) {
    this.#options = options;
  }

  /** Starts the workers and lets the article route hand its stories over. */
  async open(): Promise<void> {
    this.#started = performance.now();
    const { stagingDir, edition } = this.#options;
    await rm(stagingDir, { recursive: true, force: true });
    await mkdir(stagingDir, { recursive: true });
    const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    const count = Math.max(1, this.#options.workers ?? 1);
    this.#lanes = Array.from({ length: count }, (_, shard) => {
      const setup: WorkerSetup = {
        file: join(stagingDir, searchDatabaseFile(edition, shard)),
        processorModule: this.#options.processorModule,
        features: this.#options.features,
        footnoteLabels: this.#options.footnoteLabels,
      };
      const worker = new Worker(new URL(`./search-server-worker${ext}`, import.meta.url), {
        workerData: setup,
      });
      const lane: Lane = { worker, file: setup.file, waiting: new Set() };
      worker.on('message', (message: FromWorker) => {
        this.#heard(lane, message);
      });
      worker.on('error', (error) => {
        this.#fail(error);
      });
      // A worker that stops before its part is complete (out of memory, a crash) fails the build, also
      // while batches wait for it: nothing else would wake them.
      worker.on('exit', (code) => {
        if (!lane.closed) this.#fail(new Error(`the search index's worker stopped (exit code ${code})`));
      });
      return lane;
    });

    let resolveDone: (value: unknown) => void = () => undefined;
    this.#routeDone = new Promise((resolve) => (resolveDone = resolve));
    const handoff: SearchHandoff = {
      plan: (months): SearchPart[] => {
        this.#taken = true;
        if (months.length === 0) return [];
        return [
          { id: 'all', start: 0, count: months.length, newest: months[0] ?? '', oldest: months.at(-1) ?? '' },
        ];
      },
      add: (_part, stories) => this.#send(stories),
      sources: true,
      end: () => Promise.resolve(),
      done: (error) => {
        if (error !== undefined)
          this.#fail(error instanceof Error ? error : new Error(JSON.stringify(error)));
        resolveDone(undefined);
      },
    };
    (globalThis as Record<symbol, unknown>)[this.#options.handoff ?? SEARCH_HANDOFF] = handoff;
  }

  #heard(lane: Lane, message: FromWorker): void {
    if (message.type === 'stored') {
      lane.waiting.delete(message.batch);
      const slot = this.#slot;
      this.#slot = undefined;
      slot?.();
    } else if (message.type === 'finished') {
      lane.closed = true;
      const finished = lane.finished;
      lane.finished = undefined;
      finished?.(message.stories);
    } else {
      this.#fail(new Error(message.url ? `${message.url}: ${message.message}` : message.message));
    }
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    const slot = this.#slot;
    this.#slot = undefined;
    slot?.();
    for (const lane of this.#lanes) {
      const finished = lane.finished;
      lane.finished = undefined;
      finished?.(-1);
    }
  }

  #throwIfFailed(): void {
    if (this.#failure) throw this.#failure;
  }

  /**
   * Sends a batch to its worker, once that worker holds fewer than `IN_FLIGHT`; MDX stories go with what
   * they have. Batches go to the workers in turn, not to the least busy one: which stories a part holds,
   * and in which order, then depends on the content alone, so two builds of the same stories write the
   * same files.
   */
  async #send(stories: readonly IndexStory[]): Promise<void> {
    this.#throwIfFailed();
    const batch: WorkerStory[] = await Promise.all(
      stories.map(async (story): Promise<WorkerStory> => {
        if (story.source) return { url: story.url, source: await story.source() };
        return {
          url: story.url,
          record: typeof story.record === 'function' ? await story.record() : story.record,
        };
      }),
    );
    const id = this.#batches++;
    const lane = this.#lanes[id % this.#lanes.length];
    if (!lane) throw new Error('the search index was not opened');
    while (lane.waiting.size >= IN_FLIGHT) {
      await new Promise<void>((resolve) => (this.#slot = resolve));
      this.#throwIfFailed();
    }
    lane.waiting.add(id);
    lane.worker.postMessage({ type: 'stories', batch: id, stories: batch } satisfies ToWorker);
  }

  /** Asks a lane's worker to finish its part: the stories it holds, or -1 when the index failed. */
  #finish(lane: Lane): Promise<number> {
    return new Promise<number>((resolve) => {
      if (this.#failure) {
        resolve(-1);
        return;
      }
      lane.finished = resolve;
      lane.worker.postMessage({ type: 'finish' } satisfies ToWorker);
    });
  }

  /**
   * Waits for the route and the workers, then moves the complete index into `serverDir`'s
   * `khabar-search/`. Fails the build, naming the story, when a story could not be indexed.
   */
  async finish({ serverDir }: { serverDir: string }): Promise<void> {
    if (this.#lanes.length === 0) return;
    Reflect.deleteProperty(globalThis, this.#options.handoff ?? SEARCH_HANDOFF);
    await this.#routeDone;
    const counts = await Promise.all(this.#lanes.map((lane) => this.#finish(lane)));
    await Promise.all(this.#lanes.map((lane) => lane.worker.terminate()));
    const lanes = this.#lanes;
    this.#lanes = [];
    if (this.#failure)
      throw new Error(`The search index could not be built: ${this.#failure.message}`, {
        cause: this.#failure,
      });
    const folder = join(serverDir, SEARCH_FOLDER);
    await mkdir(folder, { recursive: true });
    const { edition } = this.#options;
    // The parts of an earlier build with more workers would be read with these: gone first.
    for (const old of searchDatabaseFiles(edition, await readdir(folder)) ?? [])
      await rm(join(folder, old), { force: true });
    for (const [shard, lane] of lanes.entries()) {
      const target = join(folder, searchDatabaseFile(edition, shard));
      await rename(lane.file, target).catch(async () => {
        // Another file system: copied, then the staging copy removed.
        await copyFile(lane.file, `${target}.partial`);
        await rename(`${target}.partial`, target);
        await rm(lane.file, { force: true });
      });
    }
    const seconds = ((performance.now() - this.#started) / 1000).toFixed(1);
    const name = edition ? ` (${edition})` : '';
    const { logger } = this.#options;
    if (!this.#taken)
      logger.warn(`search index for the server${name}: no article route handed its stories over`);
    const stories = counts.reduce((sum, n) => sum + n, 0);
    logger.info(
      `search index for the server${name}: ${stories} stories in ${seconds} s (${lanes.length} worker thread${lanes.length === 1 ? '' : 's'})`,
    );
  }
}
