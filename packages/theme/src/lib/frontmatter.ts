/**
 * Reads top-level scalar values of a Markdown file's YAML frontmatter as the author typed them.
 *
 * YAML turns an unquoted `2016-02-30` into 1 March without a word, and `2016-12-01` into midnight UTC
 * rather than midnight in the newsroom. The articles loader hands the schema the typed text instead,
 * so an impossible date fails and a date without an offset is read in the newsroom's zone.
 */
import { isMap, isScalar, parseDocument } from 'yaml';

/** The frontmatter block: after an optional byte-order mark, between two `---` fence lines. */
const FENCED = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * The text of the given top-level keys when their values are scalars: a plain scalar as typed (so
 * `2016-02-30` stays that, and `20161201` is not a number), a quoted or block scalar as its value.
 * Keys of nested maps, and keys whose value is a list or a map, are not read.
 * @example rawScalars('---\npublished: 2016-12-01\n---\n', ['published']) // { published: '2016-12-01' }
 */
export function rawScalars(source: string, keys: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  const yaml = FENCED.exec(source)?.[1];
  if (!yaml) return result;
  const { contents } = parseDocument(yaml);
  if (!isMap(contents)) return result;
  for (const { key, value } of contents.items) {
    if (!isScalar(key) || typeof key.value !== 'string' || !keys.includes(key.value)) continue;
    if (!isScalar(value) || value.value === null) continue;
    const typed = value.type === 'PLAIN' ? value.source : value.value;
    if (typeof typed === 'string') result[key.value] = typed;
  }
  return result;
}

/**
 * The Markdown after the frontmatter block (the whole text when there is none).
 * @example stripFrontmatter('---\ntitle: x\n---\n\nنص') // '\nنص'
 */
export function stripFrontmatter(source: string): string {
  const match = FENCED.exec(source);
  return match ? source.slice(match[0].length) : source.replace(/^\uFEFF/, '');
}
