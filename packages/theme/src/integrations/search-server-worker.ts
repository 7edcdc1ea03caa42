/**
 * The worker thread that writes the server's search index (`search-server.ts`): it takes the stories a
 * batch at a time, reads the Markdown files whose paths it is sent, renders the bodies with Astro's
 * Markdown processor (Sätteri) and the site's features, computes each record (`lib/search/record.ts`)
 * and inserts the rows into its SQLite file. The build's main thread only gathers each story's fields
 * and its file's path, so the reading, rendering, stemming and indexing of 100,000 stories run beside
 * the pages.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { stripFrontmatter } from '../lib/frontmatter.ts';
import { withFootnoteWords, type Features } from '../lib/markdown/plugins.ts';
import {
  createSearchTable,
  insertRows,
  optimizeSearchTable,
  sqlite,
  storyCount,
} from '../lib/search/database.ts';
import { searchRecord, type SearchRecord, type SearchSource } from '../lib/search/record.ts';
import { searchRow, type SearchRow } from '../lib/search/server.ts';

/** What the integration starts the worker with. */
export interface WorkerSetup {
  /** The database file to write (it is made new). */
  file: string;
  /** `@astrojs/markdown-satteri`'s module, as the build resolved it. */
  processorModule: string;
  /** The site's Sätteri features (plain data). */
  features: Features;
  /** The footnotes' heading of each edition ('' for the main one), which is text a reader sees. */
  footnoteLabels: Record<string, string>;
}

/** A story sent to the worker: its record computed already, or what to compute it from. */
export type WorkerStory = { url: string; record: SearchRecord } | { url: string; source: SearchSource };

/** What the integration sends. */
export type ToWorker = { type: 'stories'; batch: number; stories: WorkerStory[] } | { type: 'finish' };

/** What the worker answers. */
export type FromWorker =
  | { type: 'stored'; batch: number }
  | { type: 'finished'; stories: number }
  | { type: 'failed'; message: string; url?: string | undefined };

type Renderer = {
  render(source: string, options: { frontmatter: Record<string, unknown> }): Promise<{ code: string }>;
};

const setup = workerData as WorkerSetup;
const port = parentPort;
const { DatabaseSync } = sqlite();
const db = new DatabaseSync(setup.file);
createSearchTable(db);

const renderers = new Map<string, Promise<Renderer>>();

/** Sätteri with the site's features and the edition's footnote heading; no HTML plugins (only text is read). */
function renderer(edition: string | undefined): Promise<Renderer> {
  const key = edition ?? '';
  const known = renderers.get(key);
  if (known) return known;
  const label = setup.footnoteLabels[key] ?? setup.footnoteLabels[''];
  const features =
    label === undefined
      ? setup.features
      : withFootnoteWords(setup.features, { label, backLabel: '{reference}', formatNumber: String });
  const made = (import(setup.processorModule) as Promise<typeof import('@astrojs/markdown-satteri')>).then(
    ({ satteri }) => satteri({ features }).createRenderer({}) as Promise<Renderer>,
  );
  renderers.set(key, made);
  return made;
}

async function rowOf(story: WorkerStory): Promise<SearchRow> {
  if ('record' in story) return searchRow(story.url, story.record);
  const { source } = story;
  // A file is read here, one synchronous read: the build's main thread only sent its path.
  const markdown =
    source.file === undefined ? source.markdown : stripFrontmatter(readFileSync(source.file, 'utf8'));
  const html =
    markdown === undefined
      ? (source.html ?? '')
      : (await (await renderer(source.edition)).render(markdown, { frontmatter: {} })).code;
  return searchRow(story.url, searchRecord({ ...source, html }));
}

/** One message after the other: a batch is stored before the next is read, and `finish` comes last. */
async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'finish') {
    optimizeSearchTable(db);
    const stories = storyCount(db);
    db.close();
    port?.postMessage({ type: 'finished', stories } satisfies FromWorker);
    return;
  }
  const rows: SearchRow[] = [];
  for (const story of message.stories) {
    try {
      rows.push(await rowOf(story));
    } catch (error) {
      throw Object.assign(new Error(error instanceof Error ? error.message : String(error)), {
        url: story.url,
      });
    }
  }
  insertRows(db, rows);
  port?.postMessage({ type: 'stored', batch: message.batch } satisfies FromWorker);
}

let queue = Promise.resolve();
port?.on('message', (message: ToWorker) => {
  queue = queue.then(() =>
    handle(message).catch((error: unknown) => {
      const url = (error as { url?: string }).url;
      const text = error instanceof Error ? error.message : String(error);
      port.postMessage({ type: 'failed', message: text, url } satisfies FromWorker);
    }),
  );
});
