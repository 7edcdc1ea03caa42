import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAstro } from './helpers/astro.ts';
import { tmpRoot } from './helpers/paths.ts';
import { loadPage } from './helpers/site.ts';

const fixture = new URL('./fixtures/minimal/', import.meta.url);
const work = join(tmpRoot, 'frontmatter');

/** Copies the minimal site, adds one article file, and builds it. */
async function buildWith(name: string, article: string) {
  const root = join(work, name);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await cp(fixture, root, { recursive: true });
  await writeFile(join(root, 'src/content/articles/bad-story.md'), article);
  return { root, ...(await runAstro(root, ['build'])) };
}

const front = (fields: string) => `---\n${fields}\n---\n\nنص.\n`;
const valid = {
  title: 'title: "عنوان"',
  description: 'description: "وصف"',
  published: 'published: "2016-12-01T10:00:00+02:00"',
  section: 'section: politics',
};
const article = (overrides: Partial<Record<keyof typeof valid, string | null>>) =>
  front(
    Object.entries({ ...valid, ...overrides })
      .filter((entry): entry is [string, string] => entry[1] !== null)
      .map(([, line]) => line)
      .join('\n'),
  );

afterAll(() => rm(work, { recursive: true, force: true }));

describe('bad frontmatter fails the build with the file and the field', () => {
  it('a missing title', async () => {
    const { code, output } = await buildWith('no-title', article({ title: null }));
    expect(code).not.toBe(0);
    expect(output).toContain('bad-story');
    expect(output).toMatch(/title.*required: every article needs a headline/s);
  });

  it('an unknown section', async () => {
    const { code, output } = await buildWith('bad-section', article({ section: 'section: sport' }));
    expect(code).not.toBe(0);
    expect(output).toContain('bad-story');
    expect(output).toMatch(/section.*"sport" is not one of the site's sections; use one of "politics"/s);
  });

  it('an impossible date, even unquoted (YAML would quietly make it 1 March)', async () => {
    const { code, output } = await buildWith('bad-date', article({ published: 'published: 2016-02-30' }));
    expect(code).not.toBe(0);
    expect(output).toContain('bad-story');
    expect(output).toMatch(/published.*2016-02-30.*not a real date/s);
  });

  it('a misspelt field, named with the fields there are', async () => {
    const { code, output } = await buildWith(
      'unknown-key',
      article({ section: 'section: politics\ncategry: sport' }),
    );
    expect(code).not.toBe(0);
    expect(output).toMatch(
      /categry.*is not a field an article has: check the spelling\. The fields are title, deck/s,
    );
  });

  it('a slug with a space or a slash', async () => {
    const { code, output } = await buildWith(
      'bad-slug',
      article({ section: 'section: politics\nslug: "قمة العشرين/2016"' }),
    );
    expect(code).not.toBe(0);
    expect(output).toMatch(/slug.*must be letters and digits joined by single dashes/s);
  });

  it('an author who is not in the authors collection', async () => {
    const { code, output } = await buildWith(
      'bad-author',
      article({ section: 'section: politics\nauthors: ["nobody"]' }),
    );
    expect(code).not.toBe(0);
    expect(output).toMatch(/nobody/);
  });

  it('reads a date without an offset in the newsroom zone', async () => {
    const { code, output, root } = await buildWith(
      'wall-clock',
      article({ published: 'published: 2016-12-01', title: 'title: "خبر بلا ساعة"' }),
    );
    expect(output).not.toMatch(/error/i);
    expect(code).toBe(0);
    const { document } = await loadPage(`/politics/bad-story/`, join(root, 'dist'));
    // Midnight in Cairo (UTC+2 in 2016), not midnight UTC.
    expect(document.querySelector('.khabar-dates time')?.getAttribute('datetime')).toBe(
      '2016-12-01T00:00:00+02:00',
    );
    // ar-EG, Arabic-Indic digits (the default), Egyptian month names.
    expect(document.querySelector('.khabar-dates time')?.textContent).toBe('الخميس، ١ ديسمبر ٢٠١٦');
  });
});

describe('articles in subfolders', () => {
  it('get the file name as their URL slug', async () => {
    const root = join(work, 'subfolder');
    await rm(root, { recursive: true, force: true });
    await mkdir(join(root), { recursive: true });
    await cp(fixture, root, { recursive: true });
    await mkdir(join(root, 'src/content/articles/2016'), { recursive: true });
    await writeFile(
      join(root, 'src/content/articles/2016/in-folder.md'),
      article({ title: 'title: "في مجلد"' }),
    );
    const { code, output } = await runAstro(root, ['build']);
    expect(output).not.toMatch(/\[ERROR\]/);
    expect(code).toBe(0);
    const { document } = await loadPage('/politics/in-folder/', join(root, 'dist'));
    expect(document.querySelector('h1')?.textContent).toBe('في مجلد');
  });
});

describe('bad options fail the build with the option at fault', () => {
  it('names the option, what was expected and what was found', async () => {
    const root = join(work, 'bad-options');
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    await cp(fixture, root, { recursive: true });
    const config = join(root, 'astro.config.mjs');
    const { readFile } = await import('node:fs/promises');
    await writeFile(
      config,
      (await readFile(config, 'utf8')).replace(
        "timeZone: 'Africa/Cairo'",
        "timeZone: 'Cairo', digits: 'hindi'",
      ),
    );
    const { code, output } = await runAstro(root, ['build']);
    expect(code).not.toBe(0);
    expect(output).toContain('Invalid khabar() options');
    expect(output).toMatch(/timeZone.*is not an IANA time zone.*"Cairo"/);
    expect(output).toMatch(/digits.*must be one of "arab", "latn".*"hindi"/);
  });
});
