import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { pathEdition } from '../lib/editions.ts';
import {
  SEARCH_HANDOFF,
  searchHandoffKey,
  type IndexStory,
  type SearchHandoff,
} from '../lib/search/handoff.ts';
import { PARTS_MANIFEST, type PartsManifest } from '../lib/search/parts.ts';
import { searchRecord } from '../lib/search/record.ts';
import { SearchIndexBuild } from './search-index.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** An article page as the theme builds it: the story marked up for Pagefind, the rest of the page not. */
const articlePage = (title: string, text: string) =>
  `<!doctype html><html lang="ar" dir="rtl"><head>` +
  `<meta name="description" content="${title}" data-pagefind-meta="description[content]"></head><body>` +
  `<nav>الرئيسية</nav><main><article class="khabar-article" data-pagefind-body>` +
  `<h1 data-pagefind-meta="title">${title}</h1>` +
  `<p><time datetime="2016-12-01T14:20:00+02:00" data-pagefind-meta="date">الخميس</time></p><p>${text}</p>` +
  `<section class="khabar-share" data-pagefind-ignore="all"><p>شارك</p></section></article>` +
  `<aside><h2>قصص ذات صلة</h2></aside></main></body></html>`;

/** A built site with two article pages, a section page and a 404 page. */
async function builtSite() {
  const root = await mkdtemp(join(tmpdir(), 'khabar-search-'));
  dirs.push(root);
  const dist = join(root, 'dist');
  const pages: Record<string, string> = {
    'politics/روسيا/index.html': articlePage('روسيا تطالب الغرب', 'التعاون بسوريا لمكافحة الإرهاب'),
    'economy/نفط/index.html': articlePage('أسعار النفط', 'ارتفعت أسعار النفط في الأسواق'),
    'politics/index.html': '<!doctype html><html lang="ar"><body><h1>سياسة</h1></body></html>',
    '404.html': '<!doctype html><html lang="ar"><body><h1>غير موجودة</h1></body></html>',
  };
  for (const [path, html] of Object.entries(pages)) {
    await mkdir(join(dist, path, '..'), { recursive: true });
    await writeFile(join(dist, path), html);
  }
  return { dist, staging: join(root, 'cache', 'khabar-search') };
}

/** The site's `pagefind/parts.json`. */
async function manifest(dist: string): Promise<PartsManifest> {
  return JSON.parse(await readFile(join(dist, 'pagefind', PARTS_MANIFEST), 'utf8')) as PartsManifest;
}

