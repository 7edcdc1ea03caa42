import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { IntegrationOptionsSchema } from '../packages/comments/src/config/options.ts';
import { createArticleSchema, createAuthorSchema } from '../packages/theme/src/config/article.ts';
import { createPageSchema } from '../packages/theme/src/config/page.ts';
import { COMPONENT_NAMES } from '../packages/theme/src/config/components.ts';
import { STRING_IDS } from '../packages/theme/src/config/translations.ts';
import { KhabarConfigSchema } from '../packages/theme/src/config/user-config.ts';
import {
  headingCode,
  headings,
  links,
  missingFrom,
  readMarkdown,
  rowsFor,
  sectionUnder,
  type MarkdownFile,
} from './helpers/markdown.ts';
import { keyPaths } from './helpers/option-paths.ts';
import { repoRoot } from './helpers/paths.ts';

/**
 * The documentation keeps up with the code: every option and every frontmatter field is documented in
 * both languages, and no relative link is broken. Nothing here builds a site. The Markdown is read with
 * mdast (tables, headings, inline code and links as a Markdown parser sees them, never inside code
 * blocks), the options from the schemas' JSON Schema (`z.toJSONSchema()`), and each finding names the
 * file and the line (with the heading above it).
 */

const LANGUAGES = ['en', 'ar'] as const;

const articleSchema = createArticleSchema({
  image: () => z.string(),
  reference: () => z.string(),
  sections: ['politics'],
  timeZone: 'UTC',
});
const authorSchema = createAuthorSchema({ image: () => z.string() });
const pageSchema = createPageSchema({ timeZone: 'UTC' });

describe('the schemas the documentation is checked against', () => {
  it('yield the option paths, nested ones included', () => {
    const paths = keyPaths(KhabarConfigSchema);
    expect(paths).toEqual(
      expect.arrayContaining([
        'title',
        'logo.src',
        'social.x',
        'sections[].slug',
        'routes.article',
        'fonts.body',
      ]),
    );
    expect(paths).not.toContain('components.Footer');
  });

  it('yield the frontmatter fields', () => {
    expect(keyPaths(articleSchema)).toEqual(
      expect.arrayContaining(['title', 'published', 'image', 'image.alt', 'slug']),
    );
  });

  it('yield the khabarComments() options, nested ones included', () => {
    expect(keyPaths(IntegrationOptionsSchema)).toEqual(
      expect.arrayContaining(['maxDepth', 'closeAfterDays']),
    );
  });
});

/** The pages every language has, in reading order. */
const PAGES = [
  'README.md',
  'getting-started.md',
  'configuration.md',
  'content.md',
  'story-kinds.md',
  'components.md',
  'multilingual.md',
  'styling.md',
  'comments.md',
  'feeds-and-seo.md',
  'search.md',
  'on-demand.md',
  'performance.md',
  'upgrading.md',
  'migrating-from-wordpress.md',
  'editing.md',
];

/** The resolved value at a key path (`seo.feeds.items`) of an object. */
function valueAt(object: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], object);
}

const minimalOptions = { title: 'خبر', sections: [{ slug: 'politics', name: 'سياسة' }] };
const defaults = KhabarConfigSchema.parse(minimalOptions);
const tokensCss = readFileSync(join(repoRoot, 'packages/theme/src/styles/tokens.css'), 'utf8');
/** Each token's light value (first `:root` block) and dark value (the `[data-theme='dark']` block). */
function tokenValues(): Map<string, { light: string; dark: string | undefined }> {
  const block = (re: RegExp) => re.exec(tokensCss)?.[1] ?? '';
  const pairs = (css: string) =>
    [...css.matchAll(/(--khabar-[\w-]+)\s*:\s*([^;]+);/g)].map(
      (m) => [m[1] ?? '', (m[2] ?? '').trim()] as const,
    );
  const light = pairs(block(/^:root \{([\s\S]*?)^\}/m));
  const dark = new Map(pairs(block(/^:root\[data-theme='dark'\] \{([\s\S]*?)^\}/m)));
  return new Map(light.map(([name, value]) => [name, { light: value, dark: dark.get(name) }]));
}

/** `docs/en/x.md names no …`: the names a page should spell out in inline code and does not. */
function unnamed(file: MarkdownFile, names: readonly string[], what: string): string[] {
  return missingFrom(file, names).map((name) => `${file.path} names no ${what} \`${name}\` in inline code`);
}

