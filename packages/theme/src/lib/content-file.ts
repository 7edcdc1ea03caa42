/**
 * Checks of a story's or a page's file as the content loader reads it, before its frontmatter is
 * validated: each returns the message a site owner reads (the file, the line, the fix), or undefined.
 * The loader reads the file as UTF-8, which turns every byte that is not UTF-8 into U+FFFD; the
 * WHATWG `TextDecoder` (fatal, and `windows-1256` to recognise an Arabic Windows file) tells which.
 * YAML errors are located by the `yaml` package, which the theme already reads frontmatter with.
 */
import { parseDocument } from 'yaml';

/** The frontmatter block: after an optional byte-order mark, between two `---` fence lines. */
const FENCED = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;
/** Arabic letters (the basic block): what a Windows-1256 file decodes to. */
const ARABIC_LETTERS = /[\u0621-\u064A]/gu;

/** The name the articles loader logs its warnings under (`[WARN] [khabar-articles] …`). */
export const ARTICLES_LOADER_NAME = 'khabar-articles';

/** The frontmatter fields a story must have, for the message about an empty file. */
export const STORY_FIELDS: readonly string[] = ['title', 'description', 'published', 'section'];

/** A problem found in an entry's file, with where it is. */
export interface FileProblem {
  message: string;
  /** 1-based line of the file, when the problem is on one line. */
  line?: number | undefined;
  column?: number | undefined;
}

function lineOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

/**
 * When the file's bytes are not UTF-8: where the first bad byte is, the encoding it looks like, and
 * the fix. `text` is the file as read with replacement; it only costs a look at the bytes when it holds
 * a U+FFFD (a U+FFFD the author typed is valid UTF-8 and passes).
 * @example encodingProblem('src/content/articles/a.md', 'عنوان �', bytes)
 */
export function encodingProblem(
  file: string,
  text: string,
  bytes: () => Uint8Array,
): FileProblem | undefined {
  if (!text.includes('\uFFFD')) return undefined;
  const raw = bytes();
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(raw);
    return undefined;
  } catch {
    // Not UTF-8: say where and what it looks like.
  }
  const where = lineOf(text, text.indexOf('\uFFFD'));
  const asArabicWindows = new TextDecoder('windows-1256').decode(raw);
  const arabic = asArabicWindows.match(ARABIC_LETTERS)?.length ?? 0;
  const looksLike =
    arabic > 0
      ? ' It looks like Windows-1256 (Arabic Windows), the encoding older Windows editors and Word save Arabic in.'
      : '';
  return {
    message: `${file} is not saved as UTF-8: line ${where.line} has bytes that are not UTF-8, which would be published as "�".${looksLike} Open the file in your editor and save it again with the encoding "UTF-8".`,
    ...where,
  };
}

/**
 * When the file holds nothing, or only spaces and blank lines.
 * @example emptyFileProblem('src/content/articles/a.md', '  \n', ['title', 'description'])
 */
export function emptyFileProblem(
  file: string,
  text: string,
  fields: readonly string[],
): FileProblem | undefined {
  if (text.replace(/^\uFEFF/, '').trim() !== '') return undefined;
  return {
    message: `${file} is empty: a story starts with its frontmatter between two "---" lines (${fields.join(', ')}), then its text. Write them, or delete the file.`,
  };
}

/**
 * When the frontmatter is not valid YAML: the first error with its line in the file (the opening
 * `---` is line 1) and what YAML said.
 * @example yamlProblem('src/content/articles/a.md', '---\ntitle: "x\n---\n')
 */
export function yamlProblem(file: string, text: string): FileProblem | undefined {
  const match = FENCED.exec(text);
  const yaml = match?.[1];
  if (yaml === undefined) return undefined;
  const [error] = parseDocument(yaml, { prettyErrors: true }).errors;
  if (!error) return undefined;
  const position = error.linePos?.[0];
  // The YAML starts on the line after the opening fence (and the BOM, if any, is on that fence line).
  const line = position ? position.line + 1 : undefined;
  const firstLine = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.message;
  const key = position
    ? /^\s*([^:#\s][^:#]*?)\s*:/.exec(yaml.split(/\r?\n/)[position.line - 1] ?? '')?.[1]
    : undefined;
  return {
    message: `${file}${line ? `:${line}` : ''}: the frontmatter is not valid YAML${key ? ` (in the field "${key}")` : ''}: ${firstLine}. A value with a colon, a quote or a # in it goes between quotes: title: "…".`,
    line,
    column: position?.col,
  };
}

/**
 * When a file is larger than the site's `content.sizeWarning` (bytes): its size, the limit and what
 * a page of that size costs readers.
 * @example sizeWarning('src/content/articles/a.md', 5_000_000, 1_000_000)
 */
export function sizeWarning(file: string, bytes: number, limit: number | false): string | undefined {
  if (limit === false || bytes <= limit) return undefined;
  const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
  return `${file} is ${mb(bytes)}, more than content.sizeWarning (${mb(limit)}): its page will be as large, and every reader downloads it. Check that nothing was pasted twice or embedded as text (a picture as base64, a whole PDF); split a long document, or raise content.sizeWarning in the khabar() options.`;
}

/**
 * When two files of a collection have the same id (the same `slug`, or file name): both files, and
 * the fix. Astro would keep the later one, with a warning.
 * @example duplicateIdProblem('src/content/articles/a.md', 'src/content/articles/b.md', 'a', 'articles')
 */
export function duplicateIdProblem(first: string, second: string, id: string, collection: string): string {
  return `${first} and ${second} are both "${id}" in the ${collection} collection, so only one of them would be published. Give one of them another "slug" in its frontmatter (or another file name).`;
}

/**
 * When a story (or a live update) names an author id that has no file: the entry, the id, the field.
 * @example missingAuthorProblem('src/content/articles/a.md', 'nobody', 'authors')
 */
export function missingAuthorProblem(file: string, id: string, field: 'authors' | 'author'): string {
  return `${file}: the author "${id}" is not in the authors collection. Add src/content/authors/${id}.json or fix the id in "${field}".`;
}
