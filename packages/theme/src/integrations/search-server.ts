/**
 * Builds the server's search index (`search: 'server'`): an SQLite FTS5 database of every story's
 * record (`lib/search/server.ts`), which the search page reads on request (`runtime/search-server.ts`).
 *
 * The article route hands the stories over during the build, as it does to Pagefind's index
 * (`lib/search/handoff.ts`), but with each story's source: its fields and its body, still in Markdown
 * when its file holds Markdown. A worker thread (`search-server-worker.ts`) renders, stems and inserts
 * them into a file in Astro's cache folder, a few batches ahead of the main thread at most; at the end of
 * the build the index is merged into one segment and moved, complete, into the server's output
 * (`dist/server/khabar-search/stories.sqlite`), so a server never opens half an index.
 *
 * An MDX story has no Markdown body to read (its text is made by its page): it is indexed by its
 * headline, deck, byline, captions and tags.
 */
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Features } from '../lib/markdown/plugins.ts';
import { SEARCH_HANDOFF, type IndexStory, type SearchHandoff } from '../lib/search/handoff.ts';
import type { SearchPart } from '../lib/search/parts.ts';
import { searchDatabaseFile, SEARCH_FOLDER } from '../lib/search/server.ts';
import type { FromWorker, ToWorker, WorkerSetup, WorkerStory } from './search-server-worker.ts';

/** How many batches may wait on the worker: the main thread reads ahead, but not the whole archive. */
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
  logger: ServerIndexLogger;
}

/** One build's server search index: `open()` at the build's start, `finish()` at its end. */
export class ServerSearchBuild {
  readonly #options: ServerSearchOptions;
  #worker: Worker | undefined;
  #failure: Error | undefined;
  #batches = 0;
  /** Batches sent and not yet stored. */
  readonly #waiting = new Set<number>();
  #slot: (() => void) | undefined;
  #finished: ((stories: number) => void) | undefined;
  #routeDone: Promise<unknown> = Promise.resolve();
  #taken = false;
  #started = 0;

  constructor(options: ServerSearchOptions) {
    this.#options = options;
  }

  get #file(): string {
    return join(this.#options.stagingDir, searchDatabaseFile(this.#options.edition));
  }

  /** Starts the worker and lets the article route hand its stories over. */
  async open(): Promise<void> {
    this.#started = performance.now();
    await rm(this.#options.stagingDir, { recursive: true, force: true });
    await mkdir(this.#options.stagingDir, { recursive: true });
    const setup: WorkerSetup = {
      file: this.#file,
      processorModule: this.#options.processorModule,
      features: this.#options.features,
      footnoteLabels: this.#options.footnoteLabels,
    };
    const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    const worker = new Worker(new URL(`./search-server-worker${ext}`, import.meta.url), {
      workerData: setup,
    });
    worker.on('message', (message: FromWorker) => {
      this.#heard(message);
    });
    worker.on('error', (error) => {
      this.#fail(error);
    });
    worker.on('exit', (code) => {
      if (this.#finished) this.#fail(new Error(`the search index's worker stopped (exit code ${code})`));
    });
    this.#worker = worker;

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

  #heard(message: FromWorker): void {
    if (message.type === 'stored') {
      this.#waiting.delete(message.batch);
      const slot = this.#slot;
      this.#slot = undefined;
      slot?.();
    } else if (message.type === 'finished') {
      const finished = this.#finished;
      this.#finished = undefined;
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
    const finished = this.#finished;
    this.#finished = undefined;
    finished?.(-1);
  }

  #throwIfFailed(): void {
    if (this.#failure) throw this.#failure;
  }

  /** Sends a batch once fewer than `IN_FLIGHT` wait on the worker; MDX stories go with what they have. */
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
    while (this.#waiting.size >= IN_FLIGHT && !this.#failure) {
      await new Promise<void>((resolve) => (this.#slot = resolve));
      this.#throwIfFailed();
    }
    const id = this.#batches++;
    this.#waiting.add(id);
    this.#worker?.postMessage({ type: 'stories', batch: id, stories: batch } satisfies ToWorker);
  }

  /**
   * Waits for the route and the worker, then moves the complete index into `serverDir`'s
   * `khabar-search/`. Fails the build, naming the story, when a story could not be indexed.
   */
  async finish({ serverDir }: { serverDir: string }): Promise<void> {
    const worker = this.#worker;
    if (!worker) return;
    Reflect.deleteProperty(globalThis, this.#options.handoff ?? SEARCH_HANDOFF);
    await this.#routeDone;
    const stories = await new Promise<number>((resolve) => {
      if (this.#failure) {
        resolve(-1);
        return;
      }
      this.#finished = resolve;
      worker.postMessage({ type: 'finish' } satisfies ToWorker);
    });
    this.#finished = undefined;
    await worker.terminate();
    this.#worker = undefined;
    if (this.#failure)
      throw new Error(`The search index could not be built: ${this.#failure.message}`, {
        cause: this.#failure,
      });
    const target = join(serverDir, SEARCH_FOLDER, searchDatabaseFile(this.#options.edition));
    await mkdir(dirname(target), { recursive: true });
    await rename(this.#file, target).catch(async () => {
      // Another file system: copied, then the staging copy removed.
      await copyFile(this.#file, `${target}.partial`);
      await rename(`${target}.partial`, target);
      await rm(this.#file, { force: true });
    });
    const seconds = ((performance.now() - this.#started) / 1000).toFixed(1);
    const name = this.#options.edition ? ` (${this.#options.edition})` : '';
    const { logger } = this.#options;
    if (!this.#taken)
      logger.warn(`search index for the server${name}: no article route handed its stories over`);
    logger.info(`search index for the server${name}: ${stories} stories in ${seconds} s`);
  }
}
