/**
 * The search index in parts, end to end: a small newsroom under a base (`/news/`) built with parts forced
 * to two stories (`KHABAR_SEARCH_PART_SIZE`, read by the integration for tests), so its four months make
 * four parts (the newest month alone, the older ones in fixed spans of time); the search page in Chromium merges them, and one query finds stories of the newest and
 * of the oldest part, with the URLs the site publishes.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAstro } from '../helpers/astro.ts';
import { launchChromium, openPage, PHONE } from '../helpers/browser.ts';
import { tmpRoot } from '../helpers/paths.ts';
import { serveDist, type StaticServer } from '../helpers/serve.ts';

const root = join(tmpRoot, 'search-parts');
/** The host's root: the site is built into `news/`, the folder its base names. */
const served = join(root, 'served');
const dist = join(served, 'news');

/** Stories beside the fixture's own (1 December 2016), each with a word no other has. */
const STORIES = {
  chess: ['2016-12-20T10:00:00+02:00', 'بطولة الشطرنج تنطلق في المدينة', 'يتنافس لاعبو الشطرنج في المدينة'],
  bridge: ['2016-11-10T10:00:00+02:00', 'جسر جديد فوق النهر', 'افتتح الجسر في المدينة'],
  library: ['2016-10-05T10:00:00+02:00', 'مكتبة عامة تفتح أبوابها', 'زار القراء المكتبة في المدينة'],
  harvest: ['2016-09-12T10:00:00+02:00', 'موسم قطاف الزيتون', 'بدأ القطاف في قرى المدينة'],
  saffron: ['2016-09-02T10:00:00+02:00', 'حقول الزعفران تزهر', 'تزهر حقول الزعفران قرب المدينة'],
} as const;

let server: StaticServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await cp(new URL('../fixtures/minimal/', import.meta.url), root, { recursive: true });
  const configPath = join(root, 'astro.config.mjs');
  const config = await readFile(configPath, 'utf8');
  await writeFile(configPath, config.replace("site: 'https://minimal.example',", "$&\n  base: '/news',"));
  for (const [slug, [published, title, text]] of Object.entries(STORIES)) {
    await writeFile(
      join(root, 'src/content/articles', `${slug}.md`),
      `---\ntitle: "${title}"\ndescription: "${title}."\npublished: "${published}"\nsection: politics\nauthors: ["desk"]\n---\n\n${text}.\n`,
    );
  }
  const build = await runAstro(root, ['build', '--outDir', dist], { KHABAR_SEARCH_PART_SIZE: '2' });
  if (build.code !== 0) throw new Error(`astro build failed in ${root}:\n${build.output}`);
  server = await serveDist(served);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

/** The search page's results for a query typed into the address, once its status line has them. */
async function search(query: string) {
  if (!browser || !server) throw new Error('the suite’s browser is not started (beforeAll failed?)');
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    await openPage(page, server.url(`/news/search/?q=${encodeURIComponent(query)}`));
    await expect
      .poll(() => page.locator('[data-status]').textContent(), { timeout: 15_000 })
      .toContain(`«${query}»`);
    return await page
      .locator('.khabar-search__title a')
      .evaluateAll((links) => links.map((a) => ({ href: a.getAttribute('href'), title: a.textContent })));
  } finally {
    await context.close();
  }
}

describe('a newsroom indexed in parts', () => {
  it('writes one part a group of months, newest first, and their manifest', async () => {
    const manifest = JSON.parse(await readFile(join(dist, 'pagefind/parts.json'), 'utf8')) as unknown;
    expect(manifest).toEqual({
      version: 1,
      parts: [
        { id: '2016-12', stories: 2, newest: '2016-12', oldest: '2016-12' },
        { id: '2016-11', stories: 1, newest: '2016-11', oldest: '2016-11' },
        { id: '2016-10', stories: 1, newest: '2016-10', oldest: '2016-10' },
        { id: '2016-09', stories: 2, newest: '2016-09', oldest: '2016-09' },
      ],
    });
  });

  it('finds a story of the newest part and one of the oldest, at their URLs under the base', async () => {
    expect(await search('الشطرنج')).toEqual([{ href: '/news/politics/chess/', title: STORIES.chess[1] }]);
    expect(await search('الزعفران')).toEqual([
      { href: '/news/politics/saffron/', title: STORIES.saffron[1] },
    ]);
  });

  it('searches every part with one query', async () => {
    const hrefs = (await search('المدينة')).map((hit) => hit.href);
    expect(hrefs.toSorted()).toEqual(
      ['bridge', 'chess', 'harvest', 'library', 'saffron'].map((slug) => `/news/politics/${slug}/`),
    );
  });
});
