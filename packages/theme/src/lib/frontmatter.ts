/**
 * Reads top-level scalar values of a Markdown file's YAML frontmatter as the author typed them.
 *
 * YAML turns an unquoted `2016-02-30` into 1 March without a word, and `2016-12-01` into midnight UTC
 * rather than midnight in the newsroom. The articles loader hands the schema the typed text instead,
 * so an impossible date fails and a date without an offset is read in the newsroom's zone.
 */

/**
 * The raw text of the given top-level keys, unquoted, when they are plain one-line scalars.
 * @example rawScalars('---\npublished: 2016-12-01\n---\n', ['published']) // { published: '2016-12-01' }
 */
export function rawScalars(source: string, keys: readonly string[]): Record<string, string> {
  const match = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(source);
  const result: Record<string, string> = {};
  if (!match?.[1]) return result;
  for (const line of match[1].split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.+?)\s*$/.exec(line);
    if (!kv?.[1] || kv[2] === undefined || !keys.includes(kv[1])) continue;
    let value = kv[2].replace(/\s+#.*$/, '');
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted?.[2] !== undefined) value = quoted[2];
    result[kv[1]] = value;
  }
  return result;
}
