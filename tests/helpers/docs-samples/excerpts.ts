import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readMarkdown } from '../markdown.ts';
import { repoRoot } from '../paths.ts';
import { read } from './repo.ts';
import { samplesOf } from './samples.ts';

/**
 * Excerpts of tested files: a sample that names a file is made of pieces of that file, between lines
 * that elide the rest (`// …`, `…`, `# …`, `/* … *\/`, `<!-- … -->`, `{/* … *\/}`), in order.
 */

/** Folders whose files the test suite builds: a titled sample's path is looked up in each. */
const TESTED_ROOTS = [
  ...readdirSync(join(repoRoot, 'tests/fixtures'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `tests/fixtures/${e.name}`),
  'examples/news',
  'packages/comments/test/fixtures/site',
];

const ELISION = /^\s*(?:\/\/ …|…|# …|\/\* … \*\/|<!-- … -->|\{\/\* … \*\/\})\s*$/;

/** The sample's pieces between elision lines, as trimmed lines (indentation does not matter). */
function pieces(code: string): string[][] {
  const out: string[][] = [[]];
  for (const line of code.split('\n')) {
    if (ELISION.test(line)) out.push([]);
    else out.at(-1)?.push(line.trim());
  }
  return out
    .map((piece) => {
      while (piece[0] === '') piece.shift();
      while (piece.at(-1) === '') piece.pop();
      return piece;
    })
    .filter((piece) => piece.length > 0);
}

/** Whether every piece appears, as consecutive lines, in order, in the text. */
export function containsInOrder(text: string, code: string): boolean {
  const lines = text.split('\n').map((l) => l.trim());
  let from = 0;
  for (const piece of pieces(code)) {
    let found = -1;
    for (let i = from; i + piece.length <= lines.length && found < 0; i++) {
      if (piece.every((line, k) => lines[i + k] === line)) found = i;
    }
    if (found < 0) return false;
    from = found + piece.length;
  }
  return true;
}

/** The tested files a titled sample may come from: same path in a tested root, or a README block. */
export function sourcesFor(title: string): { path: string; text: string }[] {
  const files = TESTED_ROOTS.map((root) => `${root}/${title}`)
    .filter((path) => existsSync(join(repoRoot, path)))
    .map((path) => ({ path, text: read(path) }));
  // The root README's titled blocks are written out and built by tests/tarball.test.ts.
  const readme = samplesOf(readMarkdown('README.md'))
    .filter((s) => s.title === title)
    .map((s) => ({ path: 'README.md', text: s.code }));
  return [...files, ...readme];
}
