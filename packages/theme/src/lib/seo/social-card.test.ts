/* eslint-disable @typescript-eslint/no-non-null-assertion --
 * Parsed XML and JSON-LD are untyped data, and a missing element should fail the test where it is read:
 * typing every parsed tree would only restate the assertions below. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  blendOver,
  cachedCard,
  cardHeadline,
  cardKey,
  flatCanvas,
  hexRgb,
  renderSocialCard,
} from './social-card.ts';

const require = createRequire(import.meta.url);
const fonts = {
  family: 'Cairo',
  bold: require.resolve('@expo-google-fonts/cairo/700Bold/Cairo_700Bold.ttf'),
  regular: require.resolve('@expo-google-fonts/cairo/600SemiBold/Cairo_600SemiBold.ttf'),
};
const input = {
  headline: 'روسيا تطالب الغرب بإحترام السيادة السورية .. وتعاون أمريكي محتمل لمكافحة الإرهاب',
  section: 'سياسة',
  site: 'خبر',
  host: 'khabar.example',
  background: '#a3131b',
  foreground: '#ffffff',
};
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('card text', () => {
  it('collapses spaces and shortens at a word boundary only', () => {
    expect(cardHeadline('السيادة السورية  .. وتعاون')).toBe('السيادة السورية .. وتعاون');
    expect(cardHeadline('أ ب ج د', 2)).toBe('أ ب…');
    expect(cardHeadline('كلمة', 0)).toBe('كلمة…'); // never less than one word
  });
});

describe('cardKey', () => {
  it('changes with anything drawn and with the theme version, not otherwise', () => {
    const key = cardKey(input, '0.1.0');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cardKey({ ...input }, '0.1.0')).toBe(key);
    expect(cardKey({ ...input, headline: `${input.headline}!` }, '0.1.0')).not.toBe(key);
    expect(cardKey({ ...input, section: 'اقتصاد' }, '0.1.0')).not.toBe(key);
    expect(cardKey({ ...input, site: 'خبر اليوم' }, '0.1.0')).not.toBe(key);
    expect(cardKey(input, '0.2.0')).not.toBe(key);
  });
});

describe('renderSocialCard', () => {
  it('draws a 1200×630 PNG whose headline is set flush right', async () => {
    const png = await renderSocialCard(sharp, input, fonts);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', CARD_WIDTH, CARD_HEIGHT]);
    // The headline's band (rows 150–500): white ink reaches the right margin (x ≈ 1120) and its
    // rightmost column is further right than its leftmost is from the left edge: right-aligned.
    const { data, info } = await sharp(png)
      .extract({ left: 0, top: 150, width: 1200, height: 350 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    let minX = Infinity;
    let maxX = -1;
    for (let y = 0; y < info.height; y++) {
      for (let x = 0; x < info.width; x++) {
        const i = (y * info.width + x) * info.channels;
        if (data[i]! > 230 && data[i + 1]! > 230 && data[i + 2]! > 230) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
        }
      }
    }
    expect(maxX).toBeGreaterThan(1100);
    expect(maxX).toBeLessThanOrEqual(1120);
    expect(minX).toBeGreaterThanOrEqual(80);
  });

  it('fits a very long headline by shrinking, then by dropping whole words', async () => {
    const long = Array.from({ length: 60 }, () => 'الاقتصاد').join(' ');
    const png = await renderSocialCard(sharp, { ...input, headline: long }, fonts);
    expect((await sharp(png).metadata()).height).toBe(CARD_HEIGHT);
  });

  it('draws markup characters in the headline, section and site name as text (Pango follows XML)', async () => {
    const text = { headline: `<b>"النفط" & 'الغاز'</b>`, section: 'اقتصاد & أعمال', site: '<خبر>' };
    const png = await renderSocialCard(sharp, { ...input, ...text }, fonts);
    expect((await sharp(png).metadata()).width).toBe(CARD_WIDTH);
  });
});

describe('the card canvas', () => {
  it('reads #rrggbb colours and names a bad one', () => {
    expect(hexRgb('#a3131B')).toEqual([163, 19, 27]);
    expect(() => hexRgb('red')).toThrow('the social card colour "red" is not a colour like "#a3131b"');
  });

  it('fills every pixel with the background, whatever the size', () => {
    for (const [width, height] of [
      [1, 1],
      [3, 5],
      [CARD_WIDTH, CARD_HEIGHT],
    ] as const) {
      const canvas = flatCanvas(width, height, '#0b3d2e');
      expect(canvas.length).toBe(width * height * 3);
      const colours = new Set<string>();
      for (let i = 0; i < canvas.length; i += 3)
        colours.add(`${canvas[i]},${canvas[i + 1]},${canvas[i + 2]}`);
      expect([...colours]).toEqual(['11,61,46']);
    }
  });

  it('blends straight-alpha pixels over the canvas and clips what falls outside', () => {
    const canvas = flatCanvas(4, 2, '#000000');
    // A 2×2 block: opaque white, half-transparent white, fully transparent red, opaque blue.
    const data = Buffer.from([255, 255, 255, 255, 255, 255, 255, 128, 255, 0, 0, 0, 0, 0, 255, 255]);
    blendOver(canvas, 4, { data, width: 2, height: 2 }, 0, 3); // only the block's first column fits
    blendOver(canvas, 4, { data, width: 2, height: 2 }, 1, 0); // only the block's first row fits
    const pixel = (x: number, y: number) => [...canvas.subarray((y * 4 + x) * 3, (y * 4 + x) * 3 + 3)];
    expect(pixel(3, 0)).toEqual([255, 255, 255]);
    expect(pixel(3, 1)).toEqual([0, 0, 0]); // the transparent red left the black alone
    expect(pixel(0, 1)).toEqual([255, 255, 255]);
    expect(pixel(1, 1)).toEqual([128, 128, 128]);
    expect([pixel(0, 0), pixel(1, 0), pixel(2, 0), pixel(2, 1)]).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });
});

describe('cachedCard', () => {
  it('draws once and then reads the cache', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'khabar-cards-'));
    dirs.push(dir);
    let draws = 0;
    const draw = () => {
      draws++;
      return Promise.resolve(Buffer.from('png'));
    };
    expect((await cachedCard(dir, 'k', draw)).cached).toBe(false);
    const second = await cachedCard(dir, 'k', draw);
    expect([second.cached, second.png.toString(), draws]).toEqual([true, 'png', 1]);
    expect(await readdir(dir)).toEqual(['k.png']);
  });
});
