/**
 * Incremental builds are only worth having if they are never wrong. A newsroom of 200 generated stories
 * is built, then edited the way a desk edits — a story published, a typo corrected in an old one, a story
 * deleted, a story retagged, an option changed — and built again after each edit with Astro's
 * incremental build (on by default in the theme). At three points the incremental `dist/` is compared, file
 * by file and byte by byte, with a cold build of the same content in a folder of its own, and each
 * incremental build must have reused pages (or there was nothing to test). `dist/` is kept between the
 * builds (integrations/kept-output.ts), so the comparisons also prove that nothing stale is left in it.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  articleMarkdown,
  generateNewsroom,
  LAYOUT,
  writeNewsroom,
  type Newsroom,
} from '../bench/generator/index.ts';
import { scaffoldSite } from '../bench/sites.ts';
import { buildOrThrow } from './helpers/astro.ts';
import { digests } from './helpers/digests.ts';
import { tmpRoot } from './helpers/paths.ts';

const root = join(tmpRoot, 'incremental');
const coldRoot = join(tmpRoot, 'incremental-cold');
let newsroom: Newsroom;

/** The files that differ between two builds (missing from one, or with other bytes). */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((path) => a.get(path) !== b.get(path)).sort();
}

/** How many HTML pages a build's log says it rendered, and how many it kept from the last build. */
function pageCounts(log: string): { reused: number; rendered: number } {
  const lines = log.split('\n').filter((line) => /├─ \S+\.html/.test(line));
  const reused = lines.filter((line) => /\((cached|restored)\)/.test(line)).length;
  return { reused, rendered: lines.length - reused };
}

/** A cold build of the site as it is now, in a folder of its own, without any cache. */
async function coldBuild(env: Record<string, string> = {}): Promise<Map<string, string>> {
  await rm(coldRoot, { recursive: true, force: true });
  await cp(root, coldRoot, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) =>
      !/[/\\](dist|\.astro)$/.test(source) && !source.includes(join('node_modules', '.astro')),
  });
  await buildOrThrow(coldRoot, [], env);
  return digests(join(coldRoot, 'dist'));
}

const articlesDir = () => join(root, LAYOUT.articles);
const fileOf = (article: Newsroom['articles'][number]) =>
  join(articlesDir(), article.section, `${article.id}.md`);

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const before = await readFile(file, 'utf8');
  const after = change(before);
  expect(after, `the edit of ${file} changed nothing`).not.toBe(before);
  await writeFile(file, after);
}

describe.skipIf(process.env.KHABAR_SKIP_SCALE === '1')('incremental builds', () => {
  let newest: Newsroom['articles'][number];
  let old: Newsroom['articles'][number];

  beforeAll(async () => {
    newsroom = generateNewsroom({
      articles: 200,
      seed: 12,
      imageShare: 0.05,
      imagePool: 2,
      authors: 4,
      tags: 16,
    });
    const byDate = newsroom.articles.toSorted((a, b) => Date.parse(b.published) - Date.parse(a.published));
    newest = byDate[0] as typeof newest;
    old = byDate[150] as typeof old;
    // The clock pinned after the newest story (and the one published below), as the benchmark does.
    const now = new Date(Date.parse(newest.published) + 3 * 3_600_000).toISOString();
    await scaffoldSite(root, 'theme', { now });
    await writeNewsroom(root, newsroom, { pictureWidth: 320 });
    await buildOrThrow(root);
  }, 600_000);

  it('publishes a story and corrects a typo, rendering little and writing what a cold build writes', async () => {
    const { image: _image, ...withoutPicture } = newest;
    const fresh = {
      ...withoutPicture,
      id: 'a-breaking',
      slug: 'a-breaking',
      title: `${newest.title} (عاجل)`,
      published: new Date(Date.parse(newest.published) + 3_600_000).toISOString(),
    };
    await writeFile(
      join(articlesDir(), fresh.section, `${fresh.id}.md`),
      articleMarkdown(fresh, () => ''),
    );
    // Each build started another way: a shell sets `_` to the program it runs (lib/build-env.ts).
    const publishLog = await buildOrThrow(root, [], { _: '/usr/local/bin/pnpm' });
    const published = pageCounts(publishLog);
    expect(published.reused).toBeGreaterThan(published.rendered);
    // dist/ is kept between builds: Astro leaves a page it did not render in place ("cached") rather
    // than copying it back from its cache ("restored"), and the theme removes what is gone.
    expect(publishLog).toMatch(/\.html \(cached\)/);
    expect(publishLog).not.toMatch(/\(restored\)/);

    const word = old.body.split(/\s+/).find((w) => w.length > 4) as string;
    await edit(fileOf(old), (text) => text.replace(` ${word} `, ` ${word}ـ `));
    const corrected = pageCounts(await buildOrThrow(root, [], { _: '/usr/bin/timeout' }));
    expect(corrected.reused).toBeGreaterThan(corrected.rendered * 4);

    const incremental = await digests(join(root, 'dist'));
    expect(differences(incremental, await coldBuild())).toEqual([]);
  }, 600_000);

  it('deletes, retags and changes an option, and still writes what a cold build writes', async () => {
    const gone = newsroom.articles[40] as (typeof newsroom.articles)[number];
    await rm(fileOf(gone));
    pageCounts(await buildOrThrow(root));

    const retagged = newsroom.articles[90] as (typeof newsroom.articles)[number];
    await edit(fileOf(retagged), (text) => text.replace(/^tags: .*$/m, 'tags: ["وسم جديد"]'));
    const afterRetag = pageCounts(await buildOrThrow(root));
    expect(afterRetag.reused).toBeGreaterThan(afterRetag.rendered);
    expect(differences(await digests(join(root, 'dist')), await coldBuild())).toEqual([]);

    await edit(join(root, 'astro.config.mjs'), (text) =>
      text.replace("tagline: 'أخبار المنطقة والعالم، بلا ضجيج'", "tagline: 'أخبار المنطقة'"),
    );
    await buildOrThrow(root);

    const incremental = await digests(join(root, 'dist'));
    expect(differences(incremental, await coldBuild())).toEqual([]);
  }, 900_000);

  it('a day later renders the pages that follow the clock only, and writes what a cold build writes', async () => {
    // The clock from the environment, as a newsroom's scheduled build has it, not pinned in the config.
    await edit(join(root, 'astro.config.mjs'), (text) => text.replace(/^\s*now: .*\n/m, ''));
    const start = Date.parse(newest.published) + 3 * 3_600_000;
    const at = (time: number) => ({ KHABAR_BUILD_TIME: new Date(time).toISOString() });
    await buildOrThrow(root, [], at(start));
    const nextDay = at(start + 86_400_000);
    const counts = pageCounts(await buildOrThrow(root, [], nextDay));
    // The home page (today's date, «منذ يوم») and the few pages without a key; a story or a listing
    // page shows nothing that a new day changes.
    expect(counts.reused).toBeGreaterThan(counts.rendered * 20);
    expect(differences(await digests(join(root, 'dist')), await coldBuild(nextDay))).toEqual([]);
  }, 900_000);
});
