import { existsSync, readdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { IntegrationOptionsSchema } from '../packages/comments/src/config/options.ts';
import { createArticleSchema, createAuthorSchema } from '../packages/theme/src/schemas/article.ts';
import { COMPONENT_NAMES } from '../packages/theme/src/schemas/components.ts';
import { STRING_IDS } from '../packages/theme/src/schemas/translations.ts';
import { KhabarConfigSchema } from '../packages/theme/src/utils/user-config.ts';
import { repoRoot } from './helpers/paths.ts';

/**
 * The documentation keeps up with the code: every option and every frontmatter field is documented in
 * both languages, and no relative link is broken. Nothing here builds a site.
 */

const LANGUAGES = ['en', 'ar'] as const;

/** What the walk reads of a Zod 4 schema's definition. */
interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: readonly z.ZodType[];
}

/**
 * The schema inside wrappers that do not change the shape: default, optional, nullable, pipes… A
 * `z.preprocess()` (the article and author schemas reject unknown keys with one) is a pipe from a
 * transform into the schema: the shape is on its `out` side.
 */
function unwrap(schema: z.ZodType): Def {
  let def = schema._zod.def as Def;
  for (;;) {
    if (def.innerType) def = def.innerType._zod.def;
    else if (def.type === 'pipe' && def.in && def.out) {
      def = (def.in._zod.def as Def).type === 'transform' ? def.out._zod.def : def.in._zod.def;
    } else if (def.type === 'pipe' && def.in) def = def.in._zod.def;
    else return def;
  }
}

/**
 * Every key path of an object schema, as a site owner writes it: `logo`, `logo.src`, `sections`,
 * `sections[].slug`. Records (`components`, `strings`, an author's `social`) are leaves: their keys are
 * data, not options. Reads Zod 4's definitions rather than using `instanceof`, so it works whichever copy
 * of Zod built the schema.
 */
function keyPaths(schema: z.ZodType, prefix = ''): string[] {
  const def = unwrap(schema);
  if (def.type === 'object' && def.shape) {
    return Object.entries(def.shape).flatMap(([key, child]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return [path, ...keyPaths(child, path)];
    });
  }
  if (def.type === 'array' && def.element) return keyPaths(def.element, `${prefix}[]`);
  // `false | { … }`: the object's keys are options too.
  if (def.type === 'union' && def.options) {
    return [...new Set(def.options.flatMap((option) => keyPaths(option, prefix)))];
  }
  return [];
}

const articleSchema = createArticleSchema({
  image: () => z.string(),
  reference: () => z.string(),
  sections: ['politics'],
  timeZone: 'UTC',
});
const authorSchema = createAuthorSchema({ image: () => z.string() });

const read = (path: string) => readFile(join(repoRoot, path), 'utf8');

/** The text of every inline code span of a Markdown document (fenced blocks left out). */
function inlineCode(markdown: string): Set<string> {
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
  return new Set([...prose.matchAll(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g)].map((m) => (m[2] ?? '').trim()));
}

function missingFrom(markdown: string, names: readonly string[]): string[] {
  const spans = inlineCode(markdown);
  return names.filter((name) => !spans.has(name));
}

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
});

/** The pages every language has, in reading order. */
const PAGES = [
  'README.md',
  'getting-started.md',
  'configuration.md',
  'content.md',
  'components.md',
  'styling.md',
  'comments.md',
  'feeds-and-seo.md',
  'search.md',
  'performance.md',
  'upgrading.md',
];

/** The headings of a Markdown document, as GitHub makes their anchors. */
function anchors(markdown: string): Set<string> {
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of prose.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = (m[1] ?? '')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    out.add(count === 0 ? base : `${base}-${count}`);
  }
  return out;
}

/** Table rows of a Markdown document whose first cell is the given inline code. */
function rowsFor(markdown: string, code: string): string[] {
  return markdown.split('\n').filter((line) => line.startsWith(`| \`${code}\``));
}

/** The resolved value at a key path (`seo.feeds.items`) of an object. */
function valueAt(object: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], object);
}

const minimalOptions = { title: 'خبر', sections: [{ slug: 'politics', name: 'سياسة' }] };
const defaults = KhabarConfigSchema.parse(minimalOptions);
const tokensCss = await read('packages/theme/src/styles/tokens.css');
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

describe('the pages', () => {
  it.each(LANGUAGES)('exist in %s, the same set in both languages', (lang) => {
    const files = readdirSync(join(repoRoot, 'docs', lang)).filter((f) => f.endsWith('.md'));
    expect(files.sort()).toEqual([...PAGES].sort());
  });

  it.each(LANGUAGES)('are all linked from docs/%s/README.md', async (lang) => {
    const readme = await read(`docs/${lang}/README.md`);
    expect(PAGES.filter((page) => page !== 'README.md' && !readme.includes(`](${page})`))).toEqual([]);
  });

  it('are all linked, in both languages, from the root README’s "Learn more" list', async () => {
    const readme = await read('README.md');
    const learnMore = /## Learn more\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
    const missing = LANGUAGES.flatMap((lang) =>
      PAGES.filter((page) => page !== 'README.md')
        .map((page) => `docs/${lang}/${page}`)
        .filter((path) => !learnMore.includes(`](${path})`)),
    );
    expect(missing).toEqual([]);
  });
});

