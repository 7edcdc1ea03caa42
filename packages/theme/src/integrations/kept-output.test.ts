import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CLOCK_SLACK_MS,
  countStories,
  keptPages,
  listOutput,
  pagesFromAssets,
  pruneStaleOutput,
  staleFiles,
} from './kept-output.ts';

/** A minute before the build: what a file the last build wrote is dated. */
const LAST_BUILD = new Date(Date.now() - 60_000);

/** Writes `path` under `dist` (its folders too), dated by the last build when `stale`. */
async function writeOutput(dist: string, path: string, stale = false): Promise<void> {
  await mkdir(join(dist, path, '..'), { recursive: true });
  await writeFile(join(dist, path), path);
  if (stale) await utimes(join(dist, path), LAST_BUILD, LAST_BUILD);
}

describe('keptPages', () => {
  it('reads every output file of every route, decoded to a path on disk', () => {
    const manifest = {
      version: 1,
      routes: {
        'src/routes/article.astro': {
          paths: {
            '/politics/خبر': { outputFile: 'politics/%D8%AE%D8%A8%D8%B1/index.html' },
            '/tags/وسم جديد': { outputFile: 'tags/%D9%88%D8%B3%D9%85%20%D8%AC%D8%AF%D9%8A%D8%AF/index.html' },
          },
        },
        'src/routes/rss.xml.ts': { paths: { '/rss.xml': { outputFile: 'rss.xml' } } },
      },
    };
    expect([...(keptPages(manifest, '/site/dist') ?? [])]).toEqual([
      '/site/dist/politics/خبر/index.html',
      '/site/dist/tags/وسم جديد/index.html',
      '/site/dist/rss.xml',
    ]);
  });

  it('refuses a manifest it does not understand rather than guess', () => {
    expect(keptPages({ version: 2, routes: {} }, '/d')).toBeUndefined();
    expect(keptPages({ version: 1 }, '/d')).toBeUndefined();
    expect(
      keptPages({ version: 1, routes: { a: { paths: { '/': { outputFile: 3 } } } } }, '/d'),
    ).toBeUndefined();
    expect(keptPages(null, '/d')).toBeUndefined();
  });
});

describe('pagesFromAssets', () => {
  it('takes every output file of every route, as a path on disk', () => {
    const assets = new Map([
      ['/[section]/[slug]', [pathToFileURL('/site/dist/politics/خبر/index.html')]],
      [
        '/rss.xml',
        [pathToFileURL('/site/dist/rss.xml'), pathToFileURL('/site/dist/tags/وسم جديد/index.html')],
      ],
    ]);
    expect([...(pagesFromAssets(assets) ?? [])]).toEqual([
      '/site/dist/politics/خبر/index.html',
      '/site/dist/rss.xml',
      '/site/dist/tags/وسم جديد/index.html',
    ]);
  });

  it('says nothing when Astro listed no file, so that no kept page is taken for stale', () => {
    expect(pagesFromAssets(new Map())).toBeUndefined();
    expect(pagesFromAssets(new Map([['/a', []]]))).toBeUndefined();
    expect(pagesFromAssets(undefined)).toBeUndefined();
  });
});

describe('staleFiles', () => {
  it('keeps what the build wrote and what it kept in place, and nothing else', () => {
    const files = [
      { path: '/d/new.html', mtimeMs: 2_000 },
      { path: '/d/kept.html', mtimeMs: 10 },
      { path: '/d/gone.html', mtimeMs: 10 },
      { path: '/d/_astro/old.css', mtimeMs: 10 },
    ];
    expect(staleFiles(files, new Set(['/d/kept.html']), 1_000)).toEqual([
      '/d/gone.html',
      '/d/_astro/old.css',
    ]);
  });
});

