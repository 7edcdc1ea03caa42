/**
 * A live story's updates in the search index, across builds: the index's parts are kept in Astro's cache
 * under a digest of what they hold, and an update is part of what the part holding its story holds. A
 * small newsroom (tests/fixtures/minimal, with a live story in December 2016 and a story of October, so
 * two parts) is built, an update is posted, and it is built again: the story's part is indexed again and
 * finds the new update's words, the other part is taken from the cache as it was.
 */
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrThrow } from './helpers/astro.ts';
import { builtSearch } from './helpers/pagefind.ts';
import { tmpRoot } from './helpers/paths.ts';

const root = join(tmpRoot, 'live-search');
const dist = join(root, 'dist');
const LIVE = '/politics/storm-live/';

const update = (time: string, title: string, text: string) =>
  `---\ntime: '${time}'\ntitle: '${title}'\n---\n\n${text}\n`;

/** Finds the stories a word finds in the index as built now. */
async function found(word: string): Promise<string[]> {
  const index = await builtSearch(dist);
  try {
    return await index.search(word);
  } finally {
    await index.close();
  }
}

let firstLog = '';

beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  await cp(new URL('./fixtures/minimal/', import.meta.url), root, { recursive: true });
  // The minimal site's collections and the live updates', as the on-demand fixture declares them.
  await cp(
    new URL('./fixtures/on-demand/src/content.config.ts', import.meta.url),
    join(root, 'src/content.config.ts'),
  );
  const articles = join(root, 'src/content/articles');
  await writeFile(
    join(articles, 'storm-live.md'),
    `---\ntitle: "مباشر: العاصفة على الساحل"\ndescription: "تغطية متواصلة."\npublished: "2016-12-01T07:00:00+02:00"\nsection: politics\nkind: live\nauthors: ["desk"]\n---\n\nأبرز ما نعرفه حتى الآن.\n`,
  );
  await writeFile(
    join(articles, 'autumn.md'),
    `---\ntitle: "موسم الخريف"\ndescription: "قصة من أكتوبر."\npublished: "2016-10-05T10:00:00+02:00"\nsection: politics\nauthors: ["desk"]\n---\n\nتساقطت أوراق الشجر في الحدائق.\n`,
  );
  const updates = join(root, 'src/content/updates/storm-live');
  await mkdir(updates, { recursive: true });
  await writeFile(
    join(updates, '0840.md'),
    update('2016-12-01T08:40:00+02:00', 'إغلاق النفق', 'أغلقت شرطة المرور نفق الكستناء.'),
  );
  firstLog = await buildOrThrow(root);
}, 300_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe('a live story’s updates in the search index', () => {
  it('finds the story by a word only its update says', async () => {
    expect(firstLog).toMatch(/search index: 3 articles in 2 parts/);
    expect(await found('الكستناء')).toEqual([LIVE]);
  });

  it('indexes the story’s part again when an update is posted, and takes the other part from the cache', async () => {
    expect(await found('الزنبق')).toEqual([]);
    await writeFile(
      join(root, 'src/content/updates/storm-live/1005.md'),
      update('2016-12-01T10:05:00+02:00', 'الميناء يعلّق الحركة', 'علّقت سلطة الميناء رحلات قوارب الزنبق.'),
    );
    const log = await buildOrThrow(root);
    expect(log).toMatch(/search index: 3 articles in 2 parts \(1 unchanged since the last build\)/);
    expect(await found('الزنبق')).toEqual([LIVE]);
    expect(await found('الكستناء')).toEqual([LIVE]);
    expect(await found('الحدائق')).toEqual(['/politics/autumn/']);
  });
});
