/**
 * The server's search index in an SQLite database (Node's own `node:sqlite`, Node 22.13 and later):
 * the build writes it (`integrations/search-server.ts`), the search page reads it
 * (`runtime/search-server.ts`). The SQL is in one place; what the queries mean is in `server.ts`.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import {
  MATCH_END,
  MATCH_START,
  SEARCH_PAGE_SIZE,
  SEARCH_SCHEMA,
  SEARCH_TABLE,
  SEARCH_WEIGHTS,
  ftsQuery,
  type SearchRow,
} from './server.ts';

/** Node's SQLite module, or a sentence saying which Node it needs. */
export function sqlite(): typeof import('node:sqlite') {
  try {
    const module = process.getBuiltinModule('node:sqlite') as typeof import('node:sqlite') | undefined;
    if (module) return module;
  } catch {
    // Reported below.
  }
  throw new Error(
    `search: 'server' keeps its index in SQLite through Node's node:sqlite, which this Node (${process.versions.node}) does not have: run the site with Node 22.13 or later.`,
  );
}

/** Makes the table in an empty database, for the fastest bulk insert (the file is not in use yet). */
export function createSearchTable(db: DatabaseSync): void {
  db.exec('PRAGMA journal_mode = OFF');
  db.exec('PRAGMA synchronous = OFF');
  db.exec(SEARCH_SCHEMA);
}

/** Inserts rows in one transaction. */
export function insertRows(db: DatabaseSync, rows: readonly SearchRow[]): void {
  const insert = db.prepare(
    `INSERT INTO ${SEARCH_TABLE} (title, body, stems, url, description, section, date) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  db.exec('BEGIN');
  try {
    for (const row of rows)
      insert.run(row.title, row.body, row.stems, row.url, row.description, row.section, row.date);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/** Merges the index's segments into one, so that a query reads one b-tree per term. */
export function optimizeSearchTable(db: DatabaseSync): void {
  db.exec(`INSERT INTO ${SEARCH_TABLE} (${SEARCH_TABLE}) VALUES ('optimize')`);
}

/** How many stories the index holds. */
export function storyCount(db: DatabaseSync): number {
  const row = db.prepare(`SELECT count(*) AS n FROM ${SEARCH_TABLE}`).get() as { n: number } | undefined;
  return row?.n ?? 0;
}

/** A result as the search page shows it. */
export interface SearchResult {
  url: string;
  title: string;
  description: string;
  section: string;
  date: string;
  /** Words of the text around the first matches, the matches between `MATCH_START` and `MATCH_END`. */
  excerpt: string;
}

/** A page of results: the stories on it and how many the query found in all. */
export interface SearchAnswer {
  total: number;
  results: SearchResult[];
}

/** The statements of an open index, prepared once. */
interface Statements {
  count: StatementSync;
  page: StatementSync;
}

const prepared = new WeakMap<DatabaseSync, Statements>();

function statements(db: DatabaseSync): Statements {
  const known = prepared.get(db);
  if (known) return known;
  const [title, body, stems] = SEARCH_WEIGHTS;
  const made = {
    count: db.prepare(`SELECT count(*) AS n FROM ${SEARCH_TABLE} WHERE ${SEARCH_TABLE} MATCH ?`),
    page: db.prepare(
      `SELECT url, title, description, section, date,
        snippet(${SEARCH_TABLE}, 1, char(${MATCH_START.codePointAt(0)}), char(${MATCH_END.codePointAt(0)}), '…', 24) AS excerpt
      FROM ${SEARCH_TABLE} WHERE ${SEARCH_TABLE} MATCH ?
      ORDER BY bm25(${SEARCH_TABLE}, ${title}, ${body}, ${stems}), rowid LIMIT ? OFFSET ?`,
    ),
  };
  prepared.set(db, made);
  return made;
}

/**
 * The stories a query finds, best first (FTS5's bm25 over the headline, text and stems, weighed), a
 * page of `SEARCH_PAGE_SIZE` from `page` (1 for the first). A query with no word finds nothing.
 */
export function searchStories(db: DatabaseSync, query: string, page = 1): SearchAnswer {
  const match = ftsQuery(query);
  if (match === undefined) return { total: 0, results: [] };
  const { count, page: pageOf } = statements(db);
  const total = (count.get(match) as { n: number } | undefined)?.n ?? 0;
  if (total === 0) return { total, results: [] };
  const results = pageOf.all(
    match,
    SEARCH_PAGE_SIZE,
    (page - 1) * SEARCH_PAGE_SIZE,
  ) as unknown as SearchResult[];
  return { total, results: results.map((row) => ({ ...row })) };
}
