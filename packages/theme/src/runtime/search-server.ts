/**
 * The server's search (`search: 'server'`), as the search page asks it: the edition's index file, which
 * the build wrote into the server's output (`integrations/search-server.ts`), opened read-only once per
 * process. In `astro dev` there is no build: the index is made in memory from the stories at the first
 * search, and made again when a story changes.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseSync } from 'node:sqlite';
import {
  createSearchTable,
  insertRows,
  openSearchIndex,
  searchStories,
  sqlite,
  type SearchAnswer,
} from '../lib/search/database.ts';
import { searchRecord } from '../lib/search/record.ts';
import {
  searchDatabaseFile,
  searchDatabaseFiles,
  searchRow,
  SEARCH_FOLDER,
  type SearchRow,
} from '../lib/search/server.ts';
import { articleUrl, getArticles } from './articles.ts';
import { config } from './site.ts';
import { describeForSearch } from './search.ts';

const open = new Map<string, DatabaseSync>();

/**
 * Where the index files are: `KHABAR_SEARCH_DIR` when set, else `khabar-search/` in the server's build
 * output, found from this module's own file (Astro writes it into `dist/server/` or a folder below).
 */
function searchFolder(): string {
  const fromEnv = process.env.KHABAR_SEARCH_DIR;
  if (fromEnv) return fromEnv;
  let url = new URL('./', import.meta.url);
  for (let up = 0; up < 4; up++) {
    const folder = fileURLToPath(new URL(`${SEARCH_FOLDER}/`, url));
    if (existsSync(folder)) return folder;
    url = new URL('../', url);
  }
  throw new Error(
    `The search index (${SEARCH_FOLDER}/) is not beside the server's files: build the site with astro build, or set KHABAR_SEARCH_DIR to the folder that holds ${searchDatabaseFile(config.edition)}.`,
  );
}

/** The built index of the edition being rendered, all its parts, opened once. */
function builtIndex(): DatabaseSync {
  const folder = searchFolder();
  const key = `${config.edition ?? ''}:${folder}`;
  const known = open.get(key);
  if (known) return known;
  const files = searchDatabaseFiles(config.edition, readdirSync(folder));
  if (!files)
    throw new Error(
      `The search index ${join(folder, searchDatabaseFile(config.edition))} is missing: build the site again with astro build.`,
    );
  const db = openSearchIndex(files.map((file) => join(folder, file)));
  open.set(key, db);
  return db;
}

/** In `astro dev`: the stories' index made in memory, again when the stories are not those it holds. */
let devIndex: { articles: unknown; db: DatabaseSync } | undefined;

async function devIndexOf(): Promise<DatabaseSync> {
  const articles = await getArticles();
  if (devIndex?.articles === articles) return devIndex.db;
  const { DatabaseSync } = sqlite();
  const db = new DatabaseSync(':memory:');
  createSearchTable(db);
  const rows: SearchRow[] = [];
  for (const article of articles) {
    const story = await describeForSearch(article);
    rows.push(searchRow(articleUrl(article), searchRecord(story)));
  }
  insertRows(db, rows);
  devIndex?.db.close();
  devIndex = { articles, db };
  return db;
}

/** The stories a reader's query finds, a page of them (`page` from 1), best first. */
export async function searchOnServer(query: string, page: number): Promise<SearchAnswer> {
  const db = import.meta.env.DEV ? await devIndexOf() : builtIndex();
  return searchStories(db, query, page);
}