/** The link targets of a file (or part of it), as written. */
const targets = (node: Parameters<typeof links>[0]) => new Set(links(node).map((link) => link.url));

describe('the READMEs the packages ship', () => {
  it('astro-theme-khabar’s lists every top-level option of khabar(): the file every option error points at', () => {
    const readme = readMarkdown('packages/theme/README.md');
    const topLevel = keyPaths(KhabarConfigSchema).filter((path) => !/[.[]/.test(path));
    expect(unnamed(readme, topLevel, 'option')).toEqual([]);
  });
});

describe('the pages', () => {
  it.each(LANGUAGES)('exist in %s, the same set in both languages', (lang) => {
    const files = readdirSync(join(repoRoot, 'docs', lang)).filter((f) => f.endsWith('.md'));
    expect(files.sort()).toEqual([...PAGES].sort());
  });

  it.each(LANGUAGES)('are all linked from docs/%s/README.md', (lang) => {
    const readme = readMarkdown(`docs/${lang}/README.md`);
    const linked = targets(readme.tree);
    expect(
      PAGES.filter((page) => page !== 'README.md' && !linked.has(page)).map(
        (page) => `${readme.path} does not link to ${page}`,
      ),
    ).toEqual([]);
  });

  it('are all linked, in both languages, from the root README’s "Learn more" list', () => {
    const readme = readMarkdown('README.md');
    const learnMore = sectionUnder(readme, 'Learn more', 2);
    expect(learnMore.children, 'README.md has a "## Learn more" section').not.toEqual([]);
    const linked = targets(learnMore);
    const missing = LANGUAGES.flatMap((lang) =>
      PAGES.filter((page) => page !== 'README.md')
        .map((page) => `docs/${lang}/${page}`)
        .filter((path) => !linked.has(path))
        .map((path) => `README.md, under "## Learn more", does not link to ${path}`),
    );
    expect(missing).toEqual([]);
  });
});

describe.each(LANGUAGES)('docs/%s', (lang) => {
  it('configuration.md: each option heading names an option, and the defaults in the table are the schema’s', () => {
    const doc = readMarkdown(`docs/${lang}/configuration.md`);
    const paths = keyPaths(KhabarConfigSchema);
    const wrong: string[] = [];
    for (const heading of headings(doc).filter((h) => h.depth === 3 || h.depth === 4)) {
      const code = headingCode(heading);
      if (code !== undefined && !paths.includes(code))
        wrong.push(`${doc.at(heading.line)}: the heading names \`${code}\`, which is not an option`);
    }
    for (const path of paths) {
      for (const row of rowsFor(doc, path)) {
        // The last column is the default; a cell that is one code span is a literal to compare.
        const literal = row.cells.at(-1)?.only;
        if (literal === undefined) continue;
        // The docs are this repository's own text.
        // eslint-disable-next-line @typescript-eslint/no-implied-eval
        const evaluate = new Function(`return (${literal});`) as () => unknown;
        const value = evaluate();
        if (JSON.stringify(value) !== JSON.stringify(valueAt(defaults, path)))
          wrong.push(
            `${doc.at(row.line)}: ${path}: documented ${literal}, the schema's default is ${JSON.stringify(valueAt(defaults, path))}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });

  it('components.md names every page part and every UI string, and only those as part headings', () => {
    const doc = readMarkdown(`docs/${lang}/components.md`);
    expect(unnamed(doc, COMPONENT_NAMES, 'page part')).toEqual([]);
    expect(unnamed(doc, STRING_IDS, 'UI string')).toEqual([]);
    const wrong = headings(doc)
      .filter((h) => h.depth === 3)
      .flatMap((h) => {
        const code = headingCode(h);
        return code === undefined || (COMPONENT_NAMES as readonly string[]).includes(code)
          ? []
          : [`${doc.at(h.line)}: the heading names \`${code}\`, which is not a page part`];
      });
    expect(wrong).toEqual([]);
  });

  it('styling.md gives every token with its default, and its dark value', () => {
    const doc = readMarkdown(`docs/${lang}/styling.md`);
    const wrong: string[] = [];
    for (const [token, { light, dark }] of tokenValues()) {
      const rows = rowsFor(doc, token);
      const spans = (row: (typeof rows)[number]) => new Set(row.cells.flatMap((cell) => cell.code));
      if (!rows.some((row) => spans(row).has(light) && (!dark || spans(row).has(dark))))
        wrong.push(
          `${doc.path}: no table row gives ${token} with \`${light}\`${dark ? ` and \`${dark}\`` : ''}` +
            (rows.length ? ` (rows at ${rows.map((row) => doc.at(row.line)).join(', ')})` : ''),
        );
    }
    expect(wrong).toEqual([]);
  });

  it('comments.md names every option of khabarComments() and every command of its CLI', () => {
    const doc = readMarkdown(`docs/${lang}/comments.md`);
    const options = keyPaths(IntegrationOptionsSchema).filter((path) => path.split('.').length <= 2);
    expect(unnamed(doc, options, 'khabarComments() option')).toEqual([]);
    const text = readFileSync(join(repoRoot, doc.path), 'utf8');
    const commands = ['serve', 'list', 'show', 'approve', 'spam', 'trash', 'delete', 'export'];
    expect(
      commands
        .filter((c) => !text.includes(`khabar-comments ${c}`))
        .map((c) => `${doc.path} never shows \`khabar-comments ${c}\``),
    ).toEqual([]);
  });

  it('feeds-and-seo.md names every seo option', () => {
    const doc = readMarkdown(`docs/${lang}/feeds-and-seo.md`);
    const seo = keyPaths(KhabarConfigSchema).filter((p) => p.startsWith('seo'));
    expect(unnamed(doc, seo, 'option')).toEqual([]);
  });

  it('configuration.md names every option of khabar() in inline code', () => {
    const doc = readMarkdown(`docs/${lang}/configuration.md`);
    expect(unnamed(doc, keyPaths(KhabarConfigSchema), 'option')).toEqual([]);
  });

  it('content.md names every frontmatter field of articles, authors and pages in inline code', () => {
    const doc = readMarkdown(`docs/${lang}/content.md`);
    expect(unnamed(doc, keyPaths(articleSchema), 'article field')).toEqual([]);
    expect(unnamed(doc, keyPaths(authorSchema), 'author field')).toEqual([]);
    expect(unnamed(doc, keyPaths(pageSchema), 'page field')).toEqual([]);
  });
});

