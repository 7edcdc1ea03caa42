import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Heading, Nodes, Root, RootContent, TableRow } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { visit } from 'unist-util-visit';
import { repoRoot } from './paths.ts';

/**
 * A Markdown file of the repository, parsed with mdast (GitHub-flavoured: tables, autolinks), for the
 * documentation checks. Every finding names its place with `at()`: the file, the line and the heading
 * above it.
 */
export interface MarkdownFile {
  /** The path from the repository's root, e.g. `docs/en/configuration.md`. */
  path: string;
  tree: Root;
  /** `docs/en/configuration.md:42 (under "## Options")`: where a node (or a line) is. */
  at: (place: Nodes | number) => string;
}

/** A fenced code block, with what its info string says. */
export interface CodeBlock {
  /** 1-based line of the opening fence. */
  line: number;
  /** The first word of the info string (` ```js title="x" ` → `js`), or `''`. */
  lang: string;
  /** The `title="…"` of the info string. */
  title: string | undefined;
  code: string;
}

/** A heading, with the anchor GitHub gives it. */
export interface HeadingInfo {
  node: Heading;
  depth: number;
  line: number;
  /** The heading's text, Markdown removed. */
  text: string;
  /** `#…` without the hash, as GitHub makes it (github-slugger, counting repeats). */
  anchor: string;
}

const lineOf = (node: Nodes) => node.position?.start.line ?? 0;

export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

const parsed = new Map<string, MarkdownFile>();

/** Reads and parses a Markdown file of the repository (once: the suites read the same pages often). */
export function readMarkdown(path: string): MarkdownFile {
  let file = parsed.get(path);
  if (!file) {
    file = markdownFile(path, readFileSync(join(repoRoot, path), 'utf8'));
    parsed.set(path, file);
  }
  return file;
}

export function markdownFile(path: string, markdown: string): MarkdownFile {
  const tree = parseMarkdown(markdown);
  const list = headingsOf(tree);
  return {
    path,
    tree,
    at: (place) => {
      const line = typeof place === 'number' ? place : lineOf(place);
      const above = list.filter((h) => h.line <= line).at(-1);
      const under = above ? ` (under "${'#'.repeat(above.depth)} ${above.text}")` : '';
      return `${path}:${line}${under}`;
    },
  };
}

function headingsOf(tree: Root): HeadingInfo[] {
  const slugger = new GithubSlugger();
  const out: HeadingInfo[] = [];
  visit(tree, 'heading', (node) => {
    const text = toString(node);
    out.push({ node, depth: node.depth, line: lineOf(node), text, anchor: slugger.slug(text) });
  });
  return out;
}

export function headings(file: MarkdownFile): HeadingInfo[] {
  return headingsOf(file.tree);
}

/** The inline code a heading starts with (`### \`logo.src\`` → `logo.src`), if it does. */
export function headingCode(heading: HeadingInfo): string | undefined {
  const first = heading.node.children[0];
  return first?.type === 'inlineCode' ? first.value : undefined;
}

export function codeBlocks(file: MarkdownFile): CodeBlock[] {
  const out: CodeBlock[] = [];
  visit(file.tree, 'code', (node) => {
    out.push({
      line: lineOf(node),
      lang: node.lang ?? '',
      // The info string's rest is free text; `title="…"` is the convention the docs use (as Starlight's).
      title: /\btitle="([^"]+)"/.exec(node.meta ?? '')?.[1],
      code: node.value,
    });
  });
  return out;
}

/** The inline code spans of a node (code blocks are not inline code), trimmed. */
export function inlineCode(node: Nodes): { value: string; line: number }[] {
  const out: { value: string; line: number }[] = [];
  visit(node, 'inlineCode', (code) => {
    out.push({ value: code.value.trim(), line: lineOf(code) });
  });
  return out;
}

/** The names that no inline code span of the file spells out. */
export function missingFrom(file: MarkdownFile, names: readonly string[]): string[] {
  const spans = new Set(inlineCode(file.tree).map((c) => c.value));
  return names.filter((name) => !spans.has(name));
}

/** The targets of links, images and link definitions, with their line. */
export function links(node: Nodes): { url: string; line: number }[] {
  const out: { url: string; line: number }[] = [];
  visit(node, ['link', 'image', 'definition'], (link) => {
    if ('url' in link) out.push({ url: link.url, line: lineOf(link) });
  });
  return out;
}

/** The nodes under a heading, up to the next heading of the same or a higher level. */
export function sectionUnder(file: MarkdownFile, text: string, depth: number): Root {
  const children: RootContent[] = [];
  let inside = false;
  for (const node of file.tree.children) {
    if (node.type === 'heading' && node.depth <= depth) {
      if (inside) break;
      inside = node.depth === depth && toString(node) === text;
      continue;
    }
    if (inside) children.push(node);
  }
  return { type: 'root', children };
}

/** A table row whose first cell starts with the inline code `code`, as cells of text and code. */
export interface Row {
  line: number;
  /** Each cell's inline code spans. */
  cells: { code: string[]; only: string | undefined }[];
}

/** The table rows whose first cell starts with the inline code `code` (`| \`logo.src\` | …`). */
export function rowsFor(file: MarkdownFile, code: string): Row[] {
  const out: Row[] = [];
  visit(file.tree, 'tableRow', (row: TableRow) => {
    const first = row.children[0]?.children[0];
    if (first?.type !== 'inlineCode' || first.value !== code) return;
    out.push({
      line: lineOf(row),
      cells: row.children.map((cell) => {
        const spans = inlineCode(cell).map((c) => c.value);
        const [only] = cell.children;
        // A cell that is one code span and nothing else: a literal value.
        return {
          code: spans,
          only: cell.children.length === 1 && only?.type === 'inlineCode' ? only.value : undefined,
        };
      }),
    });
  });
  return out;
}
