import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storyForIndex } from '../lib/search/prepare.ts';
import { SEARCH_HANDOFF, type SearchHandoff } from '../lib/search/handoff.ts';
import { SearchIndexBuild } from './search-index.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

const articlePage = (title: string, text: string) =>
  `<!doctype html><html lang="ar" dir="rtl"><head><meta name="description" content="${title}"></head><body>` +
  `<nav>الرئيسية</nav><main><article class="khabar-article"><h1>${title}</h1>` +
  `<p><time datetime="2016-12-01T14:20:00+02:00">الخميس</time></p><p>${text}</p></article></main></body></html>`;

/** A built site with two article pages, a section page and a 404 page. */
async function builtSite() {
  const root = await mkdtemp(join(tmpdir(), 'khabar-search-'));
  dirs.push(root);
  const dist = join(root, 'dist');
  const pages: Record<string, string> = {
    'politics/روسيا/index.html': articlePage('روسيا تطالب الغرب', 'التعاون بسوريا لمكافحة الإرهاب'),
    'economy/نفط/index.html': articlePage('أسعار النفط', 'ارتفعت أسعار النفط في الأسواق'),
    'politics/index.html': '<!doctype html><html lang="ar"><body><h1>سياسة</h1></body></html>',
    '404.html': articlePage('غير موجودة', 'الصفحة غير موجودة'),
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

function recorder() {
  const lines: string[] = [];
  return {
    lines,
    logger: { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(`warn: ${m}`) },
  };
}

const story = storyForIndex({
  lang: 'ar',
  dir: 'rtl',
  title: 'زيارة لافروف',
  description: 'زيارة',
  section: 'سياسة',
  date: 'الخميس',
  datetime: '2016-12-01T14:20:00+02:00',
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
  handoff.add([{ url: '/politics/lavrov/', html: story }]);
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

  it('writes the index during the build when every story came from its entry, then moves it in', async () => {
    const { build, dist, staging } = await buildHandingOver([]);
    const indexed = await build.finish({ dir: dist, base: '/' });
    expect(indexed).toBe(1);
    expect(await pageCount(dist)).toBe(1);
    expect(existsSync(staging)).toBe(false);
    expect((globalThis as Record<symbol, unknown>)[SEARCH_HANDOFF]).toBeUndefined();
  });

  it('adds the pages the route could not describe (MDX) from the built site', async () => {
    const { build, dist } = await buildHandingOver([encodeURI('/economy/نفط/')]);
    expect(await build.finish({ dir: dist, base: '/' })).toBe(2);
    expect(await pageCount(dist)).toBe(2);
  });
});