/** Markdown files whose relative links must resolve. */
async function linkedFiles(): Promise<string[]> {
  const entries = await readdir(join(repoRoot, 'docs'), { withFileTypes: true, recursive: true });
  const docs = entries
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => relative(repoRoot, join(e.parentPath, e.name)));
  return ['README.md', 'CONTRIBUTING.md', ...docs.sort()];
}

/** The targets of links, images and link definitions that are relative (no scheme, not `//host`). */
function relativeLinks(file: MarkdownFile): { url: string; line: number }[] {
  return links(file.tree).filter((link) => link.url && !/^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(link.url));
}

/** The anchors of a Markdown file's headings, as GitHub makes them. */
const anchorsOf = (path: string) => new Set(headings(readMarkdown(path)).map((h) => h.anchor));

describe('relative links', async () => {
  const files = await linkedFiles();

  it('are checked in the READMEs, CONTRIBUTING.md and both languages of docs/', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/README.md']));
    for (const lang of LANGUAGES) expect(files).toContain(`docs/${lang}/configuration.md`);
  });

  it.each(files)('in %s point at headings that exist', (path) => {
    const file = readMarkdown(path);
    const broken: string[] = [];
    for (const { url, line } of relativeLinks(file)) {
      const [target = '', fragment] = url.split('#');
      if (fragment === undefined) continue;
      const linked = target === '' ? path : join(dirname(path), decodeURIComponent(target));
      if (!linked.endsWith('.md') || !existsSync(join(repoRoot, linked))) continue;
      if (!anchorsOf(linked).has(decodeURIComponent(fragment)))
        broken.push(`${file.at(line)}: ${url}: ${linked} has no heading #${decodeURIComponent(fragment)}`);
    }
    expect(broken).toEqual([]);
  });

  it.each(files)('in %s point at files that exist', (path) => {
    const file = readMarkdown(path);
    const broken = relativeLinks(file)
      .filter(({ url }) => {
        const target = decodeURIComponent(url.split('#')[0] ?? '');
        return target !== '' && !existsSync(join(repoRoot, dirname(path), target));
      })
      .map(({ url, line }) => `${file.at(line)}: ${url} does not exist`);
    expect(broken).toEqual([]);
  });
});
