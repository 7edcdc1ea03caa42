import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { codeBlocks, readMarkdown, type MarkdownFile } from '../markdown.ts';
import { repoRoot } from '../paths.ts';

/** The languages of docs/, one folder each. */
export const LANGUAGES = ['en', 'ar'] as const;

export interface Sample {
  /** The doc, relative to the repository root. */
  doc: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  title: string | undefined;
  code: string;
  /** `docs/en/x.md:12 (under "## Heading")`. */
  where: string;
}

/** The fenced code blocks of a Markdown file, with their info strings and places. */
export function samplesOf(file: MarkdownFile): Sample[] {
  return codeBlocks(file).map((block) => ({ doc: file.path, ...block, where: file.at(block.line) }));
}

/** Every Markdown page of docs/ in both languages. */
export function docPages(): string[] {
  return LANGUAGES.flatMap((lang) =>
    readdirSync(join(repoRoot, 'docs', lang))
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => `docs/${lang}/${name}`),
  );
}

/** The code samples of the given pages, in order. */
export function samplesIn(pages: readonly string[]): Sample[] {
  return pages.flatMap((doc) => samplesOf(readMarkdown(doc)));
}

/** Where a sample is, as a finding names it. */
export const where = (s: Sample) => s.where;
