/**
 * Social cards: the card of a story without a photo in the built example (stories with a photo use the
 * photo, and get no card by default), no card for a story with one, and incremental rebuilds of a
 * fixture: only a changed card is drawn again. (The card's drawing itself is unit-tested in packages/theme/src/lib/seo/social-card.test.ts; the seed's
 * card was also checked by eye: see the pull request.)
 */
/* eslint-disable @typescript-eslint/no-non-null-assertion --
 * Parsed XML and JSON-LD are untyped data, and a missing element should fail the test where it is read:
 * typing every parsed tree would only restate the assertions below. */
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAstro } from './helpers/astro.ts';
import { exampleDist, tmpRoot } from './helpers/paths.ts';
import { fileForPath } from './helpers/site.ts';

const seedCard = `/og/${encodeURIComponent('روسيا-تطالب-الغرب-بإحترام-السيادة-السورية')}.png`;
/** A story of the example without a photo. */
const photolessCard = '/og/storm-schools-closed.png';

describe('social cards in the example', () => {
  it("are drawn for stories without a photo only (the default, `use: 'fallback'`)", async () => {
    await expect(stat(fileForPath(exampleDist, seedCard))).rejects.toThrow();
    expect((await stat(fileForPath(exampleDist, photolessCard))).isFile()).toBe(true);
  });

  it('are palette PNGs of at most 12 KB each', async () => {
    const folder = join(exampleDist, 'og');
    const cards = (await readdir(folder)).filter((file) => file.endsWith('.png'));
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      const png = await readFile(join(folder, card));
      expect([card, png[25]]).toEqual([card, 3]); // colour type 3: indexed
      expect(png.length).toBeLessThanOrEqual(12 * 1024);
    }
  });

  it('is a 1200×630 PNG on the site’s colour, with light headline ink set flush right', async () => {
    const file = fileForPath(exampleDist, photolessCard);
    const image = sharp(file);
    const { format, width, height } = await image.metadata();
    expect([format, width, height]).toEqual(['png', 1200, 630]);
    // The corner is the background colour (#a3131b).
    const { data } = await sharp(file)
      .extract({ left: 2, top: 2, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([...data.subarray(0, 3)]).toEqual([0xa3, 0x13, 0x1b]);
    // The headline's band: the ink's right edge sits on the right margin (x ≈ 1120 of 1200).
    const band = await sharp(file)
      .extract({ left: 0, top: 150, width: 1200, height: 350 })
      .removeAlpha()
      .raw()
      .toBuffer();
    let right = -1;
    let left = Infinity;
    for (let i = 0; i < band.length; i += 3) {
      if (band[i]! > 230 && band[i + 1]! > 230 && band[i + 2]! > 230) {
        const x = (i / 3) % 1200;
        right = Math.max(right, x);
        left = Math.min(left, x);
      }
    }
    expect(right).toBeGreaterThan(1100);
    expect(right).toBeLessThanOrEqual(1120);
    expect(left).toBeGreaterThan(80);
  });
});

describe('incremental builds (experimental.incrementalBuild)', () => {
  const fixture = new URL('./fixtures/news-window/', import.meta.url);
  const root = join(tmpRoot, `card-builds-${process.pid}`); // one per test process
  const cards = join(root, 'dist/og');
  const build = async (...args: string[]) => {
    const result = await runAstro(root, ['build', ...args], {
      KHABAR_BUILD_TIME: '2016-12-02T08:00:00+02:00',
    });
    if (result.code !== 0) throw new Error(result.output);
    return result.output;
  };
  /** The card pages a build rendered (drew), and those it restored from Astro's cache. */
  const cardPages = (output: string) => {
    const lines = output.split('\n').filter((line) => /\/og\/[^ ]+\.png/.test(line));
    const name = (line: string) => /\/og\/([^ ]+)\.png/.exec(line)?.[1] ?? '';
    return {
      drawn: lines
        .filter((line) => !/\((restored|cached)\)/.test(line))
        .map(name)
        .sort(),
      kept: lines
        .filter((line) => /\((restored|cached)\)/.test(line))
        .map(name)
        .sort(),
    };
  };
  const snapshot = async () => {
    const files = (await readdir(cards)).filter((f) => f.endsWith('.png')).sort();
    return Object.fromEntries(
      await Promise.all(
        files.map(async (f) => [f, (await readFile(join(cards, f))).toString('base64')] as const),
      ),
    );
  };
  let first = '';

  beforeAll(async () => {
    await rm(root, { recursive: true, force: true });
    await cp(fixture, root, { recursive: true });
    const config = join(root, 'astro.config.mjs');
    const source = await readFile(config, 'utf8');
    await writeFile(
      config,
      source.replace('defineConfig({', 'defineConfig({\n  experimental: { incrementalBuild: true },'),
    );
    first = await build();
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('draws one card per published story, and keeps no card cache of its own', async () => {
    // Four: the draft and the story scheduled for the day after the build are not published.
    expect(Object.keys(await snapshot())).toHaveLength(4);
    expect(cardPages(first).drawn).toHaveLength(4);
    expect((await sharp(join(cards, 'just-now.png')).metadata()).width).toBe(1200);
    expect(existsSync(join(root, 'node_modules/.astro/khabar-cards'))).toBe(false);
  });

  it('draws no card when nothing changed, and only the card whose headline changed', async () => {
    const before = await snapshot();
    const again = cardPages(await build());
    expect(again.drawn).toEqual([]);
    expect(again.kept).toHaveLength(4);
    expect(await snapshot()).toEqual(before);

    const story = join(root, 'src/content/articles/just-now.md');
    await writeFile(story, (await readFile(story, 'utf8')).replace('خبر قبل دقيقة', 'خبر قبل دقيقتين'));
    const edited = cardPages(await build());
    expect(edited.drawn).toEqual(['just-now']);
    expect(edited.kept).toHaveLength(3);
    const after = await snapshot();
    expect(after['just-now.png']).not.toBe(before['just-now.png']);
    for (const [file, png] of Object.entries(before))
      if (file !== 'just-now.png') expect([file, after[file]]).toEqual([file, png]);

    // The cards an incremental build kept are the cards a full build draws, byte for byte.
    const full = cardPages(await build('--force'));
    expect(full.drawn).toHaveLength(4);
    expect(await snapshot()).toEqual(after);
  });
});
