/**
 * The server's search (`search: 'server'`): an SQLite FTS5 table of the stories' records, written with
 * the build and read when a reader asks. Pure: the table's SQL, what a query becomes in FTS5's query
 * language, and a result's excerpt cut into plain and matched pieces. The same folding and light stems
 * as Pagefind's index (`arabic.ts`, `record.ts`) run on both sides, so the two engines find the same
 * stories for the same words.
 */
import { arabicWords, foldDigits, indexStems, normalizeArabic } from './arabic.ts';
import type { SearchRecord } from './record.ts';

/** The table of the stories: what finds a story is indexed, what a result shows is only stored. */
export const SEARCH_TABLE = 'khabar_stories';

/**
 * The table's schema. `title`, `body` and `stems` are searched, weighed 7, 1 and 0.5 as Pagefind weighs
 * a headline, text and the stems (`SEARCH_WEIGHTS`); FTS5's unicode61 tokenizer splits words at spaces
 * and punctuation, Arabic's «،» and «؛» included, and folds Latin case.
 */
export const SEARCH_SCHEMA = `CREATE VIRTUAL TABLE ${SEARCH_TABLE} USING fts5(
  title, body, stems,
  url UNINDEXED, description UNINDEXED, section UNINDEXED, date UNINDEXED,
  tokenize = 'unicode61'
)`;

/** The weights of `title`, `body` and `stems` in the ranking (FTS5's bm25). */
export const SEARCH_WEIGHTS = [7, 1, 0.5] as const;

/** Results on one page of the search page. */
export const SEARCH_PAGE_SIZE = 20;

/** The words of a query the server reads; the rest are left out (a query is a few words). */
export const MAX_QUERY_WORDS = 12;

/** Marks the server puts around a matched word in an excerpt: control characters no story contains. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/**
 * An index file of an edition, in `khabar-search/`. The build writes an edition's index in parts, one
 * per worker thread (`shard`), each a table of its own; the search page reads them as one.
 * @example searchDatabaseFile(undefined) // 'stories.sqlite'
 * @example searchDatabaseFile('en', 1) // 'stories-en.1.sqlite'
 */
export function searchDatabaseFile(edition: string | undefined, shard = 0): string {
  const name = edition === undefined ? 'stories' : `stories-${edition}`;
  return shard === 0 ? `${name}.sqlite` : `${name}.${shard}.sqlite`;
}

/**
 * The files of an edition's index among a folder's names, the first part first: `undefined` when the
 * folder has not the first part.
 * @example searchDatabaseFiles(undefined, ['stories.1.sqlite', 'stories.sqlite', 'stories-en.sqlite']) // ['stories.sqlite', 'stories.1.sqlite']
 */
export function searchDatabaseFiles(
  edition: string | undefined,
  names: readonly string[],
): string[] | undefined {
  const first = searchDatabaseFile(edition);
  if (!names.includes(first)) return undefined;
  const stem = first.slice(0, -'.sqlite'.length);
  const shards = names
    .map((name) =>
      name.startsWith(`${stem}.`) ? /^\.(\d+)\.sqlite$/.exec(name.slice(stem.length))?.[1] : undefined,
    )
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  return [first, ...shards.map((n) => searchDatabaseFile(edition, n))];
}

/**
 * How many worker threads write the server's index: `KHABAR_SEARCH_WORKERS` (1–8) when set, else two,
 * or one on a machine of one core.
 * @example searchWorkersFrom({ KHABAR_SEARCH_WORKERS: '1' }, 2) // 1
 * @example searchWorkersFrom({}, 8) // 2
 */
export function searchWorkersFrom(env: Readonly<Record<string, string | undefined>>, cores: number): number {
  const set = Number(env['KHABAR_SEARCH_WORKERS']);
  if (Number.isInteger(set) && set >= 1 && set <= 8) return set;
  return Math.max(1, Math.min(2, cores));
}

/** The folder of the index files in the server's build output. */
export const SEARCH_FOLDER = 'khabar-search';

/** A row of the table, as the build inserts it. */
export interface SearchRow {
  title: string;
  body: string;
  stems: string;
  url: string;
  description: string;
  section: string;
  date: string;
}

/** The row of a story's record: its text blocks as paragraphs of the body, its stems as one field. */
export function searchRow(url: string, record: SearchRecord): SearchRow {
  return {
    title: record.meta.title,
    body: record.text.join('\n'),
    stems: record.stems.join(' '),
    url,
    description: record.meta.description,
    section: record.meta.section,
    date: record.meta.date,
  };
}

/** A term as an FTS5 string: in double quotes, a quote inside doubled, so no word is read as syntax. */
function quoted(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/**
 * The words of a query: letters, marks and digits of any script, at most `MAX_QUERY_WORDS`.
 * @example queryWords('روسيا، "الإرهاب" G20') // ['روسيا', 'الإرهاب', 'G20']
 */
export function queryWords(query: string): string[] {
  return (query.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).slice(0, MAX_QUERY_WORDS);
}

/**
 * The forms a word of a query is looked up under: as typed, folded (`normalizeArabic`: no diacritics,
 * one alif, one yeh, digits as 0–9) and its light stems, which the index holds of every word of a story.
 * @example queryForms('والارهاب') // ['والارهاب', 'ارهاب']
 */
export function queryForms(word: string): string[] {
  const forms = new Set([word, foldDigits(word)]);
  if (arabicWords(word).length > 0) {
    forms.add(normalizeArabic(word));
    for (const stem of indexStems(word)) forms.add(stem);
  }
  return [...forms];
}

/**
 * What a reader typed as an FTS5 query: every word must be found, under any of its forms, in the
 * headline, the text or the stems. `undefined` when it has no word to look for.
 * @example ftsQuery('وروسيا') // '("وروسيا" OR "روس")'
 */
export function ftsQuery(query: string): string | undefined {
  const words = queryWords(query);
  if (words.length === 0) return undefined;
  return words.map((word) => `(${queryForms(word).map(quoted).join(' OR ')})`).join(' AND ');
}

/** A piece of an excerpt: plain text, or a word the query matched. */
export interface ExcerptPiece {
  text: string;
  match: boolean;
}

/**
 * An excerpt as FTS5's `snippet()` returns it (matches between `MATCH_START` and `MATCH_END`) cut into
 * pieces a component renders, each piece's text escaped by the template: no HTML is made here.
 * @example excerptPieces('في \u0002روسيا\u0003 اليوم') // [{ text: 'في ', match: false }, { text: 'روسيا', match: true }, { text: ' اليوم', match: false }]
 */
export function excerptPieces(snippet: string): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  for (const [i, chunk] of snippet.split(MATCH_START).entries()) {
    const [matched, rest] = i === 0 ? [undefined, chunk] : splitOnce(chunk, MATCH_END);
    if (matched) pieces.push({ text: matched, match: true });
    if (rest) pieces.push({ text: rest.replaceAll(MATCH_END, ''), match: false });
  }
  return pieces;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}

/**
 * The page of results a `page` parameter asks for: a whole number from 1, anything else the first.
 * @example resultsPage('3') // 3
 * @example resultsPage('x') // 1
 */
export function resultsPage(value: string | null | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}