async function pageCount(dist: string, part: string): Promise<number | undefined> {
  const entry = JSON.parse(await readFile(join(dist, 'pagefind', part, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return entry.languages['ar']?.page_count;
}

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
}

/** What a part holds of each page (Pagefind's fragments: gzipped JSON after a signature). */
async function fragments(dist: string, part: string): Promise<Fragment[]> {
  const dir = join(dist, 'pagefind', part, 'fragment');
  const files = await readdir(dir);
  const read = async (file: string) => {
    const text = gunzipSync(await readFile(join(dir, file))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{'))) as Fragment;
  };
  return (await Promise.all(files.map(read))).sort((a, b) => a.url.localeCompare(b.url));
}

function recorder() {
  const lines: string[] = [];
  return {
    lines,
    logger: { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(`warn: ${m}`) },
  };
}

const story = (title: string, text: string) =>
  searchRecord({
    locale: 'ar',
    title,
    description: title,
    section: 'سياسة',
    date: 'الخميس',
    authors: [],
    tags: [],
    html: `<p>${text}</p>`,
  });
const record = story('زيارة لافروف', 'وصل لافروف إلى العاصمة');
const lavrov = { url: '/politics/lavrov/', record };
const summit = { url: '/politics/summit/', record: story('قمة الرياض', 'افتتحت القمة أعمالها') };
const oil = encodeURI('/economy/نفط/');

/** A build of the site above whose article route hands stories over: `run` plays the route. */
async function handingOver(
  partSize: number,
  run: (handoff: SearchHandoff) => Promise<void> | void,
  cacheDir?: string,
  parallelParts?: number,
) {
  const { dist, staging } = await builtSite();
  const { lines, logger } = recorder();
  const build = new SearchIndexBuild({
    language: 'ar',
    stagingDir: staging,
    logger,
    partSize,
    cacheDir,
    parallelParts,
  });
  build.open();
  const handoff = (globalThis as Record<symbol, SearchHandoff | undefined>)[SEARCH_HANDOFF];
  if (!handoff) throw new Error('no hand-off installed');
  await run(handoff);
  return { build, dist, staging, lines };
}

describe('the search index of a build', () => {
  it('indexes the built article pages when the route handed nothing over', async () => {
    const { dist, staging } = await builtSite();
    const { lines, logger } = recorder();
    const indexed = await new SearchIndexBuild({ language: 'ar', stagingDir: staging, logger }).finish({
      dir: dist,
      base: '/',
    });
    expect(indexed).toBe(2); // not the section page, not the 404
    expect(await manifest(dist)).toEqual({ version: 1, parts: [{ id: 'pages', stories: 2 }] });
    expect(await pageCount(dist, 'pages')).toBe(2);
    expect(lines.join('\n')).toContain('2 articles in 1 part, indexed from the built pages');
  });

  it('builds an edition’s index apart, from its own pages, in its language, side by side with the main one', async () => {
    const { dist, staging } = await builtSite();
    const english = articlePage('Russia urges the West', 'cooperation against terrorism in Syria').replace(
      'lang="ar" dir="rtl"',
      'lang="en" dir="ltr"',
    );
    await mkdir(join(dist, 'en/politics/russia'), { recursive: true });
    await writeFile(join(dist, 'en/politics/russia/index.html'), english);
    const { lines, logger } = recorder();
    const owns = (key: string | undefined) => (url: string) => pathEdition(url, '/', ['en']) === key;
    const main = new SearchIndexBuild({
      language: 'ar',
      stagingDir: staging,
      logger,
      ownsPage: owns(undefined),
    });
    const en = new SearchIndexBuild({
      language: 'en',
      stagingDir: `${staging}-en`,
      logger,
      handoff: searchHandoffKey('en'),
      folder: 'en/pagefind',
      ownsPage: owns('en'),
      firstLane: 1,
      name: 'en',
    });
    main.open();
    en.open();
    expect((globalThis as Record<symbol, unknown>)[searchHandoffKey('en')]).toBeDefined();
    // Each in Pagefind processes of its own: neither ends the other's.
    expect(
      await Promise.all([main.finish({ dir: dist, base: '/' }), en.finish({ dir: dist, base: '/' })]),
    ).toEqual([2, 1]);
    expect(await pageCount(dist, 'pages')).toBe(2);
    const entry = JSON.parse(await readFile(join(dist, 'en/pagefind/pages/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages)).toEqual(['en']);
    expect(entry.languages['en']?.page_count).toBe(1);
    expect(lines.join('\n')).toContain('search index (en): 1 articles in 1 part');
  });

  it('reads a built page as the components marked it up: the story, its fields, not what is not the story', async () => {
    const { dist, staging } = await builtSite();
    await new SearchIndexBuild({ language: 'ar', stagingDir: staging, logger: recorder().logger }).finish({
      dir: dist,
      base: '/',
    });
    const [oilPage] = await fragments(dist, 'pages');
    expect(oilPage?.meta).toMatchObject({ title: 'أسعار النفط', description: 'أسعار النفط', date: 'الخميس' });
    expect(oilPage?.content).toContain('ارتفعت أسعار النفط في الأسواق');
    for (const gone of ['شارك', 'الرئيسية', 'قصص ذات صلة']) expect(oilPage?.content).not.toContain(gone);
  });

  it('cuts the built pages into parts too when there are more than a part holds', async () => {
    const { dist, staging } = await builtSite();
    const build = new SearchIndexBuild({
      language: 'ar',
      stagingDir: staging,
      logger: recorder().logger,
      partSize: 1,
    });
    expect(await build.finish({ dir: dist, base: '/' })).toBe(2);
    expect((await manifest(dist)).parts.map((p) => p.id)).toEqual(['pages', 'pages-2']);
  });

  it('writes a part during the build when its stories came from their entries, then moves it in', async () => {
    const { build, dist, staging } = await handingOver(5_000, async (handoff) => {
      expect(handoff.plan(['2016-12'])).toEqual([
        { id: '2016-12', start: 0, count: 1, newest: '2016-12', oldest: '2016-12' },
      ]);
      await handoff.add('2016-12', [lavrov]);
      await handoff.end('2016-12', []);
      handoff.done();
    });
    expect(await build.finish({ dir: dist, base: '/' })).toBe(1);
    expect(await manifest(dist)).toEqual({
      version: 1,
      parts: [{ id: '2016-12', stories: 1, newest: '2016-12', oldest: '2016-12' }],
    });
    expect(existsSync(staging)).toBe(false);
    expect((globalThis as Record<symbol, unknown>)[SEARCH_HANDOFF]).toBeUndefined();
    const [fragment] = await fragments(dist, '2016-12');
    expect(fragment).toMatchObject({
      url: '/politics/lavrov/',
      meta: { title: 'زيارة لافروف', description: 'زيارة لافروف', section: 'سياسة', date: 'الخميس' },
    });
    // The headline, the text, and the light stems after them ("عاصم" for "العاصمة"); nothing of a page.
    expect(fragment?.content).toMatch(/^سياسة\. زيارة لافروف\. وصل لافروف إلى العاصمة\. الخميس\. .*عاصم/);
  });

  it('keeps the pages the route could not describe (MDX) in the one part of a small site', async () => {
    const { build, dist } = await handingOver(5_000, async (handoff) => {
      handoff.plan(['2016-12', '2016-12']);
      await handoff.add('2016-12', [lavrov]);
      await handoff.end('2016-12', [oil]);
      handoff.done();
    });
    expect(await build.finish({ dir: dist, base: '/' })).toBe(2);
    expect((await manifest(dist)).parts.map((p) => [p.id, p.stories])).toEqual([['2016-12', 2]]);
    expect(await pageCount(dist, '2016-12')).toBe(2);
  });

  it('writes one part a month group, newest first, with the built pages in a part of their own', async () => {
    const { build, dist } = await handingOver(1, async (handoff) => {
      const parts = handoff.plan(['2016-12', '2016-11', '2016-10']);
      expect(parts.map((p) => p.id)).toEqual(['2016-12', '2016-11', '2016-10']);
      await handoff.add('2016-12', [lavrov]);
      await handoff.end('2016-12', []);
      await handoff.add('2016-11', [summit]);
      await handoff.end('2016-11', []);
      await handoff.end('2016-10', [oil]);
      handoff.done();
    });
    expect(await build.finish({ dir: dist, base: '/' })).toBe(3);
    expect((await manifest(dist)).parts).toEqual([
      { id: '2016-12', stories: 1, newest: '2016-12', oldest: '2016-12' },
      { id: '2016-11', stories: 1, newest: '2016-11', oldest: '2016-11' },
      { id: 'pages', stories: 1 },
    ]);
    expect((await fragments(dist, '2016-11')).map((f) => f.url)).toEqual(['/politics/summit/']);
    expect((await fragments(dist, 'pages')).map((f) => decodeURI(f.url))).toEqual(['/economy/نفط/']);
    // The first part carries Pagefind's script; the others only what a merged index loads.
    expect(existsSync(join(dist, 'pagefind/2016-12/pagefind.js'))).toBe(true);
    expect(await readdir(join(dist, 'pagefind/2016-11'))).toEqual(
      expect.not.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'wasm.ar.pagefind']),
    );
    expect(existsSync(join(dist, 'pagefind/2016-11/pagefind-entry.json'))).toBe(true);
  });

  it('fails the build with the story the route could not describe', async () => {
    const { build, dist } = await handingOver(5_000, (handoff) => {
      handoff.plan(['2016-12']);
      handoff.done(new Error('src/content/articles/x.md: unknown author "nobody"'));
    });
    await expect(build.finish({ dir: dist, base: '/' })).rejects.toThrow(
      /search index could not be built: src\/content\/articles\/x\.md: unknown author/,
    );
  });
});

describe('the parts kept between builds', () => {
  /** Every file of the site's `pagefind/` folder with its bytes, by path. */
  async function files(dist: string): Promise<Map<string, string>> {
    const root = join(dist, 'pagefind');
    const out = new Map<string, string>();
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      out.set(path.slice(root.length), (await readFile(path)).toString('base64'));
    }
    return out;
  }

  /** Three parts of one story each: December's story is `december`. */
  const threeMonths = (december: IndexStory) => async (handoff: SearchHandoff) => {
    handoff.plan(['2016-12', '2016-11', '2016-10']);
    await handoff.add('2016-12', [december]);
    await handoff.end('2016-12', []);
    await handoff.add('2016-11', [summit]);
    await handoff.end('2016-11', []);
    await handoff.add('2016-10', [{ url: '/economy/oil/', record: story('أسعار النفط', 'ارتفعت الأسعار') }]);
    await handoff.end('2016-10', []);
    handoff.done();
  };

  it('takes a part whose stories have not changed from the cache, byte for byte', async () => {
    const cache = join(await mkdtemp(join(tmpdir(), 'khabar-search-cache-')), 'parts');
    dirs.push(join(cache, '..'));
    const first = await handingOver(1, threeMonths(lavrov), cache);
    await first.build.finish({ dir: first.dist, base: '/' });
    expect(first.lines.join('\n')).not.toContain('unchanged');

    const again = await handingOver(1, threeMonths(lavrov), cache);
    expect(await again.build.finish({ dir: again.dist, base: '/' })).toBe(3);
    expect(again.lines.join('\n')).toContain('3 articles in 3 parts (3 unchanged since the last build)');
    expect(await files(again.dist)).toEqual(await files(first.dist));
  });

  it('indexes again only the part whose story changed, and forgets the part it replaced', async () => {
    const cache = join(await mkdtemp(join(tmpdir(), 'khabar-search-cache-')), 'parts');
    dirs.push(join(cache, '..'));
    const first = await handingOver(1, threeMonths(lavrov), cache);
    await first.build.finish({ dir: first.dist, base: '/' });
    const corrected = { url: lavrov.url, record: story('زيارة لافروف', 'وصل لافروف إلى موسكو') };
    const next = await handingOver(1, threeMonths(corrected), cache);
    await next.build.finish({ dir: next.dist, base: '/' });
    expect(next.lines.join('\n')).toContain('(2 unchanged since the last build)');
    const [fragment] = await fragments(next.dist, '2016-12');
    expect(fragment?.content).toContain('موسكو');
    // One entry a part of the last build: the old December is gone.
    expect((await readdir(cache)).filter((name) => name.endsWith('.json'))).toHaveLength(3);
  });

  it("computes no record of a part found by its stories' keys, and every record of a part whose key changed", async () => {
    const cache = join(await mkdtemp(join(tmpdir(), 'khabar-search-cache-')), 'parts');
    dirs.push(join(cache, '..'));
    const computed: string[] = [];
    /** Lavrov's story sent by key, its record computed only on demand. */
    const byKey = (key: string, text: string) => ({
      url: lavrov.url,
      key,
      record: () => {
        computed.push(key);
        return Promise.resolve(story('زيارة لافروف', text));
      },
    });
    const first = await handingOver(1, threeMonths(byKey('v1', 'وصل لافروف إلى العاصمة')), cache);
    await first.build.finish({ dir: first.dist, base: '/' });
    expect(computed).toEqual(['v1']);

    const again = await handingOver(1, threeMonths(byKey('v1', 'وصل لافروف إلى العاصمة')), cache);
    await again.build.finish({ dir: again.dist, base: '/' });
    expect(computed).toEqual(['v1']);
    expect(again.lines.join('\n')).toContain('(3 unchanged since the last build)');
    expect(await files(again.dist)).toEqual(await files(first.dist));

    const corrected = await handingOver(1, threeMonths(byKey('v2', 'وصل لافروف إلى موسكو')), cache);
    await corrected.build.finish({ dir: corrected.dist, base: '/' });
    expect(computed).toEqual(['v1', 'v2']);
    expect((await fragments(corrected.dist, '2016-12'))[0]?.content).toContain('موسكو');
  });

  it('indexes parts side by side, each in a Pagefind process of its own, into the same files in the same order', async () => {
    const one = await handingOver(1, threeMonths(lavrov), undefined, 1);
    await one.build.finish({ dir: one.dist, base: '/' });
    const three = await handingOver(1, threeMonths(lavrov), undefined, 3);
    expect(await three.build.finish({ dir: three.dist, base: '/' })).toBe(3);
    expect((await manifest(three.dist)).parts.map((p) => p.id)).toEqual(['2016-12', '2016-11', '2016-10']);
    expect(await files(three.dist)).toEqual(await files(one.dist));
  });

  it('does not take an entry that a stopped build left half written', async () => {
    const cache = join(await mkdtemp(join(tmpdir(), 'khabar-search-cache-')), 'parts');
    dirs.push(join(cache, '..'));
    const first = await handingOver(1, threeMonths(lavrov), cache);
    await first.build.finish({ dir: first.dist, base: '/' });
    // A build stopped after storing the folders but before their JSON.
    for (const name of await readdir(cache)) if (name.endsWith('.json')) await rm(join(cache, name));
    const again = await handingOver(1, threeMonths(lavrov), cache);
    expect(await again.build.finish({ dir: again.dist, base: '/' })).toBe(3);
    expect(again.lines.join('\n')).not.toContain('unchanged');
    expect(await pageCount(again.dist, '2016-12')).toBe(1);
  });
});