describe.each(LANGUAGES)('docs/%s', (lang) => {
  it('configuration.md: each option heading names an option, and the defaults in the table are the schema’s', async () => {
    const doc = await read(`docs/${lang}/configuration.md`);
    const paths = keyPaths(KhabarConfigSchema);
    const headings = [...doc.matchAll(/^#{3,4} `([^`]+)`/gm)].map((m) => m[1] ?? '');
    expect(headings.filter((h) => !paths.includes(h))).toEqual([]);
    const wrong: string[] = [];
    for (const path of paths) {
      for (const row of rowsFor(doc, path)) {
        const cells = row.split(/(?<!\\)\|/).map((c) => c.trim());
        const cell = cells.at(-2) ?? '';
        const literal = /^`([^`]+)`$/.exec(cell)?.[1];
        if (literal === undefined) continue;
        // The docs are this repository's own text.
        // eslint-disable-next-line @typescript-eslint/no-implied-eval
        const evaluate = new Function(`return (${literal});`) as () => unknown;
        const value = evaluate();
        if (JSON.stringify(value) !== JSON.stringify(valueAt(defaults, path)))
          wrong.push(
            `${path}: documented ${literal}, the schema's default is ${JSON.stringify(valueAt(defaults, path))}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });

  it('components.md names every page part and every UI string, and only those as part headings', async () => {
    const doc = await read(`docs/${lang}/components.md`);
    expect(missingFrom(doc, COMPONENT_NAMES)).toEqual([]);
    expect(missingFrom(doc, STRING_IDS)).toEqual([]);
    const headings = [...doc.matchAll(/^### `([^`]+)`/gm)].map((m) => m[1] ?? '');
    expect(headings.filter((h) => !(COMPONENT_NAMES as readonly string[]).includes(h))).toEqual([]);
  });

  it('styling.md gives every token with its default, and its dark value', async () => {
    const doc = await read(`docs/${lang}/styling.md`);
    const wrong: string[] = [];
    for (const [token, { light, dark }] of tokenValues()) {
      const rows = rowsFor(doc, token);
      if (!rows.some((row) => row.includes(`\`${light}\``) && (!dark || row.includes(`\`${dark}\``))))
        wrong.push(`${token}: ${light}${dark ? ` / ${dark}` : ''}`);
    }
    expect(wrong).toEqual([]);
  });

  it('comments.md names every option of khabarComments() and every command of its CLI', async () => {
    const doc = await read(`docs/${lang}/comments.md`);
    const options = keyPaths(IntegrationOptionsSchema).filter((path) => path.split('.').length <= 2);
    expect(missingFrom(doc, options)).toEqual([]);
    const commands = ['serve', 'list', 'show', 'approve', 'spam', 'trash', 'delete', 'export'];
    expect(commands.filter((c) => !doc.includes(`khabar-comments ${c}`))).toEqual([]);
  });

  it('feeds-and-seo.md names every seo option', async () => {
    const doc = await read(`docs/${lang}/feeds-and-seo.md`);
    expect(
      missingFrom(
        doc,
        keyPaths(KhabarConfigSchema).filter((p) => p.startsWith('seo')),
      ),
    ).toEqual([]);
  });

  it('configuration.md names every option of khabar() in inline code', async () => {
    const doc = await read(`docs/${lang}/configuration.md`);
    expect(missingFrom(doc, keyPaths(KhabarConfigSchema))).toEqual([]);
  });

  it('content.md names every frontmatter field of articles and authors in inline code', async () => {
    const doc = await read(`docs/${lang}/content.md`);
    expect(missingFrom(doc, keyPaths(articleSchema))).toEqual([]);
    expect(missingFrom(doc, keyPaths(authorSchema))).toEqual([]);
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

/** The targets of inline Markdown links and images, outside code. */
function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
  return [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
    .map((m) => m[1] ?? '')
    .filter((target) => target && !/^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(target));
}

describe('relative links', async () => {
  const files = await linkedFiles();

  it('are checked in the READMEs, CONTRIBUTING.md and both languages of docs/', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/README.md']));
    for (const lang of LANGUAGES) expect(files).toContain(`docs/${lang}/configuration.md`);
  });

  it.each(files)('in %s point at headings that exist', async (file) => {
    const text = await read(file);
    const broken: string[] = [];
    for (const target of relativeLinks(text)) {
      const [path = '', fragment] = target.split('#');
      if (fragment === undefined) continue;
      const linked = path === '' ? file : join(dirname(file), decodeURIComponent(path));
      if (!linked.endsWith('.md') || !existsSync(join(repoRoot, linked))) continue;
      if (!anchors(await read(linked)).has(decodeURIComponent(fragment))) broken.push(target);
    }
    expect(broken).toEqual([]);
  });

  it.each(files)('in %s point at files that exist', async (file) => {
    const broken = relativeLinks(await read(file)).filter((target) => {
      const path = decodeURIComponent(target.split('#')[0] ?? '');
      return path !== '' && !existsSync(join(repoRoot, dirname(file), path));
    });
    expect(broken).toEqual([]);
  });
});
