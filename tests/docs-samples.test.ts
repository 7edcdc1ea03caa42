import { describe, expect, it } from 'vitest';
import {
  articleFrontmatter,
  articleSchema,
  authorSchema,
  pageSchema,
} from './helpers/docs-samples/content.ts';
import { checkCss } from './helpers/docs-samples/css.ts';
import { containsInOrder, sourcesFor } from './helpers/docs-samples/excerpts.ts';
import { checkImports } from './helpers/docs-samples/imports.ts';
import { checkOptions, evaluateFragment, isOptionsFragment } from './helpers/docs-samples/options.ts';
import { docPages, LANGUAGES, samplesIn, where } from './helpers/docs-samples/samples.ts';

/**
 * Every code sample in docs/ is checked against the code, without building a site:
 *
 * - a sample that names a file (```js title="astro.config.mjs"```) is an excerpt of a file that the test
 *   suite builds: a fixture under tests/fixtures/, the example newsroom, the comments package's fixture
 *   site, or a README block that the tarball test builds. Lines reading only `// …` (or `…`, `# …`,
 *   `/* … *\/`, `<!-- … -->`) skip part of the file; the pieces must appear in order. Article and author
 *   files are checked against the theme's content schemas instead;
 * - an untitled `js` sample is a fragment of `khabar()` options and must pass `KhabarConfigSchema` (its
 *   `comments` object, the khabar-comments options schema too);
 * - every import from the theme or the comments package names an export that exists;
 * - `css` samples use only tokens that tokens.css defines;
 * - `sh` samples run scripts that exist, with flags the scripts read, and `khabar-comments` subcommands
 *   and flags its `--help` lists (checked in tests/docs-commands.test.ts, with the prose's commands);
 * - `text` blocks are output (messages, trees), not code.
 *
 * The Markdown is read with mdast (code blocks as a Markdown parser sees them, in lists too), imports and
 * exports with es-module-lexer (which lexes TypeScript), and each finding names the doc, the line and
 * the heading above it. The checkers are pure functions in tests/helpers/docs-samples/, one module a
 * kind of sample.
 */

const allSamples = samplesIn(docPages());

const LANGS = new Set(['js', 'ts', 'astro', 'css', 'md', 'mdx', 'json', 'sh', 'text', 'nginx', 'ini']);

describe('code samples in docs/', () => {
  it('are found in both languages', () => {
    for (const lang of LANGUAGES)
      expect(allSamples.filter((s) => s.doc.startsWith(`docs/${lang}/`)).length).toBeGreaterThan(40);
  });

  it('each say their language', () => {
    expect(allSamples.filter((s) => !LANGS.has(s.lang)).map(where)).toEqual([]);
  });

  it('that name a file are excerpts of files the tests build, or valid content files', () => {
    const problems: string[] = [];
    for (const sample of allSamples.filter((s) => s.title !== undefined)) {
      const title = sample.title ?? '';
      if (sample.lang === 'md' && title.includes('content/pages/')) {
        const result = pageSchema.safeParse(articleFrontmatter(sample.code));
        if (!result.success) problems.push(`${where(sample)}: ${JSON.stringify(result.error.issues)}`);
        continue;
      }
      if (sample.lang === 'md' && title.includes('content/articles/')) {
        const result = articleSchema.safeParse(articleFrontmatter(sample.code));
        if (!result.success) problems.push(`${where(sample)}: ${JSON.stringify(result.error.issues)}`);
        continue;
      }
      if (sample.lang === 'json' && title.includes('content/authors/')) {
        const result = authorSchema.safeParse(JSON.parse(sample.code));
        if (!result.success) problems.push(`${where(sample)}: ${JSON.stringify(result.error.issues)}`);
        continue;
      }
      const sources = sourcesFor(title);
      if (!sources.some((source) => containsInOrder(source.text, sample.code))) {
        problems.push(
          `${where(sample)} (${title}) is not in ${sources.map((s) => s.path).join(', ') || 'any tested file of that name'}`,
        );
      }
    }
    expect(problems).toEqual([]);
  });

  it('without a file name are khabar() options that pass the schema (js), or CSS, shell or output', () => {
    const problems: string[] = [];
    for (const sample of allSamples.filter((s) => s.title === undefined)) {
      if (['css', 'sh', 'text', 'nginx', 'ini'].includes(sample.lang)) continue;
      if (sample.lang === 'js' && isOptionsFragment(sample.code)) {
        try {
          problems.push(...checkOptions(evaluateFragment(sample.code)).map((p) => `${where(sample)}: ${p}`));
        } catch (error) {
          problems.push(`${where(sample)}: ${(error as Error).message}`);
        }
        continue;
      }
      problems.push(
        `${where(sample)}: a ${sample.lang} sample needs a title="file" taken from a tested file`,
      );
    }
    expect(problems).toEqual([]);
  });

  it('import only what the theme and the comments package export', () => {
    const problems: string[] = [];
    for (const sample of allSamples.filter((s) => ['js', 'ts', 'astro'].includes(s.lang))) {
      problems.push(...checkImports(sample.code, sample.lang).map((p) => `${where(sample)}: ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it('in CSS use the theme’s tokens and layers', () => {
    const problems = allSamples
      .filter((s) => s.lang === 'css')
      .flatMap((s) => checkCss(s.code).map((p) => `${where(s)}: ${p}`));
    expect(problems).toEqual([]);
  });
});

describe('the sample checks', () => {
  it('find an excerpt with elisions, in order, and reject one out of order', () => {
    const file = 'a\n  b\nc\nd\n';
    expect(containsInOrder(file, 'a\nb\n// …\nd')).toBe(true);
    expect(containsInOrder(file, 'd\n// …\na')).toBe(false);
    expect(containsInOrder(file, 'a\nc')).toBe(false);
  });

  it('reject options the schema does not know, and a bad comments option', () => {
    expect(checkOptions(evaluateFragment('perPage: 20,\nsearch: false,'))).toEqual([]);
    expect(checkOptions(evaluateFragment('perPages: 20,'))).not.toEqual([]);
    expect(checkOptions(evaluateFragment("comments: { endpoint: 'comments' },"))).not.toEqual([]);
  });

  it('reject a token the theme does not define', () => {
    expect(checkCss(':root { --khabar-colour-accent: red; }')).not.toEqual([]);
  });
});
