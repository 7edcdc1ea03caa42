import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAstro } from './helpers/astro.ts';
import { tmpRoot } from './helpers/paths.ts';
import { loadPage } from './helpers/site.ts';

/**
 * What a site owner sees in the terminal for bad content and bad options. The messages themselves are
 * unit-tested where they are made (packages/theme/src/config/article.test.ts for frontmatter,
 * config/user-config.test.ts for options); these builds prove that they reach the terminal with the file
 * and the field, and what only a build can show: the loader's handling of dates, references between
 * collections, and the URL of an article in a subfolder.
 */

const fixture = new URL('./fixtures/minimal/', import.meta.url);
const work = join(tmpRoot, 'frontmatter');

/** Copies the minimal site, writes the given files into it, and builds it. */
async function buildWith(name: string, files: Record<string, string>) {
  const root = join(work, name);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await cp(fixture, root, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return { root, ...(await runAstro(root, ['build'])) };
}

const front = (fields: string) => `---\n${fields}\n---\n\nنص.\n`;
const valid = {
  title: 'title: "عنوان"',
  description: 'description: "وصف"',
  published: 'published: "2016-12-01T10:00:00+02:00"',
  section: 'section: politics',
};
const article = (overrides: Partial<Record<keyof typeof valid, string | null>>, extra = '') =>
  front(
    [
      ...Object.entries({ ...valid, ...overrides })
        .filter((entry): entry is [string, string] => entry[1] !== null)
        .map(([, line]) => line),
      extra,
    ]
      .filter(Boolean)
      .join('\n'),
  );

afterAll(() => rm(work, { recursive: true, force: true }));

describe('bad frontmatter fails the build with the file and the field', () => {
  it('names the file, then each bad field with its message', async () => {
    const { code, output } = await buildWith('bad-fields', {
      'src/content/articles/bad-story.md': article(
        // Unquoted: YAML would quietly make it 1 March, unless the loader hands the schema the text.
        { title: null, section: 'section: sport', published: 'published: 2016-02-30' },
        'slug: "قمة العشرين/2016"',
      ),
    });
    expect(code).not.toBe(0);
    // Astro names the entry (by its slug, when it has one), then the file.
    expect(output).toMatch(/articles → قمة العشرين\/2016 data does not match collection schema/);
    expect(output).toMatch(/Location:\s+\S+\/src\/content\/articles\/bad-story\.md/);
    // One line per field: `field: message`.
    expect(output).toMatch(/^\s+title: is required: every article needs a headline/m);
    expect(output).toMatch(/^\s+published: "2016-02-30" is not a real date/m);
    expect(output).toMatch(/^\s+section: "sport" is not one of the site's sections; use one of "politics"/m);
    expect(output).toMatch(/^\s+slug: must be letters and digits joined by single dashes/m);
  });

  it('names an author who is not in the authors collection, and the file', async () => {
    const { code, output } = await buildWith('bad-author', {
      'src/content/articles/bad-story.md': article({}, 'authors: ["nobody"]'),
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(/bad-story\.md: the author "nobody" is not in the authors collection/);
  });
});

describe('articles the loader reads as the author meant', () => {
  it('read a date without an offset in the newsroom zone, and take a subfolder file’s name as slug', async () => {
    const { code, output, root } = await buildWith('loaded', {
      'src/content/articles/wall-clock.md': article({
        published: 'published: 2016-12-01',
        title: 'title: "خبر بلا ساعة"',
      }),
      'src/content/articles/2016/in-folder.md': article({ title: 'title: "في مجلد"' }),
    });
    expect(output).not.toMatch(/error/i);
    expect(code).toBe(0);
    const { document } = await loadPage(`/politics/wall-clock/`, join(root, 'dist'));
    // Midnight in Cairo (UTC+2 in 2016), not midnight UTC.
    expect(document.querySelector('.khabar-dates time')?.getAttribute('datetime')).toBe(
      '2016-12-01T00:00:00+02:00',
    );
    // ar-EG, Arabic-Indic digits (the default), Egyptian month names.
    expect(document.querySelector('.khabar-dates time')?.textContent).toBe(
      'الخميس، ١ ديسمبر ٢٠١٦، الساعة ٠٠:٠٠ (بتوقيت القاهرة)',
    );
    const folder = await loadPage('/politics/in-folder/', join(root, 'dist'));
    expect(folder.document.querySelector('h1')?.textContent).toBe('في مجلد');
  });
});

describe('bad options fail the build with the option at fault', () => {
  it('names the option, what was expected and what was found', async () => {
    const config = await readFile(new URL('astro.config.mjs', fixture), 'utf8');
    const { code, output } = await buildWith('bad-options', {
      'astro.config.mjs': config.replace("timeZone: 'Africa/Cairo'", "timeZone: 'Cairo', digits: 'hindi'"),
    });
    expect(code).not.toBe(0);
    expect(output).toContain('Invalid khabar() options');
    expect(output).toMatch(/timeZone.*is not an IANA time zone.*"Cairo"/);
    expect(output).toMatch(/digits.*must be one of "arab", "latn".*"hindi"/);
  });
});
