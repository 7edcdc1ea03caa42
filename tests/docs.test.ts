import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { createArticleSchema, createAuthorSchema } from '../packages/theme/src/schemas/article.ts';
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
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: readonly z.ZodType[];
}

/** The schema inside wrappers that do not change the shape: default, optional, nullable, pipes… */
function unwrap(schema: z.ZodType): Def {
  let def = schema._zod.def as Def;
  for (;;) {
    if (def.innerType) def = def.innerType._zod.def;
    else if (def.type === 'pipe' && def.in) def = def.in._zod.def;
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

describe.each(LANGUAGES)('docs/%s', (lang) => {
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
    .filter((target) => target && !/^(?:[a-z][a-z\d+.-]*:|#|\/\/)/i.test(target));
}

describe('relative links', async () => {
  const files = await linkedFiles();

  it('are checked in the READMEs, CONTRIBUTING.md and both languages of docs/', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/README.md']));
    for (const lang of LANGUAGES) expect(files).toContain(`docs/${lang}/configuration.md`);
  });

  it.each(files)('in %s point at files that exist', async (file) => {
    const broken = relativeLinks(await read(file)).filter((target) => {
      const path = decodeURIComponent(target.split('#')[0] ?? '');
      return path !== '' && !existsSync(join(repoRoot, dirname(file), path));
    });
    expect(broken).toEqual([]);
  });
});
