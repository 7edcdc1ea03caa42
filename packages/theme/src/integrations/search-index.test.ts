import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { SEARCH_HANDOFF, type SearchHandoff } from '../lib/search/handoff.ts';
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

async function pageCount(dist: string): Promise<number | undefined> {
  const entry = JSON.parse(await readFile(join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return entry.languages['ar']?.page_count;
}

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
}

/** What the index holds of each page (Pagefind's fragments: gzipped JSON after a signature). */
async function fragments(dist: string): Promise<Fragment[]> {
  const dir = join(dist, 'pagefind/fragment');
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

const record = searchRecord({
  locale: 'ar',
  title: 'زيارة لافروف',
  description: 'زيارة',
  section: 'سياسة',
  date: 'الخميس',
  authors: [],
  tags: [],
  html: '<p>وصل لافروف إلى العاصمة</p>',
});

/** A build whose article route hands over the story above, and these URLs to read from the built pages. */
async function buildHandingOver(fromPages: string[]) {
  const { dist, staging } = await builtSite();
  const build = new SearchIndexBuild({ language: 'ar', stagingDir: staging, logger: recorder().logger });
  build.open();
  const handoff = (globalThis as Record<symbol, SearchHandoff | undefined>)[SEARCH_HANDOFF];
  if (!handoff) throw new Error('no hand-off installed');
  handoff.add([{ url: '/politics/lavrov/', record }]);
  handoff.done(fromPages);
  return { build, dist, staging };
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
    expect(await pageCount(dist)).toBe(2);
    expect(lines.join('\n')).toContain('indexed from the built pages');
  });

  it('reads a built page as the components marked it up: the story, its fields, not what is not the story', async () => {
    const { dist, staging } = await builtSite();
    await new SearchIndexBuild({ language: 'ar', stagingDir: staging, logger: recorder().logger }).finish({
      dir: dist,
      base: '/',
    });
    const [oil] = await fragments(dist);
    expect(oil?.meta).toMatchObject({ title: 'أسعار النفط', description: 'أسعار النفط', date: 'الخميس' });
    expect(oil?.content).toContain('ارتفعت أسعار النفط في الأسواق');
    for (const gone of ['شارك', 'الرئيسية', 'قصص ذات صلة']) expect(oil?.content).not.toContain(gone);
  });

  it('writes the index during the build when every story came from its entry, then moves it in', async () => {
    const { build, dist, staging } = await buildHandingOver([]);
    const indexed = await build.finish({ dir: dist, base: '/' });
    expect(indexed).toBe(1);
    expect(await pageCount(dist)).toBe(1);
    expect(existsSync(staging)).toBe(false);
    expect((globalThis as Record<symbol, unknown>)[SEARCH_HANDOFF]).toBeUndefined();
    const [lavrov] = await fragments(dist);
    expect(lavrov).toMatchObject({
      url: '/politics/lavrov/',
      meta: { title: 'زيارة لافروف', description: 'زيارة', section: 'سياسة', date: 'الخميس' },
    });
    // The headline, the text, and the light stems after them ("عاصم" for "العاصمة").
    expect(lavrov?.content).toMatch(/^سياسة\. زيارة لافروف\. وصل لافروف إلى العاصمة\. الخميس\. .*عاصم/);
  });

  it('adds the pages the route could not describe (MDX) from the built site', async () => {
    const { build, dist } = await buildHandingOver([encodeURI('/economy/نفط/')]);
    expect(await build.finish({ dir: dist, base: '/' })).toBe(2);
    expect(await pageCount(dist)).toBe(2);
  });
});
