/**
 * A site owner's first mistakes, each in a copy of the minimal fixture built once: what the terminal
 * says. The messages are unit-tested where they are made (lib/content-file.ts, config/files.ts,
 * config/starter.ts); these builds prove they reach the terminal, once, with the file and the field,
 * instead of a story silently gone, replacement characters, a Vite import error or a YAML stack.
 */
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAstro } from './helpers/astro.ts';
import { tmpRoot } from './helpers/paths.ts';

const fixture = new URL('./fixtures/minimal/', import.meta.url);
const work = join(tmpRoot, `content-errors-${process.pid}`);

/** Copies the minimal site, writes the given files into it (text or bytes), and builds it. */
async function buildWith(name: string, files: Record<string, string | Buffer>) {
  const root = join(work, name);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await cp(fixture, root, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return { root, ...(await runAstro(root, ['build'])) };
}

interface FeedItem {
  title: string;
  'content:encoded': string;
}

/**
 * What a site owner should not have to read under the message: a stack frame in the theme's code
 * (`    at fail (…/astro-theme-khabar/dist/content.js:96:19)`, or its bundle in `dist/.prerender/`),
 * or any "Stack trace:" section, which Astro prints for an error that has a stack.
 */
function expectNoThemeFrames(output: string) {
  expect(output).not.toMatch(/^\s+at .*(?:packages[/\\]theme|astro-theme-khabar|\.prerender)/m);
  expect(output).not.toContain('Stack trace:');
}

const story = (fields: string, body = 'نص الخبر.') =>
  `---\ntitle: "خبر ثان"\ndescription: "وصف."\npublished: 2016-12-01 11:00\n${fields}\n---\n\n${body}\n`;

afterAll(() => rm(work, { recursive: true, force: true }));

describe('content a build refuses, naming the file', () => {
  it('two stories with one slug: both files, instead of one story gone', async () => {
    const { code, output } = await buildWith('same-slug', {
      'src/content/articles/second.md': story('slug: first'),
    });
    expect(code).not.toBe(0);
    expectNoThemeFrames(output);
    expect(output).toContain(
      'src/content/articles/first.md and src/content/articles/second.md are both "first" in the articles collection, so only one of them would be published.',
    );
  });

  it('a story saved in Windows-1256: the file, the line and re-saving as UTF-8', async () => {
    const text = story('section: politics', 'افتتحت البلدية اليوم الخط الأخضر للمترو.');
    const { code, output } = await buildWith('windows-1256', {
      // The encoder Node has for Windows-1256 is the decoder's inverse: map each letter back to its byte.
      'src/content/articles/old-editor.md': windows1256(text),
    });
    expect(code).not.toBe(0);
    expectNoThemeFrames(output);
    expect(output).toContain('src/content/articles/old-editor.md is not saved as UTF-8: line 2');
    expect(output).toContain('It looks like Windows-1256 (Arabic Windows)');
    expect(output).toContain('save it again with the encoding "UTF-8"');
  });

  it('a missing picture: the story and the field', async () => {
    const { code, output } = await buildWith('missing-picture', {
      'src/content/articles/second.md': story('image:\n  src: "./gone.jpg"\n  alt: "صورة"'),
    });
    expect(code).not.toBe(0);
    expectNoThemeFrames(output);
    expect(output).toContain(
      'src/content/articles/second.md: image.src names "./gone.jpg", and there is no such file (looked for src/content/articles/gone.jpg).',
    );
  });

  it('a missing logo: the option, not a Vite import of virtual:khabar/logo', async () => {
    const config = await readFile(new URL('astro.config.mjs', fixture), 'utf8');
    const { code, output } = await buildWith('missing-logo', {
      'astro.config.mjs': config.replace(
        "title: 'خبر صغير',",
        "title: 'خبر صغير', logo: { src: './src/assets/logo.png', alt: 'خبر' },",
      ),
    });
    expect(code).not.toBe(0);
    expectNoThemeFrames(output);
    expect(output).toContain('logo.src names "./src/assets/logo.png", and there is no such file');
    expect(output).not.toContain('UNRESOLVED_IMPORT');
  });

  it('a file of blank lines: one message, not one per field', async () => {
    const { code, output } = await buildWith('blank', { 'src/content/articles/blank.md': '  \n\n' });
    expect(code).not.toBe(0);
    expectNoThemeFrames(output);
    expect(output).toContain(
      'src/content/articles/blank.md is empty: a story starts with its frontmatter between two "---" lines',
    );
    expect(output).not.toMatch(/Did not match union|\*\*published/);
  });

  it('frontmatter that is not YAML: the file, the line and the field', async () => {
    const { code, output } = await buildWith('bad-yaml', {
      'src/content/articles/colon.md': '---\ntitle: "خبر"\ndescription: قال الوزير: نعم\n---\n\nنص.\n',
    });
    expect(code).not.toBe(0);
    expectNoThemeFrames(output);
    expect(output).toContain(
      'src/content/articles/colon.md:3: the frontmatter is not valid YAML (in the field "description")',
    );
    expect(output).not.toMatch(/YAMLException|at Object\.|js-yaml/);
  });
  it('a story naming an author who has no file: the story and the field, while its page renders', async () => {
    const { code, output } = await buildWith('missing-author', {
      'src/content/articles/second.md': story('authors: ["nobody"]'),
    });
    expect(code).not.toBe(0);
    expectNoThemeFrames(output);
    expect(output).toContain(
      'src/content/articles/second.md: the author "nobody" is not in the authors collection.',
    );
  });

  it('an option of the wrong kind: the option and what it takes', async () => {
    const config = await readFile(new URL('astro.config.mjs', fixture), 'utf8');
    const { code, output } = await buildWith('bad-option', {
      'astro.config.mjs': config.replace("title: 'خبر صغير',", "title: 'خبر صغير', digits: 'roman',"),
    });
    expect(code).not.toBe(0);
    expectNoThemeFrames(output);
    expect(output).toContain('[AstroUserError] Invalid khabar() options in astro.config');
    expect(output).toMatch(/digits.*roman/);
  });
});

describe('what a build allows, and says', () => {
  let root = '';
  let output = '';
  const parser = new XMLParser();

  beforeAll(async () => {
    const config = await readFile(new URL('astro.config.mjs', fixture), 'utf8');
    const contentConfig = await readFile(new URL('src/content.config.ts', fixture), 'utf8');
    const paragraph = `<p>${'كلمة '.repeat(200)}</p>\n\n`;
    const result = await buildWith('allowed', {
      // Comments on, with an empty store: no approval yet.
      'astro.config.mjs': config.replace(
        "sections: [{ slug: 'politics', name: 'سياسة' }],",
        "sections: [{ slug: 'politics', name: 'سياسة' }], comments: { endpoint: 'https://comments.minimal.example/' },",
      ),
      'src/content.config.ts': contentConfig
        .replace(
          'import { articlesLoader',
          "import { commentsLoader } from 'khabar-comments/loader';\nimport { articlesLoader",
        )
        .replace('};', '  comments: defineCollection({ loader: commentsLoader() }),\n};'),
      // A single-section site: the story leaves out `section`.
      'src/content/articles/long.md': story('', paragraph.repeat(1300)),
    });
    ({ root, output } = result);
    if (result.code !== 0) throw new Error(output);
  });

  it('warns about a story over content.sizeWarning, naming it', () => {
    expect(output).toMatch(
      /src\/content\/articles\/long\.md is 2\.\d MB, more than content\.sizeWarning \(1\.0 MB\)/,
    );
  });

  it('publishes a story without `section` in the site’s one section', async () => {
    expect((await stat(join(root, 'dist/politics/long/index.html'))).isFile()).toBe(true);
  });

  it('caps the story’s text in the feed, with a link to read on', async () => {
    const rss = await readFile(join(root, 'dist/rss.xml'), 'utf8');
    const parsed = parser.parse(rss) as { rss: { channel: { item: FeedItem[] } } };
    const long = parsed.rss.channel.item.find((item) => item.title === 'خبر ثان');
    if (!long) throw new Error('the long story is not in rss.xml');
    expect(long['content:encoded'].length).toBeLessThanOrEqual(100_000);
    expect(long['content:encoded']).toMatch(
      /<a href="https:\/\/minimal\.example\/politics\/long\/">تابع قراءة القصة كاملة على خبر صغير<\/a><\/p>$/,
    );
    expect(rss.length).toBeLessThan(150_000);
  });

  it('says nothing about an empty comments store', () => {
    expect(output).not.toContain('does not exist or is empty');
  });
});

/** Text in Windows-1256, as an old Windows editor saves Arabic. */
function windows1256(text: string): Buffer {
  const decoder = new TextDecoder('windows-1256');
  const byChar = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) byChar.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from(
    // Code points: every character of the story is one (no emoji, nothing composed).
    Array.from(text).map((char) => {
      const byte = byChar.get(char);
      if (byte === undefined) throw new Error(`"${char}" has no Windows-1256 byte`);
      return byte;
    }),
  );
}
