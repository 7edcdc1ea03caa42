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

/**
 * Makes the table in an empty database, for the fastest bulk insert (the file is not in use yet): no
 * journal, and FTS5's merging of its segments left to `optimizeSearchTable` at the end.
 */
export function createSearchTable(db: DatabaseSync): void {
  db.exec('PRAGMA journal_mode = OFF');
  db.exec('PRAGMA synchronous = OFF');
  db.exec(SEARCH_SCHEMA);
  db.exec(`INSERT INTO ${SEARCH_TABLE} (${SEARCH_TABLE}, rank) VALUES ('automerge', 0)`);
}

const inserts = new WeakMap<DatabaseSync, StatementSync>();

/** Inserts rows in one transaction. */
export function insertRows(db: DatabaseSync, rows: readonly SearchRow[]): void {
  let insert = inserts.get(db);
  if (!insert) {
    insert = db.prepare(
      `INSERT INTO ${SEARCH_TABLE} (title, body, stems, url, description, section, date) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    inserts.set(db, insert);
  }
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
  /** The page's stories, best first, as (part, rowid): ranked without reading their text. */
  rank: StatementSync;
  /** A story's fields and excerpt, by part: computed for the stories of the page only. */
  rows: StatementSync[];
}

const prepared = new WeakMap<DatabaseSync, Statements>();

/**
 * The index's parts attached to a connection (its own table first, then `ATTACH`ed parts by schema
 * name), read as one: counts summed, results of every part ranked together. The parts hold alternate
 * batches of one archive, so their BM25 statistics, and so their scores, are alike.
 */
const parts = new WeakMap<DatabaseSync, readonly string[]>();

/** Opens an index of one or more parts (files), read-only: the first one's connection holds the others. */
export function openSearchIndex(files: readonly string[]): DatabaseSync {
  const [first, ...others] = files;
  if (first === undefined) throw new Error('a search index has one file at least');
  const { DatabaseSync } = sqlite();
  const db = new DatabaseSync(first, { readOnly: true });
  const schemas = ['main'];
  for (const [i, file] of others.entries()) {
    const schema = `part${i + 1}`;
    db.prepare(`ATTACH DATABASE ? AS ${schema}`).run(file);
    schemas.push(schema);
  }
  parts.set(db, schemas);
  return db;
}

function statements(db: DatabaseSync): Statements {
  const known = prepared.get(db);
  if (known) return known;
  const [title, body, stems] = SEARCH_WEIGHTS;
  const schemas = parts.get(db) ?? ['main'];
  const start = `char(${MATCH_START.codePointAt(0)})`;
  const end = `char(${MATCH_END.codePointAt(0)})`;
  const table = (schema: string) => `${schema}.${SEARCH_TABLE}`;
  const counts = schemas.map(
    (schema) => `(SELECT count(*) FROM ${table(schema)} WHERE ${SEARCH_TABLE} MATCH ?1)`,
  );
  const ranked = schemas.map(
    (schema, part) =>
      `SELECT bm25(${SEARCH_TABLE}, ${title}, ${body}, ${stems}) AS score, ${part} AS part, rowid AS n
      FROM ${table(schema)} WHERE ${SEARCH_TABLE} MATCH ?1`,
  );
  const made = {
    count: db.prepare(`SELECT ${counts.join(' + ')} AS n`),
    // The excerpt (FTS5 reads the story's text again to make it) only for the page's twenty, not for
    // every story the query finds: «الوزير» finds 17,512 of 100,000.
    rank: db.prepare(
      `SELECT part, n FROM (${ranked.join(' UNION ALL ')}) ORDER BY score, part, n LIMIT ?2 OFFSET ?3`,
    ),
    rows: schemas.map((schema) =>
      db.prepare(
        `SELECT url, title, description, section, date,
          snippet(${SEARCH_TABLE}, 1, ${start}, ${end}, '…', 24) AS excerpt
        FROM ${table(schema)} WHERE ${SEARCH_TABLE} MATCH ?1 AND rowid = ?2`,
      ),
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
  const { count, rank, rows } = statements(db);
  const total = (count.get(match) as { n: number } | undefined)?.n ?? 0;
  if (total === 0) return { total, results: [] };
  const hits = rank.all(match, SEARCH_PAGE_SIZE, (page - 1) * SEARCH_PAGE_SIZE) as unknown as {
    part: number;
    n: number;
  }[];
  const results: SearchResult[] = [];
  for (const { part, n } of hits) {
    // As an integer: node:sqlite binds a number as a REAL, which FTS5's rowid lookup does not match.
    const row = rows[part]?.get(match, BigInt(n)) as SearchResult | undefined;
    if (!row) continue;
    const { url, title, description, section, date, excerpt } = row;
    results.push({ url, title, description, section, date, excerpt });
  }
  return { total, results };
}