describe('pruneStaleOutput', () => {
  let root = '';
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('removes the stale files and the folders they leave empty, and leaves .git and skipped folders alone', async () => {
    root = await mkdtemp(join(tmpdir(), 'khabar-kept-'));
    const dist = join(root, 'dist');
    const file = (path: string, stale: boolean) => writeOutput(dist, path, stale);
    await file('politics/خبر/index.html', true);
    await file('politics/محذوف/index.html', true);
    await file('_astro/old.css', true);
    await file('_astro/new.css', false);
    await file('.git/HEAD', true);
    await file('pagefind/parts.json', true);
    // A folder already empty, alone in its parent: both go, as a build into an empty folder has neither.
    await mkdir(join(dist, 'tags/قديم/فارغ'), { recursive: true });
    const manifestFile = join(root, 'incremental-build.json');
    await writeFile(
      manifestFile,
      JSON.stringify({
        version: 1,
        routes: {
          article: { paths: { '/politics/خبر': { outputFile: 'politics/%D8%AE%D8%A8%D8%B1/index.html' } } },
        },
      }),
    );
    const result = await pruneStaleOutput({
      outDir: pathToFileURL(`${dist}/`),
      manifestFile: pathToFileURL(manifestFile),
      since: Date.now() - CLOCK_SLACK_MS,
      skip: ['pagefind'],
    });
    expect(result.pruned && result.removed.map((path) => path.slice(dist.length + 1)).sort()).toEqual([
      '_astro/old.css',
      'politics/محذوف/index.html',
    ]);
    const left = await readdir(dist, { recursive: true });
    expect(left.sort()).toEqual([
      '.git',
      '.git/HEAD',
      '_astro',
      '_astro/new.css',
      'pagefind',
      'pagefind/parts.json',
      'politics',
      'politics/خبر',
      'politics/خبر/index.html',
    ]);
  });

  it("takes the build's pages from Astro's list when given, without reading the manifest", async () => {
    root = await mkdtemp(join(tmpdir(), 'khabar-kept-'));
    const dist = join(root, 'dist');
    for (const [path, stale] of [
      ['politics/kept/index.html', true],
      ['politics/gone/index.html', true],
      ['tags/old/index.html', true],
      ['_astro/old.js', true],
      ['_astro/new.js', false],
      ['politics/new/index.html', false],
    ] as const)
      await writeOutput(dist, path, stale);
    const result = await pruneStaleOutput({
      outDir: pathToFileURL(`${dist}/`),
      pages: new Set([join(dist, 'politics/kept/index.html'), join(dist, 'politics/new/index.html')]),
      // Not there: with the pages given, it is not read.
      manifestFile: pathToFileURL(join(root, 'missing.json')),
      since: Date.now() - CLOCK_SLACK_MS,
    });
    expect(result.pruned && result.removed.map((path) => path.slice(dist.length + 1)).sort()).toEqual([
      '_astro/old.js',
      'politics/gone/index.html',
      'tags/old/index.html',
    ]);
    expect((await readdir(dist, { recursive: true })).sort()).toEqual([
      '_astro',
      '_astro/new.js',
      'politics',
      'politics/kept',
      'politics/kept/index.html',
      'politics/new',
      'politics/new/index.html',
    ]);
  });

  it('prunes from a listing taken as the build began: what the build writes after it stays', async () => {
    root = await mkdtemp(join(tmpdir(), 'khabar-kept-'));
    const dist = join(root, 'dist');
    const write = (path: string, stale = false) => writeOutput(dist, path, stale);
    // What the last build left.
    for (const path of ['politics/kept/index.html', 'politics/gone/index.html', '_astro/old.js'])
      await write(path, true);
    await write('.prerender/chunk.mjs', true);
    const listing = listOutput(dist);
    await listing;
    // This build: a new page and a new script, and its writer removes a file of its own folder.
    await write('politics/new/index.html');
    await write('_astro/new.js');
    await rm(join(dist, '.prerender/chunk.mjs'));
    const result = await pruneStaleOutput({
      outDir: pathToFileURL(`${dist}/`),
      pages: new Set([join(dist, 'politics/kept/index.html'), join(dist, 'politics/new/index.html')]),
      manifestFile: pathToFileURL(join(root, 'missing.json')),
      since: Date.now() - CLOCK_SLACK_MS,
      listing,
    });
    expect(result.pruned && result.removed.map((path) => path.slice(dist.length + 1)).sort()).toEqual([
      '_astro/old.js',
      'politics/gone/index.html',
    ]);
    // The folder its writer emptied goes too, as a build into an empty folder never had it.
    expect((await readdir(dist, { recursive: true })).sort()).toEqual([
      '_astro',
      '_astro/new.js',
      'politics',
      'politics/kept',
      'politics/kept/index.html',
      'politics/new',
      'politics/new/index.html',
    ]);
  });

  it('lists nothing for a folder that is not there', async () => {
    expect(await listOutput(join(tmpdir(), 'khabar-kept-missing-folder'))).toEqual([]);
  });

  it('removes nothing when the manifest is missing, and says why', async () => {
    root = await mkdtemp(join(tmpdir(), 'khabar-kept-'));
    await writeFile(join(root, 'a.html'), 'a');
    const result = await pruneStaleOutput({
      outDir: pathToFileURL(`${root}/`),
      manifestFile: pathToFileURL(join(root, 'missing.json')),
      since: Date.now(),
    });
    expect(result.pruned).toBe(false);
    expect(!result.pruned && result.reason).toContain('missing.json');
    expect(await readdir(root)).toEqual(['a.html']);
  });
});

describe('countStories', () => {
  let root = '';
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('counts Markdown and MDX stories in every folder, and nothing in a folder that is not there', async () => {
    root = await mkdtemp(join(tmpdir(), 'khabar-count-'));
    await mkdir(join(root, 'politics'), { recursive: true });
    for (const name of ['a.md', 'b.MDX', 'politics/c.md', 'politics/notes.txt'])
      await writeFile(join(root, name), '---\n---\n');
    expect(await countStories(root)).toBe(3);
    expect(await countStories(join(root, 'missing'))).toBe(0);
  });
});
